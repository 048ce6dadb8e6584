import type { IngestDeps } from '../../use-cases/ingest-feed';
import { loadOnFirstUse } from './load-on-first-use';

/**
 * The ingest function's parse and classify steps, loaded on first need instead of at cold start: a poll
 * answered 304 needs neither the parser (rss-parser, xml2js, sax, entities) nor the classifier (the
 * baseline, its fact indexes and regexes, chrono-node), and a feed without stories needs no classifier.
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
  return {
    parse: async (xml, context) => (await loadParser()).parseFeed(xml, context),
    classify: async (story) => (await loadClassifier())(story),
  };
}
