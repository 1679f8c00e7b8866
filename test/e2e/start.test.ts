import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '#local/dynamo.ts';
import { graphql } from '../generated/gql.ts';
import { javaOnPort, ROOT, type Running, startKindling, stop } from '../support/kindling.ts';

/** Over real HTTP this time: the local adapter turns the request into an API Gateway event. */
async function gql<T, V>(base: string, token: string, document: TypedDocumentNode<T, V>, variables: V) {
  const res = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: print(document), variables }),
  });
  return (await res.json()) as { data?: T; errors?: { extensions?: { code?: string } }[] };
}

const MY_TENANT = graphql(`
  query StartMyTenant {
    viewer { tenant { name programs { edges { node { id name status kind counts { mentors mentees activeMentorships } } } } } }
  }
`);

const PAIRS = graphql(`
  query StartPairs($id: ID!) {
    program(id: $id) { mentorships(first: 100) { edges { node { meetingCount health { status } } } } }
  }
`);

const FIGURES = graphql(`
  query StartFigures($id: ID!) {
    program(id: $id) {
      analytics { matchRate medianDaysToMatch completed averageClosingRating activeByHealth { health count } requests { sent } outcomes { outcome count } }
      proposals(status: APPROVED) { edges { node { mentorAcceptedAt menteeAcceptedAt } } }
    }
  }
`);

const WHO = graphql(`
  query StartWho { viewer { actor { role } tenant { slug } } }
`);

const CREATE = graphql(`
  mutation StartCreate($name: String!) { createProgram(input: { name: $name }) { id } }
`);

const NAME = graphql(`
  query StartName($id: ID!) { program(id: $id) { name } }
`);

describe('npm start', () => {
  const data = mkdtempSync(join(tmpdir(), 'kindling-start-'));
  let port = 0;
  let dynamoPort = 0;
  let base = '';
  let running: Running;
  let token = '';

  beforeAll(async () => {
    // Run files of this test's own, so another Kindling on the machine is never the one found.
    process.env.KINDLING_RUNS = join(data, 'runs');
    port = await freePort();
    dynamoPort = await freePort();
    base = `http://127.0.0.1:${port}`;
    running = await startKindling(['--port', String(port), '--dynamo-port', String(dynamoPort), '--data', data, '--tick', '3600']);
    expect(running.output()).toContain('Kindling is running');
    const res = await fetch(`${base}/local/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ tenant: 'demo', role: 'manager', name: 'E2E' }),
    });
    token = ((await res.json()) as { token: string }).token;
  });

  afterAll(async () => {
    if (running) await stop(running);
    rmSync(data, { recursive: true, force: true });
  });

  it('tells the newcomer where the API and the console are and how to sign in', () => {
    const out = running.output();
    expect(out).toContain(`${base}/graphql`);
    expect(out).toContain(`${base}/`);
    expect(out).toMatch(/npx kindling token --tenant demo --role manager/);
  });

  it('serves "my tenant and its programs" from the demo data through the Lambda handler', async () => {
    const res = await gql(base, token, MY_TENANT, {});
    expect(res.errors).toBeUndefined();
    expect(res.data?.viewer.tenant?.name).toBe('Demo Association');
    const programs = res.data?.viewer.tenant?.programs.edges.map((e) => e.node) ?? [];
    // The running program, the one that opens next, a past cohort whose people the retention page
    // follows, and one program of each other kind: peer, reverse and group mentoring.
    expect(programs).toHaveLength(6);
    expect(programs.map((p) => p.kind).sort()).toEqual(['GROUP', 'ONE_TO_ONE', 'ONE_TO_ONE', 'ONE_TO_ONE', 'PEER', 'REVERSE']);
    const main = programs.find((p) => p.status === 'RUNNING');
    expect(main?.counts.mentors).toBeGreaterThanOrEqual(50);
    expect(main?.counts.mentees).toBeGreaterThanOrEqual(150);
    expect(main?.counts.activeMentorships).toBeGreaterThan(0);
  });

  it('seeds pairs in every health state, with meetings', async () => {
    const list = await gql(base, token, MY_TENANT, {});
    const id = list.data?.viewer.tenant?.programs.edges.find((e) => e.node.status === 'RUNNING')?.node.id ?? '';
    const res = await gql(base, token, PAIRS, { id });
    const pairs = res.data?.program?.mentorships.edges.map((e) => e.node) ?? [];
    expect(new Set(pairs.map((p) => p.health.status))).toEqual(new Set(['ON_TRACK', 'DUE_SOON', 'OVERDUE', 'NEVER_MET']));
    expect(pairs.some((p) => p.meetingCount > 2)).toBe(true);
    const figures = (await gql(base, token, FIGURES, { id })).data?.program;
    expect(figures?.analytics.activeByHealth.every((h) => h.count > 0)).toBe(true);
    expect(figures?.analytics).toMatchObject({ completed: 4, requests: { sent: 6 } });
    expect(figures?.analytics.matchRate).toBeGreaterThan(0.2);
    expect(figures?.analytics.medianDaysToMatch).toBeGreaterThan(0);
    expect(figures?.analytics.outcomes.length).toBeGreaterThan(0);
    expect(figures?.proposals.edges).toHaveLength(4);
  });

  it('serves the console and its runtime configuration', async () => {
    const page = await fetch(`${base}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/<div id="root">/);
    const config = (await (await fetch(`${base}/config.json`)).json()) as { apiUrl: string; auth: { mode: string } };
    expect(config).toEqual({ apiUrl: '/graphql', auth: { mode: 'local' } });
  });

  it('prints tokens for scripts with `kindling token`, accepted by the API', async () => {
    const cliToken = execFileSync(process.execPath, ['bin/kindling.js', 'token', '--tenant', 'demo', '--role', 'manager', '--data', data], {
      cwd: ROOT,
      encoding: 'utf8',
    }).trim();
    const res = await gql(base, cliToken, WHO, {});
    expect(res.data?.viewer).toEqual({ actor: { role: 'MANAGER' }, tenant: { slug: 'demo' } });
  });

  it('gives every command its own help, and refuses an unknown flag with that help', () => {
    const help = execFileSync(process.execPath, ['bin/kindling.js', 'import', '--help'], { cwd: ROOT, encoding: 'utf8' });
    expect(help.startsWith('kindling import --tenant <slug> --program <name or id> --file <export.csv>')).toBe(true);
    expect(help).not.toContain('kindling solve --in');
    const wrong = spawnSync(process.execPath, ['bin/kindling.js', 'job', 'run', 'engagement', '--tennant', 'demo'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toContain("Unknown option '--tennant'");
    expect(wrong.stderr).toContain('kindling job run <lifecycle|matching|engagement>');
  });

  it('creates a tenant and imports an HR export from the command line, through the API it finds by itself', async () => {
    // No --port or --data: the CLI finds the running server through its run file.
    const cli = (...args: string[]) => execFileSync(process.execPath, ['bin/kindling.js', ...args], { cwd: ROOT, encoding: 'utf8' });
    expect(cli('tenant', 'create', '--slug', 'cli-made', '--name', 'Made by CLI')).toContain('Created tenant "Made by CLI" (cli-made)');
    const out = cli(
      'import',
      '--tenant',
      'demo',
      '--program',
      'Leadership Circle',
      '--file',
      join(ROOT, 'docs', 'examples', 'hr-export-sample.csv'),
    );
    expect(out).toMatch(/^Preview of 300 rows: \d+ new, \d+ updated, \d+ unchanged, 0 skipped; 4 rejected\./m);
    expect(out).toContain('Empty cells: for someone already in Kindling an empty cell keeps the value Kindling has');
    expect(out).toContain('Importing 296 of 300 rows into "Leadership Circle" (4 rejected)');
    expect(out).toMatch(/Done: \d+ created, \d+ updated, \d+ unchanged, 0 failed, 4 rejected\./);
    const notImported =
      out
        .split('Rows not imported:')[1]
        ?.split('\n')
        .filter((l) => l.startsWith('  line ')) ?? [];
    expect(notImported.map((l) => /\((E\d+)\)/.exec(l)?.[1])).toEqual(['E10003', 'E10007', 'E10011', 'E10013']);
  });

  it('refuses a port already in use with a message, not a stack trace', async () => {
    const second = await startKindling(['--port', String(port), '--dynamo-port', String(await freePort()), '--in-memory']);
    const code = await new Promise<number | null>((ok) =>
      second.child.exitCode !== null ? ok(second.child.exitCode) : second.child.once('exit', ok),
    );
    expect(code).not.toBe(0);
    expect(second.output()).toMatch(new RegExp(`Port ${port} \\(the API and console\\) is already in use.*--port`));
    expect(second.output()).not.toMatch(/\n\s+at /);
  });

  it('stops everything on Ctrl-C, rehearses on a copy of the data, and a restart shows the same data', async () => {
    const created = await gql(base, token, CREATE, { name: 'Survives a restart' });
    const id = created.data?.createProgram.id ?? '';
    expect(id).toBeTruthy();
    expect(javaOnPort(dynamoPort)).toHaveLength(1);
    expect(await stop(running)).toBe(0);
    expect(javaOnPort(dynamoPort)).toEqual([]);

    // While it is stopped: rehearse next month on a copy of the data; the original is untouched.
    const copy = join(data, '..', `${data.split('/').at(-1)}-rehearsal`);
    cpSync(data, copy, { recursive: true });
    try {
      const at = new Date(Date.now() + 30 * 86_400_000).toISOString();
      const out = execFileSync(process.execPath, ['bin/kindling.js', 'job', 'run', 'lifecycle', '--data', copy, '--at', at], {
        cwd: ROOT,
        encoding: 'utf8',
      });
      expect(out).toContain(`lifecycle ran at ${at}`);
      expect(out).toMatch(/2 tenants, \d+ programs checked/);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }

    running = await startKindling(['--port', String(port), '--dynamo-port', String(dynamoPort), '--data', data, '--tick', '3600']);
    expect(running.output()).not.toContain('seeded "Demo Association"');
    const res = await gql(base, token, NAME, { id });
    expect(res.data?.program?.name).toBe('Survives a restart');
  });
});
