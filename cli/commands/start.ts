import { readFile } from 'node:fs/promises';
import { type Command, Option } from 'commander';
import { loadBaseline } from '../../lambda/baseline/load-baseline';
import { renderAlertTable } from '../../lambda/core/feed-render/render-alert-table';
import { parseFeedList } from '../../lambda/core/feeds/parse-feed-list';
import type { Alert } from '../../lambda/core/model/alert';
import type { AlertStore } from '../../lambda/ports/alert-store';
import { type CycleOptions, runCycle } from '../../lambda/use-cases/run-cycle';
import { createProgressPrinter, formatCycleSummary } from '../local/cycle-report';
import { startExampleFeedServer } from '../local/example-feed-server';
import { createLocalIngestDeps } from '../local/local-ingest';
import { openStores } from '../local/open-stores';
import { parseDuration, parsePort } from '../local/option-parsers';
import { startFeedServer } from '../local/serve-feed-api';

interface StartOptions {
  data: string;
  table?: string;
  feeds?: string;
  every: number;
  port: number;
  examplesPort: number;
  baseline?: string;
  allowPrivateNetwork?: boolean;
}

/**
 * `tiewatch start` (`npm start`): the whole monitor on one machine. Embedded DynamoDB-compatible store in
 * `.tiewatch/`, the bundled example feeds on loopback (or `--feeds FILE`), a cycle now and every `--every`,
 * and the alert feed served on localhost, until Ctrl-C.
 */
export function registerStart(program: Command): void {
  program
    .command('start')
    .description('run the monitor locally: poll feeds on a schedule and serve the alert feed')
    .option('--data <dir>', 'local data directory', '.tiewatch')
    .option('--table <name>', 'use the deployed DynamoDB table instead of the local store')
    .option('--feeds <file>', 'poll the feeds in this JSON or OPML file instead of the bundled examples')
    .addOption(
      new Option('--every <duration>', 'time between cycles (90s, 15m, 2h…)')
        .argParser(parseDuration)
        .default(parseDuration('15m'), '15m'),
    )
    .option('--port <port>', 'port of the alert feed on localhost', parsePort, 8787)
    .option('--examples-port <port>', 'port of the bundled example feed server', parsePort, 8788)
    .option('--baseline <file>', 'baseline facts file (default: the shipped baseline)')
    .option('--allow-private-network', 'allow feeds on loopback and private addresses')
    .action(async (options: StartOptions) => {
      // Everything started here is closed on the way out, also when a step fails (a port in use, a bad
      // feeds file), so the process ends instead of hanging on an open server.
      const closers: Array<() => Promise<unknown>> = [];
      try {
        await monitor(options, closers);
      } finally {
        for (const close of closers.reverse()) await close();
      }
    });
}

async function monitor(options: StartOptions, closers: Array<() => Promise<unknown>>): Promise<void> {
  const baseline = loadBaseline(options.baseline);
  // Feeds fall due a little before the next cycle, so each cycle polls every healthy feed once.
  const stores = await openStores({
    dataDir: options.data,
    ...(options.table ? { table: options.table } : {}),
    pollIntervalMs: Math.round(options.every * 0.9),
  });
  closers.push(() => stores.close());
  const examples = options.feeds ? undefined : await startExampleFeedServer({ port: options.examplesPort });
  if (examples) closers.push(() => examples.close());
  const feedList = examples ? examples.feeds : parseFeedList(await readFile(options.feeds ?? '', 'utf8'));
  const added = await stores.registry.add(feedList, new Date());
  const where = options.table ? `table ${options.table}` : `data in ${options.data}/`;
  const what = examples ? ' — the bundled examples, served on loopback' : '';
  process.stdout.write(`tiewatch: ${feedList.length} feeds (${added} newly registered)${what}; ${where}\n`);
  const deps = createLocalIngestDeps(stores, {
    allowPrivateNetwork: options.allowPrivateNetwork ?? false,
    ...(examples ? { trustedOrigins: [examples.origin] } : {}),
    ...(options.baseline ? { baselinePath: options.baseline } : {}),
  });

  const cycle = async (cycleOptions: CycleOptions) => {
    const started = new Date();
    const summary = await runCycle(deps, {
      ...cycleOptions,
      onProgress: createProgressPrinter(process.stdout),
    });
    if (process.stdout.isTTY) process.stdout.write('\n');
    process.stdout.write(`${formatCycleSummary(summary, Date.now() - started.getTime())}\n`);
    const fresh = await alertsSince(stores.alerts, started);
    if (fresh.length > 0) process.stdout.write(`\nnew alerts:\n${renderAlertTable(fresh, new Date())}\n`);
  };

  // The first cycle polls every active feed: starting the monitor is a request to look now.
  await cycle({ includeNotDue: true });
  const server = await startFeedServer({ alerts: stores.alerts, baseline, port: options.port });
  closers.push(() => server.close());
  process.stdout.write(
    `\nalert feed: ${server.url}  (also ${server.url}feed.atom, ${server.url}alerts)\nnext cycle in ${Math.round(options.every / 60_000)} min; Ctrl-C to stop\n`,
  );

  let running: Promise<void> = Promise.resolve();
  const timer = setInterval(() => {
    running = running.then(() => cycle({})).catch((error: unknown) => console.error('cycle failed:', error));
  }, options.every);
  closers.push(async () => {
    clearInterval(timer);
    await running;
  });
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  process.stdout.write('\nstopping…\n');
}

/** Alerts first seen since `since`, newest first (a cycle creates few, so one or two pages suffice). */
async function alertsSince(alerts: AlertStore, since: Date): Promise<Alert[]> {
  const found: Alert[] = [];
  let cursor: string | undefined;
  do {
    const page = await alerts.query({ since, limit: 100, ...(cursor ? { cursor } : {}) });
    found.push(...page.alerts);
    cursor = page.cursor;
  } while (cursor);
  return found;
}
