import DownloadIcon from '@mui/icons-material/Download';
import { CircularProgress } from '@mui/material';
import { useState } from 'react';
import { Button, useNotify } from 'react-admin';
import { downloadCsv } from './download.ts';

/**
 * Downloads what `load` returns as a CSV file named `fileName`. The API builds the file (with the
 * list's filters), so it holds every matching row, not just the page on screen.
 */
export function ExportCsvButton({ load, fileName }: { load: () => Promise<string>; fileName: () => string }) {
  const notify = useNotify();
  const [busy, setBusy] = useState(false);

  const onClick = async () => {
    setBusy(true);
    try {
      const csv = await load();
      const name = fileName();
      downloadCsv(name, csv);
      notify('kindling.export.done', { type: 'success', messageArgs: { file: name } });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      notify(message, { type: 'error', messageArgs: { _: message } });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Button label="kindling.export.csv" onClick={onClick} disabled={busy}>
      {busy ? <CircularProgress size={16} /> : <DownloadIcon />}
    </Button>
  );
}
