import type { CloudFormationCustomResourceEvent, Context } from 'aws-lambda';
import { createDocumentClient } from '../adapters/dynamodb/document-client';
import { DynamoFeedRegistry } from '../adapters/dynamodb/dynamo-feed-registry';
import { seedFeeds } from '../use-cases/seed-feeds';
import * as z from '../validation/zod-mini';
import { logger } from './shared/powertools';
import { readSettings, requiredText } from './shared/read-settings';

const settings = readSettings({ TABLE_NAME: requiredText });

const registry = new DynamoFeedRegistry(createDocumentClient(), settings.TABLE_NAME);

/** The custom resource's properties, as the stack passes them (config/feeds.json, checked again here). */
const seedPropertiesSchema = z.object({
  Feeds: z.array(
    z.object({ url: z.url({ protocol: /^https?$/ }), name: z.optional(z.string().check(z.minLength(1))) }),
  ),
});

/** One physical id for the life of the stack: an update never looks like a replacement to CloudFormation. */
const PHYSICAL_RESOURCE_ID = 'tiewatch-feed-seed';

/** Time kept back from the function's own timeout to send a FAILED response, so a deploy never hangs. */
const RESPONSE_MARGIN_MS = 5_000;

/** Raised when the custom resource's properties are not a feed list; its message is what CloudFormation shows. */
export class InvalidSeedPropertiesError extends Error {
  constructor(problems: string) {
    super(problems);
    this.name = 'InvalidSeedPropertiesError';
  }
}

/** Raised when seeding outlasts the invocation's time budget. */
export class SeedTimeoutError extends Error {
  constructor(ms: number) {
    super(`seeding did not finish within ${ms} ms`);
    this.name = 'SeedTimeoutError';
  }
}

interface CustomResourceResponse {
  Status: 'SUCCESS' | 'FAILED';
  Reason?: string;
  PhysicalResourceId: string;
  StackId: string;
  RequestId: string;
  LogicalResourceId: string;
  Data?: Record<string, string | number>;
}

/**
 * Reports the outcome to CloudFormation through the pre-signed S3 URL in the event. The URL is signed
 * without a content type, so none is sent.
 */
async function respond(
  event: CloudFormationCustomResourceEvent,
  response: CustomResourceResponse,
): Promise<void> {
  const result = await fetch(event.ResponseURL, {
    method: 'PUT',
    headers: { 'content-type': '' },
    body: JSON.stringify(response),
  });
  if (!result.ok) throw new Error(`CloudFormation refused the response: HTTP ${result.status}`);
}

async function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new SeedTimeoutError(ms)), ms);
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The feed seed custom resource. Create and Update add the curated feeds that are not registered yet (feeds
 * already there keep their state; feeds a user added are never touched); Delete does nothing, so removing
 * the stack or the resource never removes a feed. Every path answers CloudFormation, failures included.
 */
export async function handler(event: CloudFormationCustomResourceEvent, context: Context): Promise<void> {
  logger.addContext(context);
  const physicalResourceId = event.RequestType === 'Create' ? PHYSICAL_RESOURCE_ID : event.PhysicalResourceId;
  const base = {
    PhysicalResourceId: physicalResourceId,
    StackId: event.StackId,
    RequestId: event.RequestId,
    LogicalResourceId: event.LogicalResourceId,
  };
  if (event.RequestType === 'Delete') {
    logger.info('feed seed deleted: the registry is left as it is');
    await respond(event, { ...base, Status: 'SUCCESS' });
    return;
  }
  try {
    const properties = seedPropertiesSchema.safeParse(event.ResourceProperties);
    if (!properties.success) throw new InvalidSeedPropertiesError(z.prettifyError(properties.error));
    const { Feeds: feeds } = properties.data;
    const budget = context.getRemainingTimeInMillis() - RESPONSE_MARGIN_MS;
    const { added } = await withDeadline(seedFeeds(registry, feeds, new Date()), budget);
    logger.info('seeded feeds', { listed: feeds.length, added });
    await respond(event, { ...base, Status: 'SUCCESS', Data: { Added: added, Listed: feeds.length } });
  } catch (error) {
    logger.error('feed seeding failed', { error: error instanceof Error ? error : String(error) });
    // The reason is shown in the CloudFormation console: a short message, never a stack trace.
    const reason = error instanceof Error ? error.message : 'unknown error';
    await respond(event, {
      ...base,
      Status: 'FAILED',
      Reason: `${reason.slice(0, 500)} (see log stream ${context.logStreamName})`,
    });
  }
}
