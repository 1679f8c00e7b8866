import { Alert } from '@mui/material';
import { useTranslate } from 'react-admin';
import { SignInCard } from './SignInCard.tsx';

/** Placeholder until Cognito sign-in lands (see providers/cognitoAuthProvider.ts). */
export function CognitoLoginPage() {
  const translate = useTranslate();
  return (
    <SignInCard>
      <Alert severity="info">{translate('kindling.login.cognitoUnavailable')}</Alert>
    </SignInCard>
  );
}
