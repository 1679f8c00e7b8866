import { notFound } from '#domain/kernel/errors.ts';

/**
 * Global ids: `base64url("Type:localId")`. They name a record inside the caller's tenant; the
 * tenant itself always comes from the credentials, so an id from another tenant simply is not
 * found.
 */
export const toGlobalId = (type: string, id: string): string => Buffer.from(`${type}:${id}`).toString('base64url');

export function parseGlobalId(globalId: string): { type: string; id: string } | null {
  if (globalId.length > 200 || !/^[A-Za-z0-9_-]+$/.test(globalId)) return null;
  const raw = Buffer.from(globalId, 'base64url').toString('utf8');
  const colon = raw.indexOf(':');
  if (colon <= 0) return null;
  const type = raw.slice(0, colon);
  const id = raw.slice(colon + 1);
  if (!/^[A-Za-z]+$/.test(type) || !/^[A-Za-z0-9_-]{1,64}$/.test(id)) return null;
  return { type, id };
}

/** The local id inside a global id of the expected type; anything else is NOT_FOUND, as for an unknown id. */
export function localId(globalId: string, type: string): string {
  const parsed = parseGlobalId(globalId);
  if (!parsed || parsed.type !== type) throw notFound(type);
  return parsed.id;
}
