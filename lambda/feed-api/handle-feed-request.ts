import { randomUUID } from 'node:crypto';
import { toAlertView } from '../core/feed-render/alert-view';
import { type FeedChannel, lastChangeOf } from '../core/feed-render/feed-channel';
import { PAGE_CONTENT_SECURITY_POLICY } from '../core/feed-render/page-style';
import { renderHtmlPage } from '../core/feed-render/render-html-page';
import { renderJsonFeed } from '../core/feed-render/render-json-feed';
import { renderAtom, renderRss } from '../core/feed-render/render-xml-feeds';
import type { Alert } from '../core/model/alert';
import { type AlertQuery, InvalidCursorError } from '../ports/alert-store';
import { respondConditionally } from './conditional-get';
import { BadParameterError, MethodNotAllowedError, NotFoundError } from './feed-api-errors';
import type { FeedApiDeps, FeedRequest, FeedResponse } from './feed-api-types';
import { type AlertFilters, parseFeedFilters, parseListQuery } from './parse-alert-filters';
import { problemResponse } from './problem-response';
import { linkTo, publicBaseOf } from './public-urls';
import { RenderedFeedCache } from './rendered-feed-cache';
import { summarizeFacts } from './summarize-facts';

/** Alerts in each feed document and on the HTML page. */
export const FEED_SIZE = 50;

/** Alerts change once per polling cycle (15 minutes by default); a minute of caching costs readers little. */
const CACHE_PUBLIC = 'public, max-age=60';

/** Headers on every answer: public read-only data, never to be sniffed into another type or framed. */
const COMMON_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'access-control-allow-origin': '*',
} as const;

/** Anything but the HTML page: no content of any kind may load, should a browser open it. */
const DATA_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'; sandbox";

const FEED_DESCRIPTION =
  'Changes in Russia–China–North Korea ties against a baseline of facts, from news feeds.';

/** Alert ids are derived hashes and slugs; anything else cannot be one, so it is a 404 without a read. */
const ALERT_ID_PATTERN = /^[A-Za-z0-9._:~-]{1,200}$/;

/** One cache per set of dependencies, so two APIs in one process (tests, a bench) never share documents. */
const renderedFeeds = new WeakMap<FeedApiDeps, RenderedFeedCache>();

function renderedFeedsOf(deps: FeedApiDeps): RenderedFeedCache {
  let cache = renderedFeeds.get(deps);
  if (cache === undefined) {
    cache = new RenderedFeedCache();
    renderedFeeds.set(deps, cache);
  }
  return cache;
}

interface RouteContext {
  deps: FeedApiDeps;
  request: FeedRequest;
  base: string;
  knownFactIds: ReadonlySet<string>;
}

type Route = (context: RouteContext) => Promise<FeedResponse>;

function filtersAsQuery(filters: AlertFilters): Record<string, string | undefined> {
  return {
    kind: filters.kind,
    fact: filters.fact,
    country: filters.country,
    since: filters.since?.toISOString(),
    until: filters.until?.toISOString(),
  };
}

function storeQueryOf(filters: AlertFilters, limit: number, cursor?: string): AlertQuery {
  return {
    kind: filters.kind,
    factId: filters.fact,
    country: filters.country,
    since: filters.since,
    until: filters.until,
    limit,
    cursor,
  };
}

function channelOf(context: RouteContext, filters: AlertFilters, alerts: readonly Alert[]): FeedChannel {
  const query = filtersAsQuery(filters);
  const label = Object.entries(query)
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => `${name} ${value}`)
    .join(', ');
  return {
    title: label === '' ? 'tiewatch alerts' : `tiewatch alerts — ${label}`,
    description: FEED_DESCRIPTION,
    homeUrl: linkTo(context.base, '/', query),
    atomUrl: linkTo(context.base, '/feed.atom', query),
    rssUrl: linkTo(context.base, '/feed.rss', query),
    jsonFeedUrl: linkTo(context.base, '/feed.json', query),
    alertUrl: (alertId) => linkTo(context.base, `/alerts/${encodeURIComponent(alertId)}`),
    // A fixed instant for an empty feed keeps its bytes, and so its ETag, the same from request to request.
    updated: lastChangeOf(alerts) ?? new Date(0),
  };
}

/** The three feed formats differ only in their renderer and media type. */
function feedRoute(
  path: string,
  render: (alerts: readonly Alert[], channel: FeedChannel) => string,
  contentType: string,
): Route {
  return async (context) => {
    const filters = parseFeedFilters(context.request.query, context.knownFactIds);
    const page = await context.deps.alerts.query(storeQueryOf(filters, FEED_SIZE));
    const channel = channelOf(context, filters, page.alerts);
    const url = linkTo(context.base, path, filtersAsQuery(filters));
    const body = renderedFeedsOf(context.deps).render(url, page.alerts, () => render(page.alerts, channel));
    return respondConditionally(context.request, {
      body,
      contentType,
      lastModified: lastChangeOf(page.alerts),
      cacheControl: CACHE_PUBLIC,
      headers: { 'content-security-policy': DATA_CONTENT_SECURITY_POLICY },
    });
  };
}

function jsonResponse(
  context: RouteContext,
  value: unknown,
  lastModified?: Date,
  headers?: Record<string, string>,
) {
  return respondConditionally(context.request, {
    body: JSON.stringify(value),
    contentType: 'application/json; charset=utf-8',
    lastModified,
    cacheControl: CACHE_PUBLIC,
    headers: { ...headers, 'content-security-policy': DATA_CONTENT_SECURITY_POLICY },
  });
}

const listAlerts: Route = async (context) => {
  const query = parseListQuery(context.request.query, context.knownFactIds, 'json');
  const page = await context.deps.alerts.query(storeQueryOf(query, query.limit, query.cursor));
  const next = page.cursor ?? null;
  const nextUrl =
    next === null
      ? undefined
      : linkTo(context.base, '/alerts', {
          ...filtersAsQuery(query),
          limit: String(query.limit),
          cursor: next,
        });
  return jsonResponse(
    context,
    { alerts: page.alerts.map(toAlertView), next },
    lastChangeOf(page.alerts),
    nextUrl === undefined ? {} : { link: `<${nextUrl}>; rel="next"` },
  );
};

async function getAlert(context: RouteContext, id: string): Promise<FeedResponse> {
  if (!ALERT_ID_PATTERN.test(id)) throw new NotFoundError('no alert has this id');
  const alert = await context.deps.alerts.get(id);
  if (alert === undefined) throw new NotFoundError('no alert has this id');
  return jsonResponse(context, toAlertView(alert), lastChangeOf([alert]));
}

const listFacts: Route = async (context) => {
  const facts = await summarizeFacts(context.deps.alerts, context.deps.baseline.facts);
  return jsonResponse(context, { facts });
};

const showPage: Route = async (context) => {
  const query = parseListQuery(context.request.query, context.knownFactIds, 'page');
  const page = await context.deps.alerts.query(storeQueryOf(query, query.limit, query.cursor));
  const filterQuery = filtersAsQuery(query);
  const body = renderHtmlPage({
    alerts: page.alerts,
    facts: context.deps.baseline.facts.map((fact) => ({ id: fact.id, label: fact.statement })),
    filters: { kind: query.kind, fact: query.fact },
    feeds: {
      atom: linkTo(context.base, '/feed.atom', filterQuery),
      rss: linkTo(context.base, '/feed.rss', filterQuery),
      json: linkTo(context.base, '/feed.json', filterQuery),
    },
    olderUrl:
      page.cursor === undefined
        ? undefined
        : linkTo(context.base, '/', { ...filterQuery, limit: String(query.limit), cursor: page.cursor }),
  });
  return respondConditionally(context.request, {
    body,
    contentType: 'text/html; charset=utf-8',
    lastModified: lastChangeOf(page.alerts),
    cacheControl: CACHE_PUBLIC,
    headers: { 'content-security-policy': PAGE_CONTENT_SECURITY_POLICY },
  });
};

const health: Route = async () => ({
  status: 200,
  headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
  body: JSON.stringify({ status: 'ok' }),
});

const ROUTES: Record<string, Route> = {
  '/': showPage,
  '/alerts': listAlerts,
  '/feed.atom': feedRoute('/feed.atom', renderAtom, 'application/atom+xml; charset=utf-8'),
  '/feed.rss': feedRoute('/feed.rss', renderRss, 'application/rss+xml; charset=utf-8'),
  '/feed.json': feedRoute('/feed.json', renderJsonFeed, 'application/feed+json; charset=utf-8'),
  '/facts': listFacts,
  '/health': health,
};

function routeOf(path: string): Route | undefined {
  const normalized = path.length > 1 ? path.replace(/\/+$/, '') : path;
  const exact = ROUTES[normalized];
  if (exact !== undefined) return exact;
  const alertMatch = /^\/alerts\/([^/]+)$/.exec(normalized);
  if (alertMatch?.[1] === undefined) return undefined;
  let id: string;
  try {
    id = decodeURIComponent(alertMatch[1]);
  } catch {
    return undefined;
  }
  return (context) => getAlert(context, id);
}

async function dispatch(deps: FeedApiDeps, request: FeedRequest): Promise<FeedResponse> {
  const route = routeOf(request.path);
  if (route === undefined) throw new NotFoundError('no such resource');
  if (request.method !== 'GET' && request.method !== 'HEAD') throw new MethodNotAllowedError(request.method);
  const context: RouteContext = {
    deps,
    request,
    base: publicBaseOf(request, deps.publicUrl),
    knownFactIds: new Set(deps.baseline.facts.map((fact) => fact.id)),
  };
  const response = await route(context);
  // HEAD answers with GET's headers, validators included, and no body.
  return request.method === 'HEAD' ? { ...response, body: '' } : response;
}

function errorResponse(deps: FeedApiDeps, request: FeedRequest, error: unknown): FeedResponse {
  if (error instanceof BadParameterError) {
    return problemResponse(400, {
      detail: `${error.parameter}: ${error.detail}`,
      parameter: error.parameter,
    });
  }
  if (error instanceof InvalidCursorError) {
    return problemResponse(400, { detail: error.message, parameter: 'cursor' });
  }
  if (error instanceof NotFoundError) return problemResponse(404, { detail: error.detail });
  if (error instanceof MethodNotAllowedError) {
    return problemResponse(405, { detail: `${error.method} is not served here` }, { allow: 'GET, HEAD' });
  }
  const requestId = request.requestId ?? randomUUID();
  deps.logger.error('feed request failed', { requestId, error });
  return problemResponse(500, {
    detail: 'The request failed. Quote the request id if you report it.',
    requestId,
  });
}

/**
 * The alert feed API: one request in, one response out, with no HTTP framework, so the Lambda handler and the
 * local server share it unchanged. Every failure becomes a problem document; only a 500's log entry, keyed by
 * the request id, says what went wrong inside.
 */
export async function handleFeedRequest(deps: FeedApiDeps, request: FeedRequest): Promise<FeedResponse> {
  let response: FeedResponse;
  try {
    response = await dispatch(deps, request);
  } catch (error) {
    response = errorResponse(deps, request, error);
  }
  return { ...response, headers: { ...COMMON_HEADERS, ...response.headers } };
}
