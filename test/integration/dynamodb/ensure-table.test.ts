import { randomUUID } from 'node:crypto';
import { DeleteTableCommand, DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { afterEach, describe, expect, it } from 'vitest';
import { createDocumentClient } from '../../../lambda/adapters/dynamodb/document-client';
import { ensureTable } from '../../../lambda/adapters/dynamodb/ensure-table';
import { TABLE_DESIGN } from '../../../lambda/adapters/dynamodb/table-design';
import { useDynalite } from '../../support/dynalite';

const dynalite = useDynalite();

describe('ensureTable', () => {
  const tableName = `ensure-${randomUUID()}`;
  const doc = () => createDocumentClient({ endpoint: dynalite.endpoint() });

  afterEach(async () => {
    await doc().send(new DeleteTableCommand({ TableName: tableName }));
  });

  it('creates the table from TABLE_DESIGN, on demand and ACTIVE', async () => {
    await ensureTable(doc(), tableName);

    const { Table } = await doc().send(new DescribeTableCommand({ TableName: tableName }));
    expect(Table?.TableStatus).toBe('ACTIVE');
    expect(Table?.BillingModeSummary?.BillingMode).toBe('PAY_PER_REQUEST');
    expect(Table?.KeySchema).toEqual([
      { AttributeName: TABLE_DESIGN.partitionKey.name, KeyType: 'HASH' },
      { AttributeName: TABLE_DESIGN.sortKey.name, KeyType: 'RANGE' },
    ]);
    expect(
      Table?.GlobalSecondaryIndexes?.map((index) => [index.IndexName, index.IndexStatus]).sort(),
    ).toEqual([
      ['gsi1', 'ACTIVE'],
      ['gsi2', 'ACTIVE'],
    ]);
  });

  it('is idempotent: a second call (and two at once) leaves the table as it was', async () => {
    await ensureTable(doc(), tableName);
    const before = await doc().send(new DescribeTableCommand({ TableName: tableName }));

    await Promise.all([ensureTable(doc(), tableName), ensureTable(doc(), tableName)]);

    const after = await doc().send(new DescribeTableCommand({ TableName: tableName }));
    expect(after.Table?.CreationDateTime).toEqual(before.Table?.CreationDateTime);
    expect(after.Table?.TableArn).toBe(before.Table?.TableArn);
  });

  it('creates the table once when two processes race to create it', async () => {
    await Promise.all([ensureTable(doc(), tableName), ensureTable(doc(), tableName)]);

    const { Table } = await doc().send(new DescribeTableCommand({ TableName: tableName }));
    expect(Table?.TableStatus).toBe('ACTIVE');
  });
});
