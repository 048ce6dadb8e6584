#!/usr/bin/env node
// The published command runs the TypeScript sources through tsx, so a fresh checkout works right after
// `npm install` with no build step.
import { register } from 'tsx/esm/api';

// The machine this runs on locally may be Node.js 20, which the AWS SDK warns about on every command; the
// deployed functions run on Node.js 22+. Say it once in the README instead of on every run.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
register();
await import('./tiewatch.ts');
