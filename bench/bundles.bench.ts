import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { parseFeed } from '../lambda/adapters/feed-parser/parse-feed';
import { loadBaseline } from '../lambda/baseline/load-baseline';
import { createClassifier } from '../lambda/core/detect/classify';
import { storyTextOf } from '../lambda/core/stories/story-text';
import {
  BUNDLE_OPTIONS,
  LAMBDA_NODE_OPTIONS,
  ON_DEMAND_MODULES,
  onDemandExternals,
  onDemandFileOf,
} from '../lib/function-bundling';
import type { TiewatchFunction } from '../lib/tiewatch-function';
import { assetDirOf, synthTiewatch } from '../test/infra/synth-tiewatch';

/**
 * Bundle size and a cold-start proxy for every Lambda handler, beside references measured in the same run:
 * an empty handler; the baseline, a handler holding only the DynamoDB (document) client, built as the
 * functions are; the issue's baseline, that handler with esbuild's default resolution (the 540 KB the issue
 * gives); and the ingest handler built that way too, to compare like for like with it.
 *
 * The handlers are measured as they deploy: the app is synthesised with bundling, as `npm run synth` does,
 * and each function's asset is read from the cloud assembly. The references go through the same esbuild
 * options (lib/function-bundling.ts), resolution aside where they say so.
 *
 * The cold-start proxy is a fresh `node` process (with the functions' NODE_OPTIONS) that imports index.mjs
 * until its `handler` export is there: module parse and top-level work, what Lambda's init phase pays for
 * the code, and (with --enable-source-maps) reading the source map. The ingest function's parser and
 * classifier are files of their own in its asset, imported on first need, so they are not in it; their sizes
 * are listed under it, a diagnostic row times index.mjs with both of them (what the first new story pays),
 * and before timing, the bench checks once that the built files parse and classify exactly as the source
 * does, so leaving code out of them cannot pass for a faster start.
 *
 * Size is per file (the source maps, *.mjs.map, are not counted), and the 800 KB limit applies to each
 * bundle file: index.mjs and every on-demand file.
 * Ready is the wall time of the import; its CPU time (user + system) is printed beside it, because on a
 * shared machine it moves less with the load of other processes than the wall time does.
 */

const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT_DIR = join(REPO_ROOT, '.bench', 'bundles');
const FIXTURE_FEEDS = join(REPO_ROOT, 'test', 'fixtures', 'feeds');
const BASELINE = 'dynamodb-client';
/**
 * The infrastructure issue sizes its baseline at about 540 KB: that is the client-only handler built with
 * esbuild's default resolution for Node.js (`main` before `module`, so the CommonJS builds), not with the
 * functions' ES-modules-first resolution, which makes it 341 KB. Both are timed: the issue's, with the ingest
 * handler built the same way beside it (like for like), and ours, which the table's ratios use.
 */
const ISSUE_BASELINE = 'dynamodb-client-cjs';
const INGEST_LIKE_ISSUE_BASELINE = 'ingest-cjs';
const ESBUILD_DEFAULT_NODE_MAIN_FIELDS = ['main', 'module'];
const INGEST_FIRST_STORY = 'ingest+on-demand';
const RUNS = 21;

/** @default targets of the infrastructure issue */
const MAX_BUNDLE_BYTES = 800 * 1024;
const MAX_INGEST_READY_RATIO = 1.3;

/** What the handlers' settings schemas demand at cold start; values only need to be well formed. */
const HANDLER_ENV: Record<string, string> = {
  AWS_REGION: 'us-east-1',
  TABLE_NAME: 'tiewatch-bench',
  QUEUE_URL: 'https://sqs.us-east-1.amazonaws.com/123456789012/tiewatch-bench',
  TOPIC_ARN: 'arn:aws:sns:us-east-1:123456789012:tiewatch-bench',
  STORY_TTL_DAYS: '30',
  POLL_INTERVAL_SECONDS: '780',
  POWERTOOLS_SERVICE_NAME: 'tiewatch-bench',
  POWERTOOLS_METRICS_NAMESPACE: 'tiewatch-bench',
  NODE_OPTIONS: LAMBDA_NODE_OPTIONS,
};

/** A handler holding only the DynamoDB (document) client. */
const CLIENT_ONLY_SOURCE = [
  "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
  "import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';",
  'const client = DynamoDBDocumentClient.from(new DynamoDBClient({}));',
  'export const handler = async () => client.config.serviceId;',
  '',
].join('\n');

/** A bundle timed beside the functions: its entry (source text or a file), resolution and externals. */
interface Reference {
  name: string;
  source?: string;
  entry?: string;
  mainFields?: string[];
  external?: string[];
}

/** The references, built by the same esbuild options as the functions unless they say otherwise. */
const REFERENCES: Reference[] = [
  { name: 'empty', source: 'export const handler = async () => ({});\n' },
  { name: BASELINE, source: CLIENT_ONLY_SOURCE },
  { name: ISSUE_BASELINE, source: CLIENT_ONLY_SOURCE, mainFields: ESBUILD_DEFAULT_NODE_MAIN_FIELDS },
  {
    name: INGEST_LIKE_ISSUE_BASELINE,
    entry: join(REPO_ROOT, 'lambda', 'handlers', 'ingest.ts'),
    mainFields: ESBUILD_DEFAULT_NODE_MAIN_FIELDS,
    external: onDemandExternals(ON_DEMAND_MODULES.ingest ?? []),
  },
];

/**
 * Imports the bundle and prints how long it took, from inside the fresh process. BENCH_AFTER names files to
 * import after the handler is ready, inside the same timing (the ingest function's first new story).
 */
const READY_PROBE = [
  'const cpu = process.cpuUsage();',
  'const started = performance.now();',
  'const module = await import(process.env.BENCH_BUNDLE);',
  "if (typeof module.handler !== 'function') throw new Error('no handler export');",
  "for (const next of (process.env.BENCH_AFTER ?? '').split(' ').filter(Boolean)) await import(next);",
  'const wall = performance.now() - started;',
  'const { user, system } = process.cpuUsage(cpu);',
  "process.stdout.write(wall + ' ' + (user + system) / 1000);",
].join('\n');

/** A bundle file of an asset that is loaded on first need: sized, never timed on its own. */
interface OnDemandFile {
  name: string;
  file: string;
  bytes: number;
}

interface Bundle {
  name: string;
  file: string;
  bytes: number;
  onDemand: OnDemandFile[];
  /** Imported after the handler in the same timing; a diagnostic row. */
  importAfter: string[];
  readyMs: number[];
  readyCpuMs: number[];
  processMs: number[];
}

function timed(name: string, file: string, extra: Partial<Bundle> = {}): Bundle {
  return {
    name,
    file,
    bytes: statSync(file).size,
    onDemand: [],
    importAfter: [],
    readyMs: [],
    readyCpuMs: [],
    processMs: [],
    ...extra,
  };
}

async function buildReference(reference: Reference): Promise<Bundle> {
  const { name } = reference;
  const file = join(OUT_DIR, name, 'index.mjs');
  let entry = reference.entry;
  if (entry === undefined) {
    entry = join(OUT_DIR, 'src', `${name}.ts`);
    writeFileSync(entry, reference.source ?? '');
  }
  await build({
    entryPoints: [entry],
    outfile: file,
    bundle: true,
    tsconfig: join(REPO_ROOT, 'tsconfig.json'),
    format: BUNDLE_OPTIONS.format,
    platform: BUNDLE_OPTIONS.platform,
    target: BUNDLE_OPTIONS.target,
    minify: BUNDLE_OPTIONS.minify,
    sourcemap: BUNDLE_OPTIONS.sourcemap,
    sourcesContent: BUNDLE_OPTIONS.sourcesContent,
    mainFields: reference.mainFields ?? [...BUNDLE_OPTIONS.mainFields],
    banner: { js: BUNDLE_OPTIONS.banner },
    external: [...BUNDLE_OPTIONS.external, ...(reference.external ?? [])],
    legalComments: BUNDLE_OPTIONS.legalComments,
    charset: BUNDLE_OPTIONS.charset,
    alias: BUNDLE_OPTIONS.alias,
    // As in the CDK's local bundling, which runs esbuild in the project root (alias targets resolve there).
    absWorkingDir: REPO_ROOT,
    logLevel: 'error',
  });
  return timed(name, file);
}

/** A deployed function's asset: index.mjs timed, its on-demand files sized. */
function deployedBundle(fn: TiewatchFunction, assetDir: string): Bundle {
  const onDemand = (ON_DEMAND_MODULES[fn.handlerName] ?? []).map((source) => {
    const name = onDemandFileOf(source);
    const file = join(assetDir, name);
    return { name, file, bytes: statSync(file).size };
  });
  const bundleFiles = readdirSync(assetDir).filter((name) => name.endsWith('.mjs'));
  const expected = ['index.mjs', ...onDemand.map((f) => f.name)];
  if (bundleFiles.sort().join() !== expected.sort().join())
    throw new Error(
      `${fn.handlerName}: the asset holds ${bundleFiles.join(', ')}, expected ${expected.join(', ')}`,
    );
  return timed(fn.handlerName, join(assetDir, 'index.mjs'), { onDemand });
}

/**
 * Loads the ingest asset's on-demand files in a fresh process, as the handler does on its first feed body
 * and first new story, and checks they parse every fixture feed and classify every story exactly as the
 * source does. A file that lost code to look faster fails here.
 */
async function checkIngestOnDemand(assetDir: string): Promise<void> {
  const context = { feedUrl: 'https://feeds.example.com/feed', fetchedAt: '2025-03-10T12:00:00.000Z' };
  const feeds = readdirSync(FIXTURE_FEEDS).map((name) => readFileSync(join(FIXTURE_FEEDS, name), 'utf8'));
  const classify = createClassifier(loadBaseline());
  const expected = [];
  for (const xml of feeds) {
    const parsed = await parseFeed(xml, { ...context, fetchedAt: new Date(context.fetchedAt) });
    expected.push({ parsed, verdicts: parsed.stories.map((story) => classify(storyTextOf(story))) });
  }
  const texts = expected.map(({ parsed }) => parsed.stories.map(storyTextOf));
  const probe = [
    "import { readFileSync } from 'node:fs';",
    "const { asset, feeds, texts, context } = JSON.parse(readFileSync(0, 'utf8'));",
    "const { parseFeed } = await import(new URL('parser-on-demand.mjs', asset).href);",
    "const { createClassifier, loadBaseline } = await import(new URL('classifier-on-demand.mjs', asset).href);",
    'const classify = createClassifier(loadBaseline());',
    'const results = [];',
    'for (const [i, xml] of feeds.entries()) {',
    '  const parsed = await parseFeed(xml, { ...context, fetchedAt: new Date(context.fetchedAt) });',
    '  results.push({ parsed, verdicts: texts[i].map((text) => classify(text)) });',
    '}',
    'process.stdout.write(JSON.stringify(results));',
  ].join('\n');
  const output = execFileSync(process.execPath, ['--input-type=module', '--eval', probe], {
    input: JSON.stringify({ asset: pathToFileURL(`${assetDir}/`).href, feeds, texts, context }),
    env: { ...HANDLER_ENV, PATH: process.env.PATH ?? '' },
    encoding: 'utf8',
  });
  const stories = expected.reduce((sum, { parsed }) => sum + parsed.stories.length, 0);
  const relevant = expected.reduce((sum, { verdicts }) => sum + verdicts.filter((v) => v.relevant).length, 0);
  if (stories === 0 || relevant === 0)
    throw new Error('the fixture feeds gave no relevant story to check with');
  if (output !== JSON.stringify(expected))
    throw new Error('the ingest on-demand files do not parse or classify as the source does');
  console.log(
    `checked: the ingest asset's on-demand files parse ${feeds.length} fixture feeds and classify their ${stories} stories (${relevant} relevant) exactly as the source does`,
  );
}

function timeReady(target: Bundle): Promise<void> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, ['--input-type=module', '--eval', READY_PROBE], {
      env: {
        ...HANDLER_ENV,
        PATH: process.env.PATH ?? '',
        BENCH_BUNDLE: pathToFileURL(target.file).href,
        BENCH_AFTER: target.importAfter.map((file) => pathToFileURL(file).href).join(' '),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) {
        reject(
          new Error(`${target.name}: the bundle did not load (exit ${code}): ${stderr.trim().slice(0, 500)}`),
        );
        return;
      }
      const [wall, cpu] = stdout.split(' ').map(Number);
      if (wall === undefined || cpu === undefined || Number.isNaN(wall) || Number.isNaN(cpu)) {
        reject(new Error(`${target.name}: the probe printed ${JSON.stringify(stdout)}`));
        return;
      }
      target.readyMs.push(wall);
      target.readyCpuMs.push(cpu);
      target.processMs.push(performance.now() - started);
      resolve();
    });
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
const ratio = (value: number, base: number) => `${(value / base).toFixed(2)}×`;

/**
 * Synthesises the app, times each deployed handler's cold start beside the references, and prints sizes
 * (per bundle file) and ratios against the baseline.
 */
export async function benchBundles(): Promise<void> {
  rmSync(OUT_DIR, { recursive: true, force: true });
  mkdirSync(join(OUT_DIR, 'src'), { recursive: true });
  const bundles: Bundle[] = [];
  for (const reference of REFERENCES) bundles.push(await buildReference(reference));

  console.log('\nsynthesising the app with bundling, as `npm run synth` does (esbuild reports below)…');
  const synthesised = synthTiewatch({ bundle: true });
  try {
    const { stack } = synthesised;
    const functions = [
      ...stack.ingestion.functions,
      stack.alertFeedApi.feedFunction,
      stack.notifications.notifyFunction,
    ];
    for (const fn of functions) bundles.push(deployedBundle(fn, assetDirOf(synthesised, fn)));
    const ingest = bundles.find((b) => b.name === 'ingest');
    if (!ingest) throw new Error('the ingest function is missing');
    await checkIngestOnDemand(join(ingest.file, '..'));
    bundles.push(
      timed(INGEST_FIRST_STORY, ingest.file, {
        bytes: ingest.bytes + ingest.onDemand.reduce((sum, f) => sum + f.bytes, 0),
        importAfter: ingest.onDemand.map((f) => f.file),
      }),
    );

    // Round robin, so that a busy moment on the machine falls on every bundle alike.
    for (let run = 0; run < RUNS; run += 1) for (const target of bundles) await timeReady(target);
    report(bundles);
  } finally {
    synthesised.dispose();
  }
}

function report(bundles: Bundle[]): void {
  const baseline = bundles.find((b) => b.name === BASELINE);
  if (!baseline) throw new Error('the baseline bundle is missing');
  const baseReady = median(baseline.readyMs);
  const baseCpu = median(baseline.readyCpuMs);
  console.log(
    `\nLambda bundles (esbuild ${BUNDLE_OPTIONS.format}, minified, ${BUNDLE_OPTIONS.target}); handlers as synthesised; ready = median of ${RUNS} fresh processes`,
  );
  console.log(
    'bundle                            size      ×baseline  ready (import)  ×baseline  ready CPU  ×baseline  process wall',
  );
  for (const b of bundles) {
    const ready = median(b.readyMs);
    const label =
      b.importAfter.length > 0
        ? `${b.name} (diagnostic)`
        : `${b.name}${b.onDemand.length > 0 ? ' index.mjs' : ''}`;
    console.log(
      [
        label.padEnd(32),
        kb(b.bytes).padStart(7),
        ratio(b.bytes, baseline.bytes).padStart(10),
        `${ready.toFixed(1)} ms`.padStart(15),
        ratio(ready, baseReady).padStart(10),
        `${median(b.readyCpuMs).toFixed(1)} ms`.padStart(10),
        ratio(median(b.readyCpuMs), baseCpu).padStart(10),
        `${median(b.processMs).toFixed(0)} ms`.padStart(13),
      ].join('  '),
    );
    for (const f of b.onDemand) {
      console.log(
        [
          `  └ ${f.name}`.padEnd(32),
          kb(f.bytes).padStart(7),
          ratio(f.bytes, baseline.bytes).padStart(10),
          '  loaded on first need, not at cold start',
        ].join('  '),
      );
    }
  }
  const files = bundles
    .filter((b) => b.importAfter.length === 0)
    .flatMap((b) => [
      { name: b.name, bytes: b.bytes },
      ...b.onDemand.map((f) => ({ name: `${b.name}/${f.name}`, bytes: f.bytes })),
    ]);
  const oversized = files.filter((f) => f.bytes > MAX_BUNDLE_BYTES).map((f) => `${f.name} (${kb(f.bytes)})`);
  console.log(
    `target: every bundle file (index.mjs and each on-demand file) ≤ ${kb(MAX_BUNDLE_BYTES)} → ${oversized.length === 0 ? 'met' : `NOT met: ${oversized.join(', ')}`}`,
  );
  const readyRatio = (name: string, against: string) => {
    const target = bundles.find((b) => b.name === name);
    const reference = bundles.find((b) => b.name === against);
    if (!target || !reference) throw new Error(`${name} or ${against} was not timed`);
    return {
      wall: median(target.readyMs) / median(reference.readyMs),
      cpu: median(target.readyCpuMs) / median(reference.readyCpuMs),
    };
  };
  const verdict = ({ wall, cpu }: { wall: number; cpu: number }) =>
    `${wall <= MAX_INGEST_READY_RATIO ? 'within' : 'NOT within'} ${MAX_INGEST_READY_RATIO}× (${wall.toFixed(2)}×; CPU ${cpu.toFixed(2)}×)`;
  const issueBaseline = bundles.find((b) => b.name === ISSUE_BASELINE);
  console.log(
    `target: ingest ready ≤ ${MAX_INGEST_READY_RATIO}× the issue's baseline (${ISSUE_BASELINE}, ${kb(issueBaseline?.bytes ?? 0)}: the client-only handler with esbuild's default resolution):`,
  );
  console.log(
    `  like for like, ${INGEST_LIKE_ISSUE_BASELINE} (ingest built with that resolution) → ${verdict(readyRatio(INGEST_LIKE_ISSUE_BASELINE, ISSUE_BASELINE))}`,
  );
  console.log(`  as deployed, ingest → ${verdict(readyRatio('ingest', ISSUE_BASELINE))}`);
  console.log(
    `stricter: ingest as deployed against ${BASELINE} (the client built with the functions' ES-modules-first resolution, which speeds the client up more than the handler) → ${verdict(readyRatio('ingest', BASELINE))}`,
  );
  const firstStory = bundles.find((b) => b.name === INGEST_FIRST_STORY);
  if (firstStory) {
    console.log(
      `diagnostic: ${INGEST_FIRST_STORY} imports ingest's index.mjs and then its on-demand files, what the first new story of a sandbox pays → ${ratio(median(firstStory.readyMs), baseReady)} (CPU ${ratio(median(firstStory.readyCpuMs), baseCpu)})`,
    );
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await benchBundles();
