import { DateInput, List, SelectInput, TextInput, useTranslate } from 'react-admin';
import { ListLoadError } from '../layout/errors.tsx';
import { ListPagination } from '../layout/ListPagination.tsx';
import { AuditEntryGrid } from './AuditEntries.tsx';

/** The actions a reader can narrow to: a kind (every action of it) or one action. */
const ACTIONS = [
  'person',
  'person.create',
  'person.update',
  'person.enrol',
  'person.withdraw',
  'person.erase',
  'person.export',
  'program',
  'program.create',
  'program.update',
  'program.status',
  'matching.run',
  'proposal',
  'proposal.create',
  'proposal.approve',
  'proposal.reject',
  'mentorship',
  'mentorship.start',
  'mentorship.meeting',
  'request',
  'import',
  'apiKey',
  'webhook',
];

const ENTITY_TYPES = ['Person', 'Program', 'Proposal', 'Mentorship', 'Request', 'Import', 'ApiKey', 'WebhookSubscription', 'Tenant'];

function useAuditFilters() {
  const translate = useTranslate();
  const actionLabel = (action: string) =>
    action.includes('.')
      ? translate(`kindling.audit.actions.${action}`, { _: action })
      : translate('kindling.audit.everyAction', { kind: translate(`kindling.audit.actionKinds.${action}`, { _: action }) });
  return [
    <SelectInput
      key="action"
      source="action"
      label="kindling.audit.filters.action"
      choices={ACTIONS.map((id) => ({ id, name: actionLabel(id) }))}
      translateChoice={false}
      alwaysOn
    />,
    <SelectInput
      key="entityType"
      source="entityType"
      label="kindling.audit.filters.entityType"
      choices={ENTITY_TYPES.map((id) => ({ id, name: translate(`kindling.audit.entityTypes.${id}`, { _: id }) }))}
      translateChoice={false}
      alwaysOn
    />,
    <TextInput
      key="actorId"
      source="actorId"
      label="kindling.audit.filters.actor"
      helperText="kindling.audit.filters.actorHelp"
      alwaysOn
    />,
    <DateInput key="from" source="from" label="kindling.audit.filters.from" alwaysOn />,
    <DateInput key="to" source="to" label="kindling.audit.filters.to" alwaysOn />,
  ];
}

/** The organisation's changes, newest first, 25 to a page, narrowed by what, which record, who and when. */
export function AuditList() {
  return (
    <List perPage={25} pagination={<ListPagination />} filters={useAuditFilters()} exporter={false} error={<ListLoadError />} empty={false}>
      <AuditEntryGrid />
    </List>
  );
}
