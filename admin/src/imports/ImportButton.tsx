import UploadFileIcon from '@mui/icons-material/UploadFile';
import { Backdrop, CircularProgress } from '@mui/material';
import { lazy, Suspense, useState } from 'react';
import { Button, useTranslate } from 'react-admin';
import type { ProgramRecord } from '../providers/programs.ts';

const ImportDialog = lazy(() => import('./ImportDialog.tsx').then(({ ImportDialog }) => ({ default: ImportDialog })));

/** "Import participants" on a program's page; the dialog (and its CSV reader) loads when first opened. */
export function ImportButton({ program }: { program: ProgramRecord }) {
  const translate = useTranslate();
  // A new dialog (and idempotency key) per opening.
  const [opening, setOpening] = useState(0);
  const [open, setOpen] = useState(false);
  const closed = program.status === 'CLOSED';
  return (
    <>
      <Button
        label="kindling.imports.open"
        variant="outlined"
        onClick={() => {
          setOpening((n) => n + 1);
          setOpen(true);
        }}
        disabled={closed}
        title={closed ? translate('kindling.participants.closed') : undefined}
      >
        <UploadFileIcon />
      </Button>
      {open && (
        <Suspense
          fallback={
            <Backdrop open sx={{ zIndex: (theme) => theme.zIndex.modal }}>
              <CircularProgress color="inherit" />
            </Backdrop>
          }
        >
          <ImportDialog key={opening} program={program} open={open} onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}
