/**
 * The feed parser as a module of its own: the ingest function's asset holds it as parser-on-demand.mjs beside
 * index.mjs (lib/function-bundling.ts builds it), so the cold start never reads rss-parser, xml2js, sax or
 * entities. It is `.mts` because its importer names it `./parser-on-demand.mjs`, the one specifier that finds
 * this source under vitest and tsx and the built ES module beside index.mjs in the asset.
 */
export { parseFeed } from '../../adapters/feed-parser/parse-feed';
