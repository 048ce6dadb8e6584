import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loopbackOrPublic } from '../../../cli/local/local-ingest';
import { TrustedOriginFetcher } from '../../../cli/local/trusted-origin-fetcher';
import { DynamoAlertStore } from '../../../lambda/adapters/dynamodb/dynamo-alert-store';
import { DynamoFeedRegistry } from '../../../lambda/adapters/dynamodb/dynamo-feed-registry';
import { DynamoStoryStore } from '../../../lambda/adapters/dynamodb/dynamo-story-store';
import { parseFeed } from '../../../lambda/adapters/feed-parser/parse-feed';
import { HttpFeedFetcher } from '../../../lambda/adapters/http/safe-feed-fetcher';
import { loadBaseline } from '../../../lambda/baseline/load-baseline';
import { createClassifier } from '../../../lambda/core/detect/classify';
import { systemClock } from '../../../lambda/ports/clock';
import type { IngestDeps, ParseFeed } from '../../../lambda/use-cases/ingest-feed';
import { runCycle } from '../../../lambda/use-cases/run-cycle';
import { type TestTable, useDynalite } from '../../support/dynalite';
import { type FeedZoo, startFeedZoo, ZOO_FEEDS } from '../../support/feed-zoo';
import { storedState } from '../../support/stored-state';

const dynalite = useDynalite();
const classify = createClassifier(loadBaseline());
let zoo: FeedZoo;

beforeAll(async () => {
  zoo = await startFeedZoo();
});
afterAll(async () => {
  await zoo.close();
});

/** Disguised spellings of loopback and metadata addresses: each must be refused before any connection. */
const DISGUISED = [
  'http://2130706433/feed.xml',
  'http://0x7f.1/feed.xml',
  'http://[::ffff:a9fe:a9fe]/latest',
  'http://[fd00:ec2::254]/latest',
];

function wire(table: TestTable, parse: ParseFeed = parseFeed): IngestDeps {
  const limits = { deadlineMs: 3_000, connectTimeoutMs: 1_000 };
  return {
    registry: new DynamoFeedRegistry(table.doc, table.tableName),
    stories: new DynamoStoryStore(table.doc, table.tableName),
    alerts: new DynamoAlertStore(table.doc, table.tableName),
    // The zoo's own origin may be loopback (as npm start's example server is); everything else, including
    // the disguised loopback spellings, goes through the full address policy.
    fetcher: new TrustedOriginFetcher(
      new Set([zoo.origin]),
      new HttpFeedFetcher({ ...limits, addressPolicy: loopbackOrPublic }),
      new HttpFeedFetcher(limits),
    ),
    parse,
    classify,
    clock: systemClock,
  };
}

async function registerZoo(deps: IngestDeps): Promise<void> {
  await deps.registry.add(
    [
      ...Object.keys(ZOO_FEEDS).map((path) => ({ url: zoo.origin + path })),
      ...DISGUISED.map((url) => ({ url })),
    ],
    new Date(),
  );
}

describe('a polling cycle over good, malformed and hostile feeds', () => {
  let table: TestTable;
  let deps: IngestDeps;
  let first: Awaited<ReturnType<typeof runCycle>>;

  beforeAll(async () => {
    table = await dynalite.createTestTable();
    deps = wire(table);
    await registerZoo(deps);
    first = await runCycle(deps, { includeNotDue: true });
  }, 120_000);

  it('polls every registered feed once', () => {
    expect(first.feedsTotal).toBe(Object.keys(ZOO_FEEDS).length + DISGUISED.length);
    expect(first.feedsDone).toBe(first.feedsTotal);
  });

  it.each(Object.entries(ZOO_FEEDS).filter(([, e]) => e.ok))('reads %s', async (path, expectation) => {
    const feed = await deps.registry.get(zoo.origin + path);
    const report = first.reports.find((r) => r.feedUrl === zoo.origin + path);
    expect(feed?.lastError).toBeUndefined();
    expect(feed?.lastSuccessAt).toBeDefined();
    expect(report?.outcome.kind).toBe('fetched');
    if (expectation.ok) expect(report?.newStories).toBe(expectation.stories);
  });

  it.each(Object.entries(ZOO_FEEDS).filter(([, e]) => !e.ok))(
    'fails %s alone, with its reason stored',
    async (path, expectation) => {
      const feed = await deps.registry.get(zoo.origin + path);
      if (!expectation.ok) expect(feed?.lastError).toMatch(expectation.reason);
      expect(feed?.lastSuccessAt).toBeUndefined();
    },
  );

  it.each(DISGUISED)('refuses the disguised address %s without connecting', async (url) => {
    const feed = await deps.registry.get(url);
    expect(feed?.lastError).toMatch(/refus|private|loopback|link-local|metadata|not allowed/i);
  });

  it('retires a feed that answered 410 and backs off the others', async () => {
    expect((await deps.registry.get(`${zoo.origin}/410`))?.status).toBe('retired');
    const failing = await deps.registry.get(`${zoo.origin}/500`);
    expect(failing?.consecutiveFailures).toBe(1);
    expect(Date.parse(failing?.nextDueAt ?? '')).toBeGreaterThan(Date.now());
  });

  it('honours Retry-After on a 429', async () => {
    const feed = await deps.registry.get(`${zoo.origin}/429`);
    const wait = Date.parse(feed?.nextDueAt ?? '') - Date.now();
    expect(wait).toBeGreaterThan(100_000);
    expect(wait).toBeLessThan(24 * 3600 * 1000);
  });

  it('decodes legacy encodings to the right text', async () => {
    const { items } = await storedState(table);
    const recentOrSeen = JSON.stringify(items);
    for (const path of ['/cp1251.xml', '/koi8r.xml', '/gbk.xml', '/euckr.xml']) {
      const report = first.reports.find((r) => r.feedUrl === zoo.origin + path);
      expect(report?.newStories, path).toBe(1);
    }
    expect(recentOrSeen).not.toContain('\uFFFD');
  });

  it('raises alerts for the changes in the good feed', async () => {
    const page = await deps.alerts.query({ limit: 100 });
    const facts = page.alerts.flatMap((a) => a.factIds);
    expect(facts).toContain('visa-free-trial');
    expect(facts).toContain('gas-volume-target');
  });

  it('creates nothing new on a second cycle, and a 304 skips the parse', async () => {
    const parsed = new Set<string>();
    const counting: ParseFeed = (xml, context) => {
      parsed.add(context.feedUrl);
      return parseFeed(xml, context);
    };
    const { items: _items, ...before } = await storedState(table);
    const hitsBefore = zoo.hits['/good.xml'] ?? 0;
    const second = await runCycle(wire(table, counting), { includeNotDue: true });
    expect(second.newStories).toBe(0);
    expect(second.alertsCreated).toBe(0);
    const { items: _after, ...after } = await storedState(table);
    expect(after).toEqual(before);
    const good = second.reports.find((r) => r.feedUrl === `${zoo.origin}/good.xml`);
    expect(good?.outcome.kind).toBe('unchanged');
    expect(zoo.hits['/good.xml']).toBe(hitsBefore + 1);
    // Feeds without validators were parsed again; the good feed's 304 was not parsed.
    expect(parsed).toContain(`${zoo.origin}/bare-amp.xml`);
    expect(parsed).not.toContain(`${zoo.origin}/good.xml`);
  });
});
