import type { DateValue, DurationValue, Fact, QuantityValue, TrackedValue } from '../../baseline/schema';
import type { FactFinding, Verdict } from '../model/classification';
import type { AnalysedSentence } from './analyse-story';
import { type CueHit, DENIAL_TERMS, findCueNear, negatedActionTerms } from './detect-status-change';
import { type ExtractedDate, extractDates, sameDate } from './extract-dates';
import { durationDays, extractSpans } from './extract-durations';
import { extractQuantities, type Quantity } from './extract-quantities';
import type { FactMatch } from './match-facts';
import { compileTerms, type TermMatcher } from './term-pattern';

/** How near (characters) a date or duration must follow one of its cue words. */
const VALUE_CUE_WINDOW = 30;

let denial: TermMatcher | undefined;
const valueCues = new WeakMap<TrackedValue, TermMatcher>();
const negatedActions = new WeakMap<Fact, TermMatcher | undefined>();

/** "has not been signed", "never sent": the fact's own action words under a negation; undefined without actions. */
function negatedActionsOf(fact: Fact): TermMatcher | undefined {
  if (!negatedActions.has(fact))
    negatedActions.set(
      fact,
      fact.actions?.length ? compileTerms(negatedActionTerms(fact.actions)) : undefined,
    );
  return negatedActions.get(fact);
}
// Several facts can read the same sentence; chrono is the costliest step, so each sentence is read once.
const datesRead = new WeakMap<AnalysedSentence, ExtractedDate[]>();
const quantitiesRead = new WeakMap<AnalysedSentence, Quantity[]>();

function datesIn(sentence: AnalysedSentence, published?: string): ExtractedDate[] {
  let dates = datesRead.get(sentence);
  if (dates === undefined) {
    dates = extractDates(sentence.text, published);
    datesRead.set(sentence, dates);
  }
  return dates;
}

function quantitiesIn(sentence: AnalysedSentence): Quantity[] {
  let quantities = quantitiesRead.get(sentence);
  if (quantities === undefined) {
    quantities = extractQuantities(sentence.text);
    quantitiesRead.set(sentence, quantities);
  }
  return quantities;
}

// "the 106 bcm figure is overstated", "inflated the estimate": the dispute is aimed at a figure.
const FIGURE_BEFORE =
  /\b(?:figures?|estimates?|forecasts?|projections?|numbers?|targets?|volumes?)\s+(?:(?:is|are|was|were|has been|have been|being|as)\s+)?$/i;
const FIGURE_AFTER =
  /^\s+(?:the\s+|its\s+|their\s+)?(?:[\w-]+\s+)?(?:figures?|estimates?|forecasts?|projections?|targets?)\b/i;

/** Whether a dispute cue is aimed at a figure: only a fact that tracks figures reads it as disputed. */
function aimsAtFigure(text: string, hit: CueHit): boolean {
  return (
    FIGURE_BEFORE.test(text.slice(Math.max(0, hit.index - 30), hit.index)) ||
    FIGURE_AFTER.test(text.slice(hit.index + hit.text.length, hit.index + hit.text.length + 40))
  );
}

/** A different figure is a new value only at a comparable size; a far smaller one is a part ("44 bcm on the first line"). */
const COMPARABLE_RATIO = 1.5;

interface Reading {
  verdict: Verdict;
  /** Set when the reading compares a figure with a tracked quantity. */
  quantity?: boolean;
  sentence: AnalysedSentence;
  baseline?: string;
  observed?: string;
}

/**
 * One verdict for one fact. A dispute of the fact near its own words `contradicts`; a changed status or a
 * tracked value that differs `updates`; otherwise the story `reaffirms` it. A contradiction outranks an
 * update: a story that both disputes and revises a fact is first of all a dispute. Undefined when the sentences
 * only give figures of another size than a tracked quantity: they speak of something else.
 */
export function judgeVerdict(match: FactMatch, published?: string): FactFinding | undefined {
  const { compiled } = match;
  let readings: Reading[] = [];
  const countryAnchored = compiled.sentenceGroups.some((group) => group.countries !== 0);
  const tracksFigure = compiled.fact.values.some((value) => value.type === 'quantity');
  for (const sentence of match.sentences) {
    // Country mentions anchor cues only for facts whose signals are countries ("@KP … troops").
    // Placing cues costs a scan of the fact's terms; most sentences carry no cue at all, so only those that do pay.
    let placed: number[] | undefined;
    const anchors = (): number[] => {
      placed ??= [
        ...compiled.anchors.positions(sentence.text),
        ...(countryAnchored ? sentence.mentions.map((mention) => mention.start - sentence.start) : []),
      ];
      return placed;
    };
    // A dispute must govern the fact's own words, not merely sit beside a country's name: "Pyongyang denies
    // crypto theft" says nothing of its troops. So only the fact's terms anchor a contradiction.
    const words = (): number[] => compiled.anchors.positions(sentence.text);
    for (const { change, cues, notAbout } of compiled.changes) {
      const disputes = change.verdict === 'contradicts';
      const near = disputes ? words : anchors;
      let hit = cues.test(sentence.text)
        ? findCueNear(sentence.text, cues, near(), notAbout, !disputes)
        : undefined;
      if (hit && disputes && !tracksFigure && aimsAtFigure(sentence.text, hit)) hit = undefined;
      const status = compiled.fact.values.find(
        (value) => value.type === 'status' && value.changes.includes(change),
      );
      if (hit) {
        readings.push({
          verdict: change.verdict,
          sentence,
          ...(status ? { baseline: String(status.value) } : {}),
          observed: `${change.to} ("${hit.text}")`,
        });
      }
    }
    if (compiled.fact.deniable) {
      denial ??= compileTerms(DENIAL_TERMS);
      const negated = negatedActionsOf(compiled.fact);
      const hit =
        (denial.test(sentence.text) ? findCueNear(sentence.text, denial, words()) : undefined) ??
        (negated?.test(sentence.text) ? findCueNear(sentence.text, negated, words()) : undefined);
      if (hit && (tracksFigure || !aimsAtFigure(sentence.text, hit)))
        readings.push({
          verdict: 'contradicts',
          sentence,
          baseline: compiled.fact.statement,
          observed: `disputed ("${hit.text}")`,
        });
    }
    for (const value of compiled.fact.values) readings.push(...readValue(value, sentence, published));
  }
  // A story that states the baseline figure reaffirms it; its other figures are parts or comparisons.
  if (readings.some((reading) => reading.quantity && reading.verdict === 'reaffirms'))
    readings = readings.filter((reading) => !(reading.quantity && reading.verdict === 'updates'));
  // Every figure of the tracked kind is a part of another size ("38 bcm on the first line"): the story speaks of
  // the project, not of this fact's value.
  if (readings.length === 0 && onlyParts(compiled.fact.values, match.sentences)) return undefined;
  const chosen =
    readings.find((reading) => reading.verdict === 'contradicts') ??
    readings.find((reading) => reading.verdict === 'updates') ??
    readings[0];
  const evidence = (chosen?.sentence ?? match.sentences[0])?.text ?? '';
  if (chosen === undefined || chosen.verdict === 'reaffirms') {
    return { factId: compiled.fact.id, verdict: 'reaffirms', evidence };
  }
  return {
    factId: compiled.fact.id,
    verdict: chosen.verdict,
    ...(chosen.baseline !== undefined ? { baseline: chosen.baseline } : {}),
    ...(chosen.observed !== undefined ? { observed: chosen.observed } : {}),
    evidence,
  };
}

function readValue(value: TrackedValue, sentence: AnalysedSentence, published?: string): Reading[] {
  switch (value.type) {
    case 'quantity':
      return readQuantity(value, sentence);
    case 'date':
      return value.cues ? readDate(value, sentence, published) : [];
    case 'duration':
      return value.cues ? readDuration(value, sentence) : [];
    default:
      return [];
  }
}

function describeQuantity(value: number, unit: string, per: string | undefined): string {
  return `${value} ${unit}${per ? `/${per}` : ''}`;
}

/** A matching figure reaffirms; only when none matches does another figure of the same kind update. */
function readQuantity(value: QuantityValue, sentence: AnalysedSentence): Reading[] {
  // A vague amount ("tens of billions of cubic metres") neither confirms nor revises a figure.
  const comparable = quantitiesIn(sentence).filter(
    (quantity) =>
      !quantity.approximate &&
      quantity.unit === value.unit &&
      (value.per === undefined || quantity.per === value.per),
  );
  if (comparable.length === 0) return [];
  const tolerance = value.tolerance ?? 0.02;
  const same = comparable.find(
    (quantity) => Math.abs(quantity.value - value.value) <= Math.abs(value.value) * tolerance,
  );
  const baseline = describeQuantity(value.value, value.unit, value.per);
  if (same)
    return [
      {
        verdict: 'reaffirms',
        quantity: true,
        sentence,
        baseline,
        observed: describeQuantity(same.value, same.unit, same.per),
      },
    ];
  const other = comparable.find((quantity) => comparableSize(quantity.value, value.value));
  return other
    ? [
        {
          verdict: 'updates',
          quantity: true,
          sentence,
          baseline,
          observed: describeQuantity(other.value, other.unit, other.per),
        },
      ]
    : [];
}

function cuesOf(value: DateValue | DurationValue): TermMatcher {
  let cues = valueCues.get(value);
  if (cues === undefined) {
    cues = compileTerms(value.cues ?? []);
    valueCues.set(value, cues);
  }
  return cues;
}

function cuedNear(cues: TermMatcher, text: string, index: number, length: number): boolean {
  return cues
    .positions(text)
    .some(
      (position) =>
        (position < index && index - position <= VALUE_CUE_WINDOW) ||
        (position >= index + length && position - index - length <= 12),
    );
}

function readDate(value: DateValue, sentence: AnalysedSentence, published?: string): Reading[] {
  const cues = cuesOf(value);
  if (!cues.test(sentence.text)) return [];
  const readings: Reading[] = [];
  for (const date of datesIn(sentence, published)) {
    if (!cuedNear(cues, sentence.text, date.index, date.text.length)) continue;
    // A bare year says little about a day: compare only at the value's own precision or finer.
    if (date.iso.length < value.value.length && date.precision === 'year') continue;
    const verdict =
      sameDate(date.iso, value.value) || sameGuessedYear(date, value.value) ? 'reaffirms' : 'updates';
    readings.push({
      verdict,
      sentence,
      baseline: `${value.name}: ${value.value}`,
      observed: `${value.name}: ${date.text}`,
    });
  }
  return readings;
}

/**
 * "in May", written in December, names a May whose year the text leaves open: chrono picks the nearest, which may
 * be the coming one. Such a date matches the value when its month and day do, in the year before or after.
 */
function sameGuessedYear(date: ExtractedDate, expected: string): boolean {
  if (!date.yearGuessed) return false;
  const year = Number(date.iso.slice(0, 4));
  const rest = date.iso.slice(4);
  return [year - 1, year + 1].some((other) => sameDate(`${other}${rest}`, expected));
}

function readDuration(value: DurationValue, sentence: AnalysedSentence): Reading[] {
  const cues = cuesOf(value);
  if (!cues.test(sentence.text)) return [];
  const expected = durationDays(value.value.amount, value.value.unit);
  const readings: Reading[] = [];
  for (const duration of extractSpans(sentence.text)) {
    if (!cuedNear(cues, sentence.text, duration.index, duration.text.length)) continue;
    const days = durationDays(duration.amount, duration.unit);
    const verdict = Math.abs(days - expected) <= expected * 0.05 ? 'reaffirms' : 'updates';
    readings.push({
      verdict,
      sentence,
      baseline: `${value.name}: ${value.value.amount} ${value.value.unit}`,
      observed: `${value.name}: ${duration.text}`,
    });
  }
  return readings;
}

function onlyParts(values: readonly TrackedValue[], sentences: readonly AnalysedSentence[]): boolean {
  const quantities = values.filter((value): value is QuantityValue => value.type === 'quantity');
  if (quantities.length === 0) return false;
  return quantities.every((value) => {
    const found = sentences.flatMap((sentence) =>
      quantitiesIn(sentence).filter((quantity) => quantity.unit === value.unit),
    );
    return found.length > 0 && found.every((quantity) => !comparableSize(quantity.value, value.value));
  });
}

function comparableSize(observed: number, expected: number): boolean {
  return observed > 0 && Math.max(observed, expected) / Math.min(observed, expected) <= COMPARABLE_RATIO;
}
