import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  CircularProgress,
  MenuItem,
  Skeleton,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  ToggleButton,
  ToggleButtonGroup,
  Typography,
} from '@mui/material';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { lazy, type ReactNode, Suspense, useState } from 'react';
import { Title, useDataProvider, useLocaleState, useStore } from 'react-admin';
import type { ExitScope } from '../generated/graphql.ts';
import { slug, today } from '../layout/download.ts';
import { ExportCsvButton } from '../layout/ExportCsvButton.tsx';
import { useFormat } from '../layout/format.ts';
import { useFocusAreaLabel } from '../participants/focusAreas.ts';
import { useCurrentProgram } from '../programs/currentProgram.tsx';
import type { KindlingDataProvider } from '../providers/dataProvider.ts';
import { RETENTION_TEXT, type RetentionTextKey } from './messages.ts';
import type { RetentionFigures } from './provider.ts';

const charts = import('./RetentionCharts.tsx');
const RetentionCurves = lazy(() => charts.then((m) => ({ default: m.RetentionCurves })));
const ExitReasonBars = lazy(() => charts.then((m) => ({ default: m.ExitReasonBars })));

const ORGANISATION = '*';
const COLOURS = { MENTEES: '#2e7d32', MENTORS: '#1565c0', COMPARISON: '#757575' } as const;

/** The page's words in the console's language, with %{name} filled in. */
function useText() {
  const [locale] = useLocaleState();
  const table = locale === 'nl' ? RETENTION_TEXT.nl : RETENTION_TEXT.en;
  return (key: RetentionTextKey, values: Record<string, string | number> = {}) =>
    (table[key] as string).replace(/%\{(\w+)\}/g, (_m, name: string) => String(values[name] ?? ''));
}

const percent = (x: number | null | undefined, locale: string) =>
  x === null || x === undefined ? '–' : new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(x);
const points = (x: number, locale: string) =>
  new Intl.NumberFormat(locale, { maximumFractionDigits: 1, signDisplay: 'always' }).format(x * 100);

function Panel({ title, children, span = 12 }: { title: string; children: ReactNode; span?: number }) {
  return (
    <Card variant="outlined" sx={{ gridColumn: { xs: 'span 12', md: `span ${span}` } }}>
      <CardContent>
        <Typography variant="h6" component="h2" gutterBottom>
          {title}
        </Typography>
        {children}
      </CardContent>
    </Card>
  );
}

/**
 * Retention and exit insights (issue #21): curves first, then the 12-month gap with its interval,
 * the exit reasons and what mentoring could address. Figures come from the nightly snapshot.
 */
export function RetentionPage() {
  const text = useText();
  const [locale] = useLocaleState();
  const focusLabel = useFocusAreaLabel();
  const dataProvider = useDataProvider<KindlingDataProvider>();
  const queryClient = useQueryClient();
  const { programs } = useCurrentProgram();
  const [chosen, setProgramId] = useStore<string>('kindling.retentionProgram', ORGANISATION);
  const programId = chosen === ORGANISATION ? '' : chosen;
  const [exits, setExits] = useState<ExitScope>('VOLUNTARY');
  const scopeId = programId || null;
  const key = ['kindling', 'retention', scopeId, exits, locale];
  const { data, isPending, error } = useQuery({
    queryKey: key,
    queryFn: ({ signal }) => dataProvider.retentionInsights(scopeId, exits, signal),
  });
  const refresh = useMutation({
    mutationFn: () => dataProvider.refreshRetention(scopeId, exits),
    onSuccess: (figures) => {
      queryClient.setQueryData(key, figures);
      void queryClient.invalidateQueries({ queryKey: ['kindling', 'retention'] });
    },
  });
  const program = programs.find((p) => p.id === programId);

  return (
    <Box sx={{ py: 2 }}>
      <Title title={text('title')} />
      <Stack direction={{ xs: 'column', md: 'row' }} sx={{ alignItems: { md: 'center' }, justifyContent: 'space-between', gap: 2, mb: 2 }}>
        <Typography variant="h5" component="h1">
          {text('title')}: {program ? program.name : text('organisation')}
        </Typography>
        <Stack direction="row" sx={{ gap: 2, alignItems: 'center', flexWrap: 'wrap' }}>
          <TextField
            select
            size="small"
            label={text('scope')}
            value={chosen}
            onChange={(e) => setProgramId(e.target.value)}
            sx={{ width: 300 }}
          >
            <MenuItem value={ORGANISATION}>{text('organisation')}</MenuItem>
            {programs.map((p) => (
              <MenuItem key={p.id} value={p.id}>
                {p.name}
              </MenuItem>
            ))}
          </TextField>
          <ToggleButtonGroup size="small" exclusive value={exits} onChange={(_e, v: ExitScope | null) => v && setExits(v)}>
            <ToggleButton value="VOLUNTARY">{text('voluntary')}</ToggleButton>
            <ToggleButton value="ALL">{text('allExits')}</ToggleButton>
          </ToggleButtonGroup>
          <ExportCsvButton
            load={() => dataProvider.retentionCsv(scopeId, exits)}
            fileName={() => `${text('csvFile')}-${slug(program?.name ?? text('organisation'))}-${today()}.csv`}
          />
          <Button variant="outlined" size="small" onClick={() => refresh.mutate()} disabled={refresh.isPending}>
            {refresh.isPending ? <CircularProgress size={16} /> : text('refresh')}
          </Button>
        </Stack>
      </Stack>
      {error ? <Alert severity="error">{error.message}</Alert> : null}
      {refresh.error ? <Alert severity="error">{refresh.error.message}</Alert> : null}
      {isPending || !data ? (
        <Skeleton variant="rounded" height={320} />
      ) : !data.computedAt ? (
        <Alert severity="info">{text('none')}</Alert>
      ) : (
        <Figures figures={data} text={text} locale={locale} focusLabel={focusLabel} />
      )}
    </Box>
  );
}

function Figures({
  figures,
  text,
  locale,
  focusLabel,
}: {
  figures: RetentionFigures;
  text: ReturnType<typeof useText>;
  locale: string;
  focusLabel: (code: string) => string;
}) {
  const k = figures.minimumGroupSize;
  const format = useFormat();
  const label = (group: keyof typeof COLOURS) => text(group === 'MENTEES' ? 'mentees' : group === 'MENTORS' ? 'mentors' : 'comparison');
  const series = figures.groups
    .filter((g) => !g.suppressed)
    .map((g) => ({ key: g.group, label: `${label(g.group)} (${text('n', { n: g.n })})`, colour: COLOURS[g.group], points: g.curve }));
  const byGroup = Object.fromEntries(figures.groups.map((g) => [g.group, g]));
  const d = figures.difference12;
  const reasons = figures.exitReasons;
  const s = figures.suggestion;
  const areas = (list: readonly string[]) => list.map(focusLabel).join(', ');
  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(12, 1fr)', gap: 2 }}>
      <Panel title={text('curves')}>
        <Suspense fallback={<Skeleton variant="rounded" height={320} />}>
          <RetentionCurves series={series} label={text('curves')} />
        </Suspense>
        <Typography variant="body2" color="text.secondary">
          {text('curvesHelp', { k })}
        </Typography>
        {figures.groups
          .filter((g) => g.suppressed)
          .map((g) => (
            <Typography key={g.group} variant="body2" color="text.secondary">
              {label(g.group)}: {text('suppressed', { k })}
            </Typography>
          ))}
      </Panel>
      <Panel title={text('gap')} span={6}>
        {d && byGroup.MENTEES?.retention12 && byGroup.COMPARISON?.retention12 ? (
          <>
            <Typography variant="h4" component="p" aria-label="retention gap">
              {points(d.estimate, locale)}
            </Typography>
            <Typography>
              {text('gapLine', {
                m: `${percent(byGroup.MENTEES.retention12.estimate, locale)} (${text('n', { n: byGroup.MENTEES.n })})`,
                c: `${percent(byGroup.COMPARISON.retention12.estimate, locale)} (${text('n', { n: byGroup.COMPARISON.n })})`,
                d: points(d.estimate, locale),
                low: points(d.low, locale),
                high: points(d.high, locale),
              })}
            </Typography>
            <GapInterval low={d.low} high={d.high} estimate={d.estimate} />
          </>
        ) : (
          <Typography>{text('gapUnknown')}</Typography>
        )}
        {figures.hazardRatio ? (
          <Typography variant="body2" sx={{ mt: 1 }}>
            {text('hazard', {
              r: figures.hazardRatio.estimate.toFixed(2),
              low: figures.hazardRatio.low.toFixed(2),
              high: figures.hazardRatio.high.toFixed(2),
            })}
          </Typography>
        ) : null}
        <Typography variant="subtitle2" sx={{ mt: 2 }}>
          {text('promotions')}
        </Typography>
        {figures.groups.map((g) => (
          <Typography key={g.group} variant="body2">
            {label(g.group)} ({text('n', { n: g.n })}):{' '}
            {g.promotionsPerPersonYear
              ? `${g.promotionsPerPersonYear.estimate.toFixed(2)} (${g.promotionsPerPersonYear.low.toFixed(2)}–${g.promotionsPerPersonYear.high.toFixed(2)})`
              : text('suppressed', { k })}
          </Typography>
        ))}
      </Panel>
      <Panel title={text('suggestion')} span={6}>
        {s ? (
          <>
            <Typography variant="body1" sx={{ fontWeight: 500 }}>
              {s.menteeShare === null
                ? text('suggestionFew', {
                    reason: s.label.toLowerCase(),
                    share: percent(s.leaverShare, locale),
                    areas: areas(s.focusAreas),
                  })
                : text('suggestionLine', {
                    reason: s.label.toLowerCase(),
                    share: percent(s.leaverShare, locale),
                    mentees: percent(s.menteeShare, locale),
                    areas: areas(s.focusAreas),
                  })}
            </Typography>
            {s.offered.length < s.focusAreas.length ? (
              <Typography variant="body2" color="warning.main" sx={{ mt: 1 }}>
                {text('notOffered', { areas: areas(s.focusAreas.filter((f) => !s.offered.includes(f))) })}
              </Typography>
            ) : null}
          </>
        ) : (
          <Typography>{reasons?.suppressed ? text('reasonsSuppressed', { k }) : '–'}</Typography>
        )}
      </Panel>
      {reasons ? (
        <Panel title={text('reasons')}>
          {reasons.suppressed ? (
            <Typography>{text('reasonsSuppressed', { k })}</Typography>
          ) : (
            <Suspense fallback={<Skeleton variant="rounded" height={reasons.reasons.length * 36 + 16} />}>
              <ExitReasonBars
                label={text('reasons')}
                data={reasons.reasons.map((r) => ({ code: r.code, label: r.label, count: r.count, share: percent(r.share, locale) }))}
              />
            </Suspense>
          )}
          <Typography variant="body2" color="text.secondary">
            {text('reasonsHelp', { n: reasons.leavers, from: reasons.windowStart, to: reasons.windowEnd, k })}
            {reasons.unmapped ? ` ${text('unmapped', { n: reasons.unmapped })}` : ''}
          </Typography>
        </Panel>
      ) : null}
      <Panel title={text('focusTable')}>
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>{text('focusArea')}</TableCell>
              <TableCell align="right">{text('leaverShare')}</TableCell>
              <TableCell align="right">{text('menteeShare')}</TableCell>
              <TableCell>{text('offered')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {figures.focus.map((f) => (
              <TableRow key={f.focusArea}>
                <TableCell>{focusLabel(f.focusArea)}</TableCell>
                <TableCell align="right">{percent(f.leaverShare, locale)}</TableCell>
                <TableCell align="right">{percent(f.menteeShare, locale)}</TableCell>
                <TableCell>{f.inProgram ? text('yes') : text('no')}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Panel>
      <Panel title={text('method')}>
        <Typography variant="body2">
          {text('methodText', {
            unmatched: figures.matching?.unmatchedMentees ?? 0,
            all: (figures.matching?.matchedMentees ?? 0) + (figures.matching?.unmatchedMentees ?? 0),
            k,
          })}
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
          {text('computedAt', { date: figures.computedAt ? format.dateTime(figures.computedAt) : '—', n: figures.employees })}
        </Typography>
      </Panel>
    </Box>
  );
}

/** The 12-month gap as a point on a line from −30 to +30 points, its interval drawn around it. */
function GapInterval({ low, high, estimate }: { low: number; high: number; estimate: number }) {
  const pos = (x: number) => Math.min(100, Math.max(0, 50 + (x * 100 * 50) / 30));
  const at = (x: number) => `${pos(x)}%`;
  return (
    <Box sx={{ position: 'relative', height: 28, mt: 1 }} role="img" aria-label="interval">
      <Box sx={{ position: 'absolute', top: 13, left: 0, right: 0, height: 2, bgcolor: 'divider' }} />
      <Box sx={{ position: 'absolute', top: 4, left: '50%', width: 1, height: 20, bgcolor: 'text.disabled' }} />
      <Box
        sx={{
          position: 'absolute',
          top: 10,
          left: at(low),
          width: `calc(${at(high)} - ${at(low)})`,
          height: 8,
          bgcolor: COLOURS.MENTEES,
          opacity: 0.3,
          borderRadius: 1,
        }}
      />
      <Box
        sx={{
          position: 'absolute',
          top: 6,
          left: `calc(${at(estimate)} - 8px)`,
          width: 16,
          height: 16,
          borderRadius: '50%',
          bgcolor: COLOURS.MENTEES,
        }}
      />
    </Box>
  );
}
