import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { attachCapacityMeter } from '../../../lambda/adapters/dynamodb/capacity-meter';
import { type TestTable, useDynalite } from '../../support/dynalite';

const dynalite = useDynalite();

describe('attachCapacityMeter', () => {
  let table: TestTable;

  beforeEach(async () => {
    table = await dynalite.createTestTable();
  });
  afterEach(async () => {
    await table.drop();
  });

  it('counts write units by item size, rounded up to 1 KB', async () => {
    const meter = attachCapacityMeter(table.doc);

    await table.doc.send(
      new PutCommand({ TableName: table.tableName, Item: { pk: 'small', sk: 'x', type: 'story' } }),
    );
    await table.doc.send(
      new PutCommand({ TableName: table.tableName, Item: { pk: 'big', sk: 'x', body: 'b'.repeat(2500) } }),
    );

    expect(meter.writeUnits).toBe(1 + 3);
    expect(meter.writeUnitsByOperation).toEqual({ PutItem: 4 });
  });

  it('counts reads apart from writes, resets, and stops counting once detached', async () => {
    const meter = attachCapacityMeter(table.doc);
    await table.doc.send(new PutCommand({ TableName: table.tableName, Item: { pk: 'a', sk: 'x' } }));
    await table.doc.send(
      new GetCommand({ TableName: table.tableName, Key: { pk: 'a', sk: 'x' }, ConsistentRead: true }),
    );
    expect(meter.readUnits).toBe(1);
    expect(meter.calls).toEqual({ PutItem: 1, GetItem: 1 });

    meter.reset();
    meter.detach();
    await table.doc.send(new PutCommand({ TableName: table.tableName, Item: { pk: 'b', sk: 'x' } }));

    expect(meter.writeUnits).toBe(0);
    expect(meter.calls).toEqual({});
  });
});
