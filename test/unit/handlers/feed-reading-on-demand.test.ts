import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../../lambda/adapters/feed-parser/parse-feed';
import { loadBaseline } from '../../../lambda/baseline/load-baseline';
import { createClassifier } from '../../../lambda/core/detect/classify';
import { storyTextOf } from '../../../lambda/core/stories/story-text';
import { feedReadingOnDemand } from '../../../lambda/handlers/shared/feed-reading-on-demand';

const context = { feedUrl: 'https://feeds.example.com/feed', fetchedAt: new Date('2025-03-10T12:00:00Z') };
const fixture = (name: string) =>
  readFileSync(new URL(`../../fixtures/feeds/${name}`, import.meta.url), 'utf8');
const EMPTY_FEED =
  '<?xml version="1.0"?><rss version="2.0"><channel><title>Quiet</title><link>https://q.example/</link></channel></rss>';

describe('feedReadingOnDemand (the ingest function’s parse and classify steps)', () => {
  it('parses exactly as parseFeed does, and classifies exactly as a classifier built up front', async () => {
    const reading = feedReadingOnDemand();
    const xml = fixture('rss2.xml');
    const parsed = await reading.parse(xml, context);
    expect(parsed).toEqual(await parseFeed(xml, context));

    const upFront = createClassifier(loadBaseline());
    expect(parsed.stories.length).toBeGreaterThan(0);
    for (const story of parsed.stories) {
      const text = storyTextOf(story);
      expect(await reading.classify(text)).toEqual(upFront(text));
    }
  });

  it('loads the classifier on the first story, whatever came before', async () => {
    const reading = feedReadingOnDemand();
    expect((await reading.parse(EMPTY_FEED, context)).stories).toEqual([]);
    const story = { id: 'x', title: 'Putin and Xi sign gas deal in Beijing', summary: '', published: '' };
    expect(await reading.classify(story)).toEqual(createClassifier(loadBaseline())(story));
  });

  it('passes parse failures through unchanged', async () => {
    const reading = feedReadingOnDemand();
    const failure = await parseFeed('<html><body>not a feed</body></html>', context).catch((e: unknown) => e);
    await expect(reading.parse('<html><body>not a feed</body></html>', context)).rejects.toThrow(
      (failure as Error).message,
    );
  });
});
