import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Role } from '#domain/kernel/actors.ts';
import { decodeText } from '#lib/csv.ts';
import { localClient } from './args.ts';
import { type IdentityFlags, identityChoices, type Preview, previewLines } from './importPreview.ts';
import { LocalIssuer } from './issuer.ts';
import { progressBar } from './progress.ts';

/**
 * Operator commands that go through the API, exactly as a partner app would: against `npm start`
 * by default, or any deployment with --api and --token.
 */
export interface ApiTarget {
  url: string;
  token: string;
}

/** --api and --token when given; else the running local Kindling (found by its run file) and a token from its issuer. */
export async function targetFor(
  options: { api?: string | undefined; token?: string | undefined; port?: string | undefined; data?: string | undefined },
  role: Role,
  tenant: string | null,
): Promise<ApiTarget> {
  const client = localClient(options);
  if (options.token) return { url: client.url, token: options.token };
  if (options.api) throw new Error('--api needs --token <jwt> (a token the deployment accepts).');
  const issuer = await LocalIssuer.open(client.issuerDir);
  const { token } = await issuer.token({ tenant, role, subject: `local:${role}:cli`, name: 'Kindling CLI' });
  return { url: client.url, token };
}

interface GraphqlResponse<T> {
  data?: T;
  errors?: { message: string; extensions?: { code?: string; problems?: { field: string; reason: string }[] } }[];
}

export async function gql<T>(target: ApiTarget, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  let res: Response;
  try {
    res = await fetch(target.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${target.token}` },
      body: JSON.stringify({ query, variables }),
    });
  } catch {
    throw new Error(`Kindling's API did not answer at ${target.url}. Is \`npm start\` running (or is --api right)?`);
  }
  const body = (await res.json()) as GraphqlResponse<T>;
  if (body.errors?.length) {
    const [first] = body.errors;
    const problems = first?.extensions?.problems?.map((p) => `\n  - ${p.field}: ${p.reason}`).join('') ?? '';
    throw new Error(`${first?.message} (${first?.extensions?.code})${problems}`);
  }
  return body.data as T;
}

export async function createTenantCommand(target: ApiTarget, input: { slug: string; name: string; timeZone?: string; locale?: string }) {
  const data = await gql<{ createTenant: { slug: string; name: string } }>(
    target,
    'mutation($input: CreateTenantInput!) { createTenant(input: $input) { slug name } }',
    { input: { ...input, locale: input.locale?.toUpperCase() } },
  );
  console.log(`Created tenant "${data.createTenant.name}" (${data.createTenant.slug}).`);
  console.log(`A manager token for it: npx kindling token --tenant ${data.createTenant.slug} --role manager`);
}

interface Problem {
  kind: 'REJECTED' | 'FAILED' | 'WARNING';
  line: number;
  externalId: string | null;
  email: string | null;
  reasons: string[];
}

const show = (p: Problem) =>
  `  line ${p.line}${p.externalId ? ` (${p.externalId})` : p.email ? ` (${p.email})` : ''}: ${p.reasons.join('; ')}`;

/** Imports a CSV file into a program (found by id or name), with a progress bar and the report. */
const PREVIEW_QUERY = `query($programId: ID!, $csv: String!, $role: ParticipantRole) {
  previewImport(programId: $programId, csv: $csv, defaultRole: $role) {
    total accepted rejected { line }
    actions { create update unchanged identityChanges }
    changes { line action name email currentName currentEmail currentExternalId identityChange emptyCells changes { field from to } }
  }
}`;

/**
 * Imports a CSV file into a program (found by id or name): the preview first (what each row does to
 * the people who exist, identity changes first), then, when every identity change has a choice
 * (`--identity <line>=…`, `--identity-all …`), the import with a progress bar and the report.
 */
export async function importCommand(
  target: ApiTarget,
  options: { program: string; file: string; role?: string | undefined; identity?: IdentityFlags; dryRun?: boolean },
) {
  const { programs } = await gql<{ programs: { edges: { node: { id: string; name: string } }[] } }>(
    target,
    '{ programs(first: 100) { edges { node { id name } } } }',
  );
  const match = programs.edges
    .map((e) => e.node)
    .find((p) => p.id === options.program || p.name.toLowerCase() === options.program.toLowerCase());
  if (!match) {
    throw new Error(
      `No program "${options.program}". Programs here: ${programs.edges.map((e) => `"${e.node.name}"`).join(', ') || 'none'}.`,
    );
  }
  const csv = decodeText(readFileSync(options.file));
  const defaultRole = options.role ? options.role.toUpperCase() : null;
  const { previewImport: preview } = await gql<{ previewImport: Preview }>(target, PREVIEW_QUERY, {
    programId: match.id,
    csv,
    role: defaultRole,
  });
  const { choices, missing } = identityChoices(preview, options.identity ?? { byLine: new Map(), all: null });
  for (const line of previewLines(preview, choices)) console.log(line);
  if (missing.length > 0) {
    throw new Error(
      `Nothing was imported: ${missing.length} identity change${missing.length > 1 ? 's need' : ' needs'} a choice (line${missing.length > 1 ? 's' : ''} ${missing.join(', ')}). ` +
        'Pass --identity <line>=replace|same|skip for each, or --identity-all replace|same|skip.',
    );
  }
  if (options.dryRun) return;
  const { startImport: job } = await gql<{ startImport: { id: string; total: number; accepted: number; rejected: number } }>(
    target,
    'mutation($programId: ID!, $csv: String!, $fileName: String, $role: ParticipantRole, $identityChanges: [IdentityChoiceInput!]) { startImport(programId: $programId, csv: $csv, fileName: $fileName, defaultRole: $role, identityChanges: $identityChanges) { id total accepted rejected } }',
    { programId: match.id, csv, fileName: basename(options.file), role: defaultRole, identityChanges: choices },
  );
  console.log(`Importing ${job.accepted} of ${job.total} rows into "${match.name}" (${job.rejected} rejected) …`);
  const bar = progressBar('import', job.accepted);
  type Status = {
    status: string;
    processed: number;
    created: number;
    updated: number;
    unchanged: number;
    failed: number;
    error: string | null;
    problems: Problem[];
  };
  let state: Status;
  for (;;) {
    ({ importJob: state } = await gql<{ importJob: Status }>(
      target,
      'query($id: ID!) { importJob(id: $id) { status processed created updated unchanged failed error problems { kind line externalId email reasons } } }',
      { id: job.id },
    ));
    bar.update(state.processed);
    if (state.status === 'DONE' || state.status === 'FAILED') break;
    await new Promise((r) => setTimeout(r, 500));
  }
  bar.stop();
  console.log(
    `${state.status === 'DONE' ? 'Done' : `Failed: ${state.error}`}: ${state.created} created, ${state.updated} updated, ${state.unchanged} unchanged, ${state.failed} failed, ${job.rejected} rejected.`,
  );
  const serious = state.problems.filter((p) => p.kind !== 'WARNING');
  if (serious.length > 0) {
    console.log('Rows not imported:');
    for (const p of serious) console.log(show(p));
  }
  const warned = state.problems.length - serious.length;
  if (warned > 0)
    console.log(
      `${warned} rows were imported with a warning (e.g. a mentoring reason this program does not offer); the console lists them.`,
    );
}
