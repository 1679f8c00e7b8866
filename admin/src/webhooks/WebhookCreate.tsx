import { Alert, Box, Button, Checkbox, FormControlLabel, FormGroup, FormLabel, Paper, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { Link, Title, useCreate, useCreatePath, useTranslate } from 'react-admin';
import type { WebhookEvent } from '../generated/graphql.ts';

const EVENTS: WebhookEvent[] = [
  'REQUEST_RECEIVED',
  'REQUEST_ANSWERED',
  'PROPOSAL_READY',
  'MENTORSHIP_STARTED',
  'MENTORSHIP_ENDED',
  'PAIR_OVERDUE',
  'SURVEY_DUE',
  'CIRCLE_STARTED',
  'GROUP_MEETING_LOGGED',
  'CIRCLE_OVERDUE',
];

/** Registers an endpoint; the signing secret is shown here once and never again. */
export function WebhookCreate() {
  const translate = useTranslate();
  const createPath = useCreatePath();
  const [create, { isPending, error }] = useCreate();
  const [url, setUrl] = useState('https://');
  const [description, setDescription] = useState('');
  const [events, setEvents] = useState<WebhookEvent[]>(['MENTORSHIP_STARTED', 'PAIR_OVERDUE']);
  const [secret, setSecret] = useState<string | null>(null);
  const toggle = (e: WebhookEvent) => setEvents((now) => (now.includes(e) ? now.filter((x) => x !== e) : [...now, e]));
  const submit = () =>
    create(
      'webhooks',
      { data: { url, events, description } },
      { onSuccess: (data) => setSecret(String((data as { secret?: string }).secret)) },
    );
  return (
    <Box sx={{ maxWidth: 720, mt: 2 }}>
      <Title title={translate('kindling.webhooks.create')} />
      <Paper variant="outlined" sx={{ p: 3 }}>
        {secret ? (
          <Stack spacing={2}>
            <Alert severity="success">{translate('kindling.webhooks.created')}</Alert>
            <Typography>{translate('kindling.webhooks.secretOnce')}</Typography>
            <TextField label={translate('kindling.webhooks.secret')} value={secret} slotProps={{ input: { readOnly: true } }} fullWidth />
            <Typography variant="body2" color="text.secondary">
              {translate('kindling.webhooks.verifyHelp')}
            </Typography>
            <Link to={createPath({ resource: 'webhooks', type: 'list' })}>{translate('kindling.webhooks.backToList')}</Link>
          </Stack>
        ) : (
          <Stack
            spacing={2}
            component="form"
            onSubmit={(e) => {
              e.preventDefault();
              submit();
            }}
          >
            <Typography variant="h6" component="h1">
              {translate('kindling.webhooks.create')}
            </Typography>
            <TextField
              label={translate('kindling.webhooks.url')}
              value={url}
              onChange={(e) => setUrl(e.target.value)}
              helperText={translate('kindling.webhooks.urlHelp')}
              required
              fullWidth
            />
            <TextField
              label={translate('kindling.webhooks.description')}
              value={description}
              onChange={(e) => setDescription(e.target.value)}
              fullWidth
            />
            <FormGroup>
              <FormLabel component="legend">{translate('kindling.webhooks.events')}</FormLabel>
              {EVENTS.map((e) => (
                <FormControlLabel
                  key={e}
                  control={<Checkbox checked={events.includes(e)} onChange={() => toggle(e)} />}
                  label={translate(`kindling.webhooks.event.${e}`)}
                />
              ))}
            </FormGroup>
            {error ? <Alert severity="error">{error instanceof Error ? error.message : String(error)}</Alert> : null}
            <Box>
              <Button type="submit" variant="contained" disabled={isPending || events.length === 0}>
                {translate('kindling.webhooks.save')}
              </Button>
            </Box>
          </Stack>
        )}
      </Paper>
    </Box>
  );
}
