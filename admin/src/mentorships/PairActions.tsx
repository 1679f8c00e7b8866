import CheckIcon from '@mui/icons-material/Check';
import PauseIcon from '@mui/icons-material/Pause';
import PlayArrowIcon from '@mui/icons-material/PlayArrow';
import StopIcon from '@mui/icons-material/Stop';
import { Dialog, DialogContent, DialogContentText, DialogTitle, TextField } from '@mui/material';
import { type ReactElement, useId, useState } from 'react';
import { Button as RaButton, useDataProvider, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import type { PairTransition } from '../generated/graphql.ts';
import { describeError, isConflict } from '../layout/conflicts.ts';
import { DialogButtons, DialogError } from '../layout/DialogButtons.tsx';
import type { KindlingDataProvider } from '../providers/dataProvider.ts';
import type { MentorshipRecord } from '../providers/mentorships.ts';

const MAX_REASON = 1000;

interface Look {
  icon: ReactElement;
  color: 'primary' | 'warning' | 'success' | 'error';
  /** END_EARLY needs a reason; the others take one if given. Resuming asks nothing. */
  reason: 'required' | 'optional' | 'none';
}

const LOOKS: Record<PairTransition, Look> = {
  PAUSE: { icon: <PauseIcon />, color: 'warning', reason: 'optional' },
  RESUME: { icon: <PlayArrowIcon />, color: 'primary', reason: 'none' },
  COMPLETE: { icon: <CheckIcon />, color: 'success', reason: 'optional' },
  END_EARLY: { icon: <StopIcon />, color: 'error', reason: 'required' },
};

/** Which changes a pair's status allows, as the API's state machine does. */
function allowed(pair: MentorshipRecord): PairTransition[] {
  switch (pair.status) {
    case 'ACTIVE':
      return ['PAUSE', 'COMPLETE', 'END_EARLY'];
    case 'PAUSED':
      return ['RESUME', 'COMPLETE', 'END_EARLY'];
    case 'COMPLETED':
    case 'ENDED_EARLY':
      return [];
    default: {
      const unknown: never = pair.status;
      return unknown;
    }
  }
}

/**
 * Asks before a pair changes status: what it means, and (for ending early) why. A refusal stays in
 * the dialog in words; a conflict also reloads the pair underneath, so the next try sees the truth.
 */
function TransitionDialog({ pair, action, onClose }: { pair: MentorshipRecord; action: PairTransition; onClose: () => void }) {
  const translate = useTranslate();
  const dataProvider = useDataProvider<KindlingDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const titleId = useId();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const look = LOOKS[action];
  const names = { mentor: pair.mentorName, mentee: pair.menteeName };

  const confirm = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await dataProvider.changeMentorship(pair, action, reason);
      notify(`kindling.pairs.actions.${action}.done`, { type: 'success', messageArgs: names });
      refresh();
      onClose();
    } catch (failure) {
      if (isConflict(failure)) refresh();
      setError(describeError(failure, 'pair', translate));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open onClose={busy ? undefined : onClose} maxWidth="sm" fullWidth aria-labelledby={titleId}>
      <DialogTitle id={titleId}>{translate(`kindling.pairs.actions.${action}.title`, names)}</DialogTitle>
      <DialogContent>
        <DialogContentText sx={{ mb: 2 }}>{translate(`kindling.pairs.actions.${action}.explained`, names)}</DialogContentText>
        {look.reason !== 'none' && (
          <TextField
            label={translate(`kindling.pairs.actions.${action}.reason`)}
            helperText={translate('kindling.reason.count', { count: reason.length, max: MAX_REASON })}
            value={reason}
            onChange={(event) => setReason(event.target.value.slice(0, MAX_REASON))}
            multiline
            minRows={2}
            fullWidth
            required={look.reason === 'required'}
            autoFocus
          />
        )}
        <DialogError error={error} />
      </DialogContent>
      <DialogButtons
        busy={busy}
        onCancel={onClose}
        onConfirm={confirm}
        color={look.color}
        disabled={look.reason === 'required' && reason.trim() === ''}
        label={translate(`kindling.pairs.actions.${action}.confirm`)}
        icon={look.icon}
      />
    </Dialog>
  );
}

/** Pause, resume, complete or end early — whichever the pair's status allows. */
export function PairTransitionButtons() {
  const pair = useRecordContext<MentorshipRecord>();
  const [action, setAction] = useState<PairTransition | null>(null);
  if (!pair) return null;
  return (
    <>
      {allowed(pair).map((transition) => (
        <RaButton
          key={transition}
          label={`kindling.pairs.actions.${transition}.button`}
          color={LOOKS[transition].color === 'primary' ? 'primary' : LOOKS[transition].color}
          onClick={() => setAction(transition)}
        >
          {LOOKS[transition].icon}
        </RaButton>
      ))}
      {action && <TransitionDialog pair={pair} action={action} onClose={() => setAction(null)} />}
    </>
  );
}
