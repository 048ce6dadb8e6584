import { startEmbeddedDynamo } from '../cli/local/embedded-dynamo';
import { attachCapacityMeter } from '../lambda/adapters/dynamodb/capacity-meter';
import { createDynamoClient, documentClientFor } from '../lambda/adapters/dynamodb/document-client';
import { DynamoAlertStore } from '../lambda/adapters/dynamodb/dynamo-alert-store';
import { DynamoFeedRegistry } from '../lambda/adapters/dynamodb/dynamo-feed-registry';
import { DynamoStoryStore } from '../lambda/adapters/dynamodb/dynamo-story-store';
import { ensureTable } from '../lambda/adapters/dynamodb/ensure-table';
import { parseFeed } from '../lambda/adapters/feed-parser/parse-feed';
import { HttpFeedFetcher } from '../lambda/adapters/http/safe-feed-fetcher';
import { loadBaseline } from '../lambda/baseline/load-baseline';
import { createClassifier } from '../lambda/core/detect/classify';
import { systemClock } from '../lambda/ports/clock';
import type { IngestDeps } from '../lambda/use-cases/ingest-feed';
import { runCycle } from '../lambda/use-cases/run-cycle';
import { startFeedFarm } from '../test/support/feed-farm';

const FEEDS = 200;
const ITEMS = 50;

/**
 * A full local cycle over 200 feeds × 50 items served on loopback into dynalite: wall time, stories/s,
 * DynamoDB requests and write units per new story, then a second cycle in which every feed answers 304,
 * as a ratio to the first. The write units also feed the cost table in the README.
 */
export async function benchCycle(): Promise<void> {
  const dynamo = await startEmbeddedDynamo();
  const farm = await startFeedFarm({ feeds: FEEDS, itemsPerFeed: ITEMS });
  try {
    const client = createDynamoClient({ endpoint: dynamo.endpoint });
    const doc = documentClientFor(client);
    const table = 'bench-cycle';
    await ensureTable(doc, table);
    const registry = new DynamoFeedRegistry(doc, table);
    await registry.add(
      farm.urls.map((url) => ({ url })),
      new Date(),
    );
    const meter = attachCapacityMeter(client);
    const deps: IngestDeps = {
      registry,
      stories: new DynamoStoryStore(doc, table),
      alerts: new DynamoAlertStore(doc, table),
      fetcher: new HttpFeedFetcher({ allowPrivateNetwork: true }),
      parse: parseFeed,
      classify: createClassifier(loadBaseline()),
      clock: systemClock,
    };

    const t1 = performance.now();
    const first = await runCycle(deps, { includeNotDue: true });
    const firstMs = performance.now() - t1;
    const firstWrites = meter.writeUnits;
    const firstCalls = meter.calls;
    const firstWritesByOperation = meter.writeUnitsByOperation;
    meter.reset();

    const t2 = performance.now();
    const second = await runCycle(deps, { includeNotDue: true });
    const secondMs = performance.now() - t2;

    const perStory = firstWrites / first.newStories;
    const requests = Object.values(firstCalls).reduce((a, b) => a + b, 0);
    console.log(`\n## Ingestion cycle: ${FEEDS} feeds × ${ITEMS} items on loopback into dynalite`);
    console.log(
      `first cycle   ${firstMs.toFixed(0)} ms wall, ${first.newStories} new stories (${first.relevantStories} relevant), ${((first.newStories / firstMs) * 1000).toFixed(0)} stories/s, ${first.alertsCreated} alerts, ${first.feedsFailed} failed feeds`,
    );
    console.log(
      `              DynamoDB: ${requests} requests (${Object.entries(firstCalls)
        .map(([op, n]) => `${op} ${n}`)
        .join(', ')}), ${firstWrites.toFixed(0)} write units = ${perStory.toFixed(2)} per new story`,
    );
    // An irrelevant story costs its seen-mark (batched) plus its share of its feed's one state write;
    // relevant stories add recent-story and alert writes, counted apart.
    const byOperation = firstWritesByOperation;
    const seenMarks = byOperation.BatchWriteItem ?? 0;
    const feedStates = FEEDS; // one PutItem per polled feed, 1 unit each (small items)
    const perIrrelevant = seenMarks / first.newStories + feedStates / first.newStories;
    console.log(
      `              per irrelevant story: seen-mark ${(seenMarks / first.newStories).toFixed(2)} + feed-state share ${(feedStates / first.newStories).toFixed(2)} = ${perIrrelevant.toFixed(2)} write units (target ≤ 2)`,
    );
    console.log(
      `              relevant stories (${first.relevantStories}): recent-story and alert puts, ${first.alertsCorroborated} corroborations (UpdateItem ${(byOperation.UpdateItem ?? 0).toFixed(0)} units: a corroboration rewrites the alert with its sources)`,
    );
    console.log(
      `second cycle  ${secondMs.toFixed(0)} ms wall, ${second.feedsUnchanged}/${FEEDS} unchanged (304), ${meter.writeUnits.toFixed(0)} write units`,
    );
    console.log(`ratio         second / first = ${(secondMs / firstMs).toFixed(3)} (target ≤ 0.10)`);
  } finally {
    await farm.close();
    await dynamo.close();
  }
}
