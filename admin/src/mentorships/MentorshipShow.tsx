import AddIcon from '@mui/icons-material/Add';
import EditIcon from '@mui/icons-material/Edit';
import {
  Box,
  Button,
  Chip,
  LinearProgress,
  Paper,
  Rating,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { type ReactNode, useState } from 'react';
import {
  Link,
  ListButton,
  ReferenceManyField,
  Show,
  TabbedShowLayout,
  TopToolbar,
  useCreatePath,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { AuditEntryGrid } from '../audit/AuditEntries.tsx';
import type { GoalStatus } from '../generated/graphql.ts';
import { useRecordLoadError } from '../layout/errors.tsx';
import { useFormat } from '../layout/format.ts';
import { ListPagination } from '../layout/ListPagination.tsx';
import { useRoleWords } from '../programs/roles.ts';
import { type GoalRecord, isRunning, type MentorshipRecord, tracksHealth } from '../providers/mentorships.ts';
import { PersonLink } from './fields.tsx';
import { GoalDialog } from './GoalDialog.tsx';
import { HEALTH_LOOK, HealthChip, MentorshipStatusChip } from './health.tsx';
import { LogMeetingButton } from './LogMeetingButton.tsx';
import { PairTransitionButtons } from './PairActions.tsx';

const DAY_MS = 86_400_000;

function PairShowActions() {
  return (
    <TopToolbar sx={{ gap: 1, flexWrap: 'wrap' }}>
      <ListButton />
      <LogMeetingButton />
      <PairTransitionButtons />
    </TopToolbar>
  );
}

/** A label over a value, as on a person's page. */
function Fact({ label, children, note }: { label: string; children: ReactNode; note?: string }) {
  return (
    <Box sx={{ minWidth: 0 }}>
      <Typography variant="caption" color="text.secondary" component="div">
        {label}
      </Typography>
      <Box sx={{ typography: 'body2' }}>{children ?? '—'}</Box>
      {note && (
        <Typography variant="caption" color="text.secondary" component="div">
          {note}
        </Typography>
      )}
    </Box>
  );
}

/** Why the pair has the health it has, in the program's own cadence. */
function HealthNotice({ pair }: { pair: MentorshipRecord }) {
  const translate = useTranslate();
  const format = useFormat();
  const health = pair.health.status;
  const look = HEALTH_LOOK[health];
  const Icon = look.icon;
  const { lastContactAt } = pair.health;
  const since = lastContactAt ?? pair.startedAt;
  const days = Math.max(0, Math.floor((Date.now() - Date.parse(since)) / DAY_MS));
  // One source for "last contact": a pair that has not been in touch says so here as in the facts
  // beside it ("Last contact: Not yet"), never "last in touch today" from its start date.
  const explained = !lastContactAt && (health === 'ON_TRACK' || health === 'DUE_SOON') ? 'NOT_YET' : health;
  return (
    <Paper
      variant="outlined"
      sx={{ display: 'flex', gap: 1.5, alignItems: 'flex-start', p: 1.5, borderLeft: `6px solid ${look.colour}` }}
      role="status"
    >
      <Icon sx={{ color: look.colour === '#ffb300' ? '#b26a00' : look.colour, mt: 0.25 }} />
      <Box>
        <Typography variant="subtitle2">{translate(`kindling.health.${health}`)}</Typography>
        <Typography variant="body2" color="text.secondary">
          {translate(`kindling.pairs.healthExplained.${explained}`, {
            smart_count: days,
            days,
            when: format.relative(since),
            due: format.date(pair.health.nextContactDue),
            every: pair.program.cadence.expectedEveryDays,
            overdue: pair.program.cadence.overdueAfterDays,
          })}
        </Typography>
      </Box>
    </Paper>
  );
}

/** Who, where the pair stands, and the dates that matter. */
function PairHeader() {
  const pair = useRecordContext<MentorshipRecord>();
  const roleWords = useRoleWords(pair?.program);
  const translate = useTranslate();
  const format = useFormat();
  const createPath = useCreatePath();
  if (!pair) return null;
  const tracked = tracksHealth(pair.status);
  const field = (name: string) => translate(`resources.mentorships.fields.${name}`);
  const words = roleWords;
  return (
    <Stack spacing={2} sx={{ px: 2, pt: 2 }}>
      <Stack direction="row" sx={{ gap: 4, alignItems: 'flex-start', flexWrap: 'wrap' }}>
        {[
          { role: 'MENTOR' as const, person: pair.mentor, name: pair.mentorName },
          { role: 'MENTEE' as const, person: pair.mentee, name: pair.menteeName },
        ].map(({ role, person, name }) => (
          <Box key={role}>
            <Typography variant="overline" color="text.secondary" sx={{ lineHeight: 1.5 }}>
              {words.of(role)}
            </Typography>
            <Box sx={{ typography: 'h6' }}>
              <PersonLink person={person} name={name} />
            </Box>
          </Box>
        ))}
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', alignSelf: 'center', ml: { md: 'auto' } }}>
          <MentorshipStatusChip status={pair.status} />
          {tracked && <HealthChip health={pair.health.status} />}
        </Stack>
      </Stack>
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr 1fr', md: 'repeat(4, 1fr)', lg: 'repeat(7, 1fr)' }, gap: 2 }}>
        <Fact label={translate('resources.programs.name', { smart_count: 1 })}>
          <Link to={createPath({ resource: 'programs', id: pair.program.id, type: 'show' })}>{pair.program.name}</Link>
        </Fact>
        <Fact label={field('startedAt')}>{format.date(pair.startedAt)}</Fact>
        <Fact label={field('plannedEndOn')}>{format.date(pair.plannedEndOn)}</Fact>
        <Fact label={field('lastContactAt')} note={pair.health.lastContactAt ? format.relative(pair.health.lastContactAt) : undefined}>
          {pair.health.lastContactAt ? format.date(pair.health.lastContactAt) : translate('kindling.pairs.neverMet')}
        </Fact>
        <Fact label={field('nextContactDue')} note={tracked ? format.relative(pair.health.nextContactDue) : undefined}>
          {tracked ? format.date(pair.health.nextContactDue) : '—'}
        </Fact>
        <Fact label={field('meetingCount')}>{pair.meetingCount}</Fact>
        <Fact label={field('source')}>{translate(`kindling.pairs.source.${pair.source.kind}`)}</Fact>
      </Box>
      {pair.status === 'PAUSED' && pair.pausedAt && (
        <Typography color="text.secondary">{translate('kindling.pairs.pausedSince', { date: format.date(pair.pausedAt) })}</Typography>
      )}
      {pair.endedAt && (
        <Paper variant="outlined" sx={{ p: 1.5 }}>
          <Typography variant="subtitle2">
            {translate(`kindling.pairs.endedOn.${pair.status === 'ENDED_EARLY' ? 'early' : 'completed'}`, {
              date: format.date(pair.endedAt),
            })}
          </Typography>
          {pair.endReason && <Typography variant="body2">“{pair.endReason}”</Typography>}
        </Paper>
      )}
      {tracked && <HealthNotice pair={pair} />}
    </Stack>
  );
}

function goalColour(status: GoalStatus): 'primary' | 'success' | 'inherit' {
  return status === 'DONE' ? 'success' : status === 'DROPPED' ? 'inherit' : 'primary';
}

function GoalCard({ goal, onEdit }: { goal: GoalRecord; onEdit?: () => void }) {
  const translate = useTranslate();
  const format = useFormat();
  const latest = goal.notes.at(-1);
  return (
    <Paper variant="outlined" sx={{ p: 2, opacity: goal.status === 'DROPPED' ? 0.65 : 1 }}>
      <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'flex-start', gap: 1 }}>
        <Box>
          <Typography variant="subtitle1" sx={{ fontWeight: 500 }}>
            {goal.title}
          </Typography>
          {goal.why && (
            <Typography variant="body2" color="text.secondary">
              {goal.why}
            </Typography>
          )}
        </Box>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexShrink: 0 }}>
          <Chip size="small" variant="outlined" label={translate(`kindling.goals.status.${goal.status}`)} />
          {onEdit && (
            <Button
              size="small"
              startIcon={<EditIcon />}
              onClick={onEdit}
              aria-label={translate('kindling.goals.editNamed', { title: goal.title })}
            >
              {translate('ra.action.edit')}
            </Button>
          )}
        </Stack>
      </Stack>
      <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center', mt: 1.5 }}>
        <LinearProgress
          variant="determinate"
          value={goal.progress}
          color={goalColour(goal.status)}
          sx={{ flex: 1, height: 8, borderRadius: 4 }}
          aria-label={translate('kindling.goals.progressOf', { title: goal.title })}
        />
        <Typography variant="body2" sx={{ minWidth: 40, textAlign: 'right', fontVariantNumeric: 'tabular-nums' }}>
          {goal.progress}%
        </Typography>
      </Stack>
      <Stack direction="row" sx={{ gap: 2, mt: 1, flexWrap: 'wrap' }}>
        {goal.targetDate && (
          <Typography variant="caption" color="text.secondary">
            {translate('kindling.goals.target', { date: format.date(goal.targetDate) })}
          </Typography>
        )}
        {latest && (
          <Typography variant="caption" color="text.secondary">
            {translate('kindling.goals.latestNote', { date: format.date(latest.at), text: latest.text })}
          </Typography>
        )}
      </Stack>
    </Paper>
  );
}

/** The pair's plan: goals with their progress. */
function Plan({ pair }: { pair: MentorshipRecord }) {
  const translate = useTranslate();
  const [editing, setEditing] = useState<GoalRecord | null | 'new'>(null);
  const running = isRunning(pair.status);
  return (
    <Box component="section" aria-labelledby="plan-heading">
      <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', mb: 1 }}>
        <Typography id="plan-heading" variant="h6" component="h2">
          {translate('kindling.goals.title')}
        </Typography>
        {running && (
          <Button size="small" startIcon={<AddIcon />} onClick={() => setEditing('new')}>
            {translate('kindling.goals.add')}
          </Button>
        )}
      </Stack>
      {pair.goals.length === 0 ? (
        <Typography color="text.secondary">{translate('kindling.goals.none')}</Typography>
      ) : (
        <Stack spacing={1.5}>
          {pair.goals.map((goal) => (
            <GoalCard key={goal.id} goal={goal} onEdit={running ? () => setEditing(goal) : undefined} />
          ))}
        </Stack>
      )}
      {editing && <GoalDialog mentorshipId={pair.id} goal={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </Box>
  );
}

/** Meetings and check-ins, newest first, on a line. Private notes are the pair's: managers get null and see nothing. */
function MeetingTimeline({ pair }: { pair: MentorshipRecord }) {
  const translate = useTranslate();
  const format = useFormat();
  const meetings = [...pair.meetings].sort((a, b) => b.heldAt.localeCompare(a.heldAt));
  return (
    <Box component="section" aria-labelledby="meetings-heading">
      <Typography id="meetings-heading" variant="h6" component="h2" sx={{ mb: 1 }}>
        {translate('kindling.meetings.timeline', { smart_count: meetings.length })}
      </Typography>
      {meetings.length === 0 ? (
        <Typography color="text.secondary">{translate('kindling.meetings.none')}</Typography>
      ) : (
        <Box component="ol" sx={{ listStyle: 'none', p: 0, m: 0 }} aria-label={translate('kindling.meetings.timelineLabel')}>
          {meetings.map((meeting, index) => (
            <Box
              component="li"
              key={meeting.id}
              sx={{ display: 'grid', gridTemplateColumns: '20px 1fr', columnGap: 1.5, position: 'relative', pb: 2 }}
            >
              <Box sx={{ position: 'relative', display: 'flex', justifyContent: 'center' }} aria-hidden>
                {index < meetings.length - 1 && <Box sx={{ position: 'absolute', top: 14, bottom: -16, width: 2, bgcolor: 'divider' }} />}
                <Box
                  sx={{
                    mt: 0.5,
                    width: 12,
                    height: 12,
                    borderRadius: '50%',
                    bgcolor: meeting.kind === 'MEETING' ? 'primary.main' : 'background.paper',
                    border: 2,
                    borderColor: 'primary.main',
                    zIndex: 1,
                  }}
                />
              </Box>
              <Box>
                <Typography variant="body2" sx={{ fontWeight: 500 }}>
                  {format.dateTime(meeting.heldAt)}
                </Typography>
                <Typography variant="body2" color="text.secondary">
                  {[
                    translate(`kindling.meetings.kind.${meeting.kind}`),
                    translate('kindling.meetings.minutes', { count: meeting.durationMinutes }),
                    translate(`kindling.audit.values.mode.${meeting.mode}`),
                  ].join(' · ')}
                </Typography>
                {meeting.topics.length > 0 && (
                  <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 0.5, mt: 0.5 }} data-user-text>
                    {meeting.topics.map((topic) => (
                      <Chip key={topic} size="small" variant="outlined" label={topic} />
                    ))}
                  </Stack>
                )}
                {meeting.privateNotes && (
                  <Typography variant="body2" sx={{ mt: 0.5, whiteSpace: 'pre-wrap' }}>
                    {meeting.privateNotes}
                  </Typography>
                )}
              </Box>
            </Box>
          ))}
        </Box>
      )}
    </Box>
  );
}

function PlanAndMeetings(_props: { label: false }) {
  const pair = useRecordContext<MentorshipRecord>();
  if (!pair) return null;
  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '3fr 2fr' }, gap: 4, py: 1 }}>
      <Plan pair={pair} />
      <MeetingTimeline pair={pair} />
    </Box>
  );
}

/** Check-in and closing surveys from both sides, then what each wrote at the end. */
function Feedback(_props: { label: false }) {
  const pair = useRecordContext<MentorshipRecord>();
  const roleWords = useRoleWords(pair?.program);
  const translate = useTranslate();
  const format = useFormat();
  if (!pair) return null;
  const words = roleWords;
  const surveys = [...pair.surveys].sort((a, b) => b.submittedAt.localeCompare(a.submittedAt));
  const reflections = [
    { role: 'MENTOR' as const, name: pair.mentorName, text: pair.mentorReflection },
    { role: 'MENTEE' as const, name: pair.menteeName, text: pair.menteeReflection },
  ];
  return (
    <Stack spacing={3} sx={{ py: 1 }}>
      <Box component="section" aria-labelledby="surveys-heading">
        <Typography id="surveys-heading" variant="h6" component="h2" sx={{ mb: 1 }}>
          {translate('kindling.surveys.title')}
        </Typography>
        {surveys.length === 0 ? (
          <Typography color="text.secondary">{translate('kindling.surveys.none')}</Typography>
        ) : (
          <Table size="small" sx={{ '& td': { verticalAlign: 'top' } }}>
            <TableHead>
              <TableRow>
                <TableCell>{translate('kindling.surveys.submittedAt')}</TableCell>
                <TableCell>{translate('kindling.surveys.kindLabel')}</TableCell>
                <TableCell>{translate('kindling.surveys.side')}</TableCell>
                <TableCell>{translate('kindling.surveys.rating')}</TableCell>
                <TableCell>{translate('kindling.surveys.outcomes')}</TableCell>
                <TableCell>{translate('kindling.surveys.comment')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {surveys.map((survey) => (
                <TableRow key={survey.id}>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>{format.date(survey.submittedAt)}</TableCell>
                  <TableCell>{translate(`kindling.surveys.kind.${survey.kind}`)}</TableCell>
                  <TableCell>{words.of(survey.side)}</TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>
                    <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                      <Rating value={survey.rating} max={5} readOnly size="small" aria-hidden />
                      <Typography variant="body2">{translate('kindling.surveys.outOfFive', { rating: survey.rating })}</Typography>
                    </Stack>
                  </TableCell>
                  <TableCell>
                    <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 0.5 }}>
                      {survey.outcomes.length === 0
                        ? '—'
                        : survey.outcomes.map((outcome) => (
                            <Chip key={outcome} size="small" label={translate(`kindling.outcomes.${outcome}`)} />
                          ))}
                    </Stack>
                  </TableCell>
                  <TableCell>{survey.comment ?? '—'}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Box>
      <Box component="section" aria-labelledby="reflections-heading">
        <Typography id="reflections-heading" variant="h6" component="h2" sx={{ mb: 1 }}>
          {translate('kindling.reflections.title')}
        </Typography>
        <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' }, gap: 2 }}>
          {reflections.map(({ role, name, text }) => (
            <Paper key={role} variant="outlined" sx={{ p: 2 }}>
              <Typography variant="caption" color="text.secondary">
                {words.of(role)} · {name}
              </Typography>
              {text ? (
                <Typography sx={{ fontStyle: 'italic', mt: 0.5 }}>“{text}”</Typography>
              ) : (
                <Typography color="text.secondary" sx={{ mt: 0.5 }}>
                  {translate('kindling.reflections.none')}
                </Typography>
              )}
            </Paper>
          ))}
        </Box>
      </Box>
    </Stack>
  );
}

function AuditEmpty() {
  const translate = useTranslate();
  return <Typography color="text.secondary">{translate('kindling.audit.empty')}</Typography>;
}

/**
 * One pair: who, how they are doing, their plan, meetings, feedback and history. Read with its own
 * `meta`, so the list's slimmer rows never stand in for it while it loads.
 */
export function MentorshipShow() {
  const onError = useRecordLoadError();
  return (
    <Show queryOptions={{ onError, meta: { view: 'detail' } }} actions={<PairShowActions />}>
      <PairHeader />
      <TabbedShowLayout>
        <TabbedShowLayout.Tab label="kindling.pairs.tabs.plan">
          <PlanAndMeetings label={false} />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="kindling.pairs.tabs.feedback" path="feedback">
          <Feedback label={false} />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="kindling.pairs.tabs.history" path="history">
          <ReferenceManyField
            reference="audit"
            target="entityId"
            label={false}
            perPage={10}
            pagination={<ListPagination rowsPerPageOptions={[10, 25]} />}
            empty={<AuditEmpty />}
          >
            <AuditEntryGrid showEntity={false} />
          </ReferenceManyField>
        </TabbedShowLayout.Tab>
      </TabbedShowLayout>
    </Show>
  );
}
