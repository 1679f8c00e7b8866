import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { MatchProposal, ProposalStore } from '#domain/mentorships/proposals.ts';
import { auditPut } from './audit.ts';
import { batchGet, batchPut } from './batch.ts';
import type { StoreClient } from './client.ts';
import { fromItem, pack, translate } from './items.ts';
import { keys } from './keys.ts';
import { allPages, queryAll, queryPage } from './query.ts';

const proposalItem = (p: MatchProposal) => ({
  ...keys.proposal(p.tenantId, p.id),
  ...keys.proposalIndex(p.tenantId, p.programId, p.status, p.createdAt, p.id),
  type: 'Proposal',
  ...p,
  explanation: pack(p.explanation),
});

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
              ...[p.mentorId, p.menteeId].map((personId) => ({
                Put: {
                  TableName: table,
                  Item: { ...keys.personProposal(p.tenantId, personId, p.id), type: 'PersonProposal', proposalId: p.id },
                },
              })),
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
      await batchPut(
        client,
        batch.flatMap(({ proposal: p, audit }) => [
          proposalItem(p),
          ...[p.mentorId, p.menteeId].map((personId) => ({
            ...keys.personProposal(p.tenantId, personId, p.id),
            type: 'PersonProposal',
            proposalId: p.id,
          })),
          auditPut(table, audit).Put.Item,
        ]),
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
      const k = keys.personProposals(tenantId, personId);
      const pointers = await queryAll<{ proposalId: string }>(client, k.PK, k.SKPrefix);
      const items = await batchGet(
        client,
        pointers.map((p) => keys.proposal(tenantId, p.proposalId)),
      );
      return items.map((i) => fromItem<MatchProposal>(i)).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    },
  };
}
