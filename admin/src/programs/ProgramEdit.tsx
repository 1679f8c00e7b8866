import { Edit } from 'react-admin';
import { useRecordLoadError } from '../layout/errors.tsx';
import { ProgramForm } from './ProgramForm.tsx';

/**
 * Pessimistic: the update carries the version it was read at, and a stale one is refused with
 * CONFLICT. The console waits for the answer so that refusal shows instead of being undone later.
 */
export function ProgramEdit() {
  const onError = useRecordLoadError();
  return (
    <Edit mutationMode="pessimistic" redirect="show" queryOptions={{ onError }}>
      <ProgramForm />
    </Edit>
  );
}
