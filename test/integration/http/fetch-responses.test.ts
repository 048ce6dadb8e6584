import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { HttpFeedFetcher } from '../../../lambda/adapters/http/safe-feed-fetcher';
import { type LoopbackServer, startLoopbackServer, useLoopbackServer } from './loopback-server';

const RSS =
  '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Пекин</title></channel></rss>';

describe('HttpFeedFetcher responses', () => {
  // Every test ends with the server seeing each connection closed: the fetcher leaves no socket open.
  const serve = useLoopbackServer();
  const fetcher = new HttpFeedFetcher({ allowPrivateNetwork: true, deadlineMs: 5_000 });

  it('returns the body, final URL and validators of a 200', async () => {
    const feed = await serve((_request, response) => {
      response.writeHead(200, {
        'content-type': 'application/rss+xml; charset=utf-8',
        etag: '"v1"',
        'last-modified': 'Sun, 01 Mar 2026 10:00:00 GMT',
      });
      response.end(RSS);
    });

    const result = await fetcher.fetch(feed.url(), {});

    expect(result).toEqual({
      kind: 'ok',
      body: RSS,
      finalUrl: feed.url(),
      etag: '"v1"',
      lastModified: 'Sun, 01 Mar 2026 10:00:00 GMT',
    });
  });

  it('announces itself honestly and asks for feeds in a compressed form', async () => {
    const feed = await serve((_request, response) => response.end(RSS));

    await fetcher.fetch(feed.url(), {});

    expect(feed.requests[0]).toMatchObject({
      'user-agent': expect.stringMatching(/^tiewatch\/\S+ \(\+https:\/\/github\.com\/tiewatch\/tiewatch\)$/),
      accept: expect.stringMatching(/^application\/rss\+xml, application\/atom\+xml/),
      'accept-encoding': 'gzip, deflate, br',
    });
  });

  it('sends the stored validators and reports a 304 as not modified', async () => {
    const feed = await serve((request, response) => {
      const fresh = request.headers['if-none-match'] === '"v1"';
      response.writeHead(fresh ? 304 : 200, { etag: '"v1"' });
      response.end(fresh ? undefined : RSS);
    });

    const result = await fetcher.fetch(feed.url(), {
      etag: '"v1"',
      lastModified: 'Sun, 01 Mar 2026 10:00:00 GMT',
    });

    expect(result).toEqual({ kind: 'not-modified' });
    expect(feed.requests[0]).toMatchObject({
      'if-none-match': '"v1"',
      'if-modified-since': 'Sun, 01 Mar 2026 10:00:00 GMT',
    });
  });

  it('sends no conditional headers when it has no validators', async () => {
    const feed = await serve((_request, response) => response.end(RSS));

    await fetcher.fetch(feed.url(), {});

    expect(feed.requests[0]).not.toHaveProperty('if-none-match');
    expect(feed.requests[0]).not.toHaveProperty('if-modified-since');
  });

  it('keeps validators only from a 200, not from another success status', async () => {
    const feed = await serve((_request, response) => {
      response.writeHead(203, { etag: '"partial"', 'last-modified': 'Sun, 01 Mar 2026 10:00:00 GMT' });
      response.end(RSS);
    });

    const result = await fetcher.fetch(feed.url(), {});

    expect(result).toEqual({ kind: 'ok', body: RSS, finalUrl: feed.url() });
  });

  it('reports a 410 as gone', async () => {
    const feed = await serve((_request, response) => {
      response.writeHead(410);
      response.end('retired');
    });

    expect(await fetcher.fetch(feed.url(), {})).toEqual({ kind: 'gone', status: 410 });
  });

  it.each([404, 403, 500, 502])('reports HTTP %i as a failure with its status', async (status) => {
    const feed = await serve((_request, response) => {
      response.writeHead(status);
      response.end('no feed here');
    });

    expect(await fetcher.fetch(feed.url(), {})).toEqual({ kind: 'failed', reason: `HTTP ${status}`, status });
  });

  it('passes on a 429 Retry-After given in seconds', async () => {
    const feed = await serve((_request, response) => {
      response.writeHead(429, { 'retry-after': '120' });
      response.end();
    });

    expect(await fetcher.fetch(feed.url(), {})).toEqual({
      kind: 'failed',
      reason: 'HTTP 429',
      status: 429,
      retryAfterSeconds: 120,
    });
  });

  it('passes on a 503 Retry-After given as an HTTP-date', async () => {
    const now = new Date('2026-03-01T12:00:00Z');
    const clocked = new HttpFeedFetcher({ allowPrivateNetwork: true, clock: { now: () => now } });
    const feed = await serve((_request, response) => {
      response.writeHead(503, { 'retry-after': 'Sun, 01 Mar 2026 12:30:00 GMT' });
      response.end();
    });

    expect(await clocked.fetch(feed.url(), {})).toEqual({
      kind: 'failed',
      reason: 'HTTP 503',
      status: 503,
      retryAfterSeconds: 1800,
    });
  });

  it('fails a 503 without Retry-After with no retry hint', async () => {
    const feed = await serve((_request, response) => {
      response.writeHead(503);
      response.end();
    });

    expect(await fetcher.fetch(feed.url(), {})).toEqual({ kind: 'failed', reason: 'HTTP 503', status: 503 });
  });

  it.each([
    ['gzip', gzipSync],
    ['deflate', deflateSync],
    ['br', brotliCompressSync],
  ])('undoes %s content encoding', async (encoding, compress) => {
    const feed = await serve((_request, response) => {
      response.writeHead(200, { 'content-encoding': encoding, 'content-type': 'application/xml' });
      response.end(compress(Buffer.from(RSS)));
    });

    expect(await fetcher.fetch(feed.url(), {})).toMatchObject({ kind: 'ok', body: RSS });
  });

  it('fails a body that claims gzip but is not', async () => {
    const feed = await serve((_request, response) => {
      response.writeHead(200, { 'content-encoding': 'gzip' });
      response.end(RSS);
    });

    expect(await fetcher.fetch(feed.url(), {})).toEqual({
      kind: 'failed',
      reason: 'response body is corrupt (bad compression or cut off)',
    });
  });

  it('fails an encoding it cannot undo', async () => {
    const feed = await serve((_request, response) => {
      response.writeHead(200, { 'content-encoding': 'compress' });
      response.end(RSS);
    });

    expect(await fetcher.fetch(feed.url(), {})).toEqual({
      kind: 'failed',
      reason: 'unsupported content encoding "compress"',
    });
  });

  it('fails a body cut off before its announced length', async () => {
    const feed = await serve((_request, response) => {
      response.writeHead(200, { 'content-length': '5000' });
      response.write(RSS);
      setTimeout(() => response.destroy(), 50);
    });

    expect(await fetcher.fetch(feed.url(), {})).toEqual({
      kind: 'failed',
      reason: 'connection reset by the server',
    });
  });

  it('reports a refused connection in words', async () => {
    const feed = await serve((_request, response) => response.end(RSS));
    const url = feed.url();
    await feed.close();

    expect(await fetcher.fetch(url, {})).toEqual({ kind: 'failed', reason: 'connection refused' });
  });
});

describe('HttpFeedFetcher redirects', () => {
  let server: LoopbackServer | undefined;
  const fetcher = new HttpFeedFetcher({ allowPrivateNetwork: true, deadlineMs: 5_000 });

  afterEach(async () => {
    await server?.waitUntilAllClosed();
    await server?.close();
    server = undefined;
  });

  it.each([301, 302, 303, 307, 308])(
    'follows a relative Location on %i and returns the final URL',
    async (status) => {
      server = await startLoopbackServer((request, response) => {
        if (request.url === '/old/feed') {
          response.writeHead(status, { location: '../new/feed.xml?x=1' });
          response.end();
          return;
        }
        response.end(`served ${request.url}`);
      });

      const result = await fetcher.fetch(server.url('/old/feed'), {});

      expect(result).toEqual({
        kind: 'ok',
        body: 'served /new/feed.xml?x=1',
        finalUrl: server.url('/new/feed.xml?x=1'),
      });
    },
  );

  it('follows exactly maxRedirects hops', async () => {
    server = await startLoopbackServer((request, response) => {
      const hop = Number(request.url?.slice(1));
      if (hop < 5) {
        response.writeHead(302, { location: `/${hop + 1}` });
        response.end();
        return;
      }
      response.end('arrived');
    });

    expect(await fetcher.fetch(server.url('/0'), {})).toMatchObject({ kind: 'ok', body: 'arrived' });
  });

  it('gives up on a redirect loop after maxRedirects', async () => {
    server = await startLoopbackServer((request, response) => {
      response.writeHead(302, { location: request.url === '/a' ? '/b' : '/a' });
      response.end();
    });

    const result = await fetcher.fetch(server.url('/a'), {});

    expect(result).toEqual({ kind: 'failed', reason: 'too many redirects (6)' });
    expect(server.requests).toHaveLength(6);
  });

  it('fails a redirect without a Location', async () => {
    server = await startLoopbackServer((_request, response) => {
      response.writeHead(301);
      response.end();
    });

    expect(await fetcher.fetch(server.url(), {})).toEqual({
      kind: 'failed',
      reason: 'HTTP 301 redirect without a Location header',
      status: 301,
    });
  });

  it.each(['file:///etc/passwd', 'ftp://example.com/feed', 'gopher://example.com/'])(
    'refuses a redirect to %s',
    async (location) => {
      server = await startLoopbackServer((_request, response) => {
        response.writeHead(302, { location });
        response.end();
      });

      const result = await fetcher.fetch(server.url(), {});

      expect(result).toMatchObject({
        kind: 'failed',
        reason: expect.stringMatching(/^redirect to \w+: URL refused/),
      });
    },
  );
});

describe('HttpFeedFetcher URLs', () => {
  const fetcher = new HttpFeedFetcher({ allowPrivateNetwork: true });

  it.each([
    ['file:///etc/passwd', 'file: URL refused: only http and https are fetched'],
    ['ftp://example.com/feed.xml', 'ftp: URL refused: only http and https are fetched'],
    ['javascript:alert(1)', 'javascript: URL refused: only http and https are fetched'],
    ['data:text/xml,<rss/>', 'data: URL refused: only http and https are fetched'],
    ['not a url', 'not a valid URL: not a url'],
  ])('refuses %s', async (url, reason) => {
    expect(await fetcher.fetch(url, {})).toEqual({ kind: 'failed', reason });
  });
});
