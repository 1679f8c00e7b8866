import RetentionIcon from '@mui/icons-material/TrendingUp';
import { lazy } from 'react';
import type { ResourceProps } from 'react-admin';

/** Retention and exit insights (issue #21): does mentoring keep people, and what should it focus on? */
export const retention = {
  name: 'retention',
  icon: RetentionIcon,
  list: lazy(() => import('./RetentionPage.tsx').then(({ RetentionPage }) => ({ default: RetentionPage }))),
} satisfies ResourceProps;
