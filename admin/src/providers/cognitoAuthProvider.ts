import type { KindlingAuthProvider } from './authProvider.ts';
import type { AuthConfig } from './config.ts';

type CognitoConfig = Extract<AuthConfig, { mode: 'cognito' }>;

export const COGNITO_NOT_CONFIGURED = 'Cognito sign-in is not configured in this build.';

/**
 * The seam for Cognito (hosted UI or SRP): same interface as local mode, so the rest of the console
 * does not change when it lands. Until then every sign-in attempt fails in words.
 */
export function createCognitoAuthProvider(_config: CognitoConfig): KindlingAuthProvider {
  return {
    async login() {
      throw new Error(COGNITO_NOT_CONFIGURED);
    },
    async logout() {},
    async checkAuth() {
      throw { message: false };
    },
    async checkError() {},
    async getToken() {
      return undefined;
    },
  };
}
