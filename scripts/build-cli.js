// Builds the command line (local/cli.ts and each command's code, one chunk per dynamic import) into
// plain JavaScript with esbuild, so `kindling` starts without transpiling TypeScript on every run.
// Runs at `npm install`/`npm ci` (the `prepare` script) and again from bin/kindling.js whenever a
// source it was built from has changed. Dependencies stay in node_modules (not bundled).
import { mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const DIST = join(ROOT, 'dist');
/** Points at the current build: { dir, builtAt, inputs }. Replaced atomically. */
export const POINTER = join(DIST, 'cli.json');
/** Older builds kept, so a running `kindling start` can still load its lazily imported chunks. */
const KEEP = 3;

export async function buildCli({ quiet = false } = {}) {
  const { build } = await import('esbuild');
  const started = Date.now();
  // Sources saved during the build count as newer than it: the next run builds again.
  const builtAt = started;
  const dir = `cli-${started.toString(36)}-${process.pid}`;
  mkdirSync(DIST, { recursive: true });
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: { cli: 'local/cli.ts' },
    outdir: join(DIST, dir),
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    metafile: true,
    logLevel: 'warning',
    legalComments: 'none',
  });
  const inputs = Object.keys(result.metafile.inputs).filter((f) => !f.startsWith('node_modules/'));
  const pointer = { dir, builtAt, inputs };
  const temporary = `${POINTER}.${process.pid}`;
  writeFileSync(temporary, JSON.stringify(pointer));
  renameSync(temporary, POINTER);
  const builds = readdirSync(DIST)
    .filter((d) => d.startsWith('cli-'))
    .map((d) => ({ d, at: statSync(join(DIST, d)).mtimeMs }))
    .sort((a, b) => b.at - a.at);
  for (const { d } of builds.slice(KEEP)) if (d !== dir) rmSync(join(DIST, d), { recursive: true, force: true });
  if (!quiet) console.log(`kindling: built the command line into dist/${dir} in ${Date.now() - started} ms (${inputs.length} sources)`);
  return pointer;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await buildCli();
