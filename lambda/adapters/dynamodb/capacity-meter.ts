import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/** Capacity units consumed through one client since it was metered (or last reset). */
export interface CapacityMeter {
  readonly writeUnits: number;
  readonly readUnits: number;
  /** Write units per operation name (PutItem, BatchWriteItem…), to see where they go. */
  readonly writeUnitsByOperation: Readonly<Record<string, number>>;
  /** Calls per operation name (Query, BatchGetItem…), counting each retry of a batch. */
  readonly calls: Readonly<Record<string, number>>;
  reset(): void;
  /** Removes the middleware; the client behaves as before. */
  detach(): void;
}

const WRITE_OPERATIONS = new Set(['PutItem', 'UpdateItem', 'DeleteItem', 'BatchWriteItem']);
const READ_OPERATIONS = new Set(['GetItem', 'BatchGetItem', 'Query', 'Scan']);
const MIDDLEWARE_NAME = 'tiewatchCapacityMeter';

interface ConsumedCapacity {
  CapacityUnits?: number;
}

/**
 * Counts the capacity units DynamoDB reports, for the benchmark. It asks for them by adding
 * `ReturnConsumedCapacity: 'TOTAL'` to every data-plane call that does not set it, and sums what comes back.
 * dynalite honours the flag for every operation (checked in its sources and by the integration test); it
 * charges by item size like DynamoDB (1 KB per write unit) but leaves out index writes, which DynamoDB adds
 * for each GSI an item is in. A document client shares its base client's stack, so metering either counts both.
 */
export function attachCapacityMeter(client: DynamoDBClient | DynamoDBDocumentClient): CapacityMeter {
  let writeUnits = 0;
  let readUnits = 0;
  let byOperation: Record<string, number> = {};
  let calls: Record<string, number> = {};
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const operation = String(context.commandName ?? '').replace(/Command$/, '');
      const isWrite = WRITE_OPERATIONS.has(operation);
      if (!isWrite && !READ_OPERATIONS.has(operation)) return next(args);
      calls[operation] = (calls[operation] ?? 0) + 1;
      const input = args.input as { ReturnConsumedCapacity?: string };
      const result = await next({ ...args, input: { ReturnConsumedCapacity: 'TOTAL', ...input } });
      const output = result.output as { ConsumedCapacity?: ConsumedCapacity | ConsumedCapacity[] };
      const consumed = [output.ConsumedCapacity ?? []].flat();
      const units = consumed.reduce((sum, entry) => sum + (entry.CapacityUnits ?? 0), 0);
      if (isWrite) {
        writeUnits += units;
        byOperation[operation] = (byOperation[operation] ?? 0) + units;
      } else {
        readUnits += units;
      }
      return result;
    },
    { step: 'initialize', name: MIDDLEWARE_NAME, override: true },
  );
  return {
    get writeUnits() {
      return writeUnits;
    },
    get readUnits() {
      return readUnits;
    },
    get writeUnitsByOperation() {
      return { ...byOperation };
    },
    get calls() {
      return { ...calls };
    },
    reset() {
      writeUnits = 0;
      readUnits = 0;
      byOperation = {};
      calls = {};
    },
    detach() {
      client.middlewareStack.remove(MIDDLEWARE_NAME);
    },
  };
}
