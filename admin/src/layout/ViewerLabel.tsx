import { Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useDataProvider, useTranslate } from 'react-admin';
import type { KindlingDataProvider } from '../providers/dataProvider.ts';

/** Who is signed in, as the API sees it: the tenant's name (or all tenants) and the role. */
export function ViewerLabel() {
  const dataProvider = useDataProvider<KindlingDataProvider>();
  const translate = useTranslate();
  const { data } = useQuery({
    queryKey: ['kindling', 'viewer'],
    queryFn: ({ signal }) => dataProvider.getViewer(signal),
    staleTime: 5 * 60_000,
  });
  // After a sign-out react-admin answers `{ data: {} }` for custom methods: show nothing then.
  const viewer = data?.data;
  if (!viewer?.actor) return null;
  return (
    <Typography variant="body2" noWrap sx={{ mr: 1, opacity: 0.85 }}>
      {viewer.tenant?.name ?? translate('kindling.viewer.allTenants')} · {translate(`kindling.roles.${viewer.actor.role}`)}
    </Typography>
  );
}
