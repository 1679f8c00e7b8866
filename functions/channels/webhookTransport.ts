import type { WebhookTransport } from '#domain/webhooks.ts';

/** POSTs a delivery with a 10-second limit; never follows redirects (a partner's endpoint answers itself). */
export const fetchTransport: WebhookTransport = async (url, body, headers) => {
  const res = await fetch(url, { method: 'POST', body, headers, redirect: 'manual', signal: AbortSignal.timeout(10_000) });
  await res.body?.cancel();
  return res.status;
};
