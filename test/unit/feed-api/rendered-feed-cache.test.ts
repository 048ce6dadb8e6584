import { describe, expect, it } from 'vitest';
import { RenderedFeedCache } from '../../../lambda/feed-api/rendered-feed-cache';
import { makeAlert, makeSource } from '../../support/feed-alerts';

/** A renderer that says how many times it ran, so a test sees whether the cache answered. */
function countingRenderer() {
  let calls = 0;
  return {
    render: () => `document ${++calls}`,
    calls: () => calls,
  };
}

describe('RenderedFeedCache', () => {
  it('renders once while the alerts stay the same', () => {
    const cache = new RenderedFeedCache();
    const renderer = countingRenderer();
    const alerts = [makeAlert(2), makeAlert(1)];
    cache.render('/feed.atom', alerts, renderer.render);
    expect(cache.render('/feed.atom', [makeAlert(2), makeAlert(1)], renderer.render)).toBe('document 1');
    expect(renderer.calls()).toBe(1);
  });

  it('renders again when an alert gains a source', () => {
    const cache = new RenderedFeedCache();
    const renderer = countingRenderer();
    cache.render('/feed.atom', [makeAlert(1)], renderer.render);
    const corroborated = makeAlert(1, { sources: [makeSource(1), makeSource(2)] });
    expect(cache.render('/feed.atom', [corroborated], renderer.render)).toBe('document 2');
  });

  it('renders again when a new alert arrives', () => {
    const cache = new RenderedFeedCache();
    const renderer = countingRenderer();
    cache.render('/feed.atom', [makeAlert(1)], renderer.render);
    expect(cache.render('/feed.atom', [makeAlert(2), makeAlert(1)], renderer.render)).toBe('document 2');
  });

  it('keeps documents of different URLs apart', () => {
    const cache = new RenderedFeedCache();
    cache.render('/feed.atom', [makeAlert(1)], () => 'atom');
    expect(cache.render('/feed.rss', [makeAlert(1)], () => 'rss')).toBe('rss');
    expect(cache.render('/feed.atom', [makeAlert(1)], () => 'atom again')).toBe('atom');
  });

  it('drops the least recently used document beyond its capacity', () => {
    const cache = new RenderedFeedCache(2);
    cache.render('a', [], () => 'a1');
    cache.render('b', [], () => 'b1');
    cache.render('a', [], () => 'a2');
    cache.render('c', [], () => 'c1');
    expect(cache.render('a', [], () => 'a3')).toBe('a1');
    expect(cache.render('b', [], () => 'b2')).toBe('b2');
  });
});
