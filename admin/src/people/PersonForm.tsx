import { Box, Typography } from '@mui/material';
import { type ReactNode, useMemo } from 'react';
import {
  AutocompleteArrayInput,
  AutocompleteInput,
  email,
  maxLength,
  maxValue,
  minValue,
  NumberInput,
  required,
  SaveButton,
  SimpleForm,
  type SimpleFormProps,
  TextArrayInput,
  TextInput,
  Toolbar,
  useLocaleState,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import type { PersonRecord } from '../providers/people.ts';
import { languageChoices, timeZoneChoices } from './languages.ts';

/** The limits the API checks too; checking them here saves a round trip. */
const validate = {
  givenName: [required(), maxLength(80)],
  familyName: [required(), maxLength(120)],
  email: [required(), email()],
  managerEmail: [email()],
  text: [maxLength(120)],
  timeZone: [required()],
  languages: [required()],
  yearsExperience: [minValue(0), maxValue(70)],
  bio: [maxLength(2000)],
};

function Section({ title, children }: { title: string; children: ReactNode }) {
  const translate = useTranslate();
  return (
    <Box sx={{ width: '100%' }}>
      <Typography variant="subtitle2" color="text.secondary" sx={{ mt: 1, mb: 1 }}>
        {translate(title)}
      </Typography>
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' }, columnGap: 2 }}>{children}</Box>
    </Box>
  );
}

/**
 * Save only: people are never deleted, they are erased on request (see privacy.tsx). A notice
 * (e.g. "changed by someone else") sits next to the button that caused it.
 */
function PersonToolbar({ notice }: { notice?: ReactNode }) {
  return (
    <Toolbar sx={{ gap: 2 }}>
      <SaveButton />
      {notice && <Box sx={{ flex: 1 }}>{notice}</Box>}
    </Toolbar>
  );
}

/**
 * Every field of a profile, grouped as a manager thinks of them. Field problems the API reports
 * land on these inputs (see providers/problems.ts), so each PersonPatch field has one here.
 */
export function PersonForm({ notice, ...props }: Omit<SimpleFormProps, 'children' | 'toolbar'> & { notice?: ReactNode }) {
  const record = useRecordContext<PersonRecord>();
  const [locale = 'en'] = useLocaleState();
  const zones = useMemo(() => timeZoneChoices(record?.timeZone), [record?.timeZone]);
  return (
    <SimpleForm toolbar={<PersonToolbar notice={notice} />} {...props}>
      <Section title="kindling.people.sections.name">
        <TextInput source="givenName" validate={validate.givenName} />
        <TextInput source="familyName" validate={validate.familyName} />
      </Section>
      <Section title="kindling.people.sections.contact">
        <TextInput source="email" type="email" validate={validate.email} />
        <TextInput source="externalId" validate={validate.text} />
        <TextInput source="managerEmail" type="email" validate={validate.managerEmail} />
      </Section>
      <Section title="kindling.people.sections.work">
        <TextInput source="jobTitle" validate={validate.text} />
        <TextInput source="department" validate={validate.text} />
        <TextInput source="location" validate={validate.text} />
        <AutocompleteInput source="timeZone" choices={zones} validate={validate.timeZone} />
        <TextInput source="industry" validate={validate.text} />
        <NumberInput source="yearsExperience" min={0} max={70} step={1} validate={validate.yearsExperience} />
      </Section>
      <Section title="kindling.people.sections.profile">
        <AutocompleteArrayInput source="languages" choices={languageChoices(locale)} validate={validate.languages} />
        <TextArrayInput source="links" helperText="kindling.people.linksHelp" />
        <TextArrayInput source="skillsOffered" helperText="kindling.people.skillsHelp" />
        <TextArrayInput source="skillsSought" helperText="kindling.people.skillsHelp" />
      </Section>
      <TextInput source="bio" multiline minRows={3} validate={validate.bio} />
    </SimpleForm>
  );
}
