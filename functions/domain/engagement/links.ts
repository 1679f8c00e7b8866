/**
 * The one-click actions an engagement e-mail can offer (ADR 0059), as values the planner, the
 * templates and the sender share. What a link does when used is `actionLinks.ts`.
 */
export const LINK_ACTIONS = ['ACCEPT_REQUEST', 'DECLINE_REQUEST', 'CONFIRM_MEETING', 'CHECK_IN_SURVEY', 'CLOSING_SURVEY'] as const;
export type LinkAction = (typeof LINK_ACTIONS)[number];

/** What a planned message offers: the action and the record it acts on (a request or a mentorship id). */
export interface PlannedLink {
  action: LinkAction;
  targetId: string;
}

/** A link as an e-mail shows it. */
export interface RenderedLink {
  action: LinkAction;
  url: string;
}
