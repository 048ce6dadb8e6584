import sax from 'sax';
import * as z from 'zod';
import type { NewFeed } from '../../ports/feed-registry';

/** A feed list that cannot be read; the message names the entry at fault. */
export class FeedListError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FeedListError';
  }
}

const feedUrlSchema = z
  .url({ protocol: /^https?$/, error: 'must be an http or https URL' })
  .max(2048, 'must be at most 2048 characters');

const jsonListSchema = z.array(
  z.strictObject({
    url: feedUrlSchema,
    name: z.string().trim().min(1).max(200).optional(),
  }),
);

/**
 * Reads a feed list: a JSON array of `{ "url", "name"? }`, or OPML (what feed readers export), where every
 * `<outline xmlUrl="…">` at any depth is a feed named by its `title` or `text`. A URL listed twice is kept
 * once (the first). Throws FeedListError naming the entry at fault; an empty list is an error too, since
 * it is almost always the wrong file.
 */
export function parseFeedList(text: string): NewFeed[] {
  const trimmed = text.replace(/^\uFEFF/, '').trimStart();
  const feeds = trimmed.startsWith('<') ? parseOpml(trimmed) : parseJson(trimmed);
  if (feeds.length === 0) throw new FeedListError('the feed list holds no feeds');
  return feeds.filter(firstOfEachUrl());
}

function firstOfEachUrl(): (feed: NewFeed) => boolean {
  const seen = new Set<string>();
  return (feed) => {
    if (seen.has(feed.url)) return false;
    seen.add(feed.url);
    return true;
  };
}

function parseJson(text: string): NewFeed[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new FeedListError(`the feed list is neither JSON nor OPML: ${(error as Error).message}`);
  }
  return parseFeedEntries(data);
}

/** Checks feed entries given as data (a parsed JSON list, or one entry from the command line). */
export function parseFeedEntries(data: unknown): NewFeed[] {
  const parsed = jsonListSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const [index, ...field] = issue?.path ?? [];
    const where =
      typeof index === 'number'
        ? `entry ${index + 1}${field.length ? ` (${field.join('.')})` : ''}`
        : 'the feed list';
    const hint = typeof index === 'number' ? '' : ' (expected a JSON array of {"url", "name"?})';
    throw new FeedListError(`${where}: ${issue?.message ?? 'invalid'}${hint}`);
  }
  return parsed.data.map(({ url, name }) => ({ url, ...(name ? { name } : {}) }));
}

function parseOpml(text: string): NewFeed[] {
  // Non-strict: exported OPML often carries a bare `&` in a title; sax never expands custom entities.
  const parser = sax.parser(false, { lowercase: true, trim: true });
  const feeds: NewFeed[] = [];
  let sawOpml = false;
  let failure: FeedListError | undefined;
  parser.onopentag = (tag) => {
    if (tag.name === 'opml') sawOpml = true;
    if (tag.name !== 'outline' || failure) return;
    const attribute = (name: string) => {
      const value = tag.attributes[name];
      return typeof value === 'string' && value.trim() ? value.trim() : undefined;
    };
    const url = attribute('xmlurl');
    if (!url) return;
    const checked = feedUrlSchema.safeParse(url);
    if (!checked.success) {
      failure = new FeedListError(
        `outline at line ${parser.line + 1}: xmlUrl "${url}" ${checked.error.issues[0]?.message}`,
      );
      return;
    }
    const name = attribute('title') ?? attribute('text');
    feeds.push({ url: checked.data, ...(name ? { name: name.slice(0, 200) } : {}) });
  };
  try {
    parser.write(text).close();
  } catch (error) {
    failure ??= new FeedListError(
      `the OPML file is not well-formed XML: ${(error as Error).message.split('\n')[0]}`,
    );
  }
  if (failure) throw failure;
  if (!sawOpml) throw new FeedListError('the XML file is not OPML (no <opml> element)');
  return feeds;
}
