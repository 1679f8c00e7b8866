import { Alert, AlertTitle, Button } from '@mui/material';
import { useListContext, useNotify, useRedirect, useResourceContext, useTranslate } from 'react-admin';

/** In place of a list that failed to load: the reason in words and a way to retry. */
export function ListLoadError() {
  const { error, refetch } = useListContext();
  const translate = useTranslate();
  return (
    <Alert
      severity="error"
      sx={{ m: 2 }}
      action={
        <Button color="inherit" size="small" onClick={() => refetch()}>
          {translate('kindling.errors.retry')}
        </Button>
      }
    >
      <AlertTitle>{translate('kindling.errors.title')}</AlertTitle>
      {error?.message}
    </Alert>
  );
}

/**
 * For Show and Edit: react-admin's default says "element does not exist" for any failure. Say
 * what the API said instead, then go back to the list.
 */
export function useRecordLoadError() {
  const notify = useNotify();
  const redirect = useRedirect();
  const resource = useResourceContext();
  return (error: Error) => {
    notify(error.message, { type: 'error' });
    redirect('list', resource);
  };
}
