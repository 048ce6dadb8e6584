import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { PAGE_CONTENT_SECURITY_POLICY } from '../../../lambda/core/feed-render/page-style';
import { type AlertPageInput, renderHtmlPage } from '../../../lambda/core/feed-render/render-html-page';
import { HOSTILE_TEXT, makeAlert, makeSource } from '../../support/feed-alerts';

function input(overrides: Partial<AlertPageInput> = {}): AlertPageInput {
  return {
    alerts: [makeAlert(2), makeAlert(1)],
    facts: [
      { id: 'visa-free-trial', label: 'China and Russia run a one-year visa-free trial.' },
      { id: 'nk-arms-troops', label: 'North Korea sends arms and troops to Russia.' },
    ],
    filters: {},
    feeds: {
      atom: 'https://tiewatch.example/feed.atom',
      rss: 'https://tiewatch.example/feed.rss',
      json: 'https://tiewatch.example/feed.json',
    },
    ...overrides,
  };
}

describe('renderHtmlPage', () => {
  it('allows its inline style by hash and nothing else', () => {
    const html = renderHtmlPage(input());
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? '';
    const hash = createHash('sha256').update(style).digest('base64');
    expect(PAGE_CONTENT_SECURITY_POLICY).toContain(`style-src 'sha256-${hash}'`);
    expect(PAGE_CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(html).not.toMatch(/<script|style=/i);
  });

  it('links the three feeds for autodiscovery', () => {
    const html = renderHtmlPage(input());
    expect(html).toContain('<link rel="alternate" type="application/atom+xml"');
    expect(html).toContain('<link rel="alternate" type="application/rss+xml"');
    expect(html).toContain('<link rel="alternate" type="application/feed+json"');
  });

  it('lists alerts in the order given with baseline → observed and sources', () => {
    const html = renderHtmlPage(
      input({ alerts: [makeAlert(2, { sources: [makeSource(2), makeSource(7)] })] }),
    );
    expect(html).toContain('visa-free-trial: 1 year → until Sep 2027');
    expect(html).toContain('<a href="https://news.example.org/story-7">Story 7</a>');
    expect(html).toContain('Sources (2)');
  });

  it('marks the current filters as selected in the form', () => {
    const html = renderHtmlPage(input({ filters: { kind: 'contradiction', fact: 'nk-arms-troops' } }));
    expect(html).toContain('<option value="contradiction" selected>');
    expect(html).toContain('<option value="nk-arms-troops" selected>');
  });

  it('escapes hostile text and drops script links', () => {
    const alert = makeAlert(1, {
      kind: 'new-development',
      factIds: [],
      findings: [],
      title: HOSTILE_TEXT,
      sources: [makeSource(1, { title: HOSTILE_TEXT, link: 'javascript:alert(1)', source: '<b>Outlet</b>' })],
    });
    const html = renderHtmlPage(input({ alerts: [alert] }));
    expect(html).not.toContain('<script');
    expect(html).not.toContain('javascript:');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;b&gt;Outlet&lt;/b&gt;');
  });
});
