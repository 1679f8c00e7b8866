/**
 * Why an import row was not taken (or was taken with a warning), as a stable code and the facts its
 * message names: the words are chosen when the report is read, in the reader's language
 * (graphql/rowMessages.ts), so a report is never stuck in the language of whoever started it.
 */
export interface RowProblem {
  code: string;
  params: Record<string, string | number>;
}

export const rowProblem = (code: string, params: RowProblem['params'] = {}): RowProblem => ({ code, params });
