/**
 * The closed set of failures the domain can report. Every error a caller sees carries one of
 * these codes in `extensions.code`; the GraphQL boundary maps them once (graphql/errors.ts).
 */
export const ErrorCode = {
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  CONFLICT: 'CONFLICT',
  RATE_LIMITED: 'RATE_LIMITED',
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** Message keys, translated at the boundary into the caller's language (graphql/messages.ts). */
export type MessageKey =
  | 'auth.missing'
  | 'auth.invalid'
  | 'auth.unknownTenant'
  | 'auth.forbidden'
  | 'auth.keyEnded'
  | 'auth.keyNeedsPerson'
  | 'auth.twoCredentials'
  | 'auth.scope'
  | 'rateLimited'
  | 'rateLimited.person'
  | 'rateLimited.tenant'
  | 'request.invalid'
  | 'request.tooComplex'
  | 'conflict.keyEnded'
  | 'notFound'
  | 'input.invalid'
  | 'conflict.version'
  | 'conflict.exists'
  | 'conflict.state'
  | 'conflict.running'
  | 'conflict.programStatus'
  | 'conflict.idempotency'
  | 'conflict.notEnrolled'
  | 'conflict.mentorFull'
  | 'conflict.menteeMatched'
  | 'conflict.expired'
  | 'conflict.tooManyRequests'
  | 'conflict.duplicateRequest'
  | 'conflict.mentorUnavailable'
  | 'conflict.tooManyWebhooks'
  | 'unavailable'
  | 'internal';

export interface FieldProblem {
  /** Dotted path of the offending input field, e.g. `input.email`. */
  field: string;
  /** A short reason in English; the console translates by `rule`. */
  reason: string;
  rule: string;
  /** The reason in Dutch, where the check gave one: the API answers a Dutch caller with it. */
  nl?: string;
}

/** A failure the caller can act on. Anything else is an internal error and gets masked. */
export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly key: MessageKey;
  readonly params: Record<string, string | number>;
  readonly problems: FieldProblem[];

  constructor(code: ErrorCode, key: MessageKey, params: Record<string, string | number> = {}, problems: FieldProblem[] = []) {
    super(`${code}: ${key} ${JSON.stringify(params)}`);
    this.name = 'DomainError';
    this.code = code;
    this.key = key;
    this.params = params;
    this.problems = problems;
  }
}

export const notFound = (type: string): DomainError => new DomainError(ErrorCode.NOT_FOUND, 'notFound', { type });

export const forbidden = (action: string): DomainError => new DomainError(ErrorCode.FORBIDDEN, 'auth.forbidden', { action });

export const versionConflict = (type: string): DomainError => new DomainError(ErrorCode.CONFLICT, 'conflict.version', { type });

export const invalidInput = (problems: FieldProblem[]): DomainError =>
  new DomainError(
    ErrorCode.BAD_USER_INPUT,
    'input.invalid',
    // The reason goes into the message too, so a limit is read where the caller looks first.
    { fields: problems.map((p) => `${p.field} (${p.reason})`).join(', ') },
    problems,
  );

/** Compile-time proof that a switch covered every case of a union. */
export function assertNever(value: never): never {
  throw new Error(`Unhandled case: ${JSON.stringify(value)}`);
}
