import { createGzip, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { HttpFeedFetcher } from '../../../lambda/adapters/http/safe-feed-fetcher';
import { useLoopbackServer } from './loopback-server';

const MIB = 1024 * 1024;

describe('HttpFeedFetcher limits', () => {
  // Every test ends with the server seeing each connection closed: the fetcher leaves no socket open.
  const serve = useLoopbackServer();

  it('gives up on a server that never answers at the deadline', async () => {
    const fetcher = new HttpFeedFetcher({ allowPrivateNetwork: true, deadlineMs: 1_000 });
    const feed = await serve(() => {
      // Accept the request and say nothing.
    });

    expect(await fetcher.fetch(feed.url(), {})).toEqual({ kind: 'failed', reason: 'timed out after 1 s' });
  });

  it('gives up on a server that drips its body byte by byte at the deadline', async () => {
    const fetcher = new HttpFeedFetcher({ allowPrivateNetwork: true, deadlineMs: 1_000 });
    let bytesSent = 0;
    const feed = await serve((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/rss+xml' });
      const drip = setInterval(() => {
        response.write('<');
        bytesSent += 1;
      }, 50);
      response.once('close', () => clearInterval(drip));
    });

    expect(await fetcher.fetch(feed.url(), {})).toEqual({ kind: 'failed', reason: 'timed out after 1 s' });
    expect(bytesSent).toBeGreaterThan(0);
  });

  it('counts every redirect hop against the one deadline', async () => {
    const fetcher = new HttpFeedFetcher({ allowPrivateNetwork: true, deadlineMs: 1_000, maxRedirects: 20 });
    const feed = await serve((request, response) => {
      // Each hop alone is well inside the deadline; together they are not.
      const hop = Number(request.url?.slice(1));
      setTimeout(() => {
        response.writeHead(302, { location: `/${hop + 1}` });
        response.end();
      }, 300);
    });

    expect(await fetcher.fetch(feed.url('/0'), {})).toEqual({
      kind: 'failed',
      reason: 'timed out after 1 s',
    });
    expect(feed.requests.length).toBeGreaterThanOrEqual(3);
    expect(feed.requests.length).toBeLessThanOrEqual(5);
  });

  it('gives up when the connection is not up within the connect timeout', async () => {
    // A resolver that never answers stands in for an unreachable host: the connect timer covers the lookup.
    const fetcher = new HttpFeedFetcher({
      allowPrivateNetwork: true,
      connectTimeoutMs: 300,
      resolve: () => new Promise(() => {}),
    });

    expect(await fetcher.fetch('http://unreachable.test/feed', {})).toEqual({
      kind: 'failed',
      reason: 'could not connect within 300 ms',
    });
  });

  it('stops reading an endless body at the cap', async () => {
    const fetcher = new HttpFeedFetcher({ allowPrivateNetwork: true, maxBodyBytes: MIB });
    const feed = await serve((_request, response) => {
      const chunk = Buffer.alloc(64 * 1024, 'x');
      const pump = () => {
        while (!response.destroyed && response.write(chunk)) {
          // keep writing until the socket pushes back
        }
      };
      response.on('drain', pump);
      pump();
    });

    expect(await fetcher.fetch(feed.url(), {})).toEqual({ kind: 'failed', reason: 'body exceeds 1 MiB' });
  });

  it('accepts a body of exactly the cap and refuses one byte more', async () => {
    const fetcher = new HttpFeedFetcher({ allowPrivateNetwork: true, maxBodyBytes: 1000 });
    const feed = await serve((request, response) =>
      response.end('a'.repeat(request.url === '/over' ? 1001 : 1000)),
    );

    expect(await fetcher.fetch(feed.url('/exact'), {})).toMatchObject({ kind: 'ok', body: 'a'.repeat(1000) });
    expect(await fetcher.fetch(feed.url('/over'), {})).toEqual({
      kind: 'failed',
      reason: 'body exceeds 1000 bytes',
    });
  });

  it('counts the cap after decompression: a small gzip that inflates past it is refused', async () => {
    const fetcher = new HttpFeedFetcher({ allowPrivateNetwork: true, maxBodyBytes: MIB });
    const bomb = gzipSync(Buffer.alloc(64 * MIB));
    expect(bomb.length).toBeLessThan(MIB);
    const feed = await serve((_request, response) => {
      response.writeHead(200, { 'content-encoding': 'gzip' });
      response.end(bomb);
    });

    expect(await fetcher.fetch(feed.url(), {})).toEqual({ kind: 'failed', reason: 'body exceeds 1 MiB' });
  });

  it('stops an endless gzip bomb early, with the wire bytes it read bounded', async () => {
    const fetcher = new HttpFeedFetcher({ allowPrivateNetwork: true, maxBodyBytes: MIB });
    let compressedBytesSent = 0;
    let closed = false;
    const feed = await serve((_request, response) => {
      response.writeHead(200, { 'content-encoding': 'gzip', 'content-type': 'application/rss+xml' });
      response.once('close', () => {
        closed = true;
      });
      // Zeros compress about a thousandfold: every MiB on the wire is a GiB once inflated.
      const gzip = createGzip();
      gzip.on('data', (chunk: Buffer) => {
        compressedBytesSent += chunk.length;
        if (!response.write(chunk)) gzip.pause();
      });
      response.on('drain', () => gzip.resume());
      const zeros = Buffer.alloc(MIB);
      const feedZeros = () => {
        while (!closed && gzip.write(zeros)) {
          // fill until zlib pushes back
        }
        if (!closed) gzip.once('drain', feedZeros);
      };
      feedZeros();
      response.once('close', () => gzip.destroy());
    });

    const result = await fetcher.fetch(feed.url(), {});

    // Had the body been buffered whole, this would end at the deadline instead.
    expect(result).toEqual({ kind: 'failed', reason: 'body exceeds 1 MiB' });
    // Less went onto the wire than the cap itself, so only counting inflated bytes could have stopped it.
    expect(compressedBytesSent).toBeLessThan(MIB);
  });
});
