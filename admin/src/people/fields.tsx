import { Box, Chip, type ChipProps, Stack, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import type { EnrolmentStatus, ParticipantRole } from '../generated/graphql.ts';
import type { PersonRecord } from '../providers/people.ts';

/** Datagrid and SimpleShowLayout read `label` from a field's props. */
interface ColumnProps {
  label?: string;
}

function statusLook(status: EnrolmentStatus): Pick<ChipProps, 'color' | 'variant'> {
  switch (status) {
    case 'ENROLLED':
      return { color: 'info', variant: 'outlined' };
    case 'MATCHED':
      return { color: 'success', variant: 'filled' };
    case 'WITHDRAWN':
      return { color: 'default', variant: 'outlined' };
    default: {
      const unknown: never = status;
      return unknown;
    }
  }
}

export function EnrolmentStatusChip({ status }: { status: EnrolmentStatus }) {
  const translate = useTranslate();
  return <Chip size="small" label={translate(`kindling.enrolment.status.${status}`)} {...statusLook(status)} />;
}

/** A role; `label` when the program names its roles its own way (programs/roles.ts). */
export function RoleChip({ role, label }: { role: ParticipantRole; label?: string }) {
  const translate = useTranslate();
  return (
    <Chip
      size="small"
      variant="outlined"
      color={role === 'MENTOR' ? 'secondary' : role === 'PEER' ? 'default' : 'primary'}
      label={label ?? translate(`kindling.enrolment.role.${role}`)}
    />
  );
}

/** The name, with the job title under it. */
export function PersonNameField(_props: ColumnProps) {
  const record = useRecordContext<PersonRecord>();
  if (!record) return null;
  return (
    <Box sx={{ minWidth: 200 }}>
      <Typography variant="body2" sx={{ fontWeight: 500 }}>
        {record.displayName}
      </Typography>
      {record.jobTitle && (
        <Typography variant="caption" color="text.secondary">
          {record.jobTitle}
        </Typography>
      )}
    </Box>
  );
}

/** Where the person takes part, e.g. "Leadership Circle · Mentor"; withdrawn ones faded. */
export function EnrolmentChips(_props: ColumnProps) {
  const record = useRecordContext<PersonRecord>();
  const translate = useTranslate();
  const enrolments = record?.enrolments ?? [];
  if (enrolments.length === 0) return null;
  return (
    <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 0.5 }}>
      {enrolments.map((enrolment) => (
        <Chip
          key={`${enrolment.program.id}:${enrolment.role}`}
          size="small"
          variant="outlined"
          color={enrolment.status === 'WITHDRAWN' ? 'default' : enrolment.role === 'MENTOR' ? 'secondary' : 'primary'}
          sx={enrolment.status === 'WITHDRAWN' ? { opacity: 0.6, textDecoration: 'line-through' } : undefined}
          label={`${enrolment.program.name} · ${translate(`kindling.enrolment.role.${enrolment.role}`)}`}
        />
      ))}
    </Stack>
  );
}

/** A list of words (skills, languages) as chips; nothing when empty. */
export function WordChips({ words, userText = false }: { words: readonly string[]; userText?: boolean }) {
  if (words.length === 0) return null;
  return (
    // `data-user-text`: what people wrote (skills), in their words, not the console's (the language walk skips it).
    <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 0.5 }} data-user-text={userText || undefined}>
      {words.map((word) => (
        <Chip key={word} size="small" label={word} />
      ))}
    </Stack>
  );
}
