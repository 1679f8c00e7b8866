import { useState } from 'react';
import { Create } from 'react-admin';
import { newIdempotencyKey } from '../providers/idempotency.ts';
import { browserTimeZone } from './languages.ts';
import { PersonForm } from './PersonForm.tsx';

/**
 * One idempotency key per form mount: a second click, or a retry after a lost answer, gets the
 * person the first one created instead of a twin. A new form (after saving) gets a new key.
 */
export function PersonCreate() {
  const [idempotencyKey] = useState(newIdempotencyKey);
  const [defaults] = useState(() => ({ timeZone: browserTimeZone(), languages: [] }));
  return (
    <Create redirect="show" mutationOptions={{ meta: { idempotencyKey } }}>
      <PersonForm defaultValues={defaults} />
    </Create>
  );
}
