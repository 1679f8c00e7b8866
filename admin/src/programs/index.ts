import ProgramIcon from '@mui/icons-material/School';
import { lazy } from 'react';
import type { ResourceProps } from 'react-admin';

/** The programs resource. Its views load on first visit, so the sign-in page stays small. */
export const programs = {
  name: 'programs',
  icon: ProgramIcon,
  recordRepresentation: 'name',
  list: lazy(() => import('./ProgramList.tsx').then(({ ProgramList }) => ({ default: ProgramList }))),
  show: lazy(() => import('./ProgramShow.tsx').then(({ ProgramShow }) => ({ default: ProgramShow }))),
  edit: lazy(() => import('./ProgramEdit.tsx').then(({ ProgramEdit }) => ({ default: ProgramEdit }))),
  create: lazy(() => import('./ProgramCreate.tsx').then(({ ProgramCreate }) => ({ default: ProgramCreate }))),
} satisfies ResourceProps;
