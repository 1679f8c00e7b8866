import { Readable } from 'node:stream';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { createStoreClient } from '#store/client.ts';
import type { AssumeRoleInput, SessionCredentials } from '#store/tenantAccess.ts';
import { RENEW_BEFORE_MS, SESSION_SECONDS, tenantCredentials } from '#store/tenantAccess.ts';

const ROLE = 'arn:aws:iam::123456789012:role/kindling-dev-tenant-data';
const OWN_KEY = 'AKIDFUNCTIONROLE';

/**
 * A client whose HTTP layer records which access key signed each DynamoDB call (the SigV4
 * Authorization header names it) and answers `{}`; STS is a fake that mints a key per tenant.
 */
function harness(options: { failFor?: string; operatorRoleArn?: string } = {}) {
  const stsCalls: AssumeRoleInput[] = [];
  const signedWith: string[] = [];
  const assumeRole = async (input: AssumeRoleInput): Promise<SessionCredentials> => {
    stsCalls.push(input);
    const tenant = (input.Tags ?? []).find((t) => t.Key === 'tenant')?.Value ?? '?';
    if (tenant === options.failFor) throw new Error('AccessDenied');
    return {
      accessKeyId: input.Tags ? `AKIDTENANT${tenant.toUpperCase()}${stsCalls.length}` : `AKIDOPERATOR${stsCalls.length}`,
      secretAccessKey: 'secret',
      sessionToken: 'token',
      expiration: new Date(Date.now() + input.DurationSeconds * 1000),
    };
  };
  const client = createStoreClient({
    table: 'kindling-test',
    config: {
      region: 'eu-west-1',
      credentials: { accessKeyId: OWN_KEY, secretAccessKey: 'secret' },
      maxAttempts: 1,
      requestHandler: {
        handle: async (request: { headers: Record<string, string> }) => {
          signedWith.push(/Credential=([A-Z0-9]+)\//.exec(request.headers.authorization ?? '')?.[1] ?? 'unsigned');
          return {
            response: {
              statusCode: 200,
              headers: { 'content-type': 'application/x-amz-json-1.0' },
              body: Readable.from([Buffer.from('{}')]),
            },
          };
        },
      },
    },
    tenantAccess: { roleArn: ROLE, operatorRoleArn: options.operatorRoleArn, assumeRole },
  });
  const get = () => client.doc.send(new GetCommand({ TableName: 'kindling-test', Key: { PK: 'T#acme', SK: 'TENANT' } }));
  return { client, get, stsCalls, signedWith };
}

describe('tenant-scoped credentials', () => {
  it('signs a tenant caller’s calls with credentials of the tenant role, tagged with the tenant', async () => {
    const { client, get, stsCalls, signedWith } = harness();

    await client.inRequest(async () => {
      client.bindTenant('acme');
      await get();
    });

    expect(stsCalls).toEqual([
      { RoleArn: ROLE, RoleSessionName: 'tenant-acme', DurationSeconds: SESSION_SECONDS, Tags: [{ Key: 'tenant', Value: 'acme' }] },
    ]);
    expect(signedWith).toEqual(['AKIDTENANTACME1']);
  });

  it('uses the function’s own role for operators, for the checks before a caller is verified, and outside requests', async () => {
    const { client, get, stsCalls, signedWith } = harness();

    await client.inRequest(async () => {
      await get(); // verifying the caller: not yet bound
      client.bindTenant(null); // an operator
      await get();
    });
    await get(); // a scheduled job

    expect(stsCalls).toEqual([]);
    expect(signedWith).toEqual([OWN_KEY, OWN_KEY, OWN_KEY]);
  });

  it('with an operator role, vends it to operators and tenant-directory writes, leaving the own role only what runs before binding', async () => {
    const operatorRole = 'arn:aws:iam::123456789012:role/kindling-dev-operator-data';
    const { client, get, stsCalls, signedWith } = harness({ operatorRoleArn: operatorRole });

    await client.inRequest(async () => {
      await get(); // before the caller is verified
      client.bindTenant(null); // an operator
      await get();
    });
    await client.inRequest(async () => {
      client.bindTenant('acme');
      await client.withFunctionRole(get); // the tenant directory entry of a rename
    });

    expect(stsCalls).toEqual([{ RoleArn: operatorRole, RoleSessionName: 'operator', DurationSeconds: SESSION_SECONDS }]);
    expect(signedWith).toEqual([OWN_KEY, 'AKIDOPERATOR1', 'AKIDOPERATOR1']);
  });

  it('runs a write to the tenant directory, whose key names no tenant, on the function’s own role only where asked', async () => {
    const { client, get, signedWith } = harness();

    await client.inRequest(async () => {
      client.bindTenant('acme');
      await client.withFunctionRole(get);
      await get();
    });

    expect(signedWith).toEqual([OWN_KEY, 'AKIDTENANTACME1']);
  });

  it('keeps each tenant’s credentials apart, even for requests that interleave', async () => {
    const { client, get, signedWith } = harness();
    const request = (tenant: string) =>
      client.inRequest(async () => {
        client.bindTenant(tenant);
        await new Promise((r) => setTimeout(r, 1));
        await get();
        return signedWith.at(-1);
      });

    const [a, b] = await Promise.all([request('acme'), request('globex')]);

    expect(a).toMatch(/^AKIDTENANTACME/);
    expect(b).toMatch(/^AKIDTENANTGLOBEX/);
  });

  it('asks STS once per tenant, even for concurrent requests, while the credentials last', async () => {
    const { client, get, stsCalls, signedWith } = harness();
    const inAcme = () =>
      client.inRequest(async () => {
        client.bindTenant('acme');
        await get();
      });

    await Promise.all([inAcme(), inAcme()]);
    await inAcme();

    expect(stsCalls).toHaveLength(1);
    expect(signedWith).toEqual(['AKIDTENANTACME1', 'AKIDTENANTACME1', 'AKIDTENANTACME1']);
  });

  it('renews a tenant’s credentials shortly before they expire', async () => {
    let clock = 0;
    const stsCalls: string[] = [];
    const credentialsOf = tenantCredentials({
      roleArn: ROLE,
      now: () => clock,
      assumeRole: async (input) => {
        stsCalls.push(input.RoleSessionName);
        return {
          accessKeyId: `K${stsCalls.length}`,
          secretAccessKey: 's',
          sessionToken: 't',
          expiration: new Date(clock + input.DurationSeconds * 1000),
        };
      },
    });

    const first = await credentialsOf('acme');
    clock += SESSION_SECONDS * 1000 - RENEW_BEFORE_MS - 1;
    const stillFirst = await credentialsOf('acme');
    clock += 2;
    const renewed = await credentialsOf('acme');

    expect([first.accessKeyId, stillFirst.accessKeyId, renewed.accessKeyId]).toEqual(['K1', 'K1', 'K2']);
    expect(stsCalls).toEqual(['tenant-acme', 'tenant-acme']);
  });

  it('fails the request when STS refuses, rather than falling back to the function’s own role', async () => {
    const { client, get, signedWith } = harness({ failFor: 'acme' });

    const attempt = client.inRequest(async () => {
      client.bindTenant('acme');
      await get();
    });

    await expect(attempt).rejects.toThrow('AccessDenied');
    expect(signedWith).toEqual([]);
  });

  it('refuses to bind a tenant outside a request scope, or to rebind a request to another tenant', async () => {
    const { client } = harness();

    expect(() => client.bindTenant('acme')).toThrow(/outside a request scope/);
    await client.inRequest(async () => {
      client.bindTenant('acme');
      client.bindTenant('acme');
      expect(() => client.bindTenant('globex')).toThrow(/another tenant/);
      expect(() => client.bindTenant(null)).toThrow(/another tenant/);
    });
  });

  it('changes nothing locally: without a role, binding is a no-op and no STS is involved', async () => {
    const local = createStoreClient({ table: 'kindling', endpoint: 'http://127.0.0.1:1' });
    expect(() => local.bindTenant('acme')).not.toThrow();
    expect(local.inRequest(() => 42)).toBe(42);
  });
});
