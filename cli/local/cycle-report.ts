import type { CycleProgress, CycleSummary } from '../../lambda/use-cases/run-cycle';

/** One line of progress, redrawn in place on a terminal. */
export function progressLine(p: CycleProgress): string {
  return `feeds ${p.feedsDone}/${p.feedsTotal} · new stories ${p.newStories} · alerts ${p.alertsCreated}`;
}

export function createProgressPrinter(stream: NodeJS.WriteStream): (p: CycleProgress) => void {
  if (!stream.isTTY) return () => {};
  return (p) => stream.write(`\r\x1b[2K${progressLine(p)}`);
}

/** The cycle summary people read, with each failing feed and its reason. */
export function formatCycleSummary(summary: CycleSummary, elapsedMs: number): string {
  const lines = [
    `cycle done in ${(elapsedMs / 1000).toFixed(1)} s: ${summary.feedsTotal} feeds (${summary.feedsFetched} fetched, ${summary.feedsUnchanged} unchanged, ${summary.feedsFailed} failed)`,
    `${summary.newStories} new stories, ${summary.relevantStories} relevant, ${summary.alertsCreated} new alerts, ${plural(summary.alertsCorroborated, 'corroboration')}`,
  ];
  for (const report of summary.reports) {
    if (report.outcome.kind === 'failed' || report.outcome.kind === 'gone') {
      lines.push(`  ✗ ${report.feedUrl}: ${report.outcome.reason}`);
    }
  }
  return lines.join('\n');
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
