import { Alert, Box, Chip, Stack, Typography } from '@mui/material';
import { type FieldProps, maxValue, minValue, NumberInput, SelectInput, TextInput, useRecordContext, useTranslate } from 'react-admin';
import { useWatch } from 'react-hook-form';
import type { ProgramKind } from '../generated/graphql.ts';
import type { ProgramRecord } from '../providers/programs.ts';
import { useRoleWords } from './roles.ts';

const KINDS: readonly ProgramKind[] = ['ONE_TO_ONE', 'PEER', 'GROUP', 'REVERSE'];
// The API's own bounds (programs/kinds.ts): the browser says so before a save is refused.
const circleMinimum = [minValue(1), maxValue(20)];
const circleMaximum = [minValue(2), maxValue(20)];
const roleName = [(value: unknown) => (typeof value === 'string' && value.trim().length > 40 ? 'kindling.kinds.nameTooLong' : undefined)];

/**
 * The program's kind and what it calls its roles. The kind is chosen while the program is a draft
 * (or being created); once it opens its participants and pairs are of that kind, so it is shown
 * read-only, with why. Peers have one role, so a peer program has no role names to give.
 */
export function KindInputs() {
  const program = useRecordContext<ProgramRecord>();
  const translate = useTranslate();
  const kind = (useWatch({ name: 'kind' }) as ProgramKind | undefined) ?? program?.kind ?? 'ONE_TO_ONE';
  const fixed = program !== undefined && program.status !== 'DRAFT';
  return (
    <Box sx={{ width: '100%', mb: 1 }}>
      <Typography variant="h6" component="h2">
        {translate('kindling.kinds.title')}
      </Typography>
      {fixed ? (
        <Stack spacing={1} sx={{ my: 1 }} data-testid="program-kind-fixed">
          <Box>
            <Chip label={translate(`kindling.kinds.${program.kind}`)} color="primary" variant="outlined" />
          </Box>
          <Alert severity="info">
            {translate('kindling.kinds.fixed', { status: translate(`resources.programs.status.${program.status}`).toLowerCase() })}
          </Alert>
        </Stack>
      ) : (
        <SelectInput
          source="kind"
          label="resources.programs.fields.kind"
          choices={KINDS.map((id) => ({ id, name: `kindling.kinds.${id}` }))}
          defaultValue="ONE_TO_ONE"
          helperText={`kindling.kinds.help.${kind}`}
        />
      )}
      {kind === 'GROUP' && (
        <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' }, columnGap: 3 }} data-testid="circle-size">
          <NumberInput
            source="circleSize.minimum"
            label="resources.programs.fields.circleSize.minimum"
            helperText="kindling.circles.minimumHelp"
            min={1}
            max={20}
            step={1}
            validate={circleMinimum}
          />
          <NumberInput
            source="circleSize.maximum"
            label="resources.programs.fields.circleSize.maximum"
            helperText="kindling.circles.maximumHelp"
            min={2}
            max={20}
            step={1}
            validate={circleMaximum}
          />
        </Box>
      )}
      {kind === 'PEER' ? (
        <Typography color="text.secondary" variant="body2">
          {translate('kindling.kinds.peerRoles')}
        </Typography>
      ) : (
        <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' }, columnGap: 3 }}>
          <TextInput
            source="roleNames.mentor"
            label="resources.programs.fields.roleNames.mentor"
            helperText={kind === 'REVERSE' ? 'kindling.kinds.reverseMentorHelp' : 'kindling.kinds.roleNameHelp'}
            validate={roleName}
          />
          <TextInput
            source="roleNames.mentee"
            label="resources.programs.fields.roleNames.mentee"
            helperText={kind === 'REVERSE' ? 'kindling.kinds.reverseMenteeHelp' : 'kindling.kinds.roleNameHelp'}
            validate={roleName}
          />
        </Box>
      )}
    </Box>
  );
}

/** The kind on the program's page, with its roles as the program names them. */
export function ProgramKindField(_props: Partial<FieldProps<ProgramRecord>>) {
  const program = useRecordContext<ProgramRecord>();
  const translate = useTranslate();
  const words = useRoleWords(program);
  if (!program) return null;
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
      <Chip size="small" label={translate(`kindling.kinds.${program.kind}`)} />
      <Typography variant="body2" color="text.secondary">
        {words.peer ? translate('kindling.kinds.peerRolesShort') : `${words.of('MENTOR')} · ${words.of('MENTEE')}`}
      </Typography>
    </Stack>
  );
}
