import { Alert, Dialog, DialogContent, DialogContentText, DialogTitle, TextField } from '@mui/material';
import { type ReactElement, useId, useState } from 'react';
import { useTranslate } from 'react-admin';
import { DialogButtons } from './DialogButtons.tsx';

/** The API keeps reasons up to this length. */
const MAX_REASON = 500;

export interface ReasonDialogProps {
  open: boolean;
  onClose: () => void;
  /** Translated already: titles usually name someone. */
  title: string;
  explanation: string;
  reasonLabel: string;
  confirmLabel: string;
  color: 'error' | 'warning';
  icon: ReactElement;
  /** Does the thing. A rejection's message shows in the dialog, which stays open to try again. */
  onConfirm: (reason: string) => Promise<void>;
}

/**
 * Asks why before something that cannot be undone (withdrawing, erasing). The reason is required
 * and kept by the API, so the dialog counts towards its limit rather than letting the API refuse it.
 */
export function ReasonDialog({ open, onClose, title, explanation, reasonLabel, confirmLabel, color, icon, onConfirm }: ReasonDialogProps) {
  const translate = useTranslate();
  const titleId = useId();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const close = () => {
    if (busy) return;
    setReason('');
    setError(undefined);
    onClose();
  };

  const confirm = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await onConfirm(reason.trim());
      setReason('');
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open={open} onClose={close} maxWidth="sm" fullWidth aria-labelledby={titleId}>
      <DialogTitle id={titleId}>{title}</DialogTitle>
      <DialogContent>
        <DialogContentText sx={{ mb: 2 }}>{explanation}</DialogContentText>
        <TextField
          label={reasonLabel}
          helperText={translate('kindling.reason.count', { count: reason.length, max: MAX_REASON })}
          value={reason}
          onChange={(event) => setReason(event.target.value.slice(0, MAX_REASON))}
          multiline
          minRows={2}
          fullWidth
          required
          autoFocus
        />
        {error && (
          <Alert severity={color} sx={{ mt: 2 }}>
            {error}
          </Alert>
        )}
      </DialogContent>
      <DialogButtons
        busy={busy}
        onCancel={close}
        onConfirm={confirm}
        color={color}
        disabled={reason.trim() === ''}
        label={confirmLabel}
        icon={icon}
      />
    </Dialog>
  );
}
