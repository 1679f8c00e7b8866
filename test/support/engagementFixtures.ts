import type { Mentorship } from '#domain/mentorships/pairs.ts';
import { defaultCadence, defaultMatching, defaultPairing, type Program } from '#domain/programs/programs.ts';

/** A running one-to-one program P1 of tenant t for the engagement job's unit tests; `over` sets what a test is about. */
export const aProgram = (over: Partial<Program> = {}): Program => ({
  id: 'P1',
  tenantId: 't',
  name: 'Rhythm',
  description: '',
  status: 'RUNNING',
  enrolmentOpensOn: null,
  enrolmentClosesOn: null,
  focusAreas: ['GOAL_SETTING'],
  cadence: defaultCadence,
  durationMonths: 9,
  mentorCapacityDefault: 2,
  matching: defaultMatching,
  pairing: defaultPairing,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  version: 1,
  ...over,
});

/** Anna (A) mentoring Bo (B) in P1 since 1 January 2026, last met on 1 March, three meetings; `over` sets the rest. */
export const aPair = (over: Partial<Mentorship> = {}): Mentorship => ({
  id: 'M1',
  tenantId: 't',
  programId: 'P1',
  mentorId: 'A',
  menteeId: 'B',
  mentorName: 'Anna',
  menteeName: 'Bo',
  status: 'ACTIVE',
  source: { kind: 'MANAGER', id: null },
  startedAt: '2026-01-01T09:00:00.000Z',
  plannedEndOn: '2026-10-01',
  lastContactAt: '2026-03-01T09:00:00.000Z',
  meetingCount: 3,
  pausedAt: null,
  endedAt: null,
  endReason: null,
  mentorReflection: null,
  menteeReflection: null,
  version: 1,
  ...over,
});
