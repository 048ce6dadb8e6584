import { startFeedServer } from '../../../cli/local/serve-feed-api';
import { DynamoAlertStore } from '../../../lambda/adapters/dynamodb/dynamo-alert-store';
import { loadBaseline } from '../../../lambda/baseline/load-baseline';
import type { Alert } from '../../../lambda/core/model/alert';
import type { FeedApiLogger } from '../../../lambda/feed-api/feed-api-types';
import type { DynaliteForTests } from '../../support/dynalite';

export interface FeedApiUnderTest {
  /** The server's root URL, with a trailing slash. */
  url: string;
  store: DynamoAlertStore;
  /** What the server logged as failures, for the 500 tests. */
  logged: { message: string; requestId: string; error: unknown }[];
  /** Drops the table first, for the tests of a store that fails. */
  dropTable(): Promise<void>;
  close(): Promise<void>;
}

/** A real table in dynalite holding the alerts, and the real feed server on a free loopback port in front. */
export async function serveAlerts(
  dynamo: DynaliteForTests,
  alerts: readonly Alert[],
): Promise<FeedApiUnderTest> {
  const table = await dynamo.createTestTable();
  const store = new DynamoAlertStore(table.doc, table.tableName);
  for (const alert of alerts) await store.record(alert);
  const logged: FeedApiUnderTest['logged'] = [];
  const logger: FeedApiLogger = { error: (message, details) => logged.push({ message, ...details }) };
  const server = await startFeedServer({ alerts: store, baseline: loadBaseline(), logger });
  let dropped = false;
  return {
    url: server.url,
    store,
    logged,
    async dropTable() {
      dropped = true;
      await table.drop();
    },
    async close() {
      await server.close();
      if (!dropped) await table.drop();
    },
  };
}
