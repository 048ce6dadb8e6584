import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { parseFeedList } from '../../lambda/core/feeds/parse-feed-list';
import { runCycle } from '../../lambda/use-cases/run-cycle';
import { createProgressPrinter, formatCycleSummary } from '../local/cycle-report';
import { createLocalIngestDeps } from '../local/local-ingest';
import { openStores } from '../local/open-stores';
import { parsePositiveInt } from '../local/option-parsers';

interface RunOptions {
  once?: boolean;
  feeds?: string;
  data: string;
  table?: string;
  allowPrivateNetwork?: boolean;
  all?: boolean;
  baseline?: string;
  concurrency: number;
}

/**
 * `tiewatch run --once`: one polling cycle against the local store (or the deployed table), then exit.
 * Exit status 0 whenever the cycle completed, even if feeds failed: their reasons are stored on the feeds.
 */
export function registerRun(program: Command): void {
  program
    .command('run')
    .description('run one polling cycle: fetch due feeds, store new stories and alerts')
    .requiredOption('--once', 'run a single cycle and exit (the only mode; `start` keeps polling)')
    .option('--feeds <file>', 'register the feeds in this JSON or OPML file first')
    .option('--data <dir>', 'local data directory', '.tiewatch')
    .option('--table <name>', 'use the deployed DynamoDB table instead of the local store')
    .option('--allow-private-network', 'allow feeds on loopback and private addresses (local use)')
    .option('--all', 'poll every active feed now, ignoring the schedule and backoff')
    .option('--baseline <file>', 'baseline facts file (default: the shipped baseline)')
    .option('--concurrency <n>', 'feeds polled at once', parsePositiveInt, 16)
    .action(async (options: RunOptions) => {
      const stores = await openStores({
        dataDir: options.data,
        ...(options.table ? { table: options.table } : {}),
      });
      try {
        const started = Date.now();
        if (options.feeds) {
          const added = await stores.registry.add(
            parseFeedList(await readFile(options.feeds, 'utf8')),
            new Date(),
          );
          if (added > 0) process.stderr.write(`registered ${added} new feeds\n`);
        }
        const deps = createLocalIngestDeps(stores, {
          allowPrivateNetwork: options.allowPrivateNetwork ?? false,
          ...(options.baseline ? { baselinePath: options.baseline } : {}),
        });
        const summary = await runCycle(deps, {
          concurrency: options.concurrency,
          includeNotDue: options.all ?? false,
          onProgress: createProgressPrinter(process.stderr),
        });
        if (process.stderr.isTTY) process.stderr.write('\n');
        process.stdout.write(`${formatCycleSummary(summary, Date.now() - started)}\n`);
      } finally {
        await stores.close();
      }
    });
}
