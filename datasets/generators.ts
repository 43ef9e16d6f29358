/**
 * Generators of synthetic service metrics for canary scenarios: request latencies, per-minute error counts and a
 * CPU time series, each with a documented model so that the right verdict of a scenario built from them is known.
 * All of them draw from a seeded {@link Random} stream (datasets/random.ts), so the same seed gives the same data.
 * @module
 */
import { CanaryJudgeError } from '../src/errors.js';
import type { TimeSeries } from '../src/judge/types.js';
import type { Random } from './random.js';

/**
 * Request-latency model: a lognormal bulk plus a lognormal "slow path" (cache misses, cold connections) with a
 * small share of the requests. Values in milliseconds.
 */
export interface LatencyModel {
  /** Median of the bulk (ms). */
  median: number;
  /** Log-scale sd of the bulk. */
  sigma: number;
  /** Share of requests on the slow path (0–1). */
  slowShare: number;
  /** Median of the slow path (ms). */
  slowMedian: number;
  /** Log-scale sd of the slow path. */
  slowSigma: number;
}

/**
 * A web service's latency: median 120 ms, 1.5 % of requests on a slow path around 400 ms (p99 ≈ 360–390 ms).
 *
 * @example
 * ```ts
 * latencySamples(createRandom(1), 5000, { ...DEFAULT_LATENCY_MODEL, median: 80 }); // a faster service
 * ```
 */
export const DEFAULT_LATENCY_MODEL: Readonly<LatencyModel> = Object.freeze({
  median: 120,
  sigma: 0.35,
  slowShare: 0.015,
  slowMedian: 400,
  slowSigma: 0.3,
});

/** A change applied to each latency drawn from the model (a canary regression). */
export interface LatencyChange {
  /** Every request takes this factor longer (default 1): 1.08 is a uniform +8 % regression. */
  scale?: number;
  /** Requests whose unchanged latency is above this many ms (default: none) are multiplied by `tailFactor`. */
  tailAbove?: number;
  /** Factor applied above `tailAbove` (default 1). */
  tailFactor?: number;
  /** Latencies are rounded to this resolution in ms (default 0.1, as a tracing system would record them). */
  resolution?: number;
}

/**
 * `n` request latencies (ms) from a {@link LatencyModel}, with an optional {@link LatencyChange}.
 *
 * @example
 * ```ts
 * const rng = createRandom(1);
 * const baseline = latencySamples(rng, 5000);                    // median ≈ 120 ms
 * const canary = latencySamples(rng, 5000, undefined, { scale: 1.08 }); // every request 8 % slower
 * ```
 */
export function latencySamples(rng: Random, n: number, model: Readonly<LatencyModel> = DEFAULT_LATENCY_MODEL, change: LatencyChange = {}): Float64Array {
  const { scale = 1, tailAbove = Infinity, tailFactor = 1, resolution = 0.1 } = change;
  if (!(scale > 0) || !(tailFactor > 0) || !(resolution > 0)) {
    throw new CanaryJudgeError('INVALID_ARGUMENT', 'scale, tailFactor and resolution must be > 0', 'change');
  }
  const muBulk = Math.log(model.median);
  const muSlow = Math.log(model.slowMedian);
  return rng.sample(n, (r) => {
    let x = r.uniform() < model.slowShare ? r.lognormal(muSlow, model.slowSigma) : r.lognormal(muBulk, model.sigma);
    if (x > tailAbove) x *= tailFactor;
    x *= scale;
    return Math.max(resolution, Math.round(x / resolution) * resolution);
  });
}

/** Options of {@link errorCounts}. */
export interface ErrorCountOptions {
  /** Number of intervals (e.g. minutes of the stage). */
  intervals: number;
  /** Mean requests per interval (each interval's total is Poisson with this mean). */
  requestsPerInterval: number;
  /** Error probability of a request: a number, or a function of the interval index (for spikes). */
  errorRate: number | ((interval: number) => number);
  /**
   * Log-scale sd of a per-interval lognormal multiplier of the error rate (mean 1), for bursty errors whose
   * counts vary more than binomial counts do (default 0: plain binomial counts).
   */
  overdispersion?: number;
}

/**
 * Per-interval request and error counts `{ events, total }` (arrays, one entry per interval): totals are Poisson,
 * errors binomial given the total (with an optional lognormal burstiness of the rate).
 *
 * @example
 * ```ts
 * const counts = errorCounts(createRandom(2), { intervals: 30, requestsPerInterval: 3000, errorRate: 0.002 });
 * counts.events.length; // 30 — about 6 errors a minute
 * ```
 */
export function errorCounts(rng: Random, options: ErrorCountOptions): { events: number[]; total: number[] } {
  const { intervals, requestsPerInterval, errorRate, overdispersion = 0 } = options;
  if (!Number.isSafeInteger(intervals) || intervals < 0) throw new CanaryJudgeError('INVALID_ARGUMENT', `intervals must be a non-negative integer, got ${intervals}`, 'intervals');
  const events: number[] = [];
  const total: number[] = [];
  for (let i = 0; i < intervals; i++) {
    const requests = rng.poisson(requestsPerInterval);
    let p = typeof errorRate === 'number' ? errorRate : errorRate(i);
    if (overdispersion > 0) p *= Math.exp(rng.normal(-(overdispersion * overdispersion) / 2, overdispersion));
    total.push(requests);
    events.push(rng.binomial(requests, Math.min(1, Math.max(0, p))));
  }
  return { events, total };
}

/** Options of {@link cpuSeries}. */
export interface CpuSeriesOptions {
  /** Number of points. */
  points: number;
  /** Timestamp of the first point (ms since the epoch). */
  start: number;
  /** Spacing of the points in ms (default 10 000: one point every 10 s). */
  intervalMs?: number;
  /** Stationary mean CPU utilisation (%). */
  mean: number;
  /** Stationary sd (percentage points). */
  sd: number;
  /** Lag-1 autocorrelation of the AR(1) noise (default 0.7). */
  phi?: number;
  /** Probability that a point is a short spike (GC, cron) of +`spikeSize` points (default 0). */
  spikeProbability?: number;
  /** Height of a spike in percentage points (default 30). */
  spikeSize?: number;
}

/**
 * A CPU-utilisation time series `{ timestamps, values }`: a stationary Gaussian AR(1) around `mean`, optional
 * short spikes, clipped to [0, 100] and rounded to 0.01 %.
 *
 * @example
 * ```ts
 * const cpu = cpuSeries(createRandom(3), { points: 180, start: Date.UTC(2024, 5, 3, 14), mean: 42, sd: 4 });
 * cpu.values.length; // 180 — 30 minutes at one point every 10 s
 * ```
 */
export function cpuSeries(rng: Random, options: CpuSeriesOptions): TimeSeries & { timestamps: Float64Array; values: Float64Array } {
  const { points, start, intervalMs = 10_000, mean, sd, phi = 0.7, spikeProbability = 0, spikeSize = 30 } = options;
  const values = rng.ar1({ length: points, phi, mean, sd });
  const timestamps = new Float64Array(points);
  for (let i = 0; i < points; i++) {
    timestamps[i] = start + i * intervalMs;
    let v = values[i];
    if (spikeProbability > 0 && rng.uniform() < spikeProbability) v += spikeSize;
    values[i] = Math.round(Math.min(100, Math.max(0, v)) * 100) / 100;
  }
  return { timestamps, values };
}
