/**
 * `npm run bench`: every benchmark in one run. Each prints its figures beside a baseline measured in the
 * same run on the same machine, so the ratios hold on a shared, noisy host where absolute times do not.
 * `npm run bench -- classify cycle` runs only the named ones.
 */
import { benchBundles } from './bundles.bench';
import { benchClassify } from './classify.bench';
import { benchCycle } from './cycle.bench';
import { benchFeedApi } from './feed-api.bench';

const BENCHES: Record<string, () => Promise<void>> = {
  classify: benchClassify,
  cycle: benchCycle,
  'feed-api': benchFeedApi,
  bundles: benchBundles,
};

const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !(name in BENCHES));
if (unknown.length > 0) {
  console.error(`unknown bench: ${unknown.join(', ')}; choose from ${Object.keys(BENCHES).join(', ')}`);
  process.exit(2);
}
for (const [name, bench] of Object.entries(BENCHES)) {
  if (wanted.length === 0 || wanted.includes(name)) await bench();
}
