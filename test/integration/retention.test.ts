import { beforeAll, describe, expect, it } from 'vitest';
import { seededRandom } from '#local/seed/random.ts';
import { graphql } from '../generated/gql.ts';
import { codes, TestClock, testApi } from '../support/api.ts';

const CREATE_PROGRAM = graphql(`
  mutation RetentionProgram($name: String!) { createProgram(input: { name: $name, focusAreas: ["JOB_SKILLS", "GOAL_SETTING"] }) { id } }
`);
const PREVIEW = graphql(`
  query RetentionPreview($programId: ID!, $csv: String!) {
    previewImport(programId: $programId, csv: $csv) {
      total accepted
      mapping { field header }
      rejected { line reasons }
    }
  }
`);
const START = graphql(`
  mutation RetentionImport($programId: ID!, $csv: String!) { startImport(programId: $programId, csv: $csv) { id } }
`);
const JOB = graphql(`
  query RetentionImportJob($id: ID!) { importJob(id: $id) { status accepted rejected created failed problems { line reasons } } }
`);
const COUNTS = graphql(`
  query RetentionCounts($id: ID!) { program(id: $id) { counts { mentors mentees } } }
`);
const RUN_JOB = graphql(`
  mutation RetentionRunJob($tenant: String!) { runJob(job: RETENTION, tenant: $tenant) { status summary } }
`);
const INSIGHTS = graphql(`
  query RetentionInsights($programId: ID, $exits: ExitScope) {
    retentionInsights(programId: $programId, exits: $exits) {
      computedAt asOf exits minimumGroupSize employees
      groups { group n suppressed exits promotions retention12 { estimate low high } curve { month atRisk survival low high } }
      difference12 { estimate low high }
      matching { strata matchedMentees unmatchedMentees pool }
      exitReasons { leavers suppressed unmapped windowStart windowEnd reasons { code label count share focusAreas } }
      focus { focusArea leaverShare menteeShare inProgram }
      suggestion { exitReason label leaverShare focusAreas menteeShare offered }
      csv
    }
  }
`);
const REFRESH = graphql(`
  mutation RetentionRefresh($programId: ID) {
    refreshRetentionInsights(programId: $programId) {
      computedAt
      exitReasons { leavers unmapped reasons { code count } }
    }
  }
`);
const RECORD = graphql(`
  mutation RetentionRecord($personId: ID!, $input: EmploymentInput!) {
    recordEmployment(personId: $personId, input: $input) { hireDate leaveDate leaveType exitReasonsRecorded }
  }
`);
const PEOPLE = graphql(`
  query RetentionPeople($search: String) {
    people(first: 100, filter: { search: $search }) { edges { node { id email employment { hireDate leaveDate leaveType level jobChanges { on kind } exitReasonsRecorded } } } }
  }
`);
const TAXONOMY = graphql(`
  query RetentionTaxonomy { exitReasonTaxonomy { version rules { keyword code } reasons { code labelNl focusAreas } } }
`);
const CREATE_KEY = graphql(`
  mutation RetentionCreateKey($input: ApiKeyInput!) { createApiKey(input: $input) { secret } }
`);
const ANALYST_VIEW = graphql(`
  query RetentionAnalyst($programId: ID) {
    viewer { actor { role } }
    retentionInsights(programId: $programId) { employees groups { group n } exitReasons { leavers reasons { code count } } csv }
    exitReasonTaxonomy { version }
  }
`);
const ANALYST_PROGRAMS = graphql(`
  query RetentionAnalystPrograms { programs { edges { node { name } } } }
`);
const ANALYST_PERSON = graphql(`
  query RetentionAnalystPerson($id: ID!) { node(id: $id) { ... on Person { displayName } } }
`);
const ANALYST_ME = graphql(`
  query RetentionAnalystMe { me { displayName } }
`);
const ANALYST_REFRESH = graphql(`
  mutation RetentionAnalystRefresh { refreshRetentionInsights { computedAt } }
`);
const UPDATE_TAXONOMY = graphql(`
  mutation RetentionUpdateTaxonomy($version: Int!, $input: ExitReasonTaxonomyInput!) {
    updateExitReasonTaxonomy(version: $version, input: $input) { version rules { keyword code } }
  }
`);

/**
 * An HR export as a Dutch organisation's system writes it: 20 mentees, 6 mentors and 60 colleagues
 * outside the program, two departments, hired 2020–2021. Voluntary leavers since the import cite
 * growth (Dutch and English), five "left for a startup" (no keyword knows that), one alone moves
 * abroad; row 2 has an impossible hire date.
 */
function hrExport(): string {
  const rnd = seededRandom(2121);
  const header =
    'Personeelsnummer,Voornaam,Achternaam,E-mail,Tijdzone,Talen,Afdeling,Locatie,Rol,Datum in dienst,Datum uit dienst,Soort uit dienst,Vertrekreden,Niveau,Promoties';
  const rows: string[] = [];
  const givens = ['Anna', 'Bram', 'Chris', 'Daan', 'Eva', 'Fleur', 'Gijs', 'Hanna', 'Ivo', 'Jet'];
  for (let i = 0; i < 86; i++) {
    const role = i < 20 ? 'mentee' : i < 26 ? 'mentor' : 'geen';
    const department = i % 2 === 0 ? 'Finance' : 'Sales';
    const hire = `2020-${String(6 + (i % 6)).padStart(2, '0')}-01`;
    let leave = '';
    let type = '';
    let reason = '';
    // Colleagues outside the program leave more often, as the seeded history says.
    const leaves = role === 'geen' ? i % 3 !== 0 : i % 5 === 0;
    if (leaves) {
      leave = `2025-${String(4 + (i % 8)).padStart(2, '0')}-15`;
      type = i % 7 === 0 ? 'Ontslagen' : 'Vrijwillig';
      reason = i >= 26 && i < 36 ? 'startup' : i % 2 === 0 ? 'Geen doorgroeimogelijkheden' : 'Career growth; werkdruk';
      if (i >= 26 && i < 36 && i % 2 === 1) reason = 'left to join a startup';
    }
    if (i === 40) {
      leave = '2025-11-03';
      type = 'Vrijwillig';
      reason = 'Emigratie naar Canada';
    }
    const promotions = rnd.chance(0.3) ? '2024-04-01' : '';
    const hireCell = i === 0 ? '2024-13-01' : hire;
    rows.push(
      [
        `E${1000 + i}`,
        givens[i % 10],
        `Jansen`,
        `p${i}@example.org`,
        'Europe/Amsterdam',
        'nl',
        department,
        'Utrecht',
        role,
        hireCell,
        leave,
        type,
        reason,
        'Schaal 8',
        promotions,
      ].join(','),
    );
  }
  return [header, ...rows].join('\n');
}

describe('retention insights from an HR export to the figures', () => {
  const clock = new TestClock(new Date('2025-03-01T09:00:00Z'));
  let api: Awaited<ReturnType<typeof testApi>>;
  let tenant: { slug: string; manager: string };
  let programId = '';

  beforeAll(async () => {
    api = await testApi({ clock });
    tenant = await api.newTenant('Retention');
    programId = (await api.call(CREATE_PROGRAM, { name: 'Groei' }, { token: tenant.manager })).data?.createProgram.id ?? '';
    // Prepare: the import happened a year ago (so enrolments started then); the snapshot runs today.
    const started = await api.call(START, { programId, csv: hrExport() }, { token: tenant.manager });
    await api.services.jobs.idle?.();
    const job = (await api.call(JOB, { id: started.data?.startImport.id ?? '' }, { token: tenant.manager })).data?.importJob;
    expect(job).toMatchObject({ status: 'DONE', accepted: 85, rejected: 1, failed: 0, created: 85 });
    clock.now = new Date('2026-03-02T06:00:00Z');
  });

  it('reads HR columns by their Dutch headers and rejects a row with an impossible hire date, saying why', async () => {
    // Act
    const preview = await api.call(PREVIEW, { programId, csv: hrExport() }, { token: tenant.manager });

    // Assert
    const fields = preview.data?.previewImport.mapping.map((m) => m.field);
    expect(fields).toEqual(expect.arrayContaining(['HIRE_DATE', 'LEAVE_DATE', 'LEAVE_TYPE', 'EXIT_REASONS', 'LEVEL', 'PROMOTION_DATES']));
    expect(preview.data?.previewImport.rejected).toEqual([
      { line: 2, reasons: ['hire date "2024-13-01" is not a date (use YYYY-MM-DD or DD-MM-YYYY)'] },
    ]);
  });

  it('imports colleagues outside the program without enrolling them, so they are never matched', async () => {
    const counts = await api.call(COUNTS, { id: programId }, { token: tenant.manager });
    expect(counts.data?.program?.counts).toEqual({ mentors: 6, mentees: 19 });
    const people = await api.call(PEOPLE, { search: 'p50@example.org' }, { token: tenant.manager });
    expect(people.data?.people.edges[0]?.node.employment).toEqual({
      hireDate: '2020-08-01',
      leaveDate: '2025-06-15',
      leaveType: 'VOLUNTARY',
      level: 'Schaal 8',
      jobChanges: expect.any(Array),
      exitReasonsRecorded: true,
    });
  });

  it('shows nothing before the first snapshot, then the nightly job fills the page from one item', async () => {
    // Prepare
    const before = await api.call(INSIGHTS, { programId }, { token: tenant.manager });
    expect(before.data?.retentionInsights).toMatchObject({ computedAt: null, groups: [], suggestion: null });

    // Act
    const operator = await api.token('operator', null);
    const ran = await api.call(RUN_JOB, { tenant: tenant.slug }, { token: operator });
    const after = await api.call(INSIGHTS, { programId }, { token: tenant.manager });

    // Assert
    expect(ran.data?.runJob.status).toBe('DONE');
    const figures = after.data?.retentionInsights;
    expect(figures).toMatchObject({ asOf: '2026-03-02', exits: 'VOLUNTARY', minimumGroupSize: 5, employees: 85 });
    const groups = Object.fromEntries((figures?.groups ?? []).map((g) => [g.group, g]));
    expect(groups.MENTEES).toMatchObject({ n: 19, suppressed: false });
    expect(groups.MENTORS).toMatchObject({ n: 6, suppressed: false });
    expect(groups.COMPARISON?.n).toBeGreaterThanOrEqual(30);
    expect(groups.MENTEES?.curve[0]).toEqual({ month: 0, atRisk: 19, survival: 1, low: 1, high: 1 });
    expect(groups.MENTEES?.retention12?.estimate).toBeGreaterThan(groups.COMPARISON?.retention12?.estimate ?? 1);
    expect(figures?.difference12?.estimate).toBeGreaterThan(0);
    expect(figures?.exitReasons).toMatchObject({ windowStart: '2024-01-01', windowEnd: '2025-12-31', suppressed: false });
    expect(figures?.exitReasons?.reasons[0]).toMatchObject({ code: 'CAREER_GROWTH', label: 'Career growth' });
    expect(figures?.suggestion).toMatchObject({ exitReason: 'CAREER_GROWTH', offered: ['JOB_SKILLS', 'GOAL_SETTING'] });
    expect(figures?.csv.split(/\r?\n/)[0]).toBe('figure,group,detail,n,estimate,low,high');
    expect(figures?.csv).not.toMatch(/@example\.org|Jansen/);
  });

  it('never lets the one leaver who moved abroad be read off the figures, nor one more recorded by hand', async () => {
    // Prepare: the manager tries to isolate someone by recording a lone exit reason for one person.
    const people = await api.call(PEOPLE, { search: 'p60@example.org' }, { token: tenant.manager });
    const personId = people.data?.people.edges[0]?.node.id ?? '';
    const recorded = await api.call(
      RECORD,
      { personId, input: { hireDate: '2020-08-01', leaveDate: '2025-12-01', leaveType: 'VOLUNTARY', exitReasons: ['PAY'] } },
      { token: tenant.manager },
    );
    expect(recorded.data?.recordEmployment).toEqual({
      hireDate: '2020-08-01',
      leaveDate: '2025-12-01',
      leaveType: 'VOLUNTARY',
      exitReasonsRecorded: true,
    });

    // Act
    const refreshed = await api.call(REFRESH, { programId }, { token: tenant.manager });
    const org = await api.call(INSIGHTS, { exits: 'ALL' }, { token: tenant.manager });

    // Assert: neither relocation (one person) nor pay (one person) appears anywhere.
    for (const figures of [refreshed.data?.refreshRetentionInsights, org.data?.retentionInsights]) {
      const shown = figures?.exitReasons?.reasons.map((r) => r.code) ?? [];
      expect(shown).not.toContain('RELOCATION');
      expect(shown).not.toContain('PAY');
      for (const r of figures?.exitReasons?.reasons ?? []) expect(r.count).toBeGreaterThanOrEqual(5);
    }
    expect(org.data?.retentionInsights.csv).not.toMatch(/RELOCATION|PAY/);
  });

  it('lets the manager correct how free text is read, and the next snapshot counts it', async () => {
    // Prepare
    const before = await api.call(REFRESH, {}, { token: tenant.manager });
    const growthBefore = before.data?.refreshRetentionInsights.exitReasons?.reasons.find((r) => r.code === 'CAREER_GROWTH')?.count ?? 0;
    const taxonomy = await api.call(TAXONOMY, {}, { token: tenant.manager });
    expect(taxonomy.data?.exitReasonTaxonomy.reasons.find((r) => r.code === 'WORKLOAD_STRESS')).toEqual({
      code: 'WORKLOAD_STRESS',
      labelNl: 'Werkdruk en stress',
      focusAreas: ['PSYCHOSOCIAL_SUPPORT', 'PROBLEM_SOLVING'],
    });

    // Act
    const updated = await api.call(
      UPDATE_TAXONOMY,
      { version: 0, input: { rules: [{ keyword: 'Startup', code: 'CAREER_GROWTH' }] } },
      { token: tenant.manager },
    );
    const after = await api.call(REFRESH, {}, { token: tenant.manager });

    // Assert
    expect(updated.data?.updateExitReasonTaxonomy).toEqual({ version: 1, rules: [{ keyword: 'startup', code: 'CAREER_GROWTH' }] });
    const growthAfter = after.data?.refreshRetentionInsights.exitReasons?.reasons.find((r) => r.code === 'CAREER_GROWTH')?.count ?? 0;
    expect(growthAfter - growthBefore).toBeGreaterThanOrEqual(5);
    const stale = await api.call(UPDATE_TAXONOMY, { version: 0, input: { rules: [] } }, { token: tenant.manager });
    expect(codes(stale)).toEqual(['CONFLICT']);
  });

  it('refuses bad HR facts and taxonomy edits with stable codes, naming each field', async () => {
    const people = await api.call(PEOPLE, { search: 'p61@example.org' }, { token: tenant.manager });
    const personId = people.data?.people.edges[0]?.node.id ?? '';
    const bad = await api.call(
      RECORD,
      { personId, input: { hireDate: '2021-01-01', leaveDate: '2020-01-01', leaveType: 'VOLUNTARY', exitReasons: ['BORED'] } },
      { token: tenant.manager },
    );
    expect(codes(bad)).toEqual(['BAD_USER_INPUT']);
    expect(bad.errors?.[0]?.extensions?.problems?.map((p) => p.field)).toEqual(['input.leaveDate', 'input.exitReasons.0']);
    const taxonomy = await api.call(
      UPDATE_TAXONOMY,
      { version: 1, input: { focusAreas: [{ code: 'NOT_A_CODE', focusAreas: ['JOB_SKILLS'] }], rules: [{ keyword: 'x', code: 'PAY' }] } },
      { token: tenant.manager },
    );
    expect(codes(taxonomy)).toEqual(['BAD_USER_INPUT']);
    expect(taxonomy.errors?.[0]?.extensions?.problems?.map((p) => p.field)).toEqual(['input.focusAreas.0.code', 'input.rules.0.keyword']);
  });

  it('never shows the figures to participants', async () => {
    const people = await api.call(PEOPLE, { search: 'p1@example.org' }, { token: tenant.manager });
    const mentee =
      Buffer.from(people.data?.people.edges[0]?.node.id ?? '', 'base64url')
        .toString()
        .split(':')[1] ?? '';
    const participant = await api.token('participant', tenant.slug, { person: mentee });
    const asked = await api.call(INSIGHTS, { programId }, { token: participant });
    expect(codes(asked)).toEqual(['FORBIDDEN']);
    const refresh = await api.call(REFRESH, {}, { token: participant });
    expect(codes(refresh)).toEqual(['FORBIDDEN']);
  });

  it('lets a partner analytics key acting for no one read the aggregated figures, and nothing else', async () => {
    // Prepare: a key with every read scope besides ANALYTICS_READ, used without X-Kindling-Person.
    const scopes = ['ANALYTICS_READ', 'PROGRAMS_READ', 'PROFILES_READ', 'MENTORSHIPS_READ', 'REQUESTS_MANAGE'] as never;
    const created = await api.call(CREATE_KEY, { input: { name: 'HR analytics', scopes } }, { token: tenant.manager });
    const secret = created.data?.createApiKey.secret ?? '';
    const asAnalyst = { headers: { 'x-api-key': secret } };
    const people = await api.call(PEOPLE, { search: 'p1@example.org' }, { token: tenant.manager });
    const personId = people.data?.people.edges[0]?.node.id ?? '';
    const plain = await api.call(CREATE_KEY, { input: { name: 'portal', scopes: ['PROGRAMS_READ'] as never } }, { token: tenant.manager });
    const other = await api.newTenant('Retention elsewhere');
    const theirs = await api.call(CREATE_KEY, { input: { name: 'theirs', scopes: ['ANALYTICS_READ'] as never } }, { token: other.manager });

    // Act
    const figures = await api.call(ANALYST_VIEW, { programId }, asAnalyst);
    const manager = await api.call(ANALYST_VIEW, { programId }, { token: tenant.manager });
    const programs = await api.call(ANALYST_PROGRAMS, {}, asAnalyst);
    const person = await api.call(ANALYST_PERSON, { id: personId }, asAnalyst);
    const me = await api.call(ANALYST_ME, {}, asAnalyst);
    const refresh = await api.call(ANALYST_REFRESH, {}, asAnalyst);
    const needsPerson = await api.call(ANALYST_PROGRAMS, {}, { headers: { 'x-api-key': plain.data?.createApiKey.secret ?? '' } });
    const crossTenant = await api.call(ANALYST_VIEW, { programId }, { headers: { 'x-api-key': theirs.data?.createApiKey.secret ?? '' } });
    const ownTenant = await api.call(ANALYST_VIEW, {}, { headers: { 'x-api-key': theirs.data?.createApiKey.secret ?? '' } });

    // Assess: the same aggregated figures the manager reads, no person in them; nothing else reachable.
    expect(figures.errors).toBeUndefined();
    expect(figures.data?.viewer.actor.role).toBe('ANALYST');
    expect(figures.data?.retentionInsights).toEqual(manager.data?.retentionInsights);
    expect(figures.data?.retentionInsights.employees).toBe(85);
    expect(JSON.stringify(figures.data)).not.toMatch(/@example\.org|Jansen|Anna/);
    expect(codes(programs)).toEqual(['FORBIDDEN']);
    expect(codes(person)).toEqual(['FORBIDDEN']);
    expect(codes(me)).toEqual(['FORBIDDEN']);
    expect(codes(refresh)).toEqual(['FORBIDDEN']);
    expect(codes(needsPerson)).toEqual(['UNAUTHENTICATED']);
    expect(codes(crossTenant)).toEqual(['NOT_FOUND']);
    expect(ownTenant.data?.retentionInsights).toMatchObject({ employees: 0, groups: [] });
  });
});
