import { Button, Dialog, DialogActions, DialogContent, DialogTitle, Typography } from '@mui/material';
import { useId, useState } from 'react';
import {
  Datagrid,
  FunctionField,
  NumberField,
  Pagination,
  ReferenceManyField,
  TextField,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { LocaleDateField } from '../layout/LocaleDateField.tsx';
import type { ImportJobRecord } from '../providers/imports.ts';
import type { ProgramRecord } from '../providers/programs.ts';
import { ImportProgress, ImportResult, ImportStatusChip, isFinished, useImportJob } from './ImportReport.tsx';

/** One past import's report, read (and followed, if it still runs) when opened. */
function ImportReportDialog({ jobId, onClose }: { jobId: string; onClose: () => void }) {
  const translate = useTranslate();
  const titleId = useId();
  const { job, error } = useImportJob(jobId);
  return (
    <Dialog open onClose={onClose} maxWidth="lg" fullWidth scroll="paper" aria-labelledby={titleId}>
      <DialogTitle id={titleId}>{translate('kindling.imports.reportTitle', { fileName: job?.fileName ?? '…' })}</DialogTitle>
      <DialogContent dividers>
        {job && isFinished(job.status) ? <ImportResult job={job} /> : <ImportProgress job={job} error={error} />}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} variant="contained">
          {translate('ra.action.close')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

function NoImports() {
  const translate = useTranslate();
  return (
    <Typography color="text.secondary" sx={{ py: 2 }}>
      {translate('kindling.imports.none')}
    </Typography>
  );
}

/** A program's past imports, newest first; a row opens its report. */
export function ImportsTab(_props: { label: false }) {
  const program = useRecordContext<ProgramRecord>();
  const translate = useTranslate();
  const [jobId, setJobId] = useState<string | null>(null);
  if (!program) return null;
  const field = (name: string) => `kindling.imports.${name}`;
  return (
    <>
      <ReferenceManyField
        reference="imports"
        target="programId"
        perPage={10}
        pagination={<Pagination rowsPerPageOptions={[10, 25]} />}
        empty={<NoImports />}
      >
        <Datagrid
          bulkActionButtons={false}
          rowClick={(id) => {
            setJobId(String(id));
            return false;
          }}
        >
          <TextField source="fileName" label={field('fileName')} sortable={false} />
          <FunctionField<ImportJobRecord>
            label="kindling.pairImports.kindLabel"
            render={(job) => translate(`kindling.pairImports.kind.${job.kind}`)}
          />
          <FunctionField<ImportJobRecord> label={field('statusLabel')} render={(job) => <ImportStatusChip status={job.status} />} />
          <LocaleDateField source="createdAt" label={field('startedAt')} showTime sortable={false} />
          <NumberField source="total" label={field('total')} sortable={false} />
          <NumberField source="created" label={field('created')} sortable={false} />
          <NumberField source="updated" label={field('updated')} sortable={false} />
          <NumberField source="unchanged" label={field('unchanged')} sortable={false} />
          <NumberField source="failed" label={field('failed')} sortable={false} />
          <NumberField source="rejected" label={field('rejected')} sortable={false} />
        </Datagrid>
      </ReferenceManyField>
      {jobId && <ImportReportDialog jobId={jobId} onClose={() => setJobId(null)} />}
      <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
        {translate('kindling.imports.tabHelp')}
      </Typography>
    </>
  );
}
