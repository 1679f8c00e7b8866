import TuneIcon from '@mui/icons-material/Tune';
import {
  Chip,
  type ChipProps,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  Button as MuiButton,
  Stack,
} from '@mui/material';
import { useState } from 'react';
import {
  BooleanInput,
  Button,
  DateInput,
  Form,
  maxValue,
  minValue,
  NumberInput,
  SaveButton,
  useDataProvider,
  useNotify,
  useRefresh,
  useTranslate,
} from 'react-admin';
import type { EnrolmentStatus, ParticipantRole } from '../generated/graphql.ts';
import { useFormat } from '../layout/format.ts';
import type { KindlingDataProvider } from '../providers/dataProvider.ts';
import { GraphQLRequestError } from '../providers/graphqlClient.ts';
import type { MentorLoadTarget, MentorLoadValues } from '../providers/participants.ts';
import { fieldErrorsOf } from '../providers/problems.ts';

/** What a mentor's load is read from: their enrolment as the list and the person's page load it. */
export interface MentorLoad {
  role: ParticipantRole;
  status: EnrolmentStatus;
  capacity?: number | null;
  hoursPerMonth?: number | null;
  awayUntil?: string | null;
  acceptsRequests: boolean;
  activeMentorships: number;
}

/**
 * Why a mentor takes no new mentee or request now, as matching and discovery read the same fields
 * (ADR 0057): away until a date (back on it), not taking direct requests (matching may still
 * propose them), or full (as many running pairs as places). Each can hold at once.
 */
export type LoadState = { kind: 'away'; until: string } | { kind: 'noRequests' } | { kind: 'full'; active: number; capacity: number };

/** Today as YYYY-MM-DD in the browser's own calendar, as a manager reads "away until". */
export const localToday = (now = new Date()): string =>
  `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;

export function loadStates(load: MentorLoad, today: string): LoadState[] {
  if (load.role !== 'MENTOR' || load.status === 'WITHDRAWN') return [];
  const states: LoadState[] = [];
  if (load.awayUntil && load.awayUntil > today) states.push({ kind: 'away', until: load.awayUntil });
  if (!load.acceptsRequests) states.push({ kind: 'noRequests' });
  const capacity = load.capacity ?? 0;
  if (load.activeMentorships >= capacity) states.push({ kind: 'full', active: load.activeMentorships, capacity });
  return states;
}

const LOOK: Record<LoadState['kind'], Pick<ChipProps, 'color' | 'variant'>> = {
  away: { color: 'warning', variant: 'filled' },
  noRequests: { color: 'info', variant: 'outlined' },
  full: { color: 'error', variant: 'outlined' },
};

/** A mentor's load in colour and words; nothing for a mentor with room, present and open to requests. */
export function MentorLoadChips({ load }: { load: MentorLoad }) {
  const translate = useTranslate();
  const format = useFormat();
  const states = loadStates(load, localToday());
  if (states.length === 0) return null;
  const words = (state: LoadState) => {
    switch (state.kind) {
      case 'away':
        return translate('kindling.mentorLoad.away', { date: format.date(state.until) });
      case 'noRequests':
        return translate('kindling.mentorLoad.noRequests');
      case 'full':
        return translate('kindling.mentorLoad.full', { active: state.active, capacity: state.capacity });
      default: {
        const unknown: never = state;
        return unknown;
      }
    }
  };
  return (
    <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 0.5 }} role="list" aria-label={translate('kindling.mentorLoad.label')}>
      {states.map((state) => (
        <Chip key={state.kind} role="listitem" size="small" label={words(state)} {...LOOK[state.kind]} />
      ))}
    </Stack>
  );
}

const capacityRange = [minValue(0), maxValue(20)];
const hoursRange = [minValue(0), maxValue(80)];

/**
 * Edits a mentor's load — mentees at once, hours a month, away until, direct requests — at the
 * version shown. The API's field problems (a capacity below the mentees they already have, a range)
 * appear under their fields; a change made meanwhile reloads the page and says so.
 */
export function MentorLoadButton({ target, load, name }: { target: MentorLoadTarget | null; load: MentorLoad; name: string }) {
  const dataProvider = useDataProvider<KindlingDataProvider>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  if (!target || load.role !== 'MENTOR' || load.status === 'WITHDRAWN') return null;

  const submit = async (values: MentorLoadValues) => {
    try {
      await dataProvider.updateMentorLoad(target, values);
      notify('kindling.mentorLoad.saved', { type: 'success', messageArgs: { name } });
      setOpen(false);
      refresh();
    } catch (error) {
      const errors = fieldErrorsOf(error);
      if (errors) return errors;
      if (error instanceof GraphQLRequestError && error.code === 'CONFLICT') {
        setOpen(false);
        refresh();
        notify('kindling.conflict.enrolment', { type: 'warning' });
        return undefined;
      }
      const message = error instanceof Error ? error.message : String(error);
      notify(message, { type: 'error', messageArgs: { _: message } });
    }
    return undefined;
  };

  return (
    <>
      <Button label="kindling.mentorLoad.edit" onClick={() => setOpen(true)}>
        <TuneIcon />
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} maxWidth="sm" fullWidth aria-labelledby="mentor-load-title">
        <Form
          onSubmit={(values: Record<string, unknown>) => submit(values as MentorLoadValues)}
          defaultValues={{
            capacity: load.capacity ?? null,
            hoursPerMonth: load.hoursPerMonth ?? null,
            awayUntil: load.awayUntil ?? '',
            acceptsRequests: load.acceptsRequests,
          }}
        >
          <DialogTitle id="mentor-load-title">{translate('kindling.mentorLoad.title', { name })}</DialogTitle>
          <DialogContent>
            <DialogContentText sx={{ mb: 2 }}>{translate('kindling.mentorLoad.explained')}</DialogContentText>
            <NumberInput
              source="capacity"
              label="resources.participants.fields.capacity"
              min={0}
              max={20}
              step={1}
              validate={capacityRange}
              helperText="kindling.mentorLoad.capacityHelp"
            />
            <NumberInput
              source="hoursPerMonth"
              label="resources.participants.fields.hoursPerMonth"
              min={0}
              max={80}
              step={1}
              validate={hoursRange}
              helperText="kindling.mentorLoad.hoursHelp"
            />
            <DateInput source="awayUntil" label="resources.participants.fields.awayUntil" helperText="kindling.mentorLoad.awayHelp" />
            <BooleanInput
              source="acceptsRequests"
              label="resources.participants.fields.acceptsRequests"
              helperText="kindling.mentorLoad.requestsHelp"
            />
          </DialogContent>
          <DialogActions>
            <MuiButton onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</MuiButton>
            <SaveButton label="kindling.mentorLoad.save" alwaysEnable />
          </DialogActions>
        </Form>
      </Dialog>
    </>
  );
}
