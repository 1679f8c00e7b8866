import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { finishCognitoSignIn } from './providers/cognitoAuthProvider.ts';
import { type ConsoleConfig, loadConfig } from './providers/config.ts';

/** Shown when the console cannot start at all, e.g. /config.json is missing: no react-admin yet. */
function StartupError({ error }: { error: unknown }) {
  return (
    <main style={{ fontFamily: 'system-ui, sans-serif', maxWidth: '40rem', margin: '4rem auto', padding: '0 1rem' }}>
      <h1>Kindling could not start</h1>
      <p>{error instanceof Error ? error.message : String(error)}</p>
      <p>Reload the page to try again.</p>
    </main>
  );
}

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
const root = createRoot(container);

/** Back from Cognito's hosted UI with a code: finish signing in before the console starts. */
async function start(): Promise<ConsoleConfig> {
  const config = await loadConfig();
  if (config.auth.mode === 'cognito') await finishCognitoSignIn(config.auth);
  return config;
}

/** An e-mail action link (`/#/act/<token>`, ADR 0059): its own small page, no config, no sign-in, no react-admin. */
const ACT = /^#\/act\/([^/?#]+)/.exec(window.location.hash);

if (ACT?.[1]) {
  const token = decodeURIComponent(ACT[1]);
  import('./act/ActionLinkPage.tsx').then(
    ({ ActionLinkPage }) =>
      root.render(
        <StrictMode>
          <ActionLinkPage token={token} />
        </StrictMode>,
      ),
    (error: unknown) => root.render(<StartupError error={error} />),
  );
} else
  start().then(
    (config) =>
      root.render(
        <StrictMode>
          <App config={config} />
        </StrictMode>,
      ),
    (error: unknown) => root.render(<StartupError error={error} />),
  );
