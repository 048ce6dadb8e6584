import type { FeedDialect } from './inspect-document';

export interface ItemElements {
  /** Where each item (RSS) or entry (Atom) element starts. */
  starts: number[];
  /** Just past the last item's closing tag, or -1 when there is none. */
  end: number;
}

const PATTERNS: Record<FeedDialect, RegExp> = {
  rss: itemPattern('item'),
  rdf: itemPattern('item'),
  atom: itemPattern('entry'),
};

function itemPattern(name: string): RegExp {
  return new RegExp(`<!\\[CDATA\\[[\\s\\S]*?(?:\\]\\]>|$)|<(\\/?)((?:[\\w.-]+:)?${name})(?=[\\s/>])`, 'g');
}

/** Finds the item elements without parsing, skipping CDATA (whose `<item` is text). */
export function findItemElements(xml: string, dialect: FeedDialect): ItemElements {
  const pattern = PATTERNS[dialect];
  const starts: number[] = [];
  let end = -1;
  pattern.lastIndex = 0;
  for (let match = pattern.exec(xml); match; match = pattern.exec(xml)) {
    if (match[2] === undefined) continue;
    if (match[1]) {
      const close = xml.indexOf('>', match.index);
      if (close !== -1) end = close + 1;
    } else starts.push(match.index);
  }
  return { starts, end };
}
