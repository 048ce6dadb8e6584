import { Agent, request } from 'node:http';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import pLimit from 'p-limit';
import { startEmbeddedDynamo } from '../cli/local/embedded-dynamo';
import { startFeedServer } from '../cli/local/serve-feed-api';
import { createDynamoClient, documentClientFor } from '../lambda/adapters/dynamodb/document-client';
import { DynamoAlertStore } from '../lambda/adapters/dynamodb/dynamo-alert-store';
import { ensureTable } from '../lambda/adapters/dynamodb/ensure-table';
import { ALERTS_PARTITION } from '../lambda/adapters/dynamodb/item-keys';
import { loadBaseline } from '../lambda/baseline/load-baseline';
import { renderAtom } from '../lambda/core/feed-render/render-xml-feeds';
import type { Alert } from '../lambda/core/model/alert';
import { FEED_SIZE } from '../lambda/feed-api/handle-feed-request';
import { makeAlert, makeSource } from '../test/support/feed-alerts';

const ALERTS = 10_000;
const ROUNDS = 300;
const WARMUP_ROUNDS = 30;

/** Alerts spread over every fact and kind, each with one to three sources of realistic length. */
function benchAlert(index: number, factIds: readonly string[]): Alert {
  const factId = factIds[index % factIds.length] ?? 'visa-free-trial';
  const kind = index % 10 === 0 ? 'new-development' : index % 4 === 0 ? 'contradiction' : 'update';
  const sources = Array.from({ length: 1 + (index % 3) }, (_, n) =>
    makeSource(index * 3 + n, {
      title: `Officials in Moscow and Beijing comment on ${factId} as talks continue (${index}/${n})`,
    }),
  );
  return makeAlert(index, {
    id: `bench-${index}`,
    kind,
    factIds: kind === 'new-development' ? [] : [factId],
    findings:
      kind === 'new-development'
        ? []
        : [
            {
              factId,
              verdict: kind === 'update' ? 'updates' : 'contradicts',
              baseline: 'the value in the reference article',
              observed: `a new value reported in story ${index}`,
              evidence: `A spokesperson said on Tuesday that the arrangement on ${factId} had changed, according to a statement carried by state media and confirmed by two officials who spoke on condition of anonymity.`,
            },
          ],
    sources,
  });
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))] ?? Number.NaN;
}

interface Timing {
  median: number;
  p99: number;
}

function summarize(samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  return { median: percentile(sorted, 0.5), p99: percentile(sorted, 0.99) };
}

/**
 * The JSON and Atom endpoints over 10,000 alerts in dynalite: median and p99 latency for a page of 50
 * through the real HTTP server, beside a bare DynamoDB Query for the same page (the floor: one round trip
 * to the same dynalite). The three are measured round-robin in one loop so machine noise falls on all alike.
 */
export async function benchFeedApi(): Promise<void> {
  const dynamo = await startEmbeddedDynamo();
  const client = createDynamoClient({ endpoint: dynamo.endpoint });
  const doc = documentClientFor(client);
  const table = 'bench-feed-api';
  await ensureTable(doc, table);
  const store = new DynamoAlertStore(doc, table);
  const baseline = loadBaseline();
  const server = await startFeedServer({ alerts: store, baseline });
  // node:http with keep-alive rather than fetch: undici's stream machinery costs the client several
  // milliseconds on a loaded 2-core host, and the client's cost is not the API's latency.
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  try {
    const factIds = baseline.facts.map((fact) => fact.id);
    const limit = pLimit(16);
    const seedStart = performance.now();
    await Promise.all(
      Array.from({ length: ALERTS }, (_, index) => limit(() => store.record(benchAlert(index, factIds)))),
    );
    const seedMs = performance.now() - seedStart;

    const bareQuery = async () => {
      const page = await doc.send(
        new QueryCommand({
          TableName: table,
          IndexName: 'gsi1',
          KeyConditionExpression: 'gsi1pk = :pk',
          ExpressionAttributeValues: { ':pk': ALERTS_PARTITION },
          ScanIndexForward: false,
          Limit: FEED_SIZE,
        }),
      );
      if (page.Items?.length !== FEED_SIZE) throw new Error('the bare query did not return a full page');
    };
    const endpoint = (path: string) => () =>
      new Promise<void>((resolve, reject) => {
        request(new URL(path, server.url), { agent }, (response) => {
          let length = 0;
          response.on('data', (chunk: Buffer) => {
            length += chunk.length;
          });
          response.on('end', () =>
            response.statusCode === 200 && length > 0
              ? resolve()
              : reject(new Error(`${path} answered ${response.statusCode}`)),
          );
        })
          .on('error', reject)
          .end();
      });
    // What the rendered-feed cache saves: the Atom document of the same page rendered afresh, in process.
    const newest = await store.query({ limit: FEED_SIZE });
    const renderAtomAfresh = async () => {
      renderAtom(newest.alerts, {
        title: 'tiewatch alerts',
        description: 'bench',
        homeUrl: server.url,
        atomUrl: `${server.url}feed.atom`,
        rssUrl: `${server.url}feed.rss`,
        jsonFeedUrl: `${server.url}feed.json`,
        alertUrl: (id) => `${server.url}alerts/${id}`,
        updated: new Date(0),
      });
    };
    const cases = {
      'bare Query (50 items)': bareQuery,
      [`GET /alerts?limit=${FEED_SIZE}`]: endpoint(`alerts?limit=${FEED_SIZE}`),
      'GET /feed.atom': endpoint('feed.atom'),
      'Atom render, uncached': renderAtomAfresh,
    };
    const samples: Record<string, number[]> = Object.fromEntries(
      Object.keys(cases).map((name) => [name, []]),
    );
    for (let round = 0; round < WARMUP_ROUNDS + ROUNDS; round++) {
      for (const [name, run] of Object.entries(cases)) {
        const start = performance.now();
        await run();
        if (round >= WARMUP_ROUNDS) samples[name]?.push(performance.now() - start);
      }
    }

    const timings = Object.fromEntries(
      Object.entries(samples).map(([name, values]) => [name, summarize(values)]),
    );
    const floor = timings['bare Query (50 items)'] ?? { median: Number.NaN, p99: Number.NaN };
    console.log(
      `\n## Feed API: a page of ${FEED_SIZE} over ${ALERTS} alerts in dynalite, through the HTTP server`,
    );
    console.log(
      `seeded ${ALERTS} alerts in ${(seedMs / 1000).toFixed(1)} s; ${ROUNDS} rounds after ${WARMUP_ROUNDS} warm-up`,
    );
    for (const [name, timing] of Object.entries(timings)) {
      console.log(
        `${name.padEnd(24)} median ${timing.median.toFixed(2).padStart(7)} ms (×${(timing.median / floor.median).toFixed(2)})   p99 ${timing.p99.toFixed(2).padStart(7)} ms (×${(timing.p99 / floor.p99).toFixed(2)})`,
      );
    }
    console.log(
      'target: each endpoint ≤ 2× the bare Query. GET /feed.atom reuses the document rendered for the same page of',
    );
    console.log(
      'alerts (the cache); the uncached line is the rendering a changed page adds, measured in process.',
    );
  } finally {
    agent.destroy();
    await server.close();
    client.destroy();
    await dynamo.close();
  }
}
