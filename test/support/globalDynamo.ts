import type { TestProject } from 'vitest/node';
import { ensureTable, freePort, startDynamo } from '#local/dynamo.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoEndpoint: string;
  }
}

export const TEST_TABLE = 'kindling-test';

/** One in-memory DynamoDB Local for the whole run, on a free port; always stopped at the end. */
export default async function setup(project: TestProject) {
  const dynamo = await startDynamo({ port: await freePort(), dataDir: null });
  await ensureTable(dynamo.endpoint, TEST_TABLE);
  project.provide('dynamoEndpoint', dynamo.endpoint);
  return async () => {
    await dynamo.stop();
  };
}
