import type { FeedOutcome, FeedState } from '../model/feed';
import { DEFAULT_POLL_POLICY, nextPoll, type PollPolicy } from './next-poll';

/**
 * A feed's next state after one poll. Validators change only on a 200 (a 304 or a failure keeps the ones
 * that produced the last good copy); a success clears the failure count and the last error; a 410 retires
 * the feed, keeping its reason.
 */
export function applyOutcome(
  state: FeedState,
  outcome: FeedOutcome,
  now: Date,
  policy: PollPolicy = DEFAULT_POLL_POLICY,
  random: () => number = Math.random,
): FeedState {
  const at = now.toISOString();
  const failures =
    outcome.kind === 'fetched' || outcome.kind === 'unchanged' ? 0 : state.consecutiveFailures + 1;
  const next = nextPoll(outcome, failures, policy, random);
  const base: FeedState = {
    ...state,
    lastAttemptAt: at,
    consecutiveFailures: failures,
    nextDueAt: next.kind === 'at' ? new Date(now.getTime() + next.delayMs).toISOString() : at,
  };
  switch (outcome.kind) {
    case 'fetched': {
      const { etag: _etag, lastModified: _lastModified, lastError: _lastError, ...rest } = base;
      return {
        ...rest,
        ...(outcome.etag ? { etag: outcome.etag } : {}),
        ...(outcome.lastModified ? { lastModified: outcome.lastModified } : {}),
        lastSuccessAt: at,
      };
    }
    case 'unchanged': {
      const { lastError: _lastError, ...rest } = base;
      return { ...rest, lastSuccessAt: at };
    }
    case 'failed':
      return { ...base, lastError: outcome.reason };
    case 'gone':
      return { ...base, status: 'retired', lastError: outcome.reason };
  }
}
