import { Box, Chip, type ChipProps, Skeleton, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { List, Loading, SelectInput, useListContext, useTranslate } from 'react-admin';
import type { NotificationStatus } from '../generated/graphql.ts';
import { ListLoadError } from '../layout/errors.tsx';
import { useFormat } from '../layout/format.ts';
import { ListPagination } from '../layout/ListPagination.tsx';
import { NoPrograms, ProgramFilterInput, RememberProgram, useCurrentProgram } from '../programs/currentProgram.tsx';
import type { NotificationRecord } from '../providers/notifications.ts';

const STATUSES: NotificationStatus[] = ['PENDING', 'SENDING', 'SENT', 'FAILED'];
const TEMPLATES = [
  'REQUEST_FOLLOW_UP',
  'REQUEST_EXPIRED',
  'PROPOSAL_FOLLOW_UP',
  'PROPOSAL_EXPIRED',
  'APPROVALS_WAITING',
  'NUDGE_DUE',
  'NUDGE_OVERDUE',
  'PAIR_ESCALATED',
  'CHECK_IN_SURVEY',
  'CLOSING_SURVEY',
  'MENTOR_UNRESPONSIVE',
] as const;

function statusLook(status: NotificationStatus): Pick<ChipProps, 'color' | 'variant'> {
  switch (status) {
    case 'SENT':
      return { color: 'success', variant: 'filled' };
    case 'PENDING':
      return { color: 'info', variant: 'outlined' };
    case 'SENDING':
      return { color: 'info', variant: 'filled' };
    case 'FAILED':
      return { color: 'error', variant: 'filled' };
    default: {
      const unknown: never = status;
      return unknown;
    }
  }
}

/** Status in words and colour; a held-back message says why and until when. */
function Status({ n }: { n: NotificationRecord }) {
  const translate = useTranslate();
  const format = useFormat();
  return (
    <Stack spacing={0.5} sx={{ alignItems: 'flex-start' }}>
      <Chip size="small" label={translate(`kindling.notifications.status.${n.status}`)} {...statusLook(n.status)} />
      {n.status === 'PENDING' && n.deferredReason && (
        <Typography variant="caption" color="text.secondary">
          {translate(`kindling.notifications.deferred.${n.deferredReason}`, { _: n.deferredReason })} ·{' '}
          {translate('kindling.notifications.until', { date: format.dateTime(n.notBefore) })}
        </Typography>
      )}
      {n.lastError && (
        <Typography variant="caption" color="error">
          {n.lastError}
        </Typography>
      )}
    </Stack>
  );
}

function Rows() {
  const { data, isPending } = useListContext<NotificationRecord>();
  const translate = useTranslate();
  const format = useFormat();
  if (isPending) return <Skeleton variant="rounded" height={240} sx={{ m: 2 }} />;
  if (!data || data.length === 0) {
    return (
      <Box sx={{ p: 3 }}>
        <Typography variant="h6" component="p">
          {translate('kindling.notifications.none')}
        </Typography>
        <Typography color="text.secondary">{translate('kindling.notifications.noneHelp')}</Typography>
      </Box>
    );
  }
  return (
    <Table size="small" aria-label={translate('kindling.notifications.title')}>
      <TableHead>
        <TableRow>
          <TableCell>{translate('kindling.notifications.columns.status')}</TableCell>
          <TableCell>{translate('kindling.notifications.columns.message')}</TableCell>
          <TableCell>{translate('kindling.notifications.columns.recipient')}</TableCell>
          <TableCell>{translate('kindling.notifications.columns.when')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {data.map((n) => (
          <TableRow key={n.id} hover sx={{ verticalAlign: 'top' }}>
            <TableCell sx={{ width: 200 }}>
              <Status n={n} />
            </TableCell>
            <TableCell>
              <Typography variant="caption" color="text.secondary" component="div">
                {translate(`kindling.notifications.template.${n.template}`)} · {n.locale.toUpperCase()}
              </Typography>
              <details>
                <summary style={{ cursor: 'pointer' }}>
                  <Typography component="span" variant="body2" sx={{ fontWeight: 500 }}>
                    {n.subject}
                  </Typography>
                </summary>
                <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', mt: 1, color: 'text.secondary' }}>
                  {n.text}
                </Typography>
              </details>
            </TableCell>
            <TableCell>
              <Typography variant="body2">{n.recipientName}</Typography>
              <Typography variant="caption" color="text.secondary">
                {n.recipientEmail ?? translate('kindling.notifications.consoleOnly')}
              </Typography>
            </TableCell>
            <TableCell sx={{ whiteSpace: 'nowrap' }}>
              <Typography variant="body2">{format.dateTime(n.sentAt ?? n.createdAt)}</Typography>
              <Typography variant="caption" color="text.secondary">
                {n.channel ? translate('kindling.notifications.via', { channel: n.channel, attempts: n.attempts }) : ''}
              </Typography>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** The outbox of a program, newest first: follow-ups, nudges, surveys and escalations, with their status. */
export function NotificationList() {
  const translate = useTranslate();
  const { programs, program, setProgramId, isPending } = useCurrentProgram();
  if (isPending) return <Loading />;
  if (!program) return <NoPrograms />;
  const filters = [
    <ProgramFilterInput key="programId" source="programId" alwaysOn programs={programs} />,
    <SelectInput
      key="status"
      source="status"
      alwaysOn
      label={translate('kindling.notifications.columns.status')}
      choices={STATUSES.map((id) => ({ id, name: translate(`kindling.notifications.status.${id}`) }))}
    />,
    <SelectInput
      key="template"
      source="template"
      alwaysOn
      label={translate('kindling.notifications.columns.message')}
      choices={TEMPLATES.map((id) => ({ id, name: translate(`kindling.notifications.template.${id}`) }))}
    />,
  ];
  return (
    <List
      filters={filters}
      filterDefaultValues={{ programId: program.id }}
      perPage={25}
      pagination={<ListPagination />}
      exporter={false}
      actions={false}
      error={<ListLoadError />}
      empty={false}
    >
      <RememberProgram onProgram={setProgramId} />
      <Rows />
    </List>
  );
}
