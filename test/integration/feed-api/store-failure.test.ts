import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useDynalite } from '../../support/dynalite';
import { makeAlert } from '../../support/feed-alerts';
import { type FeedApiUnderTest, serveAlerts } from './feed-api-fixture';

const dynamo = useDynalite();

let api: FeedApiUnderTest;
beforeAll(async () => {
  api = await serveAlerts(dynamo, [makeAlert(1)]);
  // The table disappears under the running server: every read now fails inside the store.
  await api.dropTable();
});
afterAll(async () => {
  await api.close();
});

describe('a failing store', () => {
  it('gives 500 problem+json with a request id and no internal detail', async () => {
    const response = await fetch(new URL('alerts', api.url));
    expect([response.status, response.headers.get('content-type')]).toEqual([
      500,
      'application/problem+json',
    ]);
    const text = await response.text();
    expect(text).not.toMatch(/ResourceNotFound|table|stack|at \//i);
    const problem = JSON.parse(text) as { requestId: string };
    expect(problem.requestId).toMatch(/^local-\d+$/);
  });

  it('logs the failure under the same request id', async () => {
    const problem = (await (await fetch(new URL('feed.atom', api.url))).json()) as { requestId: string };
    const entry = api.logged.find((logged) => logged.requestId === problem.requestId);
    expect(entry?.error).toBeInstanceOf(Error);
  });
});
