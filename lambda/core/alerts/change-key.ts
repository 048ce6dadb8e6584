import { createHash } from 'node:crypto';
import type { FactFinding } from '../model/classification';

/**
 * What makes two reports "the same change": the fact, the verdict and the observed value, compared
 * loosely (case, spacing and punctuation differ between outlets that report the same figure).
 */
export function changeKeyOfFinding(finding: FactFinding): string {
  return ['fact', finding.factId, finding.verdict, looseValue(finding.observed ?? '')].join('|');
}

/** A new development is identified by the first story that reported it; copies join it by similarity. */
export function changeKeyOfDevelopment(firstStoryKey: string): string {
  return `new|${firstStoryKey}`;
}

/** Alert ids are derived from the change, so recording the same change twice lands on the same item. */
export function alertIdOf(changeKey: string): string {
  return createHash('sha256').update(changeKey).digest('base64url').slice(0, 16);
}

function looseValue(value: string): string {
  return value
    .toLowerCase()
    .replace(/[^\p{L}\p{N}.]+/gu, ' ')
    .trim();
}
