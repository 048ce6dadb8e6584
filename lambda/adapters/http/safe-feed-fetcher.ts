import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import { type Clock, systemClock } from '../../ports/clock';
import type { FeedFetcher, FetchResult, Validators } from '../../ports/feed-fetcher';
import { type AddressPolicy, allowAnyAddress, judgeAddress } from './address-policy';
import { decodeBody } from './decode-body';
import {
  BadRedirectError,
  ConnectTimeoutError,
  DeadlineExceededError,
  FetchError,
  InvalidUrlError,
  NetworkError,
  TooManyRedirectsError,
  UnsupportedSchemeError,
} from './fetch-errors';
import { type FetchOptions, type FetchOptionsInput, parseFetchOptions } from './fetch-options';
import {
  createGuardedLookup,
  type Hop,
  type Resolver,
  refuseLiteralHost,
  systemResolver,
  unbracket,
} from './guarded-lookup';
import { HostLimiter } from './host-limiter';
import { readCappedBody } from './read-capped-body';
import { parseRetryAfter } from './retry-after';

/** Feed types first; generic XML next; anything last, since many feeds are served as text/html or octet-stream. */
const ACCEPT =
  'application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, application/xml;q=0.8, text/xml;q=0.8, */*;q=0.1';
const ACCEPT_ENCODING = 'gzip, deflate, br';
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
/** Statuses that ask us to come back later; their Retry-After is passed on. */
const RETRY_LATER_STATUSES = new Set([429, 503]);

/** Construction options: the validated limits plus the seams tests (and the local runner) plug into. */
export interface HttpFeedFetcherOptions extends FetchOptionsInput {
  /** Resolves host names to addresses before the policy judges them. @default systemResolver (getaddrinfo) */
  resolve?: Resolver;
  /** Decides which addresses may be connected to. @default judgeAddress, or allowAnyAddress when allowPrivateNetwork */
  addressPolicy?: AddressPolicy;
  /** Reads Retry-After dates against this clock. @default systemClock */
  clock?: Clock;
}

type HopOutcome = FetchResult | { kind: 'redirect'; location: URL };

/**
 * Fetches feeds over node:http/https with every limit a hostile or broken server calls for: one deadline over
 * all redirects and the body, a connect timeout, a body cap after decompression, a redirect limit, an address
 * policy checked at connect time on each hop, and at most `perHostConcurrency` requests per host.
 * It never throws: every failure comes back as `{ kind: 'failed', reason }` with a reason a person can act on.
 */
export class HttpFeedFetcher implements FeedFetcher {
  private readonly limits: FetchOptions;
  private readonly resolve: Resolver;
  private readonly policy: AddressPolicy;
  private readonly clock: Clock;
  private readonly hosts: HostLimiter;

  constructor(options: HttpFeedFetcherOptions = {}) {
    const { resolve, addressPolicy, clock, ...limits } = options;
    this.limits = parseFetchOptions(limits);
    this.resolve = resolve ?? systemResolver;
    this.policy = addressPolicy ?? (this.limits.allowPrivateNetwork ? allowAnyAddress : judgeAddress);
    this.clock = clock ?? systemClock;
    this.hosts = new HostLimiter(this.limits.perHostConcurrency);
  }

  async fetch(url: string, validators: Validators): Promise<FetchResult> {
    const deadline = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    // The clock starts when the first request gets its host slot, not while it queues behind other feeds.
    const startDeadline = () => {
      timer ??= setTimeout(
        () => deadline.abort(new DeadlineExceededError(this.limits.deadlineMs)),
        this.limits.deadlineMs,
      );
    };
    try {
      return await this.follow(url, validators, deadline.signal, startDeadline);
    } catch (error) {
      const failure = toFetchError(error, deadline.signal);
      return {
        kind: 'failed',
        reason: failure.message,
        ...(failure.status !== undefined ? { status: failure.status } : {}),
      };
    } finally {
      clearTimeout(timer);
    }
  }

  private async follow(
    url: string,
    validators: Validators,
    signal: AbortSignal,
    startDeadline: () => void,
  ): Promise<FetchResult> {
    let current = parseUrl(url);
    for (let redirects = 0; ; redirects += 1) {
      const hop: Hop = redirects === 0 ? 'initial' : 'redirect';
      if (current.protocol !== 'http:' && current.protocol !== 'https:') {
        throw new UnsupportedSchemeError(current.protocol, hop);
      }
      const refused = refuseLiteralHost(current.hostname, this.policy, hop);
      if (refused) throw refused;
      const target = current;
      const outcome = await this.hosts.run(target.hostname, () => {
        startDeadline();
        signal.throwIfAborted();
        return this.request(target, hop, validators, signal);
      });
      if (outcome.kind !== 'redirect') return outcome;
      if (redirects + 1 > this.limits.maxRedirects) throw new TooManyRedirectsError(redirects + 1);
      current = outcome.location;
    }
  }

  /** One request/response exchange; the socket is destroyed on the way out, whatever happened. */
  private async request(
    url: URL,
    hop: Hop,
    validators: Validators,
    signal: AbortSignal,
  ): Promise<HopOutcome> {
    const { request, response } = await this.send(url, hop, validators, signal);
    try {
      return await this.interpret(response, url, signal);
    } finally {
      response.destroy();
      request.destroy();
    }
  }

  private send(
    url: URL,
    hop: Hop,
    validators: Validators,
    signal: AbortSignal,
  ): Promise<{ request: http.ClientRequest; response: IncomingMessage }> {
    const secure = url.protocol === 'https:';
    const request = (secure ? https : http).request({
      protocol: url.protocol,
      hostname: unbracket(url.hostname),
      port: url.port || undefined,
      path: `${url.pathname}${url.search}`,
      method: 'GET',
      headers: {
        'user-agent': this.limits.userAgent,
        accept: ACCEPT,
        'accept-encoding': ACCEPT_ENCODING,
        // Stored validators come from the final URL's 200, so they go on every hop that may lead there.
        ...(validators.etag ? { 'if-none-match': validators.etag } : {}),
        ...(validators.lastModified ? { 'if-modified-since': validators.lastModified } : {}),
      },
      // No pooling: each exchange owns its socket, so destroying the request always closes it.
      agent: false,
      lookup: createGuardedLookup(this.resolve, this.policy, hop),
      signal,
    });
    return new Promise((resolve, reject) => {
      const { connectTimeoutMs } = this.limits;
      const connectTimer = setTimeout(
        () => request.destroy(new ConnectTimeoutError(connectTimeoutMs)),
        connectTimeoutMs,
      );
      request.once('socket', (socket) => {
        socket.once(secure ? 'secureConnect' : 'connect', () => clearTimeout(connectTimer));
      });
      request.once('response', (response) => {
        clearTimeout(connectTimer);
        resolve({ request, response });
      });
      // Stays attached after the response: a later destroy must not become an unhandled 'error' event.
      request.on('error', (error) => {
        clearTimeout(connectTimer);
        reject(error);
      });
      request.end();
    });
  }

  private async interpret(response: IncomingMessage, url: URL, signal: AbortSignal): Promise<HopOutcome> {
    const status = response.statusCode ?? 0;
    const { headers } = response;
    if (REDIRECT_STATUSES.has(status))
      return { kind: 'redirect', location: resolveLocation(headers.location, url, status) };
    if (status === 304) return { kind: 'not-modified' };
    if (status === 410) return { kind: 'gone', status: 410 };
    if (status >= 200 && status < 300) {
      const bytes = await readCappedBody(
        response,
        headers['content-encoding'],
        this.limits.maxBodyBytes,
        signal,
      );
      const { text } = decodeBody(bytes, headers['content-type']);
      // Validators describe this exact representation; only a full 200 may replace the stored ones.
      const fromFullResponse = status === 200;
      return {
        kind: 'ok',
        body: text,
        finalUrl: url.href,
        ...(fromFullResponse && headers.etag ? { etag: headers.etag } : {}),
        ...(fromFullResponse && headers['last-modified'] ? { lastModified: headers['last-modified'] } : {}),
      };
    }
    const retryAfterSeconds = RETRY_LATER_STATUSES.has(status)
      ? parseRetryAfter(headers['retry-after'], this.clock.now())
      : undefined;
    return {
      kind: 'failed',
      reason: `HTTP ${status}`,
      status,
      ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}),
    };
  }
}

function parseUrl(url: string): URL {
  try {
    return new URL(url);
  } catch {
    throw new InvalidUrlError(url);
  }
}

/** Location may be relative to the URL that answered with it. */
function resolveLocation(location: string | undefined, base: URL, status: number): URL {
  if (!location) throw new BadRedirectError(status, location);
  try {
    return new URL(location, base);
  } catch {
    throw new BadRedirectError(status, location);
  }
}

/**
 * An abort is reported as the deadline that caused it; our own errors pass through; anything else (socket,
 * DNS, TLS, parser) is a network error described in words.
 */
function toFetchError(error: unknown, deadline: AbortSignal): FetchError {
  if (error instanceof FetchError) return error;
  if (deadline.aborted && deadline.reason instanceof FetchError) return deadline.reason;
  return new NetworkError(error);
}
