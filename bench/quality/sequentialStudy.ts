/**
 * The judge's sequential SLIs (`test: 'sequential'`: src/sequential monitors replayed over the stage) under the
 * same A/A and regression scenarios as the fixed-horizon tests. The stage is 30 minutes with one look per
 * minute: samples carry the minute as their timestamp (one look per distinct timestamp), counts are 30
 * per-minute intervals. The monitor's decision at the end is "failed at some look" (its confidence sequence is
 * the running intersection over looks), so one judge call measures the whole repeatedly-judged stage, and the
 * result's `sequence` gives the first failing look (the detection delay).
 *
 * - counts → Lindon & Malek's count monitor (rate ratio), canary share estimated from the totals;
 * - samples → the mean monitor (relative change of the mean);
 * - samples with `effect: 'quantileRatio'` → the quantile monitor at q = 0.99.
 * @module
 */
import { judge } from '../../src/judge/judge.js';
import type { Counts, SliConfig, SliResult, TimeSeries } from '../../src/judge/types.js';
import { DEFAULT_LATENCY_MODEL, errorCounts, latencySamples, type Random } from '../../datasets/index.js';
import { drawFamily, type Family } from './families.js';
import { cellRandom, medianOf, Tally, type Proportion } from './montecarlo.js';

/** Samples spread evenly over a 30-minute stage, stamped with their minute (30 looks). */
export function byMinute(values: Float64Array, minutes = 30): TimeSeries {
  const timestamps = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) timestamps[i] = Math.floor((i * minutes) / values.length);
  return { timestamps, values };
}

/** Did a sequential result fail (the monitor's rule) at allowed change `a`? */
export function sequentialFailAt(r: SliResult, a: number): boolean {
  const e = r.effect;
  if (!e || r.test !== 'sequential') return false;
  const up = r.direction !== 'decrease' && e.lower !== null && e.lower > a;
  const down = r.direction !== 'increase' && e.upper !== null && e.upper < -a;
  return up || down;
}

/** First look (fraction of the stage) at which the monitor decided `fail`, or null. */
export function firstFailFraction(r: SliResult): number | null {
  const seq = r.sequence ?? [];
  const last = seq.length > 0 ? seq[seq.length - 1].look : 0;
  const first = seq.find((p) => p.decision === 'fail');
  return first && last > 0 ? first.look / last : null;
}

/** One A/A or detection cell of a sequential SLI. */
export interface SequentialCell {
  /** What was judged (family, or scenario). */
  name: string;
  monitor: 'mean' | 'quantile' | 'count';
  size: number;
  sizeUnit: 'points' | 'requests';
  runs: number;
  /** Failed (at some look) at the default allowed change (the judge's own classification). */
  failed: Proportion;
  /** Failed at allowed 10 %, the old default (recomputed from the confidence sequence; the monitor's rule). */
  failed10: Proportion;
  /** Proven pass at the end (early promotion possible), at the default allowed change. */
  provenPass: Proportion;
  insufficient: Proportion;
  /** Median first failing look as a fraction of the stage (default allowed), among runs that failed. */
  medianFirstFail: number | null;
  /** Runs where the recomputed rule disagreed with the judge at its default (must be 0). */
  mismatches: number;
}

type Draw = (rng: Random, size: number) => { baseline: Float64Array | TimeSeries | Counts; canary: Float64Array | TimeSeries | Counts };

function cell(seed: number, name: string, monitor: SequentialCell['monitor'], sizeUnit: SequentialCell['sizeUnit'], sli: SliConfig, size: number, runs: number, draw: Draw): SequentialCell {
  const tally = new Tally();
  const firsts: number[] = [];
  let mismatches = 0;
  for (let run = 0; run < runs; run++) {
    const { baseline, canary } = draw(cellRandom(seed, `sequential/${name}/${size}`, run), size);
    const r = judge({ slis: [sli] }, { [sli.name]: { baseline, canary } }).slis[0];
    const events: string[] = [];
    const failed = r.classification === 'high' || r.classification === 'low';
    if (failed) {
      events.push('failed');
      const f = firstFailFraction(r);
      if (f !== null) firsts.push(f);
    }
    if (r.classification === 'insufficient') events.push('insufficient');
    if (r.classification === 'pass' && !r.inconclusive) events.push('provenPass');
    if (r.classification !== 'insufficient' && sequentialFailAt(r, 0.1)) events.push('failed10');
    if (r.classification !== 'insufficient' && sequentialFailAt(r, r.allowed.increase ?? r.allowed.decrease ?? 0.05) !== failed) mismatches++;
    tally.add(events);
  }
  return {
    name,
    monitor,
    size,
    sizeUnit,
    runs: tally.runs,
    failed: tally.get('failed'),
    failed10: tally.get('failed10'),
    provenPass: tally.get('provenPass'),
    insufficient: tally.get('insufficient'),
    medianFirstFail: medianOf(firsts),
    mismatches,
  };
}

const meanSli: SliConfig = { name: 'metric', test: 'sequential' };
const quantileSli: SliConfig = { name: 'metric', test: 'sequential', effect: 'quantileRatio' };
const countSli: SliConfig = { name: 'errors', test: 'sequential' };

/**
 * A/A cell of the mean monitor on a data family (samples stamped by minute: 30 looks).
 *
 * @example
 * ```ts
 * sequentialFamilyAa({ seed: 1, family: 'lognormal', n: 1000, runs: 100 }).failed.rate; // ≈ 0
 * ```
 */
export function sequentialFamilyAa(options: { seed: number; family: Family; n: number; runs: number; quantile?: boolean }): SequentialCell {
  const { seed, family, n, runs, quantile = false } = options;
  return cell(seed, `aa/${family}${quantile ? '/p99' : ''}`, quantile ? 'quantile' : 'mean', 'points', quantile ? quantileSli : meanSli, n, runs, (rng, size) => ({
    baseline: byMinute(drawFamily(rng, family, size)),
    canary: byMinute(drawFamily(rng, family, size)),
  }));
}

/** A/A cell of the count monitor: per-minute requests and errors on both sides from the same process. */
export function sequentialCountAa(options: { seed: number; requests: number; errorRate: number; overdispersion: number; runs: number }): SequentialCell {
  const { seed, requests, errorRate, overdispersion, runs } = options;
  const name = `aa/rate ${errorRate}${overdispersion > 0 ? ` bursty ${overdispersion}` : ''}`;
  return cell(seed, name, 'count', 'requests', countSli, requests, runs, (rng, size) => {
    const opts = { intervals: 30, requestsPerInterval: size / 30, errorRate, overdispersion };
    return { baseline: errorCounts(rng, opts), canary: errorCounts(rng, opts) };
  });
}

function memorySeries(rng: Random, n: number, drift: number): TimeSeries {
  const values = rng.ar1({ length: n, phi: 0.95, mean: 2048, sd: 25 });
  for (let i = 0; i < n; i++) values[i] *= 1 + (drift * (i + 1)) / n;
  return byMinute(values);
}

/** The regression scenarios of the detection study, for the sequential SLIs. */
export const SEQUENTIAL_SCENARIOS: ReadonlyArray<{ id: string; monitor: SequentialCell['monitor']; sizeUnit: SequentialCell['sizeUnit']; sizes: number[]; draw: Draw }> = [
  {
    id: 'latency+10%', monitor: 'mean', sizeUnit: 'points', sizes: [180, 1800, 18000],
    draw: (rng, n) => ({ baseline: byMinute(latencySamples(rng, n)), canary: byMinute(latencySamples(rng, n, DEFAULT_LATENCY_MODEL, { scale: 1.1 })) }),
  },
  {
    id: 'latency+25%', monitor: 'mean', sizeUnit: 'points', sizes: [180, 1800],
    draw: (rng, n) => ({ baseline: byMinute(latencySamples(rng, n)), canary: byMinute(latencySamples(rng, n, DEFAULT_LATENCY_MODEL, { scale: 1.25 })) }),
  },
  {
    id: 'p99-tail', monitor: 'quantile', sizeUnit: 'points', sizes: [1800, 18000],
    draw: (rng, n) => ({ baseline: byMinute(latencySamples(rng, n)), canary: byMinute(latencySamples(rng, n, DEFAULT_LATENCY_MODEL, { tailAbove: 300, tailFactor: 1.3 })) }),
  },
  {
    id: 'errors×2', monitor: 'count', sizeUnit: 'requests', sizes: [1800, 18000, 60000],
    draw: (rng, r) => ({
      baseline: errorCounts(rng, { intervals: 30, requestsPerInterval: r / 30, errorRate: 0.002 }),
      canary: errorCounts(rng, { intervals: 30, requestsPerInterval: r / 30, errorRate: 0.004 }),
    }),
  },
  {
    id: 'errors×2/fleet', monitor: 'count', sizeUnit: 'requests', sizes: [1800, 18000],
    draw: (rng, r) => ({
      baseline: errorCounts(rng, { intervals: 30, requestsPerInterval: (99 * r) / 30, errorRate: 0.002 }),
      canary: errorCounts(rng, { intervals: 30, requestsPerInterval: r / 30, errorRate: 0.004 }),
    }),
  },
  {
    id: 'errors×10', monitor: 'count', sizeUnit: 'requests', sizes: [1800],
    draw: (rng, r) => ({
      baseline: errorCounts(rng, { intervals: 30, requestsPerInterval: r / 30, errorRate: 0.002 }),
      canary: errorCounts(rng, { intervals: 30, requestsPerInterval: r / 30, errorRate: 0.02 }),
    }),
  },
  {
    id: 'memory-leak', monitor: 'mean', sizeUnit: 'points', sizes: [180],
    draw: (rng, n) => ({ baseline: memorySeries(rng, n, 0), canary: memorySeries(rng, n, 0.2) }),
  },
];

/** Detection cell of a sequential SLI for one scenario and size. */
export function sequentialDetection(options: { seed: number; scenario: (typeof SEQUENTIAL_SCENARIOS)[number]; size: number; runs: number }): SequentialCell {
  const { seed, scenario, size, runs } = options;
  const sli = scenario.monitor === 'count' ? countSli : scenario.monitor === 'quantile' ? quantileSli : meanSli;
  return cell(seed, `detect/${scenario.id}`, scenario.monitor, scenario.sizeUnit, sli, size, runs, scenario.draw);
}
