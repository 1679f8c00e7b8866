import PersonAddIcon from '@mui/icons-material/PersonAdd';
import { Dialog, DialogActions, DialogContent, DialogTitle, Button as MuiButton } from '@mui/material';
import { useState } from 'react';
import {
  AutocompleteInput,
  BooleanInput,
  Button,
  CheckboxGroupInput,
  Form,
  FormDataConsumer,
  maxValue,
  minValue,
  NumberInput,
  RadioButtonGroupInput,
  ReferenceInput,
  required,
  SaveButton,
  SelectInput,
  useDataProvider,
  useNotify,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { useRoleWords } from '../programs/roles.ts';
import type { KindlingDataProvider } from '../providers/dataProvider.ts';
import { newIdempotencyKey } from '../providers/idempotency.ts';
import type { EnrolValues } from '../providers/participants.ts';
import type { PersonRecord } from '../providers/people.ts';
import { fieldErrorsOf } from '../providers/problems.ts';
import type { ProgramRecord } from '../providers/programs.ts';
import { useFocusAreaLabel } from './focusAreas.ts';

const personLabel = (person: PersonRecord) => (person.department ? `${person.displayName} — ${person.department}` : person.displayName);

const capacityRange = [minValue(0), maxValue(20)];
const hoursRange = [minValue(0), maxValue(80)];

/**
 * Enrols someone in this program: find them by name, e-mail or employee id (the API searches),
 * pick the role and the focus areas (the program's own), and for mentors how many mentees at once.
 */
export function EnrolButton({ program }: { program: ProgramRecord }) {
  const dataProvider = useDataProvider<KindlingDataProvider>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const focusArea = useFocusAreaLabel();
  const [open, setOpen] = useState(false);
  // One key per opening of the dialog: a double submit enrols once.
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);
  const closed = program.status === 'CLOSED';

  const start = () => {
    setIdempotencyKey(newIdempotencyKey());
    setOpen(true);
  };

  const submit = async (values: EnrolValues) => {
    try {
      const { data } = await dataProvider.enrol(program.id, values, idempotencyKey);
      notify('kindling.participants.enrolled', { type: 'success', messageArgs: { name: data.displayName } });
      setOpen(false);
      refresh();
    } catch (error) {
      const errors = fieldErrorsOf(error);
      if (errors) return errors;
      const message = error instanceof Error ? error.message : String(error);
      notify(message, { type: 'error', messageArgs: { _: message } });
    }
    return undefined;
  };

  // A peer program enrols everyone as a peer; the others as the program names its two roles.
  const words = useRoleWords(program);
  const roles = (words.peer ? (['PEER'] as const) : (['MENTEE', 'MENTOR'] as const)).map((role) => ({ id: role, name: words.of(role) }));
  const reasons = program.focusAreas.map((area) => ({ id: area, name: focusArea(area) }));

  return (
    <>
      <Button
        label="kindling.participants.enrol"
        variant="contained"
        onClick={start}
        disabled={closed}
        title={closed ? translate('kindling.participants.closed') : undefined}
      >
        <PersonAddIcon />
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} maxWidth="sm" fullWidth aria-labelledby="enrol-title">
        <Form
          onSubmit={(values: Record<string, unknown>) => submit(values as EnrolValues)}
          defaultValues={{
            role: words.peer ? 'PEER' : 'MENTEE',
            reasons: [],
            capacity: program.mentorCapacityDefault,
            openToSponsoring: false,
          }}
        >
          <DialogTitle id="enrol-title">{translate('kindling.participants.enrolTitle', { program: program.name })}</DialogTitle>
          <DialogContent>
            <ReferenceInput source="personId" reference="people">
              <AutocompleteInput
                optionText={personLabel}
                filterToQuery={(search: string) => ({ q: search })}
                validate={required()}
                helperText="kindling.participants.personHelp"
                noOptionsText="kindling.participants.noPeople"
              />
            </ReferenceInput>
            <RadioButtonGroupInput source="role" choices={roles} row validate={required()} />
            <CheckboxGroupInput
              source="reasons"
              choices={reasons}
              validate={required()}
              helperText="kindling.participants.reasonsHelp"
              sx={{ '& .MuiFormGroup-root': { display: 'grid', gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr' } } }}
            />
            <FormDataConsumer<EnrolValues>>
              {({ formData }) =>
                formData.role === 'MENTOR' && (
                  <>
                    <NumberInput
                      source="capacity"
                      min={0}
                      max={20}
                      step={1}
                      validate={capacityRange}
                      helperText="kindling.participants.capacityHelp"
                    />
                    <BooleanInput source="openToSponsoring" />
                  </>
                )
              }
            </FormDataConsumer>
            {program.kind === 'GROUP' && (
              <FormDataConsumer<EnrolValues>>
                {({ formData }) => (
                  <SelectInput
                    source="circleTopic"
                    label="resources.participants.fields.circleTopic"
                    choices={reasons}
                    emptyText="kindling.circles.generalCircle"
                    helperText={formData.role === 'MENTOR' ? 'kindling.circles.mentorTopicHelp' : 'kindling.circles.menteeTopicHelp'}
                  />
                )}
              </FormDataConsumer>
            )}
            <NumberInput source="hoursPerMonth" min={0} max={80} step={1} validate={hoursRange} />
          </DialogContent>
          <DialogActions>
            <MuiButton onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</MuiButton>
            <SaveButton label="kindling.participants.enrolConfirm" icon={<PersonAddIcon />} alwaysEnable />
          </DialogActions>
        </Form>
      </Dialog>
    </>
  );
}
