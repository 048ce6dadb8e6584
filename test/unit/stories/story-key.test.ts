import { describe, expect, it } from 'vitest';
import { storyKey } from '../../../lambda/core/stories/story-key';

const base = { title: 'Title', summary: 'Summary', feedUrl: 'https://feeds.example.com/world.xml' };

describe('storyKey', () => {
  it('derives the key from the link when there is one', () => {
    const withGuid = storyKey({ ...base, link: 'https://example.com/a', guid: 'g-1' });
    const otherGuid = storyKey({ ...base, link: 'https://example.com/a', guid: 'g-2', title: 'Other' });
    expect(withGuid).toMatch(/^l:/);
    expect(withGuid).toBe(otherGuid);
  });

  it('treats http and https copies of one page as the same story', () => {
    expect(storyKey({ ...base, link: 'http://example.com/a' })).toBe(
      storyKey({ ...base, link: 'https://example.com/a' }),
    );
  });

  it('tells different links apart', () => {
    expect(storyKey({ ...base, link: 'https://example.com/a' })).not.toBe(
      storyKey({ ...base, link: 'https://example.com/b' }),
    );
  });

  it('falls back to the guid', () => {
    expect(storyKey({ ...base, guid: 'g-1' })).toMatch(/^g:/);
    expect(storyKey({ ...base, guid: 'g-1' })).not.toBe(storyKey({ ...base, guid: 'g-2' }));
  });

  it('scopes a plain guid to its feed', () => {
    expect(storyKey({ ...base, guid: '12345' })).not.toBe(
      storyKey({ ...base, guid: '12345', feedUrl: 'https://other.example.net/rss' }),
    );
  });

  it.each(['tag:example.com,2024:story-1', 'urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a'])(
    'shares a URI guid across feeds: %s',
    (guid) => {
      expect(storyKey({ ...base, guid })).toBe(
        storyKey({ ...base, guid, feedUrl: 'https://other.example.net/rss' }),
      );
    },
  );

  it('falls back to a hash of title and summary', () => {
    const key = storyKey(base);
    expect(key).toMatch(/^h:[A-Za-z0-9_-]{22}$/);
    expect(key).toBe(storyKey({ ...base, title: '  TITLE ', feedUrl: 'https://elsewhere.example/rss' }));
    expect(key).not.toBe(storyKey({ ...base, summary: 'Another summary' }));
  });

  it('is short and stable', () => {
    const key = storyKey({ ...base, link: 'https://example.com/a' });
    expect(key).toHaveLength(24);
    expect(storyKey({ ...base, link: 'https://example.com/a' })).toBe(key);
  });
});
