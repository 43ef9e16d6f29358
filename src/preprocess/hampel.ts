import {
  describe,
  isPositiveFinite,
  isPositiveInteger,
  isRecord,
  joinPath,
  madSortedAround,
  medianSortedPrefix,
  NORMAL_MAD_SCALE,
  type PreprocessProblem,
  throwIfProblems,
} from './internal.js';

/**
 * Options of {@link hampelFilter}.
 * - `window`: integer ≥ 1, the full length of the centred window (an odd length such as 7 = 3 points on
 *   each side is the usual choice; an even length has one more point before than after, as in
 *   {@link rollingMedian} with `center: true`).
 * - `k` (default 3): a point is replaced when it lies more than k scaled MADs from the window median.
 */
export interface HampelOptions {
  window: number;
  k?: number;
}

/** Default threshold (in scaled MADs) of the Hampel filter. */
export const DEFAULT_HAMPEL_K = 3;

/** Result of {@link hampelFilter}. */
export interface HampelResult {
  /** The filtered series (same length as the input, a new array). */
  values: Float64Array;
  /** How many points were replaced by their window median. */
  replaced: number;
  /** Indices of the replaced points, ascending. */
  replacedIndices: number[];
  /** Length of the input. */
  countBefore: number;
  /** Length of `values` (always equal to `countBefore`). */
  countAfter: number;
}

/**
 * Checks {@link HampelOptions}; returns every problem (empty when valid), paths prefixed by `path`.
 *
 * @example
 * ```ts
 * checkHampelOptions({ window: 7, k: 0 }); // [{ code: 'INVALID_OPTION', path: 'k', … }]
 * ```
 */
export function checkHampelOptions(options: unknown, path = ''): PreprocessProblem[] {
  if (!isRecord(options)) {
    return [{ code: 'INVALID_OPTION', path, message: `Hampel options must be an object with a window, got ${describe(options)}` }];
  }
  const problems: PreprocessProblem[] = [];
  if (!isPositiveInteger(options.window)) {
    problems.push({ code: 'INVALID_OPTION', path: joinPath(path, 'window'), message: `window must be an integer ≥ 1, got ${describe(options.window)}` });
  }
  if (options.k !== undefined && !isPositiveFinite(options.k)) {
    problems.push({ code: 'INVALID_OPTION', path: joinPath(path, 'k'), message: `k must be a finite number > 0, got ${describe(options.k)}` });
  }
  return problems;
}

/**
 * Hampel filter (Hampel 1974; Pearson et al. 2016, "Generalized Hampel filters"): for each point, take
 * the centred window around it, its median m and its scaled MAD S = 1.4826·median|x − m| (the scale of
 * `scipy.stats.median_abs_deviation(scale='normal')`); when |x − m| > k·S the point is replaced by m.
 * Windows are clipped at the ends (partial windows, as in {@link rollingMedian}). NaN points are skipped
 * in windows and left as NaN in the output. When S = 0 (over half the window equal), any point different
 * from the median is replaced: that is the classic definition (a lone spike in a flat series goes).
 *
 * The window is kept sorted (binary-search insert/delete); median and MAD are then O(1) and O(log w), so
 * the cost is O(n·log w) comparisons plus O(n·w) element moves in the worst case (fast in practice).
 * Never mutates `values`; never throws on data; throws `CanaryJudgeError('INVALID_OPTION')` with path
 * `window` or `k` for bad options.
 *
 * @example
 * ```ts
 * hampelFilter([1, 2, 1, 50, 2, 1, 2], { window: 5 });
 * // { values: Float64Array [1, 2, 1, 2, 2, 1, 2], replaced: 1, replacedIndices: [3], countBefore: 7, countAfter: 7 }
 * ```
 */
export function hampelFilter(values: ArrayLike<number>, options: HampelOptions): HampelResult {
  throwIfProblems(checkHampelOptions(options));
  const w = options.window;
  const k = options.k ?? DEFAULT_HAMPEL_K;
  const n = values.length;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = values[i];
  const replacedIndices: number[] = [];
  if (n === 0) return { values: out, replaced: 0, replacedIndices, countBefore: 0, countAfter: 0 };

  const buf = new Float64Array(Math.min(w, n) + 1); // sorted window, non-NaN values only
  let len = 0;
  const insert = (x: number): void => {
    if (Number.isNaN(x)) return;
    let lo = 0;
    let hi = len;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (buf[mid] <= x) lo = mid + 1;
      else hi = mid;
    }
    buf.copyWithin(lo + 1, lo, len);
    buf[lo] = x;
    len++;
  };
  const remove = (x: number): void => {
    if (Number.isNaN(x)) return;
    let lo = 0;
    let hi = len;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (buf[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    buf.copyWithin(lo, lo + 1, len);
    len--;
  };

  const offset = (w - 1) >> 1;
  let start = 0;
  let end = 0;
  for (let i = 0; i < n; i++) {
    const targetEnd = Math.min(n, i + 1 + offset);
    const targetStart = Math.max(0, i + 1 + offset - w);
    while (end < targetEnd) insert(values[end++]); // windows always see the input, not replaced points
    while (start < targetStart) remove(values[start++]);
    const x = values[i];
    if (Number.isNaN(x) || len === 0) continue;
    const m = medianSortedPrefix(buf, len);
    const s = NORMAL_MAD_SCALE * madSortedAround(buf, len, m);
    if (Math.abs(x - m) > k * s) {
      out[i] = m;
      replacedIndices.push(i);
    }
  }
  return { values: out, replaced: replacedIndices.length, replacedIndices, countBefore: n, countAfter: n };
}
