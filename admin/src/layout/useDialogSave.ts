import { useState } from 'react';
import { dialogProblemsOf } from '../providers/problems.ts';

const messageOf = (failure: unknown): string => (failure instanceof Error ? failure.message : String(failure));

/**
 * A dialog's save: `busy` while it runs; a refused save's text under each field (`errors`) and the
 * message that belongs to no field (`error`, see `dialogProblemsOf`); any other failure is the
 * message `otherwise` makes of it (the error's own message unless given).
 */
export function useDialogSave() {
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string>();
  const save = async (run: () => Promise<void>, otherwise: (failure: unknown) => string = messageOf): Promise<void> => {
    setBusy(true);
    setErrors({});
    setError(undefined);
    try {
      await run();
    } catch (failure) {
      const problems = dialogProblemsOf(failure);
      if (problems) {
        setErrors(problems.fields);
        setError(problems.root);
      } else {
        setError(otherwise(failure));
      }
    } finally {
      setBusy(false);
    }
  };
  return { busy, errors, error, save };
}
