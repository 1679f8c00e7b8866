import { Avatar, Box, Link as MuiLink, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import {
  EditButton,
  Link,
  ReferenceManyField,
  Show,
  TabbedShowLayout,
  TopToolbar,
  useCreatePath,
  useLocaleState,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { AuditEntryGrid } from '../audit/AuditEntries.tsx';
import { useRecordLoadError } from '../layout/errors.tsx';
import { useFormat } from '../layout/format.ts';
import { ListPagination } from '../layout/ListPagination.tsx';
import { LocaleDateField } from '../layout/LocaleDateField.tsx';
import { useFocusAreaLabel } from '../participants/focusAreas.ts';
import { MentorLoadButton, MentorLoadChips } from '../participants/MentorLoad.tsx';
import type { PersonRecord } from '../providers/people.ts';
import { EnrolmentStatusChip, RoleChip, WordChips } from './fields.tsx';
import { languageName } from './languages.ts';
import { DownloadPersonalDataButton, ErasePersonButton } from './privacy.tsx';

function PersonShowActions() {
  return (
    <TopToolbar>
      <DownloadPersonalDataButton />
      <EditButton />
      <ErasePersonButton />
    </TopToolbar>
  );
}

const initials = (person: PersonRecord) => `${person.givenName.charAt(0)}${person.familyName.replace(/^[a-z' ]+/, '').charAt(0)}`;

/** Who this is at a glance: name, job, department, location. */
function PersonHeader() {
  const person = useRecordContext<PersonRecord>();
  if (!person) return null;
  const facts = [person.jobTitle, person.department, person.location].filter(Boolean).join(' · ');
  return (
    <Stack direction="row" spacing={2} sx={{ alignItems: 'center', px: 2, pt: 2 }}>
      <Avatar sx={{ width: 56, height: 56, bgcolor: 'primary.main' }}>{initials(person).toUpperCase()}</Avatar>
      <Box>
        <Typography variant="h5" component="h2">
          {person.displayName}
        </Typography>
        {facts && <Typography color="text.secondary">{facts}</Typography>}
      </Box>
    </Stack>
  );
}

/** A label over a value; an empty value shows as a dash, so a missing fact is visible as missing. */
function Fact({ label, children }: { label: string; children: ReactNode }) {
  const translate = useTranslate();
  const empty =
    children === null ||
    children === undefined ||
    children === false ||
    children === '' ||
    (Array.isArray(children) && children.length === 0);
  return (
    <Box sx={{ minWidth: 0 }}>
      <Typography variant="caption" color="text.secondary" component="div">
        {translate(label)}
      </Typography>
      <Box sx={{ typography: 'body2', overflowWrap: 'anywhere' }}>{empty ? '—' : children}</Box>
    </Box>
  );
}

const field = (name: string) => `resources.people.fields.${name}`;

function ProfileFacts(_props: { label: false }) {
  const person = useRecordContext<PersonRecord>();
  const [locale = 'en'] = useLocaleState();
  if (!person) return null;
  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr', lg: '1fr 1fr 1fr' }, gap: 2, py: 1 }}>
      <Fact label={field('email')}>{person.email && <MuiLink href={`mailto:${person.email}`}>{person.email}</MuiLink>}</Fact>
      <Fact label={field('externalId')}>{person.externalId}</Fact>
      <Fact label={field('managerEmail')}>{person.managerEmail}</Fact>
      <Fact label={field('jobTitle')}>{person.jobTitle}</Fact>
      <Fact label={field('department')}>{person.department}</Fact>
      <Fact label={field('industry')}>{person.industry}</Fact>
      <Fact label={field('location')}>{person.location}</Fact>
      <Fact label={field('timeZone')}>{person.timeZone.replace(/_/g, ' ')}</Fact>
      <Fact label={field('yearsExperience')}>{person.yearsExperience}</Fact>
      <Fact label={field('languages')}>{person.languages.map((code) => languageName(code, locale)).join(', ')}</Fact>
      <Fact label={field('skillsOffered')}>{person.skillsOffered.length > 0 && <WordChips words={person.skillsOffered} userText />}</Fact>
      <Fact label={field('skillsSought')}>{person.skillsSought.length > 0 && <WordChips words={person.skillsSought} userText />}</Fact>
      <Box sx={{ gridColumn: '1 / -1' }}>
        <Fact label={field('bio')}>{person.bio}</Fact>
      </Box>
      <Box sx={{ gridColumn: '1 / -1' }}>
        <Fact label={field('links')}>
          {person.links.length > 0 && (
            <Stack>
              {person.links.map((link) => (
                <MuiLink key={link} href={link} target="_blank" rel="noopener noreferrer">
                  {link}
                </MuiLink>
              ))}
            </Stack>
          )}
        </Fact>
      </Box>
      <Fact label={field('createdAt')}>
        <LocaleDateField source="createdAt" showTime />
      </Fact>
      <Fact label={field('updatedAt')}>
        <LocaleDateField source="updatedAt" showTime />
      </Fact>
    </Box>
  );
}

/** The programs this person takes part in, each with its role and status. */
function EnrolmentsTable(_props: { label: false }) {
  const person = useRecordContext<PersonRecord>();
  const translate = useTranslate();
  const createPath = useCreatePath();
  const focusArea = useFocusAreaLabel();
  const format = useFormat();
  const enrolments = person?.enrolments ?? [];
  if (enrolments.length === 0) {
    return <Typography color="text.secondary">{translate('kindling.people.noEnrolments')}</Typography>;
  }
  const participants = (name: string) => `resources.participants.fields.${name}`;
  return (
    <Table size="small">
      <TableHead>
        <TableRow>
          <TableCell>{translate('resources.programs.name', { smart_count: 1 })}</TableCell>
          <TableCell>{translate(participants('role'))}</TableCell>
          <TableCell>{translate(participants('status'))}</TableCell>
          <TableCell>{translate(participants('reasons'))}</TableCell>
          <TableCell>{translate(participants('capacity'))}</TableCell>
          <TableCell>{translate(participants('load'))}</TableCell>
          <TableCell>{translate(participants('enrolledAt'))}</TableCell>
          <TableCell />
        </TableRow>
      </TableHead>
      <TableBody>
        {enrolments.map((enrolment) => (
          <TableRow key={`${enrolment.program.id}:${enrolment.role}`}>
            <TableCell>
              <Link to={createPath({ resource: 'programs', id: enrolment.program.id, type: 'show' })}>{enrolment.program.name}</Link>
            </TableCell>
            <TableCell>
              <RoleChip role={enrolment.role} />
            </TableCell>
            <TableCell>
              <EnrolmentStatusChip status={enrolment.status} />
              {enrolment.withdrawnReason && (
                <Typography variant="caption" color="text.secondary" component="div">
                  {enrolment.withdrawnReason}
                </Typography>
              )}
            </TableCell>
            <TableCell>
              <WordChips words={enrolment.reasons.map(focusArea)} />
            </TableCell>
            <TableCell>{enrolment.capacity ?? '—'}</TableCell>
            <TableCell>
              <MentorLoadChips load={enrolment} />
            </TableCell>
            <TableCell>{format.date(enrolment.enrolledAt)}</TableCell>
            <TableCell>
              <MentorLoadButton
                target={
                  person ? { personId: person.id, programId: enrolment.program.id, role: enrolment.role, version: enrolment.version } : null
                }
                load={enrolment}
                name={`${person?.displayName ?? ''} — ${enrolment.program.name}`}
              />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

export function PersonShow() {
  const onError = useRecordLoadError();
  return (
    <Show queryOptions={{ onError }} actions={<PersonShowActions />}>
      <PersonHeader />
      <TabbedShowLayout>
        <TabbedShowLayout.Tab label="kindling.people.tabs.profile">
          <ProfileFacts label={false} />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="kindling.people.tabs.programs" path="programs">
          <EnrolmentsTable label={false} />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="kindling.people.tabs.history" path="history">
          <ReferenceManyField
            reference="audit"
            target="entityId"
            label={false}
            perPage={10}
            pagination={<ListPagination rowsPerPageOptions={[10, 25]} />}
            empty={<AuditEmpty />}
          >
            <AuditEntryGrid showEntity={false} />
          </ReferenceManyField>
        </TabbedShowLayout.Tab>
      </TabbedShowLayout>
    </Show>
  );
}

function AuditEmpty() {
  const translate = useTranslate();
  return <Typography color="text.secondary">{translate('kindling.audit.empty')}</Typography>;
}
