import { Alert, Box, Typography } from '@mui/material';
import { BooleanInput, maxValue, minValue, NumberInput, SelectInput, useRecordContext, useTranslate } from 'react-admin';
import type { ProgramRecord } from '../providers/programs.ts';

const weight = [minValue(0), maxValue(10)];
const score = [minValue(0), maxValue(1)];
const days = [minValue(1), maxValue(90)];

const choices = (values: readonly string[], prefix: string) => values.map((id) => ({ id, name: `${prefix}.${id}` }));

/**
 * The program's matching settings: a weight per criterion with what it rewards, the hard
 * constraints, the objective, the schedule and the approval mode. A new program starts from the
 * defaults; they are edited here once it exists.
 */
export function MatchingSettingsInputs() {
  const program = useRecordContext<ProgramRecord>();
  const translate = useTranslate();
  if (!program?.matching) {
    return <Alert severity="info">{translate('resources.programs.matchingAfterCreate')}</Alert>;
  }
  return (
    <Box sx={{ width: '100%' }}>
      <Typography variant="h6" component="h2" sx={{ mt: 2 }}>
        {translate('resources.programs.matchingTitle')}
      </Typography>
      <Typography color="text.secondary" sx={{ mb: 2 }}>
        {translate('resources.programs.weightsHelp')}
      </Typography>
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' }, columnGap: 3 }}>
        {program.matching.weights.map((w, i) => (
          <NumberInput
            key={w.criterion}
            source={`matching.weights.${i}.weight`}
            label={translate(`kindling.matching.criteria.${w.criterion}`, { _: w.criterion })}
            helperText={translate(`resources.programs.criteriaHelp.${w.criterion}`, { _: '' })}
            validate={weight}
            step={0.5}
          />
        ))}
      </Box>
      <Typography variant="subtitle1" component="h3" sx={{ mt: 2 }}>
        {translate('resources.programs.constraintsTitle')}
      </Typography>
      <BooleanInput source="matching.requireSharedLanguage" helperText="resources.programs.requireSharedLanguageHelp" />
      <NumberInput source="matching.minimumScore" validate={score} step={0.05} helperText="resources.programs.minimumScoreHelp" />
      <SelectInput
        source="matching.departmentPolicy"
        choices={choices(['ACROSS', 'WITHIN', 'ANY'], 'resources.programs.departmentPolicy')}
        helperText="resources.programs.departmentPolicyHelp"
      />
      <Typography variant="subtitle1" component="h3" sx={{ mt: 2 }}>
        {translate('resources.programs.runsTitle')}
      </Typography>
      <SelectInput
        source="matching.objective"
        choices={choices(['WEIGHT', 'COVERAGE'], 'kindling.matching.objectives')}
        helperText="resources.programs.objectiveHelp"
      />
      <NumberInput source="matching.scheduleEveryDays" validate={days} helperText="resources.programs.scheduleHelp" />
      <SelectInput
        source="matching.approvalMode"
        choices={choices(['MANUAL', 'AUTOMATIC'], 'resources.programs.approvalMode')}
        helperText="resources.programs.approvalModeHelp"
      />
    </Box>
  );
}
