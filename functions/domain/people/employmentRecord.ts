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

/**
 * What the retention snapshot reads of an HR record (ADR 0078): the store keeps a compact copy of
 * these per tenant. Only promotions among the job changes, and exit reasons and free text only for
 * voluntary leavers (the only exits whose reasons are counted, ADR 0049). An `Employment` is one.
 */
export type RetentionRecord = Pick<
  Employment,
  'personId' | 'hireDate' | 'leaveDate' | 'leaveType' | 'exitReasons' | 'exitComment' | 'level' | 'department' | 'location' | 'jobChanges'
>;

/** The part of a record the snapshot reads, as the compact copy keeps it. */
export const retentionRecord = (e: RetentionRecord): RetentionRecord => {
  const voluntary = e.leaveType === 'VOLUNTARY';
  return {
    personId: e.personId,
    hireDate: e.hireDate,
    leaveDate: e.leaveDate,
    leaveType: e.leaveType,
    exitReasons: voluntary ? e.exitReasons : [],
    exitComment: voluntary ? e.exitComment : null,
    level: e.level,
    department: e.department,
    location: e.location,
    jobChanges: e.jobChanges.filter((c) => c.kind === 'PROMOTION'),
  };
};
