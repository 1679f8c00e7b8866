import ApiKeyIcon from '@mui/icons-material/Key';
import { lazy } from 'react';
import type { ResourceProps } from 'react-admin';

/** Partner API keys: created, rotated and revoked by program managers; the secret is shown once. */
export const apiKeys = {
  name: 'apiKeys',
  icon: ApiKeyIcon,
  list: lazy(() => import('./ApiKeyList.tsx').then(({ ApiKeyList }) => ({ default: ApiKeyList }))),
} satisfies ResourceProps;
