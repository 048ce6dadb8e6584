import { readFile } from 'node:fs/promises';
import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import { createDocumentClient } from '../../lambda/adapters/dynamodb/document-client';
import { DynamoAlertStore } from '../../lambda/adapters/dynamodb/dynamo-alert-store';
import { DynamoFeedRegistry } from '../../lambda/adapters/dynamodb/dynamo-feed-registry';
import { DynamoStoryStore } from '../../lambda/adapters/dynamodb/dynamo-story-store';
import { ensureTable } from '../../lambda/adapters/dynamodb/ensure-table';
import { DEFAULT_POLL_POLICY, type PollPolicy } from '../../lambda/core/feeds/next-poll';
import type { AlertStore } from '../../lambda/ports/alert-store';
import type { FeedRegistry } from '../../lambda/ports/feed-registry';
import type { StoryStore } from '../../lambda/ports/story-store';
import { endpointFileOf, startEmbeddedDynamo } from './embedded-dynamo';

export interface OpenStoresOptions {
  /**
   * Local data directory (ignored with `table`).
   * @default '.tiewatch'
   */
  dataDir?: string;
  /** A deployed table: real DynamoDB with the default credentials and region. */
  table?: string;
  region?: string;
  /**
   * Wait after a successful poll before a feed is due again. Set a little under the cycle period, or a feed
   * polled at the start of one cycle is not yet due when the next begins.
   * @default 15 minutes (DEFAULT_POLL_POLICY)
   */
  pollIntervalMs?: number;
}

export interface Stores {
  registry: FeedRegistry;
  stories: StoryStore;
  alerts: AlertStore;
  tableName: string;
  /** The endpoint in use: the local server's URL, or undefined for AWS. */
  endpoint?: string;
  /** Closes the client, and the embedded server if this call started one. */
  close(): Promise<void>;
}

/** The table name inside the local store. */
export const LOCAL_TABLE_NAME = 'tiewatch';
export const DEFAULT_DATA_DIR = '.tiewatch';

/** How long a live local server gets to answer before it is taken for a leftover endpoint.json. */
const PROBE_TIMEOUT_MS = 1_500;

const endpointFileSchema = z.object({ endpoint: z.url(), pid: z.number().int() });

/**
 * The stores every CLI command works on. With `table`, the deployed table in AWS. Otherwise the local
 * store: the server another tiewatch process (`tiewatch start`) already runs on this data directory if it
 * answers, else an embedded one started here; the table is created on first use.
 * @throws LocalStoreBusyError when a live process holds the data directory but does not answer
 */
export async function openStores(options: OpenStoresOptions = {}): Promise<Stores> {
  const policy: PollPolicy = {
    ...DEFAULT_POLL_POLICY,
    ...(options.pollIntervalMs ? { pollIntervalMs: options.pollIntervalMs } : {}),
  };
  if (options.table) {
    const doc = createDocumentClient(options.region ? { region: options.region } : {});
    return storesOn(doc, options.table, undefined, policy, async () => doc.destroy());
  }
  const dataDir = options.dataDir ?? DEFAULT_DATA_DIR;
  const live = await liveEndpoint(dataDir);
  if (live) {
    const doc = createDocumentClient({ endpoint: live });
    await ensureTable(doc, LOCAL_TABLE_NAME);
    return storesOn(doc, LOCAL_TABLE_NAME, live, policy, async () => doc.destroy());
  }
  const server = await startEmbeddedDynamo({ dataDir });
  const doc = createDocumentClient({ endpoint: server.endpoint });
  try {
    await ensureTable(doc, LOCAL_TABLE_NAME);
  } catch (error) {
    doc.destroy();
    await server.close();
    throw error;
  }
  return storesOn(doc, LOCAL_TABLE_NAME, server.endpoint, policy, async () => {
    doc.destroy();
    await server.close();
  });
}

function storesOn(
  doc: DynamoDBDocumentClient,
  tableName: string,
  endpoint: string | undefined,
  policy: PollPolicy,
  close: () => Promise<void>,
): Stores {
  return {
    registry: new DynamoFeedRegistry(doc, tableName, { policy }),
    stories: new DynamoStoryStore(doc, tableName),
    alerts: new DynamoAlertStore(doc, tableName),
    tableName,
    ...(endpoint ? { endpoint } : {}),
    close,
  };
}

/** The endpoint advertised in `<dataDir>/endpoint.json`, if a server there answers; a leftover file is ignored. */
async function liveEndpoint(dataDir: string): Promise<string | undefined> {
  let text: string;
  try {
    text = await readFile(endpointFileOf(dataDir), 'utf8');
  } catch {
    return undefined;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  const file = endpointFileSchema.safeParse(json);
  if (!file.success) return undefined;
  const doc = createDocumentClient({ endpoint: file.data.endpoint });
  try {
    await doc.send(new ListTablesCommand({ Limit: 1 }), {
      abortSignal: AbortSignal.timeout(PROBE_TIMEOUT_MS),
    });
    return file.data.endpoint;
  } catch {
    return undefined;
  } finally {
    doc.destroy();
  }
}
