import { createLocalJWKSet, createRemoteJWKSet, type JSONWebKeySet, type JWTPayload, jwtVerify } from 'jose';
import type { Actor, Role } from '#domain/kernel/actors.ts';
import { DomainError, ErrorCode } from '#domain/kernel/errors.ts';

export interface AuthConfig {
  issuer: string;
  /** One audience, or several (the API's own app client and the console's hosted-UI client). */
  audience: string | string[];
  /** The issuer's public keys: inline (the local issuer) or a JWKS URL (Cognito). */
  jwks: JSONWebKeySet | URL;
}

/** Only asymmetric signatures: rules out `alg: none` and HS256 signed with a public key. */
const ALGORITHMS = ['ES256', 'RS256'];

/**
 * The longest a token may live, issue to expiry: Cognito's longest ID token (a day). The local
 * issuer's tokens live 8 hours. A token claiming more (an `exp` in year 9999) was not issued by a
 * well-configured issuer and is refused, as is one issued in the future beyond the clock skew.
 */
export const MAX_TOKEN_LIFETIME_SECONDS = 24 * 3600;
export const CLOCK_SKEW_SECONDS = 5;
const ROLES: Record<string, Role> = { operator: 'operator', manager: 'manager', participant: 'participant' };

const unauthenticated = (key: 'auth.missing' | 'auth.invalid') => new DomainError(ErrorCode.UNAUTHENTICATED, key);

/**
 * Maps verified claims to an actor. The local issuer writes `kindling:*` claims; Cognito carries
 * the tenant in `custom:tenant` and the role as a group (`operators`, `managers`), which only an
 * administrator of the pool can set. A `custom:role` is ignored: a custom attribute is a profile
 * field an app client may be allowed to write, so it never grants a role, least of all operator.
 */
export function actorFromClaims(payload: JWTPayload): Actor {
  const claim = (name: string): string | undefined => {
    const v = payload[`kindling:${name}`] ?? payload[`custom:${name}`];
    return typeof v === 'string' && v.length > 0 ? v : undefined;
  };
  const localRole = typeof payload['kindling:role'] === 'string' ? ROLES[payload['kindling:role']] : undefined;
  const groups = Array.isArray(payload['cognito:groups']) ? (payload['cognito:groups'] as string[]) : [];
  const role = localRole ?? (groups.includes('operators') ? 'operator' : groups.includes('managers') ? 'manager' : 'participant');
  const tenantId = claim('tenant') ?? null;
  const personId = claim('person') ?? null;
  if (!payload.sub || (role !== 'operator' && tenantId === null) || (role === 'participant' && personId === null)) {
    throw unauthenticated('auth.invalid');
  }
  return { id: payload.sub, role, tenantId, personId };
}

export type Verifier = (authorization: string | undefined) => Promise<Actor>;

/** Built once per container; the JWKS is fetched (and cached) by jose only for a remote issuer. */
export function createVerifier(config: AuthConfig): Verifier {
  const keys = config.jwks instanceof URL ? createRemoteJWKSet(config.jwks) : createLocalJWKSet(config.jwks);
  return async (authorization) => {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization?.trim() ?? '');
    if (!match?.[1]) throw unauthenticated('auth.missing');
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(match[1], keys, {
        issuer: config.issuer,
        audience: config.audience,
        algorithms: ALGORITHMS,
        requiredClaims: ['exp', 'iat', 'sub'],
        clockTolerance: CLOCK_SKEW_SECONDS,
        // Also refuses an `iat` in the future beyond the tolerance.
        maxTokenAge: MAX_TOKEN_LIFETIME_SECONDS,
      }));
    } catch {
      throw unauthenticated('auth.invalid');
    }
    if ((payload.exp ?? 0) - (payload.iat ?? 0) > MAX_TOKEN_LIFETIME_SECONDS) throw unauthenticated('auth.invalid');
    return actorFromClaims(payload);
  };
}
