import { Alert, Box, Button, Card, CardContent, Step, StepLabel, Stepper, Typography } from '@mui/material';
import { useState } from 'react';
import { Confirm, useDataProvider, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import type { ProgramStatus } from '../generated/graphql.ts';
import type { KindlingDataProvider } from '../providers/dataProvider.ts';
import type { ProgramRecord } from '../providers/programs.ts';

const STEPS: ProgramStatus[] = ['DRAFT', 'OPEN', 'RUNNING', 'CLOSED'];

/**
 * Where the program is in its life, what that means, and the moves it may make next (as the API
 * says: `nextStatuses`). Closing asks first, because it cannot be undone.
 */
export function ProgramStatusControl() {
  const program = useRecordContext<ProgramRecord>();
  const translate = useTranslate();
  const dataProvider = useDataProvider<KindlingDataProvider>();
  const refresh = useRefresh();
  const notify = useNotify();
  const [busy, setBusy] = useState<ProgramStatus | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string>();
  if (!program) return null;
  const t = (key: string, args?: Record<string, unknown>) => translate(`resources.programs.lifecycle.${key}`, args);
  const label = (status: ProgramStatus) => translate(`resources.programs.status.${status}`);

  const move = async (status: ProgramStatus) => {
    setBusy(status);
    setError(undefined);
    try {
      await dataProvider.changeProgramStatus(program, status);
      notify(t('moved', { status: label(status) }), { type: 'success' });
      refresh();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(null);
      setConfirming(false);
    }
  };

  return (
    <Card variant="outlined" component="section" aria-label={t('title')} sx={{ mb: 2, maxWidth: 900 }}>
      <CardContent>
        <Typography variant="subtitle1" sx={{ fontWeight: 600 }}>
          {t('title')}
        </Typography>
        <Stepper activeStep={STEPS.indexOf(program.status)} alternativeLabel sx={{ my: 2 }}>
          {STEPS.map((status) => (
            <Step key={status} completed={STEPS.indexOf(status) < STEPS.indexOf(program.status)}>
              <StepLabel>{label(status)}</StepLabel>
            </Step>
          ))}
        </Stepper>
        <Typography variant="body2" data-testid="status-meaning">
          {t(`means.${program.status}`)}
        </Typography>
        {program.nextStatuses.length > 0 && (
          <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', mt: 2 }}>
            {program.nextStatuses.map((status) => (
              <Box key={status} sx={{ display: 'flex', flexDirection: 'column', maxWidth: 280 }}>
                <Button
                  variant={status === 'CLOSED' ? 'outlined' : 'contained'}
                  color={status === 'CLOSED' ? 'warning' : 'primary'}
                  disabled={busy !== null}
                  onClick={() => (status === 'CLOSED' ? setConfirming(true) : move(status))}
                >
                  {busy === status ? t('moving') : t(`to.${program.status}_${status}`)}
                </Button>
                <Typography variant="caption" color="text.secondary" sx={{ mt: 0.5 }}>
                  {t(`means.${status}`)}
                </Typography>
              </Box>
            ))}
          </Box>
        )}
        {error && (
          <Alert severity="warning" sx={{ mt: 2 }} onClose={() => setError(undefined)}>
            {error}
          </Alert>
        )}
        <Confirm
          isOpen={confirming}
          loading={busy === 'CLOSED'}
          title={t('closeTitle', { name: program.name })}
          content={t('closeContent')}
          confirm={t('to.CLOSE')}
          onConfirm={() => move('CLOSED')}
          onClose={() => setConfirming(false)}
        />
      </CardContent>
    </Card>
  );
}
