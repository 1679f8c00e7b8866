import { UsageError } from './args.ts';

/**
 * The operator's command line. Only this table loads up front: each command's code is imported
 * when it runs, so `kindling --help` and `kindling solve` do not pay for the API, the AWS SDK or
 * Vite.
 */
interface Command {
  synopsis: string;
  summary: string;
  /** The command's own help: its flags and an example. */
  details: string;
  load: () => Promise<{ run: (args: string[]) => Promise<void> }>;
}

const TALKS_TO_API = `  It talks to the running \`kindling start\` (found through its run file, whatever its --port), or to
  the one on --port <port> / --data <folder> when several run, or to a deployment with --api <url> --token <jwt>.`;

const COMMANDS: Record<string, Command> = {
  start: {
    synopsis: 'kindling start [--port 4000] [--dynamo-port 8000] [--data .kindling] [--in-memory] [--tick 60] [--verbose]',
    summary: 'API + console + scheduler on DynamoDB Local, seeding the demo tenant on first start.',
    details: `  --port         the API and console (default 4000, or KINDLING_PORT)
  --dynamo-port  DynamoDB Local (default 8000, or KINDLING_DYNAMO_PORT)
  --data         where the database, issuer key and mailbox live (default .kindling, or KINDLING_DATA)
  --in-memory    a throwaway run: database in memory, issuer and mailbox in a temporary folder
                 removed on exit; nothing is written to the data folder
  --tick         seconds between scheduler runs (default 60)
  --verbose      the scheduler's and the jobs' log lines (quiet by default; failures always show)

  Other commands find the run through a run file (removed on exit), so they need no --port.`,
    load: () => import('./commands/start.ts'),
  },
  token: {
    synopsis: 'kindling token --tenant <slug> --role <operator|manager|participant> [--person <id>] [--name <name>]',
    summary: 'Prints a signed bearer token from the local issuer, for scripts and partner-app developers.',
    details: `  --person   the participant a participant token acts for: the id the API and console show
             (e.g. UGVyc29uOjAxSj…) or the raw one
  --port, --data   which running Kindling (when several run); without a run, the data folder's issuer

  Example: TOKEN=$(npx kindling token --tenant demo --role manager)`,
    load: () => import('./commands/token.ts'),
  },
  seed: {
    synopsis: 'kindling seed [--dynamo-port 8000] [--data .kindling]',
    summary: 'Seeds the demo tenant into the data folder without starting the API.',
    details: '  Refuses while a `kindling start` uses the same data folder (it seeds on its first start anyway).',
    load: () => import('./commands/seed.ts'),
  },
  solve: {
    synopsis: 'kindling solve --in instance.json --out solution.json [--objective weight|coverage]',
    summary: 'Solves an assignment instance exactly (explicit weighted edges; a pair with no edge is forbidden).',
    details: `  instance.json: { "mentors": [{ "id", "capacity" }], "mentees": [{ "id" }], "edges": [{ "mentee", "mentor", "weight" }] }
  or, for peer matching (a general graph, each participant in at most one pair):
                 { "participants": [{ "id" }], "edges": [{ "a", "b", "weight" }] }  →  { "pairs": [{ "a", "b", "weight" }] }
  --objective weight (default): the heaviest assignment; coverage: the most mentees matched, then the heaviest.`,
    load: () => import('./commands/solve.ts'),
  },
  tenant: {
    synopsis: 'kindling tenant create --slug <slug> --name <name> [--time-zone Europe/Amsterdam] [--locale en|nl]',
    summary: 'Creates a tenant through the API (as a platform operator).',
    details: TALKS_TO_API,
    load: () => import('./commands/tenant.ts'),
  },
  import: {
    synopsis:
      'kindling import --tenant <slug> --program <name or id> --file <export.csv> [--role mentor|mentee] [--identity <line>=replace|same|skip]… [--identity-all replace|same|skip] [--dry-run]',
    summary: 'Imports participants from an HR export through the API: a preview of what changes, then progress and the report.',
    details: `  --role           the role of rows whose file has no role column
  The preview says per row whether it creates, updates or leaves someone unchanged, and what changes.
  A row that gives an existing employee id another name and e-mail is probably someone else: the
  import does not start until each such row has a choice:
  --identity 12=replace   line 12 is another person: created from the row alone, the employee id moves to them
  --identity 12=same      the same person under a new name and e-mail: updated
  --identity 12=skip      leave line 12 out
  --identity-all <choice> the choice for every such row not named by line
  --dry-run        stop after the preview
  Progress is a bar on a terminal, and a line every few seconds when the output is piped or logged.
${TALKS_TO_API}`,
    load: () => import('./commands/import.ts'),
  },
  'import-pairs': {
    synopsis: 'kindling import-pairs --tenant <slug> --program <name or id> --file <pairs.csv> [--dry-run]',
    summary: 'Imports running pairs (start, planned end, goals, past meetings) through the API, after a preview.',
    details: `  One row per pair: Mentor, Mentee (employee id or e-mail), Start date, Planned end, Goals and
  Meetings (dates separated by ;). Every row it will not take is listed with its reasons first.
  --dry-run   stop after the preview
${TALKS_TO_API}`,
    load: () => import('./commands/importPairs.ts'),
  },
  'reindex-search': {
    synopsis: 'kindling reindex-search [--tenant <slug>]',
    summary: "Makes people stored before the search index findable, counts each tenant's people, and builds missing discovery indexes.",
    details: `  --tenant   only this tenant (default: every tenant)
  --port, --data   which data: the running Kindling's database when one runs on it, else the data folder's
  Writes only the search tokens a person lacks, and the discovery index only of programs stored
  before it (their mentors' ranking is read from every card until then): a second run writes nothing new.`,
    load: () => import('./commands/reindexSearch.ts'),
  },
  job: {
    synopsis: 'kindling job run <lifecycle|matching|engagement> [--tenant <slug>] [--at <ISO time>]',
    summary: 'Runs a scheduled job now, for one tenant or all, optionally as if it were another time.',
    details: `  --tenant   only this tenant (default: every tenant, as the schedule does)
  --at       the job's clock, e.g. 2026-03-02T12:00:00+01:00: rehearse a program's weeks on a copy of
             the data (cp -r .kindling /tmp/rehearsal; kindling job run engagement --data /tmp/rehearsal --at …)
  --port, --data   which data: the running Kindling's database when one runs on it, else the data folder's
                   (DynamoDB Local is started for the run and stopped after)

  Messages it sends land in that run's mailbox. In AWS, operators use the runJob mutation instead.`,
    load: () => import('./commands/job.ts'),
  },
};

const USAGE = `kindling — run Kindling on this machine

${Object.values(COMMANDS)
  .map((c) => `  ${c.synopsis}\n      ${c.summary}`)
  .join('\n')}

  \`kindling <command> --help\` explains a command. Environment: KINDLING_PORT, KINDLING_DYNAMO_PORT,
  KINDLING_DATA stand in for the flags.`;

const help = (c: Command) => `${c.synopsis}\n\n  ${c.summary}\n\n${c.details}`;

const [name = 'help', ...args] = process.argv.slice(2);
const command = COMMANDS[name];
if (!command) {
  const asked = name === 'help' || name === '--help' || name === '-h';
  (asked ? console.log : console.error)(asked ? USAGE : `Unknown command "${name}".\n\n${USAGE}`);
  process.exit(asked ? 0 : 2);
}
if (args.includes('--help') || args.includes('-h')) {
  console.log(help(command));
  process.exit(0);
}
try {
  await (await command.load()).run(args);
} catch (e) {
  if (e instanceof UsageError) {
    console.error(`${e.message}\n\n${help(command)}`);
    process.exit(2);
  }
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
}
