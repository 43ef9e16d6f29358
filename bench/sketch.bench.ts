/**
 * Benchmarks of src/sketch (medians of Benchmark.js samples), written to bench/results/sketch.json:
 *  1. ingest: LogHistogram.addAll(Float64Array of 10⁶ lognormal values) — target ≥ 20 million values/s;
 *  2. Mann–Whitney from two 2,000-bucket histograms — target < 1 ms (same grid, and across scales);
 *  3. memory per window interval at 1% accuracy — target ≤ 64 KiB whatever the count;
 *  4. a streamed computation of 10⁸ points per side, generated in chunks of 10⁶ (never held): time and
 *     peak RSS;
 *  5. histogram path vs exact (sort-based) Mann–Whitney at n = m = 10⁶, same run.
 *
 * Run: node --expose-gc --import tsx bench/sketch.bench.ts          (full: ~1 minute)
 *      node --expose-gc --import tsx bench/sketch.bench.ts --quick  (10⁷ per side in step 4)
 */
import Benchmark from 'benchmark';
import { writeFileSync, mkdirSync } from 'node:fs';
import { cpus } from 'node:os';
import { LogHistogram } from '../src/sketch/logHistogram.js';
import { HistogramWindow } from '../src/sketch/histogramWindow.js';
import { judge } from '../src/judge/judge.js';
import { mannWhitneyHistogram } from '../src/sketch/mannWhitneyHistogram.js';
import { mannWhitney } from '../src/stats/mannWhitney.js';
import { mulberry32, median, runSuite } from './support.js';

const QUICK = process.argv.includes('--quick');
const gc = (globalThis as { gc?: () => void }).gc;

/** Fills `out` with lognormal(mu, sigma) values (Box–Muller, seeded). */
function fillLognormal(rand: () => number, out: Float64Array, mu: number, sigma: number): Float64Array {
  const n = out.length;
  for (let i = 0; i < n; i += 2) {
    const r = Math.sqrt(-2 * Math.log(1 - rand()));
    const t = 2 * Math.PI * rand();
    out[i] = Math.exp(mu + sigma * r * Math.cos(t));
    if (i + 1 < n) out[i + 1] = Math.exp(mu + sigma * r * Math.sin(t));
  }
  return out;
}

const results: Record<string, unknown> = {
  node: process.version,
  cpu: cpus()[0]?.model ?? 'unknown',
  date: new Date().toISOString(),
  quick: QUICK,
};

// ---------------------------------------------------------------- 1. ingest
async function ingest(): Promise<void> {
  console.log('1. ingest (addAll of a Float64Array of 10^6 lognormal values into a fresh histogram)');
  const data = fillLognormal(mulberry32(1), new Float64Array(1_000_000), Math.log(100), 0.8);
  const configs: Array<[string, object]> = [
    ['gamma 1% (default)', {}],
    ['exponential scale 6', { scale: 6 }],
    ['exponential scale 0 (exponent bits)', { scale: 0 }],
  ];
  const suite = new Benchmark.Suite();
  for (const [name, opts] of configs) suite.add(name, () => new LogHistogram(opts).addAll(data), { minSamples: 30 });
  const benches = await runSuite(suite);
  results.ingest = benches.map((b) => {
    const m = median(b);
    return { name: b.name, medianMsPer1e6: m * 1000, valuesPerSecond: 1e6 / m, target: 20e6, pass: 1e6 / m >= 20e6 };
  });
}

// ---------------------------------------------------------------- 2. Mann–Whitney from 2,000-bucket histograms
async function mwBuckets(): Promise<void> {
  console.log('2. Mann–Whitney from two 2,000-bucket histograms');
  const rand = mulberry32(2);
  const mk = (scale: number, shift: number): LogHistogram => {
    const counts = Array.from({ length: 2000 }, () => 1 + Math.floor(rand() * 1000));
    return LogHistogram.fromJSON({
      type: 'LogHistogram',
      version: 1,
      mapping: { kind: 'exponential', scale },
      maxBuckets: 2048,
      overflow: 'downscale',
      zeroThreshold: 0,
      zeroCount: 0,
      count: counts.reduce((p, q) => p + q, 0),
      sum: null,
      min: null,
      max: null,
      positive: { offset: shift, counts },
      negative: { offset: 0, counts: [] },
    });
  };
  const a = mk(6, 0);
  const b = mk(6, 10);
  const c = mk(7, 20); // finer scale: downscaled before the test
  const suite = new Benchmark.Suite();
  suite.add('same grid (scale 6, 2000 buckets each)', () => mannWhitneyHistogram(a, b), { minSamples: 50 });
  suite.add('different scales (7 vs 6: one is downscaled first)', () => mannWhitneyHistogram(c, a), { minSamples: 50 });
  const benches = await runSuite(suite);
  results.mannWhitney2000 = benches.map((bb) => ({ name: bb.name, medianMs: median(bb) * 1000, target: '< 1 ms', pass: median(bb) * 1000 < 1 }));
  console.log(`  buckets: ${mannWhitneyHistogram(a, b).resolution.buckets} tie groups`);
}

// ---------------------------------------------------------------- 3. memory per window
function memory(): void {
  console.log('3. memory per window interval (10 windows × 60 one-minute intervals, 10^5 lognormal values each, 1% accuracy)');
  const rand = mulberry32(3);
  const chunk = new Float64Array(100_000);
  const windows: HistogramWindow[] = [];
  gc?.();
  gc?.();
  const before = process.memoryUsage();
  for (let k = 0; k < 10; k++) {
    const w = new HistogramWindow({ intervalMs: 60_000, intervals: 60 });
    for (let m = 0; m < 60; m++) w.addAll(m * 60_000, fillLognormal(rand, chunk, Math.log(100), 1.5));
    windows.push(w);
  }
  gc?.();
  gc?.();
  const after = process.memoryUsage();
  const intervals = 600;
  const measured = (after.heapUsed + after.arrayBuffers - before.heapUsed - before.arrayBuffers) / intervals;
  const held = windows.reduce((p, w) => p + w.byteLength(), 0) / intervals;
  // worst case: a single interval spanning the whole double range on both signs (stores capped)
  const worst = new HistogramWindow({ intervalMs: 60_000, intervals: 1 });
  const wide = Float64Array.from({ length: 200_000 }, (_, i) => (i % 2 ? -1 : 1) * Math.exp((i / 200_000 - 0.5) * 1400));
  worst.addAll(0, wide);
  results.memoryPerWindow = {
    bytesPerIntervalHeld: held,
    bytesPerIntervalMeasured: gc ? measured : null,
    worstCaseBytes: worst.byteLength(),
    target: 64 * 1024,
    pass: worst.byteLength() <= 64 * 1024 && held <= 64 * 1024 && (!gc || measured <= 64 * 1024),
    note: gc
      ? 'held = typed arrays + 256 B per histogram; measured = Δ(heapUsed + arrayBuffers) after gc / 600 intervals; worst case = 2 × 2048 float64 counts'
      : 'run with --expose-gc for the measured figure',
  };
  console.log('  ', results.memoryPerWindow);
  windows.length = 0;
}

// ---------------------------------------------------------------- 4. streamed 10^8 per side
function streamed(): void {
  const perSide = QUICK ? 1e7 : 1e8;
  const chunkSize = 1_000_000;
  console.log(`4. streamed: ${perSide.toExponential()} points per side in chunks of ${chunkSize} (1% shift)`);
  gc?.();
  const rssBefore = process.memoryUsage().rss;
  const rand = mulberry32(4);
  const chunk = new Float64Array(chunkSize);
  const base = new LogHistogram();
  const can = new LogHistogram();
  let genMs = 0;
  let ingestMs = 0;
  const t0 = performance.now();
  for (let done = 0; done < perSide; done += chunkSize) {
    let t = performance.now();
    fillLognormal(rand, chunk, Math.log(100), 0.8);
    genMs += performance.now() - t;
    t = performance.now();
    base.addAll(chunk);
    ingestMs += performance.now() - t;
    t = performance.now();
    fillLognormal(rand, chunk, Math.log(101), 0.8);
    genMs += performance.now() - t;
    t = performance.now();
    can.addAll(chunk);
    ingestMs += performance.now() - t;
  }
  const t1 = performance.now();
  const r = mannWhitneyHistogram(can, base, { alternative: 'greater' });
  const testMs = performance.now() - t1;
  // the streamed *judge*: the same histograms through judge() (no point was ever held)
  const t2 = performance.now();
  const verdict = judge({ slis: [{ name: 'latency', allowedIncrease: 0.05 }] }, { latency: { baseline: base, canary: can } });
  const judgeMs = performance.now() - t2;
  const sli = verdict.slis[0];
  const totalMs = performance.now() - t0;
  results.streamed = {
    pointsPerSide: perSide,
    chunkSize,
    totalSeconds: totalMs / 1000,
    generationSeconds: genMs / 1000,
    ingestSeconds: ingestMs / 1000,
    ingestValuesPerSecond: (2 * perSide) / (ingestMs / 1000),
    mannWhitneyMs: testMs,
    judgeMs,
    judge: { verdict: verdict.verdict, classification: sli.classification, effect: sli.effect, resolution: sli.details.resolution },
    peakRssMiB: process.resourceUsage().maxRSS / 1024,
    note: 'peak RSS of the whole process so far (Node + tsx + step 3); rssBefore is the RSS when the stream started',
    rssBeforeMiB: rssBefore / 1024 / 1024,
    z: r.z,
    pValue: r.pValue,
    buckets: r.resolution.buckets,
  };
  console.log('  ', results.streamed);
}

// ---------------------------------------------------------------- 5. histogram vs exact at 10^6
function compare(): void {
  const n = 1_000_000;
  console.log(`5. histogram path vs exact (sort-based) Mann–Whitney at n = m = ${n}`);
  const rand = mulberry32(5);
  const x = fillLognormal(rand, new Float64Array(n), Math.log(100.5), 0.8);
  const y = fillLognormal(rand, new Float64Array(n), Math.log(100), 0.8);
  const reps = 5;
  const timesH: number[] = [];
  const timesE: number[] = [];
  let rh = null as ReturnType<typeof mannWhitneyHistogram> | null;
  let re = null as ReturnType<typeof mannWhitney> | null;
  for (let k = 0; k < reps; k++) {
    let t = performance.now();
    rh = mannWhitneyHistogram(new LogHistogram().addAll(x), new LogHistogram().addAll(y));
    timesH.push(performance.now() - t);
    t = performance.now();
    re = mannWhitney(x, y, { method: 'asymptotic' });
    timesE.push(performance.now() - t);
  }
  const med = (a: number[]) => [...a].sort((p, q) => p - q)[Math.floor(a.length / 2)];
  results.histogramVsExact = {
    n,
    histogramMedianMs: med(timesH),
    exactMedianMs: med(timesE),
    speedup: med(timesE) / med(timesH),
    histogram: { z: rh!.z, pValue: rh!.pValue, buckets: rh!.resolution.buckets },
    exact: { z: re!.z, pValue: re!.pValue },
    absZDifference: Math.abs((rh!.z as number) - (re!.z as number)),
  };
  console.log('  ', results.histogramVsExact);
}

// Memory and the stream first, so that the heap figures and the peak RSS are not those of the other parts.
memory();
streamed();
await ingest();
await mwBuckets();
compare();
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/sketch.json', JSON.stringify(results, null, 2) + '\n');
console.log('wrote bench/results/sketch.json');
