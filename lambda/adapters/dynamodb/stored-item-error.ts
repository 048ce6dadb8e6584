import type * as z from '../../validation/zod-mini';

/** An item read from the table does not have the shape its type promises (a foreign or corrupted write). */
export class StoredItemError extends Error {
  constructor(
    readonly itemType: string,
    readonly key: string,
    cause: z.core.$ZodError,
  ) {
    super(
      `stored ${itemType} item ${key} is malformed: ${cause.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
      {
        cause,
      },
    );
    this.name = 'StoredItemError';
  }
}
