import type { Classifier } from '../../core/detect/classify';
import type { IngestDeps } from '../../use-cases/ingest-feed';
import { loadOnFirstUse } from './load-on-first-use';

/** Raised if a story reaches `classify` before any parsed feed had stories: an ordering bug, never input. */
export class ClassifierNotReadyError extends Error {
  constructor() {
    super('classify was called before a parsed feed with stories loaded the classifier');
    this.name = 'ClassifierNotReadyError';
  }
}

/**
 * The ingest function's parse and classify steps, loaded on first need instead of at cold start: a poll
 * answered 304 needs neither the parser (rss-parser, xml2js, sax, entities) nor the classifier (the
 * baseline, its fact indexes and regexes, chrono-node), and a feed without stories needs no classifier.
 *
 * `classify` is synchronous, so the classifier is loaded by `parse`, as soon as a feed has stories; the use
 * case classifies only stories that a parse returned.
 */
export function feedReadingOnDemand(): Pick<IngestDeps, 'parse' | 'classify'> {
  const loadParser = loadOnFirstUse(() => import('../../adapters/feed-parser/parse-feed'));
  const loadClassifier = loadOnFirstUse(async () => {
    const [{ createClassifier }, { loadBaseline }] = await Promise.all([
      import('../../core/detect/classify'),
      import('../../baseline/load-baseline'),
    ]);
    return createClassifier(loadBaseline());
  });
  let classifier: Classifier | undefined;
  return {
    parse: async (xml, context) => {
      const { parseFeed } = await loadParser();
      const parsed = await parseFeed(xml, context);
      if (parsed.stories.length > 0) classifier ??= await loadClassifier();
      return parsed;
    },
    classify: (story) => {
      if (!classifier) throw new ClassifierNotReadyError();
      return classifier(story);
    },
  };
}
