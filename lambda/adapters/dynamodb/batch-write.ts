import { BatchWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { BatchIncompleteError, batchRetryDelayMs, MAX_BATCH_ATTEMPTS, sleep } from './batch-retry';

/** BatchWriteItem takes at most 25 requests per call. */
const MAX_ITEMS_PER_CALL = 25;

/**
 * Puts any number of items: 25 per call, unprocessed items retried with backoff. Two items with the same
 * key would make DynamoDB reject the whole batch, so only the last item for each key is written.
 * Batch puts cannot be conditional: use this only for items whose rewrite is harmless.
 */
export async function batchPutAll(
  doc: DynamoDBDocumentClient,
  tableName: string,
  items: Array<Record<string, unknown> & { pk: string; sk: string }>,
): Promise<void> {
  const unique = [...new Map(items.map((item) => [`${item.pk}\u0000${item.sk}`, item])).values()];
  for (let start = 0; start < unique.length; start += MAX_ITEMS_PER_CALL) {
    let pending: Array<{ PutRequest: { Item: Record<string, unknown> } }> = unique
      .slice(start, start + MAX_ITEMS_PER_CALL)
      .map((Item) => ({ PutRequest: { Item } }));
    for (let attempt = 1; pending.length > 0; attempt += 1) {
      if (attempt > MAX_BATCH_ATTEMPTS) throw new BatchIncompleteError('BatchWriteItem', pending.length);
      if (attempt > 1) await sleep(batchRetryDelayMs(attempt - 1));
      const result = await doc.send(new BatchWriteCommand({ RequestItems: { [tableName]: pending } }));
      pending = (result.UnprocessedItems?.[tableName] ?? []).flatMap((request) =>
        request.PutRequest?.Item ? [{ PutRequest: { Item: request.PutRequest.Item } }] : [],
      );
    }
  }
}
