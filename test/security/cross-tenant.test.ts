import { getNamedType } from 'graphql';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { testApi } from '../support/api.ts';
import {
  type Api,
  gql,
  ID_TYPES,
  type IdType,
  type Item,
  ownTable,
  randomId,
  scanTable,
  seedWorld,
  type World,
} from '../support/hostile.ts';
import { documentFor, idSlots, idTypeOf, type Operation, operations, sampleVariables, withValue } from '../support/schemaOps.ts';

type Outcome = string;

/** What a caller learns from a response: the error (code, key, words) or whether data came back. */
function outcome(res: Awaited<ReturnType<typeof gql>>, field: string): Outcome {
  const e = res.errors?.[0];
  if (e) return `${res.status} ${e.extensions?.code} ${e.extensions?.messageKey} ${e.message}`;
  const value = res.data?.[field];
  if (value === null || value === undefined) return `${res.status} null`;
  if (
    typeof value === 'object' &&
    Array.isArray((value as { edges?: unknown[] }).edges) &&
    (value as { edges: unknown[] }).edges.length === 0
  )
    return `${res.status} empty`;
  return `DATA ${JSON.stringify(value).slice(0, 160)}`;
}

/**
 * The answers that say "no such record here". Besides NOT_FOUND (and null or an empty list where the
 * schema allows it), a person id in a pairing input is answered "not enrolled in this program" and a
 * shortlist "not valid": true of any id from elsewhere, and the same as for a random id (checked).
 */
// A shortlist and a group meeting's attendees are checked against a set the caller already holds
// (the program's mentors, the circle's members): any other id, foreign or random, is refused alike.
const hidden = (o: Outcome) =>
  / NOT_FOUND | null$| empty$| CONFLICT conflict\.notEnrolled | BAD_USER_INPUT input\.invalid .*input\.(shortlist|attendees)/.test(o);

/**
 * Every query and mutation that takes an id, walked from the schema and called by one tenant's
 * manager and participants with the other tenant's real ids, one id position at a time (the rest
 * of the arguments the caller's own). The answer must be exactly the one a random id gets, and
 * nothing may change in either tenant.
 */
describe('cross-tenant ids, for every operation that takes one', () => {
  let api: Api;
  let table: string;
  const endpoint = inject('dynamoEndpoint');
  let a: World;
  let b: World;

  beforeAll(async () => {
    table = await ownTable('hostile-x');
    api = await testApi({ table });
    [a, b] = [await seedWorld(api, 'Alpha'), await seedWorld(api, 'Beta')];
  });

  const ownFor = (w: World) => (name: string, type: IdType | 'any') => {
    if (name === 'menteeId') return w.people.outsider;
    if (name === 'mentorId' || name === 'shortlist') return w.people.mentor2;
    if (name === 'personId') return w.people.outsider;
    if (name === 'attendees') return w.people.mentee;
    if (type === 'any') return w.program;
    return w.ids[type][0] ?? '';
  };

  it('answers another tenant’s ids exactly as unknown ones, and changes nothing', async () => {
    const ops = operations().filter((op) => idSlots(op.field).length > 0);
    const unfed = ops.flatMap((op) =>
      idSlots(op.field)
        .filter((s) => !idTypeOf(op.field, s))
        .map((s) => `${op.field.name}(${s.path.join('.')})`),
    );
    // A new operation whose ids the suite cannot feed fails here, rather than going unattacked.
    expect(unfed, 'ID arguments with no ids to feed: add them to BY_RETURN/BY_NAME in test/support/schemaOps.ts and seedWorld').toEqual([]);
    const before: Item[] = await scanTable(endpoint, table);

    let attempts = 0;
    const leaks: string[] = [];
    const notHidden: string[] = [];
    for (const [me, them] of [
      [a, b],
      [b, a],
    ] as const) {
      const actors = { manager: me.manager, participant: me.tokens.mentee };
      for (const op of ops) {
        const query = documentFor(op);
        const base = sampleVariables(op, { own: ownFor(me), field: op.field, now: api.clock.now.toISOString() });
        for (const slot of idSlots(op.field)) {
          const type = idTypeOf(op.field, slot) as IdType | 'any';
          const types: IdType[] = type === 'any' ? [...ID_TYPES] : [type];
          const foreign = types.flatMap((t) => them.ids[t].map((id) => ({ t, id })));
          expect(foreign.length, `${op.field.name}.${slot.path.join('.')}: no ${type} ids seeded`).toBeGreaterThan(0);
          let seenHidden = false;
          const seen: string[] = [];
          for (const [who, token] of Object.entries(actors)) {
            const randoms = new Map<IdType, Outcome>();
            for (const { t, id } of foreign) {
              if (!randoms.has(t)) {
                const r = await gql(api, query, withValue(base, slot.path, randomId(t)), token);
                randoms.set(t, outcome(r, op.field.name));
              }
              const got = outcome(await gql(api, query, withValue(base, slot.path, id), token), op.field.name);
              attempts++;
              const random = randoms.get(t) ?? '';
              const where = `${me.slug} ${who} ${op.field.name}(${slot.path.join('.')} = ${t} of ${them.slug})`;
              if (got !== random || got.startsWith('DATA')) leaks.push(`${where}: ${got} / random id: ${random}`);
              if (hidden(got)) seenHidden = true;
              seen.push(got);
            }
          }
          if (!seenHidden) notHidden.push(`${op.field.name}(${slot.path.join('.')}): ${[...new Set(seen)].join(' | ')}`);
        }
      }
    }
    await api.services.jobs.idle?.();
    const after = await scanTable(endpoint, table);
    console.log(`${attempts} cross-tenant attempts over ${ops.length} operations, ${leaks.length} leaks`);
    expect(leaks).toEqual([]);
    // At least one of manager and participant got past the role checks to the lookup, and found nothing.
    expect(notHidden).toEqual([]);
    expect(after).toEqual(before);
  });

  it('reaches the record with the caller’s own ids (the attack above was not refused for another reason)', async () => {
    const ops = operations().filter((op) => idSlots(op.field).length > 0);
    // Destructive ones last, so they do not take away what the others need.
    ops.sort((x, y) => Number(x.field.name.startsWith('erase')) - Number(y.field.name.startsWith('erase')));
    const lost: string[] = [];
    for (const op of ops as Operation[]) {
      const vars = sampleVariables(op, { own: ownFor(a), field: op.field, now: api.clock.now.toISOString() });
      const results = [
        outcome(await gql(api, documentFor(op), vars, a.manager), op.field.name),
        outcome(await gql(api, documentFor(op), vars, a.tokens.mentee), op.field.name),
      ];
      if (results.every((r) => / NOT_FOUND /.test(r) || (getNamedType(op.field.type)?.name !== 'Node' && / null$/.test(r))))
        lost.push(`${op.field.name}: ${results.join(' | ')}`);
    }
    await api.services.jobs.idle?.();
    expect(lost).toEqual([]);
  });
});
