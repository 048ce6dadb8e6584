import { describe, expect, it } from 'vitest';
import { applyOutcome } from '../../../lambda/core/feeds/apply-outcome';
import { DEFAULT_POLL_POLICY } from '../../../lambda/core/feeds/next-poll';
import type { FeedState } from '../../../lambda/core/model/feed';

const now = new Date('2026-03-01T12:00:00.000Z');
const later = (minutes: number) => new Date(now.getTime() + minutes * 60_000).toISOString();
const apply = (state: FeedState, outcome: Parameters<typeof applyOutcome>[1]) =>
  applyOutcome(state, outcome, now, DEFAULT_POLL_POLICY, () => 0.5);

const failing: FeedState = {
  url: 'https://a.example/rss',
  status: 'active',
  etag: '"old"',
  lastModified: 'Sat, 28 Feb 2026 10:00:00 GMT',
  lastSuccessAt: '2026-02-28T10:00:00.000Z',
  consecutiveFailures: 2,
  nextDueAt: '2026-03-01T11:00:00.000Z',
  lastError: 'HTTP 500',
  addedAt: '2026-02-01T00:00:00.000Z',
};

describe('applyOutcome', () => {
  it('takes new validators from a 200 and clears the failures', () => {
    expect(apply(failing, { kind: 'fetched', etag: '"new"', items: 5, newStories: 2, alerts: 1 })).toEqual({
      url: failing.url,
      status: 'active',
      etag: '"new"',
      lastSuccessAt: now.toISOString(),
      lastAttemptAt: now.toISOString(),
      consecutiveFailures: 0,
      nextDueAt: later(15),
      addedAt: failing.addedAt,
    });
  });

  it('keeps the validators on a 304', () => {
    const next = apply(failing, { kind: 'unchanged' });
    expect(next).toMatchObject({ etag: '"old"', lastModified: failing.lastModified, consecutiveFailures: 0 });
    expect(next.lastError).toBeUndefined();
  });

  it('keeps validators and last success on a failure, counting it and storing its reason', () => {
    expect(apply(failing, { kind: 'failed', reason: 'connect timeout' })).toEqual({
      ...failing,
      lastAttemptAt: now.toISOString(),
      consecutiveFailures: 3,
      nextDueAt: later(60),
      lastError: 'connect timeout',
    });
  });

  it('retires on 410, keeping the reason', () => {
    expect(apply(failing, { kind: 'gone', reason: 'HTTP 410 Gone' })).toMatchObject({
      status: 'retired',
      lastError: 'HTTP 410 Gone',
      consecutiveFailures: 3,
    });
  });
});
