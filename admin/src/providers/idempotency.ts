/**
 * A fresh idempotency key: 128 random bits as hex. Creating mutations take one, so a second click
 * or a retry after a lost answer gets the first result instead of a twin. Works outside secure
 * contexts too, unlike crypto.randomUUID.
 */
export function newIdempotencyKey(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
