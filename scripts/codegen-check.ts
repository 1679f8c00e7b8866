/**
 * Fails when the generated files are stale: regenerates them from schema/ and compares. Run by
 * `npm test`; the fix is always `npm run codegen` and committing the result.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const GENERATED = ['functions/generated', 'admin/src/generated', 'test/generated'];

function snapshot(): Map<string, string> {
  const files = new Map<string, string>();
  for (const dir of GENERATED) {
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir)) files.set(join(dir, name), readFileSync(join(dir, name), 'utf8'));
  }
  return files;
}

const before = snapshot();
execFileSync('npx', ['graphql-codegen', '--config', 'codegen.ts', '--silent'], { stdio: ['ignore', 'ignore', 'inherit'] });
const after = snapshot();
const stale = [...new Set([...before.keys(), ...after.keys()])].filter((f) => before.get(f) !== after.get(f));
if (stale.length > 0) {
  console.error(
    `Generated files were stale: ${stale.join(', ')}.\nThey are now regenerated from schema/: review and commit them (npm run codegen does the same).`,
  );
  process.exit(1);
}
console.log(`codegen: ${after.size} generated files match schema/`);
