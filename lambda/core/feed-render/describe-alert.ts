import type { Alert } from '../model/alert';
import type { FactFinding, Verdict } from '../model/classification';

/** What an alert changed, in plain (unescaped) words; every renderer escapes it for its own format. */
export interface AlertDescription {
  /** One line saying what changed: "visa-free-trial updated: 1 year → until Sep 2027". */
  headline: string;
  /** The findings that raised the alert (the ones on its facts with its verdict), in the alert's fact order. */
  changes: FactFinding[];
}

const VERDICT_OF_KIND: Record<Alert['kind'], Verdict | undefined> = {
  update: 'updates',
  contradiction: 'contradicts',
  'new-development': undefined,
};

const VERB_OF_KIND: Record<Alert['kind'], string> = {
  update: 'updated',
  contradiction: 'contradicted',
  'new-development': 'new development',
};

/** A value change in words: both sides when both are known, else whichever side is. */
export function describeChange(finding: Pick<FactFinding, 'baseline' | 'observed'>): string | undefined {
  const { baseline, observed } = finding;
  if (baseline !== undefined && observed !== undefined) return `${baseline} → ${observed}`;
  return observed;
}

/** The findings behind the alert, preferring the one with the alert's verdict when a fact has several. */
function changesOf(alert: Alert): FactFinding[] {
  const verdict = VERDICT_OF_KIND[alert.kind];
  if (verdict === undefined) return [];
  return alert.factIds.flatMap((factId) => {
    const finding =
      alert.findings.find((candidate) => candidate.factId === factId && candidate.verdict === verdict) ??
      alert.findings.find((candidate) => candidate.factId === factId);
    return finding === undefined ? [] : [finding];
  });
}

/** Describes the alert for a headline and for the entry content of every format. */
export function describeAlert(alert: Alert): AlertDescription {
  const changes = changesOf(alert);
  if (alert.kind === 'new-development') {
    return { headline: `New development: ${alert.title}`, changes };
  }
  const subject = alert.factIds.length > 0 ? alert.factIds.join(', ') : 'baseline';
  const first = changes[0];
  const what = (first === undefined ? undefined : describeChange(first)) ?? alert.title;
  return { headline: `${subject} ${VERB_OF_KIND[alert.kind]}: ${what}`, changes };
}
