import { Chip, Stack } from '@mui/material';
import { AutocompleteArrayInput, useRecordContext, useTranslate } from 'react-admin';
import { useWatch } from 'react-hook-form';
import { STANDARD_FOCUS_AREAS, toFocusAreaCode, useFocusAreaLabel } from '../participants/focusAreas.ts';
import type { ProgramRecord } from '../providers/programs.ts';

/**
 * The program's focus areas: the standard vocabulary with words in the reader's language, plus the
 * program's own, and a new one made by typing it ("Add …").
 */
export function FocusAreasInput() {
  const program = useRecordContext<ProgramRecord>();
  const translate = useTranslate();
  const label = useFocusAreaLabel();
  const chosen = (useWatch({ name: 'focusAreas' }) as string[] | undefined) ?? [];
  const codes = [...new Set([...STANDARD_FOCUS_AREAS, ...(program?.focusAreas ?? []), ...chosen])];
  const choices = codes.map((id) => ({ id, name: label(id) }));
  return (
    <AutocompleteArrayInput
      source="focusAreas"
      choices={choices}
      translateChoice={false}
      helperText="resources.programs.focusAreasHelp"
      createItemLabel={translate('resources.programs.addFocusArea', { _: 'Add %{item}' })}
      onCreate={(typed) => {
        const words = (typed ?? '').trim();
        if (!words) return undefined;
        return { id: toFocusAreaCode(words), name: words };
      }}
      sx={{ minWidth: 480 }}
    />
  );
}

/** Which of the program's focus areas are sensitive: chosen from the program's own, with their words. */
export function SensitiveFocusAreasInput() {
  const label = useFocusAreaLabel();
  const areas = (useWatch({ name: 'focusAreas' }) as string[] | undefined) ?? [];
  const sensitive = (useWatch({ name: 'privacy.sensitiveFocusAreas' }) as string[] | undefined) ?? [];
  const choices = [...new Set([...areas, ...sensitive])].map((id) => ({ id, name: label(id) }));
  return (
    <AutocompleteArrayInput
      source="privacy.sensitiveFocusAreas"
      choices={choices}
      translateChoice={false}
      helperText="resources.programs.sensitiveHelp"
      sx={{ minWidth: 480 }}
    />
  );
}

/** The program's focus areas as words, on its page. */
export function FocusAreasField(_props: { source: 'focusAreas'; label?: string }) {
  const program = useRecordContext<ProgramRecord>();
  const label = useFocusAreaLabel();
  return (
    <Stack direction="row" sx={{ gap: 0.5, flexWrap: 'wrap' }}>
      {(program?.focusAreas ?? []).map((code) => (
        <Chip key={code} size="small" label={label(code)} />
      ))}
    </Stack>
  );
}
