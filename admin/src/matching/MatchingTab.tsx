import PlayArrowIcon from '@mui/icons-material/PlayArrow';
import ScienceIcon from '@mui/icons-material/Science';
import {
  Alert,
  Box,
  Button,
  Chip,
  LinearProgress,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useDataProvider, useNotify, useRecordContext, useTranslate } from 'react-admin';
import { useFormat } from '../layout/format.ts';
import type { KindlingDataProvider } from '../providers/dataProvider.ts';
import type { MatchingRunRow } from '../providers/matching.ts';
import type { ProgramRecord } from '../providers/programs.ts';
import { runKey, runsKey, useMatchingError } from './keys.ts';
import { PairRules } from './PairRules.tsx';
import { RunView } from './RunView.tsx';

/** A program's matching: run now or as a dry run, past runs, one run's proposals, pins and blocks. */
export function MatchingTab(_props: { label: false }) {
  const program = useRecordContext<ProgramRecord>();
  const translate = useTranslate();
  const dataProvider = useDataProvider<KindlingDataProvider>();
  const queryClient = useQueryClient();
  const notify = useNotify();
  const describe = useMatchingError();
  const [running, setRunning] = useState<'run' | 'dry' | null>(null);
  const [runError, setRunError] = useState<string>();
  const [runId, setRunId] = useState<string | null>(null);
  const programId = program ? String(program.id) : '';
  const runs = useQuery({
    queryKey: runsKey(programId),
    queryFn: ({ signal }) => dataProvider.matchingRuns(programId, signal).then(({ data }) => data),
    enabled: programId !== '',
  });
  if (!program) return null;

  const run = async (dryRun: boolean) => {
    setRunning(dryRun ? 'dry' : 'run');
    setRunError(undefined);
    try {
      const { data } = await dataProvider.runMatching(programId, dryRun);
      queryClient.setQueryData(runKey(data.id), data);
      setRunId(data.id);
      notify(dryRun ? 'kindling.matching.dryRunDone' : 'kindling.matching.runDone', {
        type: 'success',
        messageArgs: { proposed: data.counts.proposed, unmatched: data.counts.unmatched },
      });
      await queryClient.invalidateQueries({ queryKey: runsKey(programId) });
    } catch (error) {
      setRunError(describe(error));
    } finally {
      setRunning(null);
    }
  };

  return (
    <Stack spacing={3} sx={{ py: 1 }}>
      <Box>
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
          <Button variant="contained" startIcon={<PlayArrowIcon />} disabled={running !== null} onClick={() => run(false)}>
            {running === 'run' ? translate('kindling.matching.running') : translate('kindling.matching.runNow')}
          </Button>
          <Button variant="outlined" startIcon={<ScienceIcon />} disabled={running !== null} onClick={() => run(true)}>
            {running === 'dry' ? translate('kindling.matching.running') : translate('kindling.matching.dryRun')}
          </Button>
          <Typography variant="body2" color="text.secondary">
            {translate('kindling.matching.dryRunHelp')}
          </Typography>
        </Stack>
        {running && <LinearProgress sx={{ mt: 2 }} aria-label={translate('kindling.matching.running')} />}
        {runError && (
          <Alert severity="warning" sx={{ mt: 2 }} onClose={() => setRunError(undefined)}>
            {runError}
          </Alert>
        )}
      </Box>

      {runId && <RunView runId={runId} programId={programId} onOpenRun={setRunId} onClose={() => setRunId(null)} />}

      <Box>
        <Typography variant="h6" gutterBottom>
          {translate('kindling.matching.runs')}
        </Typography>
        {runs.error ? (
          <Alert severity="error">{runs.error.message}</Alert>
        ) : runs.isPending ? (
          <LinearProgress />
        ) : runs.data.length === 0 ? (
          <Typography color="text.secondary">{translate('kindling.matching.noRuns')}</Typography>
        ) : (
          <RunsTable runs={runs.data} selected={runId} onOpen={setRunId} />
        )}
      </Box>

      <PairRules programId={programId} />
    </Stack>
  );
}

function RunsTable({ runs, selected, onOpen }: { runs: MatchingRunRow[]; selected: string | null; onOpen: (id: string) => void }) {
  const translate = useTranslate();
  const { dateTime, number } = useFormat();
  const t = (key: string) => translate(`kindling.matching.${key}`);
  return (
    <Table size="small" aria-label={t('runs')}>
      <TableHead>
        <TableRow>
          <TableCell>{t('when')}</TableCell>
          <TableCell>{t('trigger')}</TableCell>
          <TableCell>{t('kind')}</TableCell>
          <TableCell align="right">{t('proposedOf')}</TableCell>
          <TableCell align="right">{t('unmatchedCount')}</TableCell>
          <TableCell>{t('objectiveLabel')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {runs.map((run) => {
          return (
            <TableRow
              key={run.id}
              hover
              selected={run.id === selected}
              onClick={() => onOpen(run.id)}
              sx={{ cursor: 'pointer' }}
              data-run-id={run.id}
            >
              <TableCell>
                <Button size="small" onClick={() => onOpen(run.id)} sx={{ textTransform: 'none', p: 0, minWidth: 0 }}>
                  {dateTime(run.startedAt)}
                </Button>
              </TableCell>
              <TableCell>{translate(`kindling.matching.triggers.${run.trigger}`)}</TableCell>
              <TableCell>
                {run.dryRun ? (
                  <Chip size="small" variant="outlined" label={t('dryRunChip')} />
                ) : (
                  <Chip size="small" color="primary" label={t('realRunChip')} />
                )}
              </TableCell>
              <TableCell align="right">
                {translate('kindling.matching.ofMentees', { proposed: run.counts.proposed, mentees: run.counts.mentees })}
              </TableCell>
              <TableCell align="right">{run.counts.unmatched}</TableCell>
              <TableCell>
                {translate(`kindling.matching.objectives.${run.settings.objective}`)} · {number(run.objective, 2)}
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
