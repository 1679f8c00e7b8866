import { BooleanInput, DateInput, minValue, NumberInput, required, SaveButton, SimpleForm, TextInput, Toolbar } from 'react-admin';
import { EngagementInputs } from './EngagementInputs.tsx';
import { FocusAreasInput, SensitiveFocusAreasInput } from './FocusAreasInput.tsx';
import { KindInputs } from './KindInputs.tsx';
import { MatchingSettingsInputs } from './MatchingSettingsInputs.tsx';

const positive = [minValue(1)];

/** Save only: the API has no way to delete a program (it is closed instead). */
const saveOnly = (
  <Toolbar>
    <SaveButton />
  </Toolbar>
);

/** The fields of ProgramInput: the program itself (its kind and role names), its privacy, and (once it exists) its matching settings. */
export function ProgramForm() {
  return (
    <SimpleForm toolbar={saveOnly}>
      <TextInput source="name" validate={required()} />
      <TextInput source="description" multiline minRows={3} />
      <KindInputs />
      <DateInput source="enrolmentOpensOn" />
      <DateInput source="enrolmentClosesOn" />
      <FocusAreasInput />
      <NumberInput source="durationMonths" validate={positive} />
      <NumberInput source="mentorCapacityDefault" validate={positive} />
      <NumberInput source="cadence.expectedEveryDays" validate={positive} />
      <NumberInput source="cadence.overdueAfterDays" validate={positive} />
      <SensitiveFocusAreasInput />
      <BooleanInput source="privacy.managersSeeSensitiveReasons" helperText="resources.programs.managersSeeSensitiveHelp" />
      <MatchingSettingsInputs />
      <EngagementInputs />
    </SimpleForm>
  );
}
