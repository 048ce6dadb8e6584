import { describe, expect, it } from 'vitest';
import { renderAlertTable } from '../../../lambda/core/feed-render/render-alert-table';
import { makeAlert, makeSource } from '../../support/feed-alerts';

const now = new Date('2025-09-13T12:00:00Z');

describe('renderAlertTable', () => {
  it('shows kind, fact, baseline → observed, source and age', () => {
    const [header, row] = renderAlertTable([makeAlert(0)], now).split('\n');
    expect(header).toMatch(/^KIND\s+FACT\s+BASELINE → OBSERVED\s+SOURCE\s+AGE$/);
    expect(row).toMatch(/^update\s+visa-free-trial\s+1 year → until Sep 2027\s+Outlet 0\s+3d$/);
  });

  it('counts corroborating sources beside the first', () => {
    const row = renderAlertTable(
      [makeAlert(0, { sources: [makeSource(0), makeSource(1), makeSource(2)] })],
      now,
    ).split('\n')[1];
    expect(row).toContain('Outlet 0 +2');
  });

  it('shows a new development by its story title and no fact', () => {
    const alert = makeAlert(0, {
      kind: 'new-development',
      factIds: [],
      findings: [],
      title: 'Rail bridge opens',
    });
    expect(renderAlertTable([alert], now).split('\n')[1]).toMatch(/^new-development\s+—\s+Rail bridge opens/);
  });

  it('keeps terminal escape sequences and line breaks out of the output', () => {
    const alert = makeAlert(0, {
      kind: 'new-development',
      factIds: [],
      findings: [],
      title: 'a\u001b[2Jb\nc',
    });
    const output = renderAlertTable([alert], now);
    expect(output).not.toContain('\u001b');
    expect(output.split('\n')).toHaveLength(2);
  });

  it('cuts a long value to its column with an ellipsis', () => {
    const alert = makeAlert(0, {
      kind: 'new-development',
      factIds: [],
      findings: [],
      title: 'x'.repeat(200),
    });
    const row = renderAlertTable([alert], now).split('\n')[1] ?? '';
    expect(row).toContain(`${'x'.repeat(43)}…`);
    expect(row).not.toContain('x'.repeat(44));
  });
});
