import {
  type AttributeDefinition,
  CreateTableCommand,
  type CreateTableCommandInput,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  ResourceInUseException,
  ResourceNotFoundException,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { TABLE_DESIGN } from './table-design';

/** How long to wait for a new table to become ACTIVE (DynamoDB takes seconds; dynalite none). */
const ACTIVE_TIMEOUT_MS = 120_000;

/** The table did not become ACTIVE in time. */
export class TableNotReadyError extends Error {
  constructor(readonly tableName: string) {
    super(`table ${tableName} did not become ACTIVE within ${ACTIVE_TIMEOUT_MS / 1000} s`);
    this.name = 'TableNotReadyError';
  }
}

/**
 * Creates tiewatch's table from TABLE_DESIGN when it does not exist yet, waits until it is ACTIVE, and
 * turns its TTL on. Safe to call on every start, and from two processes at once.
 */
export async function ensureTable(client: DynamoDBDocumentClient, tableName: string): Promise<void> {
  if ((await describeStatus(client, tableName)) === undefined) {
    try {
      await client.send(new CreateTableCommand(createTableInput(tableName)));
    } catch (error) {
      // Another process created it between our describe and create: fine, wait for it like our own.
      if (!(error instanceof ResourceInUseException)) throw error;
    }
  }
  await waitUntilActive(client, tableName);
  await enableTtl(client, tableName);
}

/** 'ACTIVE' only when the table and every index are; undefined when the table does not exist. */
async function describeStatus(
  client: DynamoDBDocumentClient,
  tableName: string,
): Promise<string | undefined> {
  try {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    const indexesActive = (Table?.GlobalSecondaryIndexes ?? []).every(
      (index) => index.IndexStatus === 'ACTIVE',
    );
    return Table?.TableStatus === 'ACTIVE' && !indexesActive ? 'UPDATING' : (Table?.TableStatus ?? 'UNKNOWN');
  } catch (error) {
    if (error instanceof ResourceNotFoundException) return undefined;
    throw error;
  }
}

async function waitUntilActive(client: DynamoDBDocumentClient, tableName: string): Promise<void> {
  const deadline = Date.now() + ACTIVE_TIMEOUT_MS;
  for (let delayMs = 100; ; delayMs = Math.min(delayMs * 2, 2_000)) {
    if ((await describeStatus(client, tableName)) === 'ACTIVE') return;
    if (Date.now() + delayMs > deadline) throw new TableNotReadyError(tableName);
    await new Promise((resolve) => setTimeout(resolve, delayMs));
  }
}

/** On-demand billing, every index projecting all attributes (reads never go back to the table). */
export function createTableInput(tableName: string): CreateTableCommandInput {
  const keys = [TABLE_DESIGN.partitionKey, TABLE_DESIGN.sortKey];
  for (const index of TABLE_DESIGN.indexes) keys.push(index.partitionKey, index.sortKey);
  const definitions = new Map<string, AttributeDefinition>();
  for (const key of keys) definitions.set(key.name, { AttributeName: key.name, AttributeType: key.type });
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [...definitions.values()],
    KeySchema: [
      { AttributeName: TABLE_DESIGN.partitionKey.name, KeyType: 'HASH' },
      { AttributeName: TABLE_DESIGN.sortKey.name, KeyType: 'RANGE' },
    ],
    GlobalSecondaryIndexes: TABLE_DESIGN.indexes.map((index) => ({
      IndexName: index.indexName,
      KeySchema: [
        { AttributeName: index.partitionKey.name, KeyType: 'HASH' },
        { AttributeName: index.sortKey.name, KeyType: 'RANGE' },
      ],
      Projection: { ProjectionType: 'ALL' },
    })),
  };
}

/**
 * dynalite implements DescribeTimeToLive but not UpdateTimeToLive, and answers the latter with
 * UnknownOperationException; that one error is ignored, since every read filters expired items itself.
 */
async function enableTtl(client: DynamoDBDocumentClient, tableName: string): Promise<void> {
  const described = await client.send(new DescribeTimeToLiveCommand({ TableName: tableName }));
  const status = described.TimeToLiveDescription?.TimeToLiveStatus;
  if (status === 'ENABLED' || status === 'ENABLING') return;
  try {
    await client.send(
      new UpdateTimeToLiveCommand({
        TableName: tableName,
        TimeToLiveSpecification: { AttributeName: TABLE_DESIGN.ttlAttribute, Enabled: true },
      }),
    );
  } catch (error) {
    if (!(error instanceof Error && error.name === 'UnknownOperationException')) throw error;
  }
}
