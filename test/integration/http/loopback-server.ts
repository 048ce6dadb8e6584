import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterEach, vi } from 'vitest';

/** A real HTTP server on 127.0.0.1 that records what the fetcher did to it. */
export interface LoopbackServer {
  /** `http://127.0.0.1:<port><path>` */
  url(path?: string): string;
  port: number;
  /** Request headers in arrival order. */
  requests: IncomingMessage['headers'][];
  /** TCP connections accepted so far. */
  connectionsOpened(): number;
  /** Resolves once every accepted connection has been closed (fails the test after a few seconds). */
  waitUntilAllClosed(): Promise<void>;
  close(): Promise<void>;
}

export type Handler = (request: IncomingMessage, response: ServerResponse) => void;

/** Starts a loopback server whose behaviour the test supplies; each test closes its own. */
export async function startLoopbackServer(handler: Handler): Promise<LoopbackServer> {
  const sockets = new Set<Socket>();
  let opened = 0;
  const requests: IncomingMessage['headers'][] = [];
  const server: Server = createServer((request, response) => {
    requests.push(request.headers);
    handler(request, response);
  });
  server.on('connection', (socket) => {
    opened += 1;
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    url: (path = '/feed') => `http://127.0.0.1:${port}${path}`,
    requests,
    connectionsOpened: () => opened,
    waitUntilAllClosed: () =>
      vi.waitFor(
        () => {
          if (sockets.size > 0) throw new Error(`${sockets.size} connection(s) still open`);
        },
        { timeout: 5_000, interval: 20 },
      ),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * For a describe block whose tests each start one server: `serve(handler)` starts it, and after each test
 * the block checks the fetcher left no connection open (seen from the server's side), then closes it.
 */
export function useLoopbackServer(): (handler: Handler) => Promise<LoopbackServer> {
  let server: LoopbackServer | undefined;
  afterEach(async () => {
    await server?.waitUntilAllClosed();
    await server?.close();
    server = undefined;
  });
  return async (handler) => {
    server = await startLoopbackServer(handler);
    return server;
  };
}
