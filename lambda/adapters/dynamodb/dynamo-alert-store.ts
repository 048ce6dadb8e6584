import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  type QueryCommandInput,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { Alert, AlertSource } from '../../core/model/alert';
import { COUNTRY_CODES } from '../../core/model/classification';
import {
  AlertNotFoundError,
  type AlertPage,
  type AlertQuery,
  type AlertStore,
  type RecordResult,
} from '../../ports/alert-store';
import * as z from '../../validation/zod-mini';
import { type CursorFilters, decodeCursor, encodeCursor, filtersOf } from './alert-cursor';
import { ALERTS_PARTITION, alertKey, alertPartition, alertTimeSortKey, factPartition } from './item-keys';
import { StoredItemError } from './stored-item-error';

const sourceSchema = z.object({
  storyKey: z.string(),
  title: z.string(),
  link: z.optional(z.string()),
  source: z.string(),
  published: z.string(),
  seenAt: z.string(),
});

const alertItemSchema = z.object({
  type: z.literal('alert'),
  id: z.string(),
  kind: z.enum(['update', 'contradiction', 'new-development']),
  factIds: z.array(z.string()),
  findings: z.array(
    z.object({
      factId: z.string(),
      verdict: z.enum(['reaffirms', 'updates', 'contradicts']),
      baseline: z.optional(z.string()),
      observed: z.optional(z.string()),
      evidence: z.string(),
    }),
  ),
  countries: z.array(z.enum(COUNTRY_CODES)),
  title: z.string(),
  link: z.optional(z.string()),
  source: z.string(),
  published: z.string(),
  firstSeen: z.string(),
  sources: z.record(z.string(), sourceSchema),
});

/**
 * Most sources one alert keeps. An item is capped at 400 KB and a source takes up to ~1 KB, so a change
 * syndicated very widely would otherwise make every further update fail, and its feed with it.
 */
export const MAX_SOURCES_PER_ALERT = 200;

/** Without filters one extra item tells whether another page exists, so a page is one Query. */
const LOOKAHEAD = 1;
/** With filters DynamoDB counts items read, not items kept; reading a few pages' worth per call saves round trips. */
const FILTERED_READ_FACTOR = 4;
/** DynamoDB returns at most 1 MB per Query anyway; this keeps a filtered call's read bounded too. */
const MAX_ITEMS_READ_PER_CALL = 1000;

/**
 * Alerts in the single table. One item per alert; its sources are a map keyed by story key, so adding a
 * source is one conditional update that is idempotent per story. gsi1 (ALERTS / firstSeen#id) lists all
 * alerts newest first; gsi2 (FACT#<fact> / firstSeen#id) lists one fact's. An alert is indexed under its
 * first fact id: buildAlerts raises one alert per fact finding, so that is its only one.
 */
export class DynamoAlertStore implements AlertStore {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async record(alert: Alert): Promise<RecordResult> {
    const [first] = alert.sources;
    if (!first) throw new TypeError(`alert ${alert.id} has no source`);
    const firstSeen = new Date(alert.firstSeen).toISOString();
    const sortKey = alertTimeSortKey(firstSeen, alert.id);
    const [factId] = alert.factIds;
    const { sources, ...fields } = alert;
    try {
      await this.doc.send(
        new PutCommand({
          TableName: this.tableName,
          Item: {
            ...alertKey(alert.id),
            type: 'alert',
            gsi1pk: ALERTS_PARTITION,
            gsi1sk: sortKey,
            ...(factId !== undefined ? { gsi2pk: factPartition(factId), gsi2sk: sortKey } : {}),
            ...fields,
            firstSeen,
            sources: Object.fromEntries(sources.map((source) => [source.storyKey, source])),
          },
          // The id is derived from the change: an existing item means this change was already reported.
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return { kind: 'created', alert: { ...alert, firstSeen } };
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
    return { kind: 'corroborated', alertId: alert.id, added: await this.addSource(alert.id, first) };
  }

  /** False when the story is already a source, or the alert already holds MAX_SOURCES_PER_ALERT. */
  async addSource(alertId: string, source: AlertSource): Promise<boolean> {
    try {
      await this.doc.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: alertKey(alertId),
          UpdateExpression: 'SET #sources.#story = :source',
          // Safe to repeat: it creates no alert, replaces no source, and stops at the size cap.
          ConditionExpression:
            'attribute_exists(pk) AND attribute_not_exists(#sources.#story) AND size(#sources) < :max',
          ExpressionAttributeNames: { '#sources': 'sources', '#story': source.storyKey },
          ExpressionAttributeValues: { ':source': source, ':max': MAX_SOURCES_PER_ALERT },
        }),
      );
      return true;
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
    if (!(await this.get(alertId))) throw new AlertNotFoundError(alertId);
    return false;
  }

  async get(id: string): Promise<Alert | undefined> {
    const result = await this.doc.send(new GetCommand({ TableName: this.tableName, Key: alertKey(id) }));
    return result.Item ? alertFromItem(result.Item) : undefined;
  }

  async query(query: AlertQuery): Promise<AlertPage> {
    if (!Number.isInteger(query.limit) || query.limit < 1 || query.limit > 100) {
      throw new RangeError(`limit must be an integer from 1 to 100, got ${query.limit}`);
    }
    const filters = filtersOf(query);
    const start = query.cursor ? decodeCursor(query.cursor, filters) : undefined;
    const base = baseQuery(this.tableName, filters);
    const filtered = base.FilterExpression !== undefined;
    const wanted = query.limit + LOOKAHEAD;

    const alerts: Alert[] = [];
    let startKey = start && startKeyOf(start.id, start.firstSeen, filters);
    do {
      const input: QueryCommandInput = {
        ...base,
        ScanIndexForward: false,
        Limit: filtered
          ? Math.min(MAX_ITEMS_READ_PER_CALL, wanted * FILTERED_READ_FACTOR)
          : wanted - alerts.length,
        ...(startKey ? { ExclusiveStartKey: startKey } : {}),
      };
      const page = await this.doc.send(new QueryCommand(input));
      for (const item of page.Items ?? []) alerts.push(alertFromItem(item));
      startKey = page.LastEvaluatedKey;
    } while (startKey && alerts.length < wanted);

    const kept = alerts.slice(0, query.limit);
    const last = kept.at(-1);
    const more = alerts.length > query.limit;
    return {
      alerts: kept,
      ...(more && last ? { cursor: encodeCursor({ id: last.id, firstSeen: last.firstSeen }, filters) } : {}),
    };
  }
}

function baseQuery(tableName: string, filters: CursorFilters): QueryCommandInput {
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const byFact = filters.factId !== undefined;
  names['#pk'] = byFact ? 'gsi2pk' : 'gsi1pk';
  if (filters.since || filters.until) names['#sk'] = byFact ? 'gsi2sk' : 'gsi1sk';
  values[':pk'] = filters.factId !== undefined ? factPartition(filters.factId) : ALERTS_PARTITION;

  // firstSeen#id sorts by time; '$' is the character after '#', so `< until$` keeps every id at `until`.
  let keyCondition = '#pk = :pk';
  if (filters.since && filters.until) {
    keyCondition += ' AND #sk BETWEEN :since AND :until';
    values[':since'] = filters.since;
    values[':until'] = `${filters.until}$`;
  } else if (filters.since) {
    keyCondition += ' AND #sk >= :since';
    values[':since'] = filters.since;
  } else if (filters.until) {
    keyCondition += ' AND #sk < :until';
    values[':until'] = `${filters.until}$`;
  }

  const conditions: string[] = [];
  if (filters.kind) {
    names['#kind'] = 'kind';
    values[':kind'] = filters.kind;
    conditions.push('#kind = :kind');
  }
  if (filters.country) {
    names['#countries'] = 'countries';
    values[':country'] = filters.country;
    conditions.push('contains(#countries, :country)');
  }
  return {
    TableName: tableName,
    IndexName: byFact ? 'gsi2' : 'gsi1',
    KeyConditionExpression: keyCondition,
    ...(conditions.length > 0 ? { FilterExpression: conditions.join(' AND ') } : {}),
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
  };
}

/** The index key of the alert a cursor points at; DynamoDB resumes right after it. */
function startKeyOf(id: string, firstSeen: string, filters: CursorFilters): Record<string, unknown> {
  const sortKey = alertTimeSortKey(firstSeen, id);
  const index =
    filters.factId !== undefined
      ? { gsi2pk: factPartition(filters.factId), gsi2sk: sortKey }
      : { gsi1pk: ALERTS_PARTITION, gsi1sk: sortKey };
  return { pk: alertPartition(id), sk: 'ALERT', ...index };
}

/**
 * Reads a stored alert item back into an Alert (also for the notify handler's stream images).
 * @throws StoredItemError when the item is not a well-formed alert
 */
export function alertFromItem(item: Record<string, unknown>): Alert {
  const parsed = alertItemSchema.safeParse(item);
  if (!parsed.success) throw new StoredItemError('alert', String(item.pk), parsed.error);
  const { type: _type, sources, ...alert } = parsed.data;
  // A map has no order: sources are listed by when they were seen, the story key settling ties.
  const ordered = Object.values(sources).sort(
    (a, b) =>
      a.seenAt.localeCompare(b.seenAt) ||
      a.published.localeCompare(b.published) ||
      a.storyKey.localeCompare(b.storyKey),
  );
  return { ...alert, sources: ordered };
}
