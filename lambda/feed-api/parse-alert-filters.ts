import * as z from 'zod';
import { type AlertKind, COUNTRY_CODES, type CountryCode } from '../core/model/classification';
import { BadParameterError } from './feed-api-errors';

const ALERT_KINDS = ['update', 'contradiction', 'new-development'] as const satisfies readonly AlertKind[];

/** An empty value (a form's "All kinds") means the filter is not set. */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

/**
 * An absolute time only: a relative one ("7d") would move between two page requests, and the store binds
 * each cursor to the exact filters it was issued for.
 */
const instant = z.union([z.iso.datetime({ offset: true }), z.iso.date()]).transform((text) => new Date(text));

const filterShape = {
  kind: optional(z.enum(ALERT_KINDS)),
  fact: optional(z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'not a fact id')),
  country: optional(z.string().toUpperCase().pipe(z.enum(COUNTRY_CODES))),
  since: optional(instant),
  until: optional(instant),
};

const feedQuerySchema = z.object(filterShape);

const listQuerySchemaWith = (defaultLimit: number) =>
  z.object({
    ...filterShape,
    limit: z.preprocess(
      (value) => (value === '' || value === undefined ? undefined : value),
      z.coerce.number().int().min(1).max(100).default(defaultLimit),
    ),
    cursor: optional(z.string().min(1).max(4096)),
  });

/** `GET /alerts` pages by 20 unless asked; the HTML page shows as many alerts as a feed does. */
const LIST_QUERY_SCHEMAS = { json: listQuerySchemaWith(20), page: listQuerySchemaWith(50) } as const;

/** The filters every alert listing takes, checked against the baseline. */
export interface AlertFilters {
  kind?: AlertKind;
  fact?: string;
  country?: CountryCode;
  since?: Date;
  until?: Date;
}

export interface AlertListQuery extends AlertFilters {
  limit: number;
  cursor?: string;
}

function parseWith<T extends AlertFilters>(
  schema: z.ZodType<T>,
  query: Record<string, string | undefined>,
  knownFactIds: ReadonlySet<string>,
): T {
  const parsed = schema.safeParse(query);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new BadParameterError(String(issue?.path[0] ?? 'query'), issue?.message ?? 'invalid');
  }
  const filters = parsed.data;
  if (filters.fact !== undefined && !knownFactIds.has(filters.fact)) {
    throw new BadParameterError('fact', `no baseline fact has the id "${filters.fact}"`);
  }
  if (filters.since !== undefined && filters.until !== undefined && filters.since > filters.until) {
    throw new BadParameterError('until', 'is before since');
  }
  return filters;
}

/** The filters of a feed or of the HTML page (always the newest alerts, so no limit). */
export function parseFeedFilters(
  query: Record<string, string | undefined>,
  knownFactIds: ReadonlySet<string>,
): AlertFilters {
  return parseWith(feedQuerySchema, query, knownFactIds);
}

/** The filters and paging of `GET /alerts` (`json`) or of the HTML page (`page`). */
export function parseListQuery(
  query: Record<string, string | undefined>,
  knownFactIds: ReadonlySet<string>,
  listing: keyof typeof LIST_QUERY_SCHEMAS,
): AlertListQuery {
  return parseWith(LIST_QUERY_SCHEMAS[listing], query, knownFactIds);
}
