import type { Alert } from '../model/alert';
import { cleanText, escapeHtml } from './clean-text';
import { describeAlert, describeChange } from './describe-alert';
import { safeLink } from './safe-link';

/** A link to a story, or its escaped title alone when the story had no http(s) link. */
export function renderStoryLink(title: string, link: string | undefined): string {
  const href = safeLink(link);
  const text = escapeHtml(title);
  return href === undefined ? text : `<a href="${escapeHtml(href)}">${text}</a>`;
}

/**
 * The body of one alert as an HTML fragment for feed entries: each changed fact with baseline → observed,
 * the evidence sentence, and every source. All third-party text is escaped here, so the fragment carries no
 * markup but ours and never contains `]]>`.
 */
export function renderAlertContent(alert: Alert): string {
  const { changes } = describeAlert(alert);
  const parts: string[] = [];
  for (const finding of changes) {
    const change = describeChange(finding);
    parts.push(
      `<p><strong>${escapeHtml(finding.factId)}</strong> ${escapeHtml(finding.verdict)}${
        change === undefined ? '' : `: ${escapeHtml(change)}`
      }</p>`,
      `<blockquote><p>${escapeHtml(finding.evidence)}</p></blockquote>`,
    );
  }
  if (changes.length === 0) parts.push(`<p>${renderStoryLink(alert.title, alert.link)}</p>`);
  const sources = alert.sources.map(
    (source) =>
      `<li>${renderStoryLink(source.title, source.link)} — ${escapeHtml(source.source)}, ${escapeHtml(source.published)}</li>`,
  );
  parts.push(`<p>Sources (${alert.sources.length}):</p>`, `<ul>${sources.join('')}</ul>`);
  return parts.join('\n');
}

/** The same content as plain text, for JSON Feed's content_text and terminals. */
export function renderAlertText(alert: Alert): string {
  const { changes } = describeAlert(alert);
  const lines: string[] = [];
  for (const finding of changes) {
    const change = describeChange(finding);
    lines.push(`${finding.factId} ${finding.verdict}${change === undefined ? '' : `: ${change}`}`);
    lines.push(`“${finding.evidence}”`);
  }
  if (changes.length === 0) lines.push(alert.title);
  lines.push(`Sources (${alert.sources.length}):`);
  for (const source of alert.sources) {
    const link = safeLink(source.link);
    lines.push(
      `- ${source.title} — ${source.source}, ${source.published}${link === undefined ? '' : ` <${link}>`}`,
    );
  }
  return cleanText(lines.join('\n'));
}
