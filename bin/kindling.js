#!/usr/bin/env node
// The operator's command line: `npx kindling start | token | job | …`. Runs the build of local/cli.ts
// that `npm install` made (scripts/build-cli.js), rebuilding it first when a source changed since.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const root = join(import.meta.dirname, '..');

/** The current build, unless it is missing or a source it was built from is newer. */
function currentBuild() {
  try {
    const build = JSON.parse(readFileSync(join(root, 'dist', 'cli.json'), 'utf8'));
    for (const input of build.inputs) if (statSync(join(root, input)).mtimeMs > build.builtAt) return null;
    statSync(join(root, 'dist', build.dir, 'cli.js'));
    return build;
  } catch {
    return null;
  }
}

const build = currentBuild() ?? (await (await import('../scripts/build-cli.js')).buildCli({ quiet: true }));
await import(pathToFileURL(join(root, 'dist', build.dir, 'cli.js')).href);
