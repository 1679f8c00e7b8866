import GroupAddIcon from '@mui/icons-material/GroupAdd';
import { Backdrop, CircularProgress } from '@mui/material';
import { lazy, Suspense, useState } from 'react';
import { Button, useTranslate } from 'react-admin';
import type { ProgramRecord } from '../providers/programs.ts';

const PairImportDialog = lazy(() => import('./PairImportDialog.tsx').then(({ PairImportDialog }) => ({ default: PairImportDialog })));

/** "Import pairs" beside "Import participants": pairs that already run elsewhere; the dialog loads when first opened. */
export function PairImportButton({ program }: { program: ProgramRecord }) {
  const translate = useTranslate();
  const [opening, setOpening] = useState(0);
  const [open, setOpen] = useState(false);
  const closed = program.status === 'CLOSED' || program.status === 'DRAFT';
  return (
    <>
      <Button
        label="kindling.pairImports.open"
        variant="outlined"
        onClick={() => {
          setOpening((n) => n + 1);
          setOpen(true);
        }}
        disabled={closed}
        title={closed ? translate('kindling.participants.closed') : undefined}
      >
        <GroupAddIcon />
      </Button>
      {open && (
        <Suspense
          fallback={
            <Backdrop open sx={{ zIndex: (theme) => theme.zIndex.modal }}>
              <CircularProgress color="inherit" />
            </Backdrop>
          }
        >
          <PairImportDialog key={opening} program={program} open={open} onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}
