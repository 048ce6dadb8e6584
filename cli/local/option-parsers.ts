import { InvalidArgumentError } from 'commander';
import ms from 'ms';

/** A whole number ≥ 1 (commander argParser). */
export function parsePositiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number of at least 1');
  return n;
}

/** A TCP port, 0 meaning any free port. */
export function parsePort(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65_535)
    throw new InvalidArgumentError('expected a port from 0 to 65535');
  return n;
}

/** A duration such as 90s, 15m, 2h or 7d, in milliseconds. */
export function parseDuration(value: string): number {
  const parsed = ms(value as ms.StringValue);
  if (typeof parsed !== 'number' || !Number.isFinite(parsed) || parsed <= 0) {
    throw new InvalidArgumentError('expected a duration such as 90s, 15m, 2h or 7d');
  }
  return parsed;
}
