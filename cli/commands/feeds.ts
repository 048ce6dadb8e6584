import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import ms from 'ms';
import { FeedListError, parseFeedEntries, parseFeedList } from '../../lambda/core/feeds/parse-feed-list';
import type { FeedState } from '../../lambda/core/model/feed';
import type { NewFeed } from '../../lambda/ports/feed-registry';
import { openStores, type Stores } from '../local/open-stores';

interface StoreOptions {
  data: string;
  table?: string;
}

/** A feed's health in one word, as `feeds list` shows it. */
export type FeedHealth = 'ok' | 'failing' | 'retired';

export function healthOf(feed: FeedState): FeedHealth {
  if (feed.status === 'retired') return 'retired';
  return feed.consecutiveFailures > 0 ? 'failing' : 'ok';
}

/** `tiewatch feeds list|add|remove`: the feed registry and each feed's health. */
export function registerFeeds(program: Command): void {
  const feeds = program.command('feeds').description('list, add and remove the feeds tiewatch polls');

  withStoreOptions(feeds.command('list').description("list the feeds with each one's health"))
    .option('--json', 'print a JSON array of feed states')
    .action(async (options: StoreOptions & { json?: boolean }) => {
      await withStores(options, async (stores) => {
        const list = await stores.registry.list();
        if (options.json) {
          process.stdout.write(
            `${JSON.stringify(
              list.map((feed) => ({ ...feed, health: healthOf(feed) })),
              null,
              2,
            )}\n`,
          );
        } else {
          process.stdout.write(formatFeedTable(list, new Date()));
        }
      });
    });

  withStoreOptions(feeds.command('add').description('register feeds (never changes a registered one)'))
    .argument('[url]', 'feed URL (http or https)')
    .option('--name <name>', 'display name of the feed')
    .option('--file <file>', 'register every feed in a JSON array of {"url", "name"?} or an OPML file')
    .action(async (url: string | undefined, options: StoreOptions & { name?: string; file?: string }) => {
      const toAdd = await feedsToAdd(url, options);
      if (!toAdd) return;
      await withStores(options, async (stores) => {
        const added = await stores.registry.add(toAdd, new Date());
        const skipped = toAdd.length - added;
        process.stdout.write(
          `added ${added} feed${added === 1 ? '' : 's'}${skipped ? `; ${skipped} already registered` : ''}\n`,
        );
      });
    });

  withStoreOptions(feeds.command('remove').description('remove a feed from the registry'))
    .argument('<url>', 'feed URL as registered')
    .action(async (url: string, options: StoreOptions) => {
      await withStores(options, async (stores) => {
        if (await stores.registry.remove(url)) {
          process.stdout.write(`removed ${url}\n`);
        } else {
          process.stderr.write(`not registered: ${url}\n`);
          process.exitCode = 1;
        }
      });
    });
}

function withStoreOptions(command: Command): Command {
  return command
    .option('--data <dir>', 'local data directory', '.tiewatch')
    .option('--table <name>', 'use the deployed DynamoDB table instead of the local store');
}

async function withStores(options: StoreOptions, work: (stores: Stores) => Promise<void>): Promise<void> {
  const stores = await openStores({
    dataDir: options.data,
    ...(options.table ? { table: options.table } : {}),
  });
  try {
    await work(stores);
  } finally {
    await stores.close();
  }
}

/** The feeds named on the command line, or undefined after reporting why there are none. */
async function feedsToAdd(
  url: string | undefined,
  options: { name?: string; file?: string },
): Promise<NewFeed[] | undefined> {
  const fail = (message: string) => {
    process.stderr.write(`${message}\n`);
    process.exitCode = 1;
    return undefined;
  };
  if (url && options.file) return fail('give either a URL or --file, not both');
  if (!url && !options.file) return fail('give a feed URL or --file FILE');
  if (options.file && options.name) return fail('--name applies to a single URL, not to --file');
  try {
    if (url) return parseFeedEntries([{ url, ...(options.name ? { name: options.name } : {}) }]);
    return parseFeedList(await readFile(options.file ?? '', 'utf8'));
  } catch (error) {
    if (error instanceof FeedListError) {
      return fail(
        options.file ? `${options.file}: ${error.message}` : `${url}: not a feed URL (http or https)`,
      );
    }
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return fail(`${options.file}: no such file`);
    throw error;
  }
}

/** The registry as a plain-text table: health, last success, next due, URL and name, then the error. */
export function formatFeedTable(feeds: FeedState[], now: Date): string {
  if (feeds.length === 0)
    return 'no feeds registered (add some with `tiewatch feeds add <url>` or `--file FILE`)\n';
  const rows = feeds.map((feed) => {
    const health = healthOf(feed);
    return {
      health: health === 'failing' ? `failing ×${feed.consecutiveFailures}` : health,
      lastSuccess: feed.lastSuccessAt ? `${ago(now, feed.lastSuccessAt)} ago` : 'never',
      nextDue: health === 'retired' ? '–' : dueIn(now, feed.nextDueAt),
      feed: feed.name ? `${feed.url}  (${feed.name})` : feed.url,
      error: health === 'ok' ? undefined : feed.lastError,
    };
  });
  const header = { health: 'HEALTH', lastSuccess: 'LAST SUCCESS', nextDue: 'NEXT DUE', feed: 'FEED' };
  const width = (key: 'health' | 'lastSuccess' | 'nextDue') =>
    Math.max(header[key].length, ...rows.map((r) => r[key].length));
  const line = (r: typeof header) =>
    `${r.health.padEnd(width('health'))}  ${r.lastSuccess.padEnd(width('lastSuccess'))}  ${r.nextDue.padEnd(width('nextDue'))}  ${r.feed}`;
  const out = [line(header)];
  for (const row of rows) {
    out.push(line(row));
    if (row.error) out.push(`${' '.repeat(width('health') + 2)}last error: ${row.error}`);
  }
  return `${out.join('\n')}\n`;
}

function ago(now: Date, iso: string): string {
  return ms(Math.max(0, now.getTime() - Date.parse(iso)));
}

function dueIn(now: Date, iso: string): string {
  const wait = Date.parse(iso) - now.getTime();
  return wait <= 0 ? 'now' : `in ${ms(wait)}`;
}
