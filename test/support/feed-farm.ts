import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A loopback server with many generated RSS feeds, for whole-cycle tests and the ingestion benchmark.
 * Content is deterministic per feed, so a repeated poll gets a 304 through the ETag; about one story in
 * twenty is about Russia–China–North Korea ties, as in a world-news feed.
 */
export interface FeedFarm {
  urls: string[];
  /** Requests answered, by status. */
  served: Record<number, number>;
  close(): Promise<void>;
}

const WORLD = [
  [
    'Flooding closes roads across northern Italy',
    'Heavy rain left several valleys cut off and rescuers evacuated hundreds of residents.',
  ],
  [
    'Chile copper output rises on new mine',
    'The state miner said production climbed for a third month as a new pit reached capacity.',
  ],
  [
    'Kenya launches electric bus pilot in Nairobi',
    'City officials hope the buses will cut fuel imports and ease air pollution downtown.',
  ],
  [
    'Canadian wildfire season ends early after rain',
    'Fire crews were stood down as cooler weather moved across the western provinces.',
  ],
  [
    'Dutch court rules on farm nitrogen limits',
    'Judges ordered the government to speed up emission cuts near protected nature areas.',
  ],
  [
    'Australian central bank keeps rates steady',
    'Policymakers said inflation was easing but the labour market remained tight.',
  ],
  [
    'Spain approves budget after months of talks',
    'The minority government won the vote with support from regional parties.',
  ],
  [
    'Mexico opens new airport terminal in Monterrey',
    'The expansion doubles passenger capacity at the northern industrial hub.',
  ],
] as const;

const TIES = [
  [
    'Russia and China sign new energy accord in Moscow',
    'Officials from Moscow and Beijing agreed to expand oil and gas cooperation, with Gazprom promising more pipeline supplies to China.',
  ],
  [
    'North Korea sends more artillery shells to Russia, Seoul says',
    "South Korea's spy agency said Pyongyang shipped further munitions to Moscow for its war in Ukraine in exchange for technology.",
  ],
] as const;

export function farmItem(feed: number, item: number): { title: string; summary: string; link: string } {
  const relevant = (feed * 50 + item) % 20 === 7;
  const list = relevant ? TIES : WORLD;
  const pair = list[(feed + item) % list.length];
  if (!pair) throw new RangeError('empty story list');
  const [title, summary] = pair;
  const tag = `${feed}-${item}`;
  return {
    title: `${title} (${tag})`,
    summary: `${summary} Report ${tag} from the regional desk, with comments from officials and analysts.`,
    link: `https://farm${feed % 7}.example/news/${tag}?utm_source=rss`,
  };
}

function renderFeed(feed: number, items: number, now: number): string {
  const entries = Array.from({ length: items }, (_, item) => {
    const { title, summary, link } = farmItem(feed, item);
    return `<item><title>${title}</title><link>${link.replace(/&/g, '&amp;')}</link><guid>farm-${feed}-${item}</guid><pubDate>${new Date(now - item * 60_000).toUTCString()}</pubDate><description>${summary.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</description></item>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Farm feed ${feed}</title><link>https://farm.example/${feed}</link><description>generated</description>${entries.join('')}</channel></rss>`;
}

export async function startFeedFarm(options: { feeds: number; itemsPerFeed: number }): Promise<FeedFarm> {
  const now = Date.now();
  const bodies = Array.from({ length: options.feeds }, (_, feed) => {
    const body = renderFeed(feed, options.itemsPerFeed, now);
    return { body, etag: `"${createHash('sha1').update(body).digest('hex')}"` };
  });
  const served: Record<number, number> = {};
  const server = createServer((req, res) => {
    const match = /^\/feed\/(\d+)\.xml$/.exec(req.url ?? '');
    const entry = match ? bodies[Number(match[1])] : undefined;
    const status = !entry ? 404 : req.headers['if-none-match'] === entry.etag ? 304 : 200;
    served[status] = (served[status] ?? 0) + 1;
    if (!entry || status === 404) res.writeHead(404).end();
    else if (status === 304) res.writeHead(304, { etag: entry.etag }).end();
    else res.writeHead(200, { 'content-type': 'application/rss+xml', etag: entry.etag }).end(entry.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    urls: bodies.map((_, feed) => `${origin}/feed/${feed}.xml`),
    served,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
