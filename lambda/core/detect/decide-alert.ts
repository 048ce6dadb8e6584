import type { AlertDecision, FactFinding } from '../model/classification';

/**
 * The alert a story raises. Any contradiction makes it a `contradiction` (a dispute of the baseline is the
 * rarer and more urgent news, so it wins over updates in the same story); otherwise any update makes it an
 * `update`; a relevant story that speaks to no fact is a `new-development`; a story that only reaffirms
 * raises nothing. `factIds` lists every fact the story changes or disputes.
 */
export function decideAlert(relevant: boolean, findings: readonly FactFinding[]): AlertDecision | null {
  if (!relevant) return null;
  if (findings.length === 0) return { kind: 'new-development', factIds: [] };
  const changed = findings.filter((finding) => finding.verdict !== 'reaffirms');
  if (changed.length === 0) return null;
  const kind = changed.some((finding) => finding.verdict === 'contradicts') ? 'contradiction' : 'update';
  return { kind, factIds: changed.map((finding) => finding.factId) };
}
