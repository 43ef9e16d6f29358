/**
 * Descriptive statistics: count, sum, mean, variance, standard deviation, min, max, quantiles, median and a
 * one-call summary. One small function per concept, in the style of d3-array and simple-statistics, with
 * `…Sorted` variants so that one sort serves many order statistics.
 *
 * Conventions shared by every function here:
 * - Input is any `ArrayLike<number>` (array or typed array); it is never mutated (sorting works on a copy).
 * - **NaN policy:** a NaN anywhere in the sample is a usage error and throws
 *   `CanaryJudgeError('NAN_IN_SAMPLE', …, 'values[i]')`; ±Infinity throws `'INFINITE_IN_SAMPLE'`. Callers
 *   decide what missing data means *before* calling (see `src/preprocess/`), so a statistic can never be
 *   silently computed over a different set of points than the caller believes.
 *   The `…Sorted` functions trust their input (sorted ascending, finite) and only inspect the elements they
 *   read, so they stay O(1).
 * - **Empty input** gives `null` (never NaN, never a thrown error); `variance`/`standardDeviation` give
 *   `null` for fewer than two points.
 * - Results that cannot be represented as a finite double (a sum or variance beyond ±1.8e308) throw
 *   `CanaryJudgeError('OVERFLOW')` rather than return Infinity.
 * @module
 */
import { CanaryJudgeError } from '../errors.js';
import { sortFloat64 } from './sortFloat64.js';

/**
 * Throws `CanaryJudgeError` on the first NaN (`'NAN_IN_SAMPLE'`) or ±Infinity (`'INFINITE_IN_SAMPLE'`) in
 * `values`, with path `` `${name}[i]` ``. Returns the largest absolute value (0 for an empty sample).
 * Internal helper shared by the descriptive statistics and effect sizes.
 * @internal
 * @example
 * ```ts
 * assertFiniteSample([1, -3, 2]);        // 3
 * assertFiniteSample([1, NaN], 'y');     // throws CanaryJudgeError 'NAN_IN_SAMPLE' at 'y[1]'
 * ```
 */
export function assertFiniteSample(values: ArrayLike<number>, name = 'values'): number {
  let maxAbs = 0;
  for (let i = 0, n = values.length; i < n; i++) {
    const v = values[i];
    if (typeof v !== 'number' || Number.isNaN(v)) {
      throw new CanaryJudgeError(
        'NAN_IN_SAMPLE',
        `${name}[${i}] is ${typeof v === 'number' ? 'NaN' : typeof v}: remove or impute missing values before computing statistics`,
        `${name}[${i}]`,
      );
    }
    const a = Math.abs(v);
    if (a === Infinity) {
      throw new CanaryJudgeError('INFINITE_IN_SAMPLE', `${name}[${i}] is ${v}: samples must be finite`, `${name}[${i}]`);
    }
    if (a > maxAbs) maxAbs = a;
  }
  return maxAbs;
}

/**
 * A sorted (ascending) `Float64Array` copy of a finite sample; throws like `assertFiniteSample`.
 * @internal
 * @example
 * ```ts
 * sortedFiniteCopy([3, 1, 2]); // Float64Array [1, 2, 3]
 * ```
 */
export function sortedFiniteCopy(values: ArrayLike<number>, name = 'values'): Float64Array {
  assertFiniteSample(values, name);
  return sortFloat64(values); // radix sort, same order as Float64Array#sort
}

function assertProbability(p: number, path = 'p'): void {
  if (typeof p !== 'number' || !(p >= 0 && p <= 1)) {
    throw new CanaryJudgeError('INVALID_ARGUMENT', `${path} must be a number in [0, 1], got ${String(p)}`, path);
  }
}

/** Neumaier's compensated sum of `values[i] * scale` (scale a power of two, so scaling is exact). */
function neumaierSum(values: ArrayLike<number>, scale = 1): number {
  let s = 0;
  let c = 0;
  for (let i = 0, n = values.length; i < n; i++) {
    const v = values[i] * scale;
    const t = s + v;
    if (Math.abs(s) >= Math.abs(v)) c += s - t + v;
    else c += v - t + s;
    s = t;
  }
  return s + c;
}

/** 2^k, exactly, for integer k in [-1074, 1023]. */
function pow2(k: number): number {
  return 2 ** k;
}

/**
 * The number of points in the sample (after checking it contains no NaN or ±Infinity, like every
 * function in this module).
 *
 * @example
 * ```ts
 * count([3, 1, 2]);                 // 3
 * count(new Float64Array(0));       // 0
 * count([1, NaN]);                  // throws CanaryJudgeError 'NAN_IN_SAMPLE' at 'values[1]'
 * ```
 */
export function count(values: ArrayLike<number>): number {
  assertFiniteSample(values);
  return values.length;
}

/**
 * The sum of the sample with Neumaier's compensated summation (an improved Kahan–Babuška sum), so the
 * result is accurate to about one rounding regardless of the order or cancellation of the terms.
 * The empty sum is 0. A sum beyond the double range throws `CanaryJudgeError('OVERFLOW')`.
 * Reference: A. Neumaier (1974), "Rundungsfehleranalyse einiger Verfahren zur Summation endlicher Summen";
 * compare `math.fsum` in Python and `sum` in simple-statistics.
 *
 * @example
 * ```ts
 * sum([0.1, 0.2, 0.3]);        // 0.6 (a plain loop gives 0.6000000000000001)
 * sum([1e100, 1, -1e100]);     // 1
 * sum([]);                     // 0
 * ```
 */
export function sum(values: ArrayLike<number>): number {
  assertFiniteSample(values);
  const s = neumaierSum(values);
  if (Number.isFinite(s)) return s;
  // An intermediate partial sum overflowed: redo the sum at a smaller (exact, power-of-two) scale.
  const k = Math.ceil(Math.log2(values.length)) + 1;
  const scaled = neumaierSum(values, pow2(-k));
  const back = scaled * pow2(k);
  if (!Number.isFinite(back)) {
    throw new CanaryJudgeError('OVERFLOW', 'the sum exceeds the largest representable number', 'values');
  }
  return back;
}

/**
 * The arithmetic mean Σx/n, with a compensated (Neumaier) sum, so it is accurate to about one rounding
 * and never overflows for finite input. `null` for an empty sample.
 * Compare `numpy.mean`, `simple-statistics` `mean`, `d3.mean`.
 *
 * @example
 * ```ts
 * mean([1, 2, 3, 4]);      // 2.5
 * mean([]);                // null
 * mean([1e308, 1e308]);    // 1e308 (no overflow)
 * ```
 */
export function mean(values: ArrayLike<number>): number | null {
  assertFiniteSample(values);
  const n = values.length;
  if (n === 0) return null;
  return meanOfFinite(values);
}

/**
 * Mean of a non-empty, already validated sample (no checks; see {@link mean}).
 * @internal
 * @example
 * ```ts
 * meanOfFinite([1, 2, 3, 4]); // 2.5
 * ```
 */
export function meanOfFinite(values: ArrayLike<number>): number {
  const n = values.length;
  const s = neumaierSum(values);
  if (Number.isFinite(s)) return s / n;
  const k = Math.ceil(Math.log2(n)) + 1; // Σ|x|·2^-k ≤ n·MAX/2n: cannot overflow
  return (neumaierSum(values, pow2(-k)) / n) * pow2(k);
}

/**
 * Sum of squared deviations from the mean and its n, computed at a safe scale. Returns the variance
 * of `values * scale` and the scale used, so callers can un-scale in the domain they need.
 */
function scaledVariance(values: ArrayLike<number>, maxAbs: number): { variance: number; scale: number } {
  const n = values.length;
  // Rescale by an exact power of two when squares would overflow or underflow.
  let scale = 1;
  if (maxAbs > 2 ** 500 || (maxAbs > 0 && maxAbs < 2 ** -500)) {
    scale = pow2(Math.min(1000, -Math.floor(Math.log2(maxAbs)))); // bring max|x| near 1
  }
  const m = meanOfFinite(scale === 1 ? values : Float64Array.from(values, (v) => v * scale));
  // Corrected two-pass algorithm (Chan, Golub & LeVeque 1983): Σd² − (Σd)²/n with d = x − mean; the
  // second term cancels the rounding error of the mean. Both sums compensated (Neumaier).
  let s2 = 0;
  let c2 = 0;
  let s1 = 0;
  for (let i = 0; i < n; i++) {
    const d = values[i] * scale - m;
    s1 += d;
    const v = d * d;
    const t = s2 + v;
    if (s2 >= v) c2 += s2 - t + v;
    else c2 += v - t + s2;
    s2 = t;
  }
  const ss = Math.max(0, s2 + c2 - (s1 * s1) / n);
  return { variance: ss / (n - 1), scale };
}

/**
 * The **sample** variance Σ(x − x̄)²/(n − 1) (Bessel's correction, as R's `var`, `numpy.var(ddof=1)`,
 * simple-statistics `sampleVariance`). `null` for fewer than two points.
 * Computed with the corrected two-pass algorithm (Chan, Golub & LeVeque, "Algorithms for computing the
 * sample variance", 1983) over compensated sums, rescaled by a power of two for very large or tiny values;
 * accurate to a few roundings even when the mean is large relative to the spread. A variance beyond the
 * double range throws `CanaryJudgeError('OVERFLOW')`.
 *
 * @example
 * ```ts
 * variance([2, 4, 4, 4, 5, 5, 7, 9]);  // 4.571428571428571 (= 32/7)
 * variance([1e9 + 1, 1e9 + 2, 1e9 + 3]); // 1
 * variance([5]);                        // null
 * ```
 */
export function variance(values: ArrayLike<number>): number | null {
  const maxAbs = assertFiniteSample(values);
  if (values.length < 2) return null;
  const { variance: v, scale } = scaledVariance(values, maxAbs);
  const out = v / scale / scale; // scale² itself may overflow
  if (!Number.isFinite(out)) {
    throw new CanaryJudgeError('OVERFLOW', 'the variance exceeds the largest representable number', 'values');
  }
  return out;
}

/**
 * The **sample** standard deviation √(Σ(x − x̄)²/(n − 1)) (n − 1 denominator, as R's `sd`,
 * `numpy.std(ddof=1)`, simple-statistics `sampleStandardDeviation`). `null` for fewer than two points.
 * Same algorithm as {@link variance}; it does not overflow when only the variance would.
 *
 * @example
 * ```ts
 * standardDeviation([2, 4, 4, 4, 5, 5, 7, 9]); // 2.138089935299395
 * standardDeviation([1e200, -1e200]);          // 1.414213562373095e200
 * standardDeviation([]);                       // null
 * ```
 */
export function standardDeviation(values: ArrayLike<number>): number | null {
  const maxAbs = assertFiniteSample(values);
  if (values.length < 2) return null;
  const { variance: v, scale } = scaledVariance(values, maxAbs);
  const out = Math.sqrt(v) / scale;
  if (!Number.isFinite(out)) {
    throw new CanaryJudgeError('OVERFLOW', 'the standard deviation exceeds the largest representable number', 'values');
  }
  return out;
}

/**
 * The smallest value, or `null` for an empty sample. (−0 and +0 compare equal; the first one seen wins.)
 *
 * @example
 * ```ts
 * min([3, 1, 2]);  // 1
 * min([]);         // null
 * ```
 */
export function min(values: ArrayLike<number>): number | null {
  assertFiniteSample(values);
  const n = values.length;
  if (n === 0) return null;
  let m = values[0];
  for (let i = 1; i < n; i++) if (values[i] < m) m = values[i];
  return m;
}

/**
 * The largest value, or `null` for an empty sample. (−0 and +0 compare equal; the first one seen wins.)
 *
 * @example
 * ```ts
 * max([3, 1, 2]);  // 3
 * max([]);         // null
 * ```
 */
export function max(values: ArrayLike<number>): number | null {
  assertFiniteSample(values);
  const n = values.length;
  if (n === 0) return null;
  let m = values[0];
  for (let i = 1; i < n; i++) if (values[i] > m) m = values[i];
  return m;
}

/** a + t·(b − a) computed as numpy's `_lerp` does (from the nearer end), overflow-safe. */
function lerp(a: number, b: number, t: number): number {
  if (t === 0 || a === b) return a;
  const diff = b - a;
  if (!Number.isFinite(diff)) return a * (1 - t) + b * t; // |a|,|b| near the double limit
  return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
}

/**
 * The p-quantile of an **already sorted** (ascending, finite) sample by linear interpolation between
 * order statistics: Hyndman & Fan type 7, the default of R's `quantile`, `numpy.quantile`
 * (`method='linear'`) and d3's `quantileSorted`: with h = (n − 1)·p, the result is
 * x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋]) (0-based). `null` for an empty sample.
 * The order is not verified (that would cost O(n)); only the elements read are checked for NaN.
 * `p` outside [0, 1] or NaN throws `CanaryJudgeError('INVALID_ARGUMENT', …, 'p')`.
 * Reference: R. J. Hyndman & Y. Fan (1996), "Sample quantiles in statistical packages", Am. Stat. 50(4).
 *
 * @example
 * ```ts
 * const sorted = [15, 20, 35, 40, 50]; // already ascending
 * quantileSorted(sorted, 0.4);  // 29 (numpy.percentile([15,20,35,40,50], 40) = 29.0)
 * quantileSorted(sorted, 0.95); // 48
 * quantileSorted([], 0.5);      // null
 * ```
 */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number | null {
  assertProbability(p);
  const n = sorted.length;
  if (n === 0) return null;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const a = sorted[lo];
  const b = lo + 1 < n ? sorted[lo + 1] : a;
  if (Number.isNaN(a) || Number.isNaN(b)) {
    throw new CanaryJudgeError('NAN_IN_SAMPLE', 'the sorted sample contains NaN', 'sorted');
  }
  return lerp(a, b, h - lo);
}

/**
 * The p-quantile of a sample (type 7 linear interpolation, see {@link quantileSorted}); the input is
 * copied and sorted, never mutated. To take several quantiles of the same data, sort once
 * (`sortedFiniteCopy`) and call `quantileSorted`, or use {@link summary}.
 *
 * @example
 * ```ts
 * quantile([1, 2, 3, 4], 0.25);   // 1.75 (numpy.quantile([1,2,3,4], 0.25))
 * quantile([10], 0.99);           // 10
 * quantile([], 0.5);              // null
 * ```
 */
export function quantile(values: ArrayLike<number>, p: number): number | null {
  assertProbability(p);
  return quantileSorted(sortedFiniteCopy(values), p);
}

/**
 * The median of an **already sorted** sample: the middle value, or the mean of the two middle values
 * (computed as (a + b)/2 like `numpy.median`, overflow-safe). `null` when empty.
 *
 * @example
 * ```ts
 * medianSorted([1, 2, 3, 4]); // 2.5
 * medianSorted([1, 2, 9]);    // 2
 * ```
 */
export function medianSorted(sorted: ArrayLike<number>): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  const half = n >> 1;
  const b = sorted[half];
  const a = n % 2 === 1 ? b : sorted[half - 1];
  if (Number.isNaN(a) || Number.isNaN(b)) {
    throw new CanaryJudgeError('NAN_IN_SAMPLE', 'the sorted sample contains NaN', 'sorted');
  }
  if (a === b) return a;
  const m = (a + b) / 2;
  return Number.isFinite(m) ? m : a / 2 + b / 2;
}

/**
 * The median of a sample (see {@link medianSorted}); the input is copied, never mutated.
 *
 * @example
 * ```ts
 * median([5, 1, 4, 2]); // 3
 * median([]);           // null
 * ```
 */
export function median(values: ArrayLike<number>): number | null {
  return medianSorted(sortedFiniteCopy(values));
}

/** The result of {@link summary}: plain JSON, every field finite (sd is null for a single point). */
export interface SampleSummary {
  count: number;
  mean: number;
  /** Sample standard deviation (n − 1); null when count < 2. */
  sd: number | null;
  min: number;
  p25: number;
  median: number;
  p75: number;
  p90: number;
  p95: number;
  p99: number;
  max: number;
}

/**
 * {@link summary} of an **already sorted** (ascending, finite) sample. Only the NaN check of the order
 * statistics read is done; mean and sd scan (and check) the whole array.
 *
 * @example
 * ```ts
 * summarySorted(Float64Array.from([1, 2, 3, 4, 5]));
 * // { count: 5, mean: 3, sd: 1.5811388300841898, min: 1, p25: 2, median: 3, p75: 4, p90: 4.6, p95: 4.8, p99: 4.96, max: 5 }
 * ```
 */
export function summarySorted(sorted: ArrayLike<number>): SampleSummary | null {
  const n = sorted.length;
  if (n === 0) return null;
  const q = (p: number): number => quantileSorted(sorted, p) as number;
  return {
    count: n,
    mean: mean(sorted) as number,
    sd: standardDeviation(sorted),
    min: sorted[0],
    p25: q(0.25),
    median: medianSorted(sorted) as number,
    p75: q(0.75),
    p90: q(0.9),
    p95: q(0.95),
    p99: q(0.99),
    max: sorted[n - 1],
  };
}

/**
 * A one-call description of a sample — count, mean, sample standard deviation, min, quartiles, median,
 * p90/p95/p99 (type 7 quantiles, as numpy's default) and max — as a plain JSON object, sorting once.
 * `null` for an empty sample; NaN or ±Infinity throw (see the module's NaN policy).
 *
 * @example
 * ```ts
 * summary([5, 1, 4, 2, 3]);
 * // { count: 5, mean: 3, sd: 1.5811388300841898, min: 1, p25: 2, median: 3, p75: 4, p90: 4.6, p95: 4.8, p99: 4.96, max: 5 }
 * summary([]); // null
 * ```
 */
export function summary(values: ArrayLike<number>): SampleSummary | null {
  return summarySorted(sortedFiniteCopy(values));
}
