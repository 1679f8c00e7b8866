import { GetCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import {
  type DiscoveryEntry,
  type DiscoveryProfile,
  type DiscoveryTerms,
  discoveryProfile,
  discoveryTerms,
} from '#domain/people/discoveryIndex.ts';
import type { Enrolment, Person } from '#domain/people/people.ts';
import { batchGet, eachInParallel } from './batch.ts';
import type { StoreClient } from './client.ts';
import { fromItem, nameOf } from './items.ts';
import { DISCOVERY_CHUNKS, keys } from './keys.ts';
import { queryEvery } from './query.ts';

/**
 * A program's discovery index (ADR 0072): DISCOVERY_CHUNKS items in the program's matching
 * partition, each holding its mentors as three attributes per mentor: `p#<id>` the profile part and
 * `t#<id>` the terms part (each one JSON array), `a#<id>` the running pairs (a number). Each part is
 * written only in the transaction that writes its source under that source's condition (the
 * person's version, the enrolment's version, the enrolment's `activeMentorships` ADD), so the parts
 * follow their sources in the order DynamoDB committed them; there is no read-modify-write of a
 * chunk, and no chunk-wide version to fight over.
 */

/** One mentor's change to the index: the parts given are set, the load moved or set, or the mentor removed. */
export interface IndexChange {
  tenantId: string;
  programId: string;
  personId: string;
  profile?: DiscoveryProfile;
  terms?: DiscoveryTerms;
  /** Running pairs: `add` moves them (a pair's start or end), `set` writes them (a new enrolment, the rebuild). */
  load?: { add: number } | { set: number };
  remove?: boolean;
}

const part = keys.discoveryPart;

/**
 * The parts as stored: JSON arrays in a fixed order, not objects. A first page reads every mentor's
 * two parts, and the field names would be a third of the bytes DynamoDB sends and Node parses.
 */
const packProfile = (p: DiscoveryProfile): string =>
  JSON.stringify([p.department, p.location, p.timeZone, p.languages, p.skills, p.yearsExperience, p.self, p.manager, p.text]);
const unpackProfile = (stored: string): DiscoveryProfile => {
  const [department, location, timeZone, languages, skills, yearsExperience, self, manager, text] = JSON.parse(stored);
  return { department, location, timeZone, languages, skills, yearsExperience, self, manager, text };
};
const packTerms = (t: DiscoveryTerms): string =>
  JSON.stringify([
    t.withdrawn ? 1 : 0,
    t.reasons,
    t.capacity,
    t.hoursPerMonth,
    t.awayUntil,
    t.acceptsRequests ? 1 : 0,
    t.openToSponsoring ? 1 : 0,
  ]);
const unpackTerms = (stored: string): DiscoveryTerms => {
  const [withdrawn, reasons, capacity, hoursPerMonth, awayUntil, acceptsRequests, openToSponsoring] = JSON.parse(stored);
  return {
    withdrawn: withdrawn === 1,
    reasons,
    capacity,
    hoursPerMonth,
    awayUntil,
    acceptsRequests: acceptsRequests === 1,
    openToSponsoring: openToSponsoring === 1,
  };
};

/** The index's share of a mentor's new enrolment (only mentors are discovered). */
export const enrolmentIndexed = (e: Enrolment, person: Person | null): IndexChange[] =>
  e.role === 'MENTOR'
    ? [
        {
          tenantId: e.tenantId,
          programId: e.programId,
          personId: e.personId,
          ...(person ? { profile: discoveryProfile(person) } : {}),
          terms: discoveryTerms(e),
          load: { set: e.activeMentorships ?? 0 },
        },
      ]
    : [];

/** A person's new profile in the index of every program they mentor in. */
export const profileIndexed = (person: Person, enrolments: readonly Enrolment[]): IndexChange[] =>
  enrolments
    .filter((e) => e.role === 'MENTOR')
    .map((e) => ({ tenantId: person.tenantId, programId: e.programId, personId: person.id, profile: discoveryProfile(person) }));

/** An enrolment's new terms (its capacity, hours, away date, requests, status). */
export const termsIndexed = (e: Enrolment): IndexChange[] =>
  e.role === 'MENTOR' ? [{ tenantId: e.tenantId, programId: e.programId, personId: e.personId, terms: discoveryTerms(e) }] : [];

/**
 * The Updates that apply these changes, one per chunk touched (a transaction may write an item
 * once): upserts, so a chunk comes to exist with its first mentor.
 */
export function indexWrites(table: string, changes: readonly IndexChange[]): object[] {
  const byChunk = new Map<string, { key: { PK: string; SK: string }; changes: IndexChange[] }>();
  for (const c of changes) {
    const key = keys.discoveryChunkOf(c.tenantId, c.programId, c.personId);
    const id = `${key.PK}\u0000${key.SK}`;
    const chunk = byChunk.get(id) ?? { key, changes: [] };
    chunk.changes.push(c);
    byChunk.set(id, chunk);
  }
  return [...byChunk.values()].map(({ key, changes: chunkChanges }) => {
    const names: Record<string, string> = { '#type': 'type' };
    const values: Record<string, unknown> = { ':type': 'DiscoveryChunk' };
    const set = ['#type = :type'];
    const add: string[] = [];
    const remove: string[] = [];
    // One mentor's changes merged (the same attribute may be named once): the later part wins.
    const merged = new Map<string, IndexChange>();
    for (const c of chunkChanges) {
      const before = merged.get(c.personId);
      merged.set(c.personId, before ? { ...before, ...c, load: c.load ?? before.load } : c);
    }
    let i = 0;
    for (const c of merged.values()) {
      const n = i++;
      const name = (kind: 'p' | 't' | 'a') => {
        names[`#${kind}${n}`] = part(kind, c.personId);
        return `#${kind}${n}`;
      };
      if (c.remove) {
        remove.push(name('p'), name('t'), name('a'));
        continue;
      }
      if (c.profile) {
        set.push(`${name('p')} = :p${n}`);
        values[`:p${n}`] = packProfile(c.profile);
      }
      if (c.terms) {
        set.push(`${name('t')} = :t${n}`);
        values[`:t${n}`] = packTerms(c.terms);
      }
      if (c.load && 'set' in c.load) {
        set.push(`${name('a')} = :a${n}`);
        values[`:a${n}`] = c.load.set;
      } else if (c.load) {
        add.push(`${name('a')} :a${n}`);
        values[`:a${n}`] = c.load.add;
      }
    }
    return {
      Update: {
        TableName: table,
        Key: key,
        UpdateExpression: [
          `SET ${set.join(', ')}`,
          add.length ? `ADD ${add.join(', ')}` : '',
          remove.length ? `REMOVE ${remove.join(', ')}` : '',
        ]
          .filter(Boolean)
          .join(' '),
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      },
    };
  });
}

/** The entries of a chunk item: mentors with both a profile and terms (an orphaned load, left by a late pair end after an erasure, is not one). */
function entriesOf(item: Record<string, unknown>): DiscoveryEntry[] {
  const out: DiscoveryEntry[] = [];
  for (const [name, value] of Object.entries(item)) {
    const personId = keys.discoveryProfileOwner(name);
    if (!personId) continue;
    const terms = item[part('t', personId)];
    if (terms === undefined) continue;
    out.push({
      personId,
      profile: unpackProfile(String(value)),
      terms: unpackTerms(String(terms)),
      activeMentorships: Number(item[part('a', personId)] ?? 0),
    });
  }
  return out;
}

/** Marks a program's index whole: written with a new program (no mentors yet; every write from then on keeps it) and by the rebuild. */
export const discoveryIndexStart = (table: string, tenantId: string, programId: string, at: string) => ({
  Update: {
    TableName: table,
    Key: keys.discoveryChunk(tenantId, programId, 0),
    UpdateExpression: 'SET #type = :type, complete = :at',
    ExpressionAttributeNames: { '#type': 'type' },
    ExpressionAttributeValues: { ':type': 'DiscoveryChunk', ':at': at },
  },
});

export function discoveryIndexStore(client: StoreClient) {
  const { doc, table } = client;

  /** One mentor's entry rebuilt from their enrolment and profile, under both their conditions: false when either moved meanwhile. */
  const rebuildItems = (e: Enrolment, person: Person | null): object[] => {
    const t = e.tenantId;
    const enrolmentCheck = {
      ConditionCheck: {
        TableName: table,
        Key: keys.enrolment(t, e.personId, e.programId, 'MENTOR'),
        ConditionExpression: 'version = :v AND activeMentorships = :a',
        ExpressionAttributeValues: { ':v': e.version, ':a': e.activeMentorships ?? 0 },
      },
    };
    if (!person) {
      // Erased (or never there): no profile can be written for them any more, so removing is safe.
      return [indexWrites(table, [{ tenantId: t, programId: e.programId, personId: e.personId, remove: true }])[0] as object];
    }
    return [
      enrolmentCheck,
      {
        ConditionCheck: {
          TableName: table,
          Key: keys.person(t, person.id),
          ConditionExpression: 'version = :v',
          ExpressionAttributeValues: { ':v': person.version },
        },
      },
      ...indexWrites(table, enrolmentIndexed(e, person)),
    ];
  };

  return {
    /** The program's index, or null while it is not whole (a program from before it, not rebuilt yet). */
    async discoveryIndex(tenantId: string, programId: string): Promise<DiscoveryEntry[] | null> {
      const items = await batchGet(
        client,
        Array.from({ length: DISCOVERY_CHUNKS }, (_, n) => keys.discoveryChunk(tenantId, programId, n)),
      );
      const head = keys.discoveryChunk(tenantId, programId, 0);
      if (!items.some((i) => i.SK === head.SK && i.complete)) return null;
      return items.flatMap(entriesOf);
    },

    /** Takes the mark away: discovery reads the mentors' cards as for a program from before the index, until a rebuild (the bench and a test compare the two). */
    async unmarkDiscoveryIndex(tenantId: string, programId: string): Promise<void> {
      await doc.send(
        new UpdateCommand({ TableName: table, Key: keys.discoveryChunk(tenantId, programId, 0), UpdateExpression: 'REMOVE complete' }),
      );
    },

    /**
     * Writes every mentor's entry afresh from their enrolment and profile, each under the versions it
     * read (a mentor whose enrolment or profile moved meanwhile is read again), then marks the index
     * whole. Idempotent: for a program from before the index, and to repair one.
     */
    async rebuildDiscoveryIndex(tenantId: string, programId: string, at: string): Promise<{ mentors: number }> {
      const k = keys.programEnrolments(tenantId, programId, 'MENTOR');
      const mentors = (
        await queryEvery(client, {
          IndexName: 'GSI1',
          KeyConditionExpression: 'GSI1PK = :pk AND begins_with(GSI1SK, :sk)',
          ExpressionAttributeValues: { ':pk': k.indexPK, ':sk': k.sortPrefix },
        })
      ).map((item) => fromItem<Enrolment>(item));
      const people = new Map(
        (
          await batchGet(
            client,
            mentors.map((e) => keys.person(tenantId, e.personId)),
          )
        ).map((i) => [String(i.id), fromItem<Person>(i)]),
      );
      // Up to 33 mentors a transaction (3 items each), no chunk twice in one.
      const groups: Enrolment[][] = [];
      const open: { mentors: Enrolment[]; chunks: Set<string> }[] = [];
      for (const e of mentors) {
        const chunk = keys.discoveryChunkOf(tenantId, programId, e.personId).SK;
        let group = open.find((g) => g.mentors.length < 33 && !g.chunks.has(chunk));
        if (!group) {
          group = { mentors: [], chunks: new Set() };
          open.push(group);
          groups.push(group.mentors);
        }
        group.mentors.push(e);
        group.chunks.add(chunk);
      }
      const alone = async (e: Enrolment): Promise<void> => {
        for (let attempt = 0; ; attempt++) {
          const [enrolment, person] = await Promise.all([
            doc.send(
              new GetCommand({ TableName: table, Key: keys.enrolment(tenantId, e.personId, programId, 'MENTOR'), ConsistentRead: true }),
            ),
            doc.send(new GetCommand({ TableName: table, Key: keys.person(tenantId, e.personId), ConsistentRead: true })),
          ]);
          if (!enrolment.Item) return;
          try {
            await doc.send(
              new TransactWriteCommand({
                TransactItems: rebuildItems(
                  fromItem<Enrolment>(enrolment.Item),
                  person.Item ? fromItem<Person>(person.Item) : null,
                ) as never,
              }),
            );
            return;
          } catch (failure) {
            if (nameOf(failure) !== 'TransactionCanceledException' || attempt >= 5) throw failure;
          }
        }
      };
      await eachInParallel(groups, async (group) => {
        try {
          await doc.send(
            new TransactWriteCommand({ TransactItems: group.flatMap((e) => rebuildItems(e, people.get(e.personId) ?? null)) as never }),
          );
        } catch (failure) {
          // Someone's enrolment or profile moved since the Query: each mentor of the group again, read afresh.
          if (nameOf(failure) !== 'TransactionCanceledException') throw failure;
          for (const e of group) await alone(e);
        }
      });
      await doc.send(new UpdateCommand(discoveryIndexStart(table, tenantId, programId, at).Update));
      return { mentors: mentors.length };
    },
  };
}
