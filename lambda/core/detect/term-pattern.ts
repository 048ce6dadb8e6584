/**
 * Turns signal terms into regular-expression source. Terms are matched on word boundaries; a trailing `*`
 * accepts any word ending; spaces and hyphens inside a term accept either; Cyrillic terms get a
 * Cyrillic-aware boundary (JavaScript's `\b` only knows ASCII); Chinese and Korean terms need none.
 */

const ASCII_WORD = /[A-Za-z0-9]/;
const CYRILLIC = /[\u0400-\u04FF]/;
const CYRILLIC_CLASS = '[\\u0400-\\u04FF]';

/** A term written wholly in capitals (`US`, `SCO`) is an acronym: matching it case-insensitively would hit "us". */
export function isAcronym(term: string): boolean {
  return /^[A-Z][A-Z.&]*[A-Z.]$/.test(term);
}

type Script = 'ascii' | 'cyrillic' | 'other';

/** The script a term starts in (which decides its left boundary) and its source without that boundary. */
function termParts(term: string): { script: Script; body: string } {
  const stem = term.endsWith('*');
  const body = stem ? term.slice(0, -1) : term;
  const first = body.charAt(0);
  const last = body.charAt(body.length - 1);
  const inner = body
    .split(/[\s\-‐‑–]+/)
    .map((part) => {
      // An inner `*` ("declin* to confirm") is a word ending too.
      const open = part.endsWith('*') && part !== body;
      const text = escapeRegExp(open ? part.slice(0, -1) : part).replace(/'/g, "['’]");
      return open ? `${text}${CYRILLIC.test(part) ? `${CYRILLIC_CLASS}*` : '[A-Za-z]*'}` : text;
    })
    .join('[\\s\\-‐‑–]+');
  let after = '';
  if (stem) after = CYRILLIC.test(last) ? `${CYRILLIC_CLASS}*` : '[A-Za-z]*';
  else if (ASCII_WORD.test(last)) after = '\\b';
  else if (CYRILLIC.test(last)) after = `(?!${CYRILLIC_CLASS})`;
  const script: Script = ASCII_WORD.test(first) ? 'ascii' : CYRILLIC.test(first) ? 'cyrillic' : 'other';
  return { script, body: `${inner}${after}` };
}

const LEFT_BOUNDARY: Record<Script, string> = { ascii: '\\b', cyrillic: `(?<!${CYRILLIC_CLASS})`, other: '' };

/** Regular-expression source for one term, boundaries included. */
export function termSource(term: string): string {
  const { script, body } = termParts(term);
  return `${LEFT_BOUNDARY[script]}${body}`;
}

/**
 * One alternation over many terms, longest first so the fullest alias wins. The left boundary is written once
 * per script, outside the group: a `\\b` in front of every branch stops V8 from scanning for the branches'
 * first characters and made the alias RegExp about three times slower.
 */
export function alternationSource(terms: readonly string[]): string {
  const groups: Record<Script, string[]> = { ascii: [], cyrillic: [], other: [] };
  for (const term of [...new Set(terms)].sort((a, b) => b.length - a.length)) {
    const { script, body } = termParts(term);
    groups[script].push(body);
  }
  return (Object.keys(groups) as Script[])
    .filter((script) => groups[script].length > 0)
    .map((script) => `${LEFT_BOUNDARY[script]}(?:${groups[script].join('|')})`)
    .join('|');
}

/** A case-aware matcher over a list of terms: acronyms exact, the rest case-insensitive. */
export interface TermMatcher {
  /** Whether any term occurs in the text. */
  test(text: string): boolean;
  /** Start offsets of every occurrence. */
  positions(text: string): number[];
  /** Every occurrence with its text, in text order. */
  matches(text: string): Array<{ index: number; text: string }>;
  /** The first occurrence, if any. */
  first(text: string): { index: number; text: string } | undefined;
}

/**
 * Compiles terms once into at most two regular expressions. The matchers run hundreds of times per relevant
 * story, so they loop over `exec` rather than `matchAll` (no iterator, no cloned RegExp per call) and `test`
 * uses non-global copies that need no `lastIndex` reset.
 */
export function compileTerms(terms: readonly string[]): TermMatcher {
  const acronyms = terms.filter(isAcronym);
  const words = terms.filter((term) => !isAcronym(term));
  const patterns: RegExp[] = [];
  if (words.length > 0) patterns.push(new RegExp(alternationSource(words), 'gi'));
  if (acronyms.length > 0) patterns.push(new RegExp(alternationSource(acronyms), 'g'));
  const probes = patterns.map((pattern) => new RegExp(pattern.source, pattern.flags.replace('g', '')));
  const collect = (text: string, found: Array<{ index: number; text: string }>): void => {
    for (const pattern of patterns) {
      pattern.lastIndex = 0;
      for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
        found.push({ index: match.index, text: match[0] });
        // An empty match would never advance; no term is empty, but a loop must not hang on one.
        if (match[0] === '') pattern.lastIndex++;
      }
    }
  };
  return {
    test(text) {
      for (const probe of probes) if (probe.test(text)) return true;
      return false;
    },
    positions(text) {
      const found: number[] = [];
      for (const pattern of patterns) {
        pattern.lastIndex = 0;
        for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
          found.push(match.index);
          if (match[0] === '') pattern.lastIndex++;
        }
      }
      return found;
    },
    matches(text) {
      const found: Array<{ index: number; text: string }> = [];
      collect(text, found);
      return patterns.length > 1 ? found.sort((a, b) => a.index - b.index) : found;
    },
    first(text) {
      let best: { index: number; text: string } | undefined;
      for (const probe of probes) {
        const match = probe.exec(text);
        if (match && (best === undefined || match.index < best.index))
          best = { index: match.index, text: match[0] };
      }
      return best;
    },
  };
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
