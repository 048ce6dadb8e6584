/** Dates further ahead than this are a publisher's clock or time-zone error, not a scheduled story. */
const MAX_FUTURE_MS = 24 * 3600 * 1000;
/** Before web feeds existed: an epoch-zero or two-digit-year accident. */
const EARLIEST_PLAUSIBLE_MS = Date.UTC(1995, 0, 1);

/**
 * The first usable candidate as an ISO 8601 UTC string; the fetch time when none is usable (missing,
 * unparseable, more than a day in the future, or implausibly old).
 */
export function storyDate(candidates: readonly (string | undefined)[], fetchedAt: Date): string {
  const latestAllowed = fetchedAt.getTime() + MAX_FUTURE_MS;
  for (const candidate of candidates) {
    const text = candidate?.trim();
    if (!text) continue;
    const time = Date.parse(text);
    if (Number.isFinite(time) && time >= EARLIEST_PLAUSIBLE_MS && time <= latestAllowed) {
      return new Date(time).toISOString();
    }
  }
  return fetchedAt.toISOString();
}
