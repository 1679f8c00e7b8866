import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import ErrorIcon from '@mui/icons-material/Error';
import HelpIcon from '@mui/icons-material/Help';
import ScheduleIcon from '@mui/icons-material/Schedule';
import { Chip, type ChipProps, type SvgIconProps } from '@mui/material';
import type { ComponentType } from 'react';
import { useTranslate } from 'react-admin';
import type { Health, MentorshipStatus } from '../generated/graphql.ts';

/**
 * A pair's health is always colour plus words (and a shape), never colour alone: on track is green,
 * due soon amber, overdue red, never met grey. The chart on the dashboard uses the same colours.
 */
export const HEALTH_LOOK: Record<Health, { colour: string; text: string; icon: ComponentType<SvgIconProps> }> = {
  ON_TRACK: { colour: '#2e7d32', text: '#fff', icon: CheckCircleIcon },
  DUE_SOON: { colour: '#ffb300', text: 'rgba(0, 0, 0, 0.87)', icon: ScheduleIcon },
  OVERDUE: { colour: '#c62828', text: '#fff', icon: ErrorIcon },
  NEVER_MET: { colour: '#757575', text: '#fff', icon: HelpIcon },
};

/** The order a manager reads them in: the ones that need attention last, nearest the eye on a bar chart's end. */
export const HEALTH_ORDER: readonly Health[] = ['ON_TRACK', 'DUE_SOON', 'OVERDUE', 'NEVER_MET'];

export function HealthChip({ health, size = 'small' }: { health: Health; size?: ChipProps['size'] }) {
  const translate = useTranslate();
  const look = HEALTH_LOOK[health];
  const Icon = look.icon;
  return (
    <Chip
      size={size}
      icon={<Icon style={{ color: look.text }} />}
      label={translate(`kindling.health.${health}`)}
      sx={{ bgcolor: look.colour, color: look.text, fontWeight: 500 }}
    />
  );
}

function statusLook(status: MentorshipStatus): Pick<ChipProps, 'color' | 'variant'> {
  switch (status) {
    case 'ACTIVE':
      return { color: 'primary', variant: 'outlined' };
    case 'PAUSED':
      return { color: 'warning', variant: 'outlined' };
    case 'COMPLETED':
      return { color: 'success', variant: 'outlined' };
    case 'ENDED_EARLY':
      return { color: 'default', variant: 'outlined' };
    default: {
      const unknown: never = status;
      return unknown;
    }
  }
}

export function MentorshipStatusChip({ status }: { status: MentorshipStatus }) {
  const translate = useTranslate();
  return <Chip size="small" label={translate(`kindling.pairs.status.${status}`)} {...statusLook(status)} />;
}
