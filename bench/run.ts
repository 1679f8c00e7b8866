export {};

/**
 * `npm run bench`: each benchmark in turn, with its figures. Figures, not pass/fail: the targets
 * they are read against are in the issues and in the closing notes. `npm run bench -- import` runs one.
 */
const benches: Record<string, () => Promise<{ run: () => Promise<Record<string, string | number>> }>> = {
  import: () => import('./import.ts'),
  matching: () => import('./matching.ts'),
  console: () => import('./console.ts'),
  'matching-run': () => import('./matchingRun.ts'),
  lambda: () => import('./lambda.ts'),
  load: () => import('./load.ts'),
  engagement: () => import('./engagement.ts'),
  peer: () => import('./peer.ts'),
  cli: () => import('./cli.ts'),
  retention: () => import('./retention.ts'),
  discovery: () => import('./discovery.ts'),
  search: () => import('./search.ts'),
};

const wanted = process.argv.slice(2).filter((a, i, all) => !a.startsWith('--') && !all[i - 1]?.startsWith('--'));
const results: Record<string, Record<string, string | number>> = {};
for (const [name, load] of Object.entries(benches)) {
  if (wanted.length > 0 && !wanted.includes(name)) continue;
  console.log(`\n▶ ${name}`);
  const { run } = await load();
  results[name] = await run();
  for (const [k, v] of Object.entries(results[name] ?? {})) console.log(`  ${k}: ${v}`);
}
console.log(`\n${JSON.stringify(results, null, 2)}`);
process.exit(0);
