import { beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../generated/gql.ts';
import { testApi } from '../support/api.ts';

const PROGRAM = graphql(`
  mutation ExProgram($input: ProgramInput!) { createProgram(input: $input) { id } }
`);
const OPEN = graphql(`
  mutation ExOpen($id: ID!) { changeProgramStatus(id: $id, version: 1, status: OPEN) { status } }
`);
const PERSON = graphql(`
  mutation ExPerson($input: PersonInput!) { createPerson(input: $input) { id } }
`);
const ENROL = graphql(`
  mutation ExEnrol($input: EnrolInput!) { enrol(input: $input) { status } }
`);
const RUN = graphql(`
  mutation ExRun($programId: ID!, $dryRun: Boolean) {
    runMatching(programId: $programId, dryRun: $dryRun) {
      proposals {
        menteeName
        explanation { criterion score facts { shared sharedFocusAreas sought matched hoursApart mentee mentor } }
      }
    }
  }
`);
const AUDIT = graphql(`
  query ExAudit($action: String) { auditLog(action: $action, first: 50) { edges { node { action changes { field after } } } } }
`);

/**
 * A proposal's explanation names the concrete reason behind each criterion's fit, and names a
 * program's sensitive focus areas only to those who may see them (counted, never named, otherwise).
 */
describe('explanations that explain', () => {
  let api: Awaited<ReturnType<typeof testApi>>;
  let tenant: { slug: string; manager: string };
  let hiddenProgram = '';
  let openProgram = '';
  const manager = () => ({ token: tenant.manager });

  async function pairIn(programId: string, prefix: string) {
    const person = async (name: string, over: Record<string, unknown>) =>
      (
        await api.call(
          PERSON,
          {
            input: {
              email: `${prefix}-${name}@example.org`,
              givenName: name,
              familyName: 'Test',
              languages: ['nl', 'en'],
              timeZone: 'UTC',
              ...over,
            },
          },
          manager(),
        )
      ).data?.createPerson.id ?? '';
    const mentor = await person('mentor', {
      timeZone: 'Europe/London',
      location: 'Utrecht',
      department: 'Finance',
      skillsOffered: ['Excel', 'Negotiation', 'Budgeting'],
    });
    const mentee = await person('mentee', {
      timeZone: 'Europe/Helsinki',
      location: 'Utrecht',
      department: 'HR',
      skillsSought: ['excel', 'negotiation', 'writing', 'python', 'sql'],
    });
    const reasons = ['JOB_SKILLS', 'PSYCHOSOCIAL_SUPPORT', 'GOAL_SETTING'];
    await api.call(ENROL, { input: { personId: mentor, programId, role: 'MENTOR', reasons, capacity: 1 } }, manager());
    await api.call(
      ENROL,
      { input: { personId: mentee, programId, role: 'MENTEE', reasons: ['JOB_SKILLS', 'PSYCHOSOCIAL_SUPPORT'] } },
      manager(),
    );
  }

  beforeAll(async () => {
    // Prepare: two programs, one hiding psychosocial support from managers, one letting them see it.
    api = await testApi();
    tenant = await api.newTenant('Explanations');
    const program = async (name: string, managersSeeSensitiveReasons: boolean) => {
      const id =
        (
          await api.call(
            PROGRAM,
            { input: { name, privacy: { sensitiveFocusAreas: ['PSYCHOSOCIAL_SUPPORT'], managersSeeSensitiveReasons } } },
            manager(),
          )
        ).data?.createProgram.id ?? '';
      await api.call(OPEN, { id }, manager());
      return id;
    };
    hiddenProgram = await program('Hidden reasons', false);
    openProgram = await program('Open reasons', true);
    await pairIn(hiddenProgram, 'h');
    await pairIn(openProgram, 'o');
  });

  const factsBy = async (programId: string, dryRun: boolean) => {
    const res = await api.call(RUN, { programId, dryRun }, manager());
    expect(res.errors).toBeUndefined();
    const [proposal] = res.data?.runMatching.proposals ?? [];
    return Object.fromEntries((proposal?.explanation ?? []).map((part) => [part.criterion, part.facts]));
  };

  it('says which languages, skills, time zones, places and departments the pair shares', async () => {
    // Act
    const facts = await factsBy(openProgram, true);

    // Assert
    expect(facts.LANGUAGE?.shared).toEqual(['nl', 'en']);
    expect(facts.SKILLS).toMatchObject({ shared: ['Excel', 'Negotiation'], sought: 5, matched: 2 });
    expect(facts.TIME_ZONE?.hoursApart).toBe(2);
    expect(facts.LOCATION).toMatchObject({ mentee: 'Utrecht', mentor: 'Utrecht' });
    expect(facts.DEPARTMENT).toMatchObject({ mentee: 'HR', mentor: 'Finance' });
  });

  it('names shared sensitive focus areas to a manager of a program that allows it', async () => {
    const facts = await factsBy(openProgram, true);
    expect(facts.REASONS).toMatchObject({ sharedFocusAreas: ['JOB_SKILLS', 'PSYCHOSOCIAL_SUPPORT'], sought: 2, matched: 2 });
  });

  it('counts but never names a hidden sensitive focus area, in the proposal and in the audit log', async () => {
    // Act: a real run, so the proposals are stored and audited.
    const facts = await factsBy(hiddenProgram, false);

    // Assert
    expect(facts.REASONS).toMatchObject({ sharedFocusAreas: ['JOB_SKILLS'], sought: 2, matched: 2 });
    const audit = await api.call(AUDIT, { action: 'proposal.create' }, manager());
    const created = audit.data?.auditLog.edges ?? [];
    expect(created.length).toBeGreaterThan(0);
    expect(JSON.stringify(created)).toContain('JOB_SKILLS');
    expect(JSON.stringify(created)).not.toContain('PSYCHOSOCIAL_SUPPORT');
  });
});
