import type { FeedOutcome } from '../model/feed';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

/** How the registry spaces out polls of one feed. */
export interface PollPolicy {
  /**
   * Wait after a successful poll (200 or 304).
   * @default 15 minutes
   */
  pollIntervalMs: number;
  /**
   * First wait after a failure; each further consecutive failure doubles it.
   * @default 15 minutes
   */
  backoffBaseMs: number;
  /**
   * Longest wait after failures or a Retry-After, so a feed whose server comes back is found again within
   * a day instead of being parked forever.
   * @default 24 hours
   */
  maxDelayMs: number;
  /**
   * Spread of the random factor on a backoff (0.2 → ×0.8 … ×1.2), so feeds that failed together (one host
   * down) don't all come back in the same minute.
   * @default 0.2
   */
  jitter: number;
}

export const DEFAULT_POLL_POLICY: PollPolicy = {
  pollIntervalMs: 15 * MINUTE_MS,
  backoffBaseMs: 15 * MINUTE_MS,
  maxDelayMs: 24 * HOUR_MS,
  jitter: 0.2,
};

/** When to poll next, or never (410 Gone). */
export type NextPoll = { kind: 'at'; delayMs: number } | { kind: 'retire' };

/**
 * Decides the wait before the next poll from what this poll came to.
 * @param consecutiveFailures failures in a row including this one (0 after a success)
 * @param random a number in [0, 1); injected so the schedule can be tested exactly
 */
export function nextPoll(
  outcome: FeedOutcome,
  consecutiveFailures: number,
  policy: PollPolicy = DEFAULT_POLL_POLICY,
  random: () => number = Math.random,
): NextPoll {
  switch (outcome.kind) {
    case 'fetched':
    case 'unchanged':
      return { kind: 'at', delayMs: policy.pollIntervalMs };
    case 'gone':
      return { kind: 'retire' };
    case 'failed': {
      const exponent = Math.max(0, consecutiveFailures - 1);
      // 2 ** exponent overflows to Infinity after ~1000 failures; Math.min keeps that harmless.
      const backoff = Math.min(policy.maxDelayMs, policy.backoffBaseMs * 2 ** exponent);
      const jittered = backoff * (1 - policy.jitter + 2 * policy.jitter * random());
      // Retry-After is the server's lower bound; our own backoff may still ask for longer.
      const retryAfterMs = Math.max(0, (outcome.retryAfterSeconds ?? 0) * 1000);
      return {
        kind: 'at',
        delayMs: Math.round(Math.min(policy.maxDelayMs, Math.max(jittered, retryAfterMs))),
      };
    }
  }
}
