import { gunzipSync } from 'node:zlib';
import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { takeRetentionSnapshot } from '#domain/insights/index.ts';
import { retentionRecord } from '#domain/people/employmentRecord.ts';
import { pendingNote } from '#store/employmentPack.ts';
import { employmentItem } from '#store/insights.ts';
import { keys } from '#store/keys.ts';
import { TestClock, testApi } from '../support/api.ts';
import { type Api, gql, local, must } from '../support/hostile.ts';

/**
 * The compact copy of the HR records the nightly snapshot reads (ADR 0078) follows every write of
 * them — an import, `recordEmployment`, an erasure, and a write whose process died before the copy
 * took it — and holds one tenant's records only.
 */
const Q = {
  program: `mutation($name: String!) { createProgram(input: { name: $name, focusAreas: ["JOB_SKILLS"] }) { id } }`,
  import: `mutation($p: ID!, $csv: String!) { startImport(programId: $p, csv: $csv) { id } }`,
  job: `query($id: ID!) { importJob(id: $id) { status created updated failed } }`,
  people: `query { people(first: 100) { edges { node { id email } } } }`,
  record: `mutation($id: ID!, $input: EmploymentInput!) { recordEmployment(personId: $id, input: $input) { leaveType } }`,
  erase: `mutation($id: ID!) { erasePerson(id: $id, reason: "Erasure request") { pseudonym } }`,
};

const HEADER =
  'Employee ID,First Name,Last Name,Work Email,Time Zone,Languages,Role,Department,Location,Hire Date,Leave Date,Leave Type,Exit Reasons,Level';
const row = (prefix: string, i: number, leave = '') =>
  [
    `${prefix}${i}`,
    `Given${i}`,
    'Doe',
    `${prefix.toLowerCase()}${i}@example.org`,
    'Europe/Amsterdam',
    'en',
    i < 3 ? 'mentee' : 'none',
    i % 2 ? 'Sales' : 'Finance',
    'Utrecht',
    '2021-03-01',
    leave,
    leave ? 'voluntary' : '',
    leave ? 'career growth' : '',
    'L3',
  ].join(',');

describe('the compact copy of the HR records the retention snapshot reads', () => {
  const clock = new TestClock(new Date('2026-02-02T09:00:00Z'));
  let api: Api;
  let a: { slug: string; manager: string };
  let b: { slug: string; manager: string };
  let programA = '';

  /** The copy as stored: its records (decoded) and the notes still pending. */
  async function copyOf(tenantId: string) {
    const { Items = [] } = await api.services.client.doc.send(
      new QueryCommand({
        TableName: api.services.client.table,
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': keys.employmentPack(tenantId).PK },
      }),
    );
    const { chunk, pending } = keys.employmentPackPrefixes;
    const chunks = Items.filter((i) => String(i.SK).startsWith(chunk));
    const records = chunks.flatMap((c) => JSON.parse(gunzipSync(c.records as Uint8Array).toString('utf8')) as unknown[][]);
    return {
      chunks: chunks.length,
      text: JSON.stringify(records),
      ids: records.map((r) => String(r[0])).sort(),
      pending: Items.filter((i) => String(i.SK).startsWith(pending)).length,
    };
  }

  /** The records themselves, as the copy keeps them. */
  const truth = async (tenantId: string) => (await api.services.insights.allEmployment(tenantId)).map(retentionRecord);

  async function importCsv(tenant: { manager: string }, program: string, rows: string[]) {
    const started = await must(api, Q.import, { p: program, csv: [HEADER, ...rows].join('\n') }, tenant.manager);
    await api.services.jobs.idle?.();
    const id = (started.startImport as { id: string }).id;
    return (await must(api, Q.job, { id }, tenant.manager)).importJob as { status: string; failed: number };
  }

  const snapshot = (tenantId: string) => takeRetentionSnapshot(api.services, tenantId, clock.now);

  beforeAll(async () => {
    api = await testApi({ clock });
    a = await api.newTenant('Pack A');
    b = await api.newTenant('Pack B');
    programA = ((await must(api, Q.program, { name: 'Grow A' }, a.manager)).createProgram as { id: string }).id;
    const programB = ((await must(api, Q.program, { name: 'Grow B' }, b.manager)).createProgram as { id: string }).id;
    // Prepare: both tenants import their people; tenant B's are the ones that must never reach A's figures.
    expect(
      await importCsv(
        a,
        programA,
        [0, 1, 2, 3, 4, 5, 6, 7].map((i) => row('A', i, i === 5 ? '2025-06-30' : '')),
      ),
    ).toMatchObject({
      status: 'DONE',
      failed: 0,
    });
    expect(
      await importCsv(
        b,
        programB,
        [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11].map((i) => row('B', i)),
      ),
    ).toMatchObject({
      status: 'DONE',
    });
  });

  it('is built by the first snapshot from the records, and then agrees with them', async () => {
    // Act
    const taken = await snapshot(a.slug);

    // Assess
    const copy = await copyOf(a.slug);
    expect(copy.chunks).toBe(64);
    expect(copy.pending).toBe(0);
    expect(taken.employees).toBe(8);
    expect(await api.services.insights.retentionRecords(a.slug)).toEqual(await truth(a.slug));
  });

  it('follows an import: changed and new records are in it when the import is done, with no note left', async () => {
    // Act: person 4 leaves, persons 8 and 9 are new.
    const job = await importCsv(a, programA, [row('A', 4, '2025-12-31'), row('A', 8), row('A', 9, '2025-09-01')]);

    // Assess: the copy holds them without the snapshot folding anything.
    expect(job).toMatchObject({ status: 'DONE', failed: 0 });
    const copy = await copyOf(a.slug);
    expect(copy.pending).toBe(0);
    expect(copy.ids).toHaveLength(10);
    expect(await api.services.insights.retentionRecords(a.slug)).toEqual(await truth(a.slug));
    expect((await truth(a.slug)).find((r) => r.leaveDate === '2025-12-31')).toBeDefined();
  });

  it('follows recordEmployment, exit text and all, and an erasure takes the text out of it', async () => {
    // Prepare
    const people = ((await must(api, Q.people, {}, a.manager)).people as { edges: { node: { id: string; email: string } }[] }).edges;
    const person = people.find((e) => e.node.email === 'a3@example.org')?.node.id ?? '';
    const text = 'zq-pack-marker: no room to grow here';

    // Act
    await must(
      api,
      Q.record,
      { id: person, input: { hireDate: '2021-03-01', leaveDate: '2026-01-15', leaveType: 'VOLUNTARY', exitComment: text, level: 'L4' } },
      a.manager,
    );

    // Assess
    let copy = await copyOf(a.slug);
    expect(copy.pending).toBe(0);
    expect(copy.text).toContain(text);
    expect(await api.services.insights.retentionRecords(a.slug)).toEqual(await truth(a.slug));

    // Act
    const erased = await gql(api, Q.erase, { id: person }, a.manager);

    // Assess: gone from the copy, the exit text with it, and no note left behind.
    expect(erased.errors).toBeUndefined();
    copy = await copyOf(a.slug);
    expect(copy.pending).toBe(0);
    expect(copy.ids).not.toContain(local(person));
    expect(copy.text).not.toContain('zq-pack-marker');
    expect(copy.ids).toHaveLength(9);
  });

  it('takes a write whose process died before the copy had it, at the next snapshot', async () => {
    // Prepare: what an import's row transaction leaves when the worker dies before the import's end.
    const [first] = await api.services.insights.allEmployment(a.slug);
    if (!first) throw new Error('no record');
    const changed = { ...first, level: 'L9', updatedAt: clock.now.toISOString() };
    const note = pendingNote(api.services.client.table, a.slug, [first.personId]);
    await api.services.client.doc.send(new PutCommand({ TableName: api.services.client.table, Item: employmentItem(changed) }));
    await api.services.client.doc.send(new PutCommand((note.put as { Put: ConstructorParameters<typeof PutCommand>[0] }).Put));
    expect((await copyOf(a.slug)).pending).toBe(1);

    // Act
    await snapshot(a.slug);

    // Assess
    const copy = await copyOf(a.slug);
    expect(copy.pending).toBe(0);
    expect(copy.text).toContain('L9');
    expect(await api.services.insights.retentionRecords(a.slug)).toEqual(await truth(a.slug));
  });

  it("never lets another tenant's records into a tenant's copy or snapshot", async () => {
    // Act
    const ofA = await snapshot(a.slug);
    const ofB = await snapshot(b.slug);

    // Assess
    const copyA = await copyOf(a.slug);
    const copyB = await copyOf(b.slug);
    expect(ofA.employees).toBe(9);
    expect(ofB.employees).toBe(12);
    expect(copyA.ids.filter((id) => copyB.ids.includes(id))).toEqual([]);
    expect(copyA.ids).toEqual((await truth(a.slug)).map((r) => r.personId).sort());
    expect(copyB.ids).toEqual((await truth(b.slug)).map((r) => r.personId).sort());
  });
});
