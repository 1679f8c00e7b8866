import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { solveCommand } from '#local/solve.ts';

describe('kindling solve', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kindling-solve-'));
    vi.spyOn(console, 'log').mockImplementation(() => {});
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    await rm(dir, { recursive: true, force: true });
  });

  const write = async (name: string, content: unknown): Promise<string> => {
    const path = join(dir, name);
    await writeFile(path, typeof content === 'string' ? content : JSON.stringify(content));
    return path;
  };

  it('writes the optimal assignment with its weights, the objective and stats, and prints a summary', async () => {
    const input = await write('instance.json', {
      mentors: [
        { id: 'm1', capacity: 1 },
        { id: 'm2', capacity: 1 },
      ],
      mentees: [{ id: 'e1' }, { id: 'e2' }],
      edges: [
        { mentee: 'e1', mentor: 'm1', weight: 0.734 },
        { mentee: 'e2', mentor: 'm1', weight: 0.9 },
        { mentee: 'e2', mentor: 'm2', weight: 0.2 },
      ],
    });
    const out = join(dir, 'solution.json');

    await solveCommand({ in: input, out, objective: 'weight' });

    const solution = JSON.parse(await readFile(out, 'utf8'));
    expect(solution).toMatchObject({
      assignments: [
        { mentee: 'e1', mentor: 'm1', weight: 0.734 },
        { mentee: 'e2', mentor: 'm2', weight: 0.2 },
      ],
      matched: 2,
      objectiveName: 'weight',
      stats: { mentees: 2, mentors: 2, edges: 3, weightScale: 1_000_000 },
    });
    expect(solution.objective).toBeCloseTo(0.934, 12);
    expect(solution.weights).toMatch(/rounded to multiples of 1\/1000000/);
    expect(console.log).toHaveBeenCalledWith(expect.stringMatching(/for weight: 2 of 2 mentees matched, total weight 0\.934, in \d+ ms/));
  });

  it('solves for coverage when asked', async () => {
    const input = await write('instance.json', {
      mentors: [{ id: 'm1', capacity: 1 }],
      mentees: [{ id: 'e1' }],
      edges: [{ mentee: 'e1', mentor: 'm1', weight: 0 }],
    });
    const out = join(dir, 'solution.json');
    await solveCommand({ in: input, out, objective: 'coverage' });
    expect(JSON.parse(await readFile(out, 'utf8'))).toMatchObject({ matched: 1, objective: 0, objectiveName: 'coverage' });
  });

  it('refuses a malformed instance naming the entry, and writes nothing', async () => {
    const input = await write('bad.json', {
      mentors: [{ id: 'm1', capacity: 1 }],
      mentees: [{ id: 'e1' }],
      edges: [
        { mentee: 'e1', mentor: 'm1', weight: 0.5 },
        { mentee: 'e1', mentor: 'm9', weight: 0.5 },
      ],
    });
    const out = join(dir, 'solution.json');
    await expect(solveCommand({ in: input, out, objective: 'weight' })).rejects.toThrow('edges[1]: mentor "m9" is not in mentors');
    expect(existsSync(out)).toBe(false);
  });

  it('refuses a file that is not JSON, and writes nothing', async () => {
    const input = await write('broken.json', '{"mentors": [');
    const out = join(dir, 'solution.json');
    await expect(solveCommand({ in: input, out, objective: 'weight' })).rejects.toThrow(/broken\.json is not valid JSON/);
    expect(existsSync(out)).toBe(false);
  });

  it('solves a peer instance (participants, no mentors) in the peer format', async () => {
    // Prepare: a triangle with a pendant; the heaviest matching is p1–p2 with p3–p4.
    const input = await write('peer.json', {
      participants: [{ id: 'p1' }, { id: 'p2' }, { id: 'p3' }, { id: 'p4' }],
      edges: [
        { a: 'p1', b: 'p2', weight: 0.6 },
        { a: 'p2', b: 'p3', weight: 0.6 },
        { a: 'p3', b: 'p1', weight: 0.6 },
        { a: 'p3', b: 'p4', weight: 0.734 },
      ],
    });
    const out = join(dir, 'pairs.json');

    // Act
    await solveCommand({ in: input, out, objective: 'weight' });

    // Assert
    const written = JSON.parse(await readFile(out, 'utf8'));
    expect(written.pairs).toEqual([
      { a: 'p1', b: 'p2', weight: 0.6 },
      { a: 'p3', b: 'p4', weight: 0.734 },
    ]);
    expect(written.objective).toBeCloseTo(1.334, 9);
  });

  it('refuses a peer edge from a participant to themself, or a weight with four decimals, naming it', async () => {
    const loop = await write('loop.json', { participants: [{ id: 'p1' }], edges: [{ a: 'p1', b: 'p1', weight: 0.5 }] });
    const fine = await write('fine.json', {
      participants: [{ id: 'p1' }, { id: 'p2' }],
      edges: [{ a: 'p1', b: 'p2', weight: 0.12345 }],
    });
    const out = join(dir, 'pairs.json');
    await expect(solveCommand({ in: loop, out, objective: 'weight' })).rejects.toThrow('edges[0] joins "p1" to themself');
    await expect(solveCommand({ in: fine, out, objective: 'weight' })).rejects.toThrow('has more than three decimals');
    expect(existsSync(out)).toBe(false);
  });
});
