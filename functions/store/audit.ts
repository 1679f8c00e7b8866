import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { AuditEntry, AuditStore } from '#domain/kernel/audit.ts';
import type { StoreClient } from './client.ts';
import { pack } from './items.ts';
import { keys } from './keys.ts';
import { queryPage } from './query.ts';

/** The Put that records an audit entry inside the transaction of the change it describes. */
export function auditPut(table: string, entry: AuditEntry) {
  return {
    Put: {
      TableName: table,
      Item: {
        ...keys.audit(entry.tenantId, entry.entityType, entry.entityId, entry.at, entry.id),
        type: 'Audit',
        ...entry,
        changes: pack(entry.changes),
      },
      ConditionExpression: 'attribute_not_exists(PK)',
    },
  };
}

export function auditStore(client: StoreClient): AuditStore {
  return {
    async recordAudit(entry) {
      await client.doc.send(new PutCommand(auditPut(client.table, entry).Put));
    },
    listAudit(tenantId, entity, req, filter = {}) {
      // Sort keys start with the instant: a date range is a key condition, the rest a filter.
      const range = (attribute: string) =>
        filter.from || filter.to ? { sortRange: { attribute, from: filter.from ?? '0', to: `${filter.to ?? '9999'}\uffff` } } : {};
      const conditions: string[] = [];
      const names: Record<string, string> = {};
      const values: Record<string, unknown> = {};
      if (filter.actorId) {
        conditions.push('#fActor = :fActor');
        names['#fActor'] = 'actorId';
        values[':fActor'] = filter.actorId;
      }
      if (filter.action) {
        conditions.push('begins_with(#fAction, :fAction)');
        names['#fAction'] = 'action';
        values[':fAction'] = filter.action;
      }
      if (filter.entityType) {
        conditions.push('#fType = :fType');
        names['#fType'] = 'entityType';
        values[':fType'] = filter.entityType;
      }
      const filtered = conditions.length > 0 ? { filter: { expression: conditions.join(' AND '), names, values } } : {};
      if (entity) {
        const k = keys.entityAudit(tenantId, entity.type, entity.id);
        return queryPage<AuditEntry>(
          client,
          { partition: { attribute: 'PK', value: k.PK }, forward: false, ...range('SK'), ...filtered },
          req,
        );
      }
      const k = keys.tenantAudit(tenantId);
      return queryPage<AuditEntry>(
        client,
        { index: 'GSI1', partition: { attribute: 'GSI1PK', value: k.GSI1PK }, forward: false, ...range('GSI1SK'), ...filtered },
        req,
      );
    },
  };
}
