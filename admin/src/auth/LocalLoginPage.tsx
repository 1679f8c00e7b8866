import { Alert, Button, CircularProgress, MenuItem, TextField } from '@mui/material';
import { type FormEvent, useState } from 'react';
import { useLogin, useTranslate } from 'react-admin';
import type { ConsoleRole, LocalSignIn } from '../providers/authTypes.ts';
import { SignInCard } from './SignInCard.tsx';

const roles: ConsoleRole[] = ['manager', 'operator'];

/** Local mode only: the local server mints a token for whichever tenant, role and name you pick. */
export function LocalLoginPage() {
  const translate = useTranslate();
  const login = useLogin();
  const [form, setForm] = useState<LocalSignIn>({ tenant: 'demo', role: 'manager', name: '' });
  const [error, setError] = useState<string>();
  const [submitting, setSubmitting] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitting(true);
    setError(undefined);
    try {
      await login({ tenant: form.tenant.trim(), role: form.role, name: form.name.trim() });
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : translate('ra.auth.sign_in_error'));
      setSubmitting(false);
    }
  };

  return (
    <SignInCard>
      <Alert severity="warning">{translate('kindling.login.localNotice')}</Alert>
      <form onSubmit={submit} style={{ display: 'flex', flexDirection: 'column', gap: 16 }}>
        <TextField
          label={translate('kindling.login.tenant')}
          helperText={translate('kindling.login.tenantHelp')}
          value={form.tenant}
          onChange={(event) => setForm({ ...form, tenant: event.target.value })}
          required
          autoFocus
        />
        <TextField
          select
          label={translate('kindling.login.role')}
          value={form.role}
          onChange={(event) => setForm({ ...form, role: event.target.value as ConsoleRole })}
        >
          {roles.map((role) => (
            <MenuItem key={role} value={role}>
              {translate(`kindling.roles.${role.toUpperCase()}`)}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          label={translate('kindling.login.name')}
          value={form.name}
          onChange={(event) => setForm({ ...form, name: event.target.value })}
          required
        />
        {error && <Alert severity="error">{error}</Alert>}
        <Button type="submit" variant="contained" disabled={submitting} startIcon={submitting ? <CircularProgress size={16} /> : null}>
          {translate('kindling.login.submit')}
        </Button>
      </form>
    </SignInCard>
  );
}
