import { type Actor, reachesProgram, type Scope } from '#domain/kernel/actors.ts';
import type { Page, PageRequest } from '#domain/kernel/pages.ts';
import { authorize } from '#domain/kernel/visibility.ts';
import type { Program } from '#domain/programs/programs.ts';
import type { ImportJob, ImportStore } from './importJobs.ts';
import type { Enrolment, Person } from './people.ts';

export const READ_IMPORTS = 'read imports';

/** A program's imports, newest first: its managers'. */
export function programImports(
  deps: { imports: Pick<ImportStore, 'listImports'> },
  scope: Scope,
  program: Program,
  page: PageRequest,
): Promise<Page<ImportJob>> {
  authorize(scope.actor, READ_IMPORTS);
  return deps.imports.listImports(program.tenantId, program.id, page);
}

/** The rows an import rejected, with their reasons (the job was read by someone allowed to). */
export const importProblemsOf = (deps: { imports: Pick<ImportStore, 'importProblems'> }, job: ImportJob) =>
  deps.imports.importProblems(job.tenantId, job.id);

/** A person by id, or null: participants reach only themselves. `load` reads (and batches) the record. */
export const findPerson = (scope: Scope, id: string, load: (id: string) => Promise<Person | null>): Promise<Person | null> | null =>
  scope.actor.role === 'participant' && scope.actor.personId !== id ? null : load(id);

/** The enrolments a caller reaches: a key restricted to one program sees only that program's. */
export const reachableEnrolments = (actor: Actor, enrolments: readonly Enrolment[]): Enrolment[] =>
  enrolments.filter((e) => reachesProgram(actor, e.programId));
