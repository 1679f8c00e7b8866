import { MenuItem, Stack, TextField, Typography } from '@mui/material';
import { useEffect } from 'react';
import { useGetList, useInput, useListContext, useStore, useTranslate } from 'react-admin';
import type { ProgramRecord } from '../providers/programs.ts';

const PROGRAM_PAGE = { page: 1, perPage: 100 };

/**
 * The program the manager is looking at across the dashboard, pairs and requests: the one they
 * picked last, else the first running one, else the first. Remembered in react-admin's store.
 */
export function useCurrentProgram() {
  const { data: programs = [], isPending, error } = useGetList<ProgramRecord>('programs', { pagination: PROGRAM_PAGE });
  const [chosenId, setProgramId] = useStore<string | null>('kindling.currentProgram', null);
  const program = programs.find((p) => p.id === chosenId) ?? programs.find((p) => p.status === 'RUNNING') ?? programs[0] ?? undefined;
  return { programs, program, setProgramId, isPending, error };
}

/** A plain select of the tenant's programs, each with its status. */
export function ProgramSelect({
  programs,
  value,
  onChange,
  label,
}: {
  programs: readonly Pick<ProgramRecord, 'id' | 'name' | 'status'>[];
  value: string | undefined;
  onChange: (programId: string) => void;
  label?: string;
}) {
  const translate = useTranslate();
  return (
    <TextField
      select
      size="small"
      label={label ?? translate('resources.programs.name', { smart_count: 1 })}
      value={value ?? ''}
      onChange={(event) => onChange(event.target.value)}
      fullWidth={false}
      sx={{ width: 340, maxWidth: '100%', flexShrink: 0 }}
      slotProps={{ select: { inputProps: { 'aria-label': label ?? translate('resources.programs.name', { smart_count: 1 }) } } }}
    >
      {programs.map((program) => (
        <MenuItem key={program.id} value={program.id}>
          {program.name} · {translate(`resources.programs.status.${program.status}`)}
        </MenuItem>
      ))}
    </TextField>
  );
}

/** Inside a list filtered by program: whatever program it shows becomes the console's current one. */
export function RememberProgram({ onProgram }: { onProgram: (id: string) => void }) {
  const { filterValues } = useListContext();
  const programId = typeof filterValues.programId === 'string' ? filterValues.programId : undefined;
  useEffect(() => {
    if (programId) onProgram(programId);
  }, [programId, onProgram]);
  return null;
}

/** In place of a per-program page when the organisation has no program yet. */
export function NoPrograms() {
  const translate = useTranslate();
  return (
    <Stack sx={{ p: 4 }} spacing={1}>
      <Typography variant="h6">{translate('kindling.dashboard.noPrograms')}</Typography>
      <Typography color="text.secondary">{translate('kindling.dashboard.noProgramsHelp')}</Typography>
    </Stack>
  );
}

/**
 * The program filter of a per-program list: always one program, so no empty choice (and no
 * "required" star, which a plain SelectInput would show).
 */
export function ProgramFilterInput({ programs, source }: { programs: readonly ProgramRecord[]; source: string; alwaysOn?: boolean }) {
  const { field } = useInput({ source });
  return <ProgramSelect programs={programs} value={typeof field.value === 'string' ? field.value : undefined} onChange={field.onChange} />;
}
