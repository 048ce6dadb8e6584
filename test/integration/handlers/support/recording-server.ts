import {
  createServer as createHttpServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo, Server, Socket } from 'node:net';

/** One request as the server read it, body included. */
export interface RecordedRequest {
  method: string;
  /** Path and query, as sent. */
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface Reply {
  status: number;
  headers?: Record<string, string>;
  body: string;
}

/** Decides the reply to one request; may throw, which the server answers with a 500 naming the problem. */
export type Answer = (request: RecordedRequest) => Reply;

export interface RecordingServer {
  /** `http(s)://127.0.0.1:<port>` */
  origin: string;
  /** Every request in arrival order. */
  requests: RecordedRequest[];
  close(): Promise<void>;
}

/**
 * A real HTTP server on 127.0.0.1 that reads whole requests, records them and answers as the test says. With
 * a key and certificate it speaks TLS, for a client that only accepts https URLs.
 */
export async function startRecordingServer(
  answer: Answer,
  tls?: { key: string; cert: string },
): Promise<RecordingServer> {
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  const listener = (request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const recorded: RecordedRequest = {
        method: request.method ?? '',
        url: request.url ?? '',
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(recorded);
      let reply: Reply;
      try {
        reply = answer(recorded);
      } catch (error) {
        reply = { status: 500, body: `stand-in could not answer: ${(error as Error).message}` };
      }
      response.writeHead(reply.status, reply.headers);
      response.end(reply.body);
    });
  };
  const server: Server = tls ? createHttpsServer(tls, listener) : createHttpServer(listener);
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `${tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        // Clients keep connections alive between calls; the test is over, so they go too.
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
