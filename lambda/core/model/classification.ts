/** The three countries tiewatch watches, as ISO 3166-1 alpha-2 codes. */
export const COUNTRY_CODES = ['RU', 'CN', 'KP'] as const;
export type CountryCode = (typeof COUNTRY_CODES)[number];

/** How a story stands to one baseline fact. */
export type Verdict = 'reaffirms' | 'updates' | 'contradicts';

/** What an alert says happened; `new-development` is a relevant story no baseline fact covers. */
export type AlertKind = 'update' | 'contradiction' | 'new-development';

/** One story as the detection core reads it (the `tiewatch classify` input line). */
export interface StoryText {
  id: string;
  title: string;
  summary?: string;
  link?: string;
  /** ISO 8601; relative dates in the text ("next month") are resolved against it. */
  published?: string;
  source?: string;
}

/** The verdict on one baseline fact, with what was read and where. */
export interface FactFinding {
  factId: string;
  verdict: Verdict;
  /** The baseline's value of the tracked attribute that changed, in words ("106 bcm/year"). */
  baseline?: string;
  /** The value the story reports ("until 14 September 2026"). */
  observed?: string;
  /** The sentence of the story that carries the verdict. */
  evidence: string;
}

export interface AlertDecision {
  kind: AlertKind;
  factIds: string[];
}

/** The `tiewatch classify` output line: the whole decision for one story. */
export interface Classification {
  id: string;
  relevant: boolean;
  countries: CountryCode[];
  facts: FactFinding[];
  alert: AlertDecision | null;
}
