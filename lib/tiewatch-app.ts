import { join } from 'node:path';
import { type App, type Environment, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { loadFeedList } from './feed-list';
import { readSettings } from './settings';
import { REPO_ROOT } from './tiewatch-function';
import { TiewatchStack } from './tiewatch-stack';

/** The stack's name (and so the Powertools service name of its functions). */
export const STACK_NAME = 'Tiewatch';

/** The curated feed list seeded on deploy. */
export const DEFAULT_FEED_LIST = join(REPO_ROOT, 'config', 'feeds.json');

export interface TiewatchAppOptions {
  /** @default an environment-agnostic stack: synth needs no account, region or credentials */
  env?: Environment;
  /** @default config/feeds.json */
  feedListPath?: string;
}

/**
 * Adds the tiewatch stack to an app, with its settings read from the app's context, and cdk-nag's
 * AwsSolutions checks on everything. bin/app.ts and the infrastructure tests both build the app through
 * this, so the tests check exactly what `cdk synth` produces.
 */
export function addTiewatchStack(app: App, options: TiewatchAppOptions = {}): TiewatchStack {
  const stack = new TiewatchStack(app, STACK_NAME, {
    description: 'tiewatch: watches news feeds for changes in Russia–China–North Korea ties',
    settings: readSettings(app.node),
    feeds: loadFeedList(options.feedListPath ?? DEFAULT_FEED_LIST),
    ...(options.env ? { env: options.env } : {}),
  });
  // A policy validation plugin: any unacknowledged finding stops the synthesis, so no deploy can skip it.
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
  return stack;
}
