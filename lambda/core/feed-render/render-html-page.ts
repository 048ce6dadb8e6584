import type { Alert } from '../model/alert';
import type { AlertKind } from '../model/classification';
import { escapeHtml } from './clean-text';
import { describeAlert, describeChange } from './describe-alert';
import { PAGE_STYLE } from './page-style';
import { renderStoryLink } from './render-alert-content';

/** A baseline fact as the filter form lists it. */
export interface FactOption {
  id: string;
  /** The fact's statement in plain words. */
  label: string;
}

/** Everything the alert page shows; URLs are absolute and already carry the current filters. */
export interface AlertPageInput {
  alerts: readonly Alert[];
  facts: readonly FactOption[];
  filters: { kind?: AlertKind; fact?: string };
  feeds: { atom: string; rss: string; json: string };
  /** The next page of older alerts, when there is one. */
  olderUrl?: string;
}

const KIND_LABELS: Record<AlertKind, string> = {
  update: 'Update',
  contradiction: 'Contradiction',
  'new-development': 'New development',
};

/** "2025-09-02 10:00 UTC": readable without a script to localise it. */
function formatTime(iso: string): string {
  const time = new Date(iso);
  if (Number.isNaN(time.getTime())) return iso;
  return `${time.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

function renderOption(value: string, label: string, selected: boolean): string {
  return `<option value="${escapeHtml(value)}"${selected ? ' selected' : ''}>${escapeHtml(label)}</option>`;
}

function renderFilterForm(input: AlertPageInput): string {
  const kinds = (Object.keys(KIND_LABELS) as AlertKind[]).map((kind) =>
    renderOption(kind, KIND_LABELS[kind], input.filters.kind === kind),
  );
  const facts = input.facts.map((fact) =>
    renderOption(fact.id, `${fact.id} — ${fact.label}`, input.filters.fact === fact.id),
  );
  return `<form method="get">
<label>Kind <select name="kind"><option value="">All kinds</option>${kinds.join('')}</select></label>
<label>Fact <select name="fact"><option value="">All facts</option>${facts.join('')}</select></label>
<button type="submit">Filter</button>
</form>`;
}

function renderAlert(alert: Alert): string {
  const { headline, changes } = describeAlert(alert);
  const findings = changes.map((finding) => {
    const change = describeChange(finding);
    return `<p><span class="change">${escapeHtml(finding.factId)}${
      change === undefined ? '' : `: ${escapeHtml(change)}`
    }</span></p>
<blockquote>${escapeHtml(finding.evidence)}</blockquote>`;
  });
  const sources = alert.sources.map(
    (source) =>
      `<li>${renderStoryLink(source.title, source.link)} — ${escapeHtml(source.source)}, <time datetime="${escapeHtml(
        source.published,
      )}">${escapeHtml(formatTime(source.published))}</time></li>`,
  );
  return `<article>
<h2>${escapeHtml(headline)}</h2>
<p class="meta"><span class="kind">${escapeHtml(KIND_LABELS[alert.kind])}</span> ${escapeHtml(
    alert.factIds.join(', '),
  )} · first seen <time datetime="${escapeHtml(alert.firstSeen)}">${escapeHtml(formatTime(alert.firstSeen))}</time></p>
${findings.join('\n')}
<p>Sources (${alert.sources.length}):</p>
<ul>${sources.join('')}</ul>
</article>`;
}

/**
 * The alert page: newest first, a plain GET form for the filters, feed autodiscovery links. No script and no
 * external asset; every piece of text is escaped, so the page is safe under a `default-src 'none'` policy.
 */
export function renderHtmlPage(input: AlertPageInput): string {
  const feeds = input.feeds;
  const alerts =
    input.alerts.length === 0
      ? '<p>No alerts match these filters.</p>'
      : input.alerts.map(renderAlert).join('\n');
  const older =
    input.olderUrl === undefined ? '' : `<p><a href="${escapeHtml(input.olderUrl)}">Older alerts</a></p>`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>tiewatch alerts</title>
<link rel="alternate" type="application/atom+xml" title="tiewatch alerts (Atom)" href="${escapeHtml(feeds.atom)}">
<link rel="alternate" type="application/rss+xml" title="tiewatch alerts (RSS)" href="${escapeHtml(feeds.rss)}">
<link rel="alternate" type="application/feed+json" title="tiewatch alerts (JSON Feed)" href="${escapeHtml(feeds.json)}">
<style>${PAGE_STYLE}</style>
</head>
<body>
<h1>tiewatch alerts</h1>
<nav>Changes in Russia–China–North Korea ties against the baseline. Feeds: <a href="${escapeHtml(
    feeds.atom,
  )}">Atom</a> · <a href="${escapeHtml(feeds.rss)}">RSS</a> · <a href="${escapeHtml(feeds.json)}">JSON Feed</a></nav>
${renderFilterForm(input)}
<main>
${alerts}
</main>
${older}
</body>
</html>
`;
}
