import { PutCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { createStoreClient } from '#store/client.ts';
import { assertIndexKeysInTenant, assertWritesInTenant } from '#store/items.ts';
import { keys } from '#store/keys.ts';

/**
 * IAM pins a tenant's session to its partition keys (ADR 0018) but never sees the index keys of a
 * write; the store refuses an item filed under another tenant's index itself.
 */
describe('index keys share their item’s tenant', () => {
  const person = (tenantOfIndex: string) => ({
    ...keys.person('acme', 'p1'),
    ...keys.personIndex(tenantOfIndex, 'doe#jane', '2026-01-01T00:00:00Z', 'p1'),
    name: 'Jane',
  });

  it('accepts an item whose index keys lead with its own tenant', () => {
    expect(() => assertIndexKeysInTenant(person('acme'))).not.toThrow();
  });

  it('refuses an item listed under another tenant’s index, even one whose slug extends its own', () => {
    expect(() => assertIndexKeysInTenant(person('globex'))).toThrow(/GSI1PK "T#globex#PEOPLE" does not lead with the tenant/);
    expect(() => assertIndexKeysInTenant(person('acme-corp'))).toThrow(/T#acme-corp#PEOPLE/);
  });

  it('refuses a platform item that carries a tenant’s index key', () => {
    expect(() => assertIndexKeysInTenant({ ...keys.tenantDirectoryEntry('acme'), GSI2PK: 'T#acme#PEOPLE' })).toThrow(/PLATFORM/);
  });

  it('checks the puts and index-setting updates inside transactions, not only single puts', () => {
    const transaction = {
      TransactItems: [
        { Put: { TableName: 't', Item: person('acme') } },
        {
          Update: {
            TableName: 't',
            Key: keys.importJob('acme', 'j1'),
            UpdateExpression: 'SET GSI2PK = :open',
            ExpressionAttributeValues: { ':open': keys.openImports('globex').GSI2PK },
          },
        },
      ],
    };
    expect(() => assertWritesInTenant(transaction)).toThrow(/writes the index key "T#globex#IMPORTS#OPEN" of another tenant/);
  });

  it('stops the write in the client before anything is sent', async () => {
    // Prepare: a client whose endpoint would refuse any connection, so only the guard can answer.
    const client = createStoreClient({ table: 'kindling-test', endpoint: 'http://127.0.0.1:9', config: { maxAttempts: 1 } });
    // Act and assert
    await expect(client.doc.send(new PutCommand({ TableName: 'kindling-test', Item: person('globex') }))).rejects.toThrow(
      /does not lead with the tenant/,
    );
    await expect(
      client.doc.send(new TransactWriteCommand({ TransactItems: [{ Put: { TableName: 'kindling-test', Item: person('globex') } }] })),
    ).rejects.toThrow(/does not lead with the tenant/);
    expect(client.calls.count).toBe(0);
    // An update that sets no index key is none of the guard's business: it goes out (and fails to connect).
    await expect(
      client.doc.send(
        new UpdateCommand({
          TableName: 'kindling-test',
          Key: keys.person('acme', 'p1'),
          UpdateExpression: 'SET #n = :n',
          ExpressionAttributeNames: { '#n': 'name' },
          ExpressionAttributeValues: { ':n': 'T#globex' },
        }),
      ),
    ).rejects.toThrow(/ECONNREFUSED|connect/);
  });
});
