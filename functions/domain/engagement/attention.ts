import type { Scope } from '#domain/kernel/actors.ts';
import { requireRole } from '#domain/kernel/actors.ts';
import { epochDay } from '#domain/mentorships/health.ts';

/** Something the program manager should look at, shown on the program (and mailed when there is an address). */
export type AttentionKind = 'OVERDUE_PAIR' | 'OVERDUE_CIRCLE' | 'UNRESPONSIVE_MENTOR';
export type Suggestion = 'CHECK_IN' | 'OFFER_REMATCH';

export interface Attention {
  tenantId: string;
  programId: string;
  kind: AttentionKind;
  /** The pair (OVERDUE_PAIR), the circle (OVERDUE_CIRCLE, named by its mentor) or the mentor (UNRESPONSIVE_MENTOR). */
  subjectId: string;
  subjectName: string;
  suggestion: Suggestion | null;
  /** Unanswered requests and ignored nudges (UNRESPONSIVE_MENTOR), days overdue (OVERDUE_PAIR, worked out when read). */
  signals: number;
  since: string;
  updatedAt: string;
}

/** Program managers read what was (or would be) sent, and what needs their attention. */
export function requireEngagementReader(scope: Scope, action: string): void {
  requireRole(scope.actor, action, 'manager');
}

/** The manager's attention list of a program (store/engagement.ts). */
export interface AttentionStore {
  listAttention(tenantId: string, programId: string): Promise<Attention[]>;
  /** Makes the attention list of kind `kind` exactly `items` (resolved ones are removed). */
  replaceAttention(tenantId: string, programId: string, kind: AttentionKind, items: Attention[]): Promise<void>;
}

/** Program managers see what needs their attention in a program: pairs that stay overdue, mentors who stopped answering. */
export async function programAttention(deps: { engagement: AttentionStore }, scope: Scope, programId: string): Promise<Attention[]> {
  requireEngagementReader(scope, 'read what needs attention');
  const today = epochDay(scope.now);
  const items = (await deps.engagement.listAttention(scope.tenantId, programId)).map((a) =>
    a.kind === 'OVERDUE_PAIR' || a.kind === 'OVERDUE_CIRCLE' ? { ...a, signals: Math.max(0, today - epochDay(a.since)) } : a,
  );
  return items.sort((a, b) => a.kind.localeCompare(b.kind) || b.signals - a.signals || a.subjectName.localeCompare(b.subjectName));
}
