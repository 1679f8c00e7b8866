import cliProgress from 'cli-progress';
import type { SeedProgress } from './seed/demo.ts';

export interface Bar {
  update(value: number): void;
  increment(): void;
  stop(): void;
}

/** How often a pipe or log hears how far it got. */
export const PROGRESS_LINE_EVERY_MS = 5_000;

/**
 * A progress bar on a terminal; elsewhere (CI logs, pipes) a plain line every few seconds while it
 * moves, and one at the end. A null total (not known beforehand) counts without a bar: `label: 1233`.
 */
export function progressBar(label: string, total: number | null, everyMs = PROGRESS_LINE_EVERY_MS): Bar {
  let value = 0;
  if (!process.stdout.isTTY) {
    let lastLine = Date.now();
    let lastValue = 0;
    const line = () => {
      lastLine = Date.now();
      lastValue = value;
      const of = total === null ? '' : `/${total}${total > 0 ? ` (${Math.floor((value / total) * 100)}%)` : ''}`;
      console.log(`  ${label}: ${value}${of}`);
    };
    const moved = () => {
      if (value !== lastValue && Date.now() - lastLine >= everyMs) line();
    };
    return {
      update: (v) => {
        value = v;
        moved();
      },
      increment: () => {
        value++;
        moved();
      },
      stop: line,
    };
  }
  const bar = new cliProgress.SingleBar(
    {
      format: total === null ? `  ${label}: {value}` : `  ${label} [{bar}] {value}/{total} {percentage}%`,
      hideCursor: true,
      clearOnComplete: false,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total ?? 0, 0);
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
