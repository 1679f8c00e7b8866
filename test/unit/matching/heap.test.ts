import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IndexedHeap } from '#domain/matching/heap.ts';

type Step = { op: 'push'; node: number; key: number } | { op: 'decrease'; node: number; by: number } | { op: 'pop' } | { op: 'clear' };

const SIZE = 12;
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ op: fc.constant('push' as const), node: fc.nat(SIZE - 1), key: fc.integer({ min: -50, max: 50 }) }),
  fc.record({ op: fc.constant('decrease' as const), node: fc.nat(SIZE - 1), by: fc.integer({ min: 0, max: 30 }) }),
  fc.constant({ op: 'pop' as const }),
  fc.constant({ op: 'clear' as const }),
);

describe('the indexed heap', () => {
  it('always hands out a queued node of the smallest key, as a plain list does, through pushes, decreases, pops and clears', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 80 }), (steps) => {
        // Prepare: the heap and a reference list of queued nodes over one key array.
        const key = new Float64Array(SIZE);
        const heap = new IndexedHeap(SIZE, key);
        const queued = new Set<number>();

        for (const s of steps) {
          // Act: one operation, skipped where its precondition does not hold (as the solver never calls it so).
          if (s.op === 'push' && !queued.has(s.node)) {
            key[s.node] = s.key;
            heap.push(s.node);
            queued.add(s.node);
          } else if (s.op === 'decrease' && queued.has(s.node)) {
            key[s.node] = (key[s.node] as number) - s.by;
            heap.decrease(s.node);
          } else if (s.op === 'pop' && queued.size > 0) {
            const top = heap.top();
            // Assess: the top is queued and no queued key is smaller.
            expect(queued.has(top)).toBe(true);
            expect(Math.min(...[...queued].map((n) => key[n] as number))).toBe(key[top]);
            heap.pop();
            queued.delete(top);
          } else if (s.op === 'clear') {
            heap.clear();
            queued.clear();
          }
          expect(heap.size).toBe(queued.size);
        }

        // Assess: draining gives the remaining nodes in key order.
        const drained: number[] = [];
        while (heap.size > 0) {
          drained.push(key[heap.top()] as number);
          heap.pop();
        }
        expect(drained).toEqual([...queued].map((n) => key[n] as number).sort((a, b) => a - b));
      }),
      { numRuns: 500 },
    );
  });
});
