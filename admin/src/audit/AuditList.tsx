import { List, Pagination } from 'react-admin';
import { ListLoadError } from '../layout/errors.tsx';
import { AuditEntryGrid } from './AuditEntries.tsx';

/** The organisation's changes, newest first, as the API keeps them: no sorting, filters or totals. */
export function AuditList() {
  return (
    <List
      perPage={25}
      pagination={<Pagination rowsPerPageOptions={[10, 25, 50]} />}
      exporter={false}
      actions={false}
      error={<ListLoadError />}
      empty={false}
    >
      <AuditEntryGrid />
    </List>
  );
}
