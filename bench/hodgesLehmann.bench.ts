/**
 * Micro-benchmark of the Hodges–Lehmann interval and of what the judge does around it, per SLI, written to
 * bench/results/hodgesLehmann.json.
 *
 * For n = m = 10⁴ and 10⁵ (and 10⁶ with --full) and two kinds of data (lognormal latencies, continuous;
 * the same rounded to 2 decimals, i.e. ties) it times, as medians of Benchmark.js samples:
 *  - hodgesLehmannSorted(x, y) with the judge's options (95%, two-sided, method auto → asymptotic);
 *  - pairwiseDifferenceSelector(x, y).selectMany([median pair, both ends]) alone;
 *  - sortFloat64 of one sample and mannWhitneySorted(x, y).
 * Each timed call takes the next of 8 data sets, so the branch predictor cannot learn one data set's
 * merge pattern (which makes a repeated merge pass look up to 3× faster than it is in the judge).
 *
 * Run: npx tsx bench/hodgesLehmann.bench.ts [--full]
 */
import Benchmark from 'benchmark';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { hodgesLehmannSorted } from '../src/stats/hodgesLehmann.js';
import { pairwiseDifferenceSelector } from '../src/stats/pairwiseDifferenceSelect.js';
import { sortFloat64 } from '../src/stats/sortFloat64.js';
import { mannWhitneySorted } from '../src/stats/mannWhitney.js';
import { mulberry32, median, runSuite } from './support.js';

const FULL = process.argv.includes('--full');
const SIZES = FULL ? [1e4, 1e5, 1e6] : [1e4, 1e5];
const SETS = 8;

function lognormal(rand: () => number, n: number, median: number, decimals: number | null): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const z = Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
    const v = median * Math.exp(0.4 * z);
    out[i] = decimals === null ? v : Math.round(v * 10 ** decimals) / 10 ** decimals;
  }
  return out;
}

interface Row {
  n: number;
  data: 'continuous' | 'rounded';
  ms: Record<string, number>;
  passes: number;
}

async function main(): Promise<void> {
  const rows: Row[] = [];
  for (const n of SIZES) {
    for (const data of ['continuous', 'rounded'] as const) {
      const rand = mulberry32(n + (data === 'rounded' ? 7 : 0));
      const decimals = data === 'rounded' ? 2 : null;
      const raw = Array.from({ length: SETS }, (_, s) => [lognormal(rand, n, s % 4 === 0 ? 105 : 100, decimals), lognormal(rand, n, 100, decimals)] as const);
      const sorted = raw.map(([x, y]) => [sortFloat64(x), sortFloat64(y)] as const);
      const nm = n * n;
      const sd = Math.sqrt((nm * (2 * n + 1)) / 12);
      const ranks = [nm / 2, nm / 2 + 1, Math.round(nm / 2 - 1.96 * sd), Math.round(nm / 2 + 1.96 * sd)];
      let k = 0;
      let passes = 0;
      const big = n >= 1e6;
      const opts = { minSamples: big ? 5 : 30, maxTime: big ? 6 : 2 };
      console.log(`n = m = ${n}, ${data}: ${JSON.stringify(hodgesLehmannSorted(sorted[0][0], sorted[0][1], { confidence: 0.95, alternative: 'two-sided' }))}`);
      const suite = new Benchmark.Suite();
      suite.add('hodgesLehmannSorted 95% two-sided', () => {
        const [x, y] = sorted[k++ % SETS];
        hodgesLehmannSorted(x, y, { confidence: 0.95, alternative: 'two-sided' });
      }, opts);
      suite.add('selectMany (median pair + ends)', () => {
        const [x, y] = sorted[k++ % SETS];
        const s = pairwiseDifferenceSelector(x, y);
        s.selectMany(ranks);
        passes = s.lastPasses;
      }, opts);
      suite.add('sortFloat64 (one sample)', () => sortFloat64(raw[k++ % SETS][0]), opts);
      suite.add('mannWhitneySorted', () => {
        const [x, y] = sorted[k++ % SETS];
        mannWhitneySorted(x, y, { alternative: 'greater' });
      }, opts);
      const results = await runSuite(suite);
      const ms: Record<string, number> = {};
      for (const b of results) ms[b.name as string] = median(b) * 1000;
      rows.push({ n, data, ms, passes });
    }
  }
  console.log('\nmedian ms');
  console.log('n        data        HL 95%   selectMany  passes  sort (1 side)  mannWhitneySorted');
  for (const r of rows) {
    console.log(
      [
        String(r.n).padEnd(8),
        r.data.padEnd(11),
        r.ms['hodgesLehmannSorted 95% two-sided'].toFixed(3).padStart(7),
        r.ms['selectMany (median pair + ends)'].toFixed(3).padStart(11),
        String(r.passes).padStart(7),
        r.ms['sortFloat64 (one sample)'].toFixed(3).padStart(14),
        r.ms.mannWhitneySorted.toFixed(3).padStart(18),
      ].join(' '),
    );
  }
  const out = {
    machine: { cpus: cpus().length, model: cpus()[0]?.model ?? '', node: process.version },
    date: new Date().toISOString(),
    full: FULL,
    notes: [
      'medians of Benchmark.js samples, milliseconds; each call takes the next of 8 data sets',
      'lognormal latencies (median 100 or 105, sigma 0.4); rounded: to 2 decimals',
      'passes: O(n + m) passes of the last selectMany (the merge passes, row scans and collections)',
    ],
    results: rows,
  };
  mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
  writeFileSync(new URL(`./results/hodgesLehmann${FULL ? '' : '.quick'}.json`, import.meta.url), JSON.stringify(out, null, 2) + '\n');
}

await main();
