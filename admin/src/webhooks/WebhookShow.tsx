import { Box, Button, Chip, Paper, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import {
  Datagrid,
  FunctionField,
  List,
  SelectInput,
  TextField,
  TextInput,
  Title,
  useDataProvider,
  useGetOne,
  useNotify,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { useParams } from 'react-router';
import { useFormat } from '../layout/format.ts';
import { ListPagination } from '../layout/ListPagination.tsx';
import type { KindlingDataProvider } from '../providers/dataProvider.ts';
import type { WebhookDeliveryRecord, WebhookRecord } from '../providers/webhooks.ts';
import { WebhookActions } from './WebhookActions.tsx';

const STATUSES = ['PENDING', 'DELIVERED', 'FAILED'] as const;

function RedeliverButton({ delivery }: { delivery: WebhookDeliveryRecord }) {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const dataProvider = useDataProvider<KindlingDataProvider>();
  const [busy, setBusy] = useState(false);
  if (delivery.status !== 'FAILED') return null;
  const redeliver = async () => {
    setBusy(true);
    try {
      const { data } = await dataProvider.redeliverWebhook(String(delivery.id));
      notify(translate(`kindling.webhooks.delivery.${data.status}`), { type: data.status === 'DELIVERED' ? 'success' : 'warning' });
    } catch (e) {
      notify(e instanceof Error ? e.message : String(e), { type: 'error' });
    } finally {
      setBusy(false);
      refresh();
    }
  };
  return (
    <Button size="small" onClick={redeliver} disabled={busy}>
      {translate('kindling.webhooks.redeliver')}
    </Button>
  );
}

/** A subscription and its delivery log: filter by status or event id, redeliver what failed, ping, rotate the secret. */
export function WebhookShow() {
  const { id = '' } = useParams();
  const translate = useTranslate();
  const format = useFormat();
  const { data: hook } = useGetOne<WebhookRecord>('webhooks', { id });
  const filters = [
    <SelectInput
      key="status"
      source="status"
      label={translate('kindling.webhooks.status')}
      choices={STATUSES.map((s) => ({ id: s, name: translate(`kindling.webhooks.delivery.${s}`) }))}
      alwaysOn
    />,
    <TextInput key="eventId" source="eventId" label={translate('kindling.webhooks.eventId')} alwaysOn />,
  ];
  return (
    <Box sx={{ mt: 2 }}>
      <Title title={translate('kindling.webhooks.log')} />
      {hook && (
        <Paper variant="outlined" sx={{ p: 2, mb: 2 }}>
          <Typography variant="subtitle1" component="h1" sx={{ fontFamily: 'monospace', wordBreak: 'break-all' }}>
            {hook.url}
          </Typography>
          {hook.previousSecretExpiresAt && (
            <Typography variant="body2" color="text.secondary">
              {translate('kindling.webhooks.overlapUntil', { at: format.dateTime(hook.previousSecretExpiresAt) })}
            </Typography>
          )}
          <WebhookActions hook={hook} />
        </Paper>
      )}
      <List
        resource="webhookDeliveries"
        filter={{ subscriptionId: id }}
        filters={filters}
        perPage={20}
        pagination={<ListPagination rowsPerPageOptions={[20]} />}
        exporter={false}
        actions={false}
        disableSyncWithLocation
        empty={false}
        title={false}
      >
        <Datagrid bulkActionButtons={false} rowClick={false}>
          <FunctionField
            label={translate('kindling.webhooks.events')}
            render={(d: WebhookDeliveryRecord) => translate(`kindling.webhooks.event.${d.event}`)}
          />
          <TextField source="eventId" label={translate('kindling.webhooks.eventId')} sortable={false} />
          <FunctionField
            label={translate('kindling.webhooks.status')}
            render={(d: WebhookDeliveryRecord) => (
              <Stack spacing={0.25} sx={{ alignItems: 'flex-start' }}>
                <Chip
                  size="small"
                  color={d.status === 'DELIVERED' ? 'success' : d.status === 'FAILED' ? 'error' : 'warning'}
                  label={translate(`kindling.webhooks.delivery.${d.status}`)}
                />
                <Typography variant="caption" color="text.secondary">
                  {translate('kindling.webhooks.attempts', { n: d.attempts })}
                  {d.lastHttpStatus ? ` · HTTP ${d.lastHttpStatus}` : ''}
                  {d.lastError && !d.lastHttpStatus ? ` · ${d.lastError}` : ''}
                </Typography>
              </Stack>
            )}
          />
          <FunctionField
            label={translate('kindling.webhooks.lastAttempt')}
            render={(d: WebhookDeliveryRecord) => (d.lastAttemptAt ? format.dateTime(d.lastAttemptAt) : '—')}
          />
          <FunctionField label="" render={(d: WebhookDeliveryRecord) => <RedeliverButton delivery={d} />} />
        </Datagrid>
      </List>
    </Box>
  );
}
