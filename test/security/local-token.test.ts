import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApi } from '../support/api.ts';
import { httpApi } from '../support/http.ts';

/** A raw POST to the local sign-in, with whatever Host and Origin a hostile page could make a browser send. */
function signIn(port: number, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((ok, fail) => {
    const req = request(
      { host: '127.0.0.1', port, path: '/local/token', method: 'POST', headers: { 'content-type': 'application/json', ...headers } },
      (res) => {
        let body = '';
        res.on('data', (c: Buffer) => {
          body += c.toString();
        });
        res.on('end', () => ok({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', fail);
    req.end(JSON.stringify({ role: 'operator', name: 'Mallory' }));
  });
}

/**
 * `npm start`'s sign-in hands out operator tokens to whoever asks on loopback. A web page the
 * developer has open must not be one of those: neither by posting across origins nor by DNS
 * rebinding a name of its own to 127.0.0.1.
 */
describe('the local sign-in (/local/token)', () => {
  let http: Awaited<ReturnType<typeof httpApi>>;

  beforeAll(async () => {
    const api = await testApi();
    http = await httpApi(api, { tenantExists: async () => true });
  });
  afterAll(() => http.close());

  it('answers a console on this machine (also through its dev server) and scripts without an Origin', async () => {
    const allowed: Record<string, string>[] = [
      { host: `127.0.0.1:${http.port}` },
      { host: `localhost:${http.port}`, origin: `http://localhost:${http.port}`, 'sec-fetch-site': 'same-origin' },
      { host: `127.0.0.1:${http.port}`, origin: `http://127.0.0.1:${http.port}` },
      // The console's Vite dev server forwarding the sign-in (Host and Origin are its own).
      { host: 'localhost:5173', origin: 'http://localhost:5173', 'sec-fetch-site': 'same-origin' },
    ];
    for (const headers of allowed) {
      const res = await signIn(http.port, headers);
      expect({ headers, status: res.status }).toEqual({ headers, status: 200 });
      expect(JSON.parse(res.body).token).toMatch(/^ey/);
    }
  });

  it('refuses a rebound host name, another page’s origin, and cross-site fetches', async () => {
    const refused: Record<string, string>[] = [
      // DNS rebinding: evil.example resolves to 127.0.0.1, so the page is "same origin" with us.
      { host: `evil.example:${http.port}`, origin: `http://evil.example:${http.port}` },
      { host: `evil.example:${http.port}` },
      { host: `localhost.evil.example:${http.port}` },
      // A page elsewhere posting across origins (its answer would be opaque, but the token is minted).
      { host: `127.0.0.1:${http.port}`, origin: 'https://evil.example' },
      { host: `127.0.0.1:${http.port}`, origin: 'null' },
      { host: `127.0.0.1:${http.port}`, origin: `http://localhost.evil.example:${http.port}` },
      { host: `127.0.0.1:${http.port}`, origin: `https://127.0.0.1.evil.example` },
      { host: `127.0.0.1:${http.port}`, 'sec-fetch-site': 'cross-site' },
    ];
    for (const headers of refused) {
      const res = await signIn(http.port, headers);
      expect({ headers, status: res.status }).toEqual({ headers, status: 403 });
      expect(res.body).not.toContain('token":"');
    }
  });
});
