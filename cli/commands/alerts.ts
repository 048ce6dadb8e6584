import { type Command, InvalidArgumentError, Option } from 'commander';
import { loadBaseline } from '../../lambda/baseline/load-baseline';
import { toAlertView } from '../../lambda/core/feed-render/alert-view';
import { lastChangeOf } from '../../lambda/core/feed-render/feed-channel';
import { renderAlertTable } from '../../lambda/core/feed-render/render-alert-table';
import { renderAtom } from '../../lambda/core/feed-render/render-xml-feeds';
import type { Alert } from '../../lambda/core/model/alert';
import { type AlertKind, COUNTRY_CODES, type CountryCode } from '../../lambda/core/model/classification';
import type { AlertQuery, AlertStore } from '../../lambda/ports/alert-store';
import { openStores } from '../local/open-stores';
import { parseDuration, parsePositiveInt } from '../local/option-parsers';

type AlertFormat = 'table' | 'json' | 'atom';

interface AlertsOptions {
  json?: boolean;
  format: AlertFormat;
  since?: Date;
  kind?: AlertKind;
  fact?: string;
  country?: CountryCode;
  limit: number;
  data: string;
  table?: string;
  baseline?: string;
  baseUrl: string;
}

/** The store serves at most this many alerts per Query page. */
const STORE_PAGE_SIZE = 100;

/** `7d` (that long ago) or an ISO 8601 date or time. */
function parseSince(value: string): Date {
  if (/^\d{4}-\d{2}-\d{2}/.test(value)) {
    const time = new Date(value);
    if (!Number.isNaN(time.getTime())) return time;
    throw new InvalidArgumentError('expected an ISO 8601 date such as 2025-09-01');
  }
  return new Date(Date.now() - parseDuration(value));
}

function parseCountry(value: string): CountryCode {
  const code = COUNTRY_CODES.find((candidate) => candidate === value.toUpperCase());
  if (code === undefined) throw new InvalidArgumentError(`expected one of ${COUNTRY_CODES.join(', ')}`);
  return code;
}

function parseBaseUrl(value: string): string {
  try {
    const url = new URL(value);
    if (url.protocol === 'http:' || url.protocol === 'https:') return url.href.replace(/\/+$/, '');
  } catch {
    // Reported below, the same way as a non-http URL.
  }
  throw new InvalidArgumentError('expected an http(s) URL');
}

/** The newest `limit` alerts matching the query, reading the store page by page. */
async function newestAlerts(store: AlertStore, query: Omit<AlertQuery, 'limit' | 'cursor'>, limit: number) {
  const alerts: Alert[] = [];
  let cursor: string | undefined;
  do {
    const page = await store.query({
      ...query,
      limit: Math.min(STORE_PAGE_SIZE, limit - alerts.length),
      cursor,
    });
    alerts.push(...page.alerts);
    cursor = page.cursor;
  } while (cursor !== undefined && alerts.length < limit);
  return alerts;
}

/** The alerts as an Atom feed whose links point at a `tiewatch serve` (or a deployed API) at `base`. */
function atomOf(alerts: readonly Alert[], base: string): string {
  return renderAtom(alerts, {
    title: 'tiewatch alerts',
    description: 'Changes in Russia–China–North Korea ties against a baseline of facts, from news feeds.',
    homeUrl: `${base}/`,
    atomUrl: `${base}/feed.atom`,
    rssUrl: `${base}/feed.rss`,
    jsonFeedUrl: `${base}/feed.json`,
    alertUrl: (id) => `${base}/alerts/${encodeURIComponent(id)}`,
    updated: lastChangeOf(alerts) ?? new Date(0),
  });
}

/**
 * `tiewatch alerts`: the stored alerts, newest first — a table for people, a JSON array for scripts (the
 * same alert shape as `GET /alerts`), or an Atom document.
 */
export function registerAlerts(program: Command): void {
  program
    .command('alerts')
    .description('list stored alerts, newest first')
    .option('--json', 'print a JSON array (same as --format json)')
    .addOption(
      new Option('--format <format>', 'output format').choices(['table', 'json', 'atom']).default('table'),
    )
    .option(
      '--since <when>',
      'only alerts first seen since then: a duration (7d, 12h) or an ISO date',
      parseSince,
    )
    .addOption(
      new Option('--kind <kind>', 'only this kind of alert').choices([
        'update',
        'contradiction',
        'new-development',
      ]),
    )
    .option('--fact <id>', 'only alerts on this baseline fact')
    .option(
      '--country <code>',
      `only alerts involving this country (${COUNTRY_CODES.join(', ')})`,
      parseCountry,
    )
    .option('--limit <n>', 'at most this many alerts', parsePositiveInt, 50)
    .option('--data <dir>', 'local data directory', '.tiewatch')
    .addOption(
      new Option('--table <name>', 'use the deployed DynamoDB table instead of the local store').conflicts(
        'data',
      ),
    )
    .option('--baseline <file>', 'baseline facts file, for checking --fact (default: the shipped baseline)')
    .option(
      '--base-url <url>',
      'where the feed is served, for links in --format atom',
      parseBaseUrl,
      'http://127.0.0.1:8787',
    )
    .action(async (options: AlertsOptions, command: Command) => {
      const format: AlertFormat = options.json ? 'json' : options.format;
      if (options.fact !== undefined) {
        const factIds = loadBaseline(options.baseline).facts.map((fact) => fact.id);
        if (!factIds.includes(options.fact)) {
          command.error(`error: no baseline fact has the id "${options.fact}"; facts: ${factIds.join(', ')}`);
        }
      }
      const stores = await openStores({
        dataDir: options.data,
        ...(options.table ? { table: options.table } : {}),
      });
      try {
        const alerts = await newestAlerts(
          stores.alerts,
          { kind: options.kind, factId: options.fact, country: options.country, since: options.since },
          options.limit,
        );
        if (format === 'json') {
          process.stdout.write(`${JSON.stringify(alerts.map(toAlertView), null, 2)}\n`);
        } else if (format === 'atom') {
          process.stdout.write(`${atomOf(alerts, options.baseUrl)}\n`);
        } else {
          process.stdout.write(`${renderAlertTable(alerts, new Date())}\n`);
          if (alerts.length === 0) process.stderr.write('no alerts match\n');
        }
      } finally {
        await stores.close();
      }
    });
}
