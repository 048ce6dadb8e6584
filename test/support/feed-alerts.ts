import type { Alert, AlertSource } from '../../lambda/core/model/alert';

/** Text a hostile third-party feed could send: CDATA terminators, markup, NUL, bare ampersands, quotes. */
export const HOSTILE_TEXT =
  'Breaking ]]> news <script>alert(1)</script> \u0000 AT&T "quoted" & it\'s ]]> again';

/** HOSTILE_TEXT as a reader should show it: the same text, minus the NUL that XML cannot carry. */
export const HOSTILE_TEXT_SHOWN = HOSTILE_TEXT.replace('\u0000', '');

export function makeSource(index: number, overrides: Partial<AlertSource> = {}): AlertSource {
  const seenAt = new Date(Date.UTC(2025, 8, 10, 12, 0, index)).toISOString();
  return {
    storyKey: `https://news.example.org/story-${index}`,
    title: `Story ${index}`,
    link: `https://news.example.org/story-${index}`,
    source: `Outlet ${index}`,
    published: seenAt,
    seenAt,
    ...overrides,
  };
}

/**
 * An update alert on visa-free-trial, first seen `minutes` after 2025-09-10T12:00Z, so alerts made with
 * increasing minutes are in a known newest-first order.
 */
export function makeAlert(minutes: number, overrides: Partial<Alert> = {}): Alert {
  const firstSeen = new Date(Date.UTC(2025, 8, 10, 12, minutes)).toISOString();
  const source = makeSource(minutes, { seenAt: firstSeen, published: firstSeen });
  return {
    id: `alert-${String(minutes).padStart(5, '0')}`,
    kind: 'update',
    factIds: ['visa-free-trial'],
    findings: [
      {
        factId: 'visa-free-trial',
        verdict: 'updates',
        baseline: '1 year',
        observed: 'until Sep 2027',
        evidence: 'China extended the visa-free trial for Russians until September 2027.',
      },
    ],
    countries: ['CN', 'RU'],
    title: `China extends visa-free entry (${minutes})`,
    link: source.link,
    source: source.source,
    published: firstSeen,
    firstSeen,
    sources: [source],
    ...overrides,
  };
}
