/** A batch call still left keys or items unprocessed after every retry (sustained throttling). */
export class BatchIncompleteError extends Error {
  constructor(
    readonly operation: 'BatchGetItem' | 'BatchWriteItem',
    readonly remaining: number,
  ) {
    super(`${operation} left ${remaining} request(s) unprocessed after ${MAX_BATCH_ATTEMPTS} attempts`);
    this.name = 'BatchIncompleteError';
  }
}

/**
 * Attempts per batch before giving up. DynamoDB hands back unprocessed work when a partition is throttled;
 * AWS asks callers to retry it with exponential backoff. 8 attempts wait about 6 s in all.
 */
export const MAX_BATCH_ATTEMPTS = 8;

/** Exponential backoff with full jitter before retry `attempt` (1-based). */
export function batchRetryDelayMs(attempt: number, random: () => number = Math.random): number {
  return Math.round(random() * 50 * 2 ** attempt);
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
