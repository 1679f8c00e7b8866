import { randomUUID } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { type LeaveType, type RetentionRecord, retentionRecord } from '#domain/people/employmentRecord.ts';
import type { ExitReasonCode } from '#domain/people/exitReasons.ts';
import { inParallel } from '#lib/parallel.ts';
import { batchDelete, batchGet } from './batch.ts';
import type { StoreClient } from './client.ts';
import { nameOf } from './items.ts';
import { EMPLOYMENT_PACK_CHUNKS, employmentPackChunkOf, type Key, keys } from './keys.ts';

/**
 * The compact copy of a tenant's HR records the nightly retention snapshot reads (ADR 0078): what
 * the snapshot needs of each record, as tuples, gzipped, in EMPLOYMENT_PACK_CHUNKS items of one
 * partition — a handful of round trips for 50,000 people where the records themselves take hundreds
 * of 1 MB pages' worth of item decoding.
 *
 * The records stay the truth. Every write of one (`recordEmployment`, an import's row transaction,
 * an erasure's delete) leaves a pending note naming the people, in the same transaction; a fold
 * reads those people's records as they are now (strongly consistent), rewrites their chunks
 * conditional on the version it read before, and only then deletes the note. A crash anywhere leaves
 * the note, and the next fold (the next write's, the import's end, the snapshot's) takes it; a
 * racing fold makes the conditional write fail and is read again. No chunks at all (a tenant written
 * before this copy existed), the snapshot builds them from the records.
 */

/** One record as stored in a chunk: [person, hire, leave, leave type, level, department, location, promotion dates, exit codes, exit text]. */
type Tuple = [
  string,
  string,
  string | null,
  LeaveType | null,
  string | null,
  string | null,
  string | null,
  string[],
  ExitReasonCode[],
  string | null,
];

const toTuple = (record: RetentionRecord): Tuple => {
  const r = retentionRecord(record);
  return [
    r.personId,
    r.hireDate,
    r.leaveDate,
    r.leaveType,
    r.level,
    r.department,
    r.location,
    r.jobChanges.map((c) => c.on),
    r.exitReasons,
    r.exitComment,
  ];
};

const fromTuple = ([
  personId,
  hireDate,
  leaveDate,
  leaveType,
  level,
  department,
  location,
  promotions,
  exitReasons,
  exitComment,
]: Tuple): RetentionRecord => ({
  personId,
  hireDate,
  leaveDate,
  leaveType,
  level,
  department,
  location,
  jobChanges: promotions.map((on) => ({ on, kind: 'PROMOTION' as const })),
  exitReasons,
  exitComment,
});

const byPerson = (a: RetentionRecord, b: RetentionRecord): number => (a.personId < b.personId ? -1 : a.personId > b.personId ? 1 : 0);

const encode = (records: RetentionRecord[]): Uint8Array => gzipSync(JSON.stringify([...records].sort(byPerson).map(toTuple)));
const decode = (blob: Uint8Array): RetentionRecord[] => (JSON.parse(gunzipSync(blob).toString('utf8')) as Tuple[]).map(fromTuple);

/** A note that these people's records changed and the copy may not have them yet. */
export interface PendingNote {
  key: Key;
  personIds: string[];
}

/**
 * A pending note and its transaction item, to be written with the records it names (in the same
 * transaction). `id` for a note its writer finds again after a crash (erasure's); otherwise random.
 */
export function pendingNote(
  table: string,
  tenantId: string,
  personIds: string[],
  id: string = randomUUID(),
): { put: object; note: PendingNote } {
  const key = keys.employmentPackPending(tenantId, id);
  return { put: { Put: { TableName: table, Item: { ...key, type: 'EmploymentPending', personIds } } }, note: { key, personIds } };
}

interface Chunk {
  version: number;
  records: RetentionRecord[];
}

/** How often a fold reads a chunk again after another fold wrote it first. */
const ATTEMPTS = 8;

export function employmentPack(client: StoreClient) {
  const { doc, table } = client;

  async function getChunk(tenantId: string, chunk: number): Promise<Chunk | null> {
    const { Item } = await doc.send(
      new GetCommand({ TableName: table, Key: keys.employmentPackChunk(tenantId, chunk), ConsistentRead: true }),
    );
    return Item ? { version: Number(Item.version), records: decode(Item.records as Uint8Array) } : null;
  }

  /** Writes a chunk over the version read; false when another writer came first. */
  async function putChunk(tenantId: string, chunk: number, records: RetentionRecord[], readVersion: number): Promise<boolean> {
    try {
      await doc.send(
        new PutCommand({
          TableName: table,
          Item: {
            ...keys.employmentPackChunk(tenantId, chunk),
            type: 'EmploymentPack',
            version: readVersion + 1,
            count: records.length,
            records: encode(records),
          },
          ConditionExpression: readVersion === 0 ? 'attribute_not_exists(PK)' : 'version = :v',
          ...(readVersion === 0 ? {} : { ExpressionAttributeValues: { ':v': readVersion } }),
        }),
      );
      return true;
    } catch (e) {
      if (nameOf(e) === 'ConditionalCheckFailedException') return false;
      throw e;
    }
  }

  /**
   * Takes the named people's records, as they are now, into their chunks; deletes the notes once
   * every chunk has them. Returns the chunks it wrote (or found up to date), null for a chunk that
   * does not exist yet (the notes then stay for the build).
   */
  async function fold(tenantId: string, notes: PendingNote[]): Promise<Map<number, RetentionRecord[] | null>> {
    const byChunk = new Map<number, Set<string>>();
    for (const n of notes)
      for (const id of n.personIds) {
        const chunk = employmentPackChunkOf(id);
        byChunk.set(chunk, (byChunk.get(chunk) ?? new Set()).add(id));
      }
    const out = new Map<number, RetentionRecord[] | null>();
    await inParallel([...byChunk], 8, async ([chunk, people]) => {
      for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
        // The chunk's version first, then the records: a write after this read moves the version.
        const current = await getChunk(tenantId, chunk);
        if (!current) {
          out.set(chunk, null);
          return;
        }
        const fresh = await batchGet(
          client,
          [...people].map((id) => {
            const { PK, SK } = keys.employment(tenantId, id);
            return { PK, SK };
          }),
          { consistent: true },
        );
        const records = new Map(current.records.map((r) => [r.personId, r]));
        for (const id of people) records.delete(id);
        for (const item of fresh) records.set(String(item.personId), retentionRecord(item as unknown as RetentionRecord));
        const next = [...records.values()];
        if (JSON.stringify(next.sort(byPerson).map(toTuple)) === JSON.stringify([...current.records].sort(byPerson).map(toTuple))) {
          out.set(chunk, current.records);
          return;
        }
        if (await putChunk(tenantId, chunk, next, current.version)) {
          out.set(chunk, next);
          return;
        }
      }
      throw new Error(`the HR records' compact copy could not take chunk ${chunk}: it kept changing`);
    });
    if ([...out.values()].every((r) => r !== null))
      await batchDelete(
        client,
        notes.map((n) => n.key),
      );
    return out;
  }

  /** The partition as it is: its chunks and its notes (`notesOnly`: only the notes). */
  async function readAll(tenantId: string, notesOnly = false): Promise<{ chunks: Map<number, Chunk>; notes: PendingNote[] }> {
    const chunks = new Map<number, Chunk>();
    const notes: PendingNote[] = [];
    const { chunk: chunkPrefix, pending } = keys.employmentPackPrefixes;
    let start: Record<string, unknown> | undefined;
    do {
      const res = await doc.send(
        new QueryCommand({
          TableName: table,
          KeyConditionExpression: notesOnly ? 'PK = :pk AND begins_with(SK, :sk)' : 'PK = :pk',
          ExpressionAttributeValues: { ':pk': keys.employmentPack(tenantId).PK, ...(notesOnly ? { ':sk': pending } : {}) },
          ExclusiveStartKey: start,
        }),
      );
      for (const item of res.Items ?? []) {
        const sk = String(item.SK);
        if (sk.startsWith(chunkPrefix))
          chunks.set(Number(sk.slice(chunkPrefix.length)), { version: Number(item.version), records: decode(item.records as Uint8Array) });
        else if (sk.startsWith(pending)) notes.push({ key: { PK: String(item.PK), SK: sk }, personIds: item.personIds as string[] });
      }
      start = res.LastEvaluatedKey;
    } while (start);
    return { chunks, notes };
  }

  /**
   * Builds every chunk from the records (a tenant whose records predate the copy, or a build that
   * crashed half-way). Notes seen before the records were read are deleted once every chunk is
   * written; a chunk another writer wrote meanwhile is left to it, and the notes stay.
   */
  async function build(
    tenantId: string,
    found: Map<number, Chunk>,
    notes: PendingNote[],
    allRecords: (tenantId: string) => Promise<RetentionRecord[]>,
  ): Promise<RetentionRecord[]> {
    const records = (await allRecords(tenantId)).map(retentionRecord);
    const byChunk = Array.from({ length: EMPLOYMENT_PACK_CHUNKS }, (): RetentionRecord[] => []);
    for (const r of records) byChunk[employmentPackChunkOf(r.personId)]?.push(r);
    let all = true;
    await inParallel([...byChunk.entries()], 8, async ([chunk, list]) => {
      if (!(await putChunk(tenantId, chunk, list, found.get(chunk)?.version ?? 0))) all = false;
    });
    if (all && notes.length > 0)
      await batchDelete(
        client,
        notes.map((n) => n.key),
      );
    return records.sort(byPerson);
  }

  return {
    /** The note for these people's records, written in their transaction (`id`: see {@link pendingNote}). */
    note: (tenantId: string, personIds: string[], id?: string) => pendingNote(table, tenantId, personIds, id),
    fold,

    /**
     * Every record of the tenant as the snapshot reads it: the chunks, with the pending notes folded
     * in first; built from `allRecords` (the records themselves) when chunks are missing.
     */
    async read(tenantId: string, allRecords: (tenantId: string) => Promise<RetentionRecord[]>): Promise<RetentionRecord[]> {
      const { chunks, notes } = await readAll(tenantId);
      if (chunks.size < EMPLOYMENT_PACK_CHUNKS) return build(tenantId, chunks, notes, allRecords);
      const folded = notes.length > 0 ? await fold(tenantId, notes) : new Map<number, RetentionRecord[] | null>();
      const out: RetentionRecord[] = [];
      for (const [chunk, { records }] of chunks) out.push(...(folded.get(chunk) ?? records));
      return out.sort(byPerson);
    },

    /** Folds every pending note of the tenant (an import's end). */
    async settle(tenantId: string): Promise<void> {
      const { notes } = await readAll(tenantId, true);
      if (notes.length > 0) await fold(tenantId, notes);
    },
  };
}
