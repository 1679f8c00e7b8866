import { Alert, Button } from '@mui/material';
import { useState } from 'react';
import { Edit, useEditContext, useNotify, useTranslate } from 'react-admin';
import { useRecordLoadError } from '../layout/errors.tsx';
import { GraphQLRequestError } from '../providers/graphqlClient.ts';
import { fieldErrorsOf } from '../providers/problems.ts';
import { PersonForm } from './PersonForm.tsx';

type Conflict = 'stale' | 'reloaded' | null;

/** Said on the form itself, with the way out: reload the latest version, keeping what you typed. */
function ConflictNotice({ conflict, onReloaded }: { conflict: Conflict; onReloaded: () => void }) {
  const { refetch } = useEditContext();
  const translate = useTranslate();
  if (conflict === 'reloaded') {
    return <Alert severity="info">{translate('kindling.conflict.reloaded')}</Alert>;
  }
  if (conflict !== 'stale') return null;
  return (
    <Alert
      severity="warning"
      action={
        <Button color="inherit" size="small" onClick={() => refetch().then(onReloaded)}>
          {translate('kindling.conflict.reload')}
        </Button>
      }
    >
      {translate('kindling.conflict.person')}
    </Alert>
  );
}

/**
 * Pessimistic, like programs: the update carries the version it was read at. A stale version is
 * refused with CONFLICT; the form then says so and offers to reload. Reloading keeps the fields
 * the manager changed (`keepDirtyValues`) and takes everyone else's changes for the rest.
 */
export function PersonEdit() {
  const onLoadError = useRecordLoadError();
  const notify = useNotify();
  const [conflict, setConflict] = useState<Conflict>(null);

  const onError = (error: unknown) => {
    if (error instanceof GraphQLRequestError && error.code === 'CONFLICT') {
      setConflict('stale');
      return;
    }
    // Field problems are on the inputs, and listed by the form's own notification.
    if (fieldErrorsOf(error)) return;
    const message = error instanceof Error ? error.message : String(error);
    notify(message, { type: 'error', messageArgs: { _: message } });
  };

  return (
    <Edit mutationMode="pessimistic" redirect="show" queryOptions={{ onError: onLoadError }} mutationOptions={{ onError }}>
      <PersonForm
        warnWhenUnsavedChanges
        resetOptions={{ keepDirtyValues: true }}
        notice={<ConflictNotice conflict={conflict} onReloaded={() => setConflict('reloaded')} />}
      />
    </Edit>
  );
}
