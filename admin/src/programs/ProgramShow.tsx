import { LinearProgress } from '@mui/material';
import { lazy, Suspense } from 'react';
import { NumberField, Show, TabbedShowLayout, TextField, useRecordContext } from 'react-admin';
import { CirclesTab } from '../circles/CirclesTab.tsx';
import { ImportsTab } from '../imports/ImportsTab.tsx';
import { useRecordLoadError } from '../layout/errors.tsx';
import { LocaleDateField } from '../layout/LocaleDateField.tsx';
import { ParticipantsTab } from '../participants/ParticipantsTab.tsx';
import type { ProgramRecord } from '../providers/programs.ts';
import { AttentionList } from './AttentionList.tsx';
import { FocusAreasField } from './FocusAreasInput.tsx';
import { EnrolmentWindowField, ProgramStatusField } from './fields.tsx';
import { ProgramKindField } from './KindInputs.tsx';
import { ProgramStatusControl } from './ProgramStatusControl.tsx';

/** Matching (tables, bars, dialogs) loads when its tab opens. */
const MatchingTab = lazy(() => import('../matching/MatchingTab.tsx').then(({ MatchingTab }) => ({ default: MatchingTab })));

export function ProgramShow() {
  const onError = useRecordLoadError();
  return (
    <Show queryOptions={{ onError }}>
      <ProgramTabs />
    </Show>
  );
}

/** The tabs; a group program has its circles too (ADR 75). */
function ProgramTabs() {
  const program = useRecordContext<ProgramRecord>();
  return (
    <TabbedShowLayout>
      <TabbedShowLayout.Tab label="resources.programs.tabs.overview">
        <ProgramStatusControl />
        <AttentionList />
        <TextField source="name" />
        <ProgramStatusField source="status" />
        <ProgramKindField source="kind" />
        <TextField source="description" />
        <EnrolmentWindowField label="resources.programs.fields.enrolment" />
        <FocusAreasField source="focusAreas" />
        <NumberField source="durationMonths" />
        <NumberField source="mentorCapacityDefault" />
        <NumberField source="cadence.expectedEveryDays" />
        <NumberField source="cadence.overdueAfterDays" />
        <NumberField source="counts.mentors" />
        <NumberField source="counts.mentees" />
        <NumberField source="counts.activeMentorships" />
        <LocaleDateField source="updatedAt" showTime />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="resources.programs.tabs.participants" path="participants">
        <ParticipantsTab label={false} />
      </TabbedShowLayout.Tab>
      {program?.kind === 'GROUP' && (
        <TabbedShowLayout.Tab label="resources.programs.tabs.circles" path="circles">
          <CirclesTab label={false} />
        </TabbedShowLayout.Tab>
      )}
      <TabbedShowLayout.Tab label="resources.programs.tabs.imports" path="imports">
        <ImportsTab label={false} />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="resources.programs.tabs.matching" path="matching">
        <Suspense fallback={<LinearProgress />}>
          <MatchingTab label={false} />
        </Suspense>
      </TabbedShowLayout.Tab>
    </TabbedShowLayout>
  );
}
