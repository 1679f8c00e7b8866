import { QueryClient } from '@tanstack/react-query';
import { lazy, useState } from 'react';
import { Admin, CustomRoutes, localStorageStore, Resource } from 'react-admin';
import { createHashRouter, Route } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { apiKeys } from './apiKeys/index.ts';
import { audit } from './audit/index.ts';
import { CognitoLoginPage } from './auth/CognitoLoginPage.tsx';
import { LocalLoginPage } from './auth/LocalLoginPage.tsx';
import { createI18nProvider } from './i18n/index.ts';
import { Layout } from './layout/Layout.tsx';
import { mentorships } from './mentorships/index.ts';
import { notifications } from './notifications/index.ts';
import { people } from './people/index.ts';
import { programs } from './programs/index.ts';
import { DASHBOARD_KEY } from './providers/analytics.ts';
import { createAuthProvider } from './providers/authProvider.ts';
import type { ConsoleConfig } from './providers/config.ts';
import { createDataProvider } from './providers/dataProvider.ts';
import { createGraphQLClient } from './providers/graphqlClient.ts';
import { requests } from './requests/index.ts';
import { retention } from './retention/index.ts';
import { surveys } from './surveys/index.ts';
import { webhooks } from './webhooks/index.ts';

/**
 * The home page: a program's figures and charts, in a chunk of its own with its charts later still.
 * Its download starts now, alongside sign-in and the first queries, rather than after them.
 */
const dashboardChunk = import('./dashboard/Dashboard.tsx');
const Dashboard = lazy(() => dashboardChunk.then(({ Dashboard }) => ({ default: Dashboard })));
/** A group program's circle page (ADR 75), in its own chunk: only group programs have one. */
const CirclePage = lazy(() => import('./circles/CirclePage.tsx').then(({ CirclePage }) => ({ default: CirclePage })));

function createProviders(config: ConsoleConfig) {
  const i18nProvider = createI18nProvider();
  const authProvider = createAuthProvider(config.auth);
  const client = createGraphQLClient({
    apiUrl: config.apiUrl,
    getToken: () => authProvider.getToken(),
    getLocale: () => i18nProvider.getLocale(),
  });
  const dataProvider = createDataProvider(client, i18nProvider.translate);
  const queryClient = new QueryClient();
  // Opening on the dashboard while signed in: its figures are asked for now, alongside the code
  // that shows them and the sign-in check, instead of after both (issue #14, point 8).
  const onDashboard = ['', '#', '#/'].includes(window.location.hash);
  if (onDashboard) {
    void authProvider.getToken().then((token) => {
      if (token) void queryClient.prefetchQuery({ queryKey: DASHBOARD_KEY, queryFn: ({ signal }) => dataProvider.dashboard(signal) });
    });
  }
  return { i18nProvider, authProvider, dataProvider, queryClient };
}

const store = localStorageStore(undefined, 'kindling');

function Console({ config }: { config: ConsoleConfig }) {
  const [providers] = useState(() => createProviders(config));
  return (
    <Admin
      title="Kindling"
      {...providers}
      store={store}
      loginPage={config.auth.mode === 'local' ? LocalLoginPage : CognitoLoginPage}
      layout={Layout}
      dashboard={Dashboard}
      requireAuth
      disableTelemetry
    >
      <Resource {...programs} />
      <Resource {...mentorships} />
      <Resource {...requests} />
      <Resource {...surveys} />
      <Resource {...retention} />
      <Resource {...people} />
      {/* No pages of their own: a program's participants and imports show on the program's page. */}
      <Resource name="participants" />
      <Resource name="imports" />
      <Resource {...notifications} />
      <Resource {...webhooks} />
      <Resource {...audit} />
      <Resource {...apiKeys} />
      <CustomRoutes>
        <Route path="/circles/:id" element={<CirclePage />} />
      </CustomRoutes>
    </Admin>
  );
}

/**
 * Our own router rather than react-admin's, for one setting: navigation without transitions.
 * Signed out, react-admin's logout loop (navigate to /login, reset the store and query cache,
 * check auth again, log out again) keeps interrupting the transition that would render /login, so
 * the sign-in page took 10–15 s to appear (react-admin issue #10764). Synchronous navigation
 * renders it at once.
 */
export function App({ config }: { config: ConsoleConfig }) {
  const [router] = useState(() => createHashRouter([{ path: '*', element: <Console config={config} /> }]));
  return <RouterProvider router={router} useTransitions={false} />;
}
