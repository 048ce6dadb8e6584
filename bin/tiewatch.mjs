#!/usr/bin/env node
// The published command runs the TypeScript sources through tsx, so a fresh checkout works right after
// `npm install` with no build step.
import { register } from 'tsx/esm/api';

register();
await import('./tiewatch.ts');
