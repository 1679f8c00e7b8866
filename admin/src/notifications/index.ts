import NotificationsIcon from '@mui/icons-material/NotificationsActive';
import { lazy } from 'react';
import type { ResourceProps } from 'react-admin';

/** What the engagement job sent, or would have sent: the outbox with each message's status. */
export const notifications = {
  name: 'notifications',
  icon: NotificationsIcon,
  list: lazy(() => import('./NotificationList.tsx').then(({ NotificationList }) => ({ default: NotificationList }))),
} satisfies ResourceProps;
