import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { attachCapacityMeter } from '../../../lambda/adapters/dynamodb/capacity-meter';
import {
  DynamoAlertStore,
  MAX_SOURCES_PER_ALERT,
} from '../../../lambda/adapters/dynamodb/dynamo-alert-store';
import type { Alert, AlertSource } from '../../../lambda/core/model/alert';
import { AlertNotFoundError, InvalidCursorError } from '../../../lambda/ports/alert-store';
import { type TestTable, useDynalite } from '../../support/dynalite';

const dynalite = useDynalite();
const t0 = Date.parse('2026-03-01T00:00:00.000Z');
const iso = (minutes: number) => new Date(t0 + minutes * 60_000).toISOString();

const source = (storyKey: string, minutes: number): AlertSource => ({
  storyKey,
  title: `Story ${storyKey}`,
  link: storyKey,
  source: 'Example News',
  published: iso(minutes - 5),
  seenAt: iso(minutes),
});

function alert(id: string, minutes: number, overrides: Partial<Alert> = {}): Alert {
  return {
    id,
    kind: 'update',
    factIds: ['gas-volume-target'],
    findings: [
      {
        factId: 'gas-volume-target',
        verdict: 'updates',
        baseline: '106 bcm/year',
        observed: '120 bcm/year',
        evidence: 'Russia will ship 120 bcm.',
      },
    ],
    countries: ['RU', 'CN'],
    title: `Alert ${id}`,
    link: `https://news.example/${id}`,
    source: 'Example News',
    published: iso(minutes - 5),
    firstSeen: iso(minutes),
    sources: [source(`https://news.example/${id}`, minutes)],
    ...overrides,
  };
}

describe('DynamoAlertStore', () => {
  let table: TestTable;
  let store: DynamoAlertStore;

  beforeEach(async () => {
    table = await dynalite.createTestTable();
    store = new DynamoAlertStore(table.doc, table.tableName);
  });
  afterEach(async () => {
    await table.drop();
  });

  describe('record', () => {
    it('creates an alert and reads it back whole', async () => {
      const a = alert('a1', 0);

      const result = await store.record(a);

      expect(result).toEqual({ kind: 'created', alert: a });
      expect(await store.get('a1')).toEqual(a);
    });

    it('adds the first source of a second report of the same change to the existing alert', async () => {
      await store.record(alert('a1', 0));

      const result = await store.record(
        alert('a1', 30, { sources: [source('https://other.example/copy', 30)], title: 'Other title' }),
      );

      expect(result).toEqual({ kind: 'corroborated', alertId: 'a1', added: true });
      const stored = await store.get('a1');
      expect(stored?.title).toBe('Alert a1');
      expect(stored?.firstSeen).toBe(iso(0));
      expect(stored?.sources.map((s) => s.storyKey)).toEqual([
        'https://news.example/a1',
        'https://other.example/copy',
      ]);
    });

    it('changes nothing when the same story reports the same change again', async () => {
      await store.record(alert('a1', 0));
      const before = await store.get('a1');

      const result = await store.record(alert('a1', 0));

      expect(result).toEqual({ kind: 'corroborated', alertId: 'a1', added: false });
      expect(await store.get('a1')).toEqual(before);
    });
  });

  describe('addSource', () => {
    it('lists sources oldest first and adds each story once', async () => {
      await store.record(alert('a1', 0));

      expect(await store.addSource('a1', source('https://c.example/late', 90))).toBe(true);
      expect(await store.addSource('a1', source('https://b.example/early', 10))).toBe(true);
      expect(await store.addSource('a1', source('https://b.example/early', 10))).toBe(false);

      expect((await store.get('a1'))?.sources.map((s) => s.storyKey)).toEqual([
        'https://news.example/a1',
        'https://b.example/early',
        'https://c.example/late',
      ]);
    });

    it('stops adding sources at the cap, keeping the item under the 400 KB limit', async () => {
      await store.record(alert('a1', 0));
      for (let i = 1; i < MAX_SOURCES_PER_ALERT; i += 1) {
        expect(await store.addSource('a1', source(`https://copy.example/${i}`, i))).toBe(true);
      }

      expect(await store.addSource('a1', source('https://one-too-many.example/', 999))).toBe(false);
      expect((await store.get('a1'))?.sources).toHaveLength(MAX_SOURCES_PER_ALERT);
    });

    it('refuses a source for an alert that does not exist, creating nothing', async () => {
      await expect(store.addSource('missing', source('https://x.example/', 0))).rejects.toBeInstanceOf(
        AlertNotFoundError,
      );
      expect(await store.get('missing')).toBeUndefined();
    });
  });

  describe('query', () => {
    it('returns alerts newest first', async () => {
      for (const [id, minutes] of [
        ['old', 0],
        ['new', 20],
        ['mid', 10],
      ] as const)
        await store.record(alert(id, minutes));

      const page = await store.query({ limit: 10 });

      expect(page.alerts.map((a) => a.id)).toEqual(['new', 'mid', 'old']);
      expect(page.cursor).toBeUndefined();
    });

    it('filters by kind, fact and country', async () => {
      await store.record(alert('gas', 0));
      await store.record(
        alert('visa', 1, { factIds: ['visa-free-trial'], countries: ['RU', 'CN'], kind: 'contradiction' }),
      );
      await store.record(alert('arms', 2, { factIds: ['nk-arms-troops'], countries: ['KP', 'RU'] }));
      await store.record(
        alert('dev', 3, { kind: 'new-development', factIds: [], findings: [], countries: ['KP', 'CN'] }),
      );

      const ids = async (q: Parameters<DynamoAlertStore['query']>[0]) =>
        (await store.query(q)).alerts.map((a) => a.id);

      expect(await ids({ limit: 10, kind: 'update' })).toEqual(['arms', 'gas']);
      expect(await ids({ limit: 10, factId: 'visa-free-trial' })).toEqual(['visa']);
      expect(await ids({ limit: 10, country: 'KP' })).toEqual(['dev', 'arms']);
      expect(await ids({ limit: 10, country: 'KP', kind: 'new-development' })).toEqual(['dev']);
      expect(await ids({ limit: 10, factId: 'gas-volume-target', country: 'KP' })).toEqual([]);
    });

    it('limits by time with since and until, both inclusive', async () => {
      for (let m = 0; m < 5; m += 1) await store.record(alert(`m${m}`, m * 10));

      const page = await store.query({ limit: 10, since: new Date(iso(10)), until: new Date(iso(30)) });
      const untilOnly = await store.query({ limit: 10, until: new Date(iso(10)) });
      const sinceOnly = await store.query({ limit: 10, since: new Date(iso(31)) });

      expect(page.alerts.map((a) => a.id)).toEqual(['m3', 'm2', 'm1']);
      expect(untilOnly.alerts.map((a) => a.id)).toEqual(['m1', 'm0']);
      expect(sinceOnly.alerts.map((a) => a.id)).toEqual(['m4']);
    });

    it('pages through more than three pages returning each alert exactly once, one Query a page', async () => {
      // Two alerts share each firstSeen, so the id must break ties for paging to be exact.
      const total = 47;
      for (let i = 0; i < total; i += 1)
        await store.record(alert(`a${String(i).padStart(2, '0')}`, Math.floor(i / 2)));
      const meter = attachCapacityMeter(table.doc);

      const seen: string[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const page = await store.query({ limit: 10, ...(cursor ? { cursor } : {}) });
        seen.push(...page.alerts.map((a) => a.id));
        cursor = page.cursor;
        pages += 1;
      } while (cursor);

      expect(pages).toBe(5);
      expect(seen).toHaveLength(total);
      expect(new Set(seen).size).toBe(total);
      expect(meter.calls.Query).toBe(5);
    });

    it('pages through a filtered query, each matching alert exactly once', async () => {
      for (let i = 0; i < 40; i += 1) {
        await store.record(
          alert(`a${String(i).padStart(2, '0')}`, i, { kind: i % 3 === 0 ? 'contradiction' : 'update' }),
        );
      }

      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await store.query({ limit: 3, kind: 'contradiction', ...(cursor ? { cursor } : {}) });
        seen.push(...page.alerts.map((a) => a.id));
        cursor = page.cursor;
      } while (cursor);

      const expected = Array.from({ length: 40 }, (_, i) => i)
        .filter((i) => i % 3 === 0)
        .reverse()
        .map((i) => `a${String(i).padStart(2, '0')}`);
      expect(seen).toEqual(expected);
    });

    it('gives no cursor when the last page is exactly full', async () => {
      for (let i = 0; i < 4; i += 1) await store.record(alert(`a${i}`, i));

      const first = await store.query({ limit: 2 });
      const second = await store.query({ limit: 2, cursor: first.cursor });

      expect(second.alerts.map((a) => a.id)).toEqual(['a1', 'a0']);
      expect(second.cursor).toBeUndefined();
    });

    it.each([
      ['garbage', 'not-a-cursor!'],
      ['valid base64url that is not JSON', Buffer.from('hello').toString('base64url')],
      ['JSON of another shape', Buffer.from(JSON.stringify({ offset: 10 })).toString('base64url')],
    ])('refuses a tampered cursor (%s) with InvalidCursorError', async (_name, cursor) => {
      await store.record(alert('a1', 0));

      await expect(store.query({ limit: 10, cursor })).rejects.toBeInstanceOf(InvalidCursorError);
    });

    it('refuses a cursor issued for other filters', async () => {
      for (let i = 0; i < 3; i += 1) await store.record(alert(`a${i}`, i));
      const { cursor } = await store.query({ limit: 1, kind: 'update' });

      await expect(store.query({ limit: 1, kind: 'contradiction', cursor })).rejects.toBeInstanceOf(
        InvalidCursorError,
      );
      await expect(store.query({ limit: 1, cursor })).rejects.toBeInstanceOf(InvalidCursorError);
    });

    it('refuses a cursor from an older format and one edited to point elsewhere', async () => {
      for (let i = 0; i < 3; i += 1) await store.record(alert(`a${i}`, i));
      const { cursor } = await store.query({ limit: 1, since: new Date(iso(0)) });
      const payload = JSON.parse(Buffer.from(String(cursor), 'base64url').toString('utf8'));
      const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

      const stale = encode({ ...payload, v: 0 });
      const beforeSince = encode({ ...payload, at: iso(-60) });
      const extraField = encode({ ...payload, limit: 1000 });

      for (const bad of [stale, beforeSince, extraField]) {
        await expect(store.query({ limit: 1, since: new Date(iso(0)), cursor: bad })).rejects.toBeInstanceOf(
          InvalidCursorError,
        );
      }
    });

    it.each([0, 101, 2.5])('refuses limit %s', async (limit) => {
      await expect(store.query({ limit })).rejects.toBeInstanceOf(RangeError);
    });
  });
});
