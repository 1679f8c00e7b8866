import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Checkbox,
  CircularProgress,
  FormControlLabel,
  FormGroup,
  FormLabel,
  MenuItem,
  Radio,
  RadioGroup,
  TextField,
  Typography,
} from '@mui/material';
import { type FormEvent, useEffect, useState } from 'react';
import { type LinkAction, type Locale, words } from './messages.ts';

type State = 'READY' | 'USED' | 'EXPIRED' | 'UNKNOWN' | 'CLOSED' | 'DONE';
interface LinkView {
  state: State;
  action: LinkAction | null;
  locale: Locale | null;
  validUntil: string | null;
  context: Record<string, string | number>;
}
interface Problem {
  field: string;
  rule: string;
}

const browserLocale = (): Locale => (navigator.language.toLowerCase().startsWith('nl') ? 'nl' : 'en');
const OUTCOMES = Object.keys(words.en.outcomeLabels) as (keyof typeof words.en.outcomeLabels)[];

/** POSTs to the public `/links` path: describe (no `use`) or act. */
async function call(
  token: string,
  use?: Record<string, unknown>,
): Promise<{ view?: LinkView; problems?: Problem[]; retryAfter?: number; failed?: boolean }> {
  const res = await fetch('/links', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(use ? { token, use } : { token }),
  });
  if (res.status === 429) return { retryAfter: Number(res.headers.get('retry-after') ?? 60) };
  const body = await res.json().catch(() => null);
  if (res.status === 400) return { problems: body?.errors?.[0]?.extensions?.problems ?? [{ field: 'other', rule: 'invalid' }] };
  if (!res.ok || !body?.state) return { failed: true };
  return { view: body as LinkView };
}

/**
 * The page an e-mail action link opens (ADR 0059): outside the signed-in console, with no session.
 * It says what the link will do, asks for the optional input, and does it once; a used, expired or
 * unknown link gets a clear page in the person's language.
 */
export function ActionLinkPage({ token }: { token: string }) {
  const [view, setView] = useState<LinkView | null>(null);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const today = new Date().toISOString().slice(0, 10);
  const [form, setForm] = useState({
    message: '',
    date: today,
    mode: 'IN_PERSON',
    topic: '',
    rating: '',
    comment: '',
    outcomes: [] as string[],
  });
  const locale = view?.locale ?? browserLocale();
  const t = words[locale];

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  useEffect(() => {
    call(token).then(
      (r) => {
        if (r.view) setView(r.view);
        else setNotice(r.retryAfter ? words[browserLocale()].tooMany(r.retryAfter) : words[browserLocale()].failed);
      },
      () => setNotice(words[browserLocale()].failed),
    );
  }, [token]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!view?.action) return;
    setBusy(true);
    setProblems([]);
    setNotice(null);
    const a = view.action;
    const use =
      a === 'ACCEPT_REQUEST' || a === 'DECLINE_REQUEST'
        ? { message: form.message }
        : a === 'CONFIRM_MEETING'
          ? { date: form.date, mode: form.mode, topic: form.topic }
          : {
              rating: form.rating ? Number(form.rating) : null,
              comment: form.comment,
              ...(a === 'CLOSING_SURVEY' ? { outcomes: form.outcomes } : {}),
            };
    try {
      const r = await call(token, use);
      if (r.view) setView({ ...r.view, context: Object.keys(r.view.context).length ? r.view.context : view.context });
      else if (r.problems) setProblems(r.problems);
      else setNotice(r.retryAfter ? t.tooMany(r.retryAfter) : t.failed);
    } catch {
      setNotice(t.failed);
    } finally {
      setBusy(false);
    }
  };

  const problemOf = (field: string) => {
    const p = problems.find((x) => x.field === field);
    return p ? (t.problems[field as keyof typeof t.problems] ?? t.problems.other) : undefined;
  };

  let body: React.ReactNode;
  if (!view) {
    body = notice ? (
      <Alert severity="error">{notice}</Alert>
    ) : (
      <Box sx={{ display: 'flex', gap: 2, alignItems: 'center' }}>
        <CircularProgress size={20} />
        {t.loading}
      </Box>
    );
  } else if (view.state === 'DONE' && view.action) {
    body = (
      <>
        <Typography variant="h5" component="h1" gutterBottom>
          {t.title[view.action]}
        </Typography>
        <Alert severity="success" role="status">
          {t.done[view.action](view.context)}
        </Alert>
      </>
    );
  } else if (view.state !== 'READY' || !view.action) {
    const [title, text] = t.refused[view.state as keyof typeof t.refused] ?? t.refused.UNKNOWN;
    body = (
      <>
        <Typography variant="h5" component="h1" gutterBottom>
          {title}
        </Typography>
        <Typography>{text}</Typography>
      </>
    );
  } else {
    const a = view.action;
    const set = (k: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [k]: e.target.value });
    body = (
      <form onSubmit={submit} noValidate>
        <Typography variant="h5" component="h1" gutterBottom>
          {t.title[a]}
        </Typography>
        <Typography sx={{ mb: 2 }}>{t.intro[a](view.context)}</Typography>
        <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
          {(a === 'ACCEPT_REQUEST' || a === 'DECLINE_REQUEST') && (
            <TextField
              label={t.message}
              value={form.message}
              onChange={set('message')}
              multiline
              minRows={3}
              slotProps={{ htmlInput: { maxLength: 1000 } }}
            />
          )}
          {a === 'CONFIRM_MEETING' && (
            <>
              <TextField
                label={t.date}
                type="date"
                value={form.date}
                onChange={set('date')}
                slotProps={{ htmlInput: { max: today }, inputLabel: { shrink: true } }}
                error={!!problemOf('date')}
                helperText={problemOf('date')}
              />
              <TextField select label={t.mode} value={form.mode} onChange={set('mode')}>
                {Object.entries(t.modes).map(([k, label]) => (
                  <MenuItem key={k} value={k}>
                    {label}
                  </MenuItem>
                ))}
              </TextField>
              <TextField label={t.topic} value={form.topic} onChange={set('topic')} slotProps={{ htmlInput: { maxLength: 80 } }} />
            </>
          )}
          {(a === 'CHECK_IN_SURVEY' || a === 'CLOSING_SURVEY') && (
            <>
              <FormLabel id="rating-label" error={!!problemOf('rating')}>
                {t.rating}
              </FormLabel>
              <RadioGroup row aria-labelledby="rating-label" value={form.rating} onChange={set('rating')}>
                {[1, 2, 3, 4, 5].map((n) => (
                  <FormControlLabel key={n} value={String(n)} control={<Radio />} label={String(n)} />
                ))}
              </RadioGroup>
              {problemOf('rating') && (
                <Typography color="error" variant="body2">
                  {problemOf('rating')}
                </Typography>
              )}
              {a === 'CLOSING_SURVEY' && (
                <FormGroup aria-label={t.outcomes}>
                  <FormLabel>{t.outcomes}</FormLabel>
                  {OUTCOMES.map((o) => (
                    <FormControlLabel
                      key={o}
                      label={t.outcomeLabels[o]}
                      control={
                        <Checkbox
                          checked={form.outcomes.includes(o)}
                          onChange={(e) =>
                            setForm({ ...form, outcomes: e.target.checked ? [...form.outcomes, o] : form.outcomes.filter((x) => x !== o) })
                          }
                        />
                      }
                    />
                  ))}
                </FormGroup>
              )}
              <TextField
                label={t.comment}
                value={form.comment}
                onChange={set('comment')}
                multiline
                minRows={2}
                slotProps={{ htmlInput: { maxLength: 2000 } }}
              />
            </>
          )}
          {notice && <Alert severity="error">{notice}</Alert>}
          <Button type="submit" variant="contained" color={a === 'DECLINE_REQUEST' ? 'warning' : 'primary'} disabled={busy}>
            {t.button[a]}
          </Button>
          {view.validUntil && (
            <Typography variant="body2" color="text.secondary">
              {t.once(view.validUntil.slice(0, 10))}
            </Typography>
          )}
        </Box>
      </form>
    );
  }
  return (
    <Box component="main" sx={{ maxWidth: 560, mx: 'auto', my: { xs: 2, sm: 6 }, px: 2, fontFamily: 'system-ui, sans-serif' }}>
      <Typography variant="overline" color="text.secondary">
        Kindling
      </Typography>
      <Card variant="outlined">
        <CardContent>{body}</CardContent>
      </Card>
    </Box>
  );
}
