import { randomUUID } from 'node:crypto';
import { DeleteTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll } from 'vitest';
import { type EmbeddedDynamo, startEmbeddedDynamo } from '../../cli/local/embedded-dynamo';
import { createDynamoClient, documentClientFor } from '../../lambda/adapters/dynamodb/document-client';
import { ensureTable } from '../../lambda/adapters/dynamodb/ensure-table';

export interface TestTable {
  doc: DynamoDBDocumentClient;
  /** The base client under `doc` (they share one middleware stack). */
  client: DynamoDBClient;
  tableName: string;
  /** Deletes the table; the server goes away after the file's last test. */
  drop(): Promise<void>;
}

export interface DynaliteForTests {
  endpoint(): string;
  /** A fresh, empty table built from TABLE_DESIGN, on its own DocumentClient. */
  createTestTable(): Promise<TestTable>;
}

/**
 * Starts one in-memory dynalite on a random loopback port for the calling test file (beforeAll / afterAll)
 * and gives each test its own table, so tests never see each other's items.
 * Call at the top level of a test file.
 */
export function useDynalite(): DynaliteForTests {
  let server: EmbeddedDynamo | undefined;
  const running = () => {
    if (!server)
      throw new Error('dynalite is not running: call useDynalite() at the top level of the test file');
    return server;
  };
  beforeAll(async () => {
    server = await startEmbeddedDynamo();
  });
  afterAll(async () => {
    await server?.close();
  });
  return {
    endpoint: () => running().endpoint,
    async createTestTable() {
      const client = createDynamoClient({ endpoint: running().endpoint });
      const doc = documentClientFor(client);
      const tableName = `test-${randomUUID()}`;
      await ensureTable(doc, tableName);
      return {
        doc,
        client,
        tableName,
        async drop() {
          await doc.send(new DeleteTableCommand({ TableName: tableName }));
          client.destroy();
        },
      };
    },
  };
}
