import { DynamoDBClient, type DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export interface StoreClient {
  doc: DynamoDBDocumentClient;
  table: string;
  /** DynamoDB round trips made through this client; tests read it to prove lists stay constant. */
  readonly calls: { count: number };
}

/**
 * One client per container. In AWS the region and credentials come from the Lambda environment;
 * locally KINDLING_DYNAMO_ENDPOINT points at DynamoDB Local, which accepts any credentials.
 */
export function createStoreClient(options: { table: string; endpoint?: string | undefined; config?: DynamoDBClientConfig }): StoreClient {
  const endpoint = options.endpoint;
  const raw = new DynamoDBClient({
    ...(endpoint ? { endpoint, region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } } : {}),
    maxAttempts: 4,
    ...options.config,
  });
  const calls = { count: 0 };
  raw.middlewareStack.add(
    (next) => async (args) => {
      calls.count++;
      return next(args);
    },
    { step: 'initialize', name: 'kindlingRoundTrips' },
  );
  const doc = DynamoDBDocumentClient.from(raw, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
  return { doc, table: options.table, calls };
}
