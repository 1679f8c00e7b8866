/**
 * The one DynamoDB table, defined once. The local bootstrap (local/dynamo.ts) creates it from this
 * definition and CDK (cdk/stacks/data-stack.ts) declares it from the same constants, so the two
 * cannot drift. Every key is built in keys.ts.
 */
export const TABLE = {
  /** Overridden per stage by the KINDLING_TABLE environment variable. */
  defaultName: 'kindling',
  partitionKey: 'PK',
  sortKey: 'SK',
  /** Items with this attribute (epoch seconds) expire: idempotency records, leases, outbox. */
  ttlAttribute: 'expiresAt',
  indexes: [
    /** Lists inside a tenant: a program's enrolments, mentorships, runs (see keys.ts). */
    { name: 'GSI1', partitionKey: 'GSI1PK', sortKey: 'GSI1SK' },
    /** Second ordering of the same lists: by status or health bucket, by person. */
    { name: 'GSI2', partitionKey: 'GSI2PK', sortKey: 'GSI2SK' },
  ],
  /** The stream feeds analytics and webhooks with before and after images (in AWS; DynamoDB Local's table has none, ADR 0079). */
  streamView: 'NEW_AND_OLD_IMAGES',
} as const;

export type IndexName = (typeof TABLE.indexes)[number]['name'];

export const tableName = (): string => process.env.KINDLING_TABLE ?? TABLE.defaultName;
