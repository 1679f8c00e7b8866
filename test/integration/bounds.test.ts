import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { keys } from '#store/keys.ts';
import { testApi } from '../support/api.ts';

describe('items that could grow without bound stay bounded', () => {
  let api: Awaited<ReturnType<typeof testApi>>;
  beforeAll(async () => {
    api = await testApi();
  });

  it("keeps at most 500 signals in a mentor's set, however many more come", async () => {
    // Prepare: 500 signals, the cap.
    const store = api.services.engagement;
    const ids = (from: number, count: number) => Array.from({ length: count }, (_, k) => `signal-${from + k}`);
    const tenant = `bounds-${Date.now()}`;
    expect(await store.addSignals(tenant, 'program', 'mentor', 'Mentor', ids(0, 500))).toBe(500);

    // Act: more arrive.
    const after = await store.addSignals(tenant, 'program', 'mentor', 'Mentor', ids(500, 50));

    // Assert: the count says the cap, and the item did not grow.
    expect(after).toBe(500);
    const { Item } = await api.services.client.doc.send(
      new GetCommand({ TableName: api.services.client.table, Key: keys.mentorSignals(tenant, 'program', 'mentor') }),
    );
    expect((Item?.signals as Set<string> | undefined)?.size).toBe(500);
  });
});
