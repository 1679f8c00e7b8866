import { useTranslate } from 'react-admin';
import { isConflict } from '../layout/conflicts.ts';

/** react-query keys for matching, shared by the tab, a run's view and the pins and blocks. */
export const runsKey = (programId: string) => ['matchingRuns', programId];
export const runKey = (runId: string) => ['matchingRun', runId];
export const rulesKey = (programId: string) => ['pairRules', programId];

/**
 * A refused run or decision in words: "another run holds the program" and a stale decision are said
 * by the console; every other refusal (a draft program, a closed one) keeps the API's own reason.
 */
export function useMatchingError() {
  const translate = useTranslate();
  return (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    if (isConflict(error) && error.extensions.messageKey === 'conflict.running') {
      return translate('kindling.matching.busy', { _: message });
    }
    if (isConflict(error) && error.extensions.messageKey === 'conflict.version') {
      return translate('kindling.matching.stale', { _: message });
    }
    return message;
  };
}
