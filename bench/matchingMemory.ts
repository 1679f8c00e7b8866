/**
 * The solver's memory on the 50k mentees × 10k mentors × 30 candidates instance, in a process of its
 * own (so nothing else the bench did counts) with V8's heap capped by the parent's
 * `--max-old-space-size`: generates the instance, solves it for both objectives with certificates,
 * and prints one JSON line with the peak resident memory and the heap at each step. Run by
 * `bench/matching.ts`; on its own: `node --max-old-space-size=600 --import tsx bench/matchingMemory.ts`.
 */
import { solveWithCertificate } from '#domain/matching/assignment.ts';
import { generate } from './matching.ts';
import { peakRss } from './support.ts';

const mib = (bytes: number): number => Math.round(bytes / 1024 / 1024);
const heap = (): number => mib(process.memoryUsage().heapUsed);
const arrays = (): number => mib(process.memoryUsage().arrayBuffers);

const instance = generate(8, { mentees: 50_000, mentors: 10_000, degree: 30 });
const afterInstance = { heapMb: heap(), rssMb: mib(peakRss()) };
let matched = 0;
let peakArrays = 0;
for (const objective of ['weight', 'coverage'] as const) {
  const { solution } = solveWithCertificate(instance, objective);
  matched = solution.matched;
  peakArrays = Math.max(peakArrays, arrays());
}
console.log(
  JSON.stringify({
    edges: instance.edges.length,
    matched,
    afterInstance,
    peakRssMb: mib(peakRss()),
    heapMb: heap(),
    arrayBuffersMb: peakArrays,
  }),
);
