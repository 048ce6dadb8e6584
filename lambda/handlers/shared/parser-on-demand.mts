/**
 * The feed parser, built as a file of its own in the ingest asset so the cold start never reads rss-parser,
 * xml2js, sax or entities (why `.mts`: ON_DEMAND_MODULES in lib/function-bundling.ts).
 */
export { parseFeed } from '../../adapters/feed-parser/parse-feed';
