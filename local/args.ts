import { resolve } from 'node:path';
import { type ParseArgsConfig, parseArgs } from 'node:util';
import { findRun, type RunInfo } from './runs.ts';

/** A mistake in how a command was called: the command's own usage follows the message. */
export class UsageError extends Error {}

type Options = NonNullable<ParseArgsConfig['options']>;

/** Strict parsing of one command's flags: an unknown flag or a missing value is a UsageError. */
export function parseFlags<O extends Options>(args: string[], options: O) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message : String(e));
  }
}

export function portNumber(flag: string, value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 65535) throw new UsageError(`${flag} must be a port number (1–65535), not "${value}".`);
  return n;
}

/** The flags every command that talks to a running Kindling shares. */
export const CLIENT_OPTIONS = {
  port: { type: 'string' },
  data: { type: 'string' },
  api: { type: 'string' },
  token: { type: 'string' },
} as const satisfies Options;

export interface Client {
  /** The running `kindling start` found through its run file, if any. */
  run: RunInfo | null;
  /** Its GraphQL URL, or the one --api / --port names. */
  url: string;
  /** The folder whose issuer.json signs tokens for it. */
  issuerDir: string;
}

/**
 * Which local Kindling a command means: the run on --port (or KINDLING_PORT), on --data (or
 * KINDLING_DATA), or the only one running. Without a run, the data folder's issuer and port 4000.
 */
export function localClient(values: { port?: string | undefined; data?: string | undefined; api?: string | undefined }): Client {
  const port = values.port ?? process.env.KINDLING_PORT;
  const data = values.data ?? process.env.KINDLING_DATA;
  const number = (p: string | undefined) => (p === undefined ? undefined : portNumber('--port', p));
  // Flags choose a run; the environment's defaults only break a tie (a throwaway run has no data folder to match).
  const run = values.api
    ? null
    : findRun(
        { port: number(values.port), data: values.data },
        { port: number(process.env.KINDLING_PORT), data: process.env.KINDLING_DATA },
      );
  return {
    run,
    url: values.api ?? run?.url ?? `http://127.0.0.1:${port ?? 4000}/graphql`,
    issuerDir: run?.issuerDir ?? resolve(data ?? '.kindling'),
  };
}
