import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { decodeText } from '#lib/csv.ts';
import { CLIENT_OPTIONS, parseFlags, UsageError } from '../args.ts';
import { type ApiTarget, gql, targetFor } from '../operator.ts';
import { progressBar } from '../progress.ts';

/**
 * `kindling import-pairs`: brings running pairs (with their start, planned end, goals and past
 * meetings) into a program through the API — a preview of every row it would not take, then the job
 * with a progress bar and its report. `--dry-run` stops after the preview.
 */
interface Problem {
  line: number;
  name: string | null;
  reasons: string[];
}

const show = (p: Problem) => `  line ${p.line}${p.name ? ` (${p.name})` : ''}: ${p.reasons.join('; ')}`;

async function programNamed(target: ApiTarget, wanted: string): Promise<{ id: string; name: string }> {
  const { programs } = await gql<{ programs: { edges: { node: { id: string; name: string } }[] } }>(
    target,
    '{ programs(first: 100) { edges { node { id name } } } }',
  );
  const found = programs.edges.map((e) => e.node).find((p) => p.id === wanted || p.name.toLowerCase() === wanted.toLowerCase());
  if (!found)
    throw new Error(`No program "${wanted}". Programs here: ${programs.edges.map((e) => `"${e.node.name}"`).join(', ') || 'none'}.`);
  return found;
}

export async function importPairsCommand(target: ApiTarget, options: { program: string; file: string; dryRun: boolean }): Promise<void> {
  const program = await programNamed(target, options.program);
  const csv = decodeText(readFileSync(options.file));
  const { previewPairImport: preview } = await gql<{
    previewPairImport: { total: number; accepted: number; alreadyImported: number; rejected: Problem[] };
  }>(
    target,
    'query($programId: ID!, $csv: String!) { previewPairImport(programId: $programId, csv: $csv) { total accepted alreadyImported rejected { line name reasons } } }',
    { programId: program.id, csv },
  );
  console.log(
    `${preview.accepted} of ${preview.total} rows can be imported into "${program.name}"` +
      `${preview.alreadyImported > 0 ? ` (${preview.alreadyImported} of them imported before: only what they lack is added)` : ''}; ${preview.rejected.length} rejected.`,
  );
  if (preview.rejected.length > 0) {
    console.log('Rows that will not be imported:');
    for (const p of preview.rejected) console.log(show(p));
  }
  if (options.dryRun || preview.accepted === 0) return;

  const { startPairImport: job } = await gql<{ startPairImport: { id: string; accepted: number } }>(
    target,
    'mutation($programId: ID!, $csv: String!, $fileName: String) { startPairImport(programId: $programId, csv: $csv, fileName: $fileName) { id accepted } }',
    { programId: program.id, csv, fileName: basename(options.file) },
  );
  const bar = progressBar('pairs', job.accepted);
  type Status = {
    status: string;
    processed: number;
    created: number;
    updated: number;
    unchanged: number;
    failed: number;
    error: string | null;
    problems: (Problem & { kind: string })[];
  };
  let state: Status;
  for (;;) {
    ({ importJob: state } = await gql<{ importJob: Status }>(
      target,
      'query($id: ID!) { importJob(id: $id) { status processed created updated unchanged failed error problems { kind line name reasons } } }',
      { id: job.id },
    ));
    bar.update(state.processed);
    if (state.status === 'DONE' || state.status === 'FAILED') break;
    await new Promise((r) => setTimeout(r, 500));
  }
  bar.stop();
  console.log(
    `${state.status === 'DONE' ? 'Done' : `Failed: ${state.error}`}: ${state.created} pairs started, ${state.updated} given more history, ${state.unchanged} unchanged, ${state.failed} failed.`,
  );
  const failed = state.problems.filter((p) => p.kind === 'FAILED');
  if (failed.length > 0) {
    console.log('Rows that could not be written:');
    for (const p of failed) console.log(show(p));
  }
}

export async function run(args: string[]): Promise<void> {
  const { values } = parseFlags(args, {
    ...CLIENT_OPTIONS,
    tenant: { type: 'string' },
    program: { type: 'string' },
    file: { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
  });
  if (!values.tenant || !values.program || !values.file) throw new UsageError('--tenant, --program and --file are needed.');
  const target = await targetFor(values, 'manager', values.tenant);
  await importPairsCommand(target, { program: values.program, file: values.file, dryRun: values['dry-run'] === true });
}
