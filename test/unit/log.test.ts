import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLogger, REDACTED } from '#lib/log.ts';

/** The lines a logger writes, parsed; stdout and stderr alike. */
function capture(): { lines: () => Record<string, unknown>[] } {
  const written: string[] = [];
  for (const stream of [process.stdout, process.stderr]) {
    vi.spyOn(stream, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
  }
  return {
    lines: () =>
      written
        .join('')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as Record<string, unknown>),
  };
}

afterEach(() => vi.restoreAllMocks());

describe('the structured logger (Powertools)', () => {
  it('writes one JSON object a line with the service, the message and the fields', () => {
    const out = capture();
    createLogger('graphql', 'info').info('program lifecycle tick', { tenants: 3 });
    expect(out.lines()).toEqual([
      expect.objectContaining({ level: 'INFO', service: 'graphql', message: 'program lifecycle tick', tenants: 3 }),
    ]);
  });

  it('never writes a token, key, secret or e-mail address, at any depth', () => {
    const out = capture();
    createLogger('graphql', 'info').warn('suspicious request', {
      headers: { Authorization: 'Bearer eyJhbGciOi.secret', 'x-api-key': 'kdl_acme_0123456789' },
      caller: { email: 'ada@example.com', tenantId: 'acme' },
      refresh_token: 'r-123',
    });
    const [line] = out.lines();
    expect(JSON.stringify(line)).not.toMatch(/eyJhbGciOi|kdl_acme|ada@example|r-123/);
    expect(line).toMatchObject({
      headers: { Authorization: REDACTED, 'x-api-key': REDACTED },
      caller: { email: REDACTED, tenantId: 'acme' },
    });
  });

  it('turns an error into its name, message and the top of its stack', () => {
    const out = capture();
    createLogger('jobs', 'info').error('job failed', { job: 'j1', err: new TypeError('bad row') });
    expect(out.lines()[0]).toMatchObject({
      level: 'ERROR',
      job: 'j1',
      error: 'TypeError',
      detail: 'bad row',
      stack: expect.stringContaining('TypeError: bad row'),
    });
  });

  it('drops lines below its level', () => {
    const out = capture();
    const log = createLogger('jobs', 'warn');
    log.info('routine');
    log.debug('detail');
    log.warn('odd');
    expect(out.lines().map((l) => l.message)).toEqual(['odd']);
  });
});
