import { version } from '../../../package.json';
import * as z from '../../validation/zod-mini';

/** Where a feed owner can find out who is polling them and why (the User-Agent points here). */
export const PROJECT_URL = 'https://github.com/tiewatch/tiewatch';

/** The User-Agent sent with every request: honest about who we are, so feed owners can reach us. */
export const DEFAULT_USER_AGENT = `tiewatch/${version} (+${PROJECT_URL})`;

const MIB = 1024 * 1024;

function positiveInt() {
  return z.number().check(z.int(), z.positive());
}

/**
 * Limits and politeness settings of the HTTP feed fetcher. Strict, so a misspelt option fails at start-up
 * instead of silently leaving a default in place.
 */
export const fetchOptionsSchema = z.strictObject({
  /** Budget for one feed: every redirect hop, the headers and the whole body. @default 20000 */
  deadlineMs: z._default(positiveInt(), 20_000),
  /** Budget for the TCP connection (and TLS handshake) of each hop, DNS lookup included. @default 10000 */
  connectTimeoutMs: z._default(positiveInt(), 10_000),
  /** Body cap, counted after decompression. @default 10 MiB */
  maxBodyBytes: z._default(positiveInt(), 10 * MIB),
  /** Redirects followed before giving up. @default 5 */
  maxRedirects: z._default(z.number().check(z.int(), z.nonnegative()), 5),
  /** Requests in flight at once to one host name, across all feeds. @default 2 */
  perHostConcurrency: z._default(positiveInt(), 2),
  /** Lift the address policy, for local use against loopback servers. @default false */
  allowPrivateNetwork: z._default(z.boolean(), false),
  /** @default `tiewatch/<version> (+https://github.com/tiewatch/tiewatch)` */
  userAgent: z._default(z.string().check(z.minLength(1)), DEFAULT_USER_AGENT),
});

/** Options as a caller may write them (every field optional). */
export type FetchOptionsInput = z.input<typeof fetchOptionsSchema>;
/** Options with every default filled in. */
export type FetchOptions = z.output<typeof fetchOptionsSchema>;

/** Validates fetch options and fills in defaults; throws a ZodError naming the bad field. */
export function parseFetchOptions(input: FetchOptionsInput = {}): FetchOptions {
  return fetchOptionsSchema.parse(input);
}
