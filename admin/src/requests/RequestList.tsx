import FormatQuoteIcon from '@mui/icons-material/FormatQuote';
import { Box, Chip, type ChipProps, Paper, Stack, Typography } from '@mui/material';
import { Link, List, Loading, useCreatePath, useTranslate } from 'react-admin';
import type { RequestStatus } from '../generated/graphql.ts';
import { CardList } from '../layout/CardList.tsx';
import { ListLoadError } from '../layout/errors.tsx';
import { useFormat } from '../layout/format.ts';
import { ListPagination } from '../layout/ListPagination.tsx';
import { useFocusAreaLabel } from '../participants/focusAreas.ts';
import { NoPrograms, ProgramFilterInput, RememberProgram, useCurrentProgram } from '../programs/currentProgram.tsx';
import type { RequestRecord } from '../providers/requests.ts';
import { RequestActions } from './RequestActions.tsx';

function statusLook(status: RequestStatus): Pick<ChipProps, 'color' | 'variant'> {
  switch (status) {
    case 'OPEN':
      return { color: 'info', variant: 'filled' };
    case 'ACCEPTED':
      return { color: 'success', variant: 'filled' };
    case 'DECLINED':
      return { color: 'warning', variant: 'outlined' };
    case 'WITHDRAWN':
    case 'EXPIRED':
    case 'CLOSED':
      return { color: 'default', variant: 'outlined' };
    default: {
      const unknown: never = status;
      return unknown;
    }
  }
}

function RequestStatusChip({ status }: { status: RequestStatus }) {
  const translate = useTranslate();
  return <Chip size="small" label={translate(`kindling.requests.status.${status}`)} {...statusLook(status)} />;
}

/** Who asks whom; each name links to the person while they exist. */
function Names({ request }: { request: RequestRecord }) {
  const translate = useTranslate();
  const createPath = useCreatePath();
  const name = (person: { id: string } | null, text: string) =>
    person ? <Link to={createPath({ resource: 'people', id: person.id, type: 'show' })}>{text}</Link> : text;
  return (
    <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 500 }}>
      {name(request.mentee, request.menteeName)}{' '}
      <Typography component="span" color="text.secondary">
        {translate('kindling.requests.asks')}
      </Typography>{' '}
      {name(request.mentor, request.mentorName)}
    </Typography>
  );
}

/** When it was sent, when it expires (or when it was answered), and the answer's reason. */
function Timing({ request }: { request: RequestRecord }) {
  const translate = useTranslate();
  const format = useFormat();
  const createPath = useCreatePath();
  const open = request.status === 'OPEN';
  const expired = open && Date.parse(request.expiresAt) <= Date.now();
  return (
    <Stack spacing={0.25} sx={{ minWidth: 200 }}>
      <Typography variant="body2" color="text.secondary">
        {translate('kindling.requests.sent', { date: format.date(request.createdAt) })}
      </Typography>
      {open && (
        <Typography variant="body2" sx={{ color: expired ? 'error.main' : 'text.secondary', fontWeight: expired ? 500 : 400 }}>
          {translate(expired ? 'kindling.requests.expiredOn' : 'kindling.requests.expires', {
            date: format.date(request.expiresAt),
            relative: format.relative(request.expiresAt),
          })}
        </Typography>
      )}
      {request.answeredAt && (
        <Typography variant="body2" color="text.secondary">
          {translate('kindling.requests.answered', { date: format.date(request.answeredAt) })}
        </Typography>
      )}
      {request.reason && <Typography variant="body2">“{request.reason}”</Typography>}
      {request.mentorship && (
        <Link to={createPath({ resource: 'mentorships', id: request.mentorship.id, type: 'show' })} variant="body2">
          {translate('kindling.requests.viewPair')}
        </Link>
      )}
    </Stack>
  );
}

/** The mentee's introduction: why this mentor, what about, how much of their time. */
function Introduction({ request }: { request: RequestRecord }) {
  const translate = useTranslate();
  const focusArea = useFocusAreaLabel();
  const { introduction } = request;
  return (
    <Stack spacing={1} sx={{ flex: 1, minWidth: 0 }}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
        <FormatQuoteIcon fontSize="small" color="disabled" aria-hidden />
        <Box>
          <Typography variant="caption" color="text.secondary" component="div">
            {translate('kindling.requests.whyThisMentor')}
          </Typography>
          <Typography variant="body2">{introduction.whyThisMentor}</Typography>
        </Box>
      </Stack>
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: 'auto 1fr' }, columnGap: 2, rowGap: 0.5, pl: 3.5 }}>
        <Typography variant="caption" color="text.secondary">
          {translate('kindling.requests.focusAreas')}
        </Typography>
        <Stack direction="row" sx={{ gap: 0.5, flexWrap: 'wrap' }}>
          {introduction.focusAreas.map((area) => (
            <Chip key={area} size="small" label={focusArea(area)} />
          ))}
        </Stack>
        <Typography variant="caption" color="text.secondary">
          {translate('kindling.requests.timeAsked')}
        </Typography>
        <Typography variant="body2">{introduction.timeAsked}</Typography>
        {introduction.message && (
          <>
            <Typography variant="caption" color="text.secondary">
              {translate('kindling.requests.message')}
            </Typography>
            <Typography variant="body2">{introduction.message}</Typography>
          </>
        )}
      </Box>
    </Stack>
  );
}

function RequestCard({ request }: { request: RequestRecord }) {
  return (
    <Paper variant="outlined" component="article" sx={{ p: 2 }} aria-label={`${request.menteeName} → ${request.mentorName}`}>
      <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center', gap: 1, flexWrap: 'wrap', mb: 1.5 }}>
        <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center' }}>
          <RequestStatusChip status={request.status} />
          <Names request={request} />
        </Stack>
        <RequestActions request={request} />
      </Stack>
      <Stack direction={{ xs: 'column', md: 'row' }} sx={{ gap: 3 }}>
        <Introduction request={request} />
        <Timing request={request} />
      </Stack>
    </Paper>
  );
}

/** A program's requests, newest first, each with the mentee's introduction; open ones can be answered here. */
export function RequestList() {
  const { programs, program, setProgramId, isPending } = useCurrentProgram();
  if (isPending) return <Loading />;
  if (!program) return <NoPrograms />;
  const filters = [<ProgramFilterInput key="programId" source="programId" alwaysOn programs={programs} />];
  return (
    <List
      filters={filters}
      filterDefaultValues={{ programId: program.id }}
      perPage={10}
      pagination={<ListPagination />}
      exporter={false}
      actions={false}
      error={<ListLoadError />}
      empty={false}
    >
      <RememberProgram onProgram={setProgramId} />
      <CardList<RequestRecord> placeholderHeight={140} none="kindling.requests.none" noneHelp="kindling.requests.noneHelp">
        {(request) => <RequestCard key={request.id} request={request} />}
      </CardList>
    </List>
  );
}
