import { describe, expect, it } from 'vitest';
import { startAfter } from '#domain/matching/discovery.ts';

/** Discovery's position is the rank and the mentor there (ADR 57): a mentor who drops out moves no page. */
describe('a discovery page position', () => {
  const ranking = ['m1', 'm2', 'm3', 'm4', 'm5'];

  it('starts the first page at the top', () => {
    expect(startAfter(ranking, null)).toBe(0);
  });

  it('starts the next page after the mentor the last page ended with', () => {
    expect(startAfter(ranking, '1:m2')).toBe(2);
  });

  it('follows that mentor when the ranking moved them', () => {
    // Prepare: m5 now ranks ahead of m2.
    const moved = ['m1', 'm5', 'm2', 'm3', 'm4'];
    // Act, Assess: m3 and m4 come next, m5 was on a page before.
    expect(startAfter(moved, '1:m2')).toBe(3);
  });

  it('neither restarts nor repeats when that mentor dropped out, but starts at the rank they held', () => {
    // Prepare: m2 withdrew after the page that ended with them.
    const without = ['m1', 'm3', 'm4', 'm5'];
    // Act
    const start = startAfter(without, '1:m2');
    // Assess
    expect(without.slice(start)).toEqual(['m3', 'm4', 'm5']);
  });

  it('reads a malformed position as the top, and one past the end as the end', () => {
    expect(startAfter(ranking, 'm2')).toBe(0);
    expect(startAfter(ranking, '-1:m2')).toBe(0);
    expect(startAfter(ranking, '40:gone')).toBe(5);
  });
});
