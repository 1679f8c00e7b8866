import type { Scope } from '#domain/kernel/actors.ts';
import type { Program, ProgramStore } from '#domain/programs/programs.ts';
import { requireEngagementReader } from './attention.ts';
import type { OutboxMessage } from './outbox.ts';

export const READ_NOTIFICATIONS = 'read notifications';

/** The program a notification belongs to: for those who may read notifications. */
export function notificationProgram(
  deps: { programs: Pick<ProgramStore, 'getProgram'> },
  scope: Scope,
  m: OutboxMessage,
): Promise<Program | null> {
  requireEngagementReader(scope, READ_NOTIFICATIONS);
  return deps.programs.getProgram(m.tenantId, m.programId);
}
