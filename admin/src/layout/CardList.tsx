import { Box, Skeleton, Stack, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { type RaRecord, useListContext, useTranslate } from 'react-admin';

/**
 * A list shown as cards, one under the other: placeholders while it loads, and when it is empty a
 * line saying so with what would fill it (i18n keys).
 */
export function CardList<T extends RaRecord>({
  placeholderHeight,
  none,
  noneHelp,
  children,
}: {
  placeholderHeight: number;
  none: string;
  noneHelp: string;
  children: (record: T) => ReactNode;
}) {
  const { data, isPending } = useListContext<T>();
  const translate = useTranslate();
  if (isPending) {
    return (
      <Stack spacing={2} sx={{ p: 2 }}>
        {[0, 1, 2].map((n) => (
          <Skeleton key={n} variant="rounded" height={placeholderHeight} />
        ))}
      </Stack>
    );
  }
  if (!data || data.length === 0) {
    return (
      <Box sx={{ p: 3 }}>
        <Typography variant="h6" component="p">
          {translate(none)}
        </Typography>
        <Typography color="text.secondary">{translate(noneHelp)}</Typography>
      </Box>
    );
  }
  return (
    <Stack spacing={2} sx={{ p: 2 }}>
      {data.map(children)}
    </Stack>
  );
}
