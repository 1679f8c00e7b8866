import EventAvailableIcon from '@mui/icons-material/EventAvailable';
import {
  Checkbox,
  Dialog,
  DialogContent,
  DialogContentText,
  DialogTitle,
  FormControl,
  FormControlLabel,
  FormGroup,
  FormHelperText,
  FormLabel,
  MenuItem,
  Stack,
  TextField,
} from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { useDataProvider, useNotify, useTranslate } from 'react-admin';
import type { MeetingMode } from '../generated/graphql.ts';
import { DialogButtons, DialogError } from '../layout/DialogButtons.tsx';
import { useDialogSave } from '../layout/useDialogSave.ts';
import type { CircleRecord } from '../providers/circles.ts';
import type { KindlingDataProvider } from '../providers/dataProvider.ts';

const MODES: readonly MeetingMode[] = ['IN_PERSON', 'VIDEO', 'PHONE', 'CHAT'];

/** Now, to the minute, as a datetime-local input holds it (the browser's own time zone). */
function localNow(): string {
  const now = new Date();
  now.setSeconds(0, 0);
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

/**
 * "Log a group meeting": when, how long, how, about what, and who came — every member is ticked to
 * begin with, the usual case. The circle's last meeting and each attendee's health move with it.
 */
export function LogGroupMeetingDialog({ circle, onClose }: { circle: CircleRecord; onClose: () => void }) {
  const translate = useTranslate();
  const dataProvider = useDataProvider<KindlingDataProvider>();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const titleId = useId();
  const present = circle.members.flatMap((member) => (member.person ? [member.person.id] : []));
  const [heldAt, setHeldAt] = useState(localNow);
  const [durationMinutes, setDuration] = useState('90');
  const [mode, setMode] = useState<MeetingMode>('IN_PERSON');
  const [topics, setTopics] = useState('');
  const [attendees, setAttendees] = useState<string[]>(present);
  const { busy, errors, error, save } = useDialogSave();
  const field = (name: string) => translate(`kindling.circles.meeting.fields.${name}`);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    return save(async () => {
      await dataProvider.logGroupMeeting(circle.id, {
        heldAt,
        durationMinutes: Number(durationMinutes),
        mode,
        topics: topics.split(/[;,]/),
        attendees,
      });
      notify('kindling.circles.meeting.logged', { type: 'success', messageArgs: { smart_count: attendees.length } });
      await queryClient.invalidateQueries({ queryKey: ['kindling'] });
      onClose();
    });
  };

  return (
    <Dialog open onClose={busy ? undefined : onClose} maxWidth="sm" fullWidth aria-labelledby={titleId}>
      <form onSubmit={submit} noValidate>
        <DialogTitle id={titleId}>{translate('kindling.circles.meeting.title')}</DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 2 }}>
            {translate('kindling.circles.meeting.explained', { mentor: circle.mentorName })}
          </DialogContentText>
          <Stack spacing={2.5}>
            <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
              <TextField
                type="datetime-local"
                label={field('heldAt')}
                value={heldAt}
                onChange={(event) => setHeldAt(event.target.value)}
                error={Boolean(errors.heldAt)}
                helperText={errors.heldAt}
                required
                slotProps={{ inputLabel: { shrink: true }, htmlInput: { max: localNow() } }}
                sx={{ flex: 2 }}
              />
              <TextField
                type="number"
                label={field('durationMinutes')}
                value={durationMinutes}
                onChange={(event) => setDuration(event.target.value)}
                error={Boolean(errors.durationMinutes)}
                helperText={errors.durationMinutes}
                required
                slotProps={{ htmlInput: { min: 5, max: 600, step: 5 } }}
                sx={{ flex: 1 }}
              />
            </Stack>
            <TextField
              select
              label={field('mode')}
              value={mode}
              onChange={(event) => setMode(event.target.value as MeetingMode)}
              error={Boolean(errors.mode)}
              helperText={errors.mode}
            >
              {MODES.map((value) => (
                <MenuItem key={value} value={value}>
                  {translate(`kindling.audit.values.mode.${value}`)}
                </MenuItem>
              ))}
            </TextField>
            <TextField
              label={field('topics')}
              value={topics}
              onChange={(event) => setTopics(event.target.value)}
              error={Boolean(errors.topics)}
              helperText={errors.topics ?? translate('kindling.circles.meeting.topicsHelp')}
            />
            <FormControl component="fieldset" error={Boolean(errors.attendees)}>
              <FormLabel component="legend">{field('attendees')}</FormLabel>
              <FormGroup>
                {circle.members.map((member) =>
                  member.person ? (
                    <FormControlLabel
                      key={member.person.id}
                      label={member.displayName}
                      control={
                        <Checkbox
                          checked={attendees.includes(member.person.id)}
                          onChange={(event) => {
                            const id = member.person?.id ?? '';
                            setAttendees(event.target.checked ? [...attendees, id] : attendees.filter((a) => a !== id));
                          }}
                        />
                      }
                    />
                  ) : null,
                )}
              </FormGroup>
              <FormHelperText>{errors.attendees ?? translate('kindling.circles.meeting.attendeesHelp')}</FormHelperText>
            </FormControl>
          </Stack>
          <DialogError error={error} />
        </DialogContent>
        <DialogButtons busy={busy} onCancel={onClose} label={translate('kindling.circles.meeting.confirm')} icon={<EventAvailableIcon />} />
      </form>
    </Dialog>
  );
}
