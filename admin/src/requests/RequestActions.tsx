import CheckIcon from '@mui/icons-material/Check';
import CloseIcon from '@mui/icons-material/Close';
import { Button, Dialog, DialogContent, DialogContentText, DialogTitle, Stack } from '@mui/material';
import { useId, useState } from 'react';
import { useDataProvider, useNotify, useRefresh, useTranslate } from 'react-admin';
import { describeError, isConflict } from '../layout/conflicts.ts';
import { DialogButtons, DialogError } from '../layout/DialogButtons.tsx';
import { ReasonDialog } from '../layout/ReasonDialog.tsx';
import type { KindlingDataProvider } from '../providers/dataProvider.ts';
import type { RequestRecord } from '../providers/requests.ts';

function AcceptDialog({ request, onClose }: { request: RequestRecord; onClose: () => void }) {
  const translate = useTranslate();
  const dataProvider = useDataProvider<KindlingDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const titleId = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const names = { mentor: request.mentorName, mentee: request.menteeName };

  const accept = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await dataProvider.answerRequest(request, 'ACCEPT');
      notify('kindling.requests.accepted', { type: 'success', messageArgs: names });
      refresh();
      onClose();
    } catch (failure) {
      if (isConflict(failure)) refresh();
      setError(describeError(failure, 'request', translate));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open onClose={busy ? undefined : onClose} maxWidth="sm" fullWidth aria-labelledby={titleId}>
      <DialogTitle id={titleId}>{translate('kindling.requests.acceptTitle', names)}</DialogTitle>
      <DialogContent>
        <DialogContentText>{translate('kindling.requests.acceptExplained', names)}</DialogContentText>
        <DialogError error={error} />
      </DialogContent>
      <DialogButtons
        busy={busy}
        onCancel={onClose}
        onConfirm={accept}
        label={translate('kindling.requests.acceptConfirm')}
        color="success"
        icon={<CheckIcon />}
      />
    </Dialog>
  );
}

/** A manager answers an open request on the mentor's behalf: accept (starts the pair) or decline with a reason. */
export function RequestActions({ request }: { request: RequestRecord }) {
  const translate = useTranslate();
  const dataProvider = useDataProvider<KindlingDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [dialog, setDialog] = useState<'accept' | 'decline' | null>(null);
  if (request.status !== 'OPEN') return null;
  const names = { mentor: request.mentorName, mentee: request.menteeName };

  const decline = async (reason: string) => {
    try {
      await dataProvider.answerRequest(request, 'DECLINE', reason);
    } catch (failure) {
      if (isConflict(failure)) refresh();
      throw new Error(describeError(failure, 'request', translate));
    }
    setDialog(null);
    notify('kindling.requests.declined', { type: 'info', messageArgs: names });
    refresh();
  };

  return (
    <Stack direction="row" spacing={1}>
      <Button size="small" variant="contained" color="success" startIcon={<CheckIcon />} onClick={() => setDialog('accept')}>
        {translate('kindling.requests.accept')}
      </Button>
      <Button size="small" variant="outlined" color="inherit" startIcon={<CloseIcon />} onClick={() => setDialog('decline')}>
        {translate('kindling.requests.decline')}
      </Button>
      {dialog === 'accept' && <AcceptDialog request={request} onClose={() => setDialog(null)} />}
      <ReasonDialog
        open={dialog === 'decline'}
        onClose={() => setDialog(null)}
        title={translate('kindling.requests.declineTitle', names)}
        explanation={translate('kindling.requests.declineExplained', names)}
        reasonLabel={translate('kindling.requests.declineReason')}
        confirmLabel={translate('kindling.requests.declineConfirm')}
        color="warning"
        icon={<CloseIcon />}
        onConfirm={decline}
      />
    </Stack>
  );
}
