import { describe, expect, it } from 'vitest';
import { DEFAULT_POLL_POLICY, nextPoll } from '../../../lambda/core/feeds/next-poll';
import type { FeedOutcome } from '../../../lambda/core/model/feed';

const MIN = 60_000;
const HOUR = 60 * MIN;
const failed: FeedOutcome = { kind: 'failed', reason: 'HTTP 500' };
const fetched: FeedOutcome = { kind: 'fetched', items: 1, newStories: 1, alerts: 0 };
/** random() = 0.5 makes the jitter factor exactly 1. */
const noJitter = () => 0.5;

describe('nextPoll', () => {
  it.each([
    ['a 200', fetched, 0, 15 * MIN],
    ['a 304', { kind: 'unchanged' } as FeedOutcome, 0, 15 * MIN],
    ['the 1st failure', failed, 1, 15 * MIN],
    ['the 2nd failure', failed, 2, 30 * MIN],
    ['the 3rd failure', failed, 3, 60 * MIN],
    ['the 7th failure', failed, 7, 16 * HOUR],
    ['the 8th failure (capped)', failed, 8, 24 * HOUR],
    ['the 5000th failure (no overflow)', failed, 5000, 24 * HOUR],
    [
      'a 429 asking for 2 h',
      { kind: 'failed', reason: '429', retryAfterSeconds: 7200 } as FeedOutcome,
      1,
      2 * HOUR,
    ],
    [
      'a 503 asking for less than the backoff',
      { kind: 'failed', reason: '503', retryAfterSeconds: 60 } as FeedOutcome,
      2,
      30 * MIN,
    ],
    [
      'a Retry-After of a week (bounded)',
      { kind: 'failed', reason: '503', retryAfterSeconds: 7 * 86_400 } as FeedOutcome,
      1,
      24 * HOUR,
    ],
    [
      'a negative Retry-After (ignored)',
      { kind: 'failed', reason: '503', retryAfterSeconds: -5 } as FeedOutcome,
      1,
      15 * MIN,
    ],
  ])('after %s waits the expected delay', (_case, outcome, failures, delayMs) => {
    expect(nextPoll(outcome, failures, DEFAULT_POLL_POLICY, noJitter)).toEqual({ kind: 'at', delayMs });
  });

  it('retires a feed that answered 410 Gone', () => {
    expect(nextPoll({ kind: 'gone', reason: 'HTTP 410 Gone' }, 1, DEFAULT_POLL_POLICY, noJitter)).toEqual({
      kind: 'retire',
    });
  });

  it.each([
    [0, 0.8],
    [0.999_999, 1.2],
  ])('spreads a backoff by the jitter (random %s → ×%s)', (random, factor) => {
    const next = nextPoll(failed, 3, DEFAULT_POLL_POLICY, () => random);
    expect(next.kind === 'at' && next.delayMs / (60 * MIN)).toBeCloseTo(factor, 4);
  });

  it('never waits longer than the cap, jitter included', () => {
    const next = nextPoll(failed, 30, DEFAULT_POLL_POLICY, () => 0.999_999);
    expect(next).toEqual({ kind: 'at', delayMs: 24 * HOUR });
  });

  it('uses a configured poll interval and backoff base', () => {
    const policy = { ...DEFAULT_POLL_POLICY, pollIntervalMs: 5 * MIN, backoffBaseMs: MIN };
    expect(nextPoll(fetched, 0, policy, noJitter)).toEqual({ kind: 'at', delayMs: 5 * MIN });
    expect(nextPoll(failed, 4, policy, noJitter)).toEqual({ kind: 'at', delayMs: 8 * MIN });
  });
});
