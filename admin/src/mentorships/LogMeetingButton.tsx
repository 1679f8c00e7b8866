import EventAvailableIcon from '@mui/icons-material/EventAvailable';
import {
  Autocomplete,
  Chip,
  Dialog,
  DialogContent,
  DialogContentText,
  DialogTitle,
  FormControlLabel,
  MenuItem,
  Radio,
  RadioGroup,
  Stack,
  TextField,
} from '@mui/material';
import { type FormEvent, useId, useState } from 'react';
import { Button as RaButton, useDataProvider, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import type { ContactKind, MeetingMode } from '../generated/graphql.ts';
import { DialogButtons, DialogError } from '../layout/DialogButtons.tsx';
import { useDialogSave } from '../layout/useDialogSave.ts';
import type { KindlingDataProvider } from '../providers/dataProvider.ts';
import { isRunning, type MeetingValues, type MentorshipRecord } from '../providers/mentorships.ts';

const MODES: readonly MeetingMode[] = ['VIDEO', 'IN_PERSON', 'PHONE', 'CHAT'];
const KINDS: readonly ContactKind[] = ['MEETING', 'CHECK_IN'];

/** Now, to the minute, as a datetime-local input holds it (the browser's own time zone). */
function localNow(): string {
  const now = new Date();
  now.setSeconds(0, 0);
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

interface FormState {
  kind: ContactKind;
  heldAt: string;
  durationMinutes: string;
  mode: MeetingMode;
  topics: string[];
}

function LogMeetingDialog({ pair, onClose }: { pair: MentorshipRecord; onClose: () => void }) {
  const translate = useTranslate();
  const dataProvider = useDataProvider<KindlingDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const titleId = useId();
  const [form, setForm] = useState<FormState>({ kind: 'MEETING', heldAt: localNow(), durationMinutes: '60', mode: 'VIDEO', topics: [] });
  const [topicDraft, setTopicDraft] = useState('');
  const { busy, errors, error, save } = useDialogSave();
  const field = (name: string) => translate(`kindling.meetings.fields.${name}`);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    // A topic typed but not yet confirmed with Enter still counts.
    const topics = topicDraft.trim() ? [...form.topics, topicDraft.trim()] : form.topics;
    const values: MeetingValues = { ...form, topics, durationMinutes: Number(form.durationMinutes) };
    return save(async () => {
      await dataProvider.logMeeting(pair.id, values);
      notify('kindling.meetings.logged', { type: 'success', messageArgs: { mentor: pair.mentorName, mentee: pair.menteeName } });
      refresh();
      onClose();
    });
  };

  return (
    <Dialog open onClose={busy ? undefined : onClose} maxWidth="sm" fullWidth aria-labelledby={titleId}>
      <form onSubmit={submit} noValidate>
        <DialogTitle id={titleId}>{translate('kindling.meetings.title')}</DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 2 }}>
            {translate('kindling.meetings.explained', { mentor: pair.mentorName, mentee: pair.menteeName })}
          </DialogContentText>
          <Stack spacing={2.5}>
            <RadioGroup
              row
              aria-label={field('kind')}
              value={form.kind}
              onChange={(event) => setForm({ ...form, kind: event.target.value as ContactKind })}
            >
              {KINDS.map((kind) => (
                <FormControlLabel key={kind} value={kind} control={<Radio />} label={translate(`kindling.meetings.kind.${kind}`)} />
              ))}
            </RadioGroup>
            <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
              <TextField
                type="datetime-local"
                label={field('heldAt')}
                value={form.heldAt}
                onChange={(event) => setForm({ ...form, heldAt: event.target.value })}
                error={Boolean(errors.heldAt)}
                helperText={errors.heldAt ?? translate('kindling.meetings.heldAtHelp')}
                required
                slotProps={{ inputLabel: { shrink: true }, htmlInput: { max: localNow() } }}
                sx={{ flex: 2 }}
              />
              <TextField
                type="number"
                label={field('durationMinutes')}
                value={form.durationMinutes}
                onChange={(event) => setForm({ ...form, durationMinutes: event.target.value })}
                error={Boolean(errors.durationMinutes)}
                helperText={errors.durationMinutes ?? translate('kindling.meetings.durationHelp')}
                required
                slotProps={{ htmlInput: { min: 5, max: 600, step: 5 } }}
                sx={{ flex: 1 }}
              />
            </Stack>
            <TextField
              select
              label={field('mode')}
              value={form.mode}
              onChange={(event) => setForm({ ...form, mode: event.target.value as MeetingMode })}
              error={Boolean(errors.mode)}
              helperText={errors.mode}
            >
              {MODES.map((mode) => (
                <MenuItem key={mode} value={mode}>
                  {translate(`kindling.audit.values.mode.${mode}`)}
                </MenuItem>
              ))}
            </TextField>
            <Autocomplete
              multiple
              freeSolo
              options={translate('kindling.meetings.topicSuggestions').split('; ')}
              value={form.topics}
              inputValue={topicDraft}
              onInputChange={(_event, value) => setTopicDraft(value)}
              onChange={(_event, topics) => setForm({ ...form, topics: topics.map((t) => t.trim()).filter(Boolean) })}
              renderValue={(topics, getItemProps) =>
                topics.map((topic, index) => {
                  const { key, ...props } = getItemProps({ index });
                  return <Chip key={key} size="small" label={topic} {...props} />;
                })
              }
              renderInput={(params) => (
                <TextField
                  {...params}
                  label={field('topics')}
                  error={Boolean(errors.topics)}
                  helperText={errors.topics ?? translate('kindling.meetings.topicsHelp')}
                />
              )}
            />
          </Stack>
          <DialogError error={error} />
        </DialogContent>
        <DialogButtons busy={busy} onCancel={onClose} label={translate('kindling.meetings.confirm')} icon={<EventAvailableIcon />} />
      </form>
    </Dialog>
  );
}

/** "Log a meeting" for a running pair: when, how long, how, about what. Private notes are the pair's own. */
export function LogMeetingButton() {
  const pair = useRecordContext<MentorshipRecord>();
  const [open, setOpen] = useState(false);
  if (!pair || !isRunning(pair.status)) return null;
  return (
    <>
      <RaButton label="kindling.meetings.log" variant="contained" onClick={() => setOpen(true)}>
        <EventAvailableIcon />
      </RaButton>
      {open && <LogMeetingDialog pair={pair} onClose={() => setOpen(false)} />}
    </>
  );
}
