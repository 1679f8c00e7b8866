import { Alert, Box, Typography } from '@mui/material';
import { maxValue, minValue, NumberInput, TextInput, useRecordContext, useTranslate } from 'react-admin';
import type { ProgramRecord } from '../providers/programs.ts';

const days = [minValue(1), maxValue(90)];
const hour = [minValue(0), maxValue(23)];
const count = [minValue(1), maxValue(50)];

/** "3, 7" ↔ [3, 7]: the follow-up days as a manager types them. */
const formatDays = (value: unknown) => (Array.isArray(value) ? value.join(', ') : '');
const parseDays = (value: string) =>
  value
    .split(/[,;\s]+/)
    .filter((part) => part !== '')
    .map(Number);
const validDays = (value: unknown) =>
  Array.isArray(value) && value.every((n) => Number.isInteger(n) && n >= 1 && n <= 90)
    ? undefined
    : 'resources.programs.engagement.daysInvalid';

/** The program's rhythm: follow-ups, nudges, escalation, quiet hours and the weekly cap (engagement job). */
export function EngagementInputs() {
  const program = useRecordContext<ProgramRecord>();
  const translate = useTranslate();
  if (!program?.engagement) {
    return <Alert severity="info">{translate('resources.programs.engagement.afterCreate')}</Alert>;
  }
  return (
    <Box sx={{ width: '100%' }} component="section" aria-labelledby="engagement-title">
      <Typography id="engagement-title" variant="h6" component="h2" sx={{ mt: 2 }}>
        {translate('resources.programs.engagement.title')}
      </Typography>
      <Typography color="text.secondary" sx={{ mb: 2 }}>
        {translate('resources.programs.engagement.help')}
      </Typography>
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' }, columnGap: 3 }}>
        <TextInput
          source="engagement.followUpDays"
          format={formatDays}
          parse={parseDays}
          validate={validDays}
          helperText="resources.programs.engagement.followUpDaysHelp"
        />
        <NumberInput source="engagement.nudgeLeadDays" validate={days} helperText="resources.programs.engagement.nudgeLeadDaysHelp" />
        <NumberInput
          source="engagement.escalateAfterDays"
          validate={days}
          helperText="resources.programs.engagement.escalateAfterDaysHelp"
        />
        <NumberInput
          source="engagement.unresponsiveAfter"
          validate={count}
          helperText="resources.programs.engagement.unresponsiveAfterHelp"
        />
        <NumberInput source="engagement.quietHoursStart" validate={hour} helperText="resources.programs.engagement.quietHoursHelp" />
        <NumberInput source="engagement.quietHoursEnd" validate={hour} helperText="resources.programs.engagement.quietHoursHelp" />
        <NumberInput source="engagement.weeklyCap" validate={count} helperText="resources.programs.engagement.weeklyCapHelp" />
        <TextInput source="engagement.managerEmail" type="email" helperText="resources.programs.engagement.managerEmailHelp" />
      </Box>
    </Box>
  );
}
