import { COUNTRY_CODES } from '../../core/model/classification';
import { type AlertQuery, InvalidCursorError } from '../../ports/alert-store';
import * as z from '../../validation/zod-mini';

/**
 * The paging cursor of the alert query: the position of the last alert of a page, plus the filters it
 * was issued for. It travels as base64url JSON. Nothing in it is secret (alerts are public), so it is not
 * signed; what matters is that a cursor that was altered, issued for other filters or by an older format
 * is refused with InvalidCursorError instead of reaching DynamoDB as a malformed start key.
 */
const CURSOR_VERSION = 1;

const filtersSchema = z.strictObject({
  kind: z.optional(z.enum(['update', 'contradiction', 'new-development'])),
  factId: z.optional(z.string()),
  country: z.optional(z.enum(COUNTRY_CODES)),
  since: z.optional(z.string()),
  until: z.optional(z.string()),
});

const cursorSchema = z.strictObject({
  v: z.number(),
  /** Alert id and firstSeen of the last alert returned. */
  id: z.string().check(z.minLength(1)),
  at: z.iso.datetime(),
  f: filtersSchema,
});

export type CursorFilters = z.infer<typeof filtersSchema>;

export interface CursorPosition {
  id: string;
  firstSeen: string;
}

/** The filters of a query, in the form bound into its cursors. */
export function filtersOf(query: AlertQuery): CursorFilters {
  return {
    ...(query.kind ? { kind: query.kind } : {}),
    ...(query.factId ? { factId: query.factId } : {}),
    ...(query.country ? { country: query.country } : {}),
    ...(query.since ? { since: query.since.toISOString() } : {}),
    ...(query.until ? { until: query.until.toISOString() } : {}),
  };
}

export function encodeCursor(position: CursorPosition, filters: CursorFilters): string {
  const payload = { v: CURSOR_VERSION, id: position.id, at: position.firstSeen, f: filters };
  return Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
}

/** Reads a cursor back; throws InvalidCursorError unless it was issued for exactly these filters. */
export function decodeCursor(cursor: string, filters: CursorFilters): CursorPosition {
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw new InvalidCursorError('not base64url');
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursorError('not a cursor');
  }
  const parsed = cursorSchema.safeParse(json);
  if (!parsed.success) throw new InvalidCursorError('not a cursor');
  const { v, id, at, f } = parsed.data;
  if (v !== CURSOR_VERSION)
    throw new InvalidCursorError('issued by an older version; start again from the first page');
  if (!sameFilters(f, filters)) throw new InvalidCursorError('issued for other filters');
  if ((filters.since && at < filters.since) || (filters.until && at > filters.until)) {
    throw new InvalidCursorError('outside the requested time range');
  }
  return { id, firstSeen: at };
}

function sameFilters(a: CursorFilters, b: CursorFilters): boolean {
  const keys = ['kind', 'factId', 'country', 'since', 'until'] as const;
  return keys.every((key) => a[key] === b[key]);
}
