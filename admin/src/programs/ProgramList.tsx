import { Datagrid, List, NumberField, TextField } from 'react-admin';
import { ListLoadError } from '../layout/errors.tsx';
import { ListPagination } from '../layout/ListPagination.tsx';
import { EnrolmentWindowField, ProgramStatusField } from './fields.tsx';

/** The API lists programs in its own order, by cursor: no sorting, no totals, no export. */
export function ProgramList() {
  return (
    <List perPage={25} pagination={<ListPagination />} exporter={false} error={<ListLoadError />}>
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <TextField source="name" sortable={false} />
        <ProgramStatusField source="status" sortable={false} />
        <EnrolmentWindowField label="resources.programs.fields.enrolment" sortable={false} />
        <NumberField source="counts.mentors" sortable={false} />
        <NumberField source="counts.mentees" sortable={false} />
        <NumberField source="counts.activeMentorships" sortable={false} />
      </Datagrid>
    </List>
  );
}
