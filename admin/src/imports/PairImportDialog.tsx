import CloudUploadIcon from '@mui/icons-material/CloudUpload';
import PlayArrowIcon from '@mui/icons-material/PlayArrow';
import {
  Alert,
  AlertTitle,
  Box,
  Button,
  Chip,
  CircularProgress,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
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
import { type ChangeEvent, useEffect, useId, useState } from 'react';
import { useDataProvider, useRefresh, useTranslate } from 'react-admin';
import type { KindlingDataProvider } from '../providers/dataProvider.ts';
import { newIdempotencyKey } from '../providers/idempotency.ts';
import type { PairImportPreview } from '../providers/imports.ts';
import { describeProblem, problemsOf } from '../providers/problems.ts';
import type { ProgramRecord } from '../providers/programs.ts';
import { MAX_FILE_BYTES, readCsvFile } from './csvFile.ts';
import { ImportProgress, ImportResult, isFinished, ProblemsTable, useImportJob } from './ImportReport.tsx';

const COLUMNS = ['mentor', 'mentee', 'startDate', 'plannedEnd', 'goals', 'meetings'] as const;

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The first accepted pairs, as the import will write them. */
function PairSample({ preview }: { preview: PairImportPreview }) {
  const translate = useTranslate();
  const t = (key: string) => translate(`kindling.pairImports.${key}`);
  return (
    <Table size="small" aria-label={t('sample')} sx={{ '& td': { verticalAlign: 'top' } }}>
      <TableHead>
        <TableRow>
          <TableCell>{translate('kindling.imports.line')}</TableCell>
          <TableCell>{t('pair')}</TableCell>
          <TableCell>{t('started')}</TableCell>
          <TableCell>{t('plannedEnd')}</TableCell>
          <TableCell>{t('meetings')}</TableCell>
          <TableCell>{t('lastMeeting')}</TableCell>
          <TableCell>{t('goals')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {preview.sample.map((row) => (
          <TableRow key={row.line}>
            <TableCell sx={{ fontVariantNumeric: 'tabular-nums' }}>{row.line}</TableCell>
            <TableCell sx={{ overflowWrap: 'anywhere' }}>
              {row.mentor} → {row.mentee}
            </TableCell>
            <TableCell>{row.startedOn}</TableCell>
            <TableCell>{row.plannedEndOn}</TableCell>
            <TableCell sx={{ fontVariantNumeric: 'tabular-nums' }}>{row.meetings}</TableCell>
            <TableCell>{row.lastMeetingOn ?? '—'}</TableCell>
            <TableCell>
              <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 0.5 }}>
                {row.goals.length === 0 ? '—' : row.goals.map((goal) => <Chip key={goal} size="small" label={goal} />)}
              </Stack>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** Which column the API read for each field, so a misnamed header shows before anything is imported. */
function ColumnsRead({ preview }: { preview: PairImportPreview }) {
  const translate = useTranslate();
  return (
    <Stack direction="row" sx={{ gap: 1, flexWrap: 'wrap' }} aria-label={translate('kindling.pairImports.columnsFound')}>
      {COLUMNS.map((field, i) => {
        const header = preview.columns[i];
        return (
          <Chip
            key={field}
            variant="outlined"
            color={header ? 'default' : 'warning'}
            label={`${translate(`kindling.pairImports.columns.${field}`)}: ${header || translate('kindling.pairImports.notFound')}`}
          />
        );
      })}
    </Stack>
  );
}

/**
 * Import pairs that already run elsewhere: choose the spreadsheet, see what it would bring (every
 * rejected row with its reasons, the first pairs as they will be read), start, follow the progress,
 * read the result. One idempotency key per opening, so a double click starts one import.
 */
export function PairImportDialog({ program, open, onClose }: { program: ProgramRecord; open: boolean; onClose: () => void }) {
  const translate = useTranslate();
  const dataProvider = useDataProvider<KindlingDataProvider>();
  const refresh = useRefresh();
  const titleId = useId();
  const inputId = useId();
  const [idempotencyKey] = useState(newIdempotencyKey);
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const [preview, setPreview] = useState<PairImportPreview | null>(null);
  const [error, setError] = useState<string[]>([]);
  const [loading, setLoading] = useState(false);
  const [starting, setStarting] = useState(false);
  const [jobId, setJobId] = useState<string | null>(null);
  const { job, error: pollError } = useImportJob(jobId);
  const finished = job !== null && isFinished(job.status);

  useEffect(() => {
    if (finished) refresh();
  }, [finished, refresh]);

  useEffect(() => {
    if (!file) return;
    const controller = new AbortController();
    setLoading(true);
    setError([]);
    dataProvider
      .previewPairImport({ programId: program.id, csv: file.text }, controller.signal)
      .then(
        ({ data }) => {
          if (!controller.signal.aborted) setPreview(data);
        },
        (failure: unknown) => {
          if (controller.signal.aborted) return;
          setPreview(null);
          const found = problemsOf(failure);
          const label = (field: string) =>
            field.startsWith('mapping.') ? translate(`kindling.pairImports.columns.${field.slice('mapping.'.length)}`) : field;
          setError(found.length > 0 ? found.map((p) => `${label(p.field)}: ${describeProblem(p, translate)}`) : [messageOf(failure)]);
        },
      )
      .finally(() => {
        if (!controller.signal.aborted) setLoading(false);
      });
    return () => controller.abort();
  }, [dataProvider, file, program.id, translate]);

  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0];
    event.target.value = '';
    if (!chosen) return;
    if (chosen.size > MAX_FILE_BYTES) {
      setError([translate('kindling.imports.tooLarge', { size: Math.round(chosen.size / 1_000_000) })]);
      return;
    }
    const { text } = await readCsvFile(chosen);
    setPreview(null);
    setFile({ name: chosen.name, text });
  };

  const start = async () => {
    if (!file) return;
    setStarting(true);
    try {
      const { data } = await dataProvider.startPairImport({ programId: program.id, csv: file.text }, file.name, idempotencyKey);
      setJobId(data.id);
    } catch (failure) {
      setError([messageOf(failure)]);
    } finally {
      setStarting(false);
    }
  };

  const close = () => {
    if (jobId) refresh();
    onClose();
  };
  const rejected = preview?.rejected.length ?? 0;
  const canStart = preview !== null && !loading && preview.accepted > 0 && !starting;

  return (
    <Dialog open={open} onClose={close} maxWidth="lg" fullWidth scroll="paper" aria-labelledby={titleId}>
      <DialogTitle id={titleId}>{translate('kindling.pairImports.title', { program: program.name })}</DialogTitle>
      <Box sx={{ height: 4 }}>{loading && !jobId && <LinearProgress aria-label={translate('kindling.imports.reading')} />}</Box>
      <DialogContent dividers>
        {jobId ? (
          job && finished ? (
            <ImportResult job={job} />
          ) : (
            <ImportProgress job={job} error={pollError} />
          )
        ) : (
          <Stack spacing={3}>
            <Paper variant="outlined" sx={{ p: 2, display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap' }}>
              <Button component="label" htmlFor={inputId} variant={file ? 'outlined' : 'contained'} startIcon={<CloudUploadIcon />}>
                {translate(file ? 'kindling.imports.chooseOther' : 'kindling.imports.choose')}
              </Button>
              <input id={inputId} type="file" accept=".csv,.txt,text/csv" hidden onChange={choose} />
              <Typography variant="body2" color="text.secondary" sx={{ flex: '1 1 320px' }}>
                {translate('kindling.pairImports.chooseHelp')}
              </Typography>
            </Paper>
            {error.length > 0 && (
              <Alert severity="error">
                <AlertTitle>{translate('kindling.imports.cannotRead')}</AlertTitle>
                {error.map((line) => (
                  <div key={line}>{line}</div>
                ))}
              </Alert>
            )}
            {preview && (
              <Stack spacing={3} sx={{ opacity: loading ? 0.6 : 1 }}>
                <ColumnsRead preview={preview} />
                <Alert severity={rejected > 0 ? 'warning' : 'success'} variant="outlined">
                  <AlertTitle>
                    {translate('kindling.pairImports.willImport', { accepted: preview.accepted, total: preview.total })}
                  </AlertTitle>
                  {rejected > 0
                    ? translate('kindling.imports.willReject', { smart_count: rejected })
                    : translate('kindling.imports.noneRejected')}
                  {preview.alreadyImported > 0 && (
                    <div>{translate('kindling.pairImports.alreadyImported', { smart_count: preview.alreadyImported })}</div>
                  )}
                </Alert>
                {rejected > 0 && (
                  <Box>
                    <Typography variant="h6" component="h3" gutterBottom>
                      {translate('kindling.pairImports.rejectedTitle', { smart_count: rejected })}
                    </Typography>
                    <Paper variant="outlined">
                      <ProblemsTable problems={preview.rejected} pairs />
                    </Paper>
                  </Box>
                )}
                {preview.sample.length > 0 && (
                  <Box>
                    <Typography variant="h6" component="h3">
                      {translate('kindling.pairImports.sample')}
                    </Typography>
                    <Typography variant="body2" color="text.secondary" gutterBottom>
                      {translate('kindling.pairImports.sampleHelp')}
                    </Typography>
                    <PairSample preview={preview} />
                  </Box>
                )}
              </Stack>
            )}
          </Stack>
        )}
      </DialogContent>
      <DialogActions>
        {jobId ? (
          <Button onClick={close} variant={finished ? 'contained' : 'text'}>
            {translate(finished ? 'kindling.imports.done' : 'kindling.imports.closeRunning')}
          </Button>
        ) : (
          <>
            <Button onClick={close}>{translate('ra.action.cancel')}</Button>
            <Button
              onClick={start}
              variant="contained"
              disabled={!canStart}
              startIcon={starting ? <CircularProgress size={16} color="inherit" /> : <PlayArrowIcon />}
            >
              {preview
                ? translate('kindling.pairImports.startCount', { smart_count: preview.accepted })
                : translate('kindling.imports.start')}
            </Button>
          </>
        )}
      </DialogActions>
    </Dialog>
  );
}
