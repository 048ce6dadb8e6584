import * as z from '../../validation/zod-mini';

/** The body of one ingest queue message: the feed to poll. */
export const feedMessageSchema = z.strictObject({ url: z.url({ protocol: /^https?$/ }) });

export type FeedMessage = z.infer<typeof feedMessageSchema>;

/** Raised for a queue message that is not a feed message; retrying it could never succeed. */
export class MalformedFeedMessageError extends Error {
  constructor(readonly detail: string) {
    super(`malformed feed message: ${detail}`);
    this.name = 'MalformedFeedMessageError';
  }
}

export function encodeFeedMessage(url: string): string {
  return JSON.stringify({ url } satisfies FeedMessage);
}

/** Reads a queue message body; throws MalformedFeedMessageError for anything but `{"url": "<http(s) URL>"}`. */
export function decodeFeedMessage(body: string): FeedMessage {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw new MalformedFeedMessageError('not JSON');
  }
  const parsed = feedMessageSchema.safeParse(json);
  if (!parsed.success) throw new MalformedFeedMessageError(z.prettifyError(parsed.error));
  return parsed.data;
}
