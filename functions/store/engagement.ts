import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Attention } from '#domain/engagement/attention.ts';
import type { EngagementStore } from '#domain/engagement/planning.ts';
import type { Mentorship } from '#domain/mentorships/pairs.ts';
import type { MatchProposal } from '#domain/mentorships/proposals.ts';
import type { MentorshipRequest } from '#domain/mentorships/requests.ts';
import { inParallel } from '#lib/parallel.ts';
import { batchDelete, batchGet, batchPut } from './batch.ts';
import type { StoreClient } from './client.ts';
import { keys } from './keys.ts';
import { queryAll, queryRecords } from './query.ts';

/**
 * Every field of a pair, none of its keys or index attributes: the job reads a program's 10,000 pairs
 * each run, and what it does not ask for DynamoDB does not send (nor the SDK unmarshal).
 */
const PAIR_FIELDS = [
  'id',
  'tenantId',
  'programId',
  'mentorId',
  'menteeId',
  'mentorName',
  'menteeName',
  'status',
  'source',
  'startedAt',
  'plannedEndOn',
  'lastContactAt',
  'meetingCount',
  'pausedAt',
  'endedAt',
  'endReason',
  'mentorReflection',
  'menteeReflection',
  'peer',
  'circleId',
  'version',
] as const satisfies readonly (keyof Mentorship)[];
/** A field added to Mentorship and not to PAIR_FIELDS fails here, not as a missing value at run time. */
const everyPairField: Exclude<keyof Mentorship, (typeof PAIR_FIELDS)[number]> extends never ? true : never = true;
void everyPairField;

/** Signals kept per mentor and program: far above any flagging threshold, far below the item limit. */
const MAX_SIGNALS = 500;

export function engagementStore(client: StoreClient): EngagementStore {
  const { doc, table } = client;
  const store: EngagementStore = {
    recentRequests(tenantId, programId, since) {
      return queryRecords<MentorshipRequest>(client, {
        IndexName: 'GSI1',
        KeyConditionExpression: 'GSI1PK = :pk AND GSI1SK >= :since',
        ExpressionAttributeValues: { ':pk': keys.programRequests(tenantId, programId).GSI1PK, ':since': since },
      });
    },

    async proposalsToFollow(tenantId, programId, since) {
      const pk = keys.programProposals(tenantId, programId, null).GSI1PK;
      const expiredSince = keys.programProposalsSince(tenantId, programId, 'EXPIRED', since);
      const [open, expired] = await Promise.all([
        Promise.all(
          ['PROPOSED', 'APPROVED'].map((status) =>
            queryRecords<MatchProposal>(client, {
              IndexName: 'GSI1',
              KeyConditionExpression: 'GSI1PK = :pk AND begins_with(GSI1SK, :status)',
              ExpressionAttributeValues: { ':pk': pk, ':status': keys.programProposals(tenantId, programId, status).GSI1SKPrefix },
            }),
          ),
        ),
        // Expired proposals sort by creation; one created before `since` expired long ago.
        queryRecords<MatchProposal>(client, {
          IndexName: 'GSI1',
          KeyConditionExpression: 'GSI1PK = :pk AND GSI1SK BETWEEN :from AND :to',
          ExpressionAttributeValues: { ':pk': pk, ':from': expiredSince.from, ':to': expiredSince.to },
        }),
      ]);
      return [...open.flat(), ...expired];
    },

    pairsToFollow(tenantId, programId, since) {
      return queryRecords<Mentorship>(client, {
        IndexName: 'GSI1',
        KeyConditionExpression: 'GSI1PK = :pk',
        FilterExpression: '#s = :active OR (#s = :completed AND endedAt >= :since)',
        ProjectionExpression: PAIR_FIELDS.map((_, i) => `#f${i}`).join(', '),
        ExpressionAttributeNames: { '#s': 'status', ...Object.fromEntries(PAIR_FIELDS.map((name, i) => [`#f${i}`, name])) },
        ExpressionAttributeValues: {
          ':pk': keys.programMentorships(tenantId, programId).GSI1PK,
          ':active': 'ACTIVE',
          ':completed': 'COMPLETED',
          ':since': since,
        },
      });
    },

    async addSignals(tenantId, programId, mentorId, name, ids) {
      try {
        const { Attributes } = await doc.send(
          new UpdateCommand({
            TableName: table,
            Key: keys.mentorSignals(tenantId, programId, mentorId),
            // A string set: adding an id already there changes nothing, so a re-run counts nothing twice.
            // Bounded: past MAX_SIGNALS the mentor is long flagged, and the item must not grow towards 400 KB.
            UpdateExpression: 'ADD signals :ids SET mentorName = :name, #type = :type',
            ConditionExpression: 'attribute_not_exists(signals) OR size(signals) < :cap',
            ExpressionAttributeNames: { '#type': 'type' },
            ExpressionAttributeValues: { ':ids': new Set(ids), ':name': name, ':type': 'MentorSignals', ':cap': MAX_SIGNALS },
            ReturnValues: 'ALL_NEW',
          }),
        );
        return (Attributes?.signals as Set<string> | undefined)?.size ?? 0;
      } catch (e) {
        if ((e as { name?: string }).name === 'ConditionalCheckFailedException') return MAX_SIGNALS;
        throw e;
      }
    },

    async addSignalsMany(tenantId, programId, entries) {
      const sizes = new Map<string, number>();
      const current = new Map<string, Set<string>>();
      for (const item of await batchGet(
        client,
        entries.map((e) => keys.mentorSignals(tenantId, programId, e.mentorId)),
      )) {
        const signals = item.signals as Set<string> | undefined;
        if (signals) current.set(String(item.SK), signals);
      }
      await inParallel(entries, 16, async (e) => {
        const have = current.get(keys.mentorSignals(tenantId, programId, e.mentorId).SK);
        if (have && (have.size >= MAX_SIGNALS || e.ids.every((id) => have.has(id))))
          sizes.set(e.mentorId, Math.min(have.size, MAX_SIGNALS));
        else sizes.set(e.mentorId, await store.addSignals(tenantId, programId, e.mentorId, e.name, e.ids));
      });
      return sizes;
    },

    listAttention(tenantId, programId) {
      const k = keys.attentionList(tenantId, programId);
      return queryAll<Attention>(client, k.PK, k.SKPrefix);
    },

    async replaceAttention(tenantId, programId, kind, items) {
      const k = keys.attentionList(tenantId, programId);
      const current = await queryAll<Attention>(client, k.PK, `${k.SKPrefix}${kind}#`);
      const wanted = new Set(items.map((i) => i.subjectId));
      const byId = new Map(current.map((c) => [c.subjectId, c]));
      await batchDelete(
        client,
        current.filter((c) => !wanted.has(c.subjectId)).map((c) => keys.attention(tenantId, programId, kind, c.subjectId)),
      );
      const same = (a: Attention, b: Attention | undefined) =>
        b !== undefined && a.suggestion === b.suggestion && a.signals === b.signals && a.subjectName === b.subjectName;
      // Keep the day each first needed attention.
      await batchPut(
        client,
        items
          .filter((item) => !same(item, byId.get(item.subjectId)))
          .map((item) => ({
            ...keys.attention(tenantId, programId, kind, item.subjectId),
            type: 'Attention',
            ...item,
            since: byId.get(item.subjectId)?.since ?? item.since,
          })),
      );
    },
  };
  return store;
}
