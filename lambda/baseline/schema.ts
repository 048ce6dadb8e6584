import { COUNTRY_CODES } from '../core/model/classification';
import * as z from '../validation/zod-mini';

/**
 * A signal term. Matched case-insensitively on word boundaries; a trailing `*` matches any word ending
 * (`sanction*`); a term written wholly in capitals (`US`, `SCO`) is an acronym and matched exactly;
 * `@RU`, `@CN`, `@KP` stand for any recognised mention of that country.
 */
const term = z.string().check(z.trim(), z.minLength(1, 'expected a non-empty term'));
/** Every group must match; a group matches when any of its terms does. */
const termGroups = z
  .array(z.array(term).check(z.minLength(1, 'expected at least one term')))
  .check(z.minLength(1));
const isoDate = z
  .string()
  .check(z.regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'expected an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)'));
const cues = z.optional(z.array(term));
const nonEmpty = z.string().check(z.minLength(1));

export const quantityValueSchema = z.object({
  type: z.literal('quantity'),
  name: nonEmpty,
  value: z.number(),
  /** One of the units extract-quantities reports: `bcm`, `percent`, `people`, `USD`, `bpd`… */
  unit: nonEmpty,
  /** `year` when the quantity is a yearly rate ("106 bcm a year"). */
  per: z.optional(z.literal('year')),
  /** Relative difference still read as the same value (0.05 = 5%). @default 0.02 */
  tolerance: z.optional(z.number().check(z.minimum(0), z.maximum(1))),
});

export const dateValueSchema = z.object({
  type: z.literal('date'),
  name: nonEmpty,
  value: isoDate,
  /** Words that mark a date in the same sentence as this value (`until`, `expire*`); without cues the date is recorded, never compared. */
  cues,
});

export const durationValueSchema = z.object({
  type: z.literal('duration'),
  name: nonEmpty,
  value: z.object({
    amount: z.number().check(z.positive()),
    unit: z.enum(['day', 'week', 'month', 'year']),
  }),
  cues,
});

export const placeValueSchema = z.object({
  type: z.literal('place'),
  name: nonEmpty,
  value: nonEmpty,
});

export const statusChangeSchema = z.object({
  /** The status the words announce ("signed", "halted"). */
  to: nonEmpty,
  verdict: z.enum(['updates', 'contradicts']),
  words: z.array(term).check(z.minLength(1)),
  /**
   * Words that, just after a cue, show it speaks of something else: "have not agreed on the price" leaves the
   * deal standing (an unsettled term), where "have not agreed to increase supplies" disputes it.
   */
  notAbout: z.optional(z.array(term)),
});

export const statusValueSchema = z.object({
  type: z.literal('status'),
  name: nonEmpty,
  value: nonEmpty,
  changes: z.array(statusChangeSchema).check(z.minLength(1)),
});

export const quoteValueSchema = z.object({
  type: z.literal('quote'),
  name: nonEmpty,
  value: nonEmpty,
  /** Words that restate the quote or its tone. */
  words: z.array(term).check(z.minLength(1)),
});

export const trackedValueSchema = z.discriminatedUnion('type', [
  quantityValueSchema,
  dateValueSchema,
  durationValueSchema,
  placeValueSchema,
  statusValueSchema,
  quoteValueSchema,
]);

export const factSchema = z.object({
  id: z.string().check(z.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected a kebab-case id')),
  statement: nonEmpty,
  actors: z.object({
    countries: z.array(z.enum(COUNTRY_CODES)).check(z.minLength(1)),
    people: z._default(z.array(nonEmpty), []),
  }),
  signals: z.object({
    /** Groups that must all match within one sentence of the story (the evidence sentence). */
    sentence: termGroups,
    /** Groups that must all match somewhere in the story. */
    story: z.optional(termGroups),
    /** Terms that keep a sentence from speaking to the fact ("phone" for a meeting in person). */
    exclude: z.optional(z.array(term)),
  }),
  values: z.array(trackedValueSchema),
  /**
   * The fact's own action words ("signed", "introduced", "by train", "the largest"): a negation just before one
   * ("has not been signed", "was not introduced", "not by train") disputes the fact, whoever says it.
   */
  actions: z.optional(z.array(term)),
  /**
   * Whether a denial near the fact's terms disputes it. False where the denial is part of the fact
   * itself (Beijing denies aiding Russia's war).
   * @default true
   */
  deniable: z._default(z.boolean(), true),
});

export const baselineSchema = z
  .object({
    version: z.literal(1),
    source: z.object({ title: nonEmpty, published: isoDate, url: z.optional(z.url()) }),
    facts: z.array(factSchema).check(z.minLength(1)),
  })
  .check(
    z.superRefine((baseline, ctx) => {
      const seen = new Set<string>();
      baseline.facts.forEach((fact, index) => {
        if (seen.has(fact.id)) {
          ctx.addIssue({
            code: 'custom',
            path: ['facts', index, 'id'],
            message: `duplicate fact id "${fact.id}"`,
          });
        }
        seen.add(fact.id);
      });
    }),
  );

export type Baseline = z.infer<typeof baselineSchema>;
export type Fact = z.infer<typeof factSchema>;
export type TrackedValue = z.infer<typeof trackedValueSchema>;
export type QuantityValue = z.infer<typeof quantityValueSchema>;
export type DateValue = z.infer<typeof dateValueSchema>;
export type DurationValue = z.infer<typeof durationValueSchema>;
export type PlaceValue = z.infer<typeof placeValueSchema>;
export type StatusValue = z.infer<typeof statusValueSchema>;
export type StatusChange = z.infer<typeof statusChangeSchema>;
export type QuoteValue = z.infer<typeof quoteValueSchema>;
