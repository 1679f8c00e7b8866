import LoginIcon from '@mui/icons-material/Login';
import { Alert, Button, CircularProgress, Typography } from '@mui/material';
import { useState } from 'react';
import { useLogin, useTranslate } from 'react-admin';
import { SignInCard } from './SignInCard.tsx';

/**
 * Sign-in in AWS: a button to Cognito's hosted UI, which handles passwords, invitations, resets and
 * MFA; the console comes back to the page it was on (providers/cognitoAuthProvider.ts).
 */
export function CognitoLoginPage() {
  const translate = useTranslate();
  const login = useLogin();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const signIn = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await login({});
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
      setBusy(false);
    }
  };
  return (
    <SignInCard>
      <Typography color="text.secondary">{translate('kindling.login.cognitoHelp')}</Typography>
      {error && <Alert severity="error">{error}</Alert>}
      <Button
        variant="contained"
        size="large"
        onClick={signIn}
        disabled={busy}
        startIcon={busy ? <CircularProgress size={18} color="inherit" /> : <LoginIcon />}
      >
        {translate('kindling.login.cognitoButton')}
      </Button>
    </SignInCard>
  );
}
