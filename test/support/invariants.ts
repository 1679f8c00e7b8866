import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';

/**
 * The invariants every hostile test (and the load bench) checks afterwards, read from the raw items
 * of a table: no test framework here, so `npm run bench` can use it too.
 */
export type Item = Record<string, unknown> & { PK: string; SK: string };

/** Every item of the table, in key order (a test may scan; the application never does). */
export async function scanTable(endpoint: string, table: string): Promise<Item[]> {
  const doc = DynamoDBDocumentClient.from(
    new DynamoDBClient({ endpoint, region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' }, maxAttempts: 3 }),
  );
  const items: Item[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await doc.send(new ScanCommand({ TableName: table, ExclusiveStartKey: start, ConsistentRead: true }));
    items.push(...((page.Items ?? []) as Item[]));
    start = page.LastEvaluatedKey;
  } while (start);
  doc.destroy();
  return items.sort((a, b) => (a.PK === b.PK ? a.SK.localeCompare(b.SK) : a.PK.localeCompare(b.PK)));
}

/** The tenant an item belongs to: its key leads with `T#<slug>`; the platform directory names it in the sort key. */
export function tenantOf(item: Item): string | null {
  if (item.PK === 'PLATFORM') return item.SK.startsWith('TENANT#') ? item.SK.slice('TENANT#'.length) : null;
  return item.PK.startsWith('T#') ? (item.PK.split('#')[1] ?? null) : null;
}

const num = (v: unknown): number => (typeof v === 'number' ? v : Number(v ?? 0));

export interface InvariantReport {
  violations: string[];
  programs: number;
  pairs: number;
  runningPairs: number;
  mentors: number;
}

/**
 * What must hold in every tenant whatever was thrown at it, read from the raw items: no mentor beyond
 * capacity, at most one running pair per mentee per program, each mentor's counter equal to their
 * running pairs, every program's counters equal to a recount, every accepted request or proposal
 * with its pair (and no pair from a source that was not accepted), every pair's meeting count equal
 * to its meetings.
 */
export function checkInvariants(items: Item[]): InvariantReport {
  const violations: string[] = [];
  const byType = (type: string) => items.filter((i) => i.type === type);
  const enrolments = byType('Enrolment');
  const pairs = byType('Mentorship');
  const meetings = byType('Meeting');
  // A group meeting counts once in its program, and once for each attendee's place (ADR 0075).
  const groupMeetings = byType('GroupMeeting');
  const circles = byType('Circle');
  const requests = byType('Request');
  const proposals = byType('Proposal');
  const stats = items.filter((i) => i.SK.startsWith('STATS#'));
  const running = (p: Item) => p.status === 'ACTIVE' || p.status === 'PAUSED';
  const scoped = (i: Item) => `${tenantOf(i)}/${String(i.programId ?? '')}`;

  for (const e of enrolments) {
    const mine = pairs.filter(
      (p) => scoped(p) === scoped(e) && running(p) && p[e.role === 'MENTOR' ? 'mentorId' : 'menteeId'] === e.personId,
    );
    if (e.role === 'MENTOR') {
      if (mine.length > num(e.capacity))
        violations.push(`mentor ${scoped(e)}/${e.personId}: ${mine.length} running pairs, capacity ${e.capacity}`);
      if (mine.length !== num(e.activeMentorships))
        violations.push(`mentor ${scoped(e)}/${e.personId}: counter ${e.activeMentorships}, running pairs ${mine.length}`);
    } else if (mine.length > 1) violations.push(`mentee ${scoped(e)}/${e.personId}: ${mine.length} running pairs`);
  }
  for (const p of pairs) {
    const circle = p.circleId ? circles.find((c) => tenantOf(c) === tenantOf(p) && c.id === p.circleId) : undefined;
    const attended = groupMeetings.filter(
      (g) => tenantOf(g) === tenantOf(p) && g.circleId === p.circleId && (g.attendees as string[]).includes(String(p.menteeId)),
    ).length;
    const held = meetings.filter((m) => tenantOf(m) === tenantOf(p) && m.mentorshipId === p.id).length + (circle ? attended : 0);
    if (held !== num(p.meetingCount)) violations.push(`pair ${scoped(p)}/${p.id}: meetingCount ${p.meetingCount}, meetings ${held}`);
  }
  for (const [kind, list] of [
    ['REQUEST', requests],
    ['PROPOSAL', proposals],
  ] as const) {
    for (const s of list) {
      const started = pairs.filter((p) => tenantOf(p) === tenantOf(s) && (p.source as { kind?: string; id?: string })?.id === s.id);
      if ((s.status === 'ACCEPTED') !== (started.length === 1) || started.length > 1)
        violations.push(`${kind.toLowerCase()} ${scoped(s)}/${s.id}: status ${s.status}, ${started.length} pairs from it`);
    }
  }
  for (const s of stats) {
    const tenant = tenantOf(s);
    const programId = s.SK.slice('STATS#'.length);
    const here = <T extends Item>(list: T[]) => list.filter((i) => tenantOf(i) === tenant && i.programId === programId);
    const e = here(enrolments);
    const p = here(pairs);
    const r = here(requests);
    const pairIds = new Set(p.map((x) => x.id));
    const mapSum = (m: unknown) => Object.values((m ?? {}) as Record<string, unknown>).reduce<number>((a, v) => a + num(v), 0);
    const recount: Record<string, number> = {
      mentors: e.filter((x) => x.role === 'MENTOR' && x.status !== 'WITHDRAWN').length,
      mentees: e.filter((x) => x.role === 'MENTEE' && x.status !== 'WITHDRAWN').length,
      withdrawn: e.filter((x) => x.status === 'WITHDRAWN').length,
      activeMentorships: p.filter(running).length,
      paused: p.filter((x) => x.status === 'PAUSED').length,
      completed: p.filter((x) => x.status === 'COMPLETED').length,
      endedEarly: p.filter((x) => x.status === 'ENDED_EARLY').length,
      meetings:
        meetings.filter((m) => tenantOf(m) === tenant && pairIds.has(m.mentorshipId)).length +
        groupMeetings.filter((g) => tenantOf(g) === tenant && g.programId === programId).length,
      requestsSent: r.length,
      requestsAccepted: r.filter((x) => x.status === 'ACCEPTED').length,
      requestsDeclined: r.filter((x) => x.status === 'DECLINED').length,
      requestsExpired: r.filter((x) => x.status === 'EXPIRED').length,
      menteesMatched: new Set(p.map((x) => x.menteeId)).size,
      healthSlots: p.filter((x) => x.status === 'ACTIVE').length,
    };
    const kept: Record<string, number> = Object.fromEntries(Object.keys(recount).map((k) => [k, num(s[k])]));
    kept.healthSlots = mapSum(s.contactDays) + mapSum(s.startDays);
    for (const [k, v] of Object.entries(recount)) {
      if (kept[k] !== v) violations.push(`program ${tenant}/${programId}: ${k} kept ${kept[k]}, recount ${v}`);
    }
  }
  return {
    violations,
    programs: stats.length,
    pairs: pairs.length,
    runningPairs: pairs.filter(running).length,
    mentors: enrolments.filter((e) => e.role === 'MENTOR').length,
  };
}
