/**
 * The esbuild settings every Lambda bundle is built with. Plain data with no CDK import, so the function
 * construct and the bundle benchmark build exactly the same bundles.
 */

/**
 * Syntax level of the bundles. Node.js 22 is the oldest runtime the code must run on, so bundles built
 * for it also run on the newer runtime the stack deploys.
 */
export const BUNDLE_TARGET = 'node22';

/**
 * ESM output has no `require`, but CommonJS dependencies bundled into it (rss-parser, xml2js, sax) still
 * call `require('events')` and the like for Node.js builtins. This banner gives the module a real one.
 * The import is aliased so that it cannot clash with a name in the bundled code.
 */
export const ESM_REQUIRE_BANNER =
  "import { createRequire as tiewatchCreateRequire } from 'node:module';const require = tiewatchCreateRequire(import.meta.url);";

/**
 * Bundle options shared by the CDK function construct and bench/bundles.bench.ts.
 * The AWS SDK is bundled rather than taken from the runtime: the bundle then runs the exact SDK version the
 * tests ran against, and tree-shaking keeps only the clients a function uses.
 */
export const BUNDLE_OPTIONS = {
  format: 'esm',
  platform: 'node',
  target: BUNDLE_TARGET,
  minify: true,
  sourcemap: true,
  /** Source text stays out of the map: it would only add to the asset, the stack traces need line numbers. */
  sourcesContent: false,
  /** ESM entry points first: they tree-shake, CommonJS does not. */
  mainFields: ['module', 'main'],
  banner: ESM_REQUIRE_BANNER,
  external: [] as string[],
  /**
   * The dependencies' "legal" comments are coverage-tool hints (`@preserve`) and one attribution line in
   * sax, not licence texts (the licences ship in node_modules); dropped, they no longer add to each bundle.
   */
  legalComments: 'none',
  /**
   * esbuild escapes non-ASCII text by default, for browsers that may read a script in the wrong encoding.
   * Node.js always reads a module as UTF-8, so the escapes only add bytes: 13 KB in the ingest bundle (the
   * entities decode tables, the baseline's terms in Chinese, Korean and Russian). Regular expression literals
   * keep their characters either way, so bundles that have them were never ASCII-only.
   */
  charset: 'utf8',
  /**
   * rss-parser depends on its own `entities@2` (35 KB of entity tables) and `require`s all of it, encoder
   * included, to call `decodeHTML` for the `contentSnippet` that tiewatch's parser never lets it compute.
   * Every `entities` import therefore gets the decoding half of the `entities` tiewatch already ships: esbuild
   * resolves an alias target from its working directory, the repository root in both builds.
   * test/unit/bundling/entities-alias.test.ts proves the old copy is never called on the parse path and that
   * the alias target has everything rss-parser calls.
   */
  alias: { entities: 'entities/decode' } as Record<string, string>,
} as const;

/**
 * The esbuild CLI arguments for the options NodejsFunction has no property for, in the form of its
 * `esbuildArgs` (the bench passes the same options through esbuild's API).
 */
export const EXTRA_ESBUILD_ARGS: Record<string, string | string[]> = {
  '--legal-comments': BUNDLE_OPTIONS.legalComments,
  // NodejsFunction declares a `charset` property, but aws-cdk-lib 2.276 never passes it on to esbuild.
  '--charset': BUNDLE_OPTIONS.charset,
  '--alias': Object.entries(BUNDLE_OPTIONS.alias).map(([from, to]) => `${from}=${to}`),
};

/**
 * NODE_OPTIONS every function runs with: stack traces through the source map point at the TypeScript.
 * The benchmark sets the same, since the flag makes Node.js read the map when the bundle loads.
 */
export const LAMBDA_NODE_OPTIONS = '--enable-source-maps';
