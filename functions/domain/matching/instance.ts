import type { Instance } from './assignment.ts';
import type { PeerInstance } from './peer.ts';

/**
 * Reading an assignment instance (the `kindling solve` file format, or an object handed over
 * directly): `{"mentors":[{"id","capacity"}], "mentees":[{"id"}], "edges":[{"mentee","mentor","weight"}]}`.
 * Anything malformed is refused with a message naming the first offending entry, e.g.
 * `edges[17]: mentor "m9" is not in mentors`. Unknown extra fields are ignored.
 */
export class InstanceError extends Error {
  /** The offending entry, e.g. `edges[17]` or `mentors`. */
  readonly entry: string;

  constructor(entry: string, message: string) {
    super(message);
    this.name = 'InstanceError';
    this.entry = entry;
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** `, not 42`, `, not "x"`, `, not NaN` or ` (it is missing)`: what was found instead. */
const got = (value: unknown): string => (value === undefined ? ' (it is missing)' : `, not ${describe(value)}`);

const describe = (value: unknown): string => {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return JSON.stringify(value);
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
};

function list(json: Record<string, unknown>, name: 'mentors' | 'mentees' | 'edges'): unknown[] {
  const value = json[name];
  if (!Array.isArray(value)) {
    throw new InstanceError(name, `${name} must be an array${got(value)}`);
  }
  return value;
}

function id(entry: string, item: Record<string, unknown>, field: string): string {
  const value = item[field];
  if (typeof value !== 'string' || value.length === 0) {
    throw new InstanceError(entry, `${entry}: ${field} must be a non-empty string${got(value)}`);
  }
  return value;
}

/** Why an edge was refused, checked in the order a reader expects: its shape, its ids, its weight. */
function edgeError(entry: string, item: unknown, menteeAt: Map<string, number>, mentorAt: Map<string, number>): never {
  if (!isRecord(item)) throw new InstanceError(entry, `${entry} must be an object, not ${describe(item)}`);
  const mentee = id(entry, item, 'mentee');
  const mentor = id(entry, item, 'mentor');
  if (!menteeAt.has(mentee)) throw new InstanceError(entry, `${entry}: mentee "${mentee}" is not in mentees`);
  if (!mentorAt.has(mentor)) throw new InstanceError(entry, `${entry}: mentor "${mentor}" is not in mentors`);
  throw new InstanceError(entry, `${entry} (${mentee} → ${mentor}): weight must be a finite number ≥ 0${got(item.weight)}`);
}

/** A valid {@link Instance} from untrusted JSON, or an {@link InstanceError} naming the entry at fault. */
export function parseInstance(json: unknown): Instance {
  if (!isRecord(json)) {
    throw new InstanceError('instance', `the instance must be an object with mentors, mentees and edges, not ${describe(json)}`);
  }
  const rawMentors = list(json, 'mentors');
  const rawMentees = list(json, 'mentees');
  const rawEdges = list(json, 'edges');

  const mentors: Instance['mentors'] = [];
  const mentorAt = new Map<string, number>();
  rawMentors.forEach((item, j) => {
    const entry = `mentors[${j}]`;
    if (!isRecord(item)) throw new InstanceError(entry, `${entry} must be an object, not ${describe(item)}`);
    const mentorId = id(entry, item, 'id');
    const first = mentorAt.get(mentorId);
    if (first !== undefined) throw new InstanceError(entry, `${entry} repeats id "${mentorId}" (first at mentors[${first}])`);
    const capacity = item.capacity;
    if (typeof capacity !== 'number' || !Number.isSafeInteger(capacity) || capacity < 0) {
      throw new InstanceError(entry, `${entry} "${mentorId}": capacity must be a whole number ≥ 0${got(capacity)}`);
    }
    mentorAt.set(mentorId, j);
    mentors.push({ id: mentorId, capacity });
  });

  const mentees: Instance['mentees'] = [];
  const menteeAt = new Map<string, number>();
  rawMentees.forEach((item, i) => {
    const entry = `mentees[${i}]`;
    if (!isRecord(item)) throw new InstanceError(entry, `${entry} must be an object, not ${describe(item)}`);
    const menteeId = id(entry, item, 'id');
    const first = menteeAt.get(menteeId);
    if (first !== undefined) throw new InstanceError(entry, `${entry} repeats id "${menteeId}" (first at mentees[${first}])`);
    menteeAt.set(menteeId, i);
    mentees.push({ id: menteeId });
  });

  const edges: Instance['edges'] = new Array(rawEdges.length);
  const edgeMentee = new Int32Array(rawEdges.length);
  const edgeMentor = new Int32Array(rawEdges.length);
  // The hot loop of `kindling solve` (half a million edges): the entry's name is only made for a message.
  for (let k = 0; k < rawEdges.length; k++) {
    const item = rawEdges[k];
    const mentee = isRecord(item) ? item.mentee : undefined;
    const mentor = isRecord(item) ? item.mentor : undefined;
    const weight = isRecord(item) ? item.weight : undefined;
    const i = typeof mentee === 'string' ? menteeAt.get(mentee) : undefined;
    const j = typeof mentor === 'string' ? mentorAt.get(mentor) : undefined;
    if (i === undefined || j === undefined || typeof weight !== 'number' || !Number.isFinite(weight) || weight < 0) {
      edgeError(`edges[${k}]`, item, menteeAt, mentorAt);
    }
    edgeMentee[k] = i as number;
    edgeMentor[k] = j as number;
    edges[k] = { mentee: mentee as string, mentor: mentor as string, weight: weight === 0 ? 0 : (weight as number) };
  }

  const repeat = firstRepeatedEdge(edgeMentee, edgeMentor, mentees.length, mentors.length);
  if (repeat) {
    const entry = `edges[${repeat.at}]`;
    const edge = edges[repeat.at] as Instance['edges'][number];
    throw new InstanceError(entry, `${entry} repeats mentee ${edge.mentee} with mentor ${edge.mentor} (first at edges[${repeat.first}])`);
  }
  return { mentors, mentees, edges };
}

/**
 * The earliest edge that repeats a (mentee, mentor) pair, in O(E) with flat arrays: edges grouped
 * by mentee (a stable counting sort), then a per-mentor stamp of the mentee last seen with it.
 */
function firstRepeatedEdge(edgeMentee: Int32Array, edgeMentor: Int32Array, n: number, m: number): { at: number; first: number } | null {
  const count = edgeMentee.length;
  const start = new Int32Array(n + 1);
  for (let k = 0; k < count; k++) {
    const i = edgeMentee[k] as number;
    start[i + 1] = (start[i + 1] as number) + 1;
  }
  for (let i = 0; i < n; i++) start[i + 1] = (start[i + 1] as number) + (start[i] as number);
  const order = new Int32Array(count);
  const fill = start.slice(0, n);
  for (let k = 0; k < count; k++) {
    const i = edgeMentee[k] as number;
    const at = fill[i] as number;
    order[at] = k;
    fill[i] = at + 1;
  }
  const stamp = new Int32Array(m).fill(-1);
  const firstAt = new Int32Array(m);
  let found: { at: number; first: number } | null = null;
  for (let i = 0; i < n; i++) {
    for (let p = start[i] as number; p < (start[i + 1] as number); p++) {
      const k = order[p] as number;
      const j = edgeMentor[k] as number;
      if (stamp[j] === i) {
        if (found === null || k < found.at) found = { at: k, first: firstAt[j] as number };
      } else {
        stamp[j] = i;
        firstAt[j] = k;
      }
    }
  }
  return found;
}

/** A peer instance's file: a top-level `participants` array (and no `mentors`). */
export const isPeerInstance = (json: unknown): boolean => isRecord(json) && Array.isArray(json.participants) && !('mentors' in json);

/**
 * A valid {@link PeerInstance} from untrusted JSON: `{"participants":[{"id"}],"edges":[{"a","b","weight"}]}`,
 * edges undirected, joining two different participants, each pair once, weights in [0, 1] with at
 * most three decimals (the solver takes them exactly). Refused with the offending entry named.
 */
export function parsePeerInstance(json: unknown): PeerInstance {
  if (!isRecord(json))
    throw new InstanceError('instance', `the instance must be an object with participants and edges, not ${describe(json)}`);
  const rawParticipants = json.participants;
  if (!Array.isArray(rawParticipants)) throw new InstanceError('participants', `participants must be an array${got(rawParticipants)}`);
  const rawEdges = json.edges;
  if (!Array.isArray(rawEdges)) throw new InstanceError('edges', `edges must be an array${got(rawEdges)}`);
  const at = new Map<string, number>();
  const participants: PeerInstance['participants'] = rawParticipants.map((item, i) => {
    const entry = `participants[${i}]`;
    if (!isRecord(item)) throw new InstanceError(entry, `${entry} must be an object, not ${describe(item)}`);
    const pid = id(entry, item, 'id');
    const first = at.get(pid);
    if (first !== undefined) throw new InstanceError(entry, `${entry} repeats id "${pid}" (first at participants[${first}])`);
    at.set(pid, i);
    return { id: pid };
  });
  // The common case checked without building a string per edge (a 10,000 × 20 file spent more
  // time here than in the solver); the first bad edge is described by peerEdgeError.
  const n = participants.length;
  const seen = new Map<number, number>();
  const edges: PeerInstance['edges'] = rawEdges.map((item, k) => {
    if (!isRecord(item)) return peerEdgeError(k, item, at);
    const { a, b, weight } = item;
    const i = typeof a === 'string' ? at.get(a) : undefined;
    const j = typeof b === 'string' ? at.get(b) : undefined;
    if (
      i === undefined ||
      j === undefined ||
      i === j ||
      typeof weight !== 'number' ||
      !(weight >= 0 && weight <= 1) ||
      Math.abs(weight * 1000 - Math.round(weight * 1000)) > 1e-6
    ) {
      return peerEdgeError(k, item, at);
    }
    const key = i < j ? i * n + j : j * n + i;
    const first = seen.get(key);
    if (first !== undefined) {
      const entry = `edges[${k}]`;
      throw new InstanceError(entry, `${entry} repeats the pair ${a}–${b} (first at edges[${first}])`);
    }
    seen.set(key, k);
    return { a: a as string, b: b as string, weight: weight === 0 ? 0 : weight };
  });
  return { participants, edges };
}

/** Why a peer edge was refused, checked in the order a reader expects: its shape, its ids, its weight. */
function peerEdgeError(k: number, item: unknown, at: Map<string, number>): never {
  const entry = `edges[${k}]`;
  if (!isRecord(item)) throw new InstanceError(entry, `${entry} must be an object, not ${describe(item)}`);
  const a = id(entry, item, 'a');
  const b = id(entry, item, 'b');
  const i = at.get(a);
  const j = at.get(b);
  if (i === undefined) throw new InstanceError(entry, `${entry}: "${a}" is not in participants`);
  if (j === undefined) throw new InstanceError(entry, `${entry}: "${b}" is not in participants`);
  if (i === j) throw new InstanceError(entry, `${entry} joins "${a}" to themself`);
  const weight = item.weight;
  if (typeof weight !== 'number' || !Number.isFinite(weight) || weight < 0 || weight > 1) {
    throw new InstanceError(entry, `${entry} (${a}–${b}): weight must be a number in [0, 1]${got(weight)}`);
  }
  throw new InstanceError(entry, `${entry} (${a}–${b}): weight ${weight} has more than three decimals`);
}
