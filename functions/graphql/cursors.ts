import { createCipheriv, createDecipheriv, createHmac, hkdfSync } from 'node:crypto';
import { DomainError, ErrorCode } from '#domain/kernel/errors.ts';

/** The version prefix: cursors of the earlier, signed-only kind (HMAC over plain base64) are refused. */
const VERSION = 'k2.';
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** Longer than any position the store hands out; longer input is refused before any work. */
const MAX_CURSOR_CHARS = 2_048;

interface Keys {
  encryption: Buffer;
  nonce: Buffer;
}

/** Two independent keys from one secret (HKDF-SHA256): one encrypts, one derives the nonce. */
function derive(secret: string): Keys {
  const key = (info: string) => Buffer.from(hkdfSync('sha256', secret, 'kindling-cursor', info, 32));
  return { encryption: key('aes-256-gcm v2'), nonce: key('nonce v2') };
}

const notACursor = () =>
  new DomainError(ErrorCode.BAD_USER_INPUT, 'input.invalid', { fields: 'after' }, [
    { field: 'after', rule: 'cursor', reason: 'is not a cursor this list handed out' },
  ]);

/**
 * Cursors leave the server encrypted and authenticated (AES-256-GCM), bound to the tenant, the
 * list and its arguments as additional data. The store's position inside holds raw keys (folded
 * names in a sort key), which a caller must not read; a cursor edited by hand, or replayed by
 * another tenant or on another list, fails authentication and is refused with BAD_USER_INPUT.
 *
 * The nonce is derived from the position and binding (as in AES-SIV): the same page boundary gives
 * the same cursor, and a nonce repeats only for the very same plaintext. During a rotation of the
 * secret, cursors sealed with the previous one still open. ADR 0035.
 */
export class CursorSeal {
  private readonly current: Keys;
  private readonly accepted: Keys[];

  constructor(secret: string, previous: readonly string[] = []) {
    this.current = derive(secret);
    this.accepted = [this.current, ...previous.filter((p) => p && p !== secret).map(derive)];
  }

  seal(position: string | null, binding: string): string | null {
    if (position === null) return null;
    const iv = createHmac('sha256', this.current.nonce).update(binding).update('\u0000').update(position).digest().subarray(0, IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.current.encryption, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(Buffer.from(binding, 'utf8'));
    const sealed = Buffer.concat([iv, cipher.update(position, 'utf8'), cipher.final(), cipher.getAuthTag()]);
    return `${VERSION}${sealed.toString('base64url')}`;
  }

  open(cursor: string | null | undefined, binding: string): string | null {
    if (cursor === null || cursor === undefined) return null;
    if (!cursor.startsWith(VERSION) || cursor.length > MAX_CURSOR_CHARS) throw notACursor();
    const sealed = Buffer.from(cursor.slice(VERSION.length), 'base64url');
    if (sealed.length <= IV_BYTES + TAG_BYTES) throw notACursor();
    const iv = sealed.subarray(0, IV_BYTES);
    const tag = sealed.subarray(sealed.length - TAG_BYTES);
    const body = sealed.subarray(IV_BYTES, sealed.length - TAG_BYTES);
    for (const keys of this.accepted) {
      try {
        const decipher = createDecipheriv('aes-256-gcm', keys.encryption, iv, { authTagLength: TAG_BYTES });
        decipher.setAAD(Buffer.from(binding, 'utf8'));
        decipher.setAuthTag(tag);
        return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
      } catch {
        // Not sealed with this key (or not for this list): try the previous one.
      }
    }
    throw notACursor();
  }
}
