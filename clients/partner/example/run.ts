import { createPartnerClient, operations } from '../src/index.ts';
import { menteeFlow } from './menteeFlow.ts';

/**
 * The mentee flow against a running Kindling (`npm start`, or a deployment):
 *
 *   KINDLING_URL=http://127.0.0.1:4000/graphql KINDLING_API_KEY=kdl_… \
 *   KINDLING_MENTEE=<Person id> KINDLING_PROGRAM=<Program id> \
 *   npx tsx clients/partner/example/run.ts
 *
 * The key needs PROFILES_READ, PROGRAMS_READ, MENTORS_READ, REQUESTS_MANAGE, MENTORSHIPS_READ and
 * MEETINGS_WRITE. The same key then acts for the mentor it found to accept (a real app would wait).
 */
const env = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`Set ${name} (see the comment at the top of this file).`);
  return value;
};

const mentee = createPartnerClient({ url: env('KINDLING_URL'), apiKey: env('KINDLING_API_KEY'), personId: env('KINDLING_MENTEE') });
const result = await menteeFlow(mentee, {
  programId: env('KINDLING_PROGRAM'),
  waitForAnswer: async (id, version, mentorId) => {
    await mentee.as(mentorId).request(operations.AnswerRequest, { id, version, answer: 'ACCEPT' });
  },
});
console.log(JSON.stringify(result, null, 2));
