import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FeedApiDeps, FeedApiLogger, FeedRequest } from '../../lambda/feed-api/feed-api-types';
import { handleFeedRequest } from '../../lambda/feed-api/handle-feed-request';

export interface FeedServerOptions {
  alerts: FeedApiDeps['alerts'];
  baseline: FeedApiDeps['baseline'];
  /** @default 0 (any free port) */
  port?: number;
  /** @default '127.0.0.1' — the alerts are public, but a developer's machine is not a server */
  host?: string;
  /** @default errors to stderr */
  logger?: FeedApiLogger;
}

export interface FeedServer {
  /** e.g. `http://127.0.0.1:8787/`. */
  url: string;
  close(): Promise<void>;
}

const stderrLogger: FeedApiLogger = {
  error: (message, details) => console.error(message, details.requestId, details.error),
};

function requestOf(message: IncomingMessage, requestId: string): FeedRequest {
  const url = new URL(message.url ?? '/', 'http://local');
  const query: Record<string, string> = {};
  // Repeated parameters arrive comma-joined, as API Gateway passes them to the Lambda.
  for (const name of new Set(url.searchParams.keys())) query[name] = url.searchParams.getAll(name).join(',');
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(message.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return { method: message.method ?? 'GET', path: url.pathname, query, headers, requestId };
}

/**
 * Serves the feed API on loopback with node:http: the same handleFeedRequest the feed Lambda runs, so
 * `npm start`, `tiewatch serve` and the tests see exactly what API Gateway users see.
 */
export async function startFeedServer(options: FeedServerOptions): Promise<FeedServer> {
  const deps: FeedApiDeps = {
    alerts: options.alerts,
    baseline: options.baseline,
    logger: options.logger ?? stderrLogger,
  };
  let requestCount = 0;
  const server = createServer((message, reply) => {
    requestCount += 1;
    const requestId = `local-${requestCount}`;
    handleFeedRequest(deps, requestOf(message, requestId))
      .then((response) => {
        reply.writeHead(response.status, response.headers);
        reply.end(response.body);
      })
      // handleFeedRequest answers its own failures; this catches only writing the answer (a closed socket).
      .catch((error: unknown) => {
        deps.logger.error('feed server could not answer', { requestId, error });
        reply.destroy();
      });
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${port}/`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Keep-alive sockets from feed readers or browsers would otherwise hold close() open.
        server.closeAllConnections();
      }),
  };
}
