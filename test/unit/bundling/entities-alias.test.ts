import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseFeed } from '../../../lambda/adapters/feed-parser/parse-feed';
import { BUNDLE_OPTIONS, ON_DEMAND_MODULES } from '../../../lib/function-bundling';

/**
 * The bundles send every `entities` import, rss-parser's included, to the decoding half of the `entities`
 * tiewatch ships (lib/function-bundling.ts). That is behaviour-neutral only while rss-parser never calls its
 * own copy on tiewatch's parse path, and safe only while the alias target has everything rss-parser calls.
 */
const REPO_ROOT = new URL('../../../', import.meta.url);
const requireFromRoot = createRequire(REPO_ROOT);
const rssParserMain = requireFromRoot.resolve('rss-parser');
const rssParserUtils = readFileSync(createRequire(rssParserMain).resolve('./lib/utils.js'), 'utf8');
// rss-parser's own entities@2: its index re-exports these functions through getters, from lib/decode.js.
const ownDecode = createRequire(rssParserMain)('entities/lib/decode.js') as Record<string, unknown>;

const context = { feedUrl: 'https://feeds.example.com/feed', fetchedAt: new Date('2025-03-10T12:00:00Z') };
const fixtureDir = new URL('../../fixtures/feeds/', import.meta.url);

/** Every element rss-parser would make a snippet of (description, content, content:encoded), in each dialect. */
const SNIPPET_BAIT = {
  rss: `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>T</title><item><title>A &amp; B</title><link>https://e.example/a</link><pubDate>Mon, 10 Mar 2025 06:30:00 GMT</pubDate><description>&lt;p&gt;D &amp;amp; E&lt;/p&gt;</description><content:encoded><![CDATA[<p>F &amp; G</p>]]></content:encoded></item></channel></rss>`,
  atom: `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><entry><title>A</title><id>urn:a</id><link href="https://e.example/a"/><updated>2025-03-10T06:30:00Z</updated><summary type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Hello <b>world</b></p></div></summary><content type="html">&lt;p&gt;Body &amp;amp; more&lt;/p&gt;</content></entry></feed>`,
};

const calls: string[] = [];
const originals = new Map<string, unknown>();

beforeAll(() => {
  for (const [name, value] of Object.entries(ownDecode)) {
    if (typeof value !== 'function') continue;
    originals.set(name, value);
    // A counting pass-through, not a mock: the real function still does the work.
    ownDecode[name] = (...args: unknown[]) => {
      calls.push(name);
      return (value as (...a: unknown[]) => unknown)(...args);
    };
  }
});

afterAll(() => {
  for (const [name, value] of originals) ownDecode[name] = value;
});

describe('the entities alias', () => {
  it('counts calls to rss-parser’s own decoder (the pass-through works)', () => {
    const decodeHTML = ownDecode.decodeHTML as (text: string) => string;
    const before = calls.length;
    expect(decodeHTML('&amp;')).toBe('&');
    expect(calls.length).toBe(before + 1);
    calls.length = before;
  });

  it('rss-parser never calls its own entities on the parse path, in any dialect or with snippet bait', async () => {
    const feeds = readdirSync(fixtureDir).map((name) => readFileSync(new URL(name, fixtureDir), 'utf8'));
    feeds.push(SNIPPET_BAIT.rss, SNIPPET_BAIT.atom);
    for (const xml of feeds) {
      const parsed = await parseFeed(xml, context);
      expect(parsed.stories.length).toBeGreaterThan(0);
    }
    expect(calls).toEqual([]);
  });

  it('the alias target has every entities function rss-parser calls', () => {
    const used = [...rssParserUtils.matchAll(/\bentities\.(\w+)/g)].map((match) => match[1] ?? '');
    expect(used.length).toBeGreaterThan(0);
    const target = requireFromRoot(BUNDLE_OPTIONS.alias.entities ?? 'entities') as Record<string, unknown>;
    for (const name of new Set(used)) expect(typeof target[name], name).toBe('function');
  });

  it('leaves one entities in the ingest asset’s parser file, and no entities@2', async () => {
    // The parser reaches the ingest asset as a file of its own (ON_DEMAND_MODULES), built from this source.
    const parserSource = ON_DEMAND_MODULES.ingest?.find((source) => source.includes('parser'));
    expect(parserSource).toBeDefined();
    const result = await build({
      entryPoints: [new URL(parserSource ?? '', REPO_ROOT).pathname],
      bundle: true,
      write: false,
      outfile: 'index.mjs',
      metafile: true,
      absWorkingDir: REPO_ROOT.pathname,
      format: BUNDLE_OPTIONS.format,
      platform: BUNDLE_OPTIONS.platform,
      target: BUNDLE_OPTIONS.target,
      mainFields: [...BUNDLE_OPTIONS.mainFields],
      alias: BUNDLE_OPTIONS.alias,
      logLevel: 'error',
    });
    const inputs = Object.keys(result.metafile.inputs).filter((path) => path.includes('/entities/'));
    expect(inputs.length).toBeGreaterThan(0);
    expect(inputs.filter((path) => path.includes('rss-parser/node_modules'))).toEqual([]);
    expect(inputs.every((path) => path.startsWith('node_modules/entities/dist/'))).toBe(true);
  });
});
