/**
 * The esbuild settings every Lambda bundle is built with. Plain data with no CDK import, so the function
 * construct and the bundle benchmark build exactly the same bundles.
 */

import { basename, posix, win32 } from 'node:path';
import type { HandlerName } from './tiewatch-function';

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

/**
 * Modules a handler imports on first need, each built into a file of its own beside the handler's index.mjs
 * and left out of it (an `external`). esbuild keeps a lazy module's code in the one file NodejsFunction
 * writes, and Node.js reads and compiles that whole file at cold start even though the code never runs
 * there; in a file of its own it is read only when it is first imported.
 *
 * Each source is a `.mts` file beside the module that imports it as `./<name>.mjs`: TypeScript's resolution
 * (vitest, tsx, tsc) maps that specifier to the source, and in the asset it names the built file beside
 * index.mjs, so the same import works in tests, locally and in AWS. Paths are relative to the repository root.
 */
export const ON_DEMAND_MODULES: Readonly<Partial<Record<HandlerName, readonly string[]>>> = {
  ingest: ['lambda/handlers/shared/parser-on-demand.mts', 'lambda/handlers/shared/classifier-on-demand.mts'],
};

/** The file an on-demand source becomes in the asset, which is also the specifier its importer uses. */
export function onDemandFileOf(source: string): string {
  const file = basename(source);
  if (!file.endsWith('.mts')) throw new Error(`an on-demand module must be a .mts source: ${source}`);
  return file.replace(/\.mts$/, '.mjs');
}

/** What the handler's own bundle leaves to the on-demand files: the specifiers exactly as its code writes them. */
export function onDemandExternals(sources: readonly string[]): string[] {
  return sources.map((source) => `./${onDemandFileOf(source)}`);
}

/**
 * The esbuild command line that builds on-demand modules into `outDir`, with the same options as the
 * handler's own bundle (BUNDLE_OPTIONS and EXTRA_ESBUILD_ARGS), as one shell command for NodejsFunction's
 * command hooks. It runs in `projectRoot` (where the alias targets resolve, as in the main build) with the
 * repository's own esbuild, so it needs no network; each entry becomes `<name>.mjs` and `<name>.mjs.map`.
 *
 * CDK runs hook commands through `bash -c` on Linux and macOS and through `cmd /c` on Windows, so the command
 * is quoted for the shell of the platform that synthesises (`platform`), and names the npm shim that shell
 * can run (`esbuild` or `esbuild.cmd`).
 */
export function onDemandBuildCommand(
  sources: readonly string[],
  projectRoot: string,
  outDir: string,
  platform: NodeJS.Platform = process.platform,
): string {
  for (const source of sources) onDemandFileOf(source);
  const windows = platform === 'win32';
  const { join } = windows ? win32 : posix;
  const argv = [
    join(projectRoot, 'node_modules', '.bin', windows ? 'esbuild.cmd' : 'esbuild'),
    '--bundle',
    ...sources.map((source) => join(projectRoot, source)),
    `--outdir=${outDir}`,
    '--out-extension:.js=.mjs',
    `--format=${BUNDLE_OPTIONS.format}`,
    `--platform=${BUNDLE_OPTIONS.platform}`,
    `--target=${BUNDLE_OPTIONS.target}`,
    ...(BUNDLE_OPTIONS.minify ? ['--minify'] : []),
    ...(BUNDLE_OPTIONS.sourcemap ? ['--sourcemap'] : []),
    `--sources-content=${BUNDLE_OPTIONS.sourcesContent}`,
    `--main-fields=${BUNDLE_OPTIONS.mainFields.join(',')}`,
    `--banner:js=${BUNDLE_OPTIONS.banner}`,
    ...BUNDLE_OPTIONS.external.map((external) => `--external:${external}`),
    `--tsconfig=${join(projectRoot, 'tsconfig.json')}`,
    '--log-level=warning',
    ...Object.entries(EXTRA_ESBUILD_ARGS).flatMap(([flag, value]) =>
      Array.isArray(value) ? value.map((item) => `${flag}:${item}`) : [`${flag}=${value}`],
    ),
  ];
  return argv.map(windows ? quoteForCmd : quoteForPosixShell).join(' ');
}

/** Single-quotes one argument for a POSIX shell (the banner holds spaces, quotes and semicolons). */
function quoteForPosixShell(argument: string): string {
  return `'${argument.replaceAll("'", `'\\''`)}'`;
}

/**
 * Double-quotes one argument for cmd.exe, which keeps spaces, semicolons and single quotes inside double
 * quotes but has no escape for a double quote there and expands `%NAME%` even inside them: an argument
 * holding either is refused rather than passed on changed.
 */
function quoteForCmd(argument: string): string {
  if (/["%]/.test(argument)) {
    throw new Error(
      `cannot pass ${JSON.stringify(argument)} to cmd.exe: it holds a double quote or a percent sign`,
    );
  }
  return `"${argument}"`;
}
