import { request } from 'node:http';

/**
 * Reads a secret or a parameter at start. In AWS through the AWS Parameters and Secrets Lambda
 * Extension (a layer: a local HTTP cache beside the function, `PARAMETERS_SECRETS_EXTENSION_HTTP_PORT`),
 * so the init loads no Secrets Manager or SSM client (about 100 ms of CPU for the two, ADR 0046);
 * without it, through the SDK's clients. Both answer the same: a value, or `undefined` for a
 * secret version or parameter that does not exist. Any other failure throws.
 */

/** One GET to the extension on loopback; `node:http`, not `fetch`, whose first use loads undici. */
function extensionGet(port: string, path: string, token: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: 'localhost', port, path, headers: { 'X-Aws-Parameters-Secrets-Token': token } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => {
        body += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

const extensionPort = (env: NodeJS.ProcessEnv): string | undefined => env.PARAMETERS_SECRETS_EXTENSION_HTTP_PORT || undefined;

/** The secret's value (`AWSCURRENT`, or the stage asked for, e.g. `AWSPREVIOUS`); undefined if that version does not exist. */
export async function readSecret(env: NodeJS.ProcessEnv, secretId: string, versionStage?: string): Promise<string | undefined> {
  const port = extensionPort(env);
  if (port) {
    const query = new URLSearchParams({ secretId, ...(versionStage ? { versionStage } : {}) });
    const { status, body } = await extensionGet(port, `/secretsmanager/get?${query}`, env.AWS_SESSION_TOKEN ?? '');
    if (status === 200) return (JSON.parse(body) as { SecretString?: string }).SecretString;
    if (versionStage && /ResourceNotFound/.test(body)) return undefined;
    throw new Error(`Secrets Manager (extension) answered ${status} for ${secretId}: ${body.slice(0, 200)}`);
  }
  const { SecretsManagerClient, GetSecretValueCommand } = await import('@aws-sdk/client-secrets-manager');
  const client = new SecretsManagerClient({});
  try {
    return (await client.send(new GetSecretValueCommand({ SecretId: secretId, ...(versionStage ? { VersionStage: versionStage } : {}) })))
      .SecretString;
  } catch (e) {
    if (versionStage && (e as { name?: string }).name === 'ResourceNotFoundException') return undefined;
    throw e;
  } finally {
    client.destroy();
  }
}

/** The parameter's value; undefined if there is no such parameter. */
export async function readParameter(env: NodeJS.ProcessEnv, name: string): Promise<string | undefined> {
  const port = extensionPort(env);
  if (port) {
    const { status, body } = await extensionGet(
      port,
      `/systemsmanager/parameters/get?${new URLSearchParams({ name })}`,
      env.AWS_SESSION_TOKEN ?? '',
    );
    if (status === 200) return (JSON.parse(body) as { Parameter?: { Value?: string } }).Parameter?.Value;
    if (/ParameterNotFound/.test(body)) return undefined;
    throw new Error(`SSM (extension) answered ${status} for ${name}: ${body.slice(0, 200)}`);
  }
  const { SSMClient, GetParameterCommand } = await import('@aws-sdk/client-ssm');
  const client = new SSMClient({});
  try {
    return (await client.send(new GetParameterCommand({ Name: name }))).Parameter?.Value;
  } catch (e) {
    if ((e as { name?: string }).name === 'ParameterNotFound') return undefined;
    throw e;
  } finally {
    client.destroy();
  }
}
