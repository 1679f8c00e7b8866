import { isUnauthenticated, type KindlingAuthProvider, type KindlingIdentity, type LocalSignIn } from './authTypes.ts';
import { createCognitoAuthProvider } from './cognitoAuthProvider.ts';
import type { AuthConfig } from './config.ts';
import { decodeJwt } from './jwt.ts';

export function createAuthProvider(auth: AuthConfig): KindlingAuthProvider {
  switch (auth.mode) {
    case 'local':
      return createLocalAuthProvider();
    case 'cognito':
      return createCognitoAuthProvider(auth);
    default: {
      const unknown: never = auth;
      throw new Error(`Unknown auth mode in ${JSON.stringify(unknown)}`);
    }
  }
}

const SESSION_KEY = 'kindling.session';

interface Session {
  token: string;
  /** ISO instant after which the token is refused. */
  expiresAt: string;
}

function readSession(): Session | undefined {
  try {
    const session = JSON.parse(sessionStorage.getItem(SESSION_KEY) ?? 'null') as Session | null;
    if (session && typeof session.token === 'string' && Date.parse(session.expiresAt) > Date.now()) return session;
  } catch {
    // A malformed entry counts as no session.
  }
  sessionStorage.removeItem(SESSION_KEY);
  return undefined;
}

/**
 * Local development: the local server mints a token for any tenant, role and name. The token lives
 * in sessionStorage, so it ends with the tab.
 */
function createLocalAuthProvider(): KindlingAuthProvider {
  return {
    async login({ tenant, role, name }: LocalSignIn) {
      let response: Response;
      try {
        response = await fetch('/local/token', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
          body: JSON.stringify({ tenant, role, name }),
        });
      } catch (error) {
        throw new Error(`Could not reach the local server: ${(error as Error).message}`);
      }
      const body = (await response.json().catch(() => ({}))) as Partial<Session> & { message?: string; error?: string };
      if (!response.ok || typeof body.token !== 'string' || typeof body.expiresAt !== 'string') {
        throw new Error(body.message ?? body.error ?? `Sign-in failed (HTTP ${response.status})`);
      }
      sessionStorage.setItem(SESSION_KEY, JSON.stringify({ token: body.token, expiresAt: body.expiresAt }));
    },

    async logout() {
      sessionStorage.removeItem(SESSION_KEY);
    },

    async checkAuth() {
      // `message: false` keeps react-admin from showing "please sign in" on the way to the sign-in page.
      if (!readSession()) throw { message: false };
    },

    async checkError(error: unknown) {
      if (isUnauthenticated(error)) {
        sessionStorage.removeItem(SESSION_KEY);
        throw error;
      }
      // Anything else (FORBIDDEN, CONFLICT, …) is shown where it happened; the session stays.
    },

    async getIdentity(): Promise<KindlingIdentity> {
      const session = readSession();
      if (!session) throw new Error('Not signed in');
      const claims = decodeJwt(session.token);
      return {
        id: claims.sub,
        fullName: claims.name ?? claims.sub,
        tenant: claims['kindling:tenant'],
        role: claims['kindling:role'],
      };
    },

    async getPermissions() {
      const session = readSession();
      return session ? decodeJwt(session.token)['kindling:role'] : undefined;
    },

    async getToken() {
      return readSession()?.token;
    },
  };
}
