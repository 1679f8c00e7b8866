import FlagIcon from '@mui/icons-material/Flag';
import { Box, Dialog, DialogContent, DialogTitle, MenuItem, Slider, Stack, TextField, Typography } from '@mui/material';
import { type FormEvent, useId, useState } from 'react';
import { useDataProvider, useNotify, useRefresh, useTranslate } from 'react-admin';
import type { GoalInput, GoalStatus } from '../generated/graphql.ts';
import { describeError, isConflict } from '../layout/conflicts.ts';
import { DialogButtons, DialogError } from '../layout/DialogButtons.tsx';
import { useDialogSave } from '../layout/useDialogSave.ts';
import type { KindlingDataProvider } from '../providers/dataProvider.ts';
import type { GoalRecord } from '../providers/mentorships.ts';

const GOAL_STATUSES: readonly GoalStatus[] = ['OPEN', 'IN_PROGRESS', 'DONE', 'DROPPED'];

/**
 * Adds a goal to the pair's plan, or updates one at the version shown: status, progress, and a
 * progress note (added to the goal's notes). Managers help pairs keep their plan; the pair owns it.
 */
export function GoalDialog({ mentorshipId, goal, onClose }: { mentorshipId: string; goal: GoalRecord | null; onClose: () => void }) {
  const translate = useTranslate();
  const dataProvider = useDataProvider<KindlingDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const titleId = useId();
  const [form, setForm] = useState({
    title: goal?.title ?? '',
    why: goal?.why ?? '',
    targetDate: goal?.targetDate ?? '',
    status: goal?.status ?? ('OPEN' as GoalStatus),
    progress: goal?.progress ?? 0,
    note: '',
  });
  const { busy, errors, error, save } = useDialogSave();
  const label = (name: string) => translate(`kindling.goals.fields.${name}`);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input: GoalInput = {
      title: form.title.trim(),
      why: form.why.trim() || null,
      targetDate: form.targetDate || null,
      status: form.status,
      progress: form.progress,
      note: form.note.trim() || null,
    };
    return save(
      async () => {
        await dataProvider.saveGoal(mentorshipId, goal, input);
        notify(goal ? 'kindling.goals.saved' : 'kindling.goals.added', { type: 'success' });
        refresh();
        onClose();
      },
      (failure) => {
        if (isConflict(failure)) refresh();
        return describeError(failure, 'goal', translate);
      },
    );
  };

  return (
    <Dialog open onClose={busy ? undefined : onClose} maxWidth="sm" fullWidth aria-labelledby={titleId}>
      <form onSubmit={submit} noValidate>
        <DialogTitle id={titleId}>{translate(goal ? 'kindling.goals.editTitle' : 'kindling.goals.addTitle')}</DialogTitle>
        <DialogContent>
          <Stack spacing={2.5} sx={{ pt: 1 }}>
            <TextField
              label={label('title')}
              value={form.title}
              onChange={(event) => setForm({ ...form, title: event.target.value })}
              error={Boolean(errors.title)}
              helperText={errors.title}
              required
              autoFocus={!goal}
            />
            <TextField
              label={label('why')}
              value={form.why}
              onChange={(event) => setForm({ ...form, why: event.target.value })}
              error={Boolean(errors.why)}
              helperText={errors.why}
              multiline
              minRows={2}
            />
            <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
              <TextField
                type="date"
                label={label('targetDate')}
                value={form.targetDate}
                onChange={(event) => setForm({ ...form, targetDate: event.target.value })}
                error={Boolean(errors.targetDate)}
                helperText={errors.targetDate}
                slotProps={{ inputLabel: { shrink: true } }}
                sx={{ flex: 1 }}
              />
              <TextField
                select
                label={label('status')}
                value={form.status}
                onChange={(event) => setForm({ ...form, status: event.target.value as GoalStatus })}
                sx={{ flex: 1 }}
              >
                {GOAL_STATUSES.map((status) => (
                  <MenuItem key={status} value={status}>
                    {translate(`kindling.goals.status.${status}`)}
                  </MenuItem>
                ))}
              </TextField>
            </Stack>
            <Box>
              <Typography id={`${titleId}-progress`} variant="body2" color="text.secondary">
                {label('progress')}: {form.progress}%
              </Typography>
              <Slider
                value={form.progress}
                onChange={(_event, value) => setForm({ ...form, progress: value as number })}
                step={5}
                min={0}
                max={100}
                valueLabelDisplay="auto"
                aria-labelledby={`${titleId}-progress`}
              />
            </Box>
            {goal && (
              <TextField
                label={label('note')}
                value={form.note}
                onChange={(event) => setForm({ ...form, note: event.target.value })}
                error={Boolean(errors.note)}
                helperText={errors.note ?? translate('kindling.goals.noteHelp')}
                multiline
                minRows={2}
              />
            )}
          </Stack>
          <DialogError error={error} />
        </DialogContent>
        <DialogButtons
          busy={busy}
          onCancel={onClose}
          disabled={form.title.trim() === ''}
          label={translate(goal ? 'ra.action.save' : 'kindling.goals.add')}
          icon={<FlagIcon />}
        />
      </form>
    </Dialog>
  );
}
