import type { ComponentType } from 'react';
import { Pagination, type PaginationProps, useListPaginationContext, useTranslate } from 'react-admin';
import { useFormat } from './format.ts';

/**
 * The console's pagination: "1–25 of 4,012" with the total in the reader's number format (the API's
 * `totalCount`), and "1–25 of many" where the API cannot count cheaply (a search, the audit log:
 * ADR 54) — never react-admin's "of more than 25".
 */
type Rows = { from: number; to: number; count: number };
// react-admin's Pagination passes its other props on to MUI's TablePagination, after its own label.
const Base = Pagination as ComponentType<PaginationProps & { labelDisplayedRows: (rows: Rows) => string }>;

export function ListPagination(props: PaginationProps) {
  const translate = useTranslate();
  const format = useFormat();
  const { hasNextPage } = useListPaginationContext();
  const labelDisplayedRows = ({ from, to, count }: Rows) =>
    count === -1 && hasNextPage
      ? translate('kindling.pagination.ofMany', { from: format.number(from), to: format.number(to) })
      : translate('kindling.pagination.of', {
          from: format.number(from),
          to: format.number(to),
          total: format.number(count === -1 ? to : count),
        });
  return <Base rowsPerPageOptions={[10, 25, 50]} labelDisplayedRows={labelDisplayedRows} {...props} />;
}
