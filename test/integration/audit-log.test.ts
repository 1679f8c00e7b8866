import { beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../generated/gql.ts';
import { codes, testApi } from '../support/api.ts';

const PROGRAM = graphql(`
  mutation AlProgram($input: ProgramInput!) { createProgram(input: $input) { id } }
`);
const OPEN = graphql(`
  mutation AlOpen($id: ID!) { changeProgramStatus(id: $id, version: 1, status: OPEN) { status } }
`);
const AUDIT = graphql(`
  query AlAudit($actorId: String, $action: String, $entityType: String, $from: DateTime, $to: DateTime, $first: Int) {
    auditLog(actorId: $actorId, action: $action, entityType: $entityType, from: $from, to: $to, first: $first) {
      edges { node { at action entityType actor { id } } }
      pageInfo { hasNextPage }
    }
  }
`);

/** The audit log narrowed as a reader asks: by who, what action, which kind of record, and when. */
describe('the audit log, filtered', () => {
  let api: Awaited<ReturnType<typeof testApi>>;
  let tenant: { slug: string; manager: string };
  const manager = () => ({ token: tenant.manager });
  let opened = '';

  beforeAll(async () => {
    // Prepare: three programs made a day apart; the last one opened.
    api = await testApi();
    tenant = await api.newTenant('Audit filters');
    for (const name of ['First', 'Second', 'Third']) {
      const id = (await api.call(PROGRAM, { input: { name } }, manager())).data?.createProgram.id ?? '';
      if (name === 'Third') {
        opened = api.clock.now.toISOString();
        await api.call(OPEN, { id }, manager());
      }
      api.clock.advanceDays(1);
    }
  });

  const actions = async (vars: { actorId?: string; action?: string; entityType?: string; from?: string; to?: string }) => {
    const res = await api.call(AUDIT, { first: 50, ...vars }, manager());
    expect(res.errors).toBeUndefined();
    return res.data?.auditLog.edges.map((e) => e.node.action) ?? [];
  };

  it('lists one action, or every action of a kind by its prefix', async () => {
    await expect(actions({ action: 'program.create' })).resolves.toEqual(['program.create', 'program.create', 'program.create']);
    await expect(actions({ action: 'program' })).resolves.toEqual(['program.status', 'program.create', 'program.create', 'program.create']);
    await expect(actions({ action: 'person' })).resolves.toEqual([]);
  });

  it('narrows to a date range, both ends inclusive', async () => {
    await expect(actions({ from: opened, to: opened })).resolves.toEqual(['program.status', 'program.create']);
  });

  it('narrows to who did it and to the kind of record', async () => {
    const all = await api.call(AUDIT, { first: 1 }, manager());
    const actor = all.data?.auditLog.edges[0]?.node.actor.id ?? '';
    await expect(actions({ actorId: actor, entityType: 'Program' })).resolves.toHaveLength(4);
    await expect(actions({ actorId: 'someone-else' })).resolves.toEqual([]);
    await expect(actions({ entityType: 'Person' })).resolves.toEqual([]);
  });

  it('refuses a range that ends before it starts, with a stable code', async () => {
    const res = await api.call(AUDIT, { from: '2027-01-02T00:00:00Z', to: '2027-01-01T00:00:00Z' }, manager());
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
  });
});
