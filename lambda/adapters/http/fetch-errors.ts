import { formatBytes, formatDuration } from './format-quantity';

/**
 * Base of every failure the fetcher can explain. Its message is the reason stored in the feed's state, so it
 * is written for a person reading `tiewatch feeds list`, never a stack trace or an internal code.
 */
export abstract class FetchError extends Error {
  /** HTTP status, when the failure came with one. */
  declare readonly status?: number;

  constructor(reason: string, options?: { status?: number; cause?: unknown }) {
    super(reason, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    if (options?.status !== undefined) this.status = options.status;
  }
}

/** The URL could not be parsed at all. */
export class InvalidUrlError extends FetchError {
  constructor(url: string) {
    super(`not a valid URL: ${url.slice(0, 200)}`);
  }
}

/** Only http and https are fetched; file:, ftp:, gopher: and friends could reach things a feed must not. */
export class UnsupportedSchemeError extends FetchError {
  constructor(
    readonly scheme: string,
    hop: 'initial' | 'redirect',
  ) {
    super(
      `${hop === 'redirect' ? 'redirect to ' : ''}${scheme} URL refused: only http and https are fetched`,
    );
  }
}

/** The target (or a redirect hop) resolved to an address outside the public internet. */
export class AddressRefusedError extends FetchError {
  constructor(
    readonly address: string,
    readonly category: string,
    hop: 'initial' | 'redirect',
  ) {
    super(`${hop === 'redirect' ? 'redirect to ' : ''}${withArticle(category)} address ${address} refused`);
  }
}

/** The whole fetch (every redirect hop and the body) ran past its deadline. */
export class DeadlineExceededError extends FetchError {
  constructor(deadlineMs: number) {
    super(`timed out after ${formatDuration(deadlineMs)}`);
  }
}

/** The TCP (and TLS) connection was not up in time. */
export class ConnectTimeoutError extends FetchError {
  constructor(connectTimeoutMs: number) {
    super(`could not connect within ${formatDuration(connectTimeoutMs)}`);
  }
}

/** The body, counted after decompression, grew past the cap. */
export class BodyTooLargeError extends FetchError {
  constructor(maxBodyBytes: number) {
    super(`body exceeds ${formatBytes(maxBodyBytes)}`);
  }
}

/** More redirects than allowed; `count` is the hop that broke the limit, so a loop reads as "(6)" for 5. */
export class TooManyRedirectsError extends FetchError {
  constructor(readonly count: number) {
    super(`too many redirects (${count})`);
  }
}

/** A redirect status without a usable Location header. */
export class BadRedirectError extends FetchError {
  constructor(status: number, location: string | undefined) {
    super(
      location === undefined
        ? `HTTP ${status} redirect without a Location header`
        : `HTTP ${status} redirect to an invalid URL: ${location.slice(0, 200)}`,
      { status },
    );
  }
}

/** A Content-Encoding the fetcher cannot undo, so the body would be unreadable. */
export class UnsupportedContentEncodingError extends FetchError {
  constructor(encoding: string) {
    super(`unsupported content encoding "${encoding.slice(0, 50)}"`);
  }
}

/** The body claimed a compression it did not have, or was cut off mid-stream. */
export class CorruptBodyError extends FetchError {
  constructor(cause: unknown) {
    super('response body is corrupt (bad compression or cut off)', { cause });
  }
}

/** DNS, TCP or TLS trouble, named in words rather than errno codes. */
export class NetworkError extends FetchError {
  constructor(cause: unknown) {
    super(describeNetworkError(cause), { cause });
  }
}

const NETWORK_REASONS: Record<string, string> = {
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host name lookup failed temporarily',
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset by the server',
  EPIPE: 'connection closed by the server',
  ETIMEDOUT: 'connection timed out',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  HPE_INVALID_CONSTANT: 'the server did not speak HTTP',
  HPE_INVALID_HEADER_TOKEN: 'the server sent an invalid HTTP header',
  HPE_HEADER_OVERFLOW: 'the server sent oversized HTTP headers',
};

function describeNetworkError(cause: unknown): string {
  const code = typeof cause === 'object' && cause !== null && 'code' in cause ? String(cause.code) : '';
  const known = NETWORK_REASONS[code];
  if (known) return known;
  // Node names TLS failures by code (CERT_HAS_EXPIRED, DEPTH_ZERO_SELF_SIGNED_CERT, ERR_TLS_CERT_ALTNAME_INVALID...).
  if (/CERT|TLS|SSL/.test(code)) return `TLS certificate problem (${code})`;
  return code ? `network error (${code})` : 'network error';
}

function withArticle(word: string): string {
  return /^[aeiou]/i.test(word) ? `an ${word}` : `a ${word}`;
}
