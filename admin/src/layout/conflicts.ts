import type { TranslateFunction } from 'react-admin';
import { GraphQLRequestError } from '../providers/graphqlClient.ts';

/** The CONFLICT reasons the console words itself, with what to do next; others keep the API's message. */
const KNOWN = ['conflict.version', 'conflict.state', 'conflict.mentorFull', 'conflict.menteeMatched', 'conflict.expired'];

export const isConflict = (error: unknown): error is GraphQLRequestError =>
  error instanceof GraphQLRequestError && error.code === 'CONFLICT';

/**
 * A refused change in words. `subject` picks the wording (`pair`, `request`): e.g. "Someone else
 * changed this pair after you opened it". Anything that is not a conflict keeps its own message,
 * which the API has already translated.
 */
export function describeError(error: unknown, subject: 'pair' | 'request' | 'goal', translate: TranslateFunction): string {
  const message = error instanceof Error ? error.message : String(error);
  if (!isConflict(error)) return message;
  const key = typeof error.extensions.messageKey === 'string' ? error.extensions.messageKey : '';
  if (!KNOWN.includes(key)) return message;
  return translate(`kindling.conflict.${subject}.${key.slice('conflict.'.length)}`, { _: message });
}
