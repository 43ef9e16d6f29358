/**
 * The Hodges–Lehmann shift estimate (median of all pairwise differences x_i − y_j) and its
 * distribution-free confidence interval, by selection in the implicit matrix of differences.
 *
 * @module
 */

import { CanaryJudgeError } from '../errors.js';
import { normalIsf, normalQuantile } from './normal.js';
import { sortFloat64InPlace } from './sortFloat64.js';
import { mergeRanks } from './mergeRanks.js';
import { assertExactFeasible, exactNoTiesWork, mannWhitneyNullHalf, nullHalfCdf, type MannWhitneyNullHalf } from './mannWhitneyExact.js';
import { checkSortedSample, copySample, sortedSampleFlags, SAMPLE_TIED_NEIGHBOURS, SAMPLE_UNSORTED_OR_NAN, type MannWhitneyAlternative, type MannWhitneyMethod } from './mannWhitney.js';
import { pairwiseDifferenceSelector } from './pairwiseDifferenceSelect.js';

/** Options of {@link hodgesLehmann}. */
export interface HodgesLehmannOptions {
  /** Confidence level of the interval, in (0, 1) (default 0.95). */
  confidence?: number;
  /**
   * `'two-sided'` (default): a two-sided interval. `'greater'`: a lower bound only (`upper: null`),
   * the interval for "x is shifted up"; `'less'`: an upper bound only (`lower: null`).
   */
  alternative?: MannWhitneyAlternative;
  /**
   * `'exact'`: order statistics of the differences at quantiles of the exact null distribution of U
   * (R's `wilcox.test(exact = TRUE, conf.int = TRUE)`; exact coverage without ties).
   * `'asymptotic'`: R's `wilcox.test(exact = FALSE, conf.int = TRUE, correct = continuity)` interval.
   * `'auto'` (default): exact when there are no ties and both samples have fewer than 50 values
   * (R's default rule), asymptotic otherwise.
   */
  method?: MannWhitneyMethod;
  /** Continuity correction of the asymptotic interval (default `true`, as in R). */
  continuity?: boolean;
}

/** Result of {@link hodgesLehmann}: plain JSON. */
export interface HodgesLehmannResult {
  /** Median of the n·m differences x_i − y_j (the mean of the two middle ones when n·m is even). */
  estimate: number;
  /** Lower end of the interval (a pairwise difference), `null` when unbounded (`alternative: 'less'`). */
  lower: number | null;
  /** Upper end of the interval (a pairwise difference), `null` when unbounded (`alternative: 'greater'`). */
  upper: number | null;
  /** The requested confidence level. */
  confidence: number;
  /**
   * The confidence the exact interval really has (1 − the attained α: the discrete distribution
   * of U rarely hits the requested level exactly; R warns when this falls below the requested level
   * by more than α/2); `null` for the asymptotic method.
   */
  achievedConfidence: number | null;
  alternative: MannWhitneyAlternative;
  method: 'exact' | 'asymptotic';
  /** Whether the asymptotic interval used the continuity correction. */
  continuity: boolean;
  nx: number;
  ny: number;
}

/** Sample sizes below which `auto` uses the exact interval (R's `wilcox.test` rule: both < 50, no ties). */
export const HODGES_LEHMANN_AUTO_EXACT_BELOW = 50;

const ALTERNATIVES: ReadonlyArray<MannWhitneyAlternative> = ['two-sided', 'less', 'greater'];
const METHODS: ReadonlyArray<MannWhitneyMethod> = ['auto', 'exact', 'asymptotic'];

interface ResolvedOptions {
  confidence: number;
  alternative: MannWhitneyAlternative;
  method: MannWhitneyMethod;
  continuity: boolean;
}

function resolveOptions(options: HodgesLehmannOptions | undefined): ResolvedOptions {
  const o = options ?? {};
  if (typeof o !== 'object') throw new CanaryJudgeError('INVALID_OPTION', 'options must be an object', 'options');
  const confidence = o.confidence ?? 0.95;
  if (typeof confidence !== 'number' || !(confidence > 0 && confidence < 1)) {
    throw new CanaryJudgeError('INVALID_OPTION', `confidence must be a number in (0, 1); got ${String(confidence)}`, 'confidence');
  }
  const alternative = o.alternative ?? 'two-sided';
  if (!ALTERNATIVES.includes(alternative)) {
    throw new CanaryJudgeError('INVALID_OPTION', `alternative must be one of ${ALTERNATIVES.join(', ')}; got ${String(alternative)}`, 'alternative');
  }
  const method = o.method ?? 'auto';
  if (!METHODS.includes(method)) {
    throw new CanaryJudgeError('INVALID_OPTION', `method must be one of ${METHODS.join(', ')}; got ${String(method)}`, 'method');
  }
  const continuity = o.continuity ?? true;
  if (typeof continuity !== 'boolean') {
    throw new CanaryJudgeError('INVALID_OPTION', `continuity must be a boolean; got ${String(continuity)}`, 'continuity');
  }
  return { confidence, alternative, method, continuity };
}

function assertFinite(a: ArrayLike<number>, path: string): void {
  for (let i = 0; i < a.length; i++) {
    const v = a[i];
    if (v === Infinity || v === -Infinity) {
      throw new CanaryJudgeError('INFINITE_IN_SAMPLE', `${path}[${i}] is ${v}: the Hodges–Lehmann estimate needs finite values`, path);
    }
  }
}

/**
 * The Hodges–Lehmann estimate of the shift x − y and its distribution-free confidence interval
 * (Hodges & Lehmann 1963; Bauer 1972 for the interval; R's `wilcox.test(x, y, conf.int = TRUE)`).
 *
 * - estimate: the median of all n·m differences x_i − y_j (mean of the two middle ones for even n·m);
 * - `exact` interval: the order statistics D_(q) and D_(nm−q+1) of the differences, with q the
 *   α/2-quantile (one-sided: α) of the exact null distribution of U (R's `qwilcox`; q is at least 1);
 *   exact coverage without ties;
 * - `asymptotic` interval (R's `exact = FALSE`): the shifts d at which the standardised statistic of
 *   (x − d, y) — U minus its mean, less the continuity correction, over its tie-corrected standard
 *   deviation — crosses the normal quantile. That statistic changes only at pairwise differences, and
 *   between two consecutive ones the pooled (x − d, y) has only the within-sample ties, so the crossing
 *   is an order statistic D_(c) with c found in closed form from the within-sample tie correction
 *   (which is why R's ends differ from an order-statistic rule with the pooled tie correction). R first
 *   evaluates the statistic at the smallest and largest difference themselves (where x − d and y tie),
 *   and returns that end if the statistic has already crossed there; this does the same (a bound found
 *   by binary search settles those two checks without a merge pass unless the data is degenerate), so
 *   each end equals R's root snapped to the pairwise difference it lands on (checked on R 4.2's
 *   intervals).
 * - no n·m array is ever built: the estimate's one or two order statistics and both ends are found
 *   together by selection in the implicit sorted matrix of differences
 *   ({@link pairwiseDifferenceSelector}, sharing its counting passes): about 0.7 ms at n = m = 10⁴,
 *   10 ms at 10⁵ and 0.2 s at 10⁶ (bench/hodgesLehmann.bench.ts).
 *
 * Errors (`CanaryJudgeError`): `EMPTY_SAMPLE`, `NAN_IN_SAMPLE`, `INFINITE_IN_SAMPLE` (±Infinity make
 * the differences undefined), `DIFFERENCE_OVERFLOW` (a difference overflows to ±Infinity),
 * `INVALID_OPTION`, `EXACT_TOO_LARGE`.
 *
 * @param x - first sample (e.g. canary), not modified
 * @param y - second sample (e.g. baseline), not modified
 * @param options - `{ confidence = 0.95, alternative = 'two-sided', method = 'auto', continuity = true }`
 * @returns `{ estimate, lower, upper, confidence, achievedConfidence, alternative, method, continuity, nx, ny }`
 *
 * @example
 * ```ts
 * import { hodgesLehmann } from 'canary-judge';
 * const r = hodgesLehmann([1.83, 0.50, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.30],
 *                         [0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29]);
 * // y has ties, so R and `auto` use the asymptotic interval (R 4.2:
 * // wilcox.test(x, y, conf.int = TRUE, tol.root = 1e-14)$conf.int = -0.37 1.183)
 * r.estimate;         // 0.56 (median of the 81 differences)
 * [r.lower, r.upper]; // [-0.37, 1.183]
 * ```
 */
export function hodgesLehmann(x: ArrayLike<number>, y: ArrayLike<number>, options?: HodgesLehmannOptions): HodgesLehmannResult {
  const opts = resolveOptions(options);
  const xs = copySample(x, 'x');
  const ys = copySample(y, 'y');
  assertFinite(xs, 'x');
  assertFinite(ys, 'y');
  return hodgesLehmannCore(sortFloat64InPlace(xs), sortFloat64InPlace(ys), opts);
}

/**
 * {@link hodgesLehmann} for samples already sorted ascending: no copy, no sort (inputs are checked in
 * O(n) — non-empty, no NaN, finite, ascending — and never modified).
 *
 * @param xSorted - first sample, ascending
 * @param ySorted - second sample, ascending
 * @param options - as for {@link hodgesLehmann}
 * @returns see {@link HodgesLehmannResult}
 *
 * @example
 * ```ts
 * import { hodgesLehmannSorted } from 'canary-judge';
 * hodgesLehmannSorted([1, 2, 3, 4], [0, 1]).estimate; // 2 (differences 0, 1, 1, 2, 2, 3, 3, 4)
 * ```
 */
export function hodgesLehmannSorted(xSorted: ArrayLike<number>, ySorted: ArrayLike<number>, options?: HodgesLehmannOptions): HodgesLehmannResult {
  const opts = resolveOptions(options);
  const fx = sortedFlags(xSorted, 'x');
  const fy = sortedFlags(ySorted, 'y');
  // ascending and NaN-free: finite exactly when both ends are (the scan then names the first infinity)
  if (!finiteEnds(xSorted)) assertFinite(xSorted, 'x');
  if (!finiteEnds(ySorted)) assertFinite(ySorted, 'y');
  const withinTies = fx === null || fy === null ? undefined : ((fx | fy) & SAMPLE_TIED_NEIGHBOURS) !== 0;
  return hodgesLehmannCore(xSorted, ySorted, opts, withinTies);
}

/** {@link checkSortedSample}, returning the one-pass flags of a typed sample (null for other arrays). */
function sortedFlags(values: ArrayLike<number>, path: string): number | null {
  if (values instanceof Float64Array && values.length > 0) {
    const flags = sortedSampleFlags(values);
    if ((flags & SAMPLE_UNSORTED_OR_NAN) === 0) return flags;
  }
  checkSortedSample(values, path);
  return null;
}

function finiteEnds(a: ArrayLike<number>): boolean {
  return a[0] !== -Infinity && a[a.length - 1] !== Infinity;
}

/**
 * Σ (t³ − t) over the runs of equal values of one ascending sample, and how many neighbours are equal
 * (Σ (t − 1)), as `out[0]`, `out[1]`.
 */
function tieRuns(a: ArrayLike<number>, out: Float64Array): void {
  let s = 0;
  let pairs = 0;
  const n = a.length;
  let prev = a[0];
  let run = 1;
  for (let i = 1; i < n; i++) {
    const v = a[i];
    if (v === prev) run++;
    else {
      if (run > 1) {
        s += run * run * run - run;
        pairs += run - 1;
      }
      run = 1;
      prev = v;
    }
  }
  if (run > 1) {
    s += run * run * run - run;
    pairs += run - 1;
  }
  out[0] = s;
  out[1] = pairs;
}

/** Smallest integer q in [0, nm] with P(U ≤ q) ≥ p (R's `qwilcox`). */
function exactQuantile(d: MannWhitneyNullHalf, p: number): number {
  let lo = 0;
  let hi = d.nx * d.ny;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (nullHalfCdf(d, mid) >= p) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function hodgesLehmannCore(xs: ArrayLike<number>, ys: ArrayLike<number>, opts: ResolvedOptions, withinTies?: boolean): HodgesLehmannResult {
  const nx = xs.length;
  const ny = ys.length;
  const nm = nx * ny;
  const dMin = xs[0] - ys[ny - 1];
  const dMax = xs[nx - 1] - ys[0];
  if (!Number.isFinite(dMin) || !Number.isFinite(dMax)) {
    throw new CanaryJudgeError('DIFFERENCE_OVERFLOW', 'a pairwise difference x_i − y_j overflows to ±Infinity', 'x');
  }
  let method: 'exact' | 'asymptotic';
  if (opts.method === 'exact') method = 'exact';
  else if (opts.method === 'asymptotic') method = 'asymptotic';
  else {
    const small = nx < HODGES_LEHMANN_AUTO_EXACT_BELOW && ny < HODGES_LEHMANN_AUTO_EXACT_BELOW;
    method = small && !mergeRanks(xs, ys).ties ? 'exact' : 'asymptotic';
  }

  const alpha = 1 - opts.confidence;
  const alt = opts.alternative;
  let achievedConfidence: number | null = null;
  // Each interval end is an order statistic D_(rank) of the differences (or dMin / dMax directly):
  // all of them and the estimate's one or two are selected together, sharing the counting passes.
  let lowerRank: number | null = null;
  let upperRank: number | null = null;
  let lowerValue: number | null = null;
  let upperValue: number | null = null;
  let tiedNeighbours: number | undefined;

  if (method === 'exact') {
    assertExactFeasible(exactNoTiesWork(nx, ny), Math.floor(nm / 2) + 1, 'null distribution of U');
    const dist = mannWhitneyNullHalf(nx, ny);
    // R: qu <- qwilcox(alpha/2 or alpha); if (qu == 0) qu <- 1; lower = diffs[qu], upper = diffs[nm - qu + 1]
    let qu = exactQuantile(dist, alt === 'two-sided' ? alpha / 2 : alpha);
    if (qu === 0) qu = 1;
    const attained = nullHalfCdf(dist, qu - 1);
    achievedConfidence = 1 - (alt === 'two-sided' ? 2 * attained : attained);
    if (alt !== 'less') lowerRank = qu;
    if (alt !== 'greater') upperRank = nm - qu + 1;
  } else {
    const tx = new Float64Array(2);
    const ty = new Float64Array(2);
    if (withinTies !== false) {
      tieRuns(xs, tx);
      tieRuns(ys, ty);
    }
    tiedNeighbours = tx[1] + ty[1];
    const sigma0 = Math.sqrt((nm / 12) * (nx + ny + 1 - (tx[0] + ty[0]) / ((nx + ny) * (nx + ny - 1))));
    const end = (zq: number): EndRank => asymptoticEnd(xs, ys, zq, sigma0, alt, opts.continuity, dMin, dMax);
    const zLower = alt === 'two-sided' ? normalIsf(alpha / 2) : alt === 'greater' ? normalIsf(alpha) : null;
    const zUpper = alt === 'two-sided' ? normalQuantile(alpha / 2) : alt === 'less' ? normalQuantile(alpha) : null;
    if (zLower !== null) {
      const e = end(zLower);
      if (typeof e === 'number') lowerRank = e;
      else lowerValue = e.value;
    }
    if (zUpper !== null) {
      const e = end(zUpper);
      if (typeof e === 'number') upperRank = e;
      else upperValue = e.value;
    }
  }

  const clampRank = (k: number): number => Math.min(nm, Math.max(1, k));
  const ranks: number[] = nm % 2 === 1 ? [(nm + 1) / 2] : [nm / 2, Math.min(nm, nm / 2 + 1)];
  const nMid = ranks.length;
  if (lowerRank !== null) ranks.push(clampRank(lowerRank));
  if (upperRank !== null) ranks.push(clampRank(upperRank));
  const values = pairwiseDifferenceSelector(xs, ys, { tiedNeighbours }).selectMany(ranks);
  let estimate: number;
  if (nMid === 1) estimate = values[0];
  else {
    const a = values[0];
    const b = values[1];
    const sum = a + b;
    estimate = a === b ? a : Number.isFinite(sum) ? sum / 2 : a / 2 + b / 2;
  }
  let next = nMid;
  const lower = lowerRank !== null ? values[next++] : lowerValue;
  const upper = upperRank !== null ? values[next++] : upperValue;

  return {
    estimate,
    lower,
    upper,
    confidence: opts.confidence,
    achievedConfidence,
    alternative: alt,
    method,
    continuity: method === 'asymptotic' ? opts.continuity : false,
    nx,
    ny,
  };
}

/** R's continuity correction for the shifted statistic dz = U(x − d, y) − nm/2. */
function correction(dz: number, alt: MannWhitneyAlternative, continuity: boolean): number {
  if (!continuity) return 0;
  if (alt === 'greater') return 0.5;
  if (alt === 'less') return -0.5;
  return 0.5 * Math.sign(dz);
}

/**
 * R's `wdiff(d, zq)` evaluated exactly at a shift d: ranks of the pooled (x − d, y) with the tie
 * correction of that pooled sample (where x_i − d and y_j may tie).
 */
function statisticAt(xs: ArrayLike<number>, ys: ArrayLike<number>, d: number, zq: number, alt: MannWhitneyAlternative, continuity: boolean): number {
  const nx = xs.length;
  const ny = ys.length;
  const shifted = new Float64Array(nx);
  for (let i = 0; i < nx; i++) shifted[i] = xs[i] - d;
  const { u, tieSum } = mergeRanks(shifted, ys);
  const N = nx + ny;
  const dz = u - (nx * ny) / 2;
  const sigma = Math.sqrt(((nx * ny) / 12) * (N + 1 - tieSum / (N * (N - 1))));
  if (!(sigma > 0)) return dz === 0 ? 0 : dz > 0 ? Infinity : -Infinity;
  return (dz - correction(dz, alt, continuity)) / sigma - zq;
}

/** An interval end as a rank of the differences, or a value decided without selection. */
type EndRank = number | { value: number };

/**
 * Whether R's statistic at the shift d = dMin is certainly positive (then `statisticAt(dMin) ≤ 0` is
 * false), from a bound found by binary search instead of a merge pass: the k largest x_i with
 * x_i − dMin > max(y) each beat all m values of y, so U ≥ k·m; the correction is at most ½ and the
 * tie-corrected σ at most its tie-free value. Every step is monotone in floating point, so the computed
 * statistic is at least the computed bound.
 */
function surelyAboveAtMin(xs: ArrayLike<number>, ys: ArrayLike<number>, d: number, zq: number): boolean {
  const nx = xs.length;
  const ny = ys.length;
  const yMax = ys[ny - 1];
  let lo = 0;
  let hi = nx; // first i with xs[i] − d > yMax (monotone in i)
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (xs[mid] - d > yMax) hi = mid;
    else lo = mid + 1;
  }
  const dzLow = (nx - lo) * ny - (nx * ny) / 2;
  if (!(dzLow - 0.5 > 0)) return false;
  const sigmaMax = Math.sqrt(((nx * ny) / 12) * (nx + ny + 1));
  return (dzLow - 0.5) / sigmaMax - zq > 0;
}

/** Mirror of {@link surelyAboveAtMin}: whether the statistic at d = dMax is certainly negative. */
function surelyBelowAtMax(xs: ArrayLike<number>, ys: ArrayLike<number>, d: number, zq: number): boolean {
  const nx = xs.length;
  const ny = ys.length;
  const yMin = ys[0];
  let lo = 0;
  let hi = nx; // first i with xs[i] − d ≥ yMin: the rows before it lose to every y
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (xs[mid] - d < yMin) lo = mid + 1;
    else hi = mid;
  }
  const dzHigh = (nx * ny) / 2 - lo * ny;
  if (!(dzHigh + 0.5 < 0)) return false;
  const sigmaMax = Math.sqrt(((nx * ny) / 12) * (nx + ny + 1));
  return (dzHigh + 0.5) / sigmaMax - zq < 0;
}

/**
 * One end of R's asymptotic interval: the shift where (dz − c)/σ − zq changes sign, as the rank of an
 * order statistic of the pairwise differences (or dMin / dMax itself).
 */
function asymptoticEnd(
  xs: ArrayLike<number>,
  ys: ArrayLike<number>,
  zq: number,
  sigma0: number,
  alt: MannWhitneyAlternative,
  continuity: boolean,
  dMin: number,
  dMax: number,
): EndRank {
  if (dMin === dMax) return { value: dMin }; // every difference is the same
  // R's root(): f(mumin) <= 0 -> mumin; f(mumax) >= 0 -> mumax; otherwise uniroot on [mumin, mumax].
  // (The O(log n) bounds decide the usual case; the exact merge pass only runs when they cannot.)
  if (!surelyAboveAtMin(xs, ys, dMin, zq) && statisticAt(xs, ys, dMin, zq, alt, continuity) <= 0) return { value: dMin };
  if (!surelyBelowAtMax(xs, ys, dMax, zq) && statisticAt(xs, ys, dMax, zq, alt, continuity) >= 0) return { value: dMax };
  const nm = xs.length * ys.length;
  // Between consecutive differences, with G = #{x_i − y_j > d} (an integer), the statistic is
  // h(G) = (G − nm/2 − c(G − nm/2))/σ₀ − zq, non-decreasing in G, with σ₀ the within-sample tie
  // correction. Largest integer G with h(G) ≤ 0:
  const h = (G: number): number => (G - nm / 2 - correction(G - nm / 2, alt, continuity)) / sigma0 - zq;
  let G = Math.min(nm, Math.max(0, Math.floor(nm / 2 + zq * sigma0)));
  while (G < nm && h(G + 1) <= 0) G++;
  while (G >= 0 && h(G) > 0) G--;
  // The root is the smallest difference v with #{D ≤ v} ≥ nm − G, i.e. the order statistic D_(nm − G).
  const c = nm - G;
  if (c <= 1) return { value: dMin };
  if (c >= nm) return { value: dMax };
  return c;
}
