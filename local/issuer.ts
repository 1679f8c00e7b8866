import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, importJWK, type JSONWebKeySet, type JWK, SignJWT } from 'jose';
import type { Role } from '#domain/kernel/actors.ts';

export const LOCAL_ISSUER = 'https://kindling.local/issuer';
export const LOCAL_AUDIENCE = 'kindling-api';

interface Secrets {
  kid: string;
  privateJwk: JWK;
  publicJwk: JWK;
  cursorSecret: string;
}

/**
 * The local stand-in for Cognito: an ES256 key pair and a cursor secret, made on first start and
 * kept under the data folder, so tokens stay valid across restarts.
 */
export class LocalIssuer {
  private constructor(private readonly secrets: Secrets) {}

  static async open(dataDir: string): Promise<LocalIssuer> {
    const file = join(dataDir, 'issuer.json');
    if (existsSync(file)) return new LocalIssuer(JSON.parse(readFileSync(file, 'utf8')) as Secrets);
    const issuer = await LocalIssuer.ephemeral();
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, JSON.stringify(issuer.secrets, null, 2), { mode: 0o600 });
    return issuer;
  }

  /** A fresh issuer that lives only in memory (tests, `--in-memory`). */
  static async ephemeral(): Promise<LocalIssuer> {
    const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
    const kid = randomBytes(8).toString('hex');
    return new LocalIssuer({
      kid,
      privateJwk: { ...(await exportJWK(privateKey)), kid, alg: 'ES256' },
      publicJwk: { ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' },
      cursorSecret: randomBytes(32).toString('base64url'),
    });
  }

  get jwks(): JSONWebKeySet {
    return { keys: [this.secrets.publicJwk] };
  }

  get cursorSecret(): string {
    return this.secrets.cursorSecret;
  }

  /** The environment the handlers read (services.ts), pointing them at this issuer. */
  env(): Record<string, string> {
    return {
      KINDLING_AUTH_ISSUER: LOCAL_ISSUER,
      KINDLING_AUTH_AUDIENCE: LOCAL_AUDIENCE,
      KINDLING_AUTH_JWKS: JSON.stringify(this.jwks),
      KINDLING_CURSOR_SECRET: this.cursorSecret,
    };
  }

  async token(claims: {
    tenant: string | null;
    role: Role;
    subject: string;
    name?: string;
    person?: string | null;
    ttlSeconds?: number;
  }): Promise<{ token: string; expiresAt: string }> {
    const key = await importJWK(this.secrets.privateJwk, 'ES256');
    const ttl = claims.ttlSeconds ?? 8 * 3600;
    const exp = Math.floor(Date.now() / 1000) + ttl;
    const token = await new SignJWT({
      ...(claims.tenant ? { 'kindling:tenant': claims.tenant } : {}),
      'kindling:role': claims.role,
      ...(claims.person ? { 'kindling:person': claims.person } : {}),
      ...(claims.name ? { name: claims.name } : {}),
    })
      .setProtectedHeader({ alg: 'ES256', kid: this.secrets.kid, typ: 'JWT' })
      .setIssuer(LOCAL_ISSUER)
      .setAudience(LOCAL_AUDIENCE)
      .setSubject(claims.subject)
      .setIssuedAt()
      .setExpirationTime(exp)
      .sign(key);
    return { token, expiresAt: new Date(exp * 1000).toISOString() };
  }
}
