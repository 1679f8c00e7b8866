/**
 * Importing a 5,000-row HR export into a program on DynamoDB Local: how long from the upload to the
 * last row written, the same file again (every row unchanged: no person or enrolment written), and
 * the memory it takes. The file is generated (seeded) in the sample's columns. A 2,000-row import
 * into another tenant goes first, on the freshly started DynamoDB Local, as the demo's seeding does
 * under `npm start`; its figures are printed too.
 */
import os from 'node:os';
import type { Actor } from '#domain/kernel/actors.ts';
import { startImport } from '#domain/people/importJobs.ts';
import type { Person } from '#domain/people/people.ts';
import { createProgram } from '#domain/programs/programs.ts';
import { createTenant } from '#domain/tenancy/tenants.ts';
import { parseCsv, toCsv } from '#lib/csv.ts';
import { progressBar } from '#local/progress.ts';
import { seededRandom } from '#local/seed/random.ts';
import { searchItems } from '#store/search.ts';
import { benchServices, mb, ownCpuSeconds, peakRss, processTreeCpuSeconds } from './support.ts';

const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 5000);
const WARM_UP_ROWS = Number(process.env.BENCH_IMPORT_WARM_UP_ROWS ?? 2000);

function hrExport(rows: number): string {
  const rnd = seededRandom(5000);
  const given = ['Sanne', 'Femke', 'Inês', 'Daan', 'Wei', 'Fatima', 'IJsbrand', 'Zoë', 'Kübra', 'Lars'];
  const family = ['van der Dekker', 'ter Vos', 'de Vries', 'Öztürk', 'Bakker', "in 't Veld", 'Nguyễn', 'van den Berg'];
  const zones = ['Europe/Amsterdam', 'Europe/Berlin', 'Europe/London', 'America/New_York', 'Asia/Singapore'];
  const reasons = [
    'communication skills',
    'connections',
    'psycho-social support',
    'industry knowledge',
    'management skills',
    'goal setting',
  ];
  const skills = ['negotiation', 'writing', 'budgeting', 'sales', 'data analysis', 'public speaking'];
  const headers = [
    'Employee ID',
    'First Name',
    'Last Name',
    'Work Email',
    'Job Title',
    'Department',
    'Manager Email',
    'Location',
    'Time Zone',
    'Languages',
    'Years of Experience',
    'Role',
    'Skills Offered',
    'Skills Sought',
    'Mentoring Reasons',
    'Mentor Capacity',
    'Hours per Month',
    'Open to Sponsoring',
    'Bio',
  ];
  const data = Array.from({ length: rows }, (_, i) => {
    const role = rnd.pick(['mentor', 'mentee', 'mentee', 'mentee', 'both']);
    const g = rnd.pick(given);
    const f = rnd.pick(family);
    return [
      `B${100000 + i}`,
      g,
      f,
      `${g}.${f}.${i}@Example.org`.replace(/[^A-Za-z0-9.@]/g, '').toLowerCase(),
      rnd.pick(['Associate', 'Lead', 'Director']),
      rnd.pick(['IT', 'HR', 'Sales', 'Legal', 'Research']),
      i > 10 ? `manager${i % 10}@example.org` : '',
      rnd.pick(['Amsterdam', 'Berlin', 'Remote']),
      rnd.pick(zones),
      rnd.some(['nl', 'en', 'de', 'fr'], 1, 3).join(', '),
      String(rnd.int(0, 35)),
      role,
      role === 'mentee' ? '' : rnd.some(skills, 1, 3).join(', '),
      role === 'mentor' ? '' : rnd.some(skills, 1, 3).join(', '),
      rnd.some(reasons, 1, 3).join(', '),
      role === 'mentee' ? '' : String(rnd.int(1, 4)),
      String(rnd.int(2, 8)),
      rnd.chance(0.3) ? 'yes' : 'no',
      'Graag help ik anderen groeien.',
    ];
  });
  return toCsv(headers, data);
}

export async function run(): Promise<Record<string, string | number>> {
  const { services, dynamo } = await benchServices();
  try {
    const now = new Date();
    const operator: Actor = { id: 'bench', role: 'operator', tenantId: null, personId: null };
    const tenant = async (slug: string, rows: number) => {
      await createTenant(services, operator, now, { slug, name: slug });
      const scope = { tenantId: slug, actor: { id: 'bench', role: 'manager' as const, tenantId: slug, personId: null }, now };
      return { scope, program: await createProgram(services, scope, { name: 'Bench program' }), csv: hrExport(rows), rows };
    };
    // Under `npm start` DynamoDB Local has seeded the demo before anyone imports, and its JIT has
    // compiled what every item costs (ADR 0089): a first import into a tenant of its own warms it the
    // same way, and is reported as what a freshly started DynamoDB Local does.
    const warmUp = await tenant('warm-up', WARM_UP_ROWS);
    const measured = await tenant('bench', ROWS);
    // Every write of a person, an enrolment or HR facts (one transaction per row since ADR 53), and the
    // search-token items written beside new people in batches: an unchanged row must cost none.
    let writes = 0;
    let tokens = 0;
    const people = services.people as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
    for (const name of ['writeImportRows', 'createPerson', 'replacePerson', 'createEnrolment', 'replaceEnrolment', 'indexPeople']) {
      const real = people[name]?.bind(services.people);
      people[name] = (...args) => {
        if (name === 'indexPeople') tokens += (args[0] as Person[]).reduce((n, p) => n + searchItems(p).length, 0);
        else writes += name === 'writeImportRows' ? (args[0] as unknown[]).length : 1;
        return real?.(...args) as Promise<unknown>;
      };
    }
    // Where the time goes: the items each kind of write sends and the keys read, and the wall time of each store call the job makes.
    const sent = new Map<string, number>();
    const spent = new Map<string, number>();
    const doc = services.client.doc as unknown as {
      send: (command: { constructor: { name: string }; input: Record<string, unknown> }) => Promise<unknown>;
    };
    const send = doc.send.bind(doc);
    doc.send = (command) => {
      const kind = command.constructor.name.replace('Command', '');
      const items: Record<string, unknown>[] =
        kind === 'TransactWrite'
          ? (command.input.TransactItems as Record<string, { Item?: { type?: string }; Key?: { SK?: string } }>[]).map(
              (t) => Object.values(t)[0] ?? {},
            )
          : kind === 'BatchWrite'
            ? Object.values(command.input.RequestItems as Record<string, Record<string, { Item?: unknown; Key?: unknown }>[]>)
                .flat()
                .map((r) => Object.values(r)[0] ?? {})
            : [];
      // Reads too: DynamoDB Local parses the table's schema for every key it reads as for every item it writes (ADR 0089).
      if (kind === 'BatchGet') {
        const keys = Object.values(command.input.RequestItems as Record<string, { Keys: unknown[] }>).reduce(
          (n, r) => n + r.Keys.length,
          0,
        );
        sent.set('BatchGet keys', (sent.get('BatchGet keys') ?? 0) + keys);
      }
      for (const op of items) {
        const item = (op as { Item?: { type?: string } }).Item;
        const what = `${kind} ${item?.type ?? `update ${String((op as { Key?: { SK?: string } }).Key?.SK ?? '').split('#')[0]}`}`;
        sent.set(what, (sent.get(what) ?? 0) + 1);
      }
      return send(command);
    };
    for (const [store, names] of [
      [services.people, ['findPeople', 'enrolmentsIn', 'enrolmentsOfMany', 'writeImportRows', 'indexPeople']],
      [services.imports, ['pendingChunks', 'completeChunk', 'claimImport']],
      [services.insights, ['getEmployments']],
    ] as const) {
      const methods = store as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
      for (const name of names) {
        const real = methods[name]?.bind(store);
        methods[name] = async (...args) => {
          const started = performance.now();
          try {
            return await (real?.(...args) as Promise<unknown>);
          } finally {
            spent.set(name, (spent.get(name) ?? 0) + performance.now() - started);
          }
        };
      }
    }
    const once = async (label: string, { scope, program, csv, rows }: typeof measured) => {
      writes = 0;
      tokens = 0;
      sent.clear();
      spent.clear();
      const cpu = { node: ownCpuSeconds(), dynamo: processTreeCpuSeconds(dynamo.pid) };
      const started = performance.now();
      const job = await startImport(services, scope, { programId: program.id, table: parseCsv(csv), fileName: 'bench.csv' });
      const answered = performance.now() - started;
      const bar = progressBar(`${label} ${rows} rows`, job.accepted);
      let first: number | null = null;
      const poll = setInterval(async () => {
        const current = await services.imports.getImport(scope.tenantId, job.id);
        if (current && current.processed > 0 && first === null) first = performance.now() - started;
        if (current) bar.update(current.processed);
      }, 200);
      await services.jobs.idle?.();
      clearInterval(poll);
      const done = await services.imports.getImport(scope.tenantId, job.id);
      bar.update(done?.processed ?? 0);
      bar.stop();
      const total = performance.now() - started;
      const node = ownCpuSeconds() - cpu.node;
      const local = processTreeCpuSeconds(dynamo.pid) - cpu.dynamo;
      return {
        [`${label}: status`]: done?.status ?? 'missing',
        [`${label}: created / updated / unchanged / failed`]: `${done?.created} / ${done?.updated} / ${done?.unchanged} / ${done?.failed}`,
        [`${label}: rows written (person, enrolments, HR facts)`]: writes,
        [`${label}: search-token items (batched)`]: tokens,
        [`${label}: startImport answered (ms)`]: Math.round(answered),
        [`${label}: first progress (ms)`]: Math.round(first ?? total),
        [`${label}: all rows written (s)`]: Number((total / 1000).toFixed(1)),
        [`${label}: rows per second`]: Math.round(rows / (total / 1000)),
        [`${label}: CPU s (Node / DynamoDB Local)`]: `${node.toFixed(1)} / ${local.toFixed(1)}`,
        [`${label}: items sent per row, by write`]: [...sent]
          .sort((a, b) => b[1] - a[1])
          .map(([what, n]) => `${what} ${(n / rows).toFixed(2)}`)
          .join(', '),
        [`${label}: store calls' wall time (s)`]: [...spent]
          .sort((a, b) => b[1] - a[1])
          .map(([name, ms]) => `${name} ${(ms / 1000).toFixed(1)}`)
          .join(', '),
      };
    };
    const load = () =>
      os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(' ');
    const before = load();
    const first = await once('warm-up on a fresh DynamoDB Local', warmUp);
    const figures = {
      rows: ROWS,
      'rows of the warm-up import': WARM_UP_ROWS,
      ...Object.fromEntries(Object.entries(first).filter(([k]) => /all rows written|first progress|CPU s/.test(k))),
      ...(await once('new', measured)),
      ...(await once('unchanged re-import', measured)),
    };
    return { ...figures, 'load average (1, 5, 15 min) before / after': `${before} / ${load()}`, 'peak RSS': mb(peakRss()) };
  } finally {
    await dynamo.stop();
  }
}
