import WebhookIcon from '@mui/icons-material/Webhook';
import { lazy } from 'react';
import type { ResourceProps } from 'react-admin';

/** Partner apps' webhook subscriptions: endpoint, events, last delivery; the secret shown once at creation. */
export const webhooks = {
  name: 'webhooks',
  icon: WebhookIcon,
  list: lazy(() => import('./WebhookList.tsx').then(({ WebhookList }) => ({ default: WebhookList }))),
  create: lazy(() => import('./WebhookCreate.tsx').then(({ WebhookCreate }) => ({ default: WebhookCreate }))),
} satisfies ResourceProps;
