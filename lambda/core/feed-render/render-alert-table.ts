import ms from 'ms';
import type { Alert } from '../model/alert';
import { cleanText } from './clean-text';
import { describeAlert, describeChange } from './describe-alert';

const COLUMNS = [
  { heading: 'KIND', width: 15 },
  { heading: 'FACT', width: 24 },
  { heading: 'BASELINE → OBSERVED', width: 44 },
  { heading: 'SOURCE', width: 20 },
  { heading: 'AGE', width: 5 },
] as const;

/** Fits a cell to its column: one line, cut with an ellipsis when too long. */
function fitCell(text: string, width: number): string {
  const line = text.replace(/\s+/g, ' ').trim();
  const characters = Array.from(line);
  const cut = characters.length > width ? `${characters.slice(0, width - 1).join('')}…` : line;
  return cut.padEnd(width);
}

/** How long ago, in ms's short form ("3d", "5h"); "now" for the future (clock skew between sources). */
function ageOf(iso: string, now: Date): string {
  const elapsed = now.getTime() - Date.parse(iso);
  if (Number.isNaN(elapsed)) return '?';
  return elapsed < 1000 ? 'now' : ms(elapsed);
}

/**
 * The alerts as a fixed-width table for a terminal. Text is cleaned of control characters first: titles come
 * from third-party feeds, and an escape sequence in one must not reach the terminal.
 */
export function renderAlertTable(alerts: readonly Alert[], now: Date): string {
  const header = COLUMNS.map((column) => fitCell(column.heading, column.width)).join('  ');
  const rows = alerts.map((alert) => {
    const { changes } = describeAlert(alert);
    const first = changes[0];
    const change = (first === undefined ? undefined : describeChange(first)) ?? alert.title;
    const sources = alert.sources.length > 1 ? `${alert.source} +${alert.sources.length - 1}` : alert.source;
    const cells = [alert.kind, alert.factIds.join(', ') || '—', change, sources, ageOf(alert.firstSeen, now)];
    return COLUMNS.map((column, index) => fitCell(cleanText(cells[index] ?? ''), column.width)).join('  ');
  });
  return [header, ...rows].map((line) => line.trimEnd()).join('\n');
}
