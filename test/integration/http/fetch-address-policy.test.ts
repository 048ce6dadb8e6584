import type { LookupAddress } from 'node:dns';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type AddressPolicy, judgeAddress } from '../../../lambda/adapters/http/address-policy';
import { HttpFeedFetcher } from '../../../lambda/adapters/http/safe-feed-fetcher';
import { type LoopbackServer, startLoopbackServer } from './loopback-server';

const RSS = '<rss version="2.0"><channel><title>ok</title></channel></rss>';

/** Test names resolve to whatever the test says, as a hostile DNS server could make them. */
function resolverFor(table: Record<string, string[]>) {
  return async (hostname: string): Promise<LookupAddress[]> => {
    const addresses = table[hostname];
    if (!addresses) throw Object.assign(new Error(`unknown ${hostname}`), { code: 'ENOTFOUND' });
    return addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };
}

/** The default policy, except that our loopback server stands in for a public host. */
const loopbackIsPublic: AddressPolicy = (address) =>
  address === '127.0.0.1' ? { allowed: true } : judgeAddress(address);

describe('HttpFeedFetcher address policy', () => {
  let server: LoopbackServer;
  let redirectTo = '';

  beforeEach(async () => {
    server = await startLoopbackServer((request, response) => {
      if (request.url === '/redirect') {
        response.writeHead(302, { location: redirectTo });
        response.end();
        return;
      }
      response.end(RSS);
    });
  });

  afterEach(async () => {
    await server.waitUntilAllClosed();
    await server.close();
  });

  it.each([
    ['http://127.0.0.1:PORT/feed', 'a loopback address 127.0.0.1 refused'],
    ['http://2130706433:PORT/feed', 'a loopback address 127.0.0.1 refused'],
    ['http://0x7f.1:PORT/feed', 'a loopback address 127.0.0.1 refused'],
    ['http://0177.0.0.1:PORT/feed', 'a loopback address 127.0.0.1 refused'],
    ['http://127.1:PORT/feed', 'a loopback address 127.0.0.1 refused'],
    ['http://[::1]:PORT/feed', 'a loopback address ::1 refused'],
    ['http://[::ffff:127.0.0.1]:PORT/feed', 'a loopback address ::ffff:7f00:1 refused'],
    ['http://[::ffff:a9fe:a9fe]/latest/meta-data/', 'a cloud metadata address ::ffff:a9fe:a9fe refused'],
    ['http://169.254.169.254/latest/meta-data/', 'a cloud metadata address 169.254.169.254 refused'],
    ['http://[fd00:ec2::254]/latest/meta-data/', 'a cloud metadata address fd00:ec2::254 refused'],
    ['http://10.0.0.1/feed', 'a private address 10.0.0.1 refused'],
    ['http://100.64.1.1/feed', 'a carrier-grade NAT address 100.64.1.1 refused'],
    ['http://0.0.0.0:PORT/feed', 'an unspecified address 0.0.0.0 refused'],
  ])('refuses %s without connecting', async (template, reason) => {
    const fetcher = new HttpFeedFetcher();

    const result = await fetcher.fetch(template.replace('PORT', String(server.port)), {});

    expect(result).toEqual({ kind: 'failed', reason });
    expect(server.connectionsOpened()).toBe(0);
  });

  it('refuses localhost once it resolves to a loopback address', async () => {
    const fetcher = new HttpFeedFetcher();

    const result = await fetcher.fetch(`http://localhost:${server.port}/feed`, {});

    expect(result).toMatchObject({
      kind: 'failed',
      reason: expect.stringMatching(/^a loopback address \S+ refused$/),
    });
    expect(server.connectionsOpened()).toBe(0);
  });

  it('refuses a name that resolves to a private address', async () => {
    const fetcher = new HttpFeedFetcher({ resolve: resolverFor({ 'intranet.test': ['192.168.10.5'] }) });

    expect(await fetcher.fetch(`http://intranet.test:${server.port}/feed`, {})).toEqual({
      kind: 'failed',
      reason: 'a private address 192.168.10.5 refused',
    });
  });

  it('refuses a name when any of its addresses is private', async () => {
    const fetcher = new HttpFeedFetcher({
      resolve: resolverFor({ 'mixed.test': ['127.0.0.1', '10.1.2.3'] }),
      addressPolicy: loopbackIsPublic,
    });

    const result = await fetcher.fetch(`http://mixed.test:${server.port}/feed`, {});

    expect(result).toEqual({ kind: 'failed', reason: 'a private address 10.1.2.3 refused' });
    expect(server.connectionsOpened()).toBe(0);
  });

  it('fetches from a name whose addresses the policy allows', async () => {
    const fetcher = new HttpFeedFetcher({
      resolve: resolverFor({ 'news.test': ['127.0.0.1'] }),
      addressPolicy: loopbackIsPublic,
    });

    const result = await fetcher.fetch(`http://news.test:${server.port}/feed`, {});

    expect(result).toMatchObject({ kind: 'ok', body: RSS, finalUrl: `http://news.test:${server.port}/feed` });
  });

  it('judges the address at connect time, so a name rebound to a private address is refused', async () => {
    const answers = [['127.0.0.1'], ['169.254.169.254']];
    let lookups = 0;
    const fetcher = new HttpFeedFetcher({
      resolve: async () => {
        const addresses = answers[Math.min(lookups, answers.length - 1)] ?? [];
        lookups += 1;
        return addresses.map((address) => ({ address, family: 4 }));
      },
      addressPolicy: loopbackIsPublic,
    });
    const url = `http://rebinding.test:${server.port}/feed`;

    expect(await fetcher.fetch(url, {})).toMatchObject({ kind: 'ok' });
    expect(await fetcher.fetch(url, {})).toEqual({
      kind: 'failed',
      reason: 'a cloud metadata address 169.254.169.254 refused',
    });
    expect(server.connectionsOpened()).toBe(1);
  });

  it.each([
    ['http://10.0.0.1/feed', 'redirect to a private address 10.0.0.1 refused'],
    [
      'http://[::ffff:a9fe:a9fe]/latest/meta-data/',
      'redirect to a cloud metadata address ::ffff:a9fe:a9fe refused',
    ],
    ['http://167772161/', 'redirect to a private address 10.0.0.1 refused'],
    ['http://0xa9.0xfe.0xa9.0xfe/', 'redirect to a cloud metadata address 169.254.169.254 refused'],
    [
      'http://metadata.test/latest/meta-data/',
      'redirect to a cloud metadata address 169.254.169.254 refused',
    ],
  ])('refuses a redirect to %s though the first hop was allowed', async (location, reason) => {
    redirectTo = location;
    const fetcher = new HttpFeedFetcher({
      resolve: resolverFor({ 'news.test': ['127.0.0.1'], 'metadata.test': ['169.254.169.254'] }),
      addressPolicy: (address) => (address === '127.0.0.1' ? { allowed: true } : judgeAddress(address)),
    });

    const result = await fetcher.fetch(`http://news.test:${server.port}/redirect`, {});

    expect(result).toEqual({ kind: 'failed', reason });
    expect(server.connectionsOpened()).toBe(1);
  });

  it('refuses a redirect back to loopback under the default policy', async () => {
    redirectTo = `http://localhost:${server.port}/feed`;
    const fetcher = new HttpFeedFetcher({
      resolve: resolverFor({ 'news.test': ['127.0.0.1'], localhost: ['127.0.0.1'] }),
      addressPolicy: (address) =>
        server.connectionsOpened() === 0 ? { allowed: true } : judgeAddress(address),
    });

    expect(await fetcher.fetch(`http://news.test:${server.port}/redirect`, {})).toEqual({
      kind: 'failed',
      reason: 'redirect to a loopback address 127.0.0.1 refused',
    });
  });

  it('lets loopback through when private networks are allowed', async () => {
    const fetcher = new HttpFeedFetcher({ allowPrivateNetwork: true });

    expect(await fetcher.fetch(server.url(), {})).toMatchObject({ kind: 'ok', body: RSS });
  });
});
