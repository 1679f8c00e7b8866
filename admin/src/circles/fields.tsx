import { Chip, type ChipProps } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { CircleStatus } from '../generated/graphql.ts';
import { useFocusAreaLabel } from '../participants/focusAreas.ts';

const STATUS_LOOK: Record<CircleStatus, Pick<ChipProps, 'color' | 'variant'>> = {
  ACTIVE: { color: 'primary', variant: 'outlined' },
  FORMING: { color: 'warning', variant: 'outlined' },
  CLOSED: { color: 'default', variant: 'outlined' },
};

/** A circle's status in words: forming (below the minimum), active, closed. */
export function CircleStatusChip({ status }: { status: CircleStatus }) {
  const translate = useTranslate();
  return <Chip size="small" label={translate(`kindling.circles.status.${status}`)} {...STATUS_LOOK[status]} />;
}

/** A circle's topic as the program's focus area in the console's language, or "General circle". */
export function useCircleTopic(): (topic: string | null | undefined) => string {
  const translate = useTranslate();
  const focusArea = useFocusAreaLabel();
  return (topic) => (topic ? focusArea(topic) : translate('kindling.circles.generalCircle'));
}
