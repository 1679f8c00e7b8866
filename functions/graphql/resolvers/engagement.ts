import {
  createSubscription,
  deleteSubscription,
  getSubscription,
  listDeliveries,
  listNotifications,
  listSubscriptions,
  notificationProgram,
  pingSubscription,
  programAttention,
  READ_NOTIFICATIONS,
  redeliver,
  render,
  rotateSecret,
  updateSubscription,
  type WebhookDelivery,
} from '#domain/engagement/index.ts';
import { countOf, notFound } from '#domain/kernel/index.ts';
import { engagementOf } from '#domain/programs/index.ts';
import type { Resolvers } from '#generated/resolvers.ts';
import { pageRequest, toConnection } from '../connections.ts';
import { localId, parseGlobalId, toGlobalId } from '../ids.ts';

/** A delivery lives under its subscription: its global id names both (a ULID is 26 characters). */
const deliveryGlobalId = (d: Pick<WebhookDelivery, 'subscriptionId' | 'id'>) =>
  toGlobalId('WebhookDelivery', `${d.subscriptionId}_${d.id}`);
function deliveryLocalId(globalId: string): { subscriptionId: string; id: string } {
  const both = localId(globalId, 'WebhookDelivery');
  if (both[26] !== '_') throw notFound('WebhookDelivery');
  return { subscriptionId: both.slice(0, 26), id: both.slice(27) };
}

/** Engagement (issue #9): program settings and attention, the outbox as notifications, partner webhooks. */
export const engagementResolvers: Resolvers = {
  Query: {
    notifications: async (_parent, args, ctx) => {
      const scope = ctx.scope('read notifications');
      const f = args.filter ?? {};
      const filter = {
        programId: f.programId ? localId(f.programId, 'Program') : null,
        status: f.status ?? null,
        template: f.template ?? null,
      };
      const req = pageRequest(ctx, 'notifications', args, filter);
      return toConnection(ctx, 'notifications', await listNotifications(ctx.ports, scope, filter, req), filter);
    },
    webhookSubscriptions: async (_parent, args, ctx) => {
      const scope = ctx.scope('read webhooks');
      const req = pageRequest(ctx, 'webhooks', args);
      return toConnection(
        ctx,
        'webhooks',
        await listSubscriptions(ctx.ports, scope, req),
        {},
        countOf(ctx.ports, 'webhookSubscriptions', scope.tenantId),
      );
    },
    webhookSubscription: async (_parent, { id }, ctx) => {
      const scope = ctx.scope('read webhooks');
      const parsed = parseGlobalId(id);
      if (parsed?.type !== 'WebhookSubscription') return null;
      return getSubscription(ctx.ports, scope, parsed.id).catch((e: unknown) => {
        if ((e as { code?: string }).code === 'NOT_FOUND') return null;
        throw e;
      });
    },
  },
  Mutation: {
    createWebhookSubscription: (_parent, { input }, ctx) => createSubscription(ctx.ports, ctx.scope('manage webhooks'), input),
    updateWebhookSubscription: (_parent, { id, version, input }, ctx) =>
      updateSubscription(ctx.ports, ctx.scope('manage webhooks'), localId(id, 'WebhookSubscription'), version, input),
    deleteWebhookSubscription: (_parent, { id, version }, ctx) =>
      deleteSubscription(ctx.ports, ctx.scope('manage webhooks'), localId(id, 'WebhookSubscription'), version),
    pingWebhook: (_parent, { id }, ctx) => pingSubscription(ctx.ports, ctx.scope('manage webhooks'), localId(id, 'WebhookSubscription')),
    redeliverWebhookDelivery: (_parent, { id }, ctx) => {
      const scope = ctx.scope('manage webhooks');
      const target = deliveryLocalId(id);
      return redeliver(ctx.ports, scope, target.subscriptionId, target.id);
    },
    rotateWebhookSecret: (_parent, { id, version, overlapHours }, ctx) =>
      rotateSecret(ctx.ports, ctx.scope('manage webhooks'), localId(id, 'WebhookSubscription'), version, overlapHours ?? undefined),
  },
  Program: {
    engagement: (program) => engagementOf(program),
    attention: (program, _args, ctx) => programAttention(ctx.ports, ctx.scope('read what needs attention'), program.id),
  },
  Attention: {
    subjectId: (a) => toGlobalId(a.kind === 'OVERDUE_PAIR' ? 'Mentorship' : a.kind === 'OVERDUE_CIRCLE' ? 'Circle' : 'Person', a.subjectId),
  },
  Notification: {
    id: (m) => toGlobalId('Notification', m.id),
    program: async (m, _args, ctx) => {
      return notificationProgram(ctx.ports, ctx.scope(READ_NOTIFICATIONS), m);
    },
    recipientName: (m) => m.recipient.name,
    recipientEmail: (m) => m.recipient.email,
    recipientKind: (m) => m.recipient.kind,
    locale: (m) => m.recipient.locale,
    subject: (m) => render(m).subject,
    text: (m) => render(m).text,
  },
  WebhookSubscription: {
    id: (s) => toGlobalId('WebhookSubscription', s.id),
    deliveries: async (s, args, ctx) => {
      const scope = ctx.scope('read webhooks');
      const filter = { status: args.filter?.status ?? null, eventId: args.filter?.eventId ?? null };
      const binding = { subscription: s.id, ...filter };
      const req = pageRequest(ctx, 'webhookDeliveries', args, binding);
      const page = await listDeliveries(ctx.ports, scope, s.id, filter, req);
      return toConnection(ctx, 'webhookDeliveries', page, binding);
    },
  },
  WebhookDelivery: {
    id: (d) => deliveryGlobalId(d),
  },
};
