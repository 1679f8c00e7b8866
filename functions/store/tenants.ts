import { GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Tenant, TenantStore } from '#domain/tenancy/tenants.ts';
import { auditPut } from './audit.ts';
import { batchGet } from './batch.ts';
import type { StoreClient } from './client.ts';
import { peopleCountItem } from './counts.ts';
import { idempotencyPut } from './idempotency.ts';
import { fromItem, translate } from './items.ts';
import { keys } from './keys.ts';

export function tenantStore(client: StoreClient): TenantStore {
  const { doc, table } = client;
  // The platform's directory entry has no tenant in its key, so a tenant's scoped role may not write
  // it: a manager's rename (replaceTenant) writes it on the function's own role (store/tenantAccess.ts).
  const directory = { send: (command: TransactWriteCommand) => client.withFunctionRole(() => doc.send(command)) };
  return {
    async getTenant(id) {
      const { Item } = await doc.send(new GetCommand({ TableName: table, Key: keys.tenant(id) }));
      return Item ? fromItem<Tenant>(Item) : null;
    },

    async createTenant(tenant, audit, idempotency) {
      await doc
        .send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Put: {
                  TableName: table,
                  Item: { ...keys.tenant(tenant.id), type: 'Tenant', ...tenant },
                  ConditionExpression: 'attribute_not_exists(PK)',
                },
              },
              {
                Put: {
                  TableName: table,
                  Item: { ...keys.tenantDirectoryEntry(tenant.id), type: 'TenantEntry', id: tenant.id, name: tenant.name },
                  ConditionExpression: 'attribute_not_exists(PK)',
                },
              },
              // Counted from the start: its people's total is trusted (store/counts.ts).
              { Put: { TableName: table, Item: peopleCountItem(tenant.id), ConditionExpression: 'attribute_not_exists(PK)' } },
              auditPut(table, audit),
              ...(idempotency ? [idempotencyPut(table, idempotency)] : []),
            ],
          }),
        )
        .catch((e) => translate(e, { key: 'conflict.exists', params: { type: 'Tenant', field: 'slug' } }));
    },

    async replaceTenant(tenant, expectedVersion, audit) {
      await directory
        .send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Put: {
                  TableName: table,
                  Item: { ...keys.tenant(tenant.id), type: 'Tenant', ...tenant },
                  ConditionExpression: 'version = :v',
                  ExpressionAttributeValues: { ':v': expectedVersion },
                },
              },
              {
                Put: {
                  TableName: table,
                  Item: { ...keys.tenantDirectoryEntry(tenant.id), type: 'TenantEntry', id: tenant.id, name: tenant.name },
                },
              },
              auditPut(table, audit),
            ],
          }),
        )
        .catch((e) => translate(e, { key: 'conflict.version', params: { type: 'Tenant' } }));
    },

    async listTenants() {
      const dir = keys.tenantDirectory();
      const ids: string[] = [];
      let start: Record<string, unknown> | undefined;
      do {
        const res = await doc.send(
          new QueryCommand({
            TableName: table,
            KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
            ExpressionAttributeValues: { ':pk': dir.PK, ':sk': dir.SKPrefix },
            ExclusiveStartKey: start,
          }),
        );
        for (const item of res.Items ?? []) ids.push(String(item.id));
        start = res.LastEvaluatedKey;
      } while (start);
      const items = await batchGet(client, ids.map(keys.tenant));
      return items.map((i) => fromItem<Tenant>(i)).sort((a, b) => a.id.localeCompare(b.id));
    },
  };
}
