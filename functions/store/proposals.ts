import { GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { MatchProposal, ProposalStore } from '#domain/mentorships/proposals.ts';
import { auditPut } from './audit.ts';
import { batchGet, batchPut } from './batch.ts';
import type { StoreClient } from './client.ts';
import { fromItem, pack, translate } from './items.ts';
import { keys } from './keys.ts';
import { allPages, queryPage } from './query.ts';

const proposalItem = (p: MatchProposal) => ({
  ...keys.proposal(p.tenantId, p.id),
  ...keys.proposalIndex(p.tenantId, p.programId, p.menteeId, p.status, p.createdAt, p.id),
  type: 'Proposal',
  ...p,
  explanation: pack(p.explanation),
});

const pointerItem = (tenantId: string, personId: string, proposalId: string) => ({
  ...keys.personProposal(tenantId, personId, proposalId),
  type: 'PersonProposal',
  proposalId,
});

/**
 * A person's proposals: as mentee, the proposals themselves on GSI2 (`found`, whole items); as
 * mentor, their pointers, one per proposal or one per run (`proposalIds`); before ADR 0079 a mentee
 * had pointers too. `ids` is every proposal id either way. Two queries, whatever the count.
 */
export async function personProposalsOf(
  { doc, table }: StoreClient,
  tenantId: string,
  personId: string,
): Promise<{ found: Record<string, unknown>[]; ids: string[] }> {
  const all = async (input: Omit<ConstructorParameters<typeof QueryCommand>[0], 'TableName' | 'ExclusiveStartKey'>) => {
    const out: Record<string, unknown>[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const res = await doc.send(new QueryCommand({ TableName: table, ...input, ExclusiveStartKey: start }));
      out.push(...(res.Items ?? []));
      start = res.LastEvaluatedKey;
    } while (start);
    return out;
  };
  const pointers = keys.personProposals(tenantId, personId);
  const [found, pointed] = await Promise.all([
    all({
      IndexName: 'GSI2',
      KeyConditionExpression: 'GSI2PK = :pk',
      ExpressionAttributeValues: { ':pk': keys.menteeProposals(tenantId, personId).GSI2PK },
    }),
    all({
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
      ExpressionAttributeValues: { ':pk': pointers.PK, ':sk': pointers.SKPrefix },
    }),
  ]);
  const ids = new Set(found.map((i) => String(i.id)));
  for (const p of pointed) {
    for (const id of (p.proposalIds as string[] | undefined) ?? [String(p.proposalId)]) ids.add(id);
  }
  return { found, ids: [...ids] };
}

export function proposalStore(client: StoreClient): ProposalStore {
  const { doc, table } = client;
  return {
    async getProposal(tenantId, id) {
      const { Item } = await doc.send(new GetCommand({ TableName: table, Key: keys.proposal(tenantId, id) }));
      return Item ? fromItem<MatchProposal>(Item) : null;
    },

    async createProposal(p, audit) {
      try {
        await doc.send(
          new TransactWriteCommand({
            TransactItems: [
              { Put: { TableName: table, Item: proposalItem(p), ConditionExpression: 'attribute_not_exists(PK)' } },
              { Put: { TableName: table, Item: pointerItem(p.tenantId, p.mentorId, p.id) } },
              auditPut(table, audit),
            ],
          }),
        );
        return true;
      } catch (e) {
        // A proposal with this (deterministic) id exists: a re-run after a crash writes nothing twice.
        const reasons = (e as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? [];
        if (reasons[0]?.Code === 'ConditionalCheckFailed') return false;
        return translate(e, { key: 'conflict.exists', params: { type: 'proposal', field: 'id' } });
      }
    },

    async createProposals(batch) {
      // The mentee finds a proposal by GSI2; a mentor's pointers go one item per run (ADR 0079).
      const byMentorAndRun = new Map<string, { tenantId: string; mentorId: string; runId: string; proposalIds: string[] }>();
      const single: Record<string, unknown>[] = [];
      for (const { proposal: p } of batch) {
        if (!p.runId) {
          single.push(pointerItem(p.tenantId, p.mentorId, p.id));
          continue;
        }
        const at = `${p.tenantId}\u0000${p.mentorId}\u0000${p.runId}`;
        const group = byMentorAndRun.get(at) ?? { tenantId: p.tenantId, mentorId: p.mentorId, runId: p.runId, proposalIds: [] };
        group.proposalIds.push(p.id);
        byMentorAndRun.set(at, group);
      }
      // Pointers first: a crash part-way leaves at worst a pointer to a proposal never written (readers
      // skip it), never a proposal its mentor cannot find. A pointer item is named by its first
      // proposal, so a re-run's call (the proposals the crashed one did not write) adds one beside it.
      await batchPut(client, [
        ...[...byMentorAndRun.values()].map((g) => {
          const proposalIds = g.proposalIds.sort();
          return {
            ...keys.personRunProposals(g.tenantId, g.mentorId, g.runId, proposalIds[0] ?? ''),
            type: 'PersonRunProposals',
            proposalIds,
          };
        }),
        ...single,
      ]);
      await batchPut(
        client,
        batch.flatMap(({ proposal: p, audit }) => [proposalItem(p), auditPut(table, audit).Put.Item]),
      );
    },

    async replaceProposal(next, previous, audit) {
      await doc
        .send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Put: {
                  TableName: table,
                  Item: proposalItem(next),
                  ConditionExpression: 'version = :v',
                  ExpressionAttributeValues: { ':v': previous.version },
                },
              },
              auditPut(table, audit),
            ],
          }),
        )
        .catch((e) => translate(e, { key: 'conflict.version', params: { type: 'proposal' } }));
    },

    listProposals(tenantId, programId, status, req) {
      const k = keys.programProposals(tenantId, programId, status);
      return queryPage<MatchProposal>(
        client,
        {
          index: 'GSI1',
          partition: { attribute: 'GSI1PK', value: k.GSI1PK },
          sortPrefix: { attribute: 'GSI1SK', value: k.GSI1SKPrefix },
          forward: false,
        },
        req,
      );
    },

    async openProposals(tenantId, programId) {
      const [proposed, approved] = await Promise.all(
        (['PROPOSED', 'APPROVED'] as const).map((status) => allPages((page) => this.listProposals(tenantId, programId, status, page))),
      );
      return [...(proposed ?? []), ...(approved ?? [])];
    },

    async proposalsOf(tenantId, personId) {
      const { found, ids } = await personProposalsOf(client, tenantId, personId);
      const have = new Set(found.map((i) => String(i.id)));
      const items = [
        ...found,
        ...(await batchGet(
          client,
          ids.filter((id) => !have.has(id)).map((id) => keys.proposal(tenantId, id)),
        )),
      ];
      return items.map((i) => fromItem<MatchProposal>(i)).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    },
  };
}
