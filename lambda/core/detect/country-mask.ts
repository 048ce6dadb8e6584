import type { CountryCode } from '../model/classification';

// Country sets are built and compared hundreds of times per relevant story; a bit per country spares the Sets,
// sorts and joins that would otherwise make up much of the cost.
const BIT: Record<CountryCode, number> = { CN: 1, KP: 2, RU: 4 };

/** The set of countries as bits (CN 1, KP 2, RU 4). */
export function countryMask(countries: readonly CountryCode[]): number {
  let mask = 0;
  for (const country of countries) mask |= BIT[country];
  return mask;
}

/** The countries every item names, as one mask. */
export function maskOfAll(items: ReadonlyArray<{ countries: readonly CountryCode[] }>): number {
  let mask = 0;
  for (const item of items) mask |= countryMask(item.countries);
  return mask;
}
