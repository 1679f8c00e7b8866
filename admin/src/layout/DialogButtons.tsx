import { Alert, Button, CircularProgress, DialogActions } from '@mui/material';
import type { ReactNode } from 'react';
import { useTranslate } from 'react-admin';

/** What failed, under a dialog's fields, in the words the API or the console chose. */
export function DialogError({ error }: { error: string | undefined }) {
  return error ? (
    <Alert severity="error" sx={{ mt: 2 }}>
      {error}
    </Alert>
  ) : null;
}

/**
 * A dialog's Cancel and its one action. While the action runs, both are disabled and the action
 * shows a spinner, so a slow answer never looks like a frozen button. Without `onConfirm` the
 * action submits the dialog's form.
 */
export function DialogButtons({
  busy,
  onCancel,
  label,
  icon,
  color = 'primary',
  disabled = false,
  onConfirm,
}: {
  busy: boolean;
  onCancel: () => void;
  label: string;
  icon?: ReactNode;
  color?: 'primary' | 'success' | 'warning' | 'error';
  disabled?: boolean;
  onConfirm?: () => void;
}) {
  const translate = useTranslate();
  return (
    <DialogActions>
      <Button onClick={onCancel} disabled={busy}>
        {translate('ra.action.cancel')}
      </Button>
      <Button
        type={onConfirm ? 'button' : 'submit'}
        onClick={onConfirm}
        variant="contained"
        color={color}
        disabled={busy || disabled}
        startIcon={busy ? <CircularProgress size={16} color="inherit" /> : icon}
      >
        {label}
      </Button>
    </DialogActions>
  );
}
