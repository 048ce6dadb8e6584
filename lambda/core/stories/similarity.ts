/** Stories at least this similar are one story told twice (a syndicated or lightly edited copy). */
export const NEAR_DUPLICATE_THRESHOLD = 0.85;

/** Words per shingle: three words in a row rarely repeat across different stories on one topic. */
const SHINGLE_WORDS = 3;
/**
 * A fingerprint keeps the title and the start of the summary. Copies are compared by their overlap,
 * so a trimmed copy still matches; the cap keeps stored fingerprints around a kilobyte.
 */
const MAX_FINGERPRINT_TOKENS = 160;
/**
 * Containment (how much of the shorter text the longer one holds) is trusted fully only once the
 * shorter text has this many shingles; below it the score leans towards Jaccard, so a bare
 * four-word headline inside a long different story does not count as a copy.
 */
const FULL_TRUST_SHINGLES = 12;

// Han and kana are written without spaces: each character is a token, so shingles become character
// n-grams there. Other scripts (Latin, Cyrillic, Hangul) split into words.
const TOKENS =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]|(?:(?![\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}])[\p{L}\p{N}\p{M}])+/gu;
const APOSTROPHES = /(?<=\p{L})['’](?=\p{L})/gu;

/**
 * The comparable form of a story's text: title and summary case-folded (NFKC), split into words (CJK into
 * characters), punctuation and apostrophes dropped, the first 160 tokens joined by spaces. Compact,
 * readable and storable (RecentStory.text); the shingles are built from it when comparing.
 */
export function fingerprintText(title: string, summary: string): string {
  const text = `${title} ${summary}`.normalize('NFKC').toLowerCase().replace(APOSTROPHES, '');
  const tokens: string[] = [];
  for (const match of text.matchAll(TOKENS)) {
    tokens.push(match[0]);
    if (tokens.length === MAX_FINGERPRINT_TOKENS) break;
  }
  return tokens.join(' ');
}

/**
 * How alike two fingerprints are, in [0, 1]: the overlap of their three-word shingles, measured as
 * containment in the shorter text (trimmed summaries and added bylines leave it high) and softened
 * towards Jaccard similarity when the shorter text is too short to be trusted on its own.
 */
export function similarity(fingerprintA: string, fingerprintB: string): number {
  if (fingerprintA === '' || fingerprintB === '') return 0;
  if (fingerprintA === fingerprintB) return 1;
  const a = shingles(fingerprintA);
  const b = shingles(fingerprintB);
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const shingle of small) if (large.has(shingle)) shared += 1;
  const jaccard = shared / (a.size + b.size - shared);
  const containment = shared / small.size;
  const trust = Math.min(1, small.size / FULL_TRUST_SHINGLES);
  return jaccard + (containment - jaccard) * trust;
}

function shingles(fingerprint: string): Set<string> {
  const tokens = fingerprint.split(' ');
  if (tokens.length <= SHINGLE_WORDS) return new Set([fingerprint]);
  const result = new Set<string>();
  for (let i = 0; i + SHINGLE_WORDS <= tokens.length; i += 1) {
    result.add(tokens.slice(i, i + SHINGLE_WORDS).join(' '));
  }
  return result;
}
