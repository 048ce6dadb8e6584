import type { FeedDialect } from './inspect-document';
import { findItemElements } from './item-elements';

/**
 * Items kept before parsing. Stories are capped at the newest 200 later; this bound only keeps a
 * 100,000-item body from costing a second of parsing and its memory.
 */
export const MAX_ITEM_ELEMENTS = 1000;

/**
 * Keeps the first and the last MAX_ITEM_ELEMENTS / 2 items, cutting out the middle as text, before
 * anything parses them. Both ends, because feeds are newest-first or oldest-first and both happen.
 */
export function capItemElements(xml: string, dialect: FeedDialect, repairs: string[]): string {
  const { starts } = findItemElements(xml, dialect);
  if (starts.length <= MAX_ITEM_ELEMENTS) return xml;
  const half = MAX_ITEM_ELEMENTS / 2;
  const cutFrom = starts[half] ?? xml.length;
  const cutTo = starts[starts.length - half] ?? xml.length;
  repairs.push(`kept ${MAX_ITEM_ELEMENTS} of ${starts.length} items (the first and last ${half})`);
  return xml.slice(0, cutFrom) + xml.slice(cutTo);
}
