import { Box, type SxProps } from '@mui/material';
import { type FieldProps, useFieldValue } from 'react-admin';
import { useFormat } from './format.ts';

/**
 * A date column or fact, formatted by the console's one date helper (`useFormat`): "26 Nov 2026",
 * or with `showTime` "26 Nov 2026, 20:48", in the console's locale (react-admin's DateField would
 * use the browser's), so every date on every page reads the same.
 */
export function LocaleDateField({ showTime, sx, ...props }: FieldProps & { showTime?: boolean; sx?: SxProps }) {
  const format = useFormat();
  const value = useFieldValue(props);
  if (typeof value !== 'string' || value === '')
    return (
      <Box component="span" sx={sx}>
        —
      </Box>
    );
  return (
    <Box component="span" sx={sx}>
      {showTime ? format.dateTime(value) : format.date(value)}
    </Box>
  );
}
