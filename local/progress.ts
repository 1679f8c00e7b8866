import cliProgress from 'cli-progress';
import type { SeedProgress } from './seed/demo.ts';

export interface Bar {
  update(value: number): void;
  increment(): void;
  stop(): void;
}

/** A progress bar on a terminal; a line at the end elsewhere (CI logs, pipes). */
export function progressBar(label: string, total: number): Bar {
  let value = 0;
  if (!process.stdout.isTTY) {
    return {
      update: (v) => {
        value = v;
      },
      increment: () => {
        value++;
      },
      stop: () => console.log(`  ${label}: ${value}/${total}`),
    };
  }
  const bar = new cliProgress.SingleBar(
    { format: `  ${label} [{bar}] {value}/{total} {percentage}%`, hideCursor: true, clearOnComplete: false },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0);
  return { update: (v) => bar.update(v), increment: () => bar.increment(), stop: () => bar.stop() };
}

/** The seed's progress as bars, one per step. */
export function terminalProgress(): SeedProgress {
  let bar: Bar | null = null;
  return {
    start(n, what) {
      bar = progressBar(`seeding ${what}`, n);
    },
    tick() {
      bar?.increment();
    },
    stop() {
      bar?.stop();
      bar = null;
    },
  };
}
