/**
 * Where people open Kindling's public pages (the console's address): the base of e-mail action
 * links (ADR 0059), or null when e-mails carry none. Asked for at every send step, so it is a
 * function: fixed where the address is configured (`KINDLING_PUBLIC_URL`, `npm start`, tests), read
 * from an SSM parameter in AWS, where the console stack writes it after the API stack is deployed
 * (ADR 0074).
 */
export type PublicUrl = () => Promise<string | null>;

export const fixedPublicUrl =
  (url: string | null | undefined): PublicUrl =>
  async () =>
    url || null;

/** How long a read answer (the address, or that there is none yet) is kept before the parameter is read again. */
export const PUBLIC_URL_TTL_MS = 5 * 60_000;

/**
 * The address from a parameter, read on first use and again once the last answer is older than
 * `ttlMs`: a console stack deployed (or its domain changed) after a container started is seen within
 * minutes, without a read per message. Concurrent callers share one read. A failed read is logged
 * and answers the last known address (or null): e-mails then go without links rather than not at all.
 */
export function parameterPublicUrl(
  read: () => Promise<string | undefined>,
  options: { now?: () => number; ttlMs?: number; warn?: (message: string, detail: Record<string, unknown>) => void } = {},
): PublicUrl {
  const now = options.now ?? Date.now;
  const ttlMs = options.ttlMs ?? PUBLIC_URL_TTL_MS;
  let known: { url: string | null; at: number } | null = null;
  let reading: Promise<string | null> | null = null;
  return async () => {
    if (known && now() - known.at < ttlMs) return known.url;
    reading ??= read()
      .then((value) => {
        const url = value?.trim() || null;
        if (!url) options.warn?.('public URL parameter absent or empty: e-mails carry no action links', {});
        known = { url, at: now() };
        return url;
      })
      .catch((e: unknown) => {
        options.warn?.('public URL parameter unreadable: using the last known address', { error: String(e) });
        // Tried again on the next call, not after a whole TTL.
        return known?.url ?? null;
      })
      .finally(() => {
        reading = null;
      });
    return reading;
  };
}
