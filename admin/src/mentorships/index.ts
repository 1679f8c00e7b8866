import PairsIcon from '@mui/icons-material/Diversity3';
import { lazy } from 'react';
import type { ResourceProps } from 'react-admin';
import type { MentorshipRow } from '../providers/mentorships.ts';

/** A program's pairs (mentorships): list by program, status and health; one pair's page. */
export const mentorships = {
  name: 'mentorships',
  icon: PairsIcon,
  recordRepresentation: (pair: MentorshipRow) => `${pair.mentorName} & ${pair.menteeName}`,
  list: lazy(() => import('./MentorshipList.tsx').then(({ MentorshipList }) => ({ default: MentorshipList }))),
  show: lazy(() => import('./MentorshipShow.tsx').then(({ MentorshipShow }) => ({ default: MentorshipShow }))),
} satisfies ResourceProps;
