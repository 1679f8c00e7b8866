/**
 * Structured logs, one JSON object a line (CloudWatch and `npm start` alike). Never pass tokens,
 * keys or personal data: log ids and codes.
 */
type Level = 'debug' | 'info' | 'warn' | 'error';
const ORDER: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

const errorFields = (e: unknown): Record<string, unknown> =>
  e instanceof Error ? { error: e.name, detail: e.message, stack: e.stack?.split('\n').slice(0, 6).join('\n') } : { error: String(e) };

export function createLogger(service: string, level: Level = (process.env.KINDLING_LOG_LEVEL as Level) ?? 'info'): Logger {
  const write = (l: Level, msg: string, fields: Record<string, unknown> = {}) => {
    if (ORDER[l] < ORDER[level]) return;
    const { err, ...rest } = fields;
    const line = JSON.stringify({ level: l, time: new Date().toISOString(), service, msg, ...rest, ...(err ? errorFields(err) : {}) });
    (l === 'error' || l === 'warn' ? process.stderr : process.stdout).write(`${line}\n`);
  };
  return {
    debug: (m, f) => write('debug', m, f),
    info: (m, f) => write('info', m, f),
    warn: (m, f) => write('warn', m, f),
    error: (m, f) => write('error', m, f),
  };
}
