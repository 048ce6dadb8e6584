/**
 * The classifier and the shipped baseline as a module of their own: the ingest function's asset holds it as
 * classifier-on-demand.mjs beside index.mjs (lib/function-bundling.ts builds it), so the cold start never
 * reads the detection core, chrono-node or the baseline. It is `.mts` because its importer names it
 * `./classifier-on-demand.mjs`, the one specifier that finds this source under vitest and tsx and the built
 * ES module beside index.mjs in the asset.
 */
export { loadBaseline } from '../../baseline/load-baseline';
export { createClassifier } from '../../core/detect/classify';
