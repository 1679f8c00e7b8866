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
  MenuItem,
  Paper,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import Papa from 'papaparse';
import { type ChangeEvent, useEffect, useId, useMemo, useState } from 'react';
import { useDataProvider, useRefresh, useTranslate } from 'react-admin';
import type { ImportField, ParticipantRole } from '../generated/graphql.ts';
import { useFocusAreaLabel } from '../participants/focusAreas.ts';
import type { KindlingDataProvider } from '../providers/dataProvider.ts';
import { newIdempotencyKey } from '../providers/idempotency.ts';
import type { ImportPreview, ImportRequest } from '../providers/imports.ts';
import { describeProblem, problemsOf } from '../providers/problems.ts';
import type { ProgramRecord } from '../providers/programs.ts';
import { type Encoding, fieldOfPath, IMPORT_FIELDS, MAX_FILE_BYTES, REQUIRED_FIELDS, readCsvFile } from './csvFile.ts';
import { type Decisions, identityChoices, PlannedChanges, undecided } from './ImportPlan.tsx';
import { ImportProgress, ImportResult, isFinished, ProblemsTable, useImportJob, WarningsAccordion } from './ImportReport.tsx';

interface ChosenFile {
  name: string;
  text: string;
  encoding: Encoding;
}

type Overrides = Partial<Record<ImportField, number>>;

interface PreviewAnswer {
  request: ImportRequest;
  preview: ImportPreview | null;
  /** Why the API could not read the file with this mapping, per field. */
  problems: string[];
  /** The fields those problems are about, to mark in the mapping table. */
  missing: ImportField[];
  error?: string;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Reads the file again whenever the mapping or the default role changes, and only ever shows the
 * answer to the latest question: an older preview still on its way is cancelled.
 */
function usePreview(programId: string, file: ChosenFile | null, overrides: Overrides, defaultRole: ParticipantRole | '') {
  const dataProvider = useDataProvider<KindlingDataProvider>();
  const translate = useTranslate();
  // The last answer, with the request it answers: while a newer one is on its way the old one stays
  // on screen (dimmed), unless it was about another file.
  const [answer, setAnswer] = useState<PreviewAnswer | null>(null);

  const request = useMemo<ImportRequest | null>(() => {
    if (!file) return null;
    const mapping = Object.entries(overrides).map(([field, column]) => ({ field: field as ImportField, column: column as number }));
    return { programId, csv: file.text, mapping: mapping.length > 0 ? mapping : null, defaultRole: defaultRole || null };
  }, [programId, file, overrides, defaultRole]);

  useEffect(() => {
    if (!request) return;
    const controller = new AbortController();
    dataProvider.previewImport(request, controller.signal).then(
      ({ data }) => {
        if (!controller.signal.aborted) setAnswer({ request, preview: data, problems: [], missing: [] });
      },
      (failure: unknown) => {
        if (controller.signal.aborted) return;
        const found = problemsOf(failure);
        const problems = found.map((problem) => {
          const field = fieldOfPath(problem.field);
          if (field && problem.rule === 'required') {
            return translate('kindling.imports.noColumn', { field: translate(`kindling.imports.fields.${field}`) });
          }
          const label = field
            ? translate(`kindling.imports.fields.${field}`)
            : translate(`kindling.imports.paths.${problem.field}`, { _: problem.field });
          return `${label}: ${describeProblem(problem, translate)}`;
        });
        const missing = found.flatMap((problem) => fieldOfPath(problem.field) ?? []);
        setAnswer((last) => ({
          request,
          // A refused mapping keeps the last good preview's mapping on screen, to be corrected.
          preview: last?.request.csv === request.csv ? last.preview : null,
          problems,
          missing,
          error: found.length === 0 ? messageOf(failure) : undefined,
        }));
      },
    );
    return () => controller.abort();
  }, [dataProvider, request, translate]);

  const current = answer && request && answer.request.csv === request.csv ? answer : null;
  return {
    request,
    preview: current?.preview ?? null,
    problems: current?.problems ?? [],
    missing: current?.missing ?? [],
    error: current?.error,
    loading: request !== null && answer?.request !== request,
  };
}

function DelimiterName({ delimiter }: { delimiter: string }) {
  const translate = useTranslate();
  const names: Record<string, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'pipe' };
  const name = names[delimiter];
  return <>{name ? translate(`kindling.imports.delimiters.${name}`) : `“${delimiter}”`}</>;
}

/** Field → column, one dropdown per field; changing one reads the file again. */
function MappingTable({
  headers,
  guessed,
  overrides,
  onChange,
  defaultRole,
  missing,
}: {
  /** Fields the API could not find a column for: marked until the manager picks one. */
  missing: readonly ImportField[];
  headers: readonly string[];
  /** The mapping the API used last time: its guesses with the manager's choices on top. */
  guessed: ImportPreview['mapping'];
  overrides: Overrides;
  onChange: (field: ImportField, column: number | null) => void;
  defaultRole: ParticipantRole | '';
}) {
  const translate = useTranslate();
  const used = new Map(guessed.map((assignment) => [assignment.field, assignment.column]));
  return (
    <Table size="small" aria-label={translate('kindling.imports.mapping')} sx={{ '& td': { py: 0.5 } }}>
      <TableHead>
        <TableRow>
          <TableCell>{translate('kindling.imports.field')}</TableCell>
          <TableCell>{translate('kindling.imports.column')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {IMPORT_FIELDS.map((field) => {
          const column = overrides[field] ?? used.get(field);
          // The API keeps a column it recognised by its header; "not in this file" only undoes your own choice.
          const canClear = column === undefined || overrides[field] !== undefined;
          const required = REQUIRED_FIELDS.includes(field) || (field === 'ROLE' && !defaultRole);
          const label = translate(`kindling.imports.fields.${field}`);
          return (
            <TableRow key={field}>
              <TableCell component="th" scope="row" sx={{ whiteSpace: 'nowrap' }}>
                {label}
                {required && (
                  <Typography component="span" color="error" aria-hidden>
                    {' '}
                    *
                  </Typography>
                )}
              </TableCell>
              <TableCell sx={{ width: '60%' }}>
                <TextField
                  select
                  size="small"
                  fullWidth
                  hiddenLabel
                  margin="none"
                  value={column === undefined ? '' : String(column)}
                  onChange={(event) => onChange(field, event.target.value === '' ? null : Number(event.target.value))}
                  error={column === undefined && missing.includes(field)}
                  slotProps={{
                    select: { displayEmpty: true },
                    htmlInput: { 'aria-label': translate('kindling.imports.columnFor', { field: label }) },
                  }}
                >
                  {canClear && (
                    <MenuItem value="">
                      <em>{translate('kindling.imports.notInFile')}</em>
                    </MenuItem>
                  )}
                  {headers.map((header, index) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: a column is its position in the file; headers may repeat or be blank
                    <MenuItem key={index} value={String(index)}>
                      {translate('kindling.imports.columnOption', { number: index + 1, header: header || '—' })}
                    </MenuItem>
                  ))}
                </TextField>
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}

/** The first accepted rows, as the import will read them. */
function SampleTable({ preview }: { preview: ImportPreview }) {
  const translate = useTranslate();
  const focusArea = useFocusAreaLabel();
  if (preview.sample.length === 0) {
    return <Typography color="text.secondary">{translate('kindling.imports.noSample')}</Typography>;
  }
  return (
    <Table size="small" aria-label={translate('kindling.imports.sample')} sx={{ '& td': { verticalAlign: 'top' } }}>
      <TableHead>
        <TableRow>
          <TableCell>{translate('kindling.imports.line')}</TableCell>
          <TableCell>{translate('resources.people.fields.displayName')}</TableCell>
          <TableCell>{translate('kindling.imports.fields.ROLE')}</TableCell>
          <TableCell>{translate('kindling.imports.fields.REASONS')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {preview.sample.map((row) => (
          <TableRow key={row.line}>
            <TableCell sx={{ fontVariantNumeric: 'tabular-nums' }}>{row.line}</TableCell>
            <TableCell>
              <Typography variant="body2">{row.name}</Typography>
              <Typography variant="caption" color="text.secondary" sx={{ overflowWrap: 'anywhere' }}>
                {row.email}
              </Typography>
            </TableCell>
            <TableCell>{row.roles.map((role) => translate(`kindling.enrolment.role.${role}`)).join(', ')}</TableCell>
            <TableCell>
              <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 0.5 }}>
                {row.reasons.length === 0 ? '—' : row.reasons.map((reason) => <Chip key={reason} size="small" label={focusArea(reason)} />)}
              </Stack>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function FileFacts({ file, delimiter, total }: { file: ChosenFile; delimiter: string; total: number | null }) {
  const translate = useTranslate();
  return (
    <Stack direction="row" sx={{ gap: 1, flexWrap: 'wrap' }} aria-label={translate('kindling.imports.aboutFile')}>
      <Chip label={file.name} />
      <Chip variant="outlined" label={translate(`kindling.imports.encoding.${file.encoding === 'utf-8' ? 'utf8' : 'windows1252'}`)} />
      <Chip
        variant="outlined"
        label={
          <>
            {translate('kindling.imports.delimiter')}: <DelimiterName delimiter={delimiter} />
          </>
        }
      />
      {total !== null && <Chip variant="outlined" label={translate('kindling.imports.rows', { smart_count: total })} />}
    </Stack>
  );
}

/** What the import would do: the totals, every rejected row with its reasons, and the warnings folded. */
function PreviewSummary({ preview }: { preview: ImportPreview }) {
  const translate = useTranslate();
  const rejected = preview.rejected.length;
  return (
    <>
      <Alert severity={rejected > 0 ? 'warning' : 'success'} variant="outlined">
        <AlertTitle>{translate('kindling.imports.willImport', { accepted: preview.accepted, total: preview.total })}</AlertTitle>
        {rejected > 0 ? translate('kindling.imports.willReject', { smart_count: rejected }) : translate('kindling.imports.noneRejected')}
      </Alert>
      {rejected > 0 && (
        <Box>
          <Typography variant="h6" component="h3" gutterBottom>
            {translate('kindling.imports.rejectedTitle', { smart_count: rejected })}
          </Typography>
          <Paper variant="outlined">
            <ProblemsTable problems={preview.rejected} />
          </Paper>
        </Box>
      )}
      {preview.warnings.length > 0 && <WarningsAccordion warnings={preview.warnings} />}
    </>
  );
}

/** The header row and delimiter, read here too: when the API cannot read the file with the mapping it guessed, the manager still gets columns to choose from. */
function readHeaders(text: string): { headers: string[]; delimiter: string } {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { preview: 1, delimitersToGuess: [',', ';', '\t', '|'] });
  return { headers: (parsed.data[0] ?? []).map((header) => header.trim()), delimiter: parsed.meta.delimiter };
}

/**
 * Import participants from an HR export: choose the file, check how it will be read (mapping,
 * totals, every rejected row), start, follow the progress, read the result. One idempotency key
 * per opening, so a double click or a retry starts one import.
 */
export function ImportDialog({ program, open, onClose }: { program: ProgramRecord; open: boolean; onClose: () => void }) {
  const translate = useTranslate();
  const dataProvider = useDataProvider<KindlingDataProvider>();
  const refresh = useRefresh();
  const titleId = useId();
  const inputId = useId();
  const [idempotencyKey] = useState(newIdempotencyKey);
  const [file, setFile] = useState<ChosenFile | null>(null);
  const [fileError, setFileError] = useState<string>();
  const [reading, setReading] = useState(false);
  const [overrides, setOverrides] = useState<Overrides>({});
  const [defaultRole, setDefaultRole] = useState<ParticipantRole | ''>('');
  const [starting, setStarting] = useState(false);
  const [startError, setStartError] = useState<string>();
  const [jobId, setJobId] = useState<string | null>(null);
  const [decisions, setDecisions] = useState<Decisions>({});
  const { request, preview, problems, missing, error, loading } = usePreview(program.id, file, overrides, defaultRole);
  const { job, error: pollError } = useImportJob(jobId);
  const finished = job !== null && isFinished(job.status);
  const local = useMemo(() => (file ? readHeaders(file.text) : null), [file]);
  const headers = preview?.headers ?? local?.headers ?? [];
  // A preview that the latest mapping could not produce is not shown: it would describe another mapping.
  const readable = preview !== null && problems.length === 0;

  // The participants list and the imports tab show what the import did, once it is done.
  useEffect(() => {
    if (finished) refresh();
  }, [finished, refresh]);

  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0];
    event.target.value = '';
    if (!chosen) return;
    setFileError(undefined);
    if (chosen.size > MAX_FILE_BYTES) {
      setFileError(translate('kindling.imports.tooLarge', { size: Math.round(chosen.size / 1_000_000) }));
      return;
    }
    setReading(true);
    try {
      const { text, encoding } = await readCsvFile(chosen);
      setOverrides({});
      setDecisions({});
      setFile({ name: chosen.name, text, encoding });
    } catch (failure) {
      setFileError(messageOf(failure));
    } finally {
      setReading(false);
    }
  };

  const changeMapping = (field: ImportField, column: number | null) =>
    setOverrides((current) => {
      const next = { ...current };
      if (column === null) delete next[field];
      else next[field] = column;
      return next;
    });

  const start = async () => {
    if (!request || !file) return;
    setStarting(true);
    setStartError(undefined);
    try {
      const { data } = await dataProvider.startImport(
        request,
        file.name,
        idempotencyKey,
        preview ? identityChoices(preview, decisions) : [],
      );
      setJobId(data.id);
    } catch (failure) {
      setStartError(messageOf(failure));
    } finally {
      setStarting(false);
    }
  };

  const close = () => {
    if (jobId) refresh();
    onClose();
  };

  // Every identity change needs the manager's choice first: nothing is merged silently (issue #16).
  const left = preview ? undecided(preview, decisions) : 0;
  const skipped = preview ? identityChoices(preview, decisions).filter((choice) => choice.decision === 'SKIP').length : 0;
  const taken = preview ? preview.accepted - skipped : 0;
  const canStart = preview !== null && problems.length === 0 && !loading && taken > 0 && left === 0 && !starting;

  return (
    <Dialog open={open} onClose={close} maxWidth="lg" fullWidth scroll="paper" aria-labelledby={titleId}>
      <DialogTitle id={titleId}>{translate('kindling.imports.title', { program: program.name })}</DialogTitle>
      {/* Reading the file again after a change: the last answer stays, dimmed, under a bar. */}
      <Box sx={{ height: 4 }}>
        {(loading || reading) && !jobId && <LinearProgress aria-label={translate('kindling.imports.reading')} />}
      </Box>
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
              <TextField
                select
                size="small"
                label={translate('kindling.imports.defaultRole')}
                value={defaultRole}
                onChange={(event) => setDefaultRole(event.target.value as ParticipantRole | '')}
                slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
                sx={{ width: 300, flex: '0 0 auto' }}
              >
                <MenuItem value="">{translate('kindling.imports.roleFromFile')}</MenuItem>
                <MenuItem value="MENTEE">
                  {translate('kindling.imports.everyone', { role: translate('kindling.enrolment.role.MENTEE') })}
                </MenuItem>
                <MenuItem value="MENTOR">
                  {translate('kindling.imports.everyone', { role: translate('kindling.enrolment.role.MENTOR') })}
                </MenuItem>
              </TextField>
              <Typography variant="body2" color="text.secondary" sx={{ flex: '1 1 260px' }}>
                {translate('kindling.imports.chooseHelp')}
              </Typography>
            </Paper>
            {fileError && <Alert severity="error">{fileError}</Alert>}
            {error && <Alert severity="error">{error}</Alert>}
            {problems.length > 0 && (
              <Alert severity="error">
                <AlertTitle>{translate('kindling.imports.cannotRead')}</AlertTitle>
                {problems.map((problem) => (
                  <div key={problem}>{problem}</div>
                ))}
              </Alert>
            )}
            {file && (
              <Stack spacing={3} sx={{ opacity: loading ? 0.6 : 1, transition: 'opacity 150ms' }}>
                <FileFacts file={file} delimiter={preview?.delimiter ?? local?.delimiter ?? ','} total={readable ? preview.total : null} />
                {readable && <PreviewSummary preview={preview} />}
                {readable && (
                  <PlannedChanges
                    preview={preview}
                    decisions={decisions}
                    onDecide={(line, decision) => setDecisions((current) => ({ ...current, [line]: decision }))}
                  />
                )}
                {!preview && loading && (
                  <Stack direction="row" spacing={2} sx={{ alignItems: 'center', py: 4, justifyContent: 'center' }}>
                    <CircularProgress size={24} />
                    <Typography>{translate('kindling.imports.reading')}</Typography>
                  </Stack>
                )}
                {headers.length > 0 && (
                  <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '5fr 6fr' }, gap: 3, alignItems: 'start' }}>
                    <Box>
                      <Typography variant="h6" component="h3">
                        {translate('kindling.imports.mapping')}
                      </Typography>
                      <Typography variant="body2" color="text.secondary" gutterBottom>
                        {translate('kindling.imports.mappingHelp')}
                      </Typography>
                      <MappingTable
                        headers={headers}
                        guessed={preview?.mapping ?? []}
                        overrides={overrides}
                        onChange={changeMapping}
                        defaultRole={defaultRole}
                        missing={missing}
                      />
                    </Box>
                    {readable && (
                      <Box>
                        <Typography variant="h6" component="h3">
                          {translate('kindling.imports.sample')}
                        </Typography>
                        <Typography variant="body2" color="text.secondary" gutterBottom>
                          {translate('kindling.imports.sampleHelp')}
                        </Typography>
                        <SampleTable preview={preview} />
                      </Box>
                    )}
                  </Box>
                )}
              </Stack>
            )}
            {startError && <Alert severity="error">{startError}</Alert>}
            {readable && left > 0 && (
              <Alert severity="warning" variant="outlined">
                {translate('kindling.imports.chooseFirst', { smart_count: left })}
              </Alert>
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
              {preview && problems.length === 0
                ? translate('kindling.imports.startCount', { smart_count: taken })
                : translate('kindling.imports.start')}
            </Button>
          </>
        )}
      </DialogActions>
    </Dialog>
  );
}
