import type { Alert } from '../model/alert';
import type { AlertKind, CountryCode, Verdict } from '../model/classification';
import { describeAlert } from './describe-alert';
import { safeLink } from './safe-link';

/** One story behind an alert, as scripts read it. */
export interface AlertSourceView {
  title: string;
  /** http(s) only; null when the story had no safe link. */
  link: string | null;
  source: string;
  published: string;
  seenAt: string;
}

/** One fact's verdict within an alert. */
export interface AlertFindingView {
  factId: string;
  verdict: Verdict;
  baseline: string | null;
  observed: string | null;
  evidence: string;
}

/**
 * An alert as `GET /alerts` and `tiewatch alerts --json` print it. Every key is always present (null when
 * unknown) so scripts can rely on the shape; `baseline`, `observed` and `evidence` are those of the alert's
 * first changed fact, and `findings` has every fact's.
 */
export interface AlertView {
  id: string;
  kind: AlertKind;
  factIds: string[];
  countries: CountryCode[];
  /** What changed, in one line ("visa-free-trial updated: 1 year → until Sep 2027"). */
  headline: string;
  baseline: string | null;
  observed: string | null;
  evidence: string | null;
  findings: AlertFindingView[];
  title: string;
  link: string | null;
  source: string;
  published: string;
  firstSeen: string;
  /** Every story that reported the change, the first one included, oldest first. */
  sources: AlertSourceView[];
}

/** The JSON view of an alert: plain data, with only http(s) links. */
export function toAlertView(alert: Alert): AlertView {
  const { headline, changes } = describeAlert(alert);
  const findings = changes.map((finding) => ({
    factId: finding.factId,
    verdict: finding.verdict,
    baseline: finding.baseline ?? null,
    observed: finding.observed ?? null,
    evidence: finding.evidence,
  }));
  const first = findings[0];
  return {
    id: alert.id,
    kind: alert.kind,
    factIds: alert.factIds,
    countries: alert.countries,
    headline,
    baseline: first?.baseline ?? null,
    observed: first?.observed ?? null,
    evidence: first?.evidence ?? null,
    findings,
    title: alert.title,
    link: safeLink(alert.link) ?? null,
    source: alert.source,
    published: alert.published,
    firstSeen: alert.firstSeen,
    sources: alert.sources.map((source) => ({
      title: source.title,
      link: safeLink(source.link) ?? null,
      source: source.source,
      published: source.published,
      seenAt: source.seenAt,
    })),
  };
}
