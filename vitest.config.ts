import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';
import { DYNAMO_JVM } from './local/dynamo.ts';

const require = createRequire(import.meta.url);

// The suites start many short-lived DynamoDB Locals (the global setups, the start and fault tests,
// each browser file's Kindling): C1 only, as local/dynamo.ts DYNAMO_JVM.quick says why. Set here, in
// the main process, so the global setups and every child they spawn inherit it.
process.env.JAVA_TOOL_OPTIONS ??= DYNAMO_JVM.quick;

/**
 * Projects by what they need: unit tests need nothing; integration, e2e and security tests share one
 * DynamoDB Local started by the global setup; browser tests also need Chromium; cdk tests synthesise.
 */
export default defineConfig({
  // graphql 16 ships CJS (main) and ESM (module) without an exports map: Node and Apollo load the
  // CJS build, Vite would pick the ESM one, and two GraphQLError classes would break instanceof.
  resolve: { alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }] },
  test: {
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    projects: [
      // Some unit tests compute on 20,000-person histories or 10,000-vertex graphs: a busy CI machine
      // must slow them down, not fail them (speed is measured in bench/, not here).
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts'], testTimeout: 120_000 } },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts', 'test/security/**/*.test.ts'],
          globalSetup: ['test/support/globalDynamo.ts'],
          // Generous: a busy machine must slow these down, not fail them (50 concurrent accepts took 24 s at load 20).
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          // The demo is seeded once for the run; each browser file starts its own Kindling on a copy.
          globalSetup: ['test/support/globalSeed.ts'],
          testTimeout: 120_000,
          hookTimeout: 240_000,
          fileParallelism: false,
        },
      },
      { extends: true, test: { name: 'cdk', include: ['test/cdk/**/*.test.ts'], testTimeout: 120_000, hookTimeout: 120_000 } },
    ],
  },
});
