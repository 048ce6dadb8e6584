import { spawn } from 'node:child_process';
import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { BUNDLE_OPTIONS, LAMBDA_NODE_OPTIONS } from '../lib/function-bundling';

/**
 * Bundle size and a cold-start proxy for every Lambda handler, built with the very esbuild options the CDK
 * function construct uses (lib/function-bundling.ts), beside two references measured in the same run:
 * an empty handler, and the baseline, a handler holding only the DynamoDB (document) client.
 *
 * The cold-start proxy is a fresh `node` process (with the functions' NODE_OPTIONS) that imports the bundle
 * until its `handler` export is there: module parse and top-level work, what Lambda's init phase pays for
 * the code, and (with --enable-source-maps) reading the source map. Work a handler defers to the event that
 * needs it (the ingest function's parser and classifier) is not in it, by design; the code for it is, since
 * it sits in the same file and is parsed with it.
 *
 * One more row is a diagnostic, never deployed: the ingest handler with its on-demand parser and classifier
 * left out of the file, which shows how much of the ingest cold start is parsing code the import never runs.
 *
 * Size is the bundle file, index.mjs; its external source map (index.mjs.map) is not counted.
 * Ready is the wall time of the import; its CPU time (user + system) is printed beside it, because on a
 * shared machine it moves less with the load of other processes than the wall time does.
 */

const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT_DIR = join(REPO_ROOT, '.bench', 'bundles');
const HANDLERS = ['dispatch', 'ingest', 'notify', 'feed', 'seed-feeds'] as const;
const BASELINE = 'dynamodb-client';
const INGEST_WITHOUT_ON_DEMAND = 'ingest-eager';
const RUNS = 15;

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

/** The two reference handlers, written out so they go through the same build. */
const REFERENCE_SOURCES: Record<string, string> = {
  empty: 'export const handler = async () => ({});\n',
  [BASELINE]: [
    "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
    "import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';",
    'const client = DynamoDBDocumentClient.from(new DynamoDBClient({}));',
    'export const handler = async () => client.config.serviceId;',
    '',
  ].join('\n'),
};

/**
 * Replaces the ingest handler's on-demand loaders with ones that fail, so that the parser and classifier
 * (and everything only they import) stay out of the bundle.
 */
const leaveOutOnDemandCode: Plugin = {
  name: 'leave-out-on-demand-code',
  setup(builder) {
    let replaced = false;
    builder.onResolve({ filter: /\/feed-reading-on-demand$/ }, (args) => {
      replaced = true;
      return { path: args.path, namespace: 'left-out' };
    });
    // A renamed module would otherwise leave the diagnostic measuring the whole ingest bundle.
    builder.onEnd(() => {
      if (!replaced) throw new Error('the ingest handler no longer imports feed-reading-on-demand');
    });
    builder.onLoad({ filter: /.*/, namespace: 'left-out' }, () => ({
      contents: [
        "const leftOut = () => Promise.reject(new Error('left out of this diagnostic bundle'));",
        'export const feedReadingOnDemand = () => ({ parse: leftOut, classify: leftOut });',
      ].join('\n'),
      loader: 'js',
    }));
  },
};

/** Imports the bundle and prints how long it took, from inside the fresh process. */
const READY_PROBE = [
  'const cpu = process.cpuUsage();',
  'const started = performance.now();',
  'const module = await import(process.env.BENCH_BUNDLE);',
  "if (typeof module.handler !== 'function') throw new Error('no handler export');",
  'const wall = performance.now() - started;',
  'const { user, system } = process.cpuUsage(cpu);',
  "process.stdout.write(wall + ' ' + (user + system) / 1000);",
].join('\n');

interface Bundle {
  name: string;
  file: string;
  bytes: number;
  readyMs: number[];
  readyCpuMs: number[];
  processMs: number[];
}

async function bundle(name: string, entry: string, plugins: Plugin[] = []): Promise<Bundle> {
  const file = join(OUT_DIR, name, 'index.mjs');
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
    mainFields: [...BUNDLE_OPTIONS.mainFields],
    banner: { js: BUNDLE_OPTIONS.banner },
    external: [...BUNDLE_OPTIONS.external],
    legalComments: BUNDLE_OPTIONS.legalComments,
    charset: BUNDLE_OPTIONS.charset,
    alias: BUNDLE_OPTIONS.alias,
    // As in the CDK's local bundling, which runs esbuild in the project root (alias targets resolve there).
    absWorkingDir: REPO_ROOT,
    plugins,
    logLevel: 'error',
  });
  return { name, file, bytes: statSync(file).size, readyMs: [], readyCpuMs: [], processMs: [] };
}

function timeReady(target: Bundle): Promise<void> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, ['--input-type=module', '--eval', READY_PROBE], {
      env: { ...HANDLER_ENV, PATH: process.env.PATH ?? '', BENCH_BUNDLE: pathToFileURL(target.file).href },
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

/** Builds every bundle, times each one's cold start, and prints sizes and ratios against the baseline. */
export async function benchBundles(): Promise<void> {
  rmSync(OUT_DIR, { recursive: true, force: true });
  mkdirSync(join(OUT_DIR, 'src'), { recursive: true });
  const bundles: Bundle[] = [];
  for (const [name, source] of Object.entries(REFERENCE_SOURCES)) {
    const entry = join(OUT_DIR, 'src', `${name}.ts`);
    writeFileSync(entry, source);
    bundles.push(await bundle(name, entry));
  }
  for (const handler of HANDLERS)
    bundles.push(await bundle(handler, join(REPO_ROOT, 'lambda', 'handlers', `${handler}.ts`)));
  bundles.push(
    await bundle(INGEST_WITHOUT_ON_DEMAND, join(REPO_ROOT, 'lambda', 'handlers', 'ingest.ts'), [
      leaveOutOnDemandCode,
    ]),
  );

  // Round robin, so that a busy moment on the machine falls on every bundle alike.
  for (let run = 0; run < RUNS; run += 1) for (const target of bundles) await timeReady(target);

  const baseline = bundles.find((b) => b.name === BASELINE);
  if (!baseline) throw new Error('the baseline bundle is missing');
  const baseReady = median(baseline.readyMs);
  const baseCpu = median(baseline.readyCpuMs);
  console.log(
    `\nLambda bundles (esbuild ${BUNDLE_OPTIONS.format}, minified, ${BUNDLE_OPTIONS.target}); ready = median of ${RUNS} fresh processes`,
  );
  console.log(
    'bundle            size      ×baseline  ready (import)  ×baseline  ready CPU  ×baseline  process wall',
  );
  for (const b of bundles) {
    const ready = median(b.readyMs);
    console.log(
      [
        b.name.padEnd(16),
        kb(b.bytes).padStart(7),
        ratio(b.bytes, baseline.bytes).padStart(10),
        `${ready.toFixed(1)} ms`.padStart(15),
        ratio(ready, baseReady).padStart(10),
        `${median(b.readyCpuMs).toFixed(1)} ms`.padStart(10),
        ratio(median(b.readyCpuMs), baseCpu).padStart(10),
        `${median(b.processMs).toFixed(0)} ms`.padStart(13),
      ].join('  '),
    );
  }
  const oversized = bundles
    .filter((b) => b.bytes > MAX_BUNDLE_BYTES)
    .map((b) => `${b.name} (${kb(b.bytes)})`);
  const ingest = bundles.find((b) => b.name === 'ingest');
  const ingestRatio = ingest ? median(ingest.readyMs) / baseReady : Number.NaN;
  const ingestCpuRatio = ingest ? median(ingest.readyCpuMs) / baseCpu : Number.NaN;
  console.log(
    `target: every bundle ≤ ${kb(MAX_BUNDLE_BYTES)} → ${oversized.length === 0 ? 'met' : `NOT met: ${oversized.join(', ')}`}`,
  );
  console.log(
    `target: ingest ready ≤ ${MAX_INGEST_READY_RATIO}× baseline → ${ingestRatio <= MAX_INGEST_READY_RATIO ? 'met' : 'NOT met'} (${ingestRatio.toFixed(2)}×; CPU ${ingestCpuRatio.toFixed(2)}×)`,
  );
  const eager = bundles.find((b) => b.name === INGEST_WITHOUT_ON_DEMAND);
  if (eager) {
    console.log(
      `diagnostic: ${INGEST_WITHOUT_ON_DEMAND} is ingest without its on-demand parser and classifier → ${ratio(median(eager.readyMs), baseReady)} (CPU ${ratio(median(eager.readyCpuMs), baseCpu)}); the difference to ingest is parsing code the import never runs`,
    );
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await benchBundles();
