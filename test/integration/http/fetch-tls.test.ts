import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { HttpFeedFetcher } from '../../../lambda/adapters/http/safe-feed-fetcher';

describe('HttpFeedFetcher over TLS', () => {
  let server: Server;
  let port: number;
  const sockets = new Set<Socket>();
  let directory: string;

  beforeAll(async () => {
    // A throwaway self-signed certificate: real TLS, but one no trust store vouches for.
    directory = mkdtempSync(join(tmpdir(), 'tiewatch-tls-'));
    const key = join(directory, 'key.pem');
    const cert = join(directory, 'cert.pem');
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=localhost',
        '-keyout',
        key,
        '-out',
        cert,
      ],
      { stdio: 'ignore' },
    );
    server = createServer({ key: readFileSync(key), cert: readFileSync(cert) }, (_request, response) => {
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
    rmSync(directory, { recursive: true, force: true });
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
