import type { Alert, AlertSource } from '../model/alert';
import type { Classification } from '../model/classification';
import type { Story } from '../model/story';
import { alertIdOf, changeKeyOfDevelopment, changeKeyOfFinding } from './change-key';

/** The source entry a story contributes to any alert it reports. */
export function sourceOfStory(story: Story, seenAt: Date): AlertSource {
  return {
    storyKey: story.key,
    title: story.title,
    ...(story.link ? { link: story.link } : {}),
    source: story.source,
    published: story.published,
    seenAt: seenAt.toISOString(),
  };
}

/**
 * Turns one story's classification into the alerts it raises: one per distinct change (each updated or
 * contradicted fact), or one new development. Reaffirmations raise nothing.
 */
export function buildAlerts(story: Story, classification: Classification, seenAt: Date): Alert[] {
  if (!classification.alert) return [];
  const source = sourceOfStory(story, seenAt);
  const common = {
    countries: classification.countries,
    title: story.title,
    ...(story.link ? { link: story.link } : {}),
    source: story.source,
    published: story.published,
    firstSeen: seenAt.toISOString(),
    sources: [source],
  };
  if (classification.alert.kind === 'new-development') {
    return [
      {
        ...common,
        id: alertIdOf(changeKeyOfDevelopment(story.key)),
        kind: 'new-development',
        factIds: [],
        findings: [],
      },
    ];
  }
  return classification.facts
    .filter((finding) => finding.verdict !== 'reaffirms')
    .map((finding) => ({
      ...common,
      id: alertIdOf(changeKeyOfFinding(finding)),
      kind: finding.verdict === 'contradicts' ? ('contradiction' as const) : ('update' as const),
      factIds: [finding.factId],
      findings: [finding],
    }));
}
