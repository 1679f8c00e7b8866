import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { AuditEntry, AuditStore } from '#domain/kernel/audit.ts';
import type { StoreClient } from './client.ts';
import { keys } from './keys.ts';
import { queryPage } from './query.ts';

/** The Put that records an audit entry inside the transaction of the change it describes. */
export function auditPut(table: string, entry: AuditEntry) {
  return {
    Put: {
      TableName: table,
      Item: { ...keys.audit(entry.tenantId, entry.entityType, entry.entityId, entry.at, entry.id), type: 'Audit', ...entry },
      ConditionExpression: 'attribute_not_exists(PK)',
    },
  };
}

export function auditStore(client: StoreClient): AuditStore {
  return {
    async recordAudit(entry) {
      await client.doc.send(new PutCommand(auditPut(client.table, entry).Put));
    },
    listAudit(tenantId, entity, req) {
      if (entity) {
        const k = keys.entityAudit(tenantId, entity.type, entity.id);
        return queryPage<AuditEntry>(client, { partition: { attribute: 'PK', value: k.PK }, forward: false }, req);
      }
      const k = keys.tenantAudit(tenantId);
      return queryPage<AuditEntry>(client, { index: 'GSI1', partition: { attribute: 'GSI1PK', value: k.GSI1PK }, forward: false }, req);
    },
  };
}
