import { CanaryJudgeError } from '../errors.js';
import { show } from './checks.js';
import { parseDuration, type DurationInput } from './durations.js';
import { sig3, win } from './format.js';

/**
 * Event counts per interval, the input of {@link evaluateBurnRateRules} and {@link windowBurnRate}.
 *
 * Sample `i` holds the events counted in the interval `(timestamps[i] − step, timestamps[i]]`: the
 * timestamp is the **end** of its interval, as with Prometheus `increase(x_total[1m])` evaluated at
 * 1-minute steps. Counts are per interval, **not** cumulative counters (take the differences of a
 * counter first, handling resets). Counts may be non-integers (rates × interval).
 */
export interface BurnRateSeries {
  /** End of each interval in seconds (e.g. Unix time), finite and strictly increasing. */
  timestamps: ArrayLike<number>;
  /** Failed events counted in each interval: finite, ≥ 0, ≤ `total[i]`. */
  errors: ArrayLike<number>;
  /** All events counted in each interval: finite, ≥ 0. */
  total: ArrayLike<number>;
  /**
   * Length of each interval (duration string or seconds, > 0). Default: the smallest gap between
   * consecutive timestamps; a one-sample series without `step` covers only its own instant.
   */
  step?: DurationInput;
}

/** The counts and burn rate over one window `[at − window, at]`. Plain JSON, never NaN. */
export interface BurnRateWindow {
  /** Window length in seconds. */
  window: number;
  /** `at − window`. */
  start: number;
  /** `at`. */
  end: number;
  /** Samples whose timestamps fall in `(start, end]`. */
  samples: number;
  /** Sum of `errors` over those samples. */
  errors: number;
  /** Sum of `total` over those samples. */
  total: number;
  /** `errors / total`; `null` when the window holds no events. */
  errorRatio: number | null;
  /** `errorRatio / (1 − objective)`; `null` with a `reason` when there is no (or too little) traffic. */
  burnRate: number | null;
  /** Why `burnRate` is `null`; otherwise `null`. */
  reason: string | null;
  /** Fraction (0…1) of the window covered by the series' time range. */
  coverage: number;
  /** `true` when the series covers the whole window (it reaches back to `start` and forward to `end`). */
  complete: boolean;
  /** Why the window is incomplete (it reaches back before the first sample, or past the last); else `null`. */
  incompleteReason: string | null;
}

/** A validated series (internal). */
export interface CheckedSeries {
  timestamps: ArrayLike<number>;
  errors: ArrayLike<number>;
  total: ArrayLike<number>;
  n: number;
  step: number;
  /** Start of the first sample's interval, `timestamps[0] − step`; `null` when empty. */
  dataStart: number | null;
  /** `timestamps[n − 1]`; `null` when empty. */
  dataEnd: number | null;
}

function seriesError(message: string, path: string): CanaryJudgeError {
  return new CanaryJudgeError('INVALID_SERIES', message, path);
}

function arrayLike(x: unknown, path: string): ArrayLike<number> {
  if (x === null || typeof x !== 'object' || typeof (x as { length?: unknown }).length !== 'number') {
    throw seriesError(`${path} must be an array (or typed array) of numbers, got ${show(x)}`, path);
  }
  return x as ArrayLike<number>;
}

/**
 * Validate a series (internal). O(n), reads only.
 * @throws CanaryJudgeError `'INVALID_SERIES'` with the JSON path of the first bad value.
 */
export function checkSeries(series: BurnRateSeries, path = 'series'): CheckedSeries {
  if (series === null || typeof series !== 'object') {
    throw seriesError(`${path} must be an object { timestamps, errors, total }, got ${show(series)}`, path);
  }
  const timestamps = arrayLike(series.timestamps, `${path}.timestamps`);
  const errors = arrayLike(series.errors, `${path}.errors`);
  const total = arrayLike(series.total, `${path}.total`);
  const n = timestamps.length;
  if (errors.length !== n) throw seriesError(`${path}.errors has ${errors.length} values but ${path}.timestamps has ${n}`, `${path}.errors`);
  if (total.length !== n) throw seriesError(`${path}.total has ${total.length} values but ${path}.timestamps has ${n}`, `${path}.total`);
  let minGap = Infinity;
  for (let i = 0; i < n; i++) {
    const t = timestamps[i];
    if (typeof t !== 'number' || !Number.isFinite(t)) throw seriesError(`${path}.timestamps[${i}] must be a finite number of seconds, got ${show(t)}`, `${path}.timestamps[${i}]`);
    if (i > 0) {
      const gap = t - timestamps[i - 1];
      if (!(gap > 0)) throw seriesError(`${path}.timestamps must be strictly increasing: [${i - 1}] = ${timestamps[i - 1]}, [${i}] = ${t}`, `${path}.timestamps[${i}]`);
      if (gap < minGap) minGap = gap;
    }
    const e = errors[i];
    const v = total[i];
    if (typeof e !== 'number' || !Number.isFinite(e) || e < 0) throw seriesError(`${path}.errors[${i}] must be a finite count ≥ 0, got ${show(e)}`, `${path}.errors[${i}]`);
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) throw seriesError(`${path}.total[${i}] must be a finite count ≥ 0, got ${show(v)}`, `${path}.total[${i}]`);
    if (e > v) throw seriesError(`${path}.errors[${i}] (${e}) must not exceed ${path}.total[${i}] (${v})`, `${path}.errors[${i}]`);
  }
  let step: number;
  if (series.step !== undefined) {
    step = parseDuration(series.step, `${path}.step`);
    if (!(step > 0)) throw new CanaryJudgeError('INVALID_DURATION', `${path}.step must be a positive duration, got ${show(series.step)}`, `${path}.step`);
  } else {
    step = Number.isFinite(minGap) ? minGap : 0;
  }
  return {
    timestamps,
    errors,
    total,
    n,
    step,
    dataStart: n === 0 ? null : timestamps[0] - step,
    dataEnd: n === 0 ? null : timestamps[n - 1],
  };
}

/** First index whose timestamp is > x (binary search). */
function upperBound(ts: ArrayLike<number>, n: number, x: number): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ts[mid] > x) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Tolerance for comparing window edges with the series' time range (timestamps ~1.7e9 s have ulp 2.4e-7 s). */
const EDGE_EPS = 1e-6;

/**
 * Counts and burn rate over `[at − window, at]` (internal): sums the samples with timestamps in
 * `(at − window, at]`, so a 5m window over 1-minute samples holds exactly 5 of them.
 */
export function measureWindow(s: CheckedSeries, at: number, window: number, budget: number, minTotal: number): BurnRateWindow {
  const start = at - window;
  const lo = upperBound(s.timestamps, s.n, start);
  const hi = upperBound(s.timestamps, s.n, at);
  let errors = 0;
  let total = 0;
  for (let i = lo; i < hi; i++) {
    errors += s.errors[i];
    total += s.total[i];
  }
  if (!Number.isFinite(total)) {
    throw new CanaryJudgeError('OUT_OF_RANGE', `the event counts in the ${win(window)} window sum to more than a double can hold`, 'series.total');
  }
  if (errors > total) errors = total; // guards rounding only: errors[i] ≤ total[i] for every sample
  const samples = Math.max(0, hi - lo);
  const w = win(window);

  let errorRatio: number | null = null;
  let burnRate: number | null = null;
  let reason: string | null = null;
  if (total > 0) errorRatio = Math.min(1, errors / total);
  if (s.n === 0) reason = `no samples: the series is empty`;
  else if (samples === 0) reason = `no samples in the ${w} window`;
  else if (total === 0) reason = `no traffic in the ${w} window (0 events)`;
  else if (total < minTotal) reason = `too little traffic in the ${w} window: ${sig3(total)} events, fewer than minTotal = ${minTotal}`;
  else burnRate = (errorRatio as number) / budget;

  let coverage = 0;
  let complete = false;
  let incompleteReason: string | null;
  if (s.dataStart === null || s.dataEnd === null) {
    incompleteReason = 'the series has no samples';
  } else {
    const overlap = Math.max(0, Math.min(at, s.dataEnd) - Math.max(start, s.dataStart));
    coverage = Math.min(1, overlap / window);
    const reasons: string[] = [];
    if (start < s.dataStart - EDGE_EPS) {
      reasons.push(`the ${w} window reaches back ${win(s.dataStart - start)} before the first sample's interval`);
    }
    if (at > s.dataEnd + EDGE_EPS) {
      reasons.push(`the ${w} window ends ${win(at - s.dataEnd)} after the last sample`);
    }
    complete = reasons.length === 0;
    if (complete) coverage = 1;
    incompleteReason = complete ? null : `${reasons.join(' and ')}: data covers ${win(overlap)} of ${w}`;
  }
  return { window, start, end: at, samples, errors, total, errorRatio, burnRate, reason, coverage, complete, incompleteReason };
}
