import { Box, Typography } from '@mui/material';
import { Datagrid, List, Loading, NumberField, SelectInput, useListContext, useRecordContext, useTranslate } from 'react-admin';
import type { Health } from '../generated/graphql.ts';
import { ListLoadError } from '../layout/errors.tsx';
import { useFormat } from '../layout/format.ts';
import { ListPagination } from '../layout/ListPagination.tsx';
import { LocaleDateField } from '../layout/LocaleDateField.tsx';
import { NoPrograms, ProgramFilterInput, RememberProgram, useCurrentProgram } from '../programs/currentProgram.tsx';
import { useRoleWords } from '../programs/roles.ts';
import { HEALTHS, type MentorshipRow, tracksHealth } from '../providers/mentorships.ts';
import type { ProgramRecord } from '../providers/programs.ts';
import { PersonLink } from './fields.tsx';
import { HEALTH_LOOK, HealthChip, MentorshipStatusChip } from './health.tsx';

interface ColumnProps {
  label?: string;
}

/** A health choice in the filter: the chip itself, so the colour and word match the rows. */
function HealthChoice() {
  const choice = useRecordContext<{ id: Health }>();
  return choice ? <HealthChip health={choice.id} /> : null;
}

function usePairFilters(programs: readonly ProgramRecord[]) {
  const translate = useTranslate();
  return [
    <ProgramFilterInput key="programId" source="programId" alwaysOn programs={programs} />,
    <SelectInput
      key="status"
      source="status"
      label="resources.mentorships.fields.status"
      alwaysOn
      choices={(['ACTIVE', 'PAUSED', 'COMPLETED', 'ENDED_EARLY'] as const).map((s) => ({
        id: s,
        name: translate(`kindling.pairs.status.${s}`),
      }))}
      emptyText="kindling.participants.any"
      sx={{ minWidth: 160 }}
    />,
    <SelectInput
      key="health"
      source="health"
      label="resources.mentorships.fields.health"
      alwaysOn
      choices={HEALTHS.map((h) => ({ id: h, name: translate(`kindling.health.${h}`) }))}
      optionText={<HealthChoice />}
      emptyText="kindling.participants.any"
      sx={{ minWidth: 180 }}
    />,
  ];
}

function MentorField(_props: ColumnProps) {
  const pair = useRecordContext<MentorshipRow>();
  return pair ? <PersonLink person={pair.mentor} name={pair.mentorName} /> : null;
}

function MenteeField(_props: ColumnProps) {
  const pair = useRecordContext<MentorshipRow>();
  return pair ? <PersonLink person={pair.mentee} name={pair.menteeName} /> : null;
}

function StatusField(_props: ColumnProps) {
  const pair = useRecordContext<MentorshipRow>();
  return pair ? <MentorshipStatusChip status={pair.status} /> : null;
}

function HealthField(_props: ColumnProps) {
  const pair = useRecordContext<MentorshipRow>();
  if (!pair) return null;
  return tracksHealth(pair.status) ? <HealthChip health={pair.health.status} /> : <Typography color="text.disabled">—</Typography>;
}

/** The date, and how far off it is; past due dates of running pairs in the overdue colour. */
function NextContactField(_props: ColumnProps) {
  const pair = useRecordContext<MentorshipRow>();
  const format = useFormat();
  if (!pair) return null;
  if (!tracksHealth(pair.status)) return <Typography color="text.disabled">—</Typography>;
  const due = pair.health.nextContactDue;
  const late = pair.health.status === 'OVERDUE' || pair.health.status === 'NEVER_MET';
  return (
    <Box sx={{ whiteSpace: 'nowrap' }}>
      <Typography variant="body2">{format.date(due)}</Typography>
      <Typography variant="caption" sx={{ color: late ? HEALTH_LOOK.OVERDUE.colour : 'text.secondary', fontWeight: late ? 500 : 400 }}>
        {format.relative(due)}
      </Typography>
    </Box>
  );
}

function NoPairs() {
  const translate = useTranslate();
  const { filterValues } = useListContext();
  const filtered = Boolean(filterValues.status || filterValues.health);
  return (
    <Box sx={{ p: 3 }}>
      <Typography variant="h6" component="p">
        {translate(filtered ? 'kindling.pairs.noneFiltered' : 'kindling.pairs.none')}
      </Typography>
      <Typography color="text.secondary">{translate('kindling.pairs.noneHelp')}</Typography>
    </Box>
  );
}

/**
 * A program's pairs, newest first, filtered by the API: by status, and by health (the API reads
 * health on today's date, for running pairs). The dashboard's health chart links here.
 */
export function MentorshipList() {
  const { programs, program, setProgramId, isPending } = useCurrentProgram();
  const filters = usePairFilters(programs);
  // The columns say what the program calls its two sides: two peers in a peer program.
  const words = useRoleWords(program);
  if (isPending) return <Loading />;
  if (!program) return <NoPrograms />;
  return (
    <List
      filters={filters}
      filterDefaultValues={{ programId: program.id, status: 'ACTIVE' }}
      perPage={25}
      pagination={<ListPagination />}
      exporter={false}
      actions={false}
      error={<ListLoadError />}
      empty={false}
    >
      <RememberProgram onProgram={setProgramId} />
      <Datagrid rowClick="show" bulkActionButtons={false} empty={<NoPairs />} sx={{ '& td': { verticalAlign: 'top' } }}>
        <MentorField label={words.of('MENTOR')} />
        <MenteeField label={words.of('MENTEE')} />
        <StatusField label="resources.mentorships.fields.status" />
        <HealthField label="resources.mentorships.fields.health" />
        <LocaleDateField source="startedAt" label="resources.mentorships.fields.startedAt" sortable={false} />
        <NextContactField label="resources.mentorships.fields.nextContactDue" />
        <NumberField source="meetingCount" label="resources.mentorships.fields.meetingCount" sortable={false} />
      </Datagrid>
    </List>
  );
}
