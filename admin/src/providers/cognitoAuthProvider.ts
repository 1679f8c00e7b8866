import { isUnauthenticated, type KindlingAuthProvider, type KindlingIdentity } from './authTypes.ts';
import type { AuthConfig } from './config.ts';
import { decodeJwt } from './jwt.ts';
import { authorizeUrl, exchangeCode, logoutUrl, type OAuthClient, randomToken, refreshTokens, revokeToken, type Tokens } from './oauth.ts';

type CognitoConfig = Extract<AuthConfig, { mode: 'cognito' }>;

const TOKENS = 'kindling.cognito.tokens';
const PENDING = 'kindling.cognito.pending';
/** Refresh a minute before the ID token lapses, so no request goes out with a dying token. */
const REFRESH_MARGIN_MS = 60_000;

interface Pending {
  state: string;
  verifier: string;
  /** The page to come back to (the hash route), so a sign-in mid-task does not lose the place. */
  returnTo: string;
}

export function oauthClient(config: CognitoConfig, origin = window.location.origin): OAuthClient {
  return { domain: config.domain, clientId: config.clientId, redirectUri: `${origin}/`, scopes: ['openid', 'email', 'profile'] };
}

const readJson = <T>(key: string): T | null => {
  try {
    return JSON.parse(sessionStorage.getItem(key) ?? 'null') as T | null;
  } catch {
    return null;
  }
};

/**
 * Called once at start-up, before the console renders: when Cognito has just sent the browser back
 * with `?code=…&state=…`, trade the code for tokens and restore the page the user was on.
 */
export async function finishCognitoSignIn(config: CognitoConfig): Promise<void> {
  const params = new URLSearchParams(window.location.search);
  const code = params.get('code');
  const error = params.get('error_description') ?? params.get('error');
  if (!code && !error) return;
  const pending = readJson<Pending>(PENDING);
  sessionStorage.removeItem(PENDING);
  const back = `${window.location.pathname}${pending?.returnTo ?? '#/'}`;
  window.history.replaceState(null, '', back);
  if (error) throw new Error(`Sign-in was not completed: ${error}. Reload to try again.`);
  if (!pending || pending.state !== params.get('state'))
    throw new Error('This sign-in link was not started here. Reload to sign in again.');
  const tokens = await exchangeCode(oauthClient(config), code ?? '', pending.verifier);
  sessionStorage.setItem(TOKENS, JSON.stringify(tokens));
}

/**
 * Cognito's hosted UI with the authorization code flow and PKCE (providers/oauth.ts). The ID token
 * goes to the API: its audience is the console's app client, and it carries `custom:tenant` and the
 * `cognito:groups` the API maps to roles. Tokens live in sessionStorage and end with the tab; the
 * refresh token renews them quietly.
 */
export function createCognitoAuthProvider(config: CognitoConfig): KindlingAuthProvider {
  const client = oauthClient(config);
  let refreshing: Promise<Tokens | null> | null = null;

  async function current(): Promise<Tokens | null> {
    const tokens = readJson<Tokens>(TOKENS);
    if (!tokens) return null;
    if (tokens.expiresAt - REFRESH_MARGIN_MS > Date.now()) return tokens;
    if (!tokens.refreshToken) return null;
    // One refresh at a time, however many requests ask for a token at once.
    refreshing ??= refreshTokens(client, tokens.refreshToken)
      .then((fresh) => {
        sessionStorage.setItem(TOKENS, JSON.stringify(fresh));
        return fresh;
      })
      .catch(() => {
        sessionStorage.removeItem(TOKENS);
        return null;
      })
      .finally(() => {
        refreshing = null;
      });
    return refreshing;
  }

  return {
    async login() {
      const pending: Pending = { state: randomToken(16), verifier: randomToken(48), returnTo: window.location.hash || '#/' };
      sessionStorage.setItem(PENDING, JSON.stringify(pending));
      window.location.assign(await authorizeUrl(client, pending.verifier, pending.state));
      // The browser is leaving; keep react-admin from doing anything else meanwhile.
      await new Promise(() => undefined);
    },

    async logout() {
      const tokens = readJson<Tokens>(TOKENS);
      const signedIn = tokens !== null;
      sessionStorage.removeItem(TOKENS);
      // The tokens end now, not when their hour is up (a copied token stops working at sign-out).
      if (tokens?.refreshToken) await revokeToken(client, tokens.refreshToken);
      // Ending Cognito's own session too, or the hosted UI would sign the next person straight back in.
      if (signedIn) window.location.assign(logoutUrl(client));
    },

    async checkAuth() {
      if (!(await current())) throw { message: false };
    },

    async checkError(error: unknown) {
      if (isUnauthenticated(error)) {
        sessionStorage.removeItem(TOKENS);
        throw error;
      }
    },

    async getIdentity(): Promise<KindlingIdentity> {
      const tokens = await current();
      if (!tokens) throw new Error('Not signed in');
      const claims = decodeJwt(tokens.idToken) as ReturnType<typeof decodeJwt> & Record<string, unknown>;
      const groups = Array.isArray(claims['cognito:groups']) ? (claims['cognito:groups'] as string[]) : [];
      return {
        id: claims.sub,
        fullName: (claims.name as string | undefined) ?? (claims.email as string | undefined) ?? claims.sub,
        tenant: claims['custom:tenant'] as string | undefined,
        role: groups.includes('operators') ? 'operator' : groups.includes('managers') ? 'manager' : 'participant',
      };
    },

    async getPermissions() {
      return (await this.getIdentity?.())?.role;
    },

    async getToken() {
      return (await current())?.idToken;
    },
  };
}
