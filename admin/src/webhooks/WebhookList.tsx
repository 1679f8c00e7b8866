import { Box, Button, Chip, Paper, Skeleton, Stack, Typography } from '@mui/material';
import { CreateButton, List, TopToolbar, useListContext, useNotify, useTranslate, useUpdate } from 'react-admin';
import { ListLoadError } from '../layout/errors.tsx';
import { useFormat } from '../layout/format.ts';
import { ListPagination } from '../layout/ListPagination.tsx';
import type { WebhookRecord } from '../providers/webhooks.ts';
import { WebhookActions } from './WebhookActions.tsx';

function LastDelivery({ hook }: { hook: WebhookRecord }) {
  const translate = useTranslate();
  const format = useFormat();
  const last = hook.lastDelivery;
  if (!last)
    return (
      <Typography variant="body2" color="text.secondary">
        {translate('kindling.webhooks.noDeliveries')}
      </Typography>
    );
  const color = last.status === 'DELIVERED' ? 'success' : last.status === 'FAILED' ? 'error' : 'warning';
  return (
    <Stack spacing={0.25} sx={{ alignItems: 'flex-start' }}>
      <Chip size="small" color={color} label={translate(`kindling.webhooks.delivery.${last.status}`)} />
      <Typography variant="caption" color="text.secondary">
        {translate(`kindling.webhooks.event.${last.event}`)} · {format.dateTime(last.at)}
        {last.httpStatus !== null && last.httpStatus !== undefined ? ` · HTTP ${last.httpStatus}` : ''}
      </Typography>
      {last.error && (
        <Typography variant="caption" color="error">
          {last.error}
        </Typography>
      )}
    </Stack>
  );
}

function PauseButton({ hook }: { hook: WebhookRecord }) {
  const translate = useTranslate();
  const notify = useNotify();
  const [update, { isPending }] = useUpdate();
  const toggle = () =>
    update(
      'webhooks',
      {
        id: hook.id,
        data: { url: hook.url, events: hook.events, description: hook.description, active: !hook.active },
        previousData: hook,
      },
      { onError: (e) => notify(e instanceof Error ? e.message : String(e), { type: 'error' }) },
    );
  return (
    <Button size="small" onClick={toggle} disabled={isPending}>
      {translate(hook.active ? 'kindling.webhooks.pause' : 'kindling.webhooks.resume')}
    </Button>
  );
}

function Cards() {
  const { data, isPending } = useListContext<WebhookRecord>();
  const translate = useTranslate();
  if (isPending) return <Skeleton variant="rounded" height={120} sx={{ m: 2 }} />;
  if (!data || data.length === 0) {
    return (
      <Box sx={{ p: 3 }}>
        <Typography variant="h6" component="p">
          {translate('kindling.webhooks.none')}
        </Typography>
        <Typography color="text.secondary">{translate('kindling.webhooks.noneHelp')}</Typography>
      </Box>
    );
  }
  return (
    <Stack spacing={2} sx={{ p: 2 }}>
      {data.map((hook) => (
        <Paper key={hook.id} variant="outlined" component="article" sx={{ p: 2 }} aria-label={hook.url}>
          <Stack direction={{ xs: 'column', md: 'row' }} sx={{ gap: 2, justifyContent: 'space-between' }}>
            <Stack spacing={1} sx={{ minWidth: 0 }}>
              <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                <Chip
                  size="small"
                  variant={hook.active ? 'filled' : 'outlined'}
                  color={hook.active ? 'success' : 'default'}
                  label={translate(hook.active ? 'kindling.webhooks.active' : 'kindling.webhooks.paused')}
                />
                <Typography variant="subtitle1" component="h2" sx={{ fontFamily: 'monospace', wordBreak: 'break-all' }}>
                  {hook.url}
                </Typography>
              </Stack>
              {hook.description && <Typography variant="body2">{hook.description}</Typography>}
              <Stack direction="row" sx={{ gap: 0.5, flexWrap: 'wrap' }}>
                {hook.events.map((e) => (
                  <Chip key={e} size="small" variant="outlined" label={translate(`kindling.webhooks.event.${e}`)} />
                ))}
              </Stack>
            </Stack>
            <Stack spacing={1} sx={{ minWidth: 220, alignItems: 'flex-start' }}>
              <LastDelivery hook={hook} />
              <PauseButton hook={hook} />
              <WebhookActions hook={hook} />
            </Stack>
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}

/** The organisation's webhook subscriptions with the last delivery of each. */
export function WebhookList() {
  return (
    <List
      perPage={10}
      pagination={<ListPagination rowsPerPageOptions={[10]} />}
      exporter={false}
      actions={
        <TopToolbar>
          <CreateButton />
        </TopToolbar>
      }
      error={<ListLoadError />}
      empty={false}
    >
      <Cards />
    </List>
  );
}
