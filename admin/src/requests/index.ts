import RequestsIcon from '@mui/icons-material/MarkEmailUnread';
import { lazy } from 'react';
import type { ResourceProps } from 'react-admin';

/** A program's mentorship requests: mentees asking mentors, with their introductions. */
export const requests = {
  name: 'requests',
  icon: RequestsIcon,
  list: lazy(() => import('./RequestList.tsx').then(({ RequestList }) => ({ default: RequestList }))),
} satisfies ResourceProps;
