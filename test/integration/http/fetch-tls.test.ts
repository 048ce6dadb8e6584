import { createServer, type Server } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { HttpFeedFetcher } from '../../../lambda/adapters/http/safe-feed-fetcher';
import { makeLoopbackCertificate, type SelfSignedCertificate } from '../../support/self-signed-certificate';

describe('HttpFeedFetcher over TLS', () => {
  let server: Server;
  let port: number;
  const sockets = new Set<Socket>();
  let certificate: SelfSignedCertificate;

  beforeAll(async () => {
    // Real TLS, with a certificate no trust store vouches for.
    certificate = makeLoopbackCertificate();
    server = createServer({ key: certificate.key, cert: certificate.cert }, (_request, response) => {
      response.end('<rss version="2.0"><channel/></rss>');
    });
    server.on('connection', (socket: Socket) => {
      sockets.add(socket);
      socket.once('close', () => sockets.delete(socket));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    certificate.remove();
  });

  it('refuses a certificate nobody vouches for, in words, and closes the connection', async () => {
    const fetcher = new HttpFeedFetcher({ allowPrivateNetwork: true });

    const result = await fetcher.fetch(`https://127.0.0.1:${port}/feed`, {});

    expect(result).toEqual({
      kind: 'failed',
      reason: 'TLS certificate problem (DEPTH_ZERO_SELF_SIGNED_CERT)',
    });
    await vi.waitFor(() => expect(sockets.size).toBe(0), { timeout: 5_000 });
  });
});
