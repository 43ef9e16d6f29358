/**
 * What binning costs: Mann–Whitney on histograms vs the same test on the raw data.
 *
 * 1000 random lognormal cases (200 per shift, shifts 0, 0.5%, 1%, 2%, 3% — multiplicative, i.e. the
 * canary's values are the baseline distribution × (1 + shift)), n = m = 10⁵, median U(5, 500) and
 * log-sd U(0.2, 1.5) drawn per case, seeded PRNG (mulberry32 + Box–Muller). For each case the raw-data
 * test (src/stats/mannWhitney.ts, asymptotic, tie-corrected, continuity-corrected, two-sided) is
 * compared with mannWhitneyHistogram on several grids: agreement of the decision at α = 0.05, the
 * distribution of |z_hist − z_exact|, and the rejection rates of both.
 *
 * Run: npx tsx bench/sketch-accuracy.ts [--cases 1000] [--n 100000]
 * Writes bench/results/sketch-accuracy.json.
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import { LogHistogram, type LogHistogramOptions } from '../src/sketch/logHistogram.js';
import { mannWhitneyHistogram } from '../src/sketch/mannWhitneyHistogram.js';
import { mannWhitney } from '../src/stats/mannWhitney.js';
import { mulberry32 } from './support.js';

function arg(name: string, dflt: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : dflt;
}
const CASES = arg('cases', 1000);
const N = arg('n', 100_000);
const ALPHA = 0.05;
const SHIFTS = [0, 0.005, 0.01, 0.02, 0.03];
const SEED = 20240501;

const GRIDS: Array<{ name: string; opts: LogHistogramOptions; relativeAccuracy: number }> = [
  { name: 'gamma 0.5%', opts: { relativeAccuracy: 0.005 }, relativeAccuracy: 0.005 },
  { name: 'gamma 1% (default)', opts: {}, relativeAccuracy: 0.01 },
  { name: 'gamma 2%', opts: { relativeAccuracy: 0.02 }, relativeAccuracy: 0.02 },
  { name: 'exponential scale 6 (0.54%)', opts: { scale: 6 }, relativeAccuracy: 0.0054 },
  { name: 'exponential scale 3 (4.3%, Prometheus default bucket factor 1.1)', opts: { scale: 3 }, relativeAccuracy: 0.0433 },
  { name: 'exponential scale 0 (33%)', opts: { scale: 0 }, relativeAccuracy: 1 / 3 },
];

function fillLognormal(rand: () => number, out: Float64Array, mu: number, sigma: number): void {
  for (let i = 0; i < out.length; i += 2) {
    const r = Math.sqrt(-2 * Math.log(1 - rand()));
    const t = 2 * Math.PI * rand();
    out[i] = Math.exp(mu + sigma * r * Math.cos(t));
    if (i + 1 < out.length) out[i + 1] = Math.exp(mu + sigma * r * Math.sin(t));
  }
}

function quantiles(a: number[], qs: number[]): Record<string, number> {
  const s = [...a].sort((x, y) => x - y);
  const out: Record<string, number> = {};
  for (const q of qs) out[`p${q * 100}`] = s[Math.min(s.length - 1, Math.floor(q * (s.length - 1)))];
  return out;
}

interface Row {
  shift: number;
  sigma: number;
  zExact: number;
  pExact: number;
  hist: Array<{ z: number; p: number; buckets: number }>;
}

const rand = mulberry32(SEED);
const x = new Float64Array(N);
const y = new Float64Array(N);
const rows: Row[] = [];
const t0 = performance.now();
for (let c = 0; c < CASES; c++) {
  const shift = SHIFTS[c % SHIFTS.length];
  const median = 5 + rand() * 495;
  const sigma = 0.2 + rand() * 1.3;
  fillLognormal(rand, x, Math.log(median * (1 + shift)), sigma); // canary
  fillLognormal(rand, y, Math.log(median), sigma); // baseline
  const exact = mannWhitney(x, y, { method: 'asymptotic' });
  const hist = GRIDS.map((g) => {
    const r = mannWhitneyHistogram(new LogHistogram(g.opts).addAll(x), new LogHistogram(g.opts).addAll(y));
    return { z: r.z as number, p: r.pValue, buckets: r.resolution.buckets };
  });
  rows.push({ shift, sigma, zExact: exact.z as number, pExact: exact.pValue, hist });
  if ((c + 1) % 100 === 0) console.log(`${c + 1}/${CASES} cases, ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

const summary = GRIDS.map((g, gi) => {
  const absDz = rows.map((r) => Math.abs(r.hist[gi].z - r.zExact));
  const relDz = rows.filter((r) => Math.abs(r.zExact) > 1).map((r) => r.hist[gi].z / r.zExact);
  const agree = rows.filter((r) => r.pExact < ALPHA === r.hist[gi].p < ALPHA).length;
  const byShift = SHIFTS.map((s) => {
    const rs = rows.filter((r) => r.shift === s);
    return {
      shift: s,
      cases: rs.length,
      agreement: rs.filter((r) => r.pExact < ALPHA === r.hist[gi].p < ALPHA).length / rs.length,
      rejectExact: rs.filter((r) => r.pExact < ALPHA).length / rs.length,
      rejectHistogram: rs.filter((r) => r.hist[gi].p < ALPHA).length / rs.length,
      medianAbsDz: quantiles(rs.map((r) => Math.abs(r.hist[gi].z - r.zExact)), [0.5]).p50,
    };
  });
  return {
    grid: g.name,
    relativeAccuracy: g.relativeAccuracy,
    medianBuckets: quantiles(rows.map((r) => r.hist[gi].buckets), [0.5]).p50,
    decisionAgreement: agree / rows.length,
    disagreements: rows.length - agree,
    absZDifference: { ...quantiles(absDz, [0.5, 0.9, 0.99]), max: Math.max(...absDz), mean: absDz.reduce((p, q) => p + q, 0) / absDz.length },
    zRatioHistOverExact: quantiles(relDz, [0.01, 0.5, 0.99]),
    byShift,
  };
});

const out = {
  description:
    'Mann–Whitney (two-sided, asymptotic, tie- and continuity-corrected) on histograms vs on the raw data; lognormal baseline and canary = baseline × (1 + shift)',
  cases: CASES,
  n: N,
  m: N,
  alpha: ALPHA,
  shifts: SHIFTS,
  seed: SEED,
  prng: 'mulberry32 + Box–Muller',
  caseParameters: 'median ~ U(5, 500), log-sd ~ U(0.2, 1.5), per case',
  exactTest: 'src/stats/mannWhitney.ts (method asymptotic: no ties in continuous data, so tie correction is inactive)',
  seconds: (performance.now() - t0) / 1000,
  node: process.version,
  date: new Date().toISOString(),
  grids: summary,
};
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/sketch-accuracy.json', JSON.stringify(out, null, 2) + '\n');
console.log(JSON.stringify(summary.map((s) => ({ grid: s.grid, agreement: s.decisionAgreement, dz: s.absZDifference })), null, 1));
console.log('wrote bench/results/sketch-accuracy.json');
