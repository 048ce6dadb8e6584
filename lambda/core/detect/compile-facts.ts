import type { Fact, StatusChange } from '../../baseline/schema';
import { COUNTRY_CODES, type CountryCode } from '../model/classification';
import { countryMask } from './country-mask';
import { compileTerms, type TermMatcher } from './term-pattern';

/** One signal group: it matches a sentence naming one of its countries or containing one of its terms. */
export interface CompiledGroup {
  /** The group's countries as a mask (country-mask.ts); 0 when it names none. */
  countries: number;
  terms: TermMatcher | undefined;
}

/** A fact with its signals and status words compiled once per baseline. */
export interface CompiledFact {
  fact: Fact;
  /** The fact's actor countries as a mask: a story must name them all. */
  actors: number;
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
  return { countries: countryMask(countries), terms: words.length > 0 ? compileTerms(words) : undefined };
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
    return {
      fact,
      actors: countryMask(fact.actors.countries),
      sentenceGroups,
      storyGroups,
      exclude,
      anchors: compileTerms(anchorTerms),
      changes,
    };
  });
}
