import type { LookupAddress } from 'node:dns';
import { afterEach, describe, expect, it } from 'vitest';
import { HttpFeedFetcher } from '../../../lambda/adapters/http/safe-feed-fetcher';
import { type LoopbackServer, startLoopbackServer } from './loopback-server';

/** A server that holds each response a while and records the most requests it had in flight at once, per host. */
async function startSlowServer(holdMs: number) {
  const inFlight = new Map<string, number>();
  const peak = new Map<string, number>();
  const server = await startLoopbackServer((request, response) => {
    const host = (request.headers.host ?? '').split(':')[0] ?? '';
    const now = (inFlight.get(host) ?? 0) + 1;
    inFlight.set(host, now);
    peak.set(host, Math.max(peak.get(host) ?? 0, now));
    setTimeout(() => {
      inFlight.set(host, (inFlight.get(host) ?? 1) - 1);
      response.end('<rss version="2.0"><channel/></rss>');
    }, holdMs);
  });
  return { server, peak };
}

const toLoopback = async (): Promise<LookupAddress[]> => [{ address: '127.0.0.1', family: 4 }];

describe('HttpFeedFetcher per-host politeness', () => {
  let server: LoopbackServer | undefined;

  afterEach(async () => {
    await server?.waitUntilAllClosed();
    await server?.close();
    server = undefined;
  });

  it('keeps at most two requests in flight to one host', async () => {
    const slow = await startSlowServer(150);
    server = slow.server;
    const fetcher = new HttpFeedFetcher({ allowPrivateNetwork: true });

    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) => fetcher.fetch(slow.server.url(`/feed/${i}`), {})),
    );

    expect(results.every((result) => result.kind === 'ok')).toBe(true);
    expect(slow.peak.get('127.0.0.1')).toBe(2);
  });

  it('limits each host on its own, so one busy host does not hold up another', async () => {
    const slow = await startSlowServer(300);
    server = slow.server;
    const fetcher = new HttpFeedFetcher({ allowPrivateNetwork: true, resolve: toLoopback });
    const urls = ['a.test', 'b.test'].flatMap((host) =>
      [1, 2, 3].map((i) => `http://${host}:${slow.server.port}/feed/${i}`),
    );

    await Promise.all(urls.map((url) => fetcher.fetch(url, {})));

    expect(slow.peak).toEqual(
      new Map([
        ['a.test', 2],
        ['b.test', 2],
      ]),
    );
  });

  it('honours a configured limit of one', async () => {
    const slow = await startSlowServer(50);
    server = slow.server;
    const fetcher = new HttpFeedFetcher({ allowPrivateNetwork: true, perHostConcurrency: 1 });

    await Promise.all(Array.from({ length: 4 }, (_, i) => fetcher.fetch(slow.server.url(`/feed/${i}`), {})));

    expect(slow.peak.get('127.0.0.1')).toBe(1);
  });
});
