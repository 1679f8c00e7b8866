import type { ExitReasonCode } from './exitReasons.ts';

/**
 * The HR facts behind the retention insights: when someone joined and left, why, their level and
 * their promotions. Everyone is imported, participants or not (the comparison group needs the
 * others); a record never makes anyone matchable — only an enrolment does.
 */
export const LEAVE_TYPES = ['VOLUNTARY', 'INVOLUNTARY', 'OTHER'] as const;
export type LeaveType = (typeof LEAVE_TYPES)[number];
export const JOB_CHANGE_KINDS = ['PROMOTION', 'LATERAL'] as const;
export type JobChangeKind = (typeof JOB_CHANGE_KINDS)[number];

export interface JobChange {
  on: string;
  kind: JobChangeKind;
}

export interface EmploymentInput {
  hireDate: string;
  leaveDate?: string | null;
  leaveType?: LeaveType | null;
  exitReasons?: string[] | null;
  exitComment?: string | null;
  level?: string | null;
  jobChanges?: JobChange[] | null;
}

export interface Employment {
  tenantId: string;
  personId: string;
  hireDate: string;
  leaveDate: string | null;
  leaveType: LeaveType | null;
  /** Standard codes, as the HR system or the manager gave them. */
  exitReasons: ExitReasonCode[];
  /** Free text from the exit interview, mapped to codes by keyword rules when the snapshot is taken. */
  exitComment: string | null;
  level: string | null;
  /** Copied from the person, for the comparison's strata (the snapshot reads these records only). */
  department: string | null;
  location: string | null;
  jobChanges: JobChange[];
  updatedAt: string;
}
