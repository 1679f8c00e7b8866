import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY_MS } from '#domain/mentorships/health.ts';
import { freePort } from '#local/dynamo.ts';
import type { RunInfo } from '#local/runs.ts';
import { javaOnPort, ROOT, type Running, startKindling, stop } from '../support/kindling.ts';

const run = promisify(execFile);

/** Over real HTTP, as a script would (the documents are plain strings: this is the script's view). */
async function gql(base: string, token: string, query: string) {
  const res = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query }),
  });
  return (await res.json()) as { data?: Record<string, unknown>; errors?: { extensions?: { code?: string } }[] };
}

/** "pairs on track 24, due soon 6, overdue 12, never met 6; attention 8; written 12 (NUDGE_DUE 4, …)" → figures. */
function programLine(out: string) {
  const lines = out.split('\n').filter((l) => l.includes('pairs on track'));
  const busiest = lines
    .map((l) => {
      const n = (label: string) => Number(new RegExp(`${label} (\\d+)`).exec(l)?.[1] ?? Number.NaN);
      const written = Object.fromEntries([...l.matchAll(/([A-Z_]+) (\d+)/g)].map((m) => [m[1], Number(m[2])]));
      return { onTrack: n('on track'), dueSoon: n('due soon'), overdue: n('overdue'), neverMet: n('never met'), written };
    })
    .sort((a, b) => b.onTrack + b.dueSoon + b.overdue + b.neverMet - (a.onTrack + a.dueSoon + a.overdue + a.neverMet));
  return busiest[0];
}

const countFiles = (dir: string): number =>
  existsSync(dir)
    ? readdirSync(dir, { withFileTypes: true }).reduce((n, e) => n + (e.isDirectory() ? countFiles(join(dir, e.name)) : 1), 0)
    : 0;

describe('npm start -- --in-memory (a throwaway run)', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'kindling-throwaway-'));
  // The data folder a throwaway run must never touch, and a folder of run files of this test's own.
  const data = join(scratch, 'data-never-written');
  const runs = join(scratch, 'runs');
  const env = { ...process.env, KINDLING_DATA: data, KINDLING_RUNS: runs };
  const cli = async (...args: string[]) => (await run(process.execPath, ['bin/kindling.js', ...args], { cwd: ROOT, env })).stdout;
  let running: Running;
  let base = '';
  let dynamoPort = 0;
  let info: RunInfo;

  beforeAll(async () => {
    Object.assign(process.env, { KINDLING_DATA: data, KINDLING_RUNS: runs });
    const port = await freePort();
    dynamoPort = await freePort();
    base = `http://127.0.0.1:${port}`;
    running = await startKindling(['--port', String(port), '--dynamo-port', String(dynamoPort), '--in-memory', '--tick', '3600']);
    expect(running.output()).toContain('Kindling is running');
    info = JSON.parse(readFileSync(join(runs, `${port}.json`), 'utf8')) as RunInfo;
  });

  afterAll(async () => {
    if (running) await stop(running);
    rmSync(scratch, { recursive: true, force: true });
  });

  it('accepts tokens from `kindling token` with no --port: a manager, and a participant named by the id the API shows', async () => {
    const manager = (await cli('token', '--tenant', 'demo', '--role', 'manager')).trim();
    const pairs = await gql(
      base,
      manager,
      '{ programs(first: 5) { edges { node { mentorships(first: 1) { edges { node { mentor { id } } } } } } } }',
    );
    expect(pairs.errors).toBeUndefined();
    type Programs = { edges: { node: { mentorships: { edges: { node: { mentor: { id: string } } }[] } } }[] };
    const programs = (pairs.data?.programs as Programs | undefined)?.edges ?? [];
    const mentorId = programs.flatMap((p) => p.node.mentorships.edges)[0]?.node.mentor.id ?? '';
    expect(mentorId).not.toBe('');

    const participant = (await cli('token', '--tenant', 'demo', '--role', 'participant', '--person', mentorId)).trim();
    const me = await gql(base, participant, '{ viewer { actor { role } tenant { slug } } }');
    expect(me).toEqual({ data: { viewer: { actor: { role: 'PARTICIPANT' }, tenant: { slug: 'demo' } } } });
  });

  it('prints a try-it example that works when pasted: the token command and the curl, whatever the port', async () => {
    const banner = running.output();
    expect(banner).not.toMatch(/Bearer eyJ[\w-]*…/);
    const lines = banner.split('\n');
    const from = lines.findIndex((l) => l.trim().startsWith('TOKEN=$('));
    const script = lines
      .slice(from, from + 3)
      .join('\n')
      .replaceAll('npx kindling', `${process.execPath} bin/kindling.js`);
    const { stdout } = await run('bash', ['-c', script], { cwd: ROOT, env });
    expect(JSON.parse(stdout)).toMatchObject({ data: { viewer: { tenant: { name: 'Demo Association' } } } });
  });

  it("lets an operator run a tenant's job now through the API, and no one else", async () => {
    const operator = (await cli('token', '--role', 'operator')).trim();
    const ran = await gql(base, operator, 'mutation { runJob(job: ENGAGEMENT, tenant: "demo") { job status tenant { slug } summary } }');
    expect(ran.errors).toBeUndefined();
    expect(ran.data?.runJob).toMatchObject({ job: 'ENGAGEMENT', status: 'DONE', tenant: { slug: 'demo' } });
    expect((ran.data?.runJob as { summary: string[] } | undefined)?.summary.join('\n')).toMatch(
      /pairs on track \d+, due soon \d+, overdue \d+/,
    );

    const manager = (await cli('token', '--tenant', 'demo', '--role', 'manager')).trim();
    const refused = await gql(base, manager, 'mutation { runJob(job: LIFECYCLE, tenant: "demo") { status } }');
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const unknown = await gql(base, operator, 'mutation { runJob(job: MATCHING, tenant: "no-such-tenant") { status } }');
    expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('rehearses eight weeks of the demo program with `kindling job run --at`: pairs fall due, then overdue, and reminders arrive', async () => {
    // Noon in Amsterdam (the demo's zone), so quiet hours never hold a message back.
    const today = new Date(`${new Date().toISOString().slice(0, 10)}T11:00:00Z`);
    const weeks = [];
    for (let week = 0; week <= 8; week++) {
      const at = new Date(today.getTime() + week * 7 * DAY_MS).toISOString();
      const out = await cli('job', 'run', 'engagement', '--tenant', 'demo', '--at', at);
      expect(out).toContain(`engagement ran at ${at} for demo`);
      weeks.push({ week, ...programLine(out), mailbox: countFiles(info.mailbox) });
    }
    console.table(weeks.map(({ written, ...w }) => ({ ...w, written: JSON.stringify(written) })));
    const [first, last] = [weeks[0], weeks[8]];
    expect(first?.dueSoon).toBeGreaterThan(0);
    expect(last?.overdue).toBeGreaterThan(first?.overdue ?? 0);
    expect(last?.onTrack).toBeLessThan(first?.onTrack ?? 0);
    const later = weeks.slice(1);
    expect(later.some((w) => (w.written.NUDGE_DUE ?? 0) > 0)).toBe(true);
    expect(later.some((w) => (w.written.NUDGE_OVERDUE ?? 0) > 0)).toBe(true);
    expect(later.filter((w) => Object.keys(w.written).length > 0).length).toBeGreaterThanOrEqual(4);
    expect(last?.mailbox).toBeGreaterThan(first?.mailbox ?? 0);
  });

  it('leaves nothing behind when stopped: no run file, no mailbox or key, no data folder, no JVM', async () => {
    expect(info.dataDir).toBeNull();
    expect(info.mailbox.startsWith(info.issuerDir)).toBe(true);
    expect(existsSync(join(info.issuerDir, 'issuer.json'))).toBe(true);
    expect(await stop(running)).toBe(0);
    expect(existsSync(join(runs, `${info.port}.json`))).toBe(false);
    expect(existsSync(info.issuerDir)).toBe(false);
    expect(existsSync(data)).toBe(false);
    expect(javaOnPort(dynamoPort)).toEqual([]);
  });
});
