import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Secrets Manager and SSM Parameter Store on loopback, as a function sees them at start: their JSON
 * 1.1 APIs (GetSecretValue, GetParameter) for the SDK's clients, and the AWS Parameters and Secrets
 * Lambda Extension's local GET endpoints. Point a process at the APIs with `env()` (the SDK honours
 * the service-specific endpoint variables), or at the extension with `extensionEnv()`.
 */
export interface AwsStandIns {
  url: string;
  /** What was asked, in order: `secretsmanager.GetSecretValue`, `AmazonSSM.GetParameter`, `extension:…`. */
  calls: string[];
  env(): Record<string, string>;
  extensionEnv(): Record<string, string>;
  close(): Promise<void>;
}

export interface StandInData {
  /** Secret ARN → its current value (and the one before the last rotation, if any). */
  secrets: Record<string, { current: string; previous?: string }>;
  /** Parameter name → value; a name missing here answers ParameterNotFound. */
  parameters: Record<string, string>;
}

export async function startAwsStandIns(data: StandInData): Promise<AwsStandIns> {
  const calls: string[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      const answer = (status: number, payload: unknown) => {
        res.statusCode = status;
        res.setHeader('content-type', 'application/x-amz-json-1.1');
        res.end(JSON.stringify(payload));
      };
      if (req.method === 'GET') {
        const url = new URL(req.url ?? '/', 'http://localhost');
        calls.push(`extension:${url.pathname}`);
        if (!req.headers['x-aws-parameters-secrets-token']) return answer(401, { message: 'missing token' });
        if (url.pathname === '/secretsmanager/get') {
          const secret = data.secrets[url.searchParams.get('secretId') ?? ''];
          const value = url.searchParams.get('versionStage') === 'AWSPREVIOUS' ? secret?.previous : secret?.current;
          if (value === undefined) return answer(400, { __type: 'ResourceNotFoundException', message: 'no such version' });
          return answer(200, { SecretString: value, VersionId: 'v1' });
        }
        const value = data.parameters[url.searchParams.get('name') ?? ''];
        if (value === undefined) return answer(400, { __type: 'ParameterNotFound', message: '' });
        return answer(200, { Parameter: { Name: url.searchParams.get('name'), Value: value, Type: 'String', Version: 1 } });
      }
      const target = String(req.headers['x-amz-target'] ?? '');
      calls.push(target);
      const input = JSON.parse(body || '{}') as { SecretId?: string; VersionStage?: string; Name?: string };
      if (target === 'secretsmanager.GetSecretValue') {
        const secret = data.secrets[input.SecretId ?? ''];
        const value = input.VersionStage === 'AWSPREVIOUS' ? secret?.previous : secret?.current;
        if (value === undefined)
          return answer(400, { __type: 'ResourceNotFoundException', message: 'Secrets Manager can’t find the specified secret version.' });
        return answer(200, { ARN: input.SecretId, Name: 'secret', SecretString: value, VersionId: 'v1' });
      }
      if (target === 'AmazonSSM.GetParameter') {
        const value = data.parameters[input.Name ?? ''];
        if (value === undefined) return answer(400, { __type: 'ParameterNotFound', message: '' });
        return answer(200, { Parameter: { Name: input.Name, Value: value, Type: 'String', Version: 1 } });
      }
      return answer(400, { __type: 'UnknownOperationException', message: target });
    });
  });
  // `localhost`, as the extension listens: it may resolve to ::1 first.
  await new Promise<void>((ready) => server.listen(0, 'localhost', ready));
  const port = (server.address() as AddressInfo).port;
  const url = `http://localhost:${port}`;
  return {
    url,
    calls,
    env: () => ({ AWS_ENDPOINT_URL_SECRETS_MANAGER: url, AWS_ENDPOINT_URL_SSM: url }),
    extensionEnv: () => ({ PARAMETERS_SECRETS_EXTENSION_HTTP_PORT: String(port), AWS_SESSION_TOKEN: 'session-token' }),
    close: () => new Promise((done) => server.close(() => done())),
  };
}
