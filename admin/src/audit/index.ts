import AuditIcon from '@mui/icons-material/History';
import { lazy } from 'react';
import type { ResourceProps } from 'react-admin';

/** The organisation's audit log: read only, newest first. */
export const audit = {
  name: 'audit',
  icon: AuditIcon,
  list: lazy(() => import('./AuditList.tsx').then(({ AuditList }) => ({ default: AuditList }))),
} satisfies ResourceProps;
