import fc from 'fast-check';
import { type GraphQLInputType, getNamedType, getNullableType, isEnumType, isInputObjectType, isListType, isNonNullType } from 'graphql';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ErrorCode } from '#domain/kernel/errors.ts';
import { testApi } from '../support/api.ts';
import { type Api, checkInvariants, gql, ID_TYPES, ownTable, randomId, scanTable, seedWorld, type World } from '../support/hostile.ts';
import { documentFor, type idTypeOf, type Operation, operations, type SampleContext, sample } from '../support/schemaOps.ts';

/** Runs per mutation: enough to reach every branch a few times, few enough to keep `npm test` quick. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 30);
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;

/** The closed set, minus the masked one: GraphQL's own refusals arrive as BAD_USER_INPUT too. */
const ALLOWED = new Set<string>(Object.values(ErrorCode).filter((c) => c !== ErrorCode.INTERNAL_SERVER_ERROR));

/**
 * The HTTP status a fuzzed call may get with a valid token under `application/json`: 200 (errors in
 * the result, or GraphQL that does not validate), 400 only for a request the limits refuse.
 */
function statusProblem(res: { status: number; errors?: { extensions?: { messageKey?: string } }[] | undefined }): string | null {
  const limit = res.errors?.some((e) => e.extensions?.messageKey === 'request.tooComplex') ?? false;
  return res.status === (limit ? 400 : 200) ? null : `HTTP ${res.status} for ${JSON.stringify(res.errors?.map((e) => e.extensions))}`;
}
const WRITES = /^(Put|Update|Delete|TransactWrite|BatchWrite)/;

const HOSTILE_STRINGS = [
  '',
  ' ',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "' OR '1'='1' --",
  '{"$gt": ""}',
  'T#other#P#01ABC',
  '#',
  'PK',
  '=HYPERLINK("http://evil.example","x")',
  '\u0000\u0001\u0007\u001b[31m',
  '\u202Egnp.exe',
  '\uD800',
  'a\r\nSet-Cookie: x=y',
  '🙂'.repeat(300),
  'x'.repeat(5_000),
  'y'.repeat(70_000),
];

/** Values for one input type: plausible ones (so calls reach the domain), random ones, and hostile ones. */
function arb(type: GraphQLInputType, name: string, ctx: SampleContext & { ids: string[] }, depth = 0): fc.Arbitrary<unknown> {
  const inner = getNullableType(type);
  const plausible = fc.constant(null).map(() => sample(inner, name, ctx));
  if (isListType(inner)) {
    const item = arb(inner.ofType, name, ctx, depth + 1);
    return fc.oneof(
      { arbitrary: plausible, weight: 3 },
      { arbitrary: fc.array(item, { maxLength: 4 }), weight: 3 },
      { arbitrary: fc.array(item, { minLength: 150, maxLength: 250 }), weight: 1 },
    );
  }
  if (isInputObjectType(inner)) {
    const fields = Object.values(inner.getFields());
    const model = Object.fromEntries(
      fields.map((f) => {
        const value = arb(f.type, f.name, ctx, depth + 1);
        return [f.name, isNonNullType(f.type) ? value : fc.option(value, { nil: null, freq: 2 })];
      }),
    );
    const required = fields.filter((f) => isNonNullType(f.type) || getNamedType(f.type)?.name === 'ID').map((f) => f.name);
    return fc.oneof({ arbitrary: plausible, weight: 1 }, { arbitrary: fc.record(model, { requiredKeys: required }), weight: 3 });
  }
  if (isEnumType(inner)) return fc.constantFrom(...inner.getValues().map((v) => v.name));
  const strings = fc.oneof(
    { arbitrary: fc.string({ maxLength: 40 }), weight: 2 },
    { arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }), weight: 1 },
    { arbitrary: fc.constantFrom(...HOSTILE_STRINGS), weight: 2 },
  );
  switch (getNamedType(inner)?.name) {
    case 'ID':
      return fc.oneof(
        { arbitrary: plausible, weight: 8 },
        { arbitrary: fc.constantFrom(...ctx.ids), weight: 3 },
        { arbitrary: fc.constantFrom(...ID_TYPES).map(randomId), weight: 1 },
        { arbitrary: strings, weight: 1 },
      );
    case 'String':
      return fc.oneof({ arbitrary: plausible, weight: 3 }, { arbitrary: strings, weight: 2 });
    case 'Int':
      return fc.oneof(
        { arbitrary: plausible, weight: 3 },
        { arbitrary: fc.integer({ min: -3, max: 150 }), weight: 2 },
        { arbitrary: fc.constantFrom(0, -1, 2_147_483_647, -2_147_483_648), weight: 1 },
      );
    case 'Float':
      return fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e9, max: 1e9 }), fc.constantFrom(0, 1, -0.5, 1e300));
    case 'Boolean':
      return fc.boolean();
    case 'DateTime':
      return fc.oneof(
        { arbitrary: plausible, weight: 3 },
        {
          arbitrary: fc.date({ min: new Date('1900-01-01'), max: new Date('2200-01-01'), noInvalidDate: true }).map((d) => d.toISOString()),
          weight: 1,
        },
        { arbitrary: strings, weight: 1 },
      );
    case 'Date':
      return fc.oneof(
        { arbitrary: plausible, weight: 2 },
        { arbitrary: fc.constantFrom('2026-02-30', '2026-13-01', '0000-00-00', '99999-01-01', '2026-6-1'), weight: 1 },
        { arbitrary: strings, weight: 1 },
      );
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

function variablesArb(op: Operation, ctx: SampleContext & { ids: string[] }): fc.Arbitrary<Record<string, unknown>> {
  const model = Object.fromEntries(
    op.field.args.map((a) => [
      a.name,
      isNonNullType(a.type) ? arb(a.type, a.name, ctx) : fc.option(arb(a.type, a.name, ctx), { nil: undefined }),
    ]),
  );
  return fc.record(model) as fc.Arbitrary<Record<string, unknown>>;
}

/**
 * Every mutation's input, generated from the schema's input types, thrown at the real handler by a
 * manager and by the pair's members: plausible values, random ones and hostile ones (markup, control
 * characters, 70 kB strings, 250-item lists, other tenants' ids). Each answer must carry a code from
 * the closed set, never an internal or unmasked error; a refused call must have written nothing; and
 * afterwards the invariants still hold.
 */
describe('fuzzing every mutation', () => {
  let api: Api;
  let table = '';
  let a: World;
  let b: World;
  const endpoint = inject('dynamoEndpoint');
  const writes = { ok: 0 };
  const tally = new Map<string, number>();
  let calls = 0;

  beforeAll(async () => {
    table = await ownTable('hostile-fuzz');
    api = await testApi({ table });
    [a, b] = [await seedWorld(api, 'Fuzz A'), await seedWorld(api, 'Fuzz B')];
    // Counts the writes DynamoDB accepted, to prove a refused call left none behind.
    api.services.client.doc.middlewareStack.add(
      (next, context) => async (args) => {
        const out = await next(args);
        if (WRITES.test(String(context.commandName ?? ''))) writes.ok++;
        return out;
      },
      { step: 'initialize', name: 'hostileWriteCounter' },
    );
  });

  afterAll(() => {
    const codes = [...tally].map(([c, n]) => `${c} ${n}`).join(', ');
    console.log(`${calls} fuzzed mutation calls (${RUNS} per mutation): ${codes}; ${writes.ok} writes accepted, 0 by a refused call`);
  });

  it('answers only with codes from the closed set, never writes half, and keeps every invariant', async () => {
    const mutations = operations().filter((op) => op.kind === 'mutation');
    const own = (name: string, type: ReturnType<typeof idTypeOf> | 'any') => {
      if (name === 'menteeId') return a.people.outsider;
      if (name === 'mentorId' || name === 'shortlist') return a.people.mentor2;
      if (name === 'personId') return a.people.outsider;
      return type === 'any' || type === undefined ? a.program : (a.ids[type][0] ?? '');
    };
    const ids = [...Object.values(a.ids).flat(), ...Object.values(a.people), ...b.ids.Program, ...b.ids.Person, ...b.ids.Mentorship];
    const failures: string[] = [];
    for (const op of mutations) {
      const ctx = { own: own as SampleContext['own'], field: op.field, now: api.clock.now.toISOString(), ids };
      const query = documentFor(op);
      const callers = { manager: a.manager, mentee: a.tokens.mentee, mentor: a.tokens.mentor };
      try {
        await fc.assert(
          fc.asyncProperty(
            variablesArb(op, ctx),
            fc.constantFrom('manager', 'manager', 'mentee', 'mentor') as fc.Arbitrary<keyof typeof callers>,
            async (vars, who) => {
              const before = writes.ok;
              const res = await gql(api, query, vars, callers[who]);
              await api.services.jobs.idle?.();
              calls++;
              const problem = statusProblem(res);
              if (problem) throw new Error(problem);
              for (const e of res.errors ?? []) {
                const code = String(e.extensions?.code);
                tally.set(code, (tally.get(code) ?? 0) + 1);
                if (!ALLOWED.has(code)) throw new Error(`${code}: ${e.message}`);
                if (/\bat [\w.]+ \(|node_modules|TypeError|Cannot read/.test(JSON.stringify(e)))
                  throw new Error(`unmasked: ${JSON.stringify(e)}`);
              }
              if (!res.errors) tally.set('OK', (tally.get('OK') ?? 0) + 1);
              if (res.errors?.length && writes.ok !== before)
                throw new Error(`refused with ${res.errors[0]?.extensions?.code} after ${writes.ok - before} writes`);
            },
          ),
          { numRuns: RUNS, seed: SEED, endOnFailure: true },
        );
      } catch (e) {
        // What went wrong (fast-check keeps it as the cause), then the start of the counterexample.
        const cause = (e as Error).cause instanceof Error ? ((e as Error).cause as Error).message : '';
        failures.push(
          `${op.field.name}: ${cause.slice(0, 600)} — ${(e as Error).message.split('\n').slice(0, 3).join(' ').slice(0, 1500)}`,
        );
      }
    }
    expect(failures).toEqual([]);
    const report = checkInvariants(await scanTable(endpoint, table));
    console.log(`after the fuzz: ${report.programs} programs, ${report.pairs} pairs, ${report.violations.length} invariant violations`);
    expect(report.violations).toEqual([]);
  }, 240_000);
});
