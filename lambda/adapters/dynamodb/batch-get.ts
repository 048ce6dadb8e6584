import { BatchGetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { BatchIncompleteError, batchRetryDelayMs, MAX_BATCH_ATTEMPTS, sleep } from './batch-retry';

/** BatchGetItem takes at most 100 keys per call. */
const MAX_KEYS_PER_CALL = 100;

export interface ItemKey {
  pk: string;
  sk: string;
}

export interface BatchGetOptions {
  /** Attributes to read (names are aliased, so reserved words are fine). */
  attributes?: string[];
}

/**
 * Reads the items with these keys, any number of them: 100 per call, duplicates dropped (DynamoDB rejects
 * a batch holding the same key twice), unprocessed keys retried with backoff. Missing items are simply absent.
 */
export async function batchGetAll(
  doc: DynamoDBDocumentClient,
  tableName: string,
  keys: ItemKey[],
  options: BatchGetOptions = {},
): Promise<Record<string, unknown>[]> {
  const unique = [...new Map(keys.map((key) => [`${key.pk}\u0000${key.sk}`, key])).values()];
  const projection = options.attributes && {
    ProjectionExpression: options.attributes.map((_, i) => `#a${i}`).join(', '),
    ExpressionAttributeNames: Object.fromEntries(options.attributes.map((name, i) => [`#a${i}`, name])),
  };
  const found: Record<string, unknown>[] = [];
  for (let start = 0; start < unique.length; start += MAX_KEYS_PER_CALL) {
    let pending: Record<string, unknown>[] = unique
      .slice(start, start + MAX_KEYS_PER_CALL)
      .map((k) => ({ ...k }));
    for (let attempt = 1; pending.length > 0; attempt += 1) {
      if (attempt > MAX_BATCH_ATTEMPTS) throw new BatchIncompleteError('BatchGetItem', pending.length);
      if (attempt > 1) await sleep(batchRetryDelayMs(attempt - 1));
      const result = await doc.send(
        new BatchGetCommand({ RequestItems: { [tableName]: { Keys: pending, ...projection } } }),
      );
      found.push(...(result.Responses?.[tableName] ?? []));
      pending = result.UnprocessedKeys?.[tableName]?.Keys ?? [];
    }
  }
  return found;
}
