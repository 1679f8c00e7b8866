import PeopleIcon from '@mui/icons-material/People';
import { lazy } from 'react';
import type { ResourceProps } from 'react-admin';

/** The people resource: everyone in the organisation. Views load on first visit. */
export const people = {
  name: 'people',
  icon: PeopleIcon,
  recordRepresentation: 'displayName',
  list: lazy(() => import('./PersonList.tsx').then(({ PersonList }) => ({ default: PersonList }))),
  show: lazy(() => import('./PersonShow.tsx').then(({ PersonShow }) => ({ default: PersonShow }))),
  edit: lazy(() => import('./PersonEdit.tsx').then(({ PersonEdit }) => ({ default: PersonEdit }))),
  create: lazy(() => import('./PersonCreate.tsx').then(({ PersonCreate }) => ({ default: PersonCreate }))),
} satisfies ResourceProps;
