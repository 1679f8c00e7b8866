import { createHmac, timingSafeEqual } from 'node:crypto';
import { DomainError, ErrorCode } from '#domain/errors.ts';

/**
 * Cursors leave the server sealed: the store's position plus an HMAC over the tenant, the list
 * and its arguments. A cursor edited by hand, or replayed by another tenant or on another list,
 * is refused with BAD_USER_INPUT.
 */
export class CursorSeal {
  constructor(private readonly secret: string) {}

  private mac(position: string, binding: string): string {
    return createHmac('sha256', this.secret).update(binding).update('\u0000').update(position).digest('base64url').slice(0, 22);
  }

  seal(position: string | null, binding: string): string | null {
    return position === null ? null : `${position}.${this.mac(position, binding)}`;
  }

  open(cursor: string | null | undefined, binding: string): string | null {
    if (cursor === null || cursor === undefined) return null;
    const dot = cursor.lastIndexOf('.');
    const position = cursor.slice(0, dot);
    const given = Buffer.from(cursor.slice(dot + 1));
    const expected = Buffer.from(this.mac(position, binding));
    if (dot <= 0 || given.length !== expected.length || !timingSafeEqual(given, expected)) {
      throw new DomainError(ErrorCode.BAD_USER_INPUT, 'input.invalid', { fields: 'after' }, [
        { field: 'after', rule: 'cursor', reason: 'is not a cursor this list handed out' },
      ]);
    }
    return position;
  }
}
