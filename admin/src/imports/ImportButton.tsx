import GroupAddIcon from '@mui/icons-material/GroupAdd';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import { Backdrop, CircularProgress } from '@mui/material';
import { type ComponentType, type LazyExoticComponent, lazy, type ReactElement, Suspense, useState } from 'react';
import { Button, useTranslate } from 'react-admin';
import type { ProgramRecord } from '../providers/programs.ts';

type ImportDialogProps = { program: ProgramRecord; open: boolean; onClose: () => void };

const ImportDialog = lazy(() => import('./ImportDialog.tsx').then(({ ImportDialog }) => ({ default: ImportDialog })));
const PairImportDialog = lazy(() => import('./PairImportDialog.tsx').then(({ PairImportDialog }) => ({ default: PairImportDialog })));

/** "Import participants" on a program's page; the dialog (and its CSV reader) loads when first opened. */
export function ImportButton({ program }: { program: ProgramRecord }) {
  return (
    <ImportDialogButton
      program={program}
      label="kindling.imports.open"
      icon={<UploadFileIcon />}
      closed={program.status === 'CLOSED'}
      Dialog={ImportDialog}
    />
  );
}

/** "Import pairs" beside "Import participants": pairs that already run elsewhere (not into a draft or closed program). */
export function PairImportButton({ program }: { program: ProgramRecord }) {
  return (
    <ImportDialogButton
      program={program}
      label="kindling.pairImports.open"
      icon={<GroupAddIcon />}
      closed={program.status === 'CLOSED' || program.status === 'DRAFT'}
      Dialog={PairImportDialog}
    />
  );
}

/** A button that opens an import dialog, loaded on first use, as a new dialog (and idempotency key) per opening. */
function ImportDialogButton({
  program,
  label,
  icon,
  closed,
  Dialog,
}: {
  program: ProgramRecord;
  label: string;
  icon: ReactElement;
  closed: boolean;
  Dialog: LazyExoticComponent<ComponentType<ImportDialogProps>>;
}) {
  const translate = useTranslate();
  const [opening, setOpening] = useState(0);
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button
        label={label}
        variant="outlined"
        onClick={() => {
          setOpening((n) => n + 1);
          setOpen(true);
        }}
        disabled={closed}
        title={closed ? translate('kindling.participants.closed') : undefined}
      >
        {icon}
      </Button>
      {open && (
        <Suspense
          fallback={
            <Backdrop open sx={{ zIndex: (theme) => theme.zIndex.modal }}>
              <CircularProgress color="inherit" />
            </Backdrop>
          }
        >
          <Dialog key={opening} program={program} open={open} onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}
