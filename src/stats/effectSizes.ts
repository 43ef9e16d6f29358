/**
 * Effect sizes for two samples: how much, and in which direction, x differs from y.
 *
 * Conventions (DESIGN.md, "Samples"): positional `(x, y)` as in scipy — x is the sample under test
 * (the canary, the "treatment"), y the reference (the baseline). Ratios are x over y; dominance measures
 * count pairs where x is the larger. Layers above `stats/` map `{ baseline, canary }` onto (x = canary,
 * y = baseline) so the order cannot be mixed up there.
 *
 * Results are plain JSON `{ value: number | null, reason? }`: `value` is never NaN or ±Infinity; when an
 * effect size is undefined it is `null` and `reason` says why:
 * - `'EMPTY_SAMPLE'` — x or y has no points;
 * - `'ZERO_DENOMINATOR'` / `'NEGATIVE_DENOMINATOR'` — a ratio whose denominator (the statistic of y) is
 *   0 or negative. Ratios are meant for positive quantities (latency, CPU, counts): "x is 1.12× y" has no
 *   meaning when y's statistic is ≤ 0, so no sign flipping is attempted. A negative *numerator* over a
 *   positive denominator is returned as is (a negative ratio);
 * - `'OVERFLOW'` — the ratio exceeds the double range (a denominator within ~1e-308 of 0).
 * NaN in a sample is a usage error: `CanaryJudgeError('NAN_IN_SAMPLE', …, 'x[i]')` (±Infinity:
 * `'INFINITE_IN_SAMPLE'`), as for the descriptive statistics. Inputs are never mutated.
 * @module
 */
import { CanaryJudgeError } from '../errors.js';
import {
  assertFiniteSample,
  meanOfFinite,
  medianSorted,
  quantileSorted,
} from './descriptives.js';
import { sortFloat64 } from './sortFloat64.js';
import { hodgesLehmannSorted, type HodgesLehmannOptions, type HodgesLehmannResult } from './hodgesLehmann.js';

/** Why an effect size is `null`. */
export type EffectSizeReason = 'EMPTY_SAMPLE' | 'ZERO_DENOMINATOR' | 'NEGATIVE_DENOMINATOR' | 'OVERFLOW';

/** An effect size: a finite number, or `null` with the reason it is undefined. Plain JSON. */
export interface EffectSize {
  value: number | null;
  reason?: EffectSizeReason;
}

/** A ratio effect size with the two statistics it divides (null when a sample is empty). */
export interface RatioEffectSize extends EffectSize {
  /** The statistic of x (the numerator). */
  numerator: number | null;
  /** The statistic of y (the denominator). */
  denominator: number | null;
}

function sortedCopy(values: ArrayLike<number>, name: string): Float64Array {
  assertFiniteSample(values, name);
  return sortFloat64(values);
}

/** Checks caller-sorted input: finite, no NaN, ascending (`NOT_SORTED`). O(n). */
function checkSortedFinite(values: ArrayLike<number>, name: string): void {
  assertFiniteSample(values, name);
  for (let i = 1, n = values.length; i < n; i++) {
    if (values[i] < values[i - 1]) {
      throw new CanaryJudgeError('NOT_SORTED', `${name} must be sorted ascending (${name}[${i}] < ${name}[${i - 1}])`, name);
    }
  }
}

/** numerator / denominator with the conventions of this module. */
function ratio(numerator: number | null, denominator: number | null): RatioEffectSize {
  if (numerator === null || denominator === null) return { value: null, reason: 'EMPTY_SAMPLE', numerator, denominator };
  if (denominator === 0) return { value: null, reason: 'ZERO_DENOMINATOR', numerator, denominator };
  if (denominator < 0) return { value: null, reason: 'NEGATIVE_DENOMINATOR', numerator, denominator };
  const value = numerator / denominator;
  if (!Number.isFinite(value)) return { value: null, reason: 'OVERFLOW', numerator, denominator };
  // Normalise −0 (0 / positive is +0 unless the numerator is −0) so JSON and Object.is agree.
  return { value: value === 0 ? 0 : value, numerator, denominator };
}

/**
 * mean(x) / mean(y), the ratio of arithmetic means (compensated sums, see `mean`). Null with a reason
 * when a sample is empty or mean(y) ≤ 0 (see the module notes on sign).
 *
 * @example
 * ```ts
 * meanRatio([110, 120, 130], [100, 100, 100]); // { value: 1.2, numerator: 120, denominator: 100 }
 * meanRatio([1, 2], [-1, 1]);                  // { value: null, reason: 'ZERO_DENOMINATOR', numerator: 1.5, denominator: 0 }
 * ```
 */
export function meanRatio(x: ArrayLike<number>, y: ArrayLike<number>): RatioEffectSize {
  assertFiniteSample(x, 'x');
  assertFiniteSample(y, 'y');
  return ratio(x.length === 0 ? null : meanOfFinite(x), y.length === 0 ? null : meanOfFinite(y));
}

/**
 * quantile(x, p) / quantile(y, p) for samples **already sorted** ascending (checked in O(n)); type 7
 * quantiles (numpy's default). Null with a reason when a sample is empty or y's quantile is ≤ 0.
 *
 * @example
 * ```ts
 * quantileRatioSorted([10, 20, 30, 40, 50], [10, 10, 20, 20, 25], 0.9); // { value: 2, numerator: 46, denominator: 23 }
 * ```
 */
export function quantileRatioSorted(xSorted: ArrayLike<number>, ySorted: ArrayLike<number>, p: number): RatioEffectSize {
  checkSortedFinite(xSorted, 'x');
  checkSortedFinite(ySorted, 'y');
  return ratio(quantileSorted(xSorted, p), quantileSorted(ySorted, p));
}

/**
 * quantile(x, p) / quantile(y, p) (type 7 quantiles, numpy's default), e.g. the p99 latency ratio
 * canary / baseline. Inputs are copied before sorting. p outside [0, 1] throws
 * `CanaryJudgeError('INVALID_ARGUMENT', …, 'p')`.
 *
 * @example
 * ```ts
 * quantileRatio([50, 10, 40, 20, 30], [25, 10, 20, 10, 20], 0.9).value; // 2 (46 / 23, as numpy.quantile)
 * quantileRatio([1, 2, 3], [], 0.5);  // { value: null, reason: 'EMPTY_SAMPLE', numerator: 2, denominator: null }
 * ```
 */
export function quantileRatio(x: ArrayLike<number>, y: ArrayLike<number>, p: number): RatioEffectSize {
  const xs = sortedCopy(x, 'x');
  const ys = sortedCopy(y, 'y');
  return ratio(quantileSorted(xs, p), quantileSorted(ys, p));
}

/**
 * median(x) / median(y) for samples **already sorted** ascending (checked in O(n)).
 *
 * @example
 * ```ts
 * medianRatioSorted([1, 2, 3], [1, 1, 2]); // { value: 2, numerator: 2, denominator: 1 }
 * ```
 */
export function medianRatioSorted(xSorted: ArrayLike<number>, ySorted: ArrayLike<number>): RatioEffectSize {
  checkSortedFinite(xSorted, 'x');
  checkSortedFinite(ySorted, 'y');
  return ratio(medianSorted(xSorted), medianSorted(ySorted));
}

/**
 * median(x) / median(y) (the mean of the two middle values for even sizes, as `numpy.median`).
 *
 * @example
 * ```ts
 * medianRatio([12, 11, 13, 100], [10, 10, 10]).value; // 1.25 (12.5 / 10)
 * medianRatio([1, 2], [0, 0]);                       // { value: null, reason: 'ZERO_DENOMINATOR', numerator: 1.5, denominator: 0 }
 * ```
 */
export function medianRatio(x: ArrayLike<number>, y: ArrayLike<number>): RatioEffectSize {
  const xs = sortedCopy(x, 'x');
  const ys = sortedCopy(y, 'y');
  return ratio(medianSorted(xs), medianSorted(ys));
}

/** Pair counts behind the dominance effect sizes. */
export interface DominanceCounts {
  /** Pairs (i, j) with x_i > y_j. */
  greater: number;
  /** Pairs with x_i = y_j. */
  ties: number;
  /** Pairs with x_i < y_j. */
  less: number;
  /** n·m. */
  pairs: number;
}

/**
 * Counts the pairs with x_i > y_j, = and < by one merge of the sorted samples: O(n + m), never n·m
 * comparisons. Counts are exact up to 2^53 pairs.
 */
function dominance(xs: ArrayLike<number>, ys: ArrayLike<number>): DominanceCounts {
  const n = xs.length;
  const m = ys.length;
  let below = 0; // #{j : y_j < x_i}
  let atOrBelow = 0; // #{j : y_j ≤ x_i}
  let greater = 0;
  let ties = 0;
  for (let i = 0; i < n; i++) {
    const v = xs[i];
    while (below < m && ys[below] < v) below++;
    if (atOrBelow < below) atOrBelow = below;
    while (atOrBelow < m && ys[atOrBelow] <= v) atOrBelow++;
    greater += below;
    ties += atOrBelow - below;
  }
  const pairs = n * m;
  return { greater, ties, less: pairs - greater - ties, pairs };
}

/** The dominance effect sizes of {@link commonLanguageEffectSize} and {@link cliffsDelta}, with counts. */
export interface DominanceEffectSize extends EffectSize {
  /** The pair counts (all 0 for an empty sample). */
  counts: DominanceCounts;
}

function cles(c: DominanceCounts): DominanceEffectSize {
  if (c.pairs === 0) return { value: null, reason: 'EMPTY_SAMPLE', counts: c };
  // (2·greater + ties) is an exact integer (< 2^53), so one rounding: the correctly rounded value.
  return { value: (2 * c.greater + c.ties) / (2 * c.pairs), counts: c };
}

function delta(c: DominanceCounts): DominanceEffectSize {
  if (c.pairs === 0) return { value: null, reason: 'EMPTY_SAMPLE', counts: c };
  const v = (c.greater - c.less) / c.pairs;
  return { value: v === 0 ? 0 : v, counts: c };
}

/**
 * {@link commonLanguageEffectSize} for samples **already sorted** ascending (checked in O(n + m)).
 *
 * @example
 * ```ts
 * commonLanguageEffectSizeSorted([2, 4, 6], [1, 4, 5]).value; // 0.6111111111111112 (5.5 / 9)
 * ```
 */
export function commonLanguageEffectSizeSorted(xSorted: ArrayLike<number>, ySorted: ArrayLike<number>): DominanceEffectSize {
  checkSortedFinite(xSorted, 'x');
  checkSortedFinite(ySorted, 'y');
  return cles(dominance(xSorted, ySorted));
}

/**
 * The common-language effect size (McGraw & Wong 1992; Vargha & Delaney's A, 2000):
 * P(X > Y) + ½·P(X = Y) for X drawn from x and Y from y, i.e. U_x/(n·m) with U_x the Mann–Whitney
 * statistic of x (scipy's `mannwhitneyu(x, y).statistic / (n*m)`). 0.5 means no tendency; 0.7 means a
 * random canary point exceeds a random baseline point 70% of the time (ties counted half).
 * Computed by one merge of the sorted samples in O((n + m) log(n + m)), never n·m comparisons.
 * CLES(x, y) + CLES(y, x) = 1. Null (`'EMPTY_SAMPLE'`) when a sample is empty.
 *
 * @example
 * ```ts
 * commonLanguageEffectSize([6, 2, 4], [5, 1, 4]);
 * // { value: 0.6111111111111112, counts: { greater: 5, ties: 1, less: 3, pairs: 9 } }
 * ```
 */
export function commonLanguageEffectSize(x: ArrayLike<number>, y: ArrayLike<number>): DominanceEffectSize {
  return cles(dominance(sortedCopy(x, 'x'), sortedCopy(y, 'y')));
}

/**
 * {@link cliffsDelta} for samples **already sorted** ascending (checked in O(n + m)).
 *
 * @example
 * ```ts
 * cliffsDeltaSorted([2, 4, 6], [1, 4, 5]).value; // 0.2222222222222222 ((5 − 3) / 9)
 * ```
 */
export function cliffsDeltaSorted(xSorted: ArrayLike<number>, ySorted: ArrayLike<number>): DominanceEffectSize {
  checkSortedFinite(xSorted, 'x');
  checkSortedFinite(ySorted, 'y');
  return delta(dominance(xSorted, ySorted));
}

/**
 * Cliff's delta (Cliff 1993): P(X > Y) − P(X < Y) = 2·CLES − 1, in [−1, 1]; positive when x tends to be
 * larger. Antisymmetric: cliffsDelta(x, y) = −cliffsDelta(y, x) exactly. Same O((n + m) log) merge as
 * {@link commonLanguageEffectSize}. Null (`'EMPTY_SAMPLE'`) when a sample is empty.
 * Conventional magnitude labels (Romano et al. 2006): |δ| < 0.147 negligible, < 0.33 small, < 0.474
 * medium, otherwise large.
 *
 * @example
 * ```ts
 * cliffsDelta([6, 2, 4], [5, 1, 4]).value; // 0.2222222222222222
 * cliffsDelta([10, 11], [1, 2]).value;     // 1
 * ```
 */
export function cliffsDelta(x: ArrayLike<number>, y: ArrayLike<number>): DominanceEffectSize {
  return delta(dominance(sortedCopy(x, 'x'), sortedCopy(y, 'y')));
}

/** Result of {@link relativeHodgesLehmannShift}: plain JSON. */
export interface RelativeShiftEffectSize extends EffectSize {
  /** Lower confidence bound of the relative shift; null when unbounded or undefined. */
  lower: number | null;
  /** Upper confidence bound of the relative shift; null when unbounded or undefined. */
  upper: number | null;
  /** median(y), the denominator; null when y is empty. */
  denominator: number | null;
  /** The Hodges–Lehmann result behind it (absolute shift x − y and its interval); null when a sample is empty. */
  hodgesLehmann: HodgesLehmannResult | null;
}

function relativeShift(hl: HodgesLehmannResult, med: number): RelativeShiftEffectSize {
  const base = { denominator: med, hodgesLehmann: hl };
  if (med === 0) return { value: null, reason: 'ZERO_DENOMINATOR', lower: null, upper: null, ...base };
  if (med < 0) return { value: null, reason: 'NEGATIVE_DENOMINATOR', lower: null, upper: null, ...base };
  const scale = (v: number | null): number | null => {
    if (v === null) return null;
    const r = v / med;
    return Number.isFinite(r) ? (r === 0 ? 0 : r) : null;
  };
  const value = scale(hl.estimate);
  const out: RelativeShiftEffectSize = { value, lower: scale(hl.lower), upper: scale(hl.upper), ...base };
  if (value === null) out.reason = 'OVERFLOW';
  return out;
}

function emptyShift(denominator: number | null): RelativeShiftEffectSize {
  return { value: null, reason: 'EMPTY_SAMPLE', lower: null, upper: null, denominator, hodgesLehmann: null };
}

/**
 * The Hodges–Lehmann shift of x relative to y: HL(x − y)/median(y), with its confidence interval
 * relative too ([lower, upper]/median(y)). E.g. 0.12 means "x is shifted up by about 12% of y's
 * median". The shift and its distribution-free interval come from `hodgesLehmann(x, y, options)`
 * (R's `wilcox.test(x, y, conf.int = TRUE)`); dividing by the fixed median(y) does not change the
 * coverage as a statement about the shift in units of the observed baseline median (it ignores the
 * sampling error of median(y) itself). Null with `'ZERO_DENOMINATOR'`/`'NEGATIVE_DENOMINATOR'` when
 * median(y) ≤ 0, `'EMPTY_SAMPLE'` when a sample is empty; one-sided alternatives give a null
 * (unbounded) end, as the underlying interval does.
 *
 * @example
 * ```ts
 * const r = relativeHodgesLehmannShift([11, 12, 13, 14, 15], [10, 10.5, 11, 11.5, 12], { method: 'exact' });
 * r.value;                  // 0.18181818181818182 (HL shift 2 / median 11)
 * [r.lower, r.upper];       // [0, 0.36363636363636365] (exact 95% interval [0, 4] / 11)
 * ```
 */
export function relativeHodgesLehmannShift(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  options?: HodgesLehmannOptions,
): RelativeShiftEffectSize {
  const xs = sortedCopy(x, 'x');
  const ys = sortedCopy(y, 'y');
  const med = medianSorted(ys);
  if (xs.length === 0 || med === null) return emptyShift(med);
  return relativeShift(hodgesLehmannSorted(xs, ys, options), med);
}

/**
 * {@link relativeHodgesLehmannShift} for samples **already sorted** ascending (checked in O(n + m)).
 *
 * @example
 * ```ts
 * relativeHodgesLehmannShiftSorted([11, 12, 13, 14, 15], [10, 10.5, 11, 11.5, 12], { method: 'exact' }).value; // 0.18181818181818182
 * ```
 */
export function relativeHodgesLehmannShiftSorted(
  xSorted: ArrayLike<number>,
  ySorted: ArrayLike<number>,
  options?: HodgesLehmannOptions,
): RelativeShiftEffectSize {
  checkSortedFinite(xSorted, 'x');
  checkSortedFinite(ySorted, 'y');
  const med = medianSorted(ySorted);
  if (xSorted.length === 0 || med === null) return emptyShift(med);
  return relativeShift(hodgesLehmannSorted(xSorted, ySorted, options), med);
}
