import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AlertView } from '../../../lambda/core/feed-render/alert-view';
import type { FactSummary } from '../../../lambda/feed-api/summarize-facts';
import { useDynalite } from '../../support/dynalite';
import { makeAlert, makeSource } from '../../support/feed-alerts';
import { type FeedApiUnderTest, serveAlerts } from './feed-api-fixture';

const dynamo = useDynalite();

const contradiction = (minute: number) =>
  makeAlert(minute, {
    kind: 'contradiction',
    factIds: ['nk-arms-troops'],
    countries: ['KP', 'RU'],
    findings: [
      {
        factId: 'nk-arms-troops',
        verdict: 'contradicts',
        observed: 'no troops sent',
        evidence: 'Pyongyang denied sending any troops.',
      },
    ],
  });

/** 70 updates on visa-free-trial (minutes 0–69) and 10 contradictions on nk-arms-troops (minutes 100–109). */
const alerts = [
  ...Array.from({ length: 70 }, (_, minute) => makeAlert(minute)),
  ...Array.from({ length: 10 }, (_, index) => contradiction(100 + index)),
];

let api: FeedApiUnderTest;
beforeAll(async () => {
  api = await serveAlerts(dynamo, alerts);
});
afterAll(async () => {
  await api.close();
});

interface AlertList {
  alerts: AlertView[];
  next: string | null;
}

async function getJson<T>(path: string): Promise<{ status: number; body: T; headers: Headers }> {
  const response = await fetch(new URL(path, api.url));
  return { status: response.status, body: (await response.json()) as T, headers: response.headers };
}

async function listAll(query: string): Promise<{ ids: string[]; pages: number }> {
  const ids: string[] = [];
  let pages = 0;
  let cursor: string | null = null;
  do {
    const suffix: string = cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`;
    const { status, body } = await getJson<AlertList>(`alerts?${query}${suffix}`);
    expect(status).toBe(200);
    ids.push(...body.alerts.map((alert) => alert.id));
    cursor = body.next;
    pages += 1;
  } while (cursor !== null);
  return { ids, pages };
}

describe('GET /alerts', () => {
  it('returns 20 alerts newest first by default', async () => {
    const { body } = await getJson<AlertList>('alerts');
    expect(body.alerts).toHaveLength(20);
    expect(body.alerts[0]?.id).toBe('alert-00109');
    const times = body.alerts.map((alert) => alert.firstSeen);
    expect(times).toEqual([...times].sort().reverse());
    expect(body.next).not.toBeNull();
  });

  it('pages through every alert exactly once with limit', async () => {
    const { ids, pages } = await listAll('limit=7');
    expect(pages).toBeGreaterThan(3);
    expect(ids).toHaveLength(alerts.length);
    expect(new Set(ids).size).toBe(alerts.length);
    expect(new Set(ids)).toEqual(new Set(alerts.map((alert) => alert.id)));
  });

  it('pages through a filtered listing exactly once too', async () => {
    const { ids, pages } = await listAll('kind=update&limit=15');
    expect(pages).toBeGreaterThan(3);
    expect(ids).toEqual(
      Array.from({ length: 70 }, (_, minute) => `alert-${String(69 - minute).padStart(5, '0')}`),
    );
  });

  it('points at the next page in a Link header', async () => {
    const { headers, body } = await getJson<AlertList>('alerts?limit=5&kind=contradiction');
    expect(headers.get('link')).toContain(`cursor=${body.next}`);
    expect(headers.get('link')).toContain('rel="next"');
  });

  it.each([
    ['kind', 'kind=contradiction', 10],
    ['fact', 'fact=nk-arms-troops', 10],
    ['country', 'country=kp', 10],
    ['since', 'since=2025-09-10T13:30:00Z', 10],
    ['until', 'until=2025-09-10T12:09:00Z', 10],
    ['since and until', 'since=2025-09-10T12:10:00Z&until=2025-09-10T12:19:00Z&kind=update', 10],
  ])('filters by %s', async (_name, query, expected) => {
    const { ids } = await listAll(`${query}&limit=100`);
    expect(ids).toHaveLength(expected);
  });

  it('shows the alert in the agreed shape', async () => {
    const { body } = await getJson<AlertList>('alerts?limit=1&kind=update');
    expect(body.alerts[0]).toEqual({
      id: 'alert-00069',
      kind: 'update',
      factIds: ['visa-free-trial'],
      countries: ['CN', 'RU'],
      headline: 'visa-free-trial updated: 1 year → until Sep 2027',
      baseline: '1 year',
      observed: 'until Sep 2027',
      evidence: 'China extended the visa-free trial for Russians until September 2027.',
      findings: [
        {
          factId: 'visa-free-trial',
          verdict: 'updates',
          baseline: '1 year',
          observed: 'until Sep 2027',
          evidence: 'China extended the visa-free trial for Russians until September 2027.',
        },
      ],
      title: 'China extends visa-free entry (69)',
      link: 'https://news.example.org/story-69',
      source: 'Outlet 69',
      published: '2025-09-10T13:09:00.000Z',
      firstSeen: '2025-09-10T13:09:00.000Z',
      sources: [
        {
          title: 'Story 69',
          link: 'https://news.example.org/story-69',
          source: 'Outlet 69',
          published: '2025-09-10T13:09:00.000Z',
          seenAt: '2025-09-10T13:09:00.000Z',
        },
      ],
    });
  });

  it('answers 304 when the page has not changed', async () => {
    const first = await fetch(new URL('alerts?limit=3', api.url));
    const again = await fetch(new URL('alerts?limit=3', api.url), {
      headers: { 'if-none-match': first.headers.get('etag') ?? '' },
    });
    expect(again.status).toBe(304);
  });
});

describe('GET /alerts bad parameters', () => {
  it.each([
    ['limit', 'limit=0'],
    ['limit', 'limit=101'],
    ['limit', 'limit=ten'],
    ['kind', 'kind=rumour'],
    ['fact', 'fact=no-such-fact'],
    ['fact', 'fact=%3Cscript%3E'],
    ['country', 'country=US'],
    ['since', 'since=yesterday'],
    ['until', 'since=2025-09-10&until=2025-09-01'],
    ['cursor', 'cursor=not-a-cursor'],
  ])('answers 400 problem+json naming %s for %s', async (parameter, query) => {
    const response = await fetch(new URL(`alerts?${query}`, api.url));
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    const problem = (await response.json()) as { status: number; parameter: string; detail: string };
    expect([problem.status, problem.parameter]).toEqual([400, parameter]);
    expect(problem.detail).toContain(parameter);
  });

  it('refuses a cursor that was altered', async () => {
    const { body } = await getJson<AlertList>('alerts?limit=5');
    const decoded = JSON.parse(Buffer.from(body.next ?? '', 'base64url').toString('utf8'));
    const altered = Buffer.from(JSON.stringify({ ...decoded, at: 'yesterday' })).toString('base64url');
    const response = await getJson<{ parameter: string }>(`alerts?limit=5&cursor=${altered}`);
    expect([response.status, response.body.parameter]).toEqual([400, 'cursor']);
  });

  it('refuses a cursor issued for other filters', async () => {
    const { body } = await getJson<AlertList>('alerts?limit=5&kind=update');
    const response = await getJson<{ parameter: string }>(
      `alerts?limit=5&kind=contradiction&cursor=${body.next}`,
    );
    expect([response.status, response.body.parameter]).toEqual([400, 'cursor']);
  });
});

describe('GET /alerts/{id}', () => {
  it('returns the alert with every corroborating source', async () => {
    await api.store.addSource('alert-00003', makeSource(301));
    await api.store.addSource('alert-00003', makeSource(302, { link: 'javascript:alert(1)' }));
    const { status, body } = await getJson<AlertView>('alerts/alert-00003');
    expect(status).toBe(200);
    expect(body.sources.map((source) => source.title)).toEqual(['Story 3', 'Story 301', 'Story 302']);
    expect(body.sources.map((source) => source.link)).toEqual([
      'https://news.example.org/story-3',
      'https://news.example.org/story-301',
      null,
    ]);
  });

  it.each(['alerts/no-such-alert', 'alerts/%E0%A4%A', 'alerts/a%20b'])('answers 404 for %s', async (path) => {
    const response = await fetch(new URL(path, api.url));
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
  });
});

describe('GET /facts', () => {
  it('lists every baseline fact with its alert count and latest observed state', async () => {
    const { status, body } = await getJson<{ facts: FactSummary[] }>('facts');
    expect(status).toBe(200);
    expect(body.facts).toHaveLength(15);
    const byId = new Map(body.facts.map((fact) => [fact.id, fact]));
    expect(byId.get('visa-free-trial')?.alertCount).toBe(70);
    expect(byId.get('visa-free-trial')?.latest).toMatchObject({
      alertId: 'alert-00069',
      observed: 'until Sep 2027',
    });
    expect(byId.get('nk-arms-troops')).toMatchObject({
      alertCount: 10,
      latest: { alertId: 'alert-00109', verdict: 'contradicts', observed: 'no troops sent' },
    });
    expect(byId.get('gas-volume-target')).toMatchObject({ alertCount: 0, latest: null });
  });
});

describe('other routes', () => {
  it('reports health', async () => {
    const { status, body, headers } = await getJson<{ status: string }>('health');
    expect([status, body.status, headers.get('cache-control')]).toEqual([200, 'ok', 'no-store']);
  });

  it.each(['nope', 'alerts/a/b', 'feed.xml'])('answers 404 for /%s', async (path) => {
    const response = await fetch(new URL(path, api.url));
    expect([response.status, response.headers.get('content-type')]).toEqual([
      404,
      'application/problem+json',
    ]);
  });

  it('answers 405 to a write', async () => {
    const response = await fetch(new URL('alerts', api.url), { method: 'POST', body: '{}' });
    expect([response.status, response.headers.get('allow')]).toEqual([405, 'GET, HEAD']);
  });

  it('answers HEAD with the headers of GET and no body', async () => {
    const get = await fetch(new URL('feed.rss', api.url));
    const head = await fetch(new URL('feed.rss', api.url), { method: 'HEAD' });
    expect([head.status, head.headers.get('etag'), await head.text()]).toEqual([
      200,
      get.headers.get('etag'),
      '',
    ]);
  });
});
