import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import {
  Accordion,
  AccordionDetails,
  AccordionSummary,
  Alert,
  Box,
  Chip,
  type ChipProps,
  LinearProgress,
  Paper,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useEffect, useState } from 'react';
import { useDataProvider, useTranslate } from 'react-admin';
import type { ImportStatus } from '../generated/graphql.ts';
import { useFormat } from '../layout/format.ts';
import type { KindlingDataProvider } from '../providers/dataProvider.ts';
import type { ImportJobRecord, ImportProblem } from '../providers/imports.ts';

type ImportJobWithProblems = ImportJobRecord & { problems: ImportProblem[] };

const POLL_MS = 1000;

export const isFinished = (status: ImportStatus) => status === 'DONE' || status === 'FAILED';

/**
 * Follows an import job: reads it every second until it is DONE or FAILED. A failed read (the
 * network, a restart) is shown and retried on the next tick, so the progress never silently stops.
 */
export function useImportJob(jobId: string | null) {
  const dataProvider = useDataProvider<KindlingDataProvider>();
  const [job, setJob] = useState<ImportJobWithProblems | null>(null);
  const [error, setError] = useState<string>();

  useEffect(() => {
    if (!jobId) return;
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const { data } = await dataProvider.importJob(jobId, controller.signal);
        if (controller.signal.aborted) return;
        setError(undefined);
        if (data) setJob(data);
        if (data && isFinished(data.status)) return;
      } catch (failure) {
        if (controller.signal.aborted) return;
        setError(failure instanceof Error ? failure.message : String(failure));
      }
      timer = setTimeout(poll, POLL_MS);
    };
    void poll();
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [dataProvider, jobId]);

  return { job, error };
}

function statusLook(status: ImportStatus): Pick<ChipProps, 'color' | 'variant'> {
  switch (status) {
    case 'QUEUED':
      return { color: 'default', variant: 'outlined' };
    case 'RUNNING':
      return { color: 'info', variant: 'filled' };
    case 'DONE':
      return { color: 'success', variant: 'filled' };
    case 'FAILED':
      return { color: 'error', variant: 'filled' };
    default: {
      const unknown: never = status;
      return unknown;
    }
  }
}

export function ImportStatusChip({ status }: { status: ImportStatus }) {
  const translate = useTranslate();
  return <Chip size="small" label={translate(`kindling.imports.status.${status}`)} {...statusLook(status)} />;
}

/** The bar while a job runs: how far it is, in rows, and that it goes on if the dialog closes. */
export function ImportProgress({ job, error }: { job: ImportJobRecord | null; error?: string }) {
  const translate = useTranslate();
  const percent = Math.round((job?.progress ?? 0) * 100);
  return (
    <Stack spacing={1.5} sx={{ py: 2 }}>
      <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between' }}>
        <Typography variant="subtitle1">
          {job
            ? translate(job.kind === 'PAIRS' ? 'kindling.pairImports.progress' : 'kindling.imports.progress', {
                processed: job.processed,
                accepted: job.accepted,
              })
            : translate('kindling.imports.queued')}
        </Typography>
        {job && <ImportStatusChip status={job.status} />}
      </Stack>
      <LinearProgress
        variant={job && job.status !== 'QUEUED' ? 'determinate' : 'indeterminate'}
        value={percent}
        sx={{ height: 10, borderRadius: 5 }}
        aria-label={translate('kindling.imports.progressLabel', { percent })}
      />
      <Typography variant="body2" color="text.secondary">
        {translate('kindling.imports.keepsRunning')}
      </Typography>
      {error && <Alert severity="warning">{translate('kindling.imports.pollFailed', { error })}</Alert>}
    </Stack>
  );
}

function Figure({ label, value, tone }: { label: string; value: number; tone?: 'success' | 'error' | 'warning' }) {
  const { number } = useFormat();
  return (
    <Paper variant="outlined" sx={{ px: 2, py: 1.5, minWidth: 120, flex: '1 1 0' }}>
      <Typography variant="h5" component="div" color={value > 0 && tone ? `${tone}.main` : 'text.primary'}>
        {number(value)}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {label}
      </Typography>
    </Paper>
  );
}

/** What a finished import did: the counts, then every row that was not taken, and the warnings folded. */
export function ImportResult({ job }: { job: ImportJobWithProblems }) {
  const translate = useTranslate();
  const notTaken = job.problems.filter((p) => p.kind !== 'WARNING');
  const warnings = job.problems.filter((p) => p.kind === 'WARNING');
  const pairs = job.kind === 'PAIRS';
  // A pair import counts pairs, and what it adds to pairs it brought in before.
  const label = (name: 'created' | 'updated' | 'doneSummary') => `kindling.${pairs ? 'pairImports' : 'imports'}.${name}`;
  return (
    <Stack spacing={2}>
      {job.status === 'FAILED' ? (
        <Alert severity="error">{translate('kindling.imports.failedJob', { error: job.error ?? '' })}</Alert>
      ) : (
        <Alert severity={notTaken.length > 0 ? 'warning' : 'success'}>
          {translate(label('doneSummary'), {
            taken: job.created + job.updated + job.unchanged,
            total: job.total,
            fileName: job.fileName,
          })}
        </Alert>
      )}
      <Stack direction="row" sx={{ gap: 1.5, flexWrap: 'wrap' }} aria-label={translate('kindling.imports.figures')}>
        <Figure label={translate(label('created'))} value={job.created} tone="success" />
        <Figure label={translate(label('updated'))} value={job.updated} />
        <Figure label={translate('kindling.imports.unchanged')} value={job.unchanged} />
        <Figure label={translate('kindling.imports.failed')} value={job.failed} tone="error" />
        <Figure label={translate('kindling.imports.rejected')} value={job.rejected} tone="warning" />
      </Stack>
      {notTaken.length > 0 && (
        <Box>
          <Typography variant="subtitle1" component="h3" gutterBottom>
            {translate('kindling.imports.notTaken', { smart_count: notTaken.length })}
          </Typography>
          <ProblemsTable problems={notTaken} showKind pairs={pairs} />
        </Box>
      )}
      {warnings.length > 0 && <WarningsAccordion warnings={warnings} />}
    </Stack>
  );
}

/** Rows with a line number (as a spreadsheet shows it), who they are (a person, or a pair), and every reason. */
export function ProblemsTable({
  problems,
  showKind = false,
  pairs = false,
}: {
  problems: readonly ImportProblem[];
  showKind?: boolean;
  pairs?: boolean;
}) {
  const translate = useTranslate();
  return (
    <Table size="small" sx={{ '& td': { verticalAlign: 'top' }, '& th': { whiteSpace: 'nowrap' } }}>
      <TableHead>
        <TableRow>
          <TableCell sx={{ width: 64 }}>{translate('kindling.imports.line')}</TableCell>
          {showKind && <TableCell>{translate('kindling.imports.kind')}</TableCell>}
          {pairs ? (
            <TableCell>{translate('kindling.pairImports.pair')}</TableCell>
          ) : (
            <>
              <TableCell>{translate('kindling.imports.fields.EXTERNAL_ID')}</TableCell>
              <TableCell>{translate('resources.people.fields.displayName')}</TableCell>
              <TableCell>{translate('kindling.imports.fields.EMAIL')}</TableCell>
            </>
          )}
          <TableCell>{translate('kindling.imports.reasons')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {problems.map((problem) => (
          <TableRow key={`${problem.kind}:${problem.line}`}>
            <TableCell sx={{ fontVariantNumeric: 'tabular-nums', fontWeight: 500 }}>{problem.line}</TableCell>
            {showKind && (
              <TableCell>
                <Chip
                  size="small"
                  variant="outlined"
                  color={problem.kind === 'FAILED' ? 'error' : problem.kind === 'REJECTED' ? 'warning' : 'default'}
                  label={translate(`kindling.imports.problemKind.${problem.kind}`)}
                />
              </TableCell>
            )}
            {pairs ? (
              <TableCell sx={{ overflowWrap: 'anywhere' }}>{problem.name || '—'}</TableCell>
            ) : (
              <>
                <TableCell>{problem.externalId ?? '—'}</TableCell>
                <TableCell>{problem.name || '—'}</TableCell>
                <TableCell sx={{ overflowWrap: 'anywhere' }}>{problem.email || '—'}</TableCell>
              </>
            )}
            <TableCell>
              {problem.reasons.map((reason) => (
                <Typography key={reason} variant="body2">
                  {reason}
                </Typography>
              ))}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** Warnings do not stop a row; there can be hundreds, so they start folded. */
export function WarningsAccordion({ warnings }: { warnings: readonly ImportProblem[] }) {
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  return (
    <Accordion expanded={open} onChange={(_event, expanded) => setOpen(expanded)} disableGutters variant="outlined">
      <AccordionSummary expandIcon={<ExpandMoreIcon />}>
        <Typography>{translate('kindling.imports.warnings', { smart_count: warnings.length })}</Typography>
      </AccordionSummary>
      {/* Rendered only when opened: hundreds of rows would slow the dialog for nothing. */}
      <AccordionDetails sx={{ maxHeight: 400, overflow: 'auto' }}>{open && <ProblemsTable problems={warnings} />}</AccordionDetails>
    </Accordion>
  );
}
