import ArrowForwardIcon from '@mui/icons-material/ArrowForward';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  LinearProgress,
  Rating,
  Skeleton,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  ToggleButton,
  ToggleButtonGroup,
  Typography,
} from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { lazy, type ReactNode, Suspense, useEffect, useState } from 'react';
import { Link, Title, type TranslateFunction, useCreatePath, useDataProvider, useStore, useTranslate } from 'react-admin';
import { useNavigate } from 'react-router';
import type { Health } from '../generated/graphql.ts';
import { useFormat } from '../layout/format.ts';
import { HEALTH_LOOK, HEALTH_ORDER } from '../mentorships/health.tsx';
import { NoPrograms, ProgramSelect } from '../programs/currentProgram.tsx';
import { type KindOfProgram, useRoleWords } from '../programs/roles.ts';
import { DASHBOARD_KEY, type DashboardProgram, type TenantAnalytics } from '../providers/analytics.ts';
import type { KindlingDataProvider } from '../providers/dataProvider.ts';

/**
 * The charts (recharts, the console's largest chunk) load when the first chart is drawn, which is
 * after the figures have painted: parsing them earlier held the figures back on a busy machine.
 */
let charts: Promise<typeof import('./charts.tsx')> | undefined;
const loadCharts = () => {
  charts ??= import('./charts.tsx');
  return charts;
};
const HealthChart = lazy(() => loadCharts().then(({ HealthChart }) => ({ default: HealthChart })));
const OutcomesChart = lazy(() => loadCharts().then(({ OutcomesChart }) => ({ default: OutcomesChart })));
const RolesChart = lazy(() => loadCharts().then(({ RolesChart }) => ({ default: RolesChart })));

type Figures = DashboardProgram['analytics'];
type ProgramAnalytics = DashboardProgram;

/** Two clearly different hues for the roles ring (the theme's primary and secondary are both blue). */
const ROLE_COLOURS: Record<string, string> = { MENTOR: '#00897b', MENTEE: '#1976d2', PAIRED: '#00897b', UNPAIRED: '#bdbdbd' };

/** The pairs list, filtered: what a bar or a figure on the dashboard opens. */
function pairsLink(programId: string, filter: { health?: Health; status?: string } = {}) {
  return { pathname: '/mentorships', search: `?filter=${encodeURIComponent(JSON.stringify({ programId, ...filter }))}` };
}

/** The health chart's bars in reading order, and how many pairs are running. */
function healthBars(figures: Figures, translate: TranslateFunction) {
  const counts = new Map(figures.activeByHealth.map((entry) => [entry.health, entry.count]));
  const data = HEALTH_ORDER.map((health) => ({ health, label: translate(`kindling.health.${health}`), count: counts.get(health) ?? 0 }));
  return { data, running: data.reduce((sum, bar) => sum + bar.count, 0) };
}

function Panel({
  title,
  children,
  action,
  gridColumn,
  labelledBy,
}: {
  title: string;
  children: ReactNode;
  action?: ReactNode;
  gridColumn?: Partial<Record<'xs' | 'sm' | 'md' | 'lg', string>>;
  labelledBy: string;
}) {
  return (
    <Card variant="outlined" component="section" aria-labelledby={labelledBy} sx={{ gridColumn, display: 'flex', flexDirection: 'column' }}>
      <CardContent sx={{ flex: 1, display: 'flex', flexDirection: 'column', gap: 1 }}>
        <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'baseline', gap: 1 }}>
          <Typography id={labelledBy} variant="subtitle1" component="h2" sx={{ fontWeight: 600 }}>
            {title}
          </Typography>
          {action}
        </Stack>
        {children}
      </CardContent>
    </Card>
  );
}

/** A headline figure with a line under it. */
function BigFigure({ value, caption }: { value: ReactNode; caption: ReactNode }) {
  return (
    <Box>
      <Typography variant="h3" component="p" sx={{ fontWeight: 500, lineHeight: 1.1 }}>
        {value}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {caption}
      </Typography>
    </Box>
  );
}

const ChartLoading = ({ height }: { height: number }) => <Skeleton variant="rounded" height={height} />;

/**
 * A chart drawn only after the figures around it have painted: recharts measures and lays out for
 * hundreds of milliseconds on a slow machine, and the numbers should not wait for the pictures.
 */
function DeferredChart({ height, children }: { height: number; children: ReactNode }) {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setPainted(true), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, []);
  return painted ? <Suspense fallback={<ChartLoading height={height} />}>{children}</Suspense> : <ChartLoading height={height} />;
}

/** Quiet words in place of a chart that has nothing to show yet, saying when it will. */
function NothingYet({ title, help }: { title: string; help: string }) {
  return (
    <Box sx={{ py: 3, px: 2, textAlign: 'center', bgcolor: 'action.hover', borderRadius: 1, my: 'auto' }}>
      <Typography sx={{ fontWeight: 500 }}>{title}</Typography>
      <Typography variant="body2" color="text.secondary">
        {help}
      </Typography>
    </Box>
  );
}

/** Across programs one person may hold several enrolments: the organisation's view says enrolments, never people. */
function ParticipantsPanel({
  figures,
  acrossPrograms = false,
  program,
}: {
  figures: Figures;
  acrossPrograms?: boolean;
  program?: KindOfProgram;
}) {
  const translate = useTranslate();
  const format = useFormat();
  const words = useRoleWords(program);
  // Peers count with the mentees; a pair (running or paused) holds two of them.
  const paired = Math.min(figures.mentees, 2 * (figures.activeMentorships + figures.paused));
  const roles = words.peer
    ? [
        { key: 'PAIRED', label: translate('kindling.dashboard.peersPaired', { smart_count: paired }), count: paired },
        {
          key: 'UNPAIRED',
          label: translate('kindling.dashboard.peersUnpaired', { smart_count: figures.mentees - paired }),
          count: figures.mentees - paired,
        },
      ]
    : [
        { key: 'MENTOR', label: words.many('MENTOR', figures.mentors), count: figures.mentors },
        { key: 'MENTEE', label: words.many('MENTEE', figures.mentees), count: figures.mentees },
      ];
  const total = figures.mentors + figures.mentees;
  return (
    <Panel
      title={translate(acrossPrograms ? 'kindling.dashboard.enrolments' : 'kindling.dashboard.participants')}
      labelledBy="participants-title"
      gridColumn={{ xs: 'span 12', md: 'span 6', lg: 'span 3' }}
    >
      <BigFigure
        value={format.number(total)}
        caption={
          words.peer
            ? translate('kindling.dashboard.peersCaption', {
                paired: format.number(paired),
                unpaired: format.number(figures.mentees - paired),
              })
            : program
              ? translate('kindling.dashboard.participantsNamedCaption', {
                  mentors: words.count('MENTOR', figures.mentors),
                  mentees: words.count('MENTEE', figures.mentees),
                })
              : translate(acrossPrograms ? 'kindling.dashboard.enrolmentsCaption' : 'kindling.dashboard.participantsCaption', {
                  mentors: format.number(figures.mentors),
                  mentees: format.number(figures.mentees),
                })
        }
      />
      {words.kind === 'REVERSE' && (
        <BigFigure
          value={format.number(figures.activeMentorships)}
          caption={translate('kindling.dashboard.juniorsMentoring', {
            smart_count: figures.activeMentorships,
            mentor: words.of('MENTOR'),
            mentee: words.of('MENTEE'),
          })}
        />
      )}
      {total > 0 ? (
        <>
          <DeferredChart height={180}>
            <RolesChart data={roles} label={translate('kindling.dashboard.participantsByRole')} colours={ROLE_COLOURS} />
          </DeferredChart>
          <Stack direction="row" sx={{ gap: 2, justifyContent: 'center', flexWrap: 'wrap' }}>
            {roles.map((role) => (
              <Stack key={role.key} direction="row" spacing={0.75} sx={{ alignItems: 'center' }}>
                <Box sx={{ width: 12, height: 12, borderRadius: '50%', bgcolor: ROLE_COLOURS[role.key] }} aria-hidden />
                <Typography variant="body2">
                  {format.number(role.count)} {role.label.toLowerCase()}
                </Typography>
              </Stack>
            ))}
          </Stack>
        </>
      ) : (
        <NothingYet title={translate('kindling.dashboard.noParticipants')} help={translate('kindling.dashboard.noParticipantsHelp')} />
      )}
      {figures.withdrawn > 0 && (
        <Typography variant="body2" color="text.secondary">
          {translate('kindling.dashboard.withdrawn', { smart_count: figures.withdrawn })}
        </Typography>
      )}
    </Panel>
  );
}

/**
 * A group program's circles (ADR 75): open (at the minimum or above) and forming, and its mentees
 * placed in a circle or still waiting for one. Read from the program's circles: a group program
 * has one circle per mentor, so a page of them is all of them.
 */
function CirclesPanel({ program, figures }: { program: ProgramAnalytics; figures: Figures }) {
  const translate = useTranslate();
  const format = useFormat();
  const dataProvider = useDataProvider<KindlingDataProvider>();
  const { data } = useQuery({
    queryKey: ['kindling', 'programCircles', program.id],
    queryFn: ({ signal }) => dataProvider.programCircles(program.id, signal),
  });
  const circles = data?.data ?? [];
  const open = circles.filter((circle) => circle.status === 'ACTIVE').length;
  const forming = circles.filter((circle) => circle.status === 'FORMING').length;
  const placed = circles.filter((circle) => circle.status !== 'CLOSED').reduce((sum, circle) => sum + circle.members.length, 0);
  const waiting = Math.max(0, figures.mentees - placed);
  return (
    <Panel
      title={translate('kindling.dashboard.circles')}
      labelledBy="circles-title"
      gridColumn={{ xs: 'span 12', md: 'span 6', lg: 'span 3' }}
      action={
        <Link to={`/programs/${encodeURIComponent(program.id)}/show/circles`} variant="body2">
          {translate('kindling.dashboard.allCircles')}
        </Link>
      }
    >
      <Box data-testid="dashboard-circles">
        <BigFigure
          value={data ? format.number(open) : '—'}
          caption={translate('kindling.dashboard.circlesCaption', { smart_count: open, forming: format.number(forming) })}
        />
        <BigFigure
          value={data ? format.number(placed) : '—'}
          caption={translate('kindling.dashboard.membersCaption', { smart_count: placed, waiting: format.number(waiting) })}
        />
      </Box>
    </Panel>
  );
}

/** The match rate, and (for one program) the proposals still waiting for the manager, which the rate does not count yet. */
function MatchingPanel({ figures, program }: { figures: Figures; program?: ProgramAnalytics }) {
  const translate = useTranslate();
  const format = useFormat();
  const dataProvider = useDataProvider<KindlingDataProvider>();
  // Asked apart from the figures: a proposals page per program in the figures' list would cost too much.
  const { data } = useQuery({
    queryKey: ['kindling', 'awaitingApproval', program?.id],
    queryFn: ({ signal }) => dataProvider.awaitingApproval(program?.id ?? '', signal),
    enabled: program !== undefined,
  });
  const awaiting = data?.data?.totalCount ?? 0;
  // Nobody matched yet but proposals wait: that is the news, not "0 %".
  const waitingOnly = awaiting > 0 && figures.matchRate === 0;
  return (
    <Panel
      title={translate('kindling.dashboard.matching')}
      labelledBy="matching-title"
      gridColumn={{ xs: 'span 12', sm: 'span 6', lg: 'span 3' }}
    >
      {waitingOnly ? (
        <BigFigure
          value={format.number(awaiting)}
          caption={translate('kindling.dashboard.awaitingApprovalCaption', { smart_count: awaiting })}
        />
      ) : (
        <BigFigure
          value={figures.mentees > 0 ? format.percent(figures.matchRate) : '—'}
          caption={translate('kindling.dashboard.matchRateCaption')}
        />
      )}
      {!waitingOnly && (
        <LinearProgress
          variant="determinate"
          value={Math.round(figures.matchRate * 100)}
          sx={{ height: 8, borderRadius: 4, my: 1 }}
          aria-label={translate('kindling.dashboard.matchRate')}
        />
      )}
      <BigFigure
        value={figures.medianDaysToMatch === null ? '—' : format.number(figures.medianDaysToMatch)}
        caption={translate('kindling.dashboard.medianDaysCaption')}
      />
      {program && awaiting > 0 && (
        <Link to={`/programs/${encodeURIComponent(program.id)}/show/matching`} variant="body2">
          {translate(waitingOnly ? 'kindling.dashboard.reviewProposals' : 'kindling.dashboard.awaitingApproval', {
            smart_count: awaiting,
            count: format.number(awaiting),
          })}
        </Link>
      )}
    </Panel>
  );
}

/** Without a program (the organisation's view) the figures stand without links: the program table links on. */
function PairsPanel({ program, figures }: { program?: ProgramAnalytics; figures: Figures }) {
  const translate = useTranslate();
  const format = useFormat();
  const rows: { key: string; status: string; count: number }[] = [
    { key: 'paused', status: 'PAUSED', count: figures.paused },
    { key: 'completed', status: 'COMPLETED', count: figures.completed },
    { key: 'endedEarly', status: 'ENDED_EARLY', count: figures.endedEarly },
  ];
  return (
    <Panel
      title={translate('kindling.dashboard.pairs')}
      labelledBy="pairs-title"
      gridColumn={{ xs: 'span 12', sm: 'span 6', lg: 'span 3' }}
      action={
        program && (
          <Link to={pairsLink(program.id, { status: 'ACTIVE' })} variant="body2">
            {translate('kindling.dashboard.allPairs')}
          </Link>
        )
      }
    >
      <BigFigure value={format.number(figures.activeMentorships)} caption={translate('kindling.dashboard.activeCaption')} />
      <Stack spacing={0.5} sx={{ mt: 1 }}>
        {rows.map((row) => (
          <Stack key={row.key} direction="row" sx={{ justifyContent: 'space-between' }}>
            {program ? (
              <Link to={pairsLink(program.id, { status: row.status })} variant="body2" color="text.secondary">
                {translate(`kindling.pairs.status.${row.status}`)}
              </Link>
            ) : (
              <Typography variant="body2" color="text.secondary">
                {translate(`kindling.pairs.status.${row.status}`)}
              </Typography>
            )}
            <Typography variant="body2" sx={{ fontVariantNumeric: 'tabular-nums', fontWeight: 500 }}>
              {format.number(row.count)}
            </Typography>
          </Stack>
        ))}
      </Stack>
    </Panel>
  );
}

/** Across programs there is no one cadence to measure against: the bar and the expectation show per program only. */
function MeetingsPanel({ program, figures }: { program?: ProgramAnalytics; figures: Figures }) {
  const translate = useTranslate();
  const format = useFormat();
  const perMonth = figures.meetingsPerPairPerMonth;
  const expected = program ? 30 / program.cadence.expectedEveryDays : null;
  return (
    <Panel
      title={translate('kindling.dashboard.meetings')}
      labelledBy="meetings-title"
      gridColumn={{ xs: 'span 12', md: 'span 6', lg: 'span 3' }}
    >
      <BigFigure value={perMonth === null ? '—' : format.number(perMonth, 2)} caption={translate('kindling.dashboard.perPairPerMonth')} />
      {perMonth !== null && expected !== null && (
        <LinearProgress
          variant="determinate"
          value={Math.min(100, (perMonth / expected) * 100)}
          color={perMonth >= expected * 0.9 ? 'success' : 'warning'}
          sx={{ height: 8, borderRadius: 4, my: 1 }}
          aria-label={translate('kindling.dashboard.perPairPerMonth')}
        />
      )}
      {perMonth !== null && expected !== null && program && (
        <Typography variant="body2" color="text.secondary">
          {translate('kindling.dashboard.expectedPerMonth', {
            expected: format.number(expected, 1),
            every: program.cadence.expectedEveryDays,
          })}
        </Typography>
      )}
      <Typography variant="body2" color="text.secondary" sx={{ mt: 'auto' }}>
        {translate('kindling.dashboard.meetingsTotal', { smart_count: figures.meetings, count: format.number(figures.meetings) })}
      </Typography>
    </Panel>
  );
}

function HealthPanel({ program, figures }: { program: ProgramAnalytics; figures: Figures }) {
  const translate = useTranslate();
  const navigate = useNavigate();
  const { data, running } = healthBars(figures, translate);
  return (
    <Panel
      title={translate('kindling.dashboard.health')}
      labelledBy="health-title"
      gridColumn={{ xs: 'span 12', lg: 'span 7' }}
      action={
        running > 0 && (
          <Typography variant="body2" color="text.secondary">
            {translate('kindling.dashboard.healthHelp')}
          </Typography>
        )
      }
    >
      {running === 0 ? (
        <NothingYet title={translate('kindling.dashboard.noActivePairs')} help={translate('kindling.dashboard.noActivePairsHelp')} />
      ) : (
        <>
          <DeferredChart height={data.length * 52 + 16}>
            <HealthChart
              data={data}
              label={translate('kindling.dashboard.health')}
              onSelect={(health) => navigate(pairsLink(program.id, { health }))}
            />
          </DeferredChart>
          {/* The same four as links: for keyboards and screen readers, and colour is never the only cue. */}
          <Stack
            direction="row"
            component="ul"
            sx={{ flexWrap: 'wrap', gap: 1, listStyle: 'none', p: 0, m: 0 }}
            aria-label={translate('kindling.dashboard.healthLinks')}
          >
            {data.map((bar) => {
              const look = HEALTH_LOOK[bar.health];
              const Icon = look.icon;
              return (
                <li key={bar.health}>
                  <Button
                    component={Link}
                    to={pairsLink(program.id, { health: bar.health })}
                    size="small"
                    variant="outlined"
                    color="inherit"
                    startIcon={<Icon sx={{ color: look.colour === HEALTH_LOOK.DUE_SOON.colour ? '#b26a00' : look.colour }} />}
                    endIcon={<ArrowForwardIcon fontSize="small" />}
                    sx={{ borderColor: look.colour, textTransform: 'none' }}
                  >
                    {bar.label}: {bar.count}
                  </Button>
                </li>
              );
            })}
          </Stack>
        </>
      )}
    </Panel>
  );
}

function RatingLine({ label, value }: { label: string; value: number | null }) {
  const translate = useTranslate();
  const format = useFormat();
  return (
    <Box>
      <Typography variant="body2" color="text.secondary">
        {label}
      </Typography>
      {value === null ? (
        <Typography color="text.secondary">{translate('kindling.dashboard.noRatings')}</Typography>
      ) : (
        <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center' }}>
          <Typography variant="h4" component="p" sx={{ fontWeight: 500 }}>
            {format.number(value, 1)}
          </Typography>
          <Box>
            <Rating value={value} precision={0.1} readOnly aria-hidden />
            <Typography variant="caption" color="text.secondary" component="div">
              {translate('kindling.dashboard.outOfFive')}
            </Typography>
          </Box>
        </Stack>
      )}
    </Box>
  );
}

function SatisfactionPanel({ figures }: { figures: Figures }) {
  const translate = useTranslate();
  return (
    <Panel
      title={translate('kindling.dashboard.satisfaction')}
      labelledBy="satisfaction-title"
      gridColumn={{ xs: 'span 12', sm: 'span 6', lg: 'span 5' }}
    >
      <Stack spacing={2}>
        <RatingLine label={translate('kindling.dashboard.checkIns')} value={figures.averageCheckInRating} />
        <RatingLine label={translate('kindling.dashboard.closing')} value={figures.averageClosingRating} />
      </Stack>
    </Panel>
  );
}

function OutcomesPanel({ figures }: { figures: Figures }) {
  const translate = useTranslate();
  const data = [...figures.outcomes]
    .sort((a, b) => b.count - a.count)
    .map((entry) => ({ key: entry.outcome, label: translate(`kindling.outcomes.${entry.outcome}`), count: entry.count }));
  return (
    <Panel title={translate('kindling.dashboard.outcomes')} labelledBy="outcomes-title" gridColumn={{ xs: 'span 12', lg: 'span 7' }}>
      {data.length === 0 ? (
        <NothingYet title={translate('kindling.dashboard.noOutcomes')} help={translate('kindling.dashboard.noOutcomesHelp')} />
      ) : (
        <DeferredChart height={data.length * 36 + 16}>
          <OutcomesChart data={data} label={translate('kindling.dashboard.outcomes')} />
        </DeferredChart>
      )}
    </Panel>
  );
}

function RequestsPanel({ programId, figures }: { programId: string; figures: Figures }) {
  const translate = useTranslate();
  const format = useFormat();
  const { sent, accepted, declined, expired, open } = figures.requests;
  const rows = [
    { key: 'open', count: open, colour: HEALTH_LOOK.DUE_SOON.colour },
    { key: 'accepted', count: accepted, colour: HEALTH_LOOK.ON_TRACK.colour },
    { key: 'declined', count: declined, colour: HEALTH_LOOK.OVERDUE.colour },
    { key: 'expired', count: expired, colour: HEALTH_LOOK.NEVER_MET.colour },
  ];
  return (
    <Panel
      title={translate('kindling.dashboard.requests')}
      labelledBy="requests-title"
      gridColumn={{ xs: 'span 12', sm: 'span 6', lg: 'span 5' }}
      action={
        <Link to={{ pathname: '/requests', search: `?filter=${encodeURIComponent(JSON.stringify({ programId }))}` }} variant="body2">
          {translate('kindling.dashboard.allRequests')}
        </Link>
      }
    >
      <BigFigure value={format.number(sent)} caption={translate('kindling.dashboard.requestsSent')} />
      {sent === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {translate('kindling.dashboard.noRequests')}
        </Typography>
      ) : (
        <Stack spacing={1} sx={{ mt: 1 }}>
          {rows.map((row) => (
            <Box key={row.key}>
              <Stack direction="row" sx={{ justifyContent: 'space-between' }}>
                <Typography variant="body2">{translate(`kindling.dashboard.requests_${row.key}`)}</Typography>
                <Typography variant="body2" sx={{ fontWeight: 500, fontVariantNumeric: 'tabular-nums' }}>
                  {format.number(row.count)}
                </Typography>
              </Stack>
              <LinearProgress
                variant="determinate"
                value={(row.count / sent) * 100}
                sx={{ height: 6, borderRadius: 3, '& .MuiLinearProgress-bar': { bgcolor: row.colour } }}
                aria-hidden
              />
            </Box>
          ))}
        </Stack>
      )}
    </Panel>
  );
}

/** A program that has not started pairing yet: said plainly, so the empty charts read as "not yet", not "broken". */
function NotStartedNotice({ program }: { program: ProgramAnalytics }) {
  const translate = useTranslate();
  const createPath = useCreatePath();
  const figures = program.analytics;
  if (figures.activeMentorships + figures.completed + figures.endedEarly + figures.paused > 0) return null;
  return (
    <Alert
      severity="info"
      action={
        <Button
          component={Link}
          to={`${createPath({ resource: 'programs', id: program.id, type: 'show' })}/participants`}
          color="inherit"
          size="small"
        >
          {translate('kindling.dashboard.openProgram')}
        </Button>
      }
    >
      {translate(`kindling.dashboard.notStarted.${program.status}`, {
        name: program.name,
        mentors: figures.mentors,
        mentees: figures.mentees,
      })}
    </Alert>
  );
}

function DashboardSkeleton() {
  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(12, 1fr)', gap: 2 }} aria-busy>
      {[3, 3, 3, 3, 7, 5, 7, 5].map((span, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have nothing else to tell them apart
        <Skeleton key={index} variant="rounded" height={index < 4 ? 190 : 260} sx={{ gridColumn: { xs: 'span 12', lg: `span ${span}` } }} />
      ))}
    </Box>
  );
}

/** Each program's running pairs by health, every count a link to that program's pairs in that state. */
function ProgramsPanel({ tenant, onOpen }: { tenant: TenantAnalytics; onOpen: (programId: string) => void }) {
  const translate = useTranslate();
  const format = useFormat();
  const programs = tenant.programs.edges.map((e) => e.node);
  return (
    <Panel title={translate('kindling.dashboard.byProgram')} labelledBy="by-program-title" gridColumn={{ xs: 'span 12' }}>
      <Table size="small" aria-labelledby="by-program-title">
        <TableHead>
          <TableRow>
            <TableCell>{translate('kindling.dashboard.program')}</TableCell>
            <TableCell align="right">{translate('kindling.dashboard.mentees', { smart_count: 2 })}</TableCell>
            <TableCell align="right">{translate('kindling.dashboard.matchRate')}</TableCell>
            {HEALTH_ORDER.map((health) => (
              <TableCell key={health} align="right">
                <Box
                  component="span"
                  sx={{
                    display: 'inline-block',
                    width: 10,
                    height: 10,
                    borderRadius: '50%',
                    bgcolor: HEALTH_LOOK[health].colour,
                    mr: 0.75,
                  }}
                  aria-hidden
                />
                {translate(`kindling.health.${health}`)}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {programs.map((program) => {
            const counts = new Map(program.analytics.activeByHealth.map((h) => [h.health, h.count]));
            return (
              <TableRow key={program.id}>
                <TableCell>
                  <Button size="small" onClick={() => onOpen(program.id)} sx={{ textTransform: 'none', p: 0, minWidth: 0 }}>
                    {program.name}
                  </Button>{' '}
                  <Typography component="span" variant="body2" color="text.secondary">
                    · {translate(`resources.programs.status.${program.status}`)}
                  </Typography>
                </TableCell>
                <TableCell align="right">{format.number(program.analytics.mentees)}</TableCell>
                <TableCell align="right">{format.percent(program.analytics.matchRate)}</TableCell>
                {HEALTH_ORDER.map((health) => {
                  const count = counts.get(health) ?? 0;
                  return (
                    <TableCell key={health} align="right" sx={{ fontVariantNumeric: 'tabular-nums' }}>
                      {count === 0 ? (
                        <Typography component="span" variant="body2" color="text.disabled">
                          0
                        </Typography>
                      ) : (
                        <Link
                          to={pairsLink(program.id, { health })}
                          aria-label={`${program.name}, ${translate(`kindling.health.${health}`)}: ${count}`}
                        >
                          {format.number(count)}
                        </Link>
                      )}
                    </TableCell>
                  );
                })}
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </Panel>
  );
}

/** Running pairs by health across the organisation; a bar opens the program table below it, where each count links on. */
function TenantHealthPanel({ figures }: { figures: Figures }) {
  const translate = useTranslate();
  const { data, running } = healthBars(figures, translate);
  const toTable = () => document.getElementById('by-program-title')?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  return (
    <Panel title={translate('kindling.dashboard.health')} labelledBy="health-title" gridColumn={{ xs: 'span 12', lg: 'span 7' }}>
      {running === 0 ? (
        <NothingYet title={translate('kindling.dashboard.noActivePairs')} help={translate('kindling.dashboard.noActivePairsHelp')} />
      ) : (
        <>
          <DeferredChart height={data.length * 52 + 16}>
            <HealthChart data={data} label={translate('kindling.dashboard.health')} onSelect={toTable} />
          </DeferredChart>
          <Typography variant="body2" color="text.secondary">
            {translate('kindling.dashboard.byProgramHelp')}
          </Typography>
        </>
      )}
    </Panel>
  );
}

/** The organisation at a glance: the same figures over all its programs, and each program's health. */
function TenantDashboard({ onOpen }: { onOpen: (programId: string) => void }) {
  const translate = useTranslate();
  const dataProvider = useDataProvider<KindlingDataProvider>();
  const { data, isPending, error, refetch } = useQuery({
    queryKey: ['kindling', 'analytics', '*'],
    queryFn: ({ signal }) => dataProvider.tenantAnalytics(signal),
  });
  const tenant = data?.data;
  if (error) {
    return (
      <Alert
        severity="error"
        action={
          <Button color="inherit" size="small" onClick={() => refetch()}>
            {translate('kindling.errors.retry')}
          </Button>
        }
      >
        {error.message}
      </Alert>
    );
  }
  if (isPending || !tenant) return <DashboardSkeleton />;
  const figures = tenant.analytics;
  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(12, 1fr)', gap: 2 }}>
      <ParticipantsPanel figures={figures} acrossPrograms />
      <MatchingPanel figures={figures} />
      <PairsPanel figures={figures} />
      <MeetingsPanel figures={figures} />
      <TenantHealthPanel figures={figures} />
      <SatisfactionPanel figures={figures} />
      <OutcomesPanel figures={figures} />
      <ProgramsPanel tenant={tenant} onOpen={onOpen} />
    </Box>
  );
}

/**
 * The console's home: one program's figures at a glance. The program is the console's current one
 * (first running one by default); every figure is kept current by the API, never counted here.
 */
export function Dashboard() {
  const translate = useTranslate();
  const dataProvider = useDataProvider<KindlingDataProvider>();
  // One query for the programs and their figures (prefetched at start when the console opens here).
  const { data, isPending, error, refetch } = useQuery({
    queryKey: DASHBOARD_KEY,
    queryFn: ({ signal }) => dataProvider.dashboard(signal),
    // A prefetched (or earlier) answer shows at once; a fresher one follows in the background.
  });
  const programs = data?.data ?? [];
  const [chosenId, setProgramId] = useStore<string | null>('kindling.currentProgram', null);
  // As useCurrentProgram chooses: the one picked last, else the first running one, else the first.
  const program = programs.find((p) => p.id === chosenId) ?? programs.find((p) => p.status === 'RUNNING') ?? programs[0];
  const [scope, setScope] = useStore<'program' | 'all'>('kindling.dashboardScope', 'program');
  const programId = program?.id;
  const openProgram = (id: string) => {
    setProgramId(id);
    setScope('program');
  };
  const analytics = program;

  return (
    <Box sx={{ py: 2 }}>
      <Title title={translate('kindling.dashboard.title')} />
      <Stack direction={{ xs: 'column', sm: 'row' }} sx={{ alignItems: { sm: 'center' }, justifyContent: 'space-between', gap: 2, mb: 2 }}>
        <Typography variant="h5" component="h1" noWrap>
          {scope === 'all' ? translate('kindling.dashboard.allPrograms') : program ? program.name : translate('kindling.dashboard.title')}
        </Typography>
        <Stack direction="row" sx={{ gap: 2, alignItems: 'center' }}>
          {programs.length > 1 && (
            <ToggleButtonGroup
              size="small"
              exclusive
              value={scope}
              onChange={(_e, value: 'program' | 'all' | null) => value && setScope(value)}
              aria-label={translate('kindling.dashboard.scope')}
            >
              <ToggleButton value="program">{translate('kindling.dashboard.oneProgram')}</ToggleButton>
              <ToggleButton value="all">{translate('kindling.dashboard.allPrograms')}</ToggleButton>
            </ToggleButtonGroup>
          )}
          {programs.length > 0 && scope === 'program' && <ProgramSelect programs={programs} value={programId} onChange={setProgramId} />}
        </Stack>
      </Stack>
      {scope === 'all' && programs.length > 0 ? (
        <TenantDashboard onOpen={openProgram} />
      ) : !isPending && !program ? (
        <NoPrograms />
      ) : error ? (
        <Alert
          severity="error"
          action={
            <Button color="inherit" size="small" onClick={() => refetch()}>
              {translate('kindling.errors.retry')}
            </Button>
          }
        >
          {error.message}
        </Alert>
      ) : isPending ? (
        <DashboardSkeleton />
      ) : !analytics ? (
        <Alert severity="warning">{translate('kindling.participants.programGone')}</Alert>
      ) : (
        <Stack spacing={2}>
          <NotStartedNotice program={analytics} />
          <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(12, 1fr)', gap: 2 }}>
            <ParticipantsPanel figures={analytics.analytics} program={analytics} />
            {analytics.kind === 'GROUP' && <CirclesPanel program={analytics} figures={analytics.analytics} />}
            <MatchingPanel figures={analytics.analytics} program={analytics} />
            <PairsPanel program={analytics} figures={analytics.analytics} />
            <MeetingsPanel program={analytics} figures={analytics.analytics} />
            <HealthPanel program={analytics} figures={analytics.analytics} />
            <SatisfactionPanel figures={analytics.analytics} />
            <OutcomesPanel figures={analytics.analytics} />
            <RequestsPanel programId={analytics.id} figures={analytics.analytics} />
          </Box>
        </Stack>
      )}
    </Box>
  );
}
