import type { TermMatcher } from './term-pattern';

/**
 * Words that dispute a claim, whatever the fact. Applied only near the fact's own terms, so that "denied
 * supplying arms" does not dispute a gas deal named later in the same sentence.
 */
export const DENIAL_TERMS = [
  'deny',
  'denies',
  'denied',
  'denial*',
  'reject*',
  'dismiss*',
  'refut*',
  'rebut*',
  'false',
  'baseless',
  'groundless',
  'fabricat*',
  'absurd',
  'premature',
  'declin* to confirm',
  'no such',
  'not true',
  'untrue',
  'disput*',
  'fake',
  'nonsense',
  'no evidence',
  'unfounded',
  'no basis',
  'inaccurate',
  'misleading',
  'fiction*',
  'smear*',
  'slander*',
  'cooked up',
  'concoct*',
  'trumped-up',
  'made-up',
  'hoax',
  'lies',
  'distort*',
  'contrary to report*',
  'contrary to claims',
  'exaggerat*',
  'overstat*',
  'overblown',
  'was wrong',
  'were wrong',
  'is wrong',
  'are wrong',
  'never happened',
  'did not happen',
  'before it began',
  'before it started',
  'before it took effect',
  'never took effect',
  'опроверг*',
  'отрица*',
  'не соответству*',
  'фейк*',
  '否认',
  '不实',
  '不属实',
  '虚假',
  '捏造',
  '부인',
  '사실무근',
  '허위',
];

/** Negations that, just before one of a fact's own action words, dispute it ("has not been signed"). */
const NEGATIONS = [
  'not',
  'never',
  'not yet',
  'not been',
  'not yet been',
  'never been',
  "didn't",
  "hasn't",
  "hasn't been",
  "haven't",
  "haven't been",
  "wasn't",
  "weren't",
  'no longer',
];

/** The cue terms for a fact's action words under a negation: "not" + "signed" gives "not signed", "not been signed"… */
export function negatedActionTerms(actions: readonly string[]): string[] {
  return actions.flatMap((action) => NEGATIONS.map((negation) => `${negation} ${action}`));
}

// "which had denied sending soldiers, has now confirmed": a denial later confirmed is history, not a dispute.
const CONFIRMED_AFTER =
  /(?<!\b(?:not|to|never)\s)\b(?:confirm(?:ed|s)|admit(?:ted|s)|acknowledg(?:ed|es))\b/i;

/** How far after a cue (characters) a word may show that the cue speaks of something else. */
const NOT_ABOUT_WINDOW = 35;

/** How far (in characters) a cue may sit from the fact's own words and still speak about them. */
export const CUE_WINDOW = 60;

// "urges allies to impose tariffs", "tells NATO to slap tariffs", "could halt": a call, a request or a
// possibility, not a change that happened.
const IRREALIS =
  /\b(?:urg\w*|call(?:s|ed|ing)? (?:on|for)|propos\w*|threat\w*|demand\w*|consider\w*|mull\w*|could|might|may|would|should|must|ought to|once|if|unless|(?:tell|tells|told|ask|asks|asked|want|wants|wanted|press|presses|pressed)\s+(?:[\w.'’-]+\s+){1,3}?to)\b[^;,]*$/i;

// What someone else says, and the verbs that deny it: shared by the rules on denied doubts and denied reports.
const HEARSAY = '(?:reports?|claims?|rumou?rs?|posts?|allegations?|suggestions?|speculation|talk|stories)';
const DENIAL_VERB = String.raw`(?:dismiss\w*|reject\w*|den(?:y|ies|ied)|refut\w*|debunk\w*|brush\w* (?:off|aside))`;

// "dismissed Western talk of a rift": a denial of someone's doubt affirms the fact, and the doubt it names
// ("rift") is reported, not asserted. Both the denial and the doubted word are then no cue.
const DOUBT = String.raw`(?:${HEARSAY}|notions?)\s+(?:of|about|that)\s+(?:[\w'-]+\s+){0,4}?`;
const DOUBTED_WORD = String.raw`(?:rift|split|cool\w*|strain\w*|tensions?|rivalry|wedge|discord|friction|divisions?|mistrust)`;
const DOUBT_FOLLOWS = String.raw`^\s+(?:[\w'-]+\s+){0,2}?${DOUBT}`;
const DENIAL_OF_DOUBT = new RegExp(String.raw`${DOUBT_FOLLOWS}${DOUBTED_WORD}\b`, 'i');
// "…dismissing Western talk of an 'axis of upheaval'": the denial's object is someone's talk, whatever it names.
const DOUBT_AFTER = new RegExp(DOUBT_FOLLOWS, 'i');
const DOUBT_DENIED_BEFORE = new RegExp(String.raw`\b${DENIAL_VERB}\s+(?:[\w'-]+\s+){0,2}?${DOUBT}$`, 'i');

// "dismisses rumours that the visa waiver was suspended", "rejected posts which claimed that entry had been
// halted": denying a report that something changed affirms it as it was. The report follows the denial closely.
const REPORT_OF = String.raw`^[^;.]{0,50}?\b(?:${HEARSAY}|claimed|claiming)\b[^;.]{0,40}?\b(?:saying|says|said|that|of|claiming|alleging|suggesting)\b`;
const CHANGE_WORD = String.raw`\b(?:suspend\w*|halt\w*|scrap\w*|cancel\w*|revok\w*|withdr[ae]w\w*|pull\w* out|postpon\w*|delay\w*|collaps\w*|froze|frozen|freez\w*|paus\w*|abandon\w*|terminat\w*|stall\w*|shelv\w*|ended)\b`;
const DENIED_REPORT_OF_CHANGE = new RegExp(`${REPORT_OF}[^;.]{0,80}?${CHANGE_WORD}`, 'i');
// …and the change such a report names is no change either.
const INSIDE_DENIED_REPORT = new RegExp(
  String.raw`\b${DENIAL_VERB}\b[^;.]{0,50}?\b${HEARSAY}\b[^;.]{0,120}$`,
  'i',
);
/** How far (characters) before a change word a denied report may open. */
const DENIED_REPORT_REACH = 180;

// "rejecting yuan transfers", "refused the cargoes": what is turned away is a thing, not a claim.
const REJECTION = /^(?:reject|refus|turn\w*\s+away|decline)/i;
const THING_REJECTED =
  /^\s+(?:the\s+|some\s+|most\s+)?(?:[\w-]+\s+){0,2}?(?:transfers?|payments?|transactions?|applications?|cargoes|cargo|shipments?|imports?|deliveries|tankers?|orders?)\b/i;

// "both reject the Cold War mentality and bullying", "reject 'Cold War mentality'": rejecting a policy both
// oppose is a shared stance, not a dispute of anything reported. Quotes around the policy are read past.
const QUOTES = /['"‘’“”]/g;
const STANCE_REJECTED =
  /^\s+(?:the\s+|any\s+|all\s+|such\s+)?(?:[\w-]+\s+){0,2}?(?:cold\s+war|bullying|hegemon\w*|unilateral\w*|interference|protectionism|bloc\s+confrontation|confrontation|zero-sum|coercion|containment|decoupling|double\s+standards|power\s+politics|external\s+pressure|unilateral\s+sanctions|illegal\s+sanctions)\b/i;

// "failed to reach a peace agreement", "has not reached a deal", "hopes for a ceasefire accord": a change that did
// not happen, or is only sought, is no change. "but" or "instead" ends the negation's reach ("did not take the
// train but flew"); "no longer" and "not only" are no negation of what follows.
const UNREALISED =
  /\b(?:not(?! only)|never|no(?! longer)|\w+n't|fail\w* to|yet to|unlikely to|without|hop(?:e|es|ed|ing) (?:for|to)|seek\w*|sought|push\w* for|toward\w*|efforts? (?:to|for)|bids? (?:to|for)|attempts? to|tr(?:y|ies|ied|ying) to|possible|potential|prospects? (?:of|for)|talks (?:on|about|over|for))\b(?:(?!\bbut\b|\binstead\b)[^;,])*$/i;

// "dismissed as slander a report by the monitoring team saying Pyongyang shipped shells": a dispute of a report
// reaches the report's content, which may sit further from the cue than the fact's words usually do.
const REPORTED_CONTENT =
  /\b(?:reports?|claims?|allegations?|accusations?|assertions?|findings?|accounts?)\b[^;.]*?\b(?:saying|that|of|claiming|alleging|accusing|suggesting)\b/i;

// "the long-delayed pipeline": a change word made into an adjective describes the thing's past, not a new event.
const ATTRIBUTIVE = /\b(?:long|much|oft|often|once|twice|repeatedly|recently)[-‐‑–]$/i;

/** How far (characters) a disputed report's content may reach past the cue. */
const REPORT_WINDOW = 160;

/** Where a cue was found in a sentence. */
export interface CueHit {
  index: number;
  text: string;
}

/**
 * The first cue in a sentence that sits within `CUE_WINDOW` characters of one of the anchors (positions of
 * the fact's terms) and is not followed by one of `notAbout`. With no anchors, any cue in the sentence counts.
 * With `change` set the cue announces a change, which a negation or an aim just before it undoes.
 */
export function findCueNear(
  sentence: string,
  cues: TermMatcher,
  anchors: readonly number[],
  notAbout?: TermMatcher,
  change = false,
): CueHit | undefined {
  if (!cues.test(sentence)) return undefined;
  for (const hit of cues.matches(sentence)) {
    const before = sentence.slice(Math.max(0, hit.index - 40), hit.index);
    if (IRREALIS.test(before)) continue;
    if (change && (UNREALISED.test(before) || ATTRIBUTIVE.test(before))) continue;
    if (
      change &&
      INSIDE_DENIED_REPORT.test(sentence.slice(Math.max(0, hit.index - DENIED_REPORT_REACH), hit.index))
    )
      continue;
    const end = hit.index + hit.text.length;
    if (DENIAL_OF_DOUBT.test(sentence.slice(end, end + 70))) continue;
    if (STANCE_REJECTED.test(sentence.slice(end, end + 50).replace(QUOTES, ''))) continue;
    if (!change && REJECTION.test(hit.text) && THING_REJECTED.test(sentence.slice(end, end + 40))) continue;
    if (DOUBT_DENIED_BEFORE.test(sentence.slice(Math.max(0, hit.index - 70), hit.index))) continue;
    if (notAbout?.test(sentence.slice(end, end + NOT_ABOUT_WINDOW))) continue;
    if (CONFIRMED_AFTER.test(sentence.slice(end))) continue;
    // "…global governance system, dismissing Western talk of an 'axis of upheaval'": what a denial of someone's
    // talk disputes is that talk, so only the fact's words inside it make the denial a dispute of the fact.
    const reportedAfter = DOUBT_AFTER.test(sentence.slice(end, end + 40));
    if (!change && DENIED_REPORT_OF_CHANGE.test(sentence.slice(end))) continue;
    if (
      anchors.length === 0 ||
      anchors.some((anchor) => (!reportedAfter || anchor >= end) && near(sentence, anchor, hit.index, end))
    )
      return hit;
  }
  return undefined;
}

// A semicolon or a contrasting conjunction ("…, even as its soldiers fight") starts another statement.
const CLAUSE_BREAK =
  /;|,?\s(?:even as|while|whereas|although|though)\s|,\s(?:but|yet)\s|\sas\s(?:its|their|his|her|the)\s/i;

// Within the window of the cue's span (a long cue such as "declined to confirm" reaches as far) and the same clause.
function near(sentence: string, anchor: number, cue: number, cueEnd: number): boolean {
  const distance = anchor >= cueEnd ? anchor - cueEnd : Math.abs(anchor - cue);
  if (distance > REPORT_WINDOW) return false;
  const between = sentence.slice(Math.min(anchor, cue), Math.max(anchor, cue));
  // "…the report alleging illegal arms transactions between the DPRK and Russia was a sheer fabrication": the
  // dispute reaches back over the report's content to the report itself.
  const reported =
    anchor >= cueEnd
      ? REPORTED_CONTENT.test(between)
      : REPORTED_CONTENT.test(sentence.slice(Math.max(0, anchor - 60), cue));
  if (distance > CUE_WINDOW && !reported) return false;
  return !CLAUSE_BREAK.test(between);
}
