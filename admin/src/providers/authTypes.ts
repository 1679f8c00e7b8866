import type { AuthProvider, UserIdentity } from 'react-admin';
import { GraphQLRequestError } from './graphqlClient.ts';

/** What both sign-in providers share: the console's auth contract, apart so that neither imports the other. */

/** react-admin's AuthProvider plus the one thing the GraphQL client needs: the current token. */
export interface KindlingAuthProvider extends AuthProvider {
  getToken(): Promise<string | undefined>;
}

export interface KindlingIdentity extends UserIdentity {
  tenant?: string;
  role?: string;
}

export type ConsoleRole = 'manager' | 'operator';

/** What the local sign-in page sends to `login()`, and on to `POST /local/token`. */
export interface LocalSignIn {
  tenant: string;
  role: ConsoleRole;
  name: string;
}

/** True for errors after which the console should sign out: the API no longer accepts the token. */
export function isUnauthenticated(error: unknown): boolean {
  return error instanceof GraphQLRequestError && (error.code === 'UNAUTHENTICATED' || error.status === 401);
}
