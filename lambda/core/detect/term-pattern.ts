/**
 * Turns signal terms into regular-expression source. Terms are matched on word boundaries; a trailing `*`
 * accepts any word ending; spaces and hyphens inside a term accept either; Cyrillic terms get a
 * Cyrillic-aware boundary (JavaScript's `\b` only knows ASCII); Chinese and Korean terms need none.
 */

const ASCII_WORD = /[A-Za-z0-9]/;
const CYRILLIC = /[\u0400-\u04FF]/;
const CYRILLIC_CLASS = '[\\u0400-\\u04FF]';
const SEPARATOR = '[\\s\\-‐‑–]+';
const APOSTROPHE = "['’]";

/** A term written wholly in capitals (`US`, `SCO`) is an acronym: matching it case-insensitively would hit "us". */
export function isAcronym(term: string): boolean {
  return /^[A-Z][A-Z.&]*[A-Z.]$/.test(term);
}

type Script = 'ascii' | 'cyrillic' | 'other';

/** The regular-expression source of a word ending, in the script of the word's last letter. */
function wordEnding(letter: string): string {
  return CYRILLIC.test(letter) ? `${CYRILLIC_CLASS}*` : '[A-Za-z]*';
}

/**
 * A term as a list of pattern atoms (one escaped character, a separator run, an apostrophe, a word ending, a
 * right boundary) and the script it starts in, which decides its left boundary. Atoms rather than one string
 * let many terms share their common beginnings.
 */
function termAtoms(term: string): { script: Script; atoms: string[] } {
  const stem = term.endsWith('*');
  const body = stem ? term.slice(0, -1) : term;
  const atoms: string[] = [];
  body.split(/[\s\-‐‑–]+/).forEach((part, index) => {
    if (index > 0) atoms.push(SEPARATOR);
    // An inner `*` ("declin* to confirm") is a word ending too.
    const open = part.endsWith('*') && part !== body;
    const letters = open ? part.slice(0, -1) : part;
    for (const letter of letters) atoms.push(letter === "'" ? APOSTROPHE : escapeRegExp(letter));
    if (open) atoms.push(wordEnding(letters.charAt(letters.length - 1)));
  });
  const first = body.charAt(0);
  const last = body.charAt(body.length - 1);
  if (stem) atoms.push(wordEnding(last));
  else if (ASCII_WORD.test(last)) atoms.push('\\b');
  else if (CYRILLIC.test(last)) atoms.push(`(?!${CYRILLIC_CLASS})`);
  const script: Script = ASCII_WORD.test(first) ? 'ascii' : CYRILLIC.test(first) ? 'cyrillic' : 'other';
  return { script, atoms };
}

const LEFT_BOUNDARY: Record<Script, string> = { ascii: '\\b', cyrillic: `(?<!${CYRILLIC_CLASS})`, other: '' };

/** A prefix tree of atom lists; `end` marks where a term stops. */
interface AtomTrie {
  children: Map<string, AtomTrie>;
  end: boolean;
}

function insert(root: AtomTrie, atoms: readonly string[]): void {
  let node = root;
  for (const atom of atoms) {
    let child = node.children.get(atom);
    if (child === undefined) {
      child = { children: new Map(), end: false };
      node.children.set(atom, child);
    }
    node = child;
  }
  node.end = true;
}

/**
 * The source of a prefix tree. Branches keep the order their first term was added in (longest term first)
 * and a term that stops where a longer one goes on is the optional tail's fallback, so the fullest term still
 * wins, as in a flat longest-first alternation.
 */
function trieSource(node: AtomTrie): string {
  const branches = [...node.children].map(([atom, child]) => `${atom}${trieSource(child)}`);
  if (branches.length === 0) return '';
  const body = branches.length === 1 ? (branches[0] ?? '') : `(?:${branches.join('|')})`;
  return node.end ? `(?:${body})?` : body;
}

/**
 * One alternation over many terms. Terms sharing a beginning share one branch ("Russia", "Russian",
 * "Russians" become one path), so the engine tries each beginning once per position instead of once per term:
 * over about 270 country aliases that is three times faster than a flat alternation. The left boundary is
 * written once per script: a `\\b` in front of every branch stops V8 from scanning for first characters.
 */
export function alternationSource(terms: readonly string[]): string {
  const roots: Record<Script, AtomTrie> = {
    ascii: { children: new Map(), end: false },
    cyrillic: { children: new Map(), end: false },
    other: { children: new Map(), end: false },
  };
  for (const term of [...new Set(terms)].sort((a, b) => b.length - a.length)) {
    const { script, atoms } = termAtoms(term);
    insert(roots[script], atoms);
  }
  return (Object.keys(roots) as Script[])
    .filter((script) => roots[script].children.size > 0)
    .map((script) => `${LEFT_BOUNDARY[script]}(?:${trieSource(roots[script])})`)
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
