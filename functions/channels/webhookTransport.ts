import { lookup as dnsLookup } from 'node:dns/promises';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { addressAllowed, classifyAddress, isLocalName, type ResolveHost } from '#domain/engagement/endpoints.ts';
import type { TransportResult, WebhookTransport } from '#domain/engagement/webhooks.ts';

/** Every address of a name, as the system resolver gives them. */
export const systemResolver: ResolveHost = (host) => dnsLookup(host, { all: true, verbatim: true });

/** Marks a connection refused by the address check (the code survives however `net` wraps the error). */
const REFUSED = 'EKINDLING_ADDRESS_REFUSED';

/**
 * POSTs a delivery with a 10-second limit and never follows redirects (ADR 0036). The address is
 * checked at connection time, not only when the URL was registered: the socket's `lookup` resolves
 * the name once, refuses the connection if any address is internal (a name that answers with a
 * public and a private address is refused whole), and hands the socket only the checked addresses.
 * There is no second resolution a rebinding DNS server could answer differently.
 *
 * What the caller learns is deliberately coarse — an HTTP status, `refused` or `unreachable` — so
 * the outcome of a delivery never tells a partner what exists inside Kindling's network.
 */
export function guardedTransport(resolve: ResolveHost = systemResolver, timeoutMs = 10_000): WebhookTransport {
  return (url, body, headers, { allowLoopback }) =>
    new Promise<TransportResult>((resolveResult) => {
      let timer: NodeJS.Timeout | undefined;
      const done = (r: TransportResult) => {
        clearTimeout(timer);
        resolveResult(r);
      };
      let target: URL;
      try {
        target = new URL(url);
      } catch {
        done({ kind: 'refused' });
        return;
      }
      const host = target.hostname.replace(/^\[|\]$/g, '');
      const literal = classifyAddress(host);
      // An IP literal never goes through `lookup`: check it here. A name that means this machine is loopback whatever DNS says.
      if (literal !== null ? !addressAllowed(host, allowLoopback) : isLocalName(host) && !allowLoopback) {
        done({ kind: 'refused' });
        return;
      }
      const lookup: LookupFunction = (hostname, options, callback) => {
        resolve(hostname)
          .then((found) => {
            const family = typeof options === 'object' ? options.family : undefined;
            const usable = found.filter((a) => !family || a.family === family);
            if (usable.length === 0) throw new Error('no address');
            if (found.some((a) => !addressAllowed(a.address, allowLoopback)))
              throw Object.assign(new Error('address refused'), { code: REFUSED });
            if (typeof options === 'object' && options.all) (callback as (e: null, a: typeof usable) => void)(null, usable);
            else callback(null, (usable[0] as { address: string }).address, (usable[0] as { family: number }).family);
          })
          .catch((e: Error) => callback(e as NodeJS.ErrnoException, '', 0));
      };
      const send = target.protocol === 'https:' ? httpsRequest : target.protocol === 'http:' ? httpRequest : null;
      if (!send) {
        done({ kind: 'refused' });
        return;
      }
      const req = send(target, { method: 'POST', headers: { ...headers, 'content-length': Buffer.byteLength(body) }, lookup }, (res) => {
        res.resume();
        done({ kind: 'answered', status: res.statusCode ?? 0 });
        res.destroy();
      });
      timer = setTimeout(() => req.destroy(new Error('timed out')), timeoutMs);
      req.on('error', (e: NodeJS.ErrnoException) => done(e.code === REFUSED ? { kind: 'refused' } : { kind: 'unreachable' }));
      req.end(body);
    });
}
