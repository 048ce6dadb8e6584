/**
 * Seconds to wait according to a Retry-After header, which is either a count of seconds or an HTTP-date.
 * A date in the past means "now" (0). Anything unreadable gives undefined, so the caller falls back to its
 * own backoff rather than trusting a garbled value. Capping a far-future value is the registry's backoff
 * policy, not this parser's.
 */
export function parseRetryAfter(header: string | undefined, now: Date): number | undefined {
  const value = header?.trim();
  if (!value) return undefined;
  if (/^\d+$/.test(value)) return Number(value);
  // Date.parse accepts all three HTTP-date forms (IMF-fixdate, RFC 850, asctime), but also loose strings
  // like "5"; requiring a letter keeps bare or signed numbers ("-3", "1.5") from reading as dates.
  if (!/[a-z]/i.test(value)) return undefined;
  // HTTP-dates are always GMT; asctime form omits the zone, and Date.parse would read it as local time.
  const at = Date.parse(/\b(GMT|UTC)\b/i.test(value) ? value : `${value} GMT`);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, Math.ceil((at - now.getTime()) / 1000));
}
