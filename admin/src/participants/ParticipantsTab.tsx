import { Box, Stack, Typography } from '@mui/material';
import {
  Datagrid,
  FilterForm,
  Link,
  NumberField,
  ReferenceManyField,
  SearchInput,
  SelectInput,
  TextField,
  TextInput,
  useCreatePath,
  useDataProvider,
  useListContext,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { ImportButton, PairImportButton } from '../imports/ImportButton.tsx';
import { slug, today } from '../layout/download.ts';
import { ExportCsvButton } from '../layout/ExportCsvButton.tsx';
import { ListPagination } from '../layout/ListPagination.tsx';
import { LocaleDateField } from '../layout/LocaleDateField.tsx';
import { EnrolmentStatusChip, RoleChip, WordChips } from '../people/fields.tsx';
import { type RoleWords, useRoleWords } from '../programs/roles.ts';
import type { KindlingDataProvider } from '../providers/dataProvider.ts';
import type { ParticipantRecord } from '../providers/participants.ts';
import type { ProgramRecord } from '../providers/programs.ts';
import { EnrolButton } from './EnrolButton.tsx';
import { useFocusAreaLabel } from './focusAreas.ts';
import { MentorLoadButton, MentorLoadChips } from './MentorLoad.tsx';
import { WithdrawButton } from './WithdrawButton.tsx';

interface ColumnProps {
  label?: string;
}

function useParticipantFilters(words: RoleWords) {
  const translate = useTranslate();
  const choices = (kind: 'role' | 'status', values: string[]) =>
    values.map((value) => ({ id: value, name: translate(`kindling.enrolment.${kind}.${value}`) }));
  return [
    <SearchInput key="q" source="q" alwaysOn placeholder={translate('kindling.participants.searchPlaceholder')} sx={{ width: 240 }} />,
    // A peer program has one role: nothing to filter by.
    ...(words.peer
      ? []
      : [
          <SelectInput
            key="role"
            source="role"
            alwaysOn
            choices={(['MENTOR', 'MENTEE'] as const).map((role) => ({ id: role, name: words.of(role) }))}
            emptyText="kindling.participants.any"
            sx={{ width: 160 }}
          />,
        ]),
    <SelectInput
      key="status"
      source="status"
      alwaysOn
      choices={choices('status', ['ENROLLED', 'MATCHED', 'WITHDRAWN'])}
      emptyText="kindling.participants.any"
      sx={{ width: 160 }}
    />,
    <TextInput key="department" source="department" alwaysOn resettable sx={{ width: 170 }} />,
    <TextInput key="skill" source="skill" label="resources.people.fields.skill" alwaysOn resettable sx={{ width: 170 }} />,
  ];
}

/** The name, linking to the person; an erased person keeps only a pseudonym and no link. */
function ParticipantNameField(_props: ColumnProps) {
  const participant = useRecordContext<ParticipantRecord>();
  const createPath = useCreatePath();
  if (!participant) return null;
  const personId = participant.person?.id;
  return (
    <Box sx={{ minWidth: 170 }}>
      {personId ? (
        <Link to={createPath({ resource: 'people', id: personId, type: 'show' })} sx={{ fontWeight: 500 }}>
          {participant.displayName}
        </Link>
      ) : (
        <Typography variant="body2" color="text.secondary">
          {participant.displayName}
        </Typography>
      )}
      {participant.person?.jobTitle && (
        <Typography variant="caption" color="text.secondary" component="div">
          {participant.person.jobTitle}
        </Typography>
      )}
    </Box>
  );
}

function RoleField({ words }: ColumnProps & { words: RoleWords }) {
  const participant = useRecordContext<ParticipantRecord>();
  return participant ? <RoleChip role={participant.role} label={words.of(participant.role)} /> : null;
}

function StatusField(_props: ColumnProps) {
  const participant = useRecordContext<ParticipantRecord>();
  if (!participant) return null;
  return (
    <Box>
      <EnrolmentStatusChip status={participant.status} />
      {participant.withdrawnReason && (
        <Typography variant="caption" color="text.secondary" component="div" sx={{ maxWidth: 220 }}>
          {participant.withdrawnReason}
        </Typography>
      )}
    </Box>
  );
}

/** A mentor away, closed to requests or full, in colour and words. */
function LoadField(_props: ColumnProps) {
  const participant = useRecordContext<ParticipantRecord>();
  return participant ? <MentorLoadChips load={participant} /> : null;
}

/** The mentor's load form, on their row. */
function LoadButton(_props: ColumnProps) {
  const participant = useRecordContext<ParticipantRecord>();
  if (!participant) return null;
  const personId = participant.person?.id;
  const target = personId ? { personId, programId: participant.programId, role: participant.role, version: participant.version } : null;
  return <MentorLoadButton target={target} load={participant} name={participant.displayName} />;
}

function ReasonsField(_props: ColumnProps) {
  const participant = useRecordContext<ParticipantRecord>();
  const focusArea = useFocusAreaLabel();
  return participant ? <WordChips words={participant.reasons.map(focusArea)} /> : null;
}

/** The participants matching the tab's filters (all pages), as `participants-<program>-<date>.csv`. */
function ExportParticipantsButton({ program }: { program: ProgramRecord }) {
  const { filterValues } = useListContext();
  const dataProvider = useDataProvider<KindlingDataProvider>();
  return (
    <ExportCsvButton
      load={async () => (await dataProvider.participantsCsv(program.id, filterValues)).data}
      fileName={() => `participants-${slug(program.name)}-${today()}.csv`}
    />
  );
}

function NoParticipants() {
  const translate = useTranslate();
  return (
    <Typography color="text.secondary" sx={{ p: 2 }}>
      {translate('kindling.participants.empty')}
    </Typography>
  );
}

/**
 * A program's participants, filtered and paged by the API (see providers/participants.ts).
 * Enrolling someone and withdrawing someone happen here, in dialogs.
 */
export function ParticipantsTab(_props: { label: false }) {
  const program = useRecordContext<ProgramRecord>();
  const words = useRoleWords(program);
  const filters = useParticipantFilters(words);
  const translate = useTranslate();
  if (!program) return null;
  return (
    <ReferenceManyField
      reference="participants"
      target="programId"
      perPage={25}
      sort={{ field: 'displayName', order: 'ASC' }}
      pagination={<ListPagination />}
    >
      <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', gap: 2, pt: 1 }}>
        <Typography color="text.secondary">
          {words.peer
            ? translate('kindling.participants.countsPeer', {
                peers: words.count('PEER', program.counts.mentees),
                pairs: program.counts.activeMentorships,
              })
            : translate('kindling.participants.countsNamed', {
                mentors: words.count('MENTOR', program.counts.mentors),
                mentees: words.count('MENTEE', program.counts.mentees),
                pairs: program.counts.activeMentorships,
              })}
        </Typography>
        <Stack direction="row" sx={{ alignItems: 'center', gap: 1 }}>
          <ExportParticipantsButton program={program} />
          <ImportButton program={program} />
          <PairImportButton program={program} />
          <EnrolButton program={program} />
        </Stack>
      </Stack>
      <FilterForm filters={filters} />
      <Datagrid bulkActionButtons={false} rowClick={false} empty={<NoParticipants />} sx={{ '& td': { verticalAlign: 'top' } }}>
        <ParticipantNameField label="resources.participants.fields.displayName" />
        <RoleField label="resources.participants.fields.role" words={words} />
        <StatusField label="resources.participants.fields.status" />
        <LoadField label="resources.participants.fields.load" />
        <ReasonsField label="resources.participants.fields.reasons" />
        <NumberField source="capacity" sortable={false} emptyText="—" />
        <NumberField source="hoursPerMonth" sortable={false} emptyText="—" />
        <TextField source="department" sortable={false} emptyText="—" />
        <LocaleDateField source="enrolledAt" sortable={false} />
        <LoadButton />
        <WithdrawButton />
      </Datagrid>
    </ReferenceManyField>
  );
}
