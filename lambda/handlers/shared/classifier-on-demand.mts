/**
 * The classifier and the shipped baseline, built as a file of its own in the ingest asset so the cold start
 * never reads the detection core, chrono-node or the baseline (why `.mts`: ON_DEMAND_MODULES in
 * lib/function-bundling.ts).
 */
export { loadBaseline } from '../../baseline/load-baseline';
export { createClassifier } from '../../core/detect/classify';
