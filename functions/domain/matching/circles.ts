import { type Assignment, type Instance, type Objective, solve } from './assignment.ts';

/**
 * Group mentoring's assignment (ADR 0076): mentees to circles, each mentor leading one circle of at
 * most `capacity` new members, and a circle opened only with at least `minimum` new members — a
 * b-matching whose mentor degrees are semi-continuous (0, or between the minimum and the capacity).
 *
 * With minimums the problem is NP-hard (a minimum equal to the capacity of 3 is exact cover by
 * 3-sets), so no polynomial method is exact. This is an exact branch and bound over which circles
 * are closed and which are forced open, each node solved by the bipartite solver of
 * `assignment.ts`:
 *
 * - A node closes a set C of mentors (capacity 0) and forces a set F open. Its b-matching, with F's
 *   minimums required, is solved exactly by splitting each forced mentor j into a required part
 *   (capacity L_j, every edge weighing w + B) and a free part (capacity c_j − L_j, weight w), with B
 *   above any assignment's weight: the solver fills every required part when it can (one more
 *   required member outweighs everything else), and among those fillings takes the heaviest. A
 *   node whose required parts cannot all be filled holds no feasible answer.
 * - Its weight v is an upper bound on every feasible answer below it: each of those closes C,
 *   fills F's minimums, and is a b-matching of that node's graph.
 * - When no mentor is left with 0 < new members < minimum, the node's answer is feasible and, being
 *   its bound, the best below it. Otherwise a violating mentor j splits the node in two: j closed,
 *   or j forced open. Every feasible answer lies in one of them.
 * - Nodes are taken best bound first, so the first feasible one taken (or an incumbent at least as
 *   heavy as every bound left) is optimal. A heuristic first gives the incumbent: close the
 *   violating circle with the fewest members, solve again, until none is left.
 *
 * Past `maxNodes` solves the search stops with its incumbent and the largest bound still open: the
 * answer is then within `bound − objective` of the optimum, and the certificate says BOUNDED.
 * Coverage (most mentees placed, then most weight) adds a bonus above any assignment's weight to
 * every edge, as the solver does, so the same search proves the lexicographic optimum.
 */

export interface CircleMentor {
  id: string;
  /** New members the circle can still take. */
  capacity: number;
  /** New members the circle needs to open (0: already open, no minimum). */
  minimum: number;
}

export interface CircleInstance {
  mentors: CircleMentor[];
  mentees: { id: string }[];
  edges: { mentee: string; mentor: string; weight: number }[];
}

export interface CircleCertificate {
  /** EXACT: proved optimal; BOUNDED: the node limit was reached, the optimum is at most `bound`. */
  method: 'EXACT' | 'BOUNDED';
  /** The answer's weight, as the objective counts it (coverage: with the bonus per placed mentee). */
  objective: number;
  /** No feasible answer weighs more (equal to `objective` when EXACT). */
  bound: number;
  /** The bipartite solves the search made (heuristic included). */
  nodes: number;
  /** Mentors with candidates whose circle is not opened in the answer because it could not reach its minimum. */
  closed: string[];
  /** The weight of the answer without any minimum (the first solve): what the minimums cost at most. */
  unconstrained: number;
}

export interface CircleSolution {
  assignments: Assignment[];
  certificate: CircleCertificate;
  solveMs: number;
}

interface Node {
  closed: ReadonlySet<string>;
  forced: ReadonlySet<string>;
  assignments: Assignment[];
  value: number;
}

const REQUIRED = '\u0000required';

export function solveCircles(instance: CircleInstance, objective: Objective, maxNodes = 500): CircleSolution {
  const started = performance.now();
  // Coverage: a bonus above any assignment's weight on every edge (weights are at most 1 each).
  const bonus = objective === 'coverage' ? instance.mentees.length + 1 : 0;
  const weightSum = (assignments: readonly Assignment[]): number => assignments.reduce((s, a) => s + a.weight + bonus, 0);
  // Above any assignment's value: one more required member outweighs all the rest.
  const required = instance.mentees.length * (1 + bonus) + 1;
  const mentorOf = new Map(instance.mentors.map((m) => [m.id, m]));
  const weightOf = new Map(instance.edges.map((e) => [`${e.mentee}|${e.mentor}`, e.weight]));
  // A circle that cannot reach its minimum at all is closed from the start.
  const never = new Set(instance.mentors.filter((m) => m.minimum > m.capacity).map((m) => m.id));
  let nodes = 0;

  /** The node's exact b-matching (null: a forced circle cannot reach its minimum). */
  const evaluate = (closed: ReadonlySet<string>, forced: ReadonlySet<string>): Node | null => {
    nodes++;
    const mentors: Instance['mentors'] = [];
    for (const m of instance.mentors) {
      if (closed.has(m.id) || never.has(m.id)) continue;
      if (forced.has(m.id)) {
        mentors.push({ id: `${m.id}${REQUIRED}`, capacity: m.minimum });
        if (m.capacity > m.minimum) mentors.push({ id: m.id, capacity: m.capacity - m.minimum });
      } else mentors.push({ id: m.id, capacity: m.capacity });
    }
    const edges: Instance['edges'] = [];
    for (const e of instance.edges) {
      if (closed.has(e.mentor) || never.has(e.mentor) || !mentorOf.has(e.mentor)) continue;
      const w = e.weight + bonus;
      if (forced.has(e.mentor)) {
        edges.push({ mentee: e.mentee, mentor: `${e.mentor}${REQUIRED}`, weight: w + required });
        if ((mentorOf.get(e.mentor)?.capacity ?? 0) > (mentorOf.get(e.mentor)?.minimum ?? 0)) edges.push({ ...e, weight: w });
      } else edges.push({ ...e, weight: w });
    }
    const solved = solve({ mentors, mentees: instance.mentees, edges }, 'weight');
    const assignments = solved.assignments.map((a) => {
      const mentor = a.mentor.endsWith(REQUIRED) ? a.mentor.slice(0, -REQUIRED.length) : a.mentor;
      return { mentee: a.mentee, mentor, weight: weightOf.get(`${a.mentee}|${mentor}`) ?? 0 };
    });
    const load = loads(assignments);
    for (const id of forced) if ((load.get(id) ?? 0) < (mentorOf.get(id)?.minimum ?? 0)) return null;
    return { closed, forced, assignments, value: weightSum(assignments) };
  };

  /** The circles below their minimum in an answer, fewest members first (then the lightest). */
  const violations = (node: Node): string[] => {
    const load = loads(node.assignments);
    const weight = new Map<string, number>();
    for (const a of node.assignments) weight.set(a.mentor, (weight.get(a.mentor) ?? 0) + a.weight);
    return [...load.entries()]
      .filter(([id, n]) => n > 0 && n < (mentorOf.get(id)?.minimum ?? 0))
      .sort((x, y) => x[1] - y[1] || (weight.get(x[0]) ?? 0) - (weight.get(y[0]) ?? 0) || (x[0] < y[0] ? -1 : 1))
      .map(([id]) => id);
  };

  const root = evaluate(new Set(), new Set()) as Node;
  const unconstrained = root.value;
  // The heuristic incumbent: close the weakest circle below its minimum, solve again, until none is.
  let incumbent = root;
  for (let broken = violations(incumbent); broken.length > 0; broken = violations(incumbent)) {
    incumbent = evaluate(new Set([...incumbent.closed, broken[0] as string]), new Set()) as Node;
  }

  // Best bound first. The root's bound holds for every answer.
  const open: Node[] = violations(root).length > 0 ? [root] : [];
  if (open.length === 0) incumbent = root;
  const tolerance = 1e-9 * Math.max(1, Math.abs(unconstrained));
  let exhausted = true;
  while (open.length > 0) {
    open.sort((a, b) => b.value - a.value);
    const node = open[0] as Node;
    if (node.value <= incumbent.value + tolerance) {
      open.length = 0;
      break;
    }
    const broken = violations(node);
    if (broken.length === 0) {
      incumbent = node;
      open.length = 0;
      break;
    }
    if (nodes + 2 > maxNodes) {
      exhausted = false;
      break;
    }
    open.shift();
    const j = broken[0] as string;
    for (const child of [evaluate(new Set([...node.closed, j]), node.forced), evaluate(node.closed, new Set([...node.forced, j]))]) {
      if (!child || child.value <= incumbent.value + tolerance) continue;
      if (violations(child).length === 0) incumbent = child;
      else open.push(child);
    }
  }
  const bound = exhausted ? incumbent.value : Math.max(incumbent.value, ...open.map((n) => n.value));
  const placed = loads(incumbent.assignments);
  const withEdges = new Set(instance.edges.map((e) => e.mentor));
  const closed = instance.mentors.filter((m) => m.minimum > 0 && withEdges.has(m.id) && !placed.has(m.id)).map((m) => m.id);
  const opened = loads(root.assignments);
  return {
    assignments: [...incumbent.assignments].sort((a, b) => (a.mentee < b.mentee ? -1 : a.mentee > b.mentee ? 1 : 0)),
    certificate: {
      method: exhausted ? 'EXACT' : 'BOUNDED',
      objective: round(incumbent.value),
      bound: round(bound),
      nodes,
      // Circles the answer leaves shut that the unconstrained solve would have used.
      closed: closed.filter((id) => opened.has(id)).sort(),
      unconstrained: round(unconstrained),
    },
    solveMs: performance.now() - started,
  };
}

const round = (x: number): number => Math.round(x * 10_000) / 10_000;

function loads(assignments: readonly Assignment[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const a of assignments) out.set(a.mentor, (out.get(a.mentor) ?? 0) + 1);
  return out;
}
