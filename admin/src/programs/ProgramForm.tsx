import { DateInput, minValue, NumberInput, required, SimpleForm, TextArrayInput, TextInput } from 'react-admin';

const positive = [minValue(1)];

/** The fields of ProgramInput the console edits so far; matching settings come with matching. */
export function ProgramForm() {
  return (
    <SimpleForm>
      <TextInput source="name" validate={required()} />
      <TextInput source="description" multiline minRows={3} />
      <DateInput source="enrolmentOpensOn" />
      <DateInput source="enrolmentClosesOn" />
      <TextArrayInput source="focusAreas" helperText="resources.programs.focusAreasHelp" />
      <NumberInput source="durationMonths" validate={positive} />
      <NumberInput source="mentorCapacityDefault" validate={positive} />
      <NumberInput source="cadence.expectedEveryDays" validate={positive} />
      <NumberInput source="cadence.overdueAfterDays" validate={positive} />
    </SimpleForm>
  );
}
