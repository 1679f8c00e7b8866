#!/usr/bin/env node
// The operator's command line: `npx kindling start | token | seed`. Runs the TypeScript sources with tsx.
import { register } from 'tsx/esm/api';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
register();
await import('../local/cli.ts');
