import { randomUUID } from 'node:crypto';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { APIGatewayProxyEventV2, Context as LambdaContext } from 'aws-lambda';
import type { Role } from '#domain/kernel/actors.ts';
import type { GraphqlHandler } from '#graphql/server.ts';
import type { LocalIssuer } from './issuer.ts';

/** The largest request body accepted: Lambda's own limit for a synchronous call (an HR export of 20,000 rows fits). */
export const MAX_BODY_BYTES = 6_000_000;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

class TooLarge extends Error {}

/** Past this much a client is not sending a mistaken upload but flooding: the connection is cut. */
const MAX_DRAINED_BYTES = 8 * MAX_BODY_BYTES;

/**
 * The body, or TooLarge once it passes the limit. The rest is read and dropped so the client hears
 * the 413 (a reset mid-upload reaches it as a network error, not an answer), up to a bound.
 */
function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((ok, fail) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= MAX_BODY_BYTES) chunks.push(c);
      else if (size > MAX_DRAINED_BYTES) req.destroy();
    });
    req.on('end', () => (size > MAX_BODY_BYTES ? fail(new TooLarge()) : ok(Buffer.concat(chunks))));
    req.on('error', fail);
  });
}

/** Turns a Node request into the API Gateway HTTP API (v2) event Lambda would receive. */
export function toApiGatewayEvent(req: IncomingMessage, body: Buffer, port: number): APIGatewayProxyEventV2 {
  const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
  const headers: Record<string, string> = {};
  const cookies: string[] = [];
  for (const [k, v] of Object.entries(req.headers)) {
    if (v === undefined) continue;
    if (k === 'cookie') cookies.push(...String(v).split(/;\s*/));
    else headers[k] = Array.isArray(v) ? v.join(',') : v;
  }
  const query: Record<string, string> = {};
  for (const [k, v] of url.searchParams) query[k] = query[k] ? `${query[k]},${v}` : v;
  const now = new Date();
  const requestId = randomUUID();
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    cookies: cookies.length ? cookies : undefined,
    headers,
    queryStringParameters: Object.keys(query).length ? query : undefined,
    requestContext: {
      accountId: 'local',
      apiId: 'local',
      domainName: url.host,
      domainPrefix: 'local',
      http: {
        method: req.method ?? 'GET',
        path: url.pathname,
        protocol: `HTTP/${req.httpVersion}`,
        sourceIp: req.socket.remoteAddress ?? '127.0.0.1',
        userAgent: headers['user-agent'] ?? '',
      },
      requestId,
      routeKey: '$default',
      stage: '$default',
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
    },
    body: body.length ? body.toString('utf8') : undefined,
    isBase64Encoded: false,
  };
}

export function lambdaContext(functionName: string): LambdaContext {
  const started = Date.now();
  const requestId = randomUUID();
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:local:000000000000:function:${functionName}`,
    memoryLimitInMB: '1024',
    awsRequestId: requestId,
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, 29_000 - (Date.now() - started)),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(typeof body === 'string' ? body : JSON.stringify(body));
}

export interface LocalServerOptions {
  port: number;
  graphql: GraphqlHandler;
  issuer: LocalIssuer;
  /** Checks a tenant exists before the local sign-in hands out a token for it. */
  tenantExists: (slug: string) => Promise<boolean>;
  /** The built console; absent means the API alone. */
  consoleDir: string | null;
}

/**
 * `npm start`'s front door: /graphql goes through the Lambda handler as an API Gateway event, the
 * console is served from its build, and /local/token is the local-only sign-in (never deployed).
 */
export function startLocalServer(options: LocalServerOptions): Promise<Server> {
  const server = createServer(async (req, res) => {
    try {
      const path = new URL(req.url ?? '/', 'http://local').pathname;
      if (path === '/graphql' || path === '/links') {
        const body = await readBody(req);
        const result = await options.graphql(toApiGatewayEvent(req, body, options.port), lambdaContext('kindling-graphql'));
        const headers: Record<string, string> = {};
        for (const [k, v] of Object.entries(result.headers ?? {})) headers[k] = String(v);
        res.writeHead(result.statusCode ?? 200, headers);
        res.end(result.body ?? '');
        return;
      }
      if (path === '/config.json') return send(res, 200, { apiUrl: '/graphql', auth: { mode: 'local' } }, { 'cache-control': 'no-cache' });
      if (path === '/local/token' && req.method === 'POST') return await issueToken(req, res, options);
      if (path === '/healthz') return send(res, 200, { ok: true });
      return serveConsole(path, res, options.consoleDir, String(req.headers['accept-encoding'] ?? ''));
    } catch (e) {
      if (e instanceof TooLarge) {
        const message = `The request body is over ${MAX_BODY_BYTES} bytes, the most one request may carry. Nothing was changed.`;
        return send(
          res,
          413,
          { errors: [{ message, extensions: { code: 'BAD_USER_INPUT', messageKey: 'request.invalid' } }] },
          { connection: 'close' },
        );
      }
      console.error(JSON.stringify({ level: 'error', msg: 'local server error', error: String(e) }));
      if (!res.headersSent) send(res, 500, { errors: [{ message: 'Internal error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
    }
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(options.port, '127.0.0.1', () => ok(server));
  });
}

const CONSOLE_ROLES: Role[] = ['manager', 'operator'];

/** The names this machine answers to on loopback; the server listens on 127.0.0.1 only. */
const LOOPBACK_NAMES = new Set(['127.0.0.1', 'localhost', '[::1]']);

const loopback = (url: string): boolean => {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' && LOOPBACK_NAMES.has(parsed.hostname);
  } catch {
    return false;
  }
};

/**
 * Whether a sign-in request comes from a console or a script on this machine. Listening on loopback
 * is not enough: any web page the developer opens can POST to 127.0.0.1, and through DNS rebinding
 * (a hostile name that resolves to 127.0.0.1) read the answer as its own. So the Host must be a
 * loopback name (a rebound name is not), and an Origin, when the browser sends one, a loopback one
 * (another site's is not); any port, so the console's Vite dev server can forward sign-ins here.
 * Scripts (curl, `npx kindling token`) send no Origin.
 */
export function fromThisMachine(headers: IncomingMessage['headers']): boolean {
  if (!loopback(`http://${headers.host ?? ''}`)) return false;
  if (headers['sec-fetch-site'] === 'cross-site') return false;
  return headers.origin === undefined || loopback(headers.origin);
}

async function issueToken(req: IncomingMessage, res: ServerResponse, options: LocalServerOptions): Promise<void> {
  if (!fromThisMachine(req.headers)) {
    req.resume();
    return send(res, 403, { error: 'The local sign-in answers only the console on this machine (http://127.0.0.1 or localhost).' });
  }
  let input: { tenant?: unknown; role?: unknown; name?: unknown };
  try {
    input = JSON.parse((await readBody(req)).toString('utf8'));
  } catch {
    return send(res, 400, { error: 'Send JSON: {"tenant": "demo", "role": "manager", "name": "Ada"}' });
  }
  const role = String(input.role ?? 'manager') as Role;
  const tenant = typeof input.tenant === 'string' ? input.tenant.trim().toLowerCase() : '';
  const name = typeof input.name === 'string' && input.name.trim() ? input.name.trim().slice(0, 80) : 'Local user';
  if (!CONSOLE_ROLES.includes(role)) return send(res, 400, { error: `Role must be one of ${CONSOLE_ROLES.join(', ')}.` });
  if (role !== 'operator' && !(await options.tenantExists(tenant))) {
    return send(res, 404, {
      error: `No tenant "${tenant}" here. The demo tenant is "demo"; create others with the createTenant mutation.`,
    });
  }
  const subject = `local:${role}:${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  send(res, 200, await options.issuer.token({ tenant: tenant || null, role, subject, name }));
}

/** Text assets gzipped once and kept, as CloudFront compresses them in AWS. */
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.svg']);
const gzipped = new Map<string, { mtimeMs: number; body: Buffer }>();

function gzippedFile(file: string): Buffer {
  const { mtimeMs } = statSync(file);
  const cached = gzipped.get(file);
  if (cached && cached.mtimeMs === mtimeMs) return cached.body;
  const body = gzipSync(readFileSync(file), { level: 6 });
  gzipped.set(file, { mtimeMs, body });
  return body;
}

function serveConsole(path: string, res: ServerResponse, dir: string | null, acceptEncoding = ''): void {
  if (!dir || !existsSync(dir)) {
    send(res, 404, { error: 'The console is not built. Run `npm run build:admin`.' });
    return;
  }
  const safe = normalize(path).replace(/^(\.\.[/\\])+/, '');
  let file = join(dir, safe);
  if (!file.startsWith(dir) || !existsSync(file) || statSync(file).isDirectory()) file = join(dir, 'index.html');
  const immutable = file.includes(`${join(dir, 'assets')}`);
  const headers = {
    'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    'x-content-type-options': 'nosniff',
    vary: 'accept-encoding',
  };
  if (COMPRESSIBLE.has(extname(file)) && /\bgzip\b/.test(acceptEncoding)) {
    const body = gzippedFile(file);
    res.writeHead(200, { ...headers, 'content-encoding': 'gzip', 'content-length': body.length });
    res.end(body);
    return;
  }
  res.writeHead(200, headers);
  createReadStream(file).pipe(res);
}
