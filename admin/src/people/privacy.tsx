import DeleteForeverIcon from '@mui/icons-material/DeleteForever';
import DownloadIcon from '@mui/icons-material/Download';
import {
  CircularProgress,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  Button as MuiButton,
  Table,
  TableBody,
  TableCell,
  TableRow,
} from '@mui/material';
import { useState } from 'react';
import { Button, useDataProvider, useNotify, useRecordContext, useRedirect, useRefresh, useTranslate } from 'react-admin';
import { downloadFile, slug } from '../layout/download.ts';
import { useFormat } from '../layout/format.ts';
import { ReasonDialog } from '../layout/ReasonDialog.tsx';
import type { KindlingDataProvider } from '../providers/dataProvider.ts';
import type { ErasureReceipt, PersonRecord } from '../providers/people.ts';

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Everything Kindling holds about the person (kindling.personal-data/v1), as a JSON file. */
export function DownloadPersonalDataButton() {
  const person = useRecordContext<PersonRecord>();
  const dataProvider = useDataProvider<KindlingDataProvider>();
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  if (!person) return null;

  const onClick = async () => {
    setBusy(true);
    try {
      const { data } = await dataProvider.personalData(person.id);
      downloadFile(
        `personal-data-${slug(person.displayName)}-${new Date().toISOString().slice(0, 10)}.json`,
        `${JSON.stringify(data, null, 2)}\n`,
        'application/json',
      );
      notify('kindling.privacy.downloaded', { type: 'success' });
    } catch (error) {
      notify(messageOf(error), { type: 'error', messageArgs: { _: messageOf(error) } });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Button label="kindling.privacy.download" onClick={onClick} disabled={busy}>
      {busy ? <CircularProgress size={16} /> : <DownloadIcon />}
    </Button>
  );
}

/**
 * Erasure on request. The dialog says what goes and what stays, and asks why (the API keeps the
 * reason). Afterwards the receipt shows what was pseudonymised; closing it goes back to the list,
 * as the person no longer exists.
 */
export function ErasePersonButton() {
  const person = useRecordContext<PersonRecord>();
  const dataProvider = useDataProvider<KindlingDataProvider>();
  const translate = useTranslate();
  const redirect = useRedirect();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [receipt, setReceipt] = useState<ErasureReceipt>();
  if (!person && !receipt) return null;

  const erase = async (reason: string) => {
    if (!person) return;
    const { data } = await dataProvider.erasePerson(person.id, reason);
    setOpen(false);
    setReceipt(data);
  };

  const done = () => {
    setReceipt(undefined);
    redirect('list', 'people');
    refresh();
  };

  return (
    <>
      <Button label="kindling.privacy.erase" onClick={() => setOpen(true)} color="error">
        <DeleteForeverIcon />
      </Button>
      <ReasonDialog
        open={open}
        onClose={() => setOpen(false)}
        title={translate('kindling.privacy.eraseTitle', { name: person?.displayName })}
        explanation={translate('kindling.privacy.eraseExplained')}
        reasonLabel={translate('kindling.privacy.reason')}
        confirmLabel={translate('kindling.privacy.eraseConfirm')}
        color="error"
        icon={<DeleteForeverIcon />}
        onConfirm={erase}
      />
      <ErasureReceiptDialog receipt={receipt} onClose={done} />
    </>
  );
}

function ErasureReceiptDialog({ receipt, onClose }: { receipt?: ErasureReceipt; onClose: () => void }) {
  const translate = useTranslate();
  const format = useFormat();
  if (!receipt) return null;
  const rows: [string, string | number][] = [
    ['pseudonym', receipt.pseudonym],
    ['erasedAt', format.dateTime(receipt.erasedAt)],
    ['enrolments', receipt.enrolments],
    ['mentorships', receipt.mentorships],
    ['meetings', receipt.meetings],
    ['auditEntries', receipt.auditEntries],
  ];
  return (
    <Dialog open onClose={onClose} maxWidth="xs" fullWidth aria-labelledby="erasure-receipt-title">
      <DialogTitle id="erasure-receipt-title">{translate('kindling.privacy.receiptTitle')}</DialogTitle>
      <DialogContent>
        <DialogContentText sx={{ mb: 1 }}>{translate('kindling.privacy.receiptExplained')}</DialogContentText>
        <Table size="small">
          <TableBody>
            {rows.map(([key, value]) => (
              <TableRow key={key}>
                <TableCell component="th" scope="row">
                  {translate(`kindling.privacy.receipt.${key}`)}
                </TableCell>
                <TableCell align="right">{value}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </DialogContent>
      <DialogActions>
        <MuiButton onClick={onClose} variant="contained">
          {translate('kindling.privacy.receiptDone')}
        </MuiButton>
      </DialogActions>
    </Dialog>
  );
}
