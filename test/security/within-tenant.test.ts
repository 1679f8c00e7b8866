import {
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLOutputType,
  getNamedType,
  isInterfaceType,
  isLeafType,
  isObjectType,
  isScalarType,
} from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { classOf, defaultPrivacy, mayRead, type Subject, VISIBILITY, type Viewer } from '#domain/kernel/visibility.ts';
import { HEAVY_FIELDS } from '#graphql/requestLimits.ts';
import { testApi } from '../support/api.ts';
import { type Api, gql, type IdType, local, must, ownTable, PAIR_NOTE, SENSITIVE_AREA, seedWorld, type World } from '../support/hostile.ts';
import { idTypeOf, operations, sample, schema } from '../support/schemaOps.ts';

/**
 * The within-tenant pass of the hostile suite: every role inside one tenant × every field reachable
 * from every query, walked from the schema, checked against the visibility map
 * (functions/domain/kernel/visibility.ts). A resolver that hands a field to someone the map keeps it from
 * fails here, whichever query reaches it.
 */

/** Fields whose selection names the record's subject, so the walk can tell whose record it is. */
const IDENTIFY: Record<string, string> = {
  Person: 'id',
  Enrolment: 'person { id } program { id }',
  Mentorship: 'id mentor { id } mentee { id } program { id }',
  MentorshipRequest: 'id mentor { id } mentee { id } program { id }',
  MatchProposal: 'id mentor { id } mentee { id } program { id }',
  AuditEntry: 'entityType',
};
const DEPTH = 3;
/** The GraphQL type a global id's type names. */
const NODE_TYPE: Record<string, string> = { Request: 'MentorshipRequest', Proposal: 'MatchProposal' };
const ALLOWED_ERRORS = /^(FORBIDDEN|NOT_FOUND)$/;

function argsFor(field: GraphQLField<unknown, unknown>, now: string): string {
  const parts: string[] = [];
  for (const a of field.args) {
    if (a.name === 'first') parts.push('first: 3');
    else if (String(a.type).endsWith('!')) {
      const value = sample(a.type, a.name, { own: () => '', field, now });
      parts.push(`${a.name}: ${JSON.stringify(value).replace(/"([a-zA-Z]+)":/g, '$1:')}`);
    }
  }
  return parts.length ? `(${parts.join(', ')})` : '';
}

/** Every field of a type down to `depth`, with the identifying fields of each record. */
function selection(type: GraphQLOutputType, depth: number, now: string, path: string[] = [], node?: string): string {
  const named = getNamedType(type);
  if (isLeafType(named)) return '';
  if (isInterfaceType(named)) {
    const impls = schema.getPossibleTypes(named).filter((t) => path.length === 0 || t.getFields()[path[0] ?? '']);
    // `node(id:)`: the fragment of the id's own type (same-named fields of other types would conflict).
    const chosen = impls.filter((t) => t.name === node);
    return `{ __typename ${chosen.map((t) => `... on ${t.name} ${selection(t, depth, now, path)}`).join(' ')} }`;
  }
  const obj = named as GraphQLObjectType;
  const [only, ...rest] = path;
  // A field that reads a whole organisation or program may appear once a request, never in a list
  // (ADR 0034): it is walked only right below the root field, where it appears once.
  const fields = Object.values(obj.getFields())
    .filter((f) => only === undefined || f.name === only || isLeafType(getNamedType(f.type)))
    .filter((f) => depth === DEPTH || !HEAVY_FIELDS.includes(`${obj.name}.${f.name}`));
  const name = (f: { name: string }) => f.name;
  const inner = fields
    .map((f) => {
      const sub = getNamedType(f.type);
      if (isLeafType(sub)) return `${name(f)}${argsFor(f, now)}`;
      return depth > 0 ? `${name(f)}${argsFor(f, now)} ${selection(f.type, depth - 1, now, rest)}` : '';
    })
    .filter(Boolean);
  return `{ __typename ${IDENTIFY[obj.name] ?? ''} ${inner.join(' ')} }`;
}

/** The non-leaf fields below a type (through an interface: every implementation's), to split a document along. */
function childrenOf(type: GraphQLObjectType | import('graphql').GraphQLInterfaceType): [string, GraphQLOutputType][] {
  const types = isInterfaceType(type) ? schema.getPossibleTypes(type) : [type];
  const out = new Map<string, GraphQLOutputType>();
  for (const t of types) for (const f of Object.values(t.getFields())) if (!isLeafType(getNamedType(f.type))) out.set(f.name, f.type);
  return [...out];
}

interface Role {
  name: string;
  viewer: Viewer;
  call: (query: string, variables: Record<string, unknown>) => ReturnType<typeof gql>;
}

interface Tally {
  /** Role, path and field of every case, so a field seen again in a split document counts once. */
  seen: Set<string>;
  cases: number;
  restricted: number;
  fields: Set<string>;
  violations: string[];
  unexpected: string[];
}

const privacy = defaultPrivacy;

/** Walks one answer against the map, every field present in it (checked once per role and path). */
function check(role: Role, value: unknown, type: GraphQLOutputType, inherited: Subject | null, path: string, tally: Tally, entity = '') {
  if (value === null || value === undefined) return;
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) check(role, v, type, inherited, `${path}[${i}]`, tally, entity);
    return;
  }
  const named = getNamedType(type);
  if (!isObjectType(named) && !isInterfaceType(named)) return;
  const record = value as Record<string, unknown>;
  const typename = String(record.__typename ?? named.name);
  const objType = schema.getType(typename) as GraphQLObjectType;
  const subject = subjectOf(typename, record) ?? inherited;
  const onEntity = typename === 'AuditEntry' ? String(record.entityType ?? '') : entity;
  for (const [key, fieldValue] of Object.entries(record)) {
    if (key === '__typename') continue;
    const field = key;
    const def = objType.getFields()[field];
    const cls = classOf(typename, field);
    const where = `${role.name}: ${path}.${field} (${typename}.${field}, ${cls})`;
    if (!def || !cls) {
      tally.violations.push(`${where}: not in the map`);
      continue;
    }
    const seenKey = `${role.name}|${path}.${field}`;
    const fresh = !tally.seen.has(seenKey);
    tally.seen.add(seenKey);
    if (fresh) checkField(role, typename, field, cls, def.type, fieldValue, subject, onEntity, where, tally);
    check(role, fieldValue, def.type, subject, `${path}.${field}`, tally, onEntity);
  }
}

/** One case: a field the map keeps from this role must be null (or, for reasons, without the sensitive ones). */
function checkField(
  role: Role,
  typename: string,
  field: string,
  cls: NonNullable<ReturnType<typeof classOf>>,
  type: GraphQLOutputType,
  fieldValue: unknown,
  subject: Subject | null,
  onEntity: string,
  where: string,
  tally: Tally,
) {
  tally.cases++;
  tally.fields.add(`${typename}.${field}`);
  if (cls !== 'PUBLIC') tally.restricted++;
  const text = JSON.stringify(fieldValue) ?? '';
  // The pair's private note may reach only the pair, through any field at all.
  if (text.includes(PAIR_NOTE.slice(0, 30)) && !mayRead(role.viewer, 'PAIR_PRIVATE', PAIR_SUBJECT) && isLeafType(getNamedType(type))) {
    tally.violations.push(`${where}: carries the pair's private note`);
  }
  if (cls === 'SENSITIVE_REASON') {
    if (!mayRead(role.viewer, cls, subject, privacy) && text.includes(SENSITIVE_AREA)) {
      tally.violations.push(`${where}: shows a hidden sensitive reason`);
    }
  } else if (typename !== 'Query' && cls !== 'PUBLIC' && !mayRead(role.viewer, cls, subject, privacy) && fieldValue !== null) {
    // (A root field's caller is checked by its operation: roles.test.ts.)
    tally.violations.push(`${where}: visible (${text.slice(0, 60)})`);
  }
  // Records as stored or exported (JSON: the personal-data export, audit values; CSV exports): the same rules apply inside.
  const dump = (isScalarType(getNamedType(type)) && getNamedType(type).name === 'JSON') || field.endsWith('Csv');
  if (dump) {
    const sensitiveOk = mayRead(role.viewer, 'SENSITIVE_REASON', subject, privacy) || onEntity === 'Program';
    const asCsv = SENSITIVE_AREA.toLowerCase().replace(/_/g, ' ');
    if (!sensitiveOk && (text.includes(SENSITIVE_AREA) || text.includes(asCsv))) {
      tally.violations.push(`${where}: a hidden sensitive reason inside the record`);
    }
  }
}

let PAIR_SUBJECT: Subject = { parties: [], programId: null };

function subjectOf(typename: string, r: Record<string, unknown>): Subject | null {
  const id = (v: unknown) => (v && typeof v === 'object' && 'id' in v ? local(String((v as { id: string }).id)) : null);
  const rule = VISIBILITY[typename]?.subject;
  if (rule === 'PERSON' && typeof r.id === 'string') return { parties: [local(r.id)], programId: null };
  if (rule === 'ENROLMENT') return { parties: [id(r.person) ?? ''], programId: id(r.program) };
  if (rule === 'PAIR') return { parties: [id(r.mentor) ?? '', id(r.mentee) ?? ''], programId: id(r.program) };
  return null;
}

describe('within one tenant, every role sees each field only as the visibility map allows', () => {
  let api: Api;
  let w: World;
  let roles: Role[];

  beforeAll(async () => {
    api = await testApi({ table: await ownTable('hostile-visibility') });
    w = await seedWorld(api, 'Visibility');
    PAIR_SUBJECT = { parties: [local(w.people.mentor), local(w.people.mentee)], programId: local(w.program) };
    const key = (await must(
      api,
      `mutation VisKey($p: ID!) { createApiKey(input: { name: "portal", burst: 1000, perMinute: 6000, programId: $p,
        scopes: [PROGRAMS_READ, PROFILES_READ, PROFILES_WRITE, MENTORSHIPS_READ, MEETINGS_WRITE, MENTORSHIPS_CHANGE, REQUESTS_MANAGE] }) { secret } }`,
      { p: w.program },
      w.manager,
    )) as { createApiKey: { secret: string } };
    const person = (name: keyof World['tokens'], label: string): Role => ({
      name: label,
      viewer: { role: 'participant', personId: local(w.people[name]) },
      call: (q, v) => gql(api, q, v, w.tokens[name]),
    });
    roles = [
      person('mentee', 'the participant (mentee)'),
      person('mentor', 'the other side of the pair (mentor)'),
      person('outsider', 'a participant with no pair'),
      person('requester', 'a participant with a request only'),
      { name: 'manager', viewer: { role: 'manager', personId: null }, call: (q, v) => gql(api, q, v, w.manager) },
      {
        name: 'partner key acting for the mentee',
        viewer: { role: 'participant', personId: local(w.people.mentee) },
        call: (q, v) => gql(api, q, v, null, { headers: { 'x-api-key': key.createApiKey.secret, 'x-kindling-person': w.people.mentee } }),
      },
    ];
  });

  it('finds no field of any query that reaches a role the map keeps it from', async () => {
    const now = api.clock.now.toISOString();
    const tally: Tally = { seen: new Set(), cases: 0, restricted: 0, fields: new Set(), violations: [], unexpected: [] };
    const queries = operations().filter((op) => op.kind === 'query');
    let calls = 0;
    for (const op of queries) {
      const { field } = op;
      // One call per real id the query can take (every id of every type for `node` and `entityId`), or one call.
      const idArg = field.args.find((a) => getNamedType(a.type).name === 'ID');
      const type = idArg ? idTypeOf(field, { path: [idArg.name], name: idArg.name, required: true }) : undefined;
      const ids: (string | null)[] = !idArg
        ? [null]
        : type === 'any'
          ? [...(idArg.type.toString().endsWith('!') ? [] : [null]), ...Object.values(w.ids).flat(), w.people.requester]
          : [...(w.ids[type as IdType] ?? []), ...(type === 'Person' ? [w.people.requester] : [])];
      const others = field.args.filter((a) => a !== idArg && String(a.type).endsWith('!'));
      const decl = [idArg, ...others].filter(Boolean).map((a) => `$${a?.name}: ${String(a?.type)}`);
      const use = [idArg, ...others].filter(Boolean).map((a) => `${a?.name}: $${a?.name}`);
      const fixed: Record<string, unknown> = Object.fromEntries(
        others.map((a) => [a.name, sample(a.type, a.name, { own: () => '', field, now })]),
      );
      if ('csv' in fixed)
        fixed.csv =
          field.name === 'previewPairImport'
            ? 'Mentor,Mentee,Start date\nada@example.org,grace@example.org,2026-01-05'
            : 'First Name,Last Name,Work Email,Time Zone,Languages,Role\nAda,Lovelace,ada@example.org,Europe/Amsterdam,en,mentee';
      for (const id of ids) {
        const variables = idArg ? { ...fixed, [idArg.name]: id } : fixed;
        const idType = id ? (Buffer.from(id, 'base64url').toString().split(':')[0] ?? '') : '';
        const nodeType = NODE_TYPE[idType] ?? idType;
        for (const role of roles) {
          // The whole tree in one document; a document over the cost or token limit is split along its
          // fields, one branch per document, until each fits.
          const document = (path: string[]) =>
            `query Within_${field.name}${decl.length ? `(${decl.join(', ')})` : ''} { ${field.name}${use.length ? `(${use.join(', ')})` : ''} ${selection(field.type, DEPTH, now, path, nodeType)} }`;
          const answers: Awaited<ReturnType<Role['call']>>[] = [];
          const run = async (path: string[], type: GraphQLOutputType): Promise<void> => {
            const answer = await role.call(document(path), variables);
            calls++;
            const tooBig = answer.errors?.some((e) => e.extensions?.messageKey === 'request.tooComplex');
            const named = getNamedType(type);
            const children = isObjectType(named) || isInterfaceType(named) ? childrenOf(named) : [];
            if (!tooBig || children.length === 0 || path.length >= DEPTH) {
              answers.push(answer);
              return;
            }
            for (const [child, childType] of children) await run([...path, child], childType);
          };
          await run([], field.type);
          for (const answer of answers) {
            for (const e of answer.errors ?? []) {
              if (!ALLOWED_ERRORS.test(String(e.extensions?.code))) {
                tally.unexpected.push(`${role.name} ${field.name}(${id ?? ''}): ${e.extensions?.code} ${e.message.slice(0, 120)}`);
              }
            }
            const value = answer.data?.[field.name];
            const cls = classOf('Query', field.name);
            // The root field itself (a JSON export, a CSV) is a case too: its subject is the person it names.
            const subject = field.name === 'personalData' && id ? { parties: [local(id)], programId: local(w.program) } : null;
            if (value !== undefined && value !== null && cls) {
              const where = `${role.name}: ${field.name} (Query.${field.name}, ${cls})`;
              const seenKey = `${role.name}|${field.name}(${id ?? ''})`;
              if (!tally.seen.has(seenKey)) checkField(role, 'Query', field.name, cls, field.type, value, subject, '', where, tally);
              tally.seen.add(seenKey);
            }
            check(role, value, field.type, null, field.name, tally);
          }
        }
      }
    }
    console.log(
      `${tally.cases} role × field cases over ${tally.fields.size} fields, ${queries.length} queries, ${roles.length} roles (${calls} calls, ${tally.restricted} on restricted fields): ${tally.violations.length} violations`,
    );
    expect(tally.violations).toEqual([]);
    expect(tally.unexpected).toEqual([]);
    expect(tally.cases).toBeGreaterThan(2000);
  }, 600_000);
});
