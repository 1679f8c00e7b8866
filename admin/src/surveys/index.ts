import SurveyIcon from '@mui/icons-material/RateReview';
import { lazy } from 'react';
import type { ResourceProps } from 'react-admin';

/** What pairs said: check-in and closing surveys, with ratings and the outcomes the seed names. */
export const surveys = {
  name: 'surveys',
  icon: SurveyIcon,
  list: lazy(() => import('./SurveyList.tsx').then(({ SurveyList }) => ({ default: SurveyList }))),
} satisfies ResourceProps;
