import WebhookIcon from '@mui/icons-material/Webhook';
import { lazy } from 'react';
import type { ResourceProps } from 'react-admin';

/** Partner apps' webhook subscriptions: endpoint, events, last delivery and delivery log (ping, redeliver, rotate the secret); a secret is shown once. */
export const webhooks = {
  name: 'webhooks',
  icon: WebhookIcon,
  list: lazy(() => import('./WebhookList.tsx').then(({ WebhookList }) => ({ default: WebhookList }))),
  create: lazy(() => import('./WebhookCreate.tsx').then(({ WebhookCreate }) => ({ default: WebhookCreate }))),
  show: lazy(() => import('./WebhookShow.tsx').then(({ WebhookShow }) => ({ default: WebhookShow }))),
} satisfies ResourceProps;
