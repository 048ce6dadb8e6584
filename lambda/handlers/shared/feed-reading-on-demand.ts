import type { IngestDeps } from '../../use-cases/ingest-feed';
import { loadOnFirstUse } from './load-on-first-use';

/**
 * The ingest function's parse and classify steps, loaded on first need instead of at cold start: a poll
 * answered 304 needs neither the parser (rss-parser, xml2js, sax, entities) nor the classifier (the
 * baseline, its fact indexes and regexes, chrono-node), and a feed without stories needs no classifier.
 *
 * Deferring evaluation is not enough: code in the same file is still read and compiled at cold start. So the
 * two modules are separate files in the asset, built beside index.mjs (lib/function-bundling.ts) and left
 * out of it. Each specifier names a sibling `.mts` source here and its built `.mjs` there, so the same
 * literal resolves in the asset, under vitest and under tsx, with no branch on where the code runs.
 */
export function feedReadingOnDemand(): Pick<IngestDeps, 'parse' | 'classify'> {
  const loadParser = loadOnFirstUse(() => import('./parser-on-demand.mjs'));
  const loadClassifier = loadOnFirstUse(async () => {
    const { createClassifier, loadBaseline } = await import('./classifier-on-demand.mjs');
    return createClassifier(loadBaseline());
  });
  return {
    parse: async (xml, context) => (await loadParser()).parseFeed(xml, context),
    classify: async (story) => (await loadClassifier())(story),
  };
}
