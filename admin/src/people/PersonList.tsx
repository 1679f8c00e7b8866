import { Link, ToggleButton, ToggleButtonGroup } from '@mui/material';
import {
  CreateButton,
  Datagrid,
  List,
  SearchInput,
  TextField,
  TextInput,
  TopToolbar,
  useDataProvider,
  useListContext,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { today } from '../layout/download.ts';
import { ExportCsvButton } from '../layout/ExportCsvButton.tsx';
import { ListLoadError } from '../layout/errors.tsx';
import { ListPagination } from '../layout/ListPagination.tsx';
import { LocaleDateField } from '../layout/LocaleDateField.tsx';
import type { KindlingDataProvider } from '../providers/dataProvider.ts';
import type { PersonRecord } from '../providers/people.ts';
import { EnrolmentChips, PersonNameField } from './fields.tsx';

/**
 * Search, department and skill filter on the server. Department and skill match a whole name
 * (case and accents aside), so a department in a row is also a link that filters by it.
 */
function usePeopleFilters() {
  const translate = useTranslate();
  return [
    <SearchInput key="q" source="q" alwaysOn placeholder={translate('kindling.people.searchPlaceholder')} sx={{ width: 340 }} />,
    <TextInput key="department" source="department" alwaysOn resettable sx={{ width: 190 }} />,
    <TextInput key="skill" source="skill" label="resources.people.fields.skill" alwaysOn resettable sx={{ width: 190 }} />,
  ];
}

/** The API sorts by name (family name first, particles aside) or newest first: one choice, no direction. */
function SortToggle() {
  const { sort, setSort } = useListContext();
  const translate = useTranslate();
  return (
    <ToggleButtonGroup
      exclusive
      size="small"
      value={sort.field === 'createdAt' ? 'createdAt' : 'displayName'}
      onChange={(_event, field: string | null) => {
        if (field) setSort({ field, order: field === 'createdAt' ? 'DESC' : 'ASC' });
      }}
      aria-label={translate('kindling.people.sortBy')}
    >
      <ToggleButton value="displayName">{translate('kindling.people.sort.NAME')}</ToggleButton>
      <ToggleButton value="createdAt">{translate('kindling.people.sort.NEWEST')}</ToggleButton>
    </ToggleButtonGroup>
  );
}

/** Everyone matching the list's filters (not just this page), as `people-<date>.csv`. */
function ExportPeopleButton() {
  const { filterValues } = useListContext();
  const dataProvider = useDataProvider<KindlingDataProvider>();
  return <ExportCsvButton load={async () => (await dataProvider.peopleCsv(filterValues)).data} fileName={() => `people-${today()}.csv`} />;
}

function PersonListActions() {
  return (
    <TopToolbar sx={{ alignItems: 'center', gap: 1 }}>
      <SortToggle />
      <ExportPeopleButton />
      <CreateButton />
    </TopToolbar>
  );
}

/** A department in a row filters the list by it, so "who else is in Sales?" is one click. */
function DepartmentField(_props: { label?: string }) {
  const record = useRecordContext<PersonRecord>();
  const { filterValues, setFilters } = useListContext();
  const translate = useTranslate();
  if (!record?.department) return null;
  const department = record.department;
  return (
    <Link
      component="button"
      underline="hover"
      color="inherit"
      sx={{ textAlign: 'left', font: 'inherit' }}
      title={translate('kindling.people.filterByDepartment', { department })}
      onClick={(event) => {
        event.stopPropagation();
        setFilters({ ...filterValues, department });
      }}
    >
      {department}
    </Link>
  );
}

export function PersonList() {
  return (
    <List
      filters={usePeopleFilters()}
      sort={{ field: 'displayName', order: 'ASC' }}
      perPage={25}
      pagination={<ListPagination />}
      actions={<PersonListActions />}
      exporter={false}
      error={<ListLoadError />}
    >
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <PersonNameField label="resources.people.fields.displayName" />
        <DepartmentField label="resources.people.fields.department" />
        <TextField source="location" sortable={false} />
        <EnrolmentChips label="resources.people.fields.enrolments" />
        <TextField source="email" sortable={false} />
        <LocaleDateField source="createdAt" sortable={false} />
      </Datagrid>
    </List>
  );
}
