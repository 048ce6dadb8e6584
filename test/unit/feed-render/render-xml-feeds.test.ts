import { decodeHTML } from 'entities';
import Parser from 'rss-parser';
import sax from 'sax';
import { describe, expect, it } from 'vitest';
import { renderAtom, renderRss } from '../../../lambda/core/feed-render/render-xml-feeds';
import type { Alert } from '../../../lambda/core/model/alert';
import { HOSTILE_TEXT, HOSTILE_TEXT_SHOWN, makeAlert, makeSource } from '../../support/feed-alerts';
import { makeChannel } from './feed-channel-fixture';

const parser = new Parser();

/** The full entry content: RSS carries it in content:encoded (its description is the summary), Atom in content. */
function bodyOf(item: Parser.Item | undefined): string {
  return item?.['content:encoded'] ?? item?.content ?? '';
}

/** A strict XML parser: throws on anything that is not well-formed XML. */
function assertWellFormed(xml: string): void {
  const strict = sax.parser(true);
  strict.onerror = (error) => {
    throw error;
  };
  strict.write(xml).close();
}

function hostileAlert(): Alert {
  return makeAlert(3, {
    kind: 'new-development',
    factIds: [],
    findings: [],
    title: HOSTILE_TEXT,
    link: 'javascript:alert(1)',
    sources: [
      makeSource(3, { title: HOSTILE_TEXT, link: 'javascript:alert(document.cookie)' }),
      makeSource(4, { title: 'Second outlet', link: 'https://second.example/story?a=1&b=2' }),
    ],
  });
}

describe.each([
  ['Atom', renderAtom],
  ['RSS', renderRss],
])('%s feed', (_format, render) => {
  it('is well-formed XML with one entry per alert, newest first as given', async () => {
    const xml = render([makeAlert(2), makeAlert(1)], makeChannel());
    assertWellFormed(xml);
    const feed = await parser.parseString(xml);
    expect(feed.items.map((item) => item.title)).toEqual([
      'visa-free-trial updated: 1 year → until Sep 2027',
      'visa-free-trial updated: 1 year → until Sep 2027',
    ]);
    expect(feed.items.map((item) => item.guid ?? item.id)).toEqual([
      'urn:tiewatch:alert:alert-00002',
      'urn:tiewatch:alert:alert-00001',
    ]);
  });

  it('shows baseline → observed, the evidence and every source link in the content', async () => {
    const alert = makeAlert(1, { sources: [makeSource(1), makeSource(2)] });
    const feed = await parser.parseString(render([alert], makeChannel()));
    const content = bodyOf(feed.items[0]);
    expect(content).toContain('1 year → until Sep 2027');
    expect(content).toContain('China extended the visa-free trial for Russians until September 2027.');
    expect(content).toContain('href="https://news.example.org/story-1"');
    expect(content).toContain('href="https://news.example.org/story-2"');
  });

  it('carries a hostile title and story through as text, never as markup', async () => {
    const xml = render([hostileAlert()], makeChannel());
    assertWellFormed(xml);
    const item = (await parser.parseString(xml)).items[0];
    // Titles and content are HTML in these formats: decoding them once must give back the text.
    expect(decodeHTML(item?.title ?? '')).toBe(`New development: ${HOSTILE_TEXT_SHOWN}`);
    expect(item?.title).not.toContain('<script');
    expect(bodyOf(item)).not.toContain('<script');
    expect(bodyOf(item)).toContain('Breaking ]]&gt; news &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(xml).not.toContain('\u0000');
  });

  it('emits only http(s) links', async () => {
    const xml = render([hostileAlert()], makeChannel());
    expect(xml.toLowerCase()).not.toContain('javascript:');
    const item = (await parser.parseString(xml)).items[0];
    expect(item?.link).toBe('https://tiewatch.example/alerts/alert-00003');
    expect(bodyOf(item)).toContain('href="https://second.example/story?a=1&amp;b=2"');
  });

  it('keeps the entry id, title and date when a corroborating source arrives', async () => {
    const before = (await parser.parseString(render([makeAlert(1)], makeChannel()))).items[0];
    const corroborated = makeAlert(1, { sources: [makeSource(1), makeSource(9)] });
    const after = (await parser.parseString(render([corroborated], makeChannel()))).items[0];
    expect([after?.guid ?? after?.id, after?.title, after?.isoDate]).toEqual([
      before?.guid ?? before?.id,
      before?.title,
      before?.isoDate,
    ]);
    expect(bodyOf(after)).toContain('story-9');
  });

  it('renders the same bytes for the same alerts, so its ETag can match', () => {
    expect(render([makeAlert(1)], makeChannel())).toBe(render([makeAlert(1)], makeChannel()));
  });
});

describe('Atom feed', () => {
  it('sets the feed updated time from the channel, not the clock', async () => {
    const feed = await parser.parseString(
      renderAtom([], makeChannel({ updated: new Date('2025-01-02T03:04:05Z') })),
    );
    expect(feed.lastBuildDate ?? (feed as { updated?: string }).updated).toBe('2025-01-02T03:04:05.000Z');
  });
});

// rss-parser types the id loosely; this keeps the tests' reads typed.
declare module 'rss-parser' {
  interface Item {
    id?: string;
    'content:encoded'?: string;
  }
}
