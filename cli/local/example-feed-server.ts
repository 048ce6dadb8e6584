import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import * as z from 'zod';
import type { NewFeed } from '../../lambda/ports/feed-registry';

const EXAMPLES_DIR = fileURLToPath(new URL('../../examples/feeds/', import.meta.url));

const ExampleIndex = z.array(
  z.object({ file: z.string().regex(/^[\w.-]+$/), name: z.string(), contentType: z.string() }),
);

export interface ExampleFeedServer {
  /** The bundled example feeds at this server's URLs, ready for the registry. */
  feeds: NewFeed[];
  origin: string;
  close(): Promise<void>;
}

/**
 * Serves examples/feeds on loopback so `npm start` shows the whole pipeline with no network. Dates in the
 * files are written relative to now (`{{rfc822:-2d}}`, `{{iso:-1d}}`) and fixed when the server starts, so
 * the stories are always recent and a second poll of an unchanged file gets a 304 through its ETag.
 */
export async function startExampleFeedServer(options: { port?: number } = {}): Promise<ExampleFeedServer> {
  const anchor = Date.now();
  const index = ExampleIndex.parse(JSON.parse(readFileSync(`${EXAMPLES_DIR}index.json`, 'utf8')));
  const files = new Map<string, { body: Buffer; etag: string; contentType: string }>(
    index.map((entry) => {
      const body = fillDates(readFileSync(EXAMPLES_DIR + entry.file), anchor);
      const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 20)}"`;
      return [`/${entry.file}`, { body, etag, contentType: entry.contentType }];
    }),
  );
  const server: Server = createServer((req, res) => {
    const file = files.get(new URL(req.url ?? '/', 'http://local').pathname);
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    if (req.headers['if-none-match'] === file.etag) {
      res.writeHead(304, { etag: file.etag }).end();
      return;
    }
    res.writeHead(200, { 'content-type': file.contentType, etag: file.etag }).end(file.body);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    feeds: index.map((entry) => ({ url: `${origin}/${entry.file}`, name: entry.name })),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const DATE_TOKEN = /\{\{(rfc822|iso):-(\d+)d\}\}/g;

/** Placeholders are ASCII, so they can be filled in any ASCII-compatible encoding (windows-1251 too). */
function fillDates(raw: Buffer, anchor: number): Buffer {
  const text = raw.toString('latin1').replace(DATE_TOKEN, (_match, style: string, days: string) => {
    const date = new Date(anchor - Number(days) * 24 * 3600 * 1000);
    return style === 'rfc822' ? date.toUTCString() : date.toISOString();
  });
  return Buffer.from(text, 'latin1');
}
