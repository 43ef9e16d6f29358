/**
 * Private numeric helpers of `src/preprocess/` (not re-exported). They are deliberately small and local so
 * that preprocessing does not depend on `src/stats/` while that folder is being written.
 * @internal
 */
import { CanaryJudgeError } from '../errors.js';

/**
 * 1 / Φ⁻¹(3/4): the factor that makes the median absolute deviation a consistent estimator of the standard
 * deviation of a normal distribution (≈ 1.4826). scipy.stats.median_abs_deviation(scale='normal') divides by
 * Φ⁻¹(3/4) = 0.6744897501960817, which is the same number.
 */
export const NORMAL_MAD_SCALE = 1 / 0.6744897501960817;

/** One problem found while checking options (the same shape as `CanaryJudgeError.problems`). */
export interface PreprocessProblem {
  code: 'INVALID_OPTION';
  path: string;
  message: string;
}

/** Joins a JSON path prefix and a key: `join('smoothing', 'window') === 'smoothing.window'`. */
export function joinPath(base: string, key: string): string {
  if (base === '') return key;
  if (key === '') return base;
  return `${base}.${key}`;
}

/** Throws one `CanaryJudgeError('INVALID_OPTION')` carrying every problem, or returns when there is none. */
export function throwIfProblems(problems: PreprocessProblem[]): void {
  if (problems.length === 0) return;
  const first = problems[0];
  throw new CanaryJudgeError(first.code, first.message, first.path, problems);
}

/** True for a plain (non-null, non-array) object. */
export function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** Describes a value for an error message without ever throwing (JSON.stringify can throw on BigInt). */
export function describe(x: unknown): string {
  if (typeof x === 'number') return Number.isNaN(x) ? 'NaN' : String(x);
  if (typeof x === 'string') return JSON.stringify(x);
  if (x === undefined) return 'undefined';
  if (x === null) return 'null';
  return typeof x;
}

/** A new Float64Array copy of any array-like of numbers (the input is never touched again). */
export function toFloat64(values: ArrayLike<number>): Float64Array {
  const n = values.length;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = values[i];
  return out;
}

/** The non-NaN values of `values`, sorted ascending, in a new Float64Array. ±Infinity are kept. */
export function sortedWithoutNaN(values: ArrayLike<number>): Float64Array {
  const n = values.length;
  let m = 0;
  for (let i = 0; i < n; i++) if (!Number.isNaN(values[i])) m++;
  const out = new Float64Array(m);
  let j = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (!Number.isNaN(v)) out[j++] = v;
  }
  out.sort(); // Float64Array#sort is numeric
  return out;
}

/**
 * Linear interpolation between sorted neighbours `a ≤ b` at fraction `t ∈ [0, 1]`, written like numpy's
 * `_lerp` (from `a` when t < 0.5, back from `b` otherwise) so results match `numpy.percentile` to the last
 * bit where possible, and safe with infinities (−∞ + ∞ never produces NaN here).
 */
export function lerp(a: number, b: number, t: number): number {
  if (t === 0 || a === b) return a;
  if (t === 1) return b;
  if (a === -Infinity) return -Infinity;
  if (b === Infinity) return Infinity;
  const d = b - a;
  return t < 0.5 ? a + d * t : b - d * (1 - t);
}

/**
 * Type-7 quantile (Hyndman & Fan 1996; R's default, numpy's default `method='linear'`) of ascending data
 * without NaN: h = (n − 1)·p, interpolate between x[⌊h⌋] and x[⌊h⌋ + 1]. NaN when `sorted` is empty.
 */
export function quantileSortedType7(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  if (n === 1 || p <= 0) return sorted[0];
  if (p >= 1) return sorted[n - 1];
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  if (lo >= n - 1) return sorted[n - 1];
  return lerp(sorted[lo], sorted[lo + 1], h - lo);
}

/** Mean of two numbers that does not overflow for large finite inputs. */
export function mean2(a: number, b: number): number {
  const m = (a + b) / 2;
  if (!Number.isFinite(m) && Number.isFinite(a) && Number.isFinite(b)) return a / 2 + b / 2;
  return m;
}

/** Median of ascending data without NaN (mean of the two middle values for even n); NaN when empty. */
export function medianSorted(sorted: ArrayLike<number>): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = n >> 1;
  return n % 2 === 1 ? sorted[h] : mean2(sorted[h - 1], sorted[h]);
}

/**
 * The k-th smallest (1-based, 1 ≤ k ≤ len) distance |x − center| among `sorted[0..len)` (ascending, no
 * NaN), where `split` = number of elements < center. The distances left of the split, center − x read
 * backwards, and right of it, x − center, are two ascending sequences; the k-th smallest of their union is
 * found by binary search on how many come from the left, in O(log len) and without allocating.
 * Returns NaN only when a comparison involves NaN (∞ − ∞ distances).
 */
function kthDistance(sorted: ArrayLike<number>, split: number, len: number, center: number, k: number): number {
  const aLen = split;
  const bLen = len - split;
  let lo = Math.max(0, k - bLen);
  let hi = Math.min(k, aLen);
  while (lo <= hi) {
    const i = (lo + hi) >> 1; // distances taken from the left part
    const j = k - i; // distances taken from the right part
    if (i < aLen && j > 0 && sorted[split + j - 1] - center > center - sorted[split - 1 - i]) {
      lo = i + 1;
    } else if (i > 0 && j < bLen && center - sorted[split - i] > sorted[split + j] - center) {
      hi = i - 1;
    } else {
      const fromA = i > 0 ? center - sorted[split - i] : -Infinity;
      const fromB = j > 0 ? sorted[split + j - 1] - center : -Infinity;
      return fromA > fromB ? fromA : fromB;
    }
  }
  return NaN;
}

/**
 * Median absolute deviation around `center` of `sorted[0..len)` (ascending, no NaN), unscaled, in
 * O(log len) from the sorted order (see `kthDistance`). NaN when len = 0.
 */
export function madSortedAround(sorted: ArrayLike<number>, len: number, center: number): number {
  if (len === 0) return NaN;
  let lo = 0;
  let hi = len;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < center) lo = mid + 1;
    else hi = mid;
  }
  const split = lo;
  const h = len >> 1;
  if (len % 2 === 1) return kthDistance(sorted, split, len, center, h + 1);
  return mean2(kthDistance(sorted, split, len, center, h), kthDistance(sorted, split, len, center, h + 1));
}

/** Median of `sorted[0..len)` (ascending, no NaN); NaN when len = 0. */
export function medianSortedPrefix(sorted: ArrayLike<number>, len: number): number {
  if (len === 0) return NaN;
  const h = len >> 1;
  return len % 2 === 1 ? sorted[h] : mean2(sorted[h - 1], sorted[h]);
}

/** Positive finite number check (for option validation). */
export function isPositiveFinite(x: unknown): x is number {
  return typeof x === 'number' && Number.isFinite(x) && x > 0;
}

/** Integer ≥ 1 check (for window and block sizes). */
export function isPositiveInteger(x: unknown): x is number {
  return typeof x === 'number' && Number.isInteger(x) && x >= 1;
}

/** A finite number, or `null` (results are plain JSON: no NaN or ±Infinity). */
export function finiteOrNull(x: number): number | null {
  return Number.isFinite(x) ? x : null;
}
