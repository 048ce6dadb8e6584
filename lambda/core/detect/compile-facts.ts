import type { Fact, StatusChange } from '../../baseline/schema';
import { COUNTRY_CODES, type CountryCode } from '../model/classification';
import { compileTerms, type TermMatcher } from './term-pattern';

/** One signal group: it matches a sentence naming one of its countries or containing one of its terms. */
export interface CompiledGroup {
  countries: readonly CountryCode[];
  terms: TermMatcher | undefined;
}

/** A fact with its signals and status words compiled once per baseline. */
export interface CompiledFact {
  fact: Fact;
  sentenceGroups: CompiledGroup[];
  storyGroups: CompiledGroup[];
  /** Terms that disqualify a sentence. */
  exclude: TermMatcher | undefined;
  /** Every plain term of the sentence groups: where the fact is spoken of, to place cues near it. */
  anchors: TermMatcher;
  changes: Array<{ change: StatusChange; cues: TermMatcher; notAbout: TermMatcher | undefined }>;
}

const COUNTRY_TOKEN = /^@(RU|CN|KP)$/;

function compileGroup(terms: readonly string[]): CompiledGroup {
  const countries = terms
    .map((term) => COUNTRY_TOKEN.exec(term)?.[1])
    .filter((code): code is CountryCode => (COUNTRY_CODES as readonly string[]).includes(code ?? ''));
  const words = terms.filter((term) => !COUNTRY_TOKEN.test(term));
  return { countries, terms: words.length > 0 ? compileTerms(words) : undefined };
}

/** Compiles a baseline's facts; called once per classifier. */
export function compileFacts(facts: readonly Fact[]): CompiledFact[] {
  return facts.map((fact) => {
    const sentenceGroups = fact.signals.sentence.map(compileGroup);
    const storyGroups = (fact.signals.story ?? []).map(compileGroup);
    const anchorTerms = fact.signals.sentence.flat().filter((term) => !COUNTRY_TOKEN.test(term));
    const changes = fact.values.flatMap((value) =>
      value.type === 'status'
        ? value.changes.map((change) => ({
            change,
            cues: compileTerms(change.words),
            notAbout: change.notAbout?.length ? compileTerms(change.notAbout) : undefined,
          }))
        : [],
    );
    const exclude = fact.signals.exclude?.length ? compileTerms(fact.signals.exclude) : undefined;
    return { fact, sentenceGroups, storyGroups, exclude, anchors: compileTerms(anchorTerms), changes };
  });
}
