import type { RawFeedItem } from '../../core/stories/raw-feed-item';
import * as z from '../../validation/zod-mini';
import { CONTENT_FIELD_KEYS } from './read-with-rss-parser';
import { xmlValueText } from './xml-value-text';

const text = z.optional(z.pipe(z.unknown(), z.transform(xmlValueText)));

/**
 * The edge between rss-parser and the core: an item object whose fields may be strings, xml2js objects
 * or absent becomes a RawFeedItem of optional strings. Anything that is not an object is rejected.
 */
export const rawItemSchema = z.pipe(
  z.object({
    title: text,
    link: text,
    guid: text,
    /** Atom's `<id>`. */
    id: text,
    isoDate: text,
    pubDate: text,
    /** RSS 1.0's `<dc:date>`. */
    date: text,
    /** Atom's `<summary>`. */
    summary: text,
    [CONTENT_FIELD_KEYS.description]: text,
    [CONTENT_FIELD_KEYS.content]: text,
    [CONTENT_FIELD_KEYS.encoded]: text,
  }),
  z.transform(
    (item): RawFeedItem => ({
      ...(item.title !== undefined ? { title: item.title } : {}),
      ...(item.link !== undefined ? { link: item.link } : {}),
      ...((item.guid ?? item.id) !== undefined ? { guid: item.guid ?? item.id } : {}),
      dates: [item.isoDate, item.pubDate, item.date].filter((date): date is string => date !== undefined),
      summaries: [
        item[CONTENT_FIELD_KEYS.description],
        item.summary,
        item[CONTENT_FIELD_KEYS.content],
        item[CONTENT_FIELD_KEYS.encoded],
      ].filter((summary): summary is string => summary !== undefined),
    }),
  ),
);
