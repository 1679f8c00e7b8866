import AddIcon from '@mui/icons-material/Add';
import AutorenewIcon from '@mui/icons-material/Autorenew';
import BlockIcon from '@mui/icons-material/Block';
import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import {
  Alert,
  Box,
  Button,
  Checkbox,
  Chip,
  type ChipProps,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  FormControlLabel,
  FormGroup,
  FormLabel,
  MenuItem,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useId, useState } from 'react';
import {
  DataTable,
  List,
  TopToolbar,
  useDataProvider,
  useGetList,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import type { ApiKeyScope, ApiKeyStatus } from '../generated/graphql.ts';
import { DialogButtons, DialogError } from '../layout/DialogButtons.tsx';
import { ListLoadError } from '../layout/errors.tsx';
import { LocaleDateField } from '../layout/LocaleDateField.tsx';
import type { ApiKeyRecord } from '../providers/apiKeys.ts';
import type { KindlingDataProvider } from '../providers/dataProvider.ts';
import type { ProgramRecord } from '../providers/programs.ts';

const SCOPES: ApiKeyScope[] = [
  'PROGRAMS_READ',
  'PROFILES_READ',
  'PROFILES_WRITE',
  'MENTORSHIPS_READ',
  'MEETINGS_WRITE',
  'MENTORSHIPS_CHANGE',
  'REQUESTS_MANAGE',
  'MENTORS_READ',
  'ANALYTICS_READ',
];

const STATUS_LOOK: Record<ApiKeyStatus, Pick<ChipProps, 'color' | 'variant'>> = {
  ACTIVE: { color: 'success', variant: 'filled' },
  EXPIRING: { color: 'warning', variant: 'filled' },
  EXPIRED: { color: 'default', variant: 'outlined' },
  REVOKED: { color: 'error', variant: 'outlined' },
};

function StatusChip() {
  const key = useRecordContext<ApiKeyRecord>();
  const translate = useTranslate();
  if (!key) return null;
  return <Chip size="small" label={translate(`kindling.apiKeys.status.${key.status}`)} {...STATUS_LOOK[key.status]} />;
}

function ScopeChips() {
  const key = useRecordContext<ApiKeyRecord>();
  const translate = useTranslate();
  if (!key) return null;
  return (
    <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
      {key.scopes.map((s) => (
        <Chip key={s} size="small" variant="outlined" label={translate(`kindling.apiKeys.scopes.${s}`)} />
      ))}
    </Stack>
  );
}

/** The whole key, once: copy it now, Kindling keeps only a hash. */
function SecretDialog({ secret, onClose }: { secret: string; onClose: () => void }) {
  const translate = useTranslate();
  const notify = useNotify();
  const titleId = useId();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(secret);
      notify('kindling.apiKeys.copied', { type: 'success' });
    } catch {
      notify('kindling.apiKeys.copyFailed', { type: 'warning' });
    }
  };
  return (
    <Dialog open onClose={onClose} maxWidth="md" fullWidth aria-labelledby={titleId}>
      <DialogTitle id={titleId}>{translate('kindling.apiKeys.secretTitle')}</DialogTitle>
      <DialogContent>
        <Alert severity="warning" sx={{ mb: 2 }}>
          {translate('kindling.apiKeys.secretOnce')}
        </Alert>
        <TextField
          value={secret}
          fullWidth
          label={translate('kindling.apiKeys.secretLabel')}
          slotProps={{ input: { readOnly: true, sx: { fontFamily: 'monospace', fontSize: 13 } } }}
          onFocus={(e) => e.target.select()}
          data-testid="api-key-secret"
        />
        <DialogContentText sx={{ mt: 2 }}>{translate('kindling.apiKeys.secretUse')}</DialogContentText>
      </DialogContent>
      <DialogActions>
        <Button startIcon={<ContentCopyIcon />} onClick={copy}>
          {translate('kindling.apiKeys.copy')}
        </Button>
        <Button variant="contained" onClick={onClose}>
          {translate('kindling.apiKeys.secretDone')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

function CreateDialog({ onClose, onCreated }: { onClose: () => void; onCreated: (secret: string) => void }) {
  const translate = useTranslate();
  const dataProvider = useDataProvider<KindlingDataProvider>();
  const refresh = useRefresh();
  const titleId = useId();
  const { data: programs = [] } = useGetList<ProgramRecord>('programs', { pagination: { page: 1, perPage: 100 } });
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<ApiKeyScope[]>(['PROFILES_READ', 'MENTORSHIPS_READ']);
  const [programId, setProgramId] = useState('');
  const [perMinute, setPerMinute] = useState('600');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const toggle = (scope: ApiKeyScope) => setScopes((s) => (s.includes(scope) ? s.filter((x) => x !== scope) : [...s, scope]));
  const create = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const issued = await dataProvider.createApiKey({
        name,
        scopes,
        programId: programId || null,
        perMinute: Number(perMinute) || null,
      });
      refresh();
      onCreated(issued.secret);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open onClose={busy ? undefined : onClose} maxWidth="sm" fullWidth aria-labelledby={titleId}>
      <DialogTitle id={titleId}>{translate('kindling.apiKeys.createTitle')}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ mt: 1 }}>
          <TextField
            label={translate('kindling.apiKeys.name')}
            helperText={translate('kindling.apiKeys.nameHelp')}
            value={name}
            onChange={(e) => setName(e.target.value)}
            required
            autoFocus
          />
          <Box component="fieldset" sx={{ border: 0, p: 0, m: 0 }}>
            <FormLabel component="legend">{translate('kindling.apiKeys.scopesLabel')}</FormLabel>
            <FormGroup>
              {SCOPES.map((s) => (
                <FormControlLabel
                  key={s}
                  control={<Checkbox checked={scopes.includes(s)} onChange={() => toggle(s)} />}
                  label={
                    <span>
                      {translate(`kindling.apiKeys.scopes.${s}`)}{' '}
                      <Typography component="span" variant="body2" color="text.secondary">
                        — {translate(`kindling.apiKeys.scopeHelp.${s}`)}
                      </Typography>
                    </span>
                  }
                />
              ))}
            </FormGroup>
          </Box>
          <TextField
            select
            label={translate('kindling.apiKeys.program')}
            value={programId}
            onChange={(e) => setProgramId(e.target.value)}
            helperText={translate('kindling.apiKeys.programHelp')}
          >
            <MenuItem value="">{translate('kindling.apiKeys.allPrograms')}</MenuItem>
            {programs.map((p) => (
              <MenuItem key={p.id} value={p.id}>
                {p.name}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            type="number"
            label={translate('kindling.apiKeys.perMinute')}
            helperText={translate('kindling.apiKeys.perMinuteHelp')}
            value={perMinute}
            onChange={(e) => setPerMinute(e.target.value)}
            slotProps={{ htmlInput: { min: 1, max: 6000 } }}
          />
        </Stack>
        <DialogError error={error} />
      </DialogContent>
      <DialogButtons
        busy={busy}
        onCancel={onClose}
        onConfirm={create}
        disabled={name.trim() === '' || scopes.length === 0}
        label={translate('kindling.apiKeys.create')}
        icon={<AddIcon />}
      />
    </Dialog>
  );
}

function ConfirmDialog({
  title,
  text,
  confirm,
  color,
  children,
  onConfirm,
  onClose,
}: {
  title: string;
  text: string;
  confirm: string;
  color: 'error' | 'primary';
  children?: React.ReactNode;
  onConfirm: () => Promise<void>;
  onClose: () => void;
}) {
  const _translate = useTranslate();
  const titleId = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const run = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await onConfirm();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
      setBusy(false);
    }
  };
  return (
    <Dialog open onClose={busy ? undefined : onClose} maxWidth="sm" fullWidth aria-labelledby={titleId}>
      <DialogTitle id={titleId}>{title}</DialogTitle>
      <DialogContent>
        <DialogContentText>{text}</DialogContentText>
        {children}
        <DialogError error={error} />
      </DialogContent>
      <DialogButtons busy={busy} onCancel={onClose} onConfirm={run} label={confirm} color={color} />
    </Dialog>
  );
}

function KeyActions({ onSecret }: { onSecret: (secret: string) => void }) {
  const key = useRecordContext<ApiKeyRecord>();
  const translate = useTranslate();
  const dataProvider = useDataProvider<KindlingDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [dialog, setDialog] = useState<'revoke' | 'rotate' | null>(null);
  const [overlap, setOverlap] = useState('24');
  if (!key || key.status === 'REVOKED' || key.status === 'EXPIRED') return null;
  const names = { name: key.name };
  return (
    <Stack direction="row" spacing={1}>
      {!key.replacedBy && (
        <Button size="small" startIcon={<AutorenewIcon />} onClick={() => setDialog('rotate')}>
          {translate('kindling.apiKeys.rotate')}
        </Button>
      )}
      <Button size="small" color="error" startIcon={<BlockIcon />} onClick={() => setDialog('revoke')}>
        {translate('kindling.apiKeys.revoke')}
      </Button>
      {dialog === 'revoke' && (
        <ConfirmDialog
          title={translate('kindling.apiKeys.revokeTitle', names)}
          text={translate('kindling.apiKeys.revokeExplained', names)}
          confirm={translate('kindling.apiKeys.revoke')}
          color="error"
          onClose={() => setDialog(null)}
          onConfirm={async () => {
            await dataProvider.revokeApiKey(key);
            notify('kindling.apiKeys.revoked', { type: 'info', messageArgs: names });
            setDialog(null);
            refresh();
          }}
        />
      )}
      {dialog === 'rotate' && (
        <ConfirmDialog
          title={translate('kindling.apiKeys.rotateTitle', names)}
          text={translate('kindling.apiKeys.rotateExplained', names)}
          confirm={translate('kindling.apiKeys.rotate')}
          color="primary"
          onClose={() => setDialog(null)}
          onConfirm={async () => {
            const issued = await dataProvider.rotateApiKey(key, Number(overlap));
            setDialog(null);
            refresh();
            onSecret(issued.secret);
          }}
        >
          <TextField
            type="number"
            sx={{ mt: 2 }}
            label={translate('kindling.apiKeys.overlap')}
            value={overlap}
            onChange={(e) => setOverlap(e.target.value)}
            slotProps={{ htmlInput: { min: 0, max: 720 } }}
          />
        </ConfirmDialog>
      )}
    </Stack>
  );
}

function Empty({ onCreate }: { onCreate: () => void }) {
  const translate = useTranslate();
  return (
    <Box sx={{ textAlign: 'center', m: 4 }}>
      <Typography variant="h6">{translate('kindling.apiKeys.none')}</Typography>
      <Typography color="text.secondary" sx={{ mb: 2 }}>
        {translate('kindling.apiKeys.noneHelp')}
      </Typography>
      <Button variant="contained" startIcon={<AddIcon />} onClick={onCreate}>
        {translate('kindling.apiKeys.create')}
      </Button>
    </Box>
  );
}

/** The organisation's partner keys, newest first, with what each may do and when it was last used. */
export function ApiKeyList() {
  const translate = useTranslate();
  const [creating, setCreating] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const actions = (
    <TopToolbar>
      <Button variant="contained" startIcon={<AddIcon />} onClick={() => setCreating(true)}>
        {translate('kindling.apiKeys.create')}
      </Button>
    </TopToolbar>
  );
  return (
    <>
      <List
        pagination={false}
        perPage={100}
        exporter={false}
        actions={actions}
        error={<ListLoadError />}
        empty={<Empty onCreate={() => setCreating(true)} />}
      >
        <DataTable bulkActionButtons={false} rowClick={false}>
          <DataTable.Col source="name" label="kindling.apiKeys.name" />
          <DataTable.Col source="hint" label="kindling.apiKeys.hint">
            <KeyHint />
          </DataTable.Col>
          <DataTable.Col source="status" label="kindling.apiKeys.statusLabel">
            <StatusChip />
          </DataTable.Col>
          <DataTable.Col source="scopes" label="kindling.apiKeys.scopesLabel">
            <ScopeChips />
          </DataTable.Col>
          <DataTable.Col source="program.name" label="kindling.apiKeys.program">
            <ProgramName />
          </DataTable.Col>
          <DataTable.Col source="lastUsedAt" label="kindling.apiKeys.lastUsed">
            <LastUsed />
          </DataTable.Col>
          <DataTable.Col source="createdAt" label="kindling.apiKeys.created">
            <LocaleDateField source="createdAt" />
          </DataTable.Col>
          <DataTable.Col label="kindling.apiKeys.actions">
            <KeyActions onSecret={setSecret} />
          </DataTable.Col>
        </DataTable>
      </List>
      {creating && (
        <CreateDialog
          onClose={() => setCreating(false)}
          onCreated={(s) => {
            setCreating(false);
            setSecret(s);
          }}
        />
      )}
      {secret && <SecretDialog secret={secret} onClose={() => setSecret(null)} />}
    </>
  );
}

function KeyHint() {
  const key = useRecordContext<ApiKeyRecord>();
  return key ? (
    <Typography variant="body2" sx={{ fontFamily: 'monospace' }}>
      {key.hint}
    </Typography>
  ) : null;
}

function ProgramName() {
  const key = useRecordContext<ApiKeyRecord>();
  const translate = useTranslate();
  return <>{key?.program?.name ?? translate('kindling.apiKeys.allPrograms')}</>;
}

function LastUsed() {
  const key = useRecordContext<ApiKeyRecord>();
  const translate = useTranslate();
  if (!key) return null;
  if (!key.lastUsedAt)
    return (
      <Typography variant="body2" color="text.secondary">
        {translate('kindling.apiKeys.neverUsed')}
      </Typography>
    );
  return <LocaleDateField source="lastUsedAt" showTime />;
}
