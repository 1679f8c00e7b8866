import type { TranslateFunction } from 'react-admin';
import { GraphQLRequestError } from './graphqlClient.ts';

/** One entry of a BAD_USER_INPUT error's `extensions.problems`. */
export interface FieldProblem {
  /** Dotted path of the input, e.g. `input.email`, `input.links.2`, `reason`. */
  field: string;
  rule: string;
  /** A short reason in English; the console translates by `rule`. */
  reason: string;
}

export function problemsOf(error: unknown): FieldProblem[] {
  if (!(error instanceof GraphQLRequestError) || error.code !== 'BAD_USER_INPUT') return [];
  const { problems } = error.extensions;
  if (!Array.isArray(problems)) return [];
  return problems.filter(
    (p): p is FieldProblem =>
      typeof p === 'object' && p !== null && typeof p.field === 'string' && typeof p.rule === 'string' && typeof p.reason === 'string',
  );
}

/**
 * The problem in the console's language. The API names the rule and gives its reason in English;
 * the few numbers or values a rule needs (a range, a maximum, the offending value) are read back
 * out of that reason, and when they cannot be the English reason is shown as it is.
 */
export function describeProblem(problem: FieldProblem, translate: TranslateFunction): string {
  const numbers = problem.reason.match(/\d+/g) ?? [];
  const quoted = /"([^"]*)"/.exec(problem.reason)?.[1];
  const needs: Record<string, Record<string, string | undefined>> = {
    range: { min: numbers[0], max: numbers[1] },
    tooLong: { max: numbers[0] },
    tooMany: { max: numbers[0] },
    language: { value: quoted },
    focusArea: { value: quoted },
    belowActive: { count: numbers[0] },
  };
  const params = needs[problem.rule] ?? {};
  if (Object.values(params).some((value) => value === undefined)) return problem.reason;
  // A count picks the singular or plural wording (polyglot's smart_count).
  const count = params.count === undefined ? {} : { smart_count: Number(params.count) };
  return translate(`kindling.problems.${problem.rule}`, { _: problem.reason, ...params, ...count });
}

/** `input.links.2` → `links`; `reason` → `reason`. Item problems belong to the list's input. */
export function formField(path: string): string {
  const parts = path.split('.');
  return (parts[0] === 'input' ? parts[1] : parts[0]) ?? path;
}

/**
 * A refused save, shaped the way react-admin's forms read server-side validation: `body.errors`
 * keyed by input, plus `root.serverError` — the notification — listing every problem, so one that
 * has no input on the form is still seen. The GraphQL code and message are kept.
 */
export class FormProblemsError extends GraphQLRequestError {
  readonly body: { errors: Record<string, unknown> };

  constructor(original: GraphQLRequestError, errors: Record<string, unknown>) {
    super(original.message, original.code, original.status, original.extensions);
    this.body = { errors };
  }
}

export interface FormErrorOptions {
  /** The inputs the form shows. Errors on anything else would block the form unseen, so they only go in the summary. */
  inputs: readonly string[];
  /** The input's label, for the summary. */
  label: (input: string) => string;
  translate: TranslateFunction;
  /**
   * The input a problem's path belongs to; by default the top-level one ({@link formField}). A form
   * with nested inputs (`circleSize.minimum`) names them in `inputs` and maps paths with {@link nestedFormField}.
   */
  fieldOf?: (path: string) => string;
}

/** `input.circleSize.minimum` → `circleSize.minimum`: the whole path below the input. */
export function nestedFormField(path: string): string {
  const parts = path.split('.');
  return (parts[0] === 'input' ? parts.slice(1) : parts).join('.') || path;
}

/** Sets `a.b` as react-admin's submission errors nest it (`{ a: { b } }`), keeping the first problem per input. */
function setOnce(errors: Record<string, unknown>, input: string, text: string): void {
  const parts = input.split('.');
  let at = errors;
  for (const part of parts.slice(0, -1)) {
    const next = at[part];
    if (typeof next === 'object' && next !== null) at = next as Record<string, unknown>;
    else at = at[part] = {};
  }
  const last = parts[parts.length - 1] as string;
  if (at[last] === undefined) at[last] = text;
}

/** Rethrows a BAD_USER_INPUT error as a FormProblemsError; anything else unchanged. */
export function toFormError(error: unknown, { inputs, label, translate, fieldOf = formField }: FormErrorOptions): unknown {
  const problems = problemsOf(error);
  if (problems.length === 0 || !(error instanceof GraphQLRequestError)) return error;
  const errors: Record<string, unknown> = {};
  const lines: string[] = [];
  for (const problem of problems) {
    const input = fieldOf(problem.field);
    const text = describeProblem(problem, translate);
    if (inputs.includes(input)) setOnce(errors, input, text);
    lines.push(`${inputs.includes(input) ? label(input) : problem.field}: ${text}`);
  }
  errors.root = { serverError: translate('kindling.problems.summary', { problems: lines.join('; ') }) };
  return new FormProblemsError(error, errors);
}

/** The form errors a refused save carries, if it is one; for forms that submit by hand. */
export function fieldErrorsOf(error: unknown): Record<string, unknown> | undefined {
  return error instanceof FormProblemsError ? error.body.errors : undefined;
}

/**
 * A refused save split for a dialog that keeps its own error state: each field's text, and the
 * message that belongs to no field (react-admin's `root.serverError`). Undefined when the failure
 * is not a refused save.
 */
export function dialogProblemsOf(error: unknown): { fields: Record<string, string>; root: string | undefined } | undefined {
  const errors = fieldErrorsOf(error);
  if (!errors) return undefined;
  const { root, ...inputs } = errors;
  return {
    fields: Object.fromEntries(Object.entries(inputs).map(([name, text]) => [name, String(text)])),
    root: (root as { serverError?: string } | undefined)?.serverError,
  };
}
