import { describe, expect, it } from 'vitest';
import { type PlannedMessage, planProgramDay } from '#domain/engagement/planning.ts';
import { render } from '#domain/engagement/templates.ts';
import type { Mentorship } from '#domain/mentorships/pairs.ts';
import type { MatchProposal } from '#domain/mentorships/proposals.ts';
import { defaultCadence, type Program } from '#domain/programs/programs.ts';
import { aPair, aProgram } from '../support/engagementFixtures.ts';

/** Engagement per program kind (ADR 77): peers hear as peers, a reverse program's managers read its role names. */
const program = (over: Partial<Program>): Program =>
  aProgram({ name: 'New managers', focusAreas: ['MANAGEMENT_SKILLS'], mentorCapacityDefault: 1, ...over });

// Two peers: the pair names the lower id its "mentor" side, for the record only.
const pair = aPair({ peer: true, source: { kind: 'PROPOSAL', id: 'X1' }, lastContactAt: null, meetingCount: 0 });

const expired = {
  id: 'X1',
  tenantId: 't',
  programId: 'P1',
  runId: 'run',
  menteeId: 'B',
  mentorId: 'A',
  menteeName: 'Bo',
  mentorName: 'Anna',
  peer: true,
  status: 'EXPIRED',
  origin: 'MATCHING',
  score: 0.8,
  explanation: [],
  mentorAcceptedAt: null,
  menteeAcceptedAt: null,
  reason: null,
  createdAt: '2026-02-01T09:00:00.000Z',
  approvedAt: '2026-02-01T09:00:00.000Z',
  expiresAt: '2026-02-15T09:00:00.000Z',
  mentorshipId: null,
  version: 3,
} as MatchProposal;

const day = (p: Program, now: string, over: { pairs?: Mentorship[]; proposals?: MatchProposal[] }) =>
  planProgramDay({
    program: p,
    tenant: { timeZone: 'Europe/Amsterdam', locale: 'en' },
    now: new Date(now),
    requests: [],
    proposals: over.proposals ?? [],
    pairs: over.pairs ?? [],
    flagged: new Set(),
  });

const words = (m: PlannedMessage, locale: 'en' | 'nl') => {
  const out = render({
    template: m.template,
    data: m.data,
    recipient: { kind: 'PERSON', personId: 'A', name: 'Anna', email: 'a@x.org', timeZone: 'UTC', locale },
  });
  return `${out.subject}\n${out.text}`;
};

describe('engagement in a peer program', () => {
  const peers = program({ kind: 'PEER' });

  it('nudges, checks in with and escalates a pair of peers without calling either a mentor or a mentee', () => {
    // Prepare: a pair of peers silent since it started: overdue, escalated, and its first check-in due.
    const overdueOn = new Date(Date.parse(pair.startedAt) + defaultCadence.overdueAfterDays * 86_400_000).toISOString();
    const overdue = day(peers, overdueOn, { pairs: [pair] });
    const late = day(peers, '2026-03-01T09:00:00Z', { pairs: [pair] });
    const due = day(peers, '2025-12-31T09:00:00Z', { pairs: [{ ...pair, startedAt: '2025-12-01T09:00:00.000Z' }] });

    // Act
    const messages = [...overdue.messages, ...late.messages, ...due.messages];
    const texts = messages.flatMap((m) => [words(m, 'en'), words(m, 'nl')]);

    // Assess
    expect(new Set(messages.map((m) => m.template))).toEqual(new Set(['NUDGE_OVERDUE', 'PAIR_ESCALATED', 'CHECK_IN_SURVEY', 'NUDGE_DUE']));
    for (const text of texts) {
      expect(text).not.toMatch(/\bmentors?\b|\bmentees?\b|mentorship|mentorschap|undefined|\$\{/i);
    }
    expect(texts.join('\n')).toMatch(/peers in New managers/);
    expect(texts.join('\n')).toMatch(/collega's in New managers/);
    // Neither peer is the mentor who stopped answering: no signal against one of them.
    expect(late.signals.size).toBe(0);
  });

  it('tells both peers, as peers, when their proposed pairing expired', () => {
    // Act
    const { messages } = day(peers, '2026-02-16T09:00:00Z', { proposals: [expired] });

    // Assess
    expect(messages.map((m) => [m.template, m.to])).toEqual([
      ['PROPOSAL_EXPIRED', { personId: 'A' }],
      ['PROPOSAL_EXPIRED', { personId: 'B' }],
    ]);
    expect(words(messages[0] as PlannedMessage, 'en')).toContain('you and Bo');
    expect(words(messages[1] as PlannedMessage, 'nl')).toContain('collega Anna');
    for (const m of messages) expect(`${words(m, 'en')}${words(m, 'nl')}`).not.toMatch(/\bmentors?\b|\bmentees?\b|mentorship|mentorschap/i);
  });

  it('closes a pair of peers with a closing survey that speaks of a peer pairing', () => {
    // Act
    const { messages } = day(peers, '2026-10-01T09:00:00Z', { pairs: [pair] });

    // Assess
    expect(messages.map((m) => m.template)).toEqual(['CLOSING_SURVEY', 'CLOSING_SURVEY']);
    expect(words(messages[0] as PlannedMessage, 'en')).toMatch(/^Your peer pairing with Bo is ending/);
    expect(words(messages[1] as PlannedMessage, 'nl')).toMatch(/^Je koppeling met collega Anna loopt af/);
  });
});

describe('engagement in a reverse program', () => {
  it("names the roles in the manager's escalation as the program names them", () => {
    // Prepare
    const reverse = program({ kind: 'REVERSE', roleNames: { mentor: 'Digital coach', mentee: 'Executive' } });

    // Act
    const { messages } = day(reverse, '2026-03-01T09:00:00Z', { pairs: [{ ...pair, peer: undefined }] });
    const escalation = messages.find((m) => m.template === 'PAIR_ESCALATED') as PlannedMessage;

    // Assess
    expect(words(escalation, 'en')).toContain('Anna (Digital coach) and Bo (Executive)');
    expect(words(escalation, 'nl')).toContain('Anna (Digital coach) en Bo (Executive)');
    // A one-to-one mentor who leaves a pair silent is still signalled.
    expect([...day(reverse, '2026-03-01T09:00:00Z', { pairs: [{ ...pair, peer: undefined }] }).signals.keys()]).toEqual(['A']);
  });
});
