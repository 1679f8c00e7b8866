import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, Stack, TextField } from '@mui/material';
import { useId, useState } from 'react';
import { Link, useCreatePath, useDataProvider, useNotify, useRefresh, useTranslate } from 'react-admin';
import type { KindlingDataProvider } from '../providers/dataProvider.ts';
import type { WebhookRecord } from '../providers/webhooks.ts';

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Shows a rotated secret once, and until when the old one still signs. */
function SecretDialog({ secret, onClose }: { secret: string; onClose: () => void }) {
  const translate = useTranslate();
  const titleId = useId();
  return (
    <Dialog open onClose={onClose} maxWidth="md" fullWidth aria-labelledby={titleId}>
      <DialogTitle id={titleId}>{translate('kindling.webhooks.rotated')}</DialogTitle>
      <DialogContent>
        <DialogContentText sx={{ mb: 2 }}>{translate('kindling.webhooks.secretOnce')}</DialogContentText>
        <TextField label={translate('kindling.webhooks.secret')} value={secret} slotProps={{ input: { readOnly: true } }} fullWidth />
        <DialogContentText sx={{ mt: 2 }}>{translate('kindling.webhooks.overlapHelp')}</DialogContentText>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{translate('ra.action.close')}</Button>
      </DialogActions>
    </Dialog>
  );
}

/** Ping, rotate the secret (24 hours' overlap), and the way to the delivery log. */
export function WebhookActions({ hook }: { hook: WebhookRecord }) {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const createPath = useCreatePath();
  const dataProvider = useDataProvider<KindlingDataProvider>();
  const [busy, setBusy] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    try {
      await work();
    } catch (e) {
      notify(message(e), { type: 'error' });
    } finally {
      setBusy(false);
      refresh();
    }
  };
  const ping = () =>
    run(async () => {
      const { data } = await dataProvider.pingWebhook(String(hook.id));
      notify(
        data.status === 'DELIVERED'
          ? translate('kindling.webhooks.pingDelivered', { status: data.lastHttpStatus })
          : translate('kindling.webhooks.pingFailed', { error: data.lastError ?? '' }),
        { type: data.status === 'DELIVERED' ? 'success' : 'warning' },
      );
    });
  const rotate = () =>
    run(async () => {
      const { data } = await dataProvider.rotateWebhookSecret(hook, 24);
      setSecret(data.secret);
    });
  return (
    <Stack direction="row" sx={{ gap: 1, flexWrap: 'wrap' }}>
      <Button size="small" onClick={ping} disabled={busy}>
        {translate('kindling.webhooks.ping')}
      </Button>
      <Button size="small" onClick={rotate} disabled={busy}>
        {translate('kindling.webhooks.rotate')}
      </Button>
      <Button size="small" component={Link} to={createPath({ resource: 'webhooks', id: hook.id, type: 'show' })}>
        {translate('kindling.webhooks.log')}
      </Button>
      {secret && <SecretDialog secret={secret} onClose={() => setSecret(null)} />}
    </Stack>
  );
}
