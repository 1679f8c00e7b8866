import cliProgress from 'cli-progress';
import type { SeedProgress } from './seed/demo.ts';

/** A progress bar on a terminal; one line per step elsewhere (CI logs). */
export function terminalProgress(): SeedProgress {
  let bar: cliProgress.SingleBar | null = null;
  let label = '';
  let total = 0;
  return {
    start(n, what) {
      label = what;
      total = n;
      if (process.stdout.isTTY) {
        bar = new cliProgress.SingleBar(
          { format: `  seeding {label} [{bar}] {value}/{total}`, hideCursor: true, clearOnComplete: false },
          cliProgress.Presets.shades_classic,
        );
        bar.start(n, 0, { label });
      }
    },
    tick() {
      bar?.increment();
    },
    stop() {
      if (bar) bar.stop();
      else console.log(`  seeded ${total} ${label}`);
      bar = null;
    },
  };
}
