import { type AlertView, toAlertView } from '../../core/feed-render/alert-view';
import { cleanText } from '../../core/feed-render/clean-text';
import type { Alert } from '../../core/model/alert';

/** SNS takes a subject of under 100 printable ASCII characters, with no line breaks. */
const MAX_SUBJECT_LENGTH = 99;

/** What one alert looks like on the topic: a subject for e-mail, text for people, JSON for programs. */
export interface AlertMessage {
  subject: string;
  text: string;
  view: AlertView;
}

/**
 * Folds text to what an SNS subject accepts: arrows spelt out, accents dropped, any other non-ASCII
 * character (a Cyrillic or Chinese title) removed; the full text is in the message body anyway.
 */
export function toSubject(text: string): string {
  const ascii = text
    .replaceAll('→', '->')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return ascii.length <= MAX_SUBJECT_LENGTH
    ? ascii
    : `${ascii.slice(0, MAX_SUBJECT_LENGTH - 3).trimEnd()}...`;
}

/** Formats a new alert for the topic's subscribers. */
export function formatAlertMessage(alert: Alert): AlertMessage {
  const view = toAlertView(alert);
  const lines = [view.headline, '', `Kind: ${view.kind}`];
  if (view.factIds.length > 0) lines.push(`Facts: ${view.factIds.join(', ')}`);
  if (view.countries.length > 0) lines.push(`Countries: ${view.countries.join(', ')}`);
  for (const finding of view.findings) {
    const change = [finding.baseline, finding.observed].filter((value) => value !== null).join(' → ');
    lines.push(
      '',
      `${finding.factId} (${finding.verdict})${change ? `: ${change}` : ''}`,
      `  “${finding.evidence}”`,
    );
  }
  lines.push('', `${view.source}: ${view.title}`);
  if (view.link) lines.push(view.link);
  lines.push(`Published ${view.published}, first seen ${view.firstSeen}`, '', `Alert ${view.id}`);
  return {
    subject: toSubject(`tiewatch: ${view.headline}`),
    text: cleanText(lines.join('\n')),
    view,
  };
}
