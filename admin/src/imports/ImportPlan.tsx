import {
  Alert,
  AlertTitle,
  Box,
  Chip,
  FormControl,
  FormControlLabel,
  Paper,
  Radio,
  RadioGroup,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useTranslate } from 'react-admin';
import type { IdentityDecision, ImportField } from '../generated/graphql.ts';
import { useFocusAreaLabel } from '../participants/focusAreas.ts';
import type { ImportPreview, ImportRowPlan } from '../providers/imports.ts';

/** The manager's choice per line, for the rows the preview flags as identity changes. */
export type Decisions = Partial<Record<number, IdentityDecision>>;

const DECISIONS: IdentityDecision[] = ['SAME_PERSON', 'REPLACE_PERSON', 'SKIP'];
/** Rows with changes listed at most; the counts above say how many there are in all. */
const SHOWN_UPDATES = 50;

/** The identity changes still without a choice. */
export const undecided = (preview: ImportPreview, decisions: Decisions): number =>
  preview.changes.filter((plan) => plan.identityChange && !decisions[plan.line]).length;

/** What startImport needs: a choice for every identity change, by line. */
export const identityChoices = (preview: ImportPreview, decisions: Decisions) =>
  preview.changes.flatMap((plan) => {
    const decision = plan.identityChange ? decisions[plan.line] : undefined;
    return decision ? [{ line: plan.line, decision }] : [];
  });

/** A changed value as the manager reads it: focus areas and roles in words, nothing as "empty". */
function useValue() {
  const translate = useTranslate();
  const focusArea = useFocusAreaLabel();
  return (field: ImportField, value: string | null | undefined) => {
    if (value === null || value === undefined || value === '') return translate('kindling.imports.emptyValue');
    const parts = value.split(', ');
    if (field === 'REASONS') return parts.map(focusArea).join(', ');
    if (field === 'ROLE') return parts.map((role) => translate(`kindling.enrolment.role.${role}`, { _: role })).join(', ');
    if (field === 'OPEN_TO_SPONSORING' && (value === 'true' || value === 'false')) return translate(`ra.boolean.${value}`);
    return value;
  };
}

function Changes({ plan }: { plan: ImportRowPlan }) {
  const translate = useTranslate();
  const shown = useValue();
  return (
    <Box component="ul" sx={{ m: 0, pl: 2 }}>
      {plan.changes.map((change) => (
        <li key={change.field}>
          <Typography variant="body2" component="span" sx={{ fontWeight: 500 }}>
            {translate(`kindling.imports.fields.${change.field}`)}:
          </Typography>{' '}
          <Typography variant="body2" component="span" color="text.secondary" sx={{ textDecoration: 'line-through' }}>
            {shown(change.field, change.from)}
          </Typography>
          {' → '}
          <Typography variant="body2" component="span">
            {shown(change.field, change.to)}
          </Typography>
        </li>
      ))}
    </Box>
  );
}

/** One row that names someone who exists under another name and e-mail: both side by side, and the choice. */
function IdentityChange({
  plan,
  decision,
  onDecide,
}: {
  plan: ImportRowPlan;
  decision: IdentityDecision | undefined;
  onDecide: (decision: IdentityDecision) => void;
}) {
  const translate = useTranslate();
  const label = translate('kindling.imports.identityChoice', { line: plan.line });
  return (
    <Paper
      variant="outlined"
      sx={{ p: 2, borderColor: decision ? 'divider' : 'warning.main', borderWidth: decision ? 1 : 2 }}
      aria-label={translate('kindling.imports.identityRow', { line: plan.line })}
    >
      <Typography variant="subtitle2" gutterBottom>
        {translate('kindling.imports.identityRow', { line: plan.line })}
      </Typography>
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr' }, gap: 2, mb: 1 }}>
        <Box>
          <Typography variant="caption" color="text.secondary">
            {translate('kindling.imports.inFile')}
          </Typography>
          <Typography variant="body2">{plan.name}</Typography>
          <Typography variant="body2" sx={{ overflowWrap: 'anywhere' }}>
            {plan.email}
          </Typography>
        </Box>
        <Box>
          <Typography variant="caption" color="text.secondary">
            {translate('kindling.imports.inKindling')}
            {plan.currentExternalId ? ` · ${translate('kindling.imports.fields.EXTERNAL_ID')} ${plan.currentExternalId}` : ''}
          </Typography>
          <Typography variant="body2">{plan.currentName}</Typography>
          <Typography variant="body2" sx={{ overflowWrap: 'anywhere' }}>
            {plan.currentEmail}
          </Typography>
        </Box>
      </Box>
      <FormControl>
        <RadioGroup aria-label={label} value={decision ?? ''} onChange={(event) => onDecide(event.target.value as IdentityDecision)}>
          {DECISIONS.map((choice) => (
            <FormControlLabel
              key={choice}
              value={choice}
              control={<Radio size="small" />}
              label={
                <Typography variant="body2">
                  {translate(`kindling.imports.decisions.${choice}`, { current: plan.currentName ?? '' })}
                </Typography>
              }
            />
          ))}
        </RadioGroup>
      </FormControl>
    </Paper>
  );
}

/**
 * What the import will do to the people who exist (issue #16): the rows by what they do, the
 * empty-cell rule, every identity change first with its choice (the import waits for all of them),
 * then the updates field by field.
 */
export function PlannedChanges({
  preview,
  decisions,
  onDecide,
}: {
  preview: ImportPreview;
  decisions: Decisions;
  onDecide: (line: number, decision: IdentityDecision) => void;
}) {
  const translate = useTranslate();
  const identity = preview.changes.filter((plan) => plan.identityChange);
  const updates = preview.changes.filter((plan) => !plan.identityChange && plan.action === 'UPDATE');
  const chosen = (decision: IdentityDecision) => identity.filter((plan) => decisions[plan.line] === decision).length;
  const counts = {
    CREATE: preview.actions.create + chosen('REPLACE_PERSON'),
    UPDATE: preview.actions.update + chosen('SAME_PERSON'),
    UNCHANGED: preview.actions.unchanged,
    SKIP: identity.length - chosen('REPLACE_PERSON') - chosen('SAME_PERSON'),
  };
  const left = undecided(preview, decisions);
  return (
    <Stack spacing={2}>
      <Box>
        <Typography variant="h6" component="h3">
          {translate('kindling.imports.plan')}
        </Typography>
        <Typography variant="body2" color="text.secondary" gutterBottom>
          {translate('kindling.imports.planHelp')}
        </Typography>
        <Stack direction="row" sx={{ gap: 1, flexWrap: 'wrap' }} aria-label={translate('kindling.imports.actionCounts')} role="list">
          {(Object.keys(counts) as (keyof typeof counts)[]).map((action) => (
            <Chip
              key={action}
              role="listitem"
              variant={action === 'SKIP' && counts.SKIP > 0 ? 'filled' : 'outlined'}
              color={action === 'SKIP' && left > 0 ? 'warning' : 'default'}
              label={`${translate(`kindling.imports.actions.${action}`)}: ${counts[action].toLocaleString()}`}
            />
          ))}
        </Stack>
      </Box>
      <Alert severity="info" variant="outlined">
        {translate('kindling.imports.emptyCellRule')}
      </Alert>
      {identity.length > 0 && (
        <Alert severity="warning" sx={{ '& .MuiAlert-message': { width: '100%' } }}>
          <AlertTitle>{translate('kindling.imports.identityTitle', { smart_count: identity.length })}</AlertTitle>
          <Typography variant="body2" gutterBottom>
            {translate('kindling.imports.identityHelp')}
          </Typography>
          <Stack spacing={1.5} sx={{ mt: 1 }}>
            {identity.map((plan) => (
              <IdentityChange
                key={plan.line}
                plan={plan}
                decision={decisions[plan.line]}
                onDecide={(decision) => onDecide(plan.line, decision)}
              />
            ))}
          </Stack>
        </Alert>
      )}
      {updates.length > 0 && (
        <Box>
          <Typography variant="subtitle1" component="h4" gutterBottom>
            {translate('kindling.imports.updatesTitle', { smart_count: updates.length })}
          </Typography>
          <Paper variant="outlined">
            <Table size="small" aria-label={translate('kindling.imports.updatesTable')} sx={{ '& td': { verticalAlign: 'top' } }}>
              <TableHead>
                <TableRow>
                  <TableCell>{translate('kindling.imports.line')}</TableCell>
                  <TableCell>{translate('kindling.imports.person')}</TableCell>
                  <TableCell>{translate('kindling.imports.whatChanges')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {updates.slice(0, SHOWN_UPDATES).map((plan) => (
                  <TableRow key={plan.line}>
                    <TableCell sx={{ fontVariantNumeric: 'tabular-nums' }}>{plan.line}</TableCell>
                    <TableCell>
                      <Typography variant="body2">{plan.currentName ?? plan.name}</Typography>
                      <Typography variant="caption" color="text.secondary">
                        {translate(`kindling.imports.emptyCells.${plan.emptyCells}`)}
                      </Typography>
                    </TableCell>
                    <TableCell>
                      <Changes plan={plan} />
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </Paper>
          {updates.length > SHOWN_UPDATES && (
            <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
              {translate('kindling.imports.moreChanges', { smart_count: updates.length - SHOWN_UPDATES })}
            </Typography>
          )}
        </Box>
      )}
    </Stack>
  );
}
