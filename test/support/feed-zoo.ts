import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';

/**
 * One loopback server with every kind of feed the ingestion must survive: good feeds in several formats
 * and encodings, malformed-but-repairable feeds, and hostile or broken servers. Paths are listed in
 * ZOO_FEEDS with what the cycle must make of each.
 */

const day = (n: number) => new Date(Date.now() - n * 24 * 3600 * 1000);

function rss(items: string[], declaration = '<?xml version="1.0" encoding="UTF-8"?>'): string {
  return `${declaration}<rss version="2.0"><channel><title>Zoo</title><link>https://zoo.example/</link><description>test</description>${items.join('')}</channel></rss>`;
}

function item(title: string, summary: string, link: string, guid = link, published = day(1)): string {
  return `<item><title>${title}</title><link>${link}</link><guid>${guid}</guid><pubDate>${published.toUTCString()}</pubDate><description>${summary}</description></item>`;
}

const GOOD_ITEMS = [
  item(
    'China extends visa-free entry for Russians until September 2027',
    'Beijing said Russian citizens may enter China without a visa until 14 September 2027, extending the one-year trial that began in September 2025.',
    'https://good.example/visa-2027',
  ),
  item(
    'Gazprom says Russian gas exports to China will reach 120 bcm a year',
    'Gazprom said that once Power of Siberia 2 is built Russia will ship 120 billion cubic metres of gas a year to China, more than the 106 bcm announced in Beijing.',
    'https://good.example/gas-120',
  ),
  item(
    'Kenya opens new rail line to Uganda border',
    'The line cuts freight times for exporters.',
    'https://good.example/kenya',
  ),
];

const ENCODED = {
  'cp1251.xml': { encoding: 'windows-1251', title: 'Путин и Си Цзиньпин обсудили газ' },
  'koi8r.xml': { encoding: 'koi8-r', title: 'Лавров прибыл в Пхеньян' },
  'gbk.xml': { encoding: 'gbk', title: '中俄签署天然气合作协议' },
  'euckr.xml': { encoding: 'euc-kr', title: '북한과 러시아 정상회담 개최' },
} as const;

export type ZooExpectation = { ok: true; stories: number; title?: string } | { ok: false; reason: RegExp };

/** Each path the zoo serves, with what a cycle must record for it. */
export const ZOO_FEEDS: Record<string, ZooExpectation> = {
  '/good.xml': { ok: true, stories: 3 },
  '/cp1251.xml': { ok: true, stories: 1, title: ENCODED['cp1251.xml'].title },
  '/koi8r.xml': { ok: true, stories: 1, title: ENCODED['koi8r.xml'].title },
  '/gbk.xml': { ok: true, stories: 1, title: ENCODED['gbk.xml'].title },
  '/euckr.xml': { ok: true, stories: 1, title: ENCODED['euckr.xml'].title },
  '/bare-amp.xml': { ok: true, stories: 2, title: 'Trade & investment talks open in Vladivostok' },
  '/nul.xml': { ok: true, stories: 2 },
  '/bad-date.atom': { ok: true, stories: 2 },
  '/deep.xml': { ok: true, stories: 2 },
  '/many.xml': { ok: true, stories: 200 },
  // Two items share a guid but not a link, one repeats a link with a fragment: 2 stories; plus one keyed by
  // its content hash and one whose title is taken from its summary.
  '/dupes.xml': { ok: true, stories: 4 },
  '/huge-title.xml': { ok: true, stories: 2 },
  '/never': { ok: false, reason: /time|deadline/i },
  '/drip': { ok: false, reason: /time|deadline/i },
  '/endless': { ok: false, reason: /exceed|too large|cap|limit/i },
  '/gzip-bomb': { ok: false, reason: /exceed|too large|cap|limit/i },
  '/redirect-loop': { ok: false, reason: /redirect/i },
  '/redirect-private': { ok: false, reason: /refus|private|not allowed|blocked/i },
  '/html': { ok: false, reason: /not a feed/i },
  '/json': { ok: false, reason: /not a feed/i },
  '/empty': { ok: false, reason: /not a feed|empty/i },
  '/404': { ok: false, reason: /404/ },
  '/410': { ok: false, reason: /410|gone/i },
  '/429': { ok: false, reason: /429/ },
  '/500': { ok: false, reason: /500/ },
  // Entities declared in a DOCTYPE are never expanded: such a feed fails with that reason.
  '/custom-entity.xml': { ok: false, reason: /entit/i },
  '/billion-laughs.xml': { ok: false, reason: /entit/i },
};

function send(res: ServerResponse, body: string | Buffer, type = 'application/rss+xml; charset=utf-8'): void {
  res.writeHead(200, { 'content-type': type }).end(body);
}

export interface FeedZoo {
  origin: string;
  /** Requests per path, to see which feeds were fetched and parsed again. */
  hits: Record<string, number>;
  close(): Promise<void>;
}

export async function startFeedZoo(): Promise<FeedZoo> {
  const hits: Record<string, number> = {};
  // 32 MiB of zeros in about 32 KB of gzip: it must be cut off at the 10 MiB body cap, counted after
  // decompression. Made once, before any feed is polled.
  const bomb = gzipSync(Buffer.alloc(32 * 1024 * 1024), { level: 9 });
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://zoo').pathname;
    hits[path] = (hits[path] ?? 0) + 1;
    const encoded = ENCODED[path.slice(1) as keyof typeof ENCODED];
    if (encoded) {
      const body = rss(
        [item(encoded.title, encoded.title, `https://enc.example${path}`)],
        `<?xml version="1.0" encoding="${encoded.encoding}"?>`,
      );
      // No charset in the header: the XML declaration must be honoured.
      send(res, iconv.encode(body, encoded.encoding), 'application/rss+xml');
      return;
    }
    switch (path) {
      case '/good.xml':
        if (req.headers['if-none-match'] === '"good-v1"') {
          res.writeHead(304, { etag: '"good-v1"' }).end();
          return;
        }
        res.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"good-v1"' }).end(rss(GOOD_ITEMS));
        return;
      case '/bare-amp.xml':
        send(
          res,
          rss([
            item(
              'Trade & investment talks open in Vladivostok',
              'Officials & executives met.',
              'https://amp.example/1',
            ),
            item('Second story', 'Fine.', 'https://amp.example/2'),
          ]),
        );
        return;
      case '/nul.xml':
        send(
          res,
          rss([
            item('Title with a NUL\u0000 byte', 'And a \u0001 control.', 'https://nul.example/1'),
            item('Clean', 'Clean.', 'https://nul.example/2'),
          ]),
        );
        return;
      case '/bad-date.atom':
        send(
          res,
          `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><id>urn:a</id><updated>${day(1).toISOString()}</updated>` +
            `<entry><title>Bad date</title><id>urn:a:1</id><link href="https://atom.example/1"/><updated>the day after tomorrow</updated><summary>x</summary></entry>` +
            `<entry><title>Good date</title><id>urn:a:2</id><link href="https://atom.example/2"/><updated>${day(1).toISOString()}</updated><summary>y</summary></entry></feed>`,
          'application/atom+xml',
        );
        return;
      case '/deep.xml':
        send(
          res,
          rss([
            item(
              'Deep',
              `${'<div>'.repeat(3000)}deep text${'</div>'.repeat(3000)}`,
              'https://deep.example/1',
            ),
            item('Shallow', 'ok', 'https://deep.example/2'),
          ]),
        );
        return;
      case '/many.xml':
        send(
          res,
          rss(
            // Kept short so 100,000 items fit the default 10 MiB body cap.
            Array.from(
              { length: 100_000 },
              (_, i) => `<item><title>Item ${i}</title><link>https://m.example/${i}</link></item>`,
            ),
          ),
        );
        return;
      case '/dupes.xml':
        send(
          res,
          rss([
            item('Same guid A', 'a', 'https://dupes.example/a', 'same-guid'),
            item('Same guid B', 'b', 'https://dupes.example/b', 'same-guid'),
            item('Same link', 'c', 'https://dupes.example/a#comments', 'other-guid'),
            '<item><title>No link, no guid</title><description>only text</description></item>',
            '<item><description>No title at all</description></item>',
          ]),
        );
        return;
      case '/huge-title.xml':
        send(
          res,
          rss([
            item('x'.repeat(1_000_000), 'huge', 'https://huge.example/1'),
            item('Normal', 'n', 'https://huge.example/2'),
          ]),
        );
        return;
      case '/never':
        return; // holds the socket open and never answers
      case '/drip': {
        res.writeHead(200, { 'content-type': 'application/rss+xml' });
        const timer = setInterval(() => res.write(' '), 200);
        res.on('close', () => clearInterval(timer));
        return;
      }
      case '/endless': {
        res.writeHead(200, { 'content-type': 'application/rss+xml' });
        const chunk = Buffer.alloc(64 * 1024, 'a');
        const pump = () => {
          while (res.write(chunk)) {
            if (res.destroyed) return;
          }
          res.once('drain', pump);
        };
        pump();
        return;
      }
      case '/gzip-bomb':
        res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-encoding': 'gzip' }).end(bomb);
        return;
      case '/redirect-loop':
        res.writeHead(302, { location: '/redirect-loop' }).end();
        return;
      case '/redirect-private':
        res.writeHead(302, { location: 'http://10.0.0.1/feed.xml' }).end();
        return;
      case '/html':
        send(res, '<!DOCTYPE html><html><body><p>Hello</p></body></html>', 'text/html');
        return;
      case '/json':
        send(res, '{"items": []}', 'application/json');
        return;
      case '/empty':
        send(res, '');
        return;
      case '/404':
      case '/410':
      case '/500':
        res.writeHead(Number(path.slice(1))).end();
        return;
      case '/429':
        res.writeHead(429, { 'retry-after': '120' }).end();
        return;
      case '/custom-entity.xml':
        send(
          res,
          `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/passwd"><!ENTITY co "Example Co">]>${rss([item('Entity &co; story', 'uses &secret;', 'https://entity.example/1')]).replace(/^<\?xml[^>]*>/, '')}`,
        );
        return;
      case '/billion-laughs.xml': {
        const levels = Array.from(
          { length: 9 },
          (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`,
        ).join('');
        send(
          res,
          `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY lol0 "lol">${levels}]>${rss([item('Laughs &lol9;', 'boom', 'https://laughs.example/1')]).replace(/^<\?xml[^>]*>/, '')}`,
        );
        return;
      }
      default:
        res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    hits,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
