import pLimit from 'p-limit';
import { safeLink } from '../core/feed-render/safe-link';
import type { Alert } from '../core/model/alert';
import type { AlertKind, Verdict } from '../core/model/classification';
import type { AlertStore } from '../ports/alert-store';
import type { FeedApiFact } from './feed-api-types';

/** The latest alert on a fact, reduced to what it says about that fact. */
export interface FactState {
  alertId: string;
  kind: AlertKind;
  verdict: Verdict | null;
  baseline: string | null;
  observed: string | null;
  evidence: string | null;
  title: string;
  link: string | null;
  firstSeen: string;
}

/** One baseline fact as `GET /facts` shows it. */
export interface FactSummary {
  id: string;
  statement: string;
  alertCount: number;
  /** null while no alert has touched the fact: the baseline still stands as written. */
  latest: FactState | null;
}

/** The largest page the store serves; counting a fact's alerts takes one Query per page. */
const COUNT_PAGE_SIZE = 100;
/** Facts counted at once: enough to overlap round trips without bursting a table's read capacity. */
const FACT_CONCURRENCY = 4;

function stateOf(alert: Alert, factId: string): FactState {
  const finding = alert.findings.find((candidate) => candidate.factId === factId);
  return {
    alertId: alert.id,
    kind: alert.kind,
    verdict: finding?.verdict ?? null,
    baseline: finding?.baseline ?? null,
    observed: finding?.observed ?? null,
    evidence: finding?.evidence ?? null,
    title: alert.title,
    link: safeLink(alert.link) ?? null,
    firstSeen: alert.firstSeen,
  };
}

async function summarizeFact(store: AlertStore, fact: FeedApiFact): Promise<FactSummary> {
  let alertCount = 0;
  let latest: FactState | null = null;
  let cursor: string | undefined;
  do {
    // Queries on the by-fact index, newest first: the first alert of the first page is the latest state.
    const page = await store.query({ factId: fact.id, limit: COUNT_PAGE_SIZE, cursor });
    const newest = page.alerts[0];
    if (latest === null && newest !== undefined) latest = stateOf(newest, fact.id);
    alertCount += page.alerts.length;
    cursor = page.cursor;
  } while (cursor !== undefined);
  return { id: fact.id, statement: fact.statement, alertCount, latest };
}

/** Every baseline fact, in baseline order, with its latest observed state and its alert count. */
export async function summarizeFacts(
  store: AlertStore,
  facts: readonly FeedApiFact[],
): Promise<FactSummary[]> {
  const limit = pLimit(FACT_CONCURRENCY);
  return Promise.all(facts.map((fact) => limit(() => summarizeFact(store, fact))));
}
