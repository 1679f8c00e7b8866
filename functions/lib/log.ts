import { Logger as PowertoolsLogger } from '@aws-lambda-powertools/logger';
import type { Context as LambdaContext } from 'aws-lambda';

/**
 * Structured logs, one JSON object a line (CloudWatch and `npm start` alike), written by Powertools
 * for AWS Lambda's Logger: in Lambda each line also carries the request id, the function and whether
 * the container was cold. Never pass tokens, keys or personal data: log ids and codes. As a second
 * line of defence, values under names that usually hold them are replaced before a line is written.
 */
type Level = 'debug' | 'info' | 'warn' | 'error';

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

const errorFields = (e: unknown): Record<string, unknown> =>
  e instanceof Error ? { error: e.name, detail: e.message, stack: e.stack?.split('\n').slice(0, 6).join('\n') } : { error: String(e) };

/** Field names whose values never reach a log line, at any depth. */
export const REDACTED_FIELDS =
  /^(authorization|cookie|set-cookie|token|id_?token|access_?token|refresh_?token|secret|password|api_?key|x-api-key|email|phone)$/i;
export const REDACTED = '[redacted]';
const redact = (key: string, value: unknown): unknown =>
  key !== '' && REDACTED_FIELDS.test(key) && value !== undefined ? REDACTED : value;

/** Every logger of this process, so a Lambda handler can stamp its invocation on all of them. */
const loggers = new Set<PowertoolsLogger>();

export function createLogger(service: string, level: Level = (process.env.KINDLING_LOG_LEVEL as Level) ?? 'info'): Logger {
  const logger = new PowertoolsLogger({ serviceName: service, logLevel: level.toUpperCase() as Uppercase<Level>, jsonReplacerFn: redact });
  loggers.add(logger);
  const write = (l: Level, msg: string, fields: Record<string, unknown> = {}) => {
    const { err, ...rest } = fields;
    logger[l](msg, { ...rest, ...(err ? errorFields(err) : {}) });
  };
  return {
    debug: (m, f) => write('debug', m, f),
    info: (m, f) => write('info', m, f),
    warn: (m, f) => write('warn', m, f),
    error: (m, f) => write('error', m, f),
  };
}

/** Called by each Lambda handler per invocation: the request id, function and cold start join every line. */
export function logInvocation(context: LambdaContext): void {
  for (const logger of loggers) logger.addContext(context);
}
