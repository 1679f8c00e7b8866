import { useGetOne, useTranslate } from 'react-admin';
import type { ProgramKind } from '../generated/graphql.ts';

/** What the console needs of a program to name its roles: its kind and its own names for them. */
export interface KindOfProgram {
  kind: ProgramKind;
  roleNames: { mentor?: string | null; mentee?: string | null };
}

export type Role = 'MENTOR' | 'MENTEE' | 'PEER';

/** The words one program uses for its roles (ADR 77). */
export interface RoleWords {
  kind: ProgramKind;
  /** Two peers on one side: a pair is "two peers", never a mentor and a mentee. */
  peer: boolean;
  /** A role as the program names it: a peer program's two sides are both "Peer". */
  of: (role: Role) => string;
  /** The same, counted: "3 mentors"; a program's own word is not declined ("3 × Digital coach"). */
  count: (role: Role, n: number) => string;
  /** The word for `n` of them, without the number: "Mentors", "Digital coach". */
  many: (role: Role, n: number) => string;
}

/**
 * The program's words for its roles: a peer program's participants are peers (both sides of a
 * pair), a program with role names (reverse mentoring's "Digital coach" and "Executive") uses them,
 * and any other says Mentor and Mentee. Without a program (still loading): the standard words.
 */
export function useRoleWords(program: KindOfProgram | null | undefined): RoleWords {
  const translate = useTranslate();
  const kind = program?.kind ?? 'ONE_TO_ONE';
  const peer = kind === 'PEER';
  const own = (role: Role): string | null =>
    peer || role === 'PEER' ? null : ((role === 'MENTOR' ? program?.roleNames.mentor : program?.roleNames.mentee) ?? null);
  const of = (role: Role) => own(role) ?? translate(`kindling.enrolment.role.${peer ? 'PEER' : role}`);
  const count = (role: Role, n: number) => {
    const named = own(role);
    if (named) return `${n} × ${named}`;
    return translate(`kindling.kinds.count.${peer ? 'PEER' : role}`, { smart_count: n });
  };
  const many = (role: Role, n: number) => own(role) ?? translate(`kindling.kinds.many.${peer ? 'PEER' : role}`, { smart_count: n });
  return { kind, peer, of, count, many };
}

/** {@link useRoleWords} for a program known by id (react-admin's cache usually has it). */
export function useProgramRoleWords(programId: string | null | undefined): RoleWords {
  const { data } = useGetOne<KindOfProgram & { id: string }>('programs', { id: programId ?? '' }, { enabled: Boolean(programId) });
  return useRoleWords(data);
}
