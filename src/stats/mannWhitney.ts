/**
 * The Mann–Whitney U test (Wilcoxon rank-sum test) with exact, exact-with-ties and asymptotic
 * p-values.
 *
 * @module
 */

import { CanaryJudgeError } from '../errors.js';
import { normalSf } from './normal.js';
import { sortFloat64InPlace } from './sortFloat64.js';
import { mergeRanksKnown, tieGroups } from './mergeRanks.js';
import {
  assertExactFeasible,
  exactNoTiesPValues,
  exactNoTiesWork,
  exactTiesCost,
  exactTiesPValues,
} from './mannWhitneyExact.js';

/** Alternative hypothesis, as in scipy: `'greater'` means x is stochastically greater than y. */
export type MannWhitneyAlternative = 'two-sided' | 'less' | 'greater';

/** How the p-value is computed. */
export type MannWhitneyMethod = 'auto' | 'exact' | 'asymptotic';

/** Options of {@link mannWhitney}. */
export interface MannWhitneyOptions {
  /** Alternative hypothesis (default `'two-sided'`). `'greater'`: x tends to be larger than y. */
  alternative?: MannWhitneyAlternative;
  /**
   * `'exact'`: the exact null distribution of U (without ties: the classic one; with ties: the exact
   * permutation distribution given the tie pattern). `'asymptotic'`: the normal approximation with the
   * tie-corrected variance. `'auto'` (default): see {@link chooseMannWhitneyMethod}.
   */
  method?: MannWhitneyMethod;
  /** Continuity correction of ½ for the asymptotic method (default `true`; ignored by the exact method). */
  continuity?: boolean;
}

/** Result of {@link mannWhitney}: plain JSON, no NaN or Infinity. */
export interface MannWhitneyResult {
  /** U of x: #{x_i > y_j} + ½·#{x_i = y_j}. U of y is nx·ny − U. */
  statistic: number;
  /** p-value for the chosen alternative, in [0, 1]. */
  pValue: number;
  /** The method actually used. */
  method: 'exact' | 'asymptotic';
  /**
   * Standardised statistic (U − nx·ny/2 − c) / sdU of the asymptotic method, with R's continuity
   * correction c (½·sign(U − nx·ny/2) two-sided, ½ for `greater`, −½ for `less`, 0 without
   * correction); `null` for the exact method and when sdU = 0 (all values tied).
   */
  z: number | null;
  nx: number;
  ny: number;
  alternative: MannWhitneyAlternative;
  /** Whether the pooled data contain ties. */
  ties: boolean;
  /** 1 − Σ(t³ − t)/(N³ − N), the factor applied to the variance (1 without ties; 0 when all tied). */
  tieCorrection: number;
  /** Mean of U under H₀: nx·ny/2. */
  meanU: number;
  /** Standard deviation of U under H₀ with the tie correction: √(nx·ny/12·((N+1) − Σ(t³−t)/(N(N−1)))). */
  sdU: number;
  /** Whether the continuity correction was applied (asymptotic method only). */
  continuity: boolean;
}

const ALTERNATIVES: ReadonlyArray<MannWhitneyAlternative> = ['two-sided', 'less', 'greater'];
const METHODS: ReadonlyArray<MannWhitneyMethod> = ['auto', 'exact', 'asymptotic'];

/** Sizes up to which `auto` picks the exact method (see {@link chooseMannWhitneyMethod}). */
export const MANN_WHITNEY_AUTO = {
  /** No ties: exact when the smaller sample has at most this many values (scipy's rule)… */
  exactMinSize: 8,
  /** … or when nx·ny is at most this. */
  exactMaxProduct: 10_000,
  /** … and the exact computation takes at most this many steps. */
  exactMaxWork: 1e8,
  /** Ties: the exact conditional distribution when nx·ny is at most this and the work is small. */
  tiesExactMaxProduct: 2_500,
  tiesExactMaxWork: 2e7,
} as const;

/** Validated options with defaults filled in. */
export interface ResolvedMannWhitneyOptions {
  alternative: MannWhitneyAlternative;
  method: MannWhitneyMethod;
  continuity: boolean;
}

/**
 * Checks and fills in the options of the Mann–Whitney family (`INVALID_OPTION` with the option's path).
 * @example
 * ```ts
 * resolveMannWhitneyOptions({ alternative: 'less' }); // { alternative: 'less', method: 'auto', continuity: true }
 * ```
 */
export function resolveMannWhitneyOptions(options: MannWhitneyOptions | undefined): ResolvedMannWhitneyOptions {
  const o = options ?? {};
  if (typeof o !== 'object') throw new CanaryJudgeError('INVALID_OPTION', 'options must be an object', 'options');
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
  return { alternative, method, continuity };
}

/**
 * Copies a sample into a fresh `Float64Array`, rejecting empty samples and NaN
 * (`EMPTY_SAMPLE` / `NAN_IN_SAMPLE`, with `path` the argument name).
 * @example
 * ```ts
 * copySample([3, 1], 'x'); // Float64Array [3, 1]
 * copySample([], 'y');     // throws CanaryJudgeError EMPTY_SAMPLE (path 'y')
 * ```
 */
export function copySample(values: ArrayLike<number>, path: string): Float64Array {
  if (values == null || typeof (values as ArrayLike<number>).length !== 'number') {
    throw new CanaryJudgeError('INVALID_SAMPLE', `${path} must be an array of numbers`, path);
  }
  if (values.length === 0) throw new CanaryJudgeError('EMPTY_SAMPLE', `${path} is empty`, path);
  const a = Float64Array.from(values);
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== a[i]) throw new CanaryJudgeError('NAN_IN_SAMPLE', `${path}[${i}] is NaN (or not a number)`, path);
  }
  return a;
}

/**
 * Checks a caller-sorted sample: non-empty, NaN-free, ascending (`NOT_SORTED` otherwise).
 * @example
 * ```ts
 * checkSortedSample([1, 2, 2], 'x'); // ok
 * checkSortedSample([2, 1], 'x');    // throws CanaryJudgeError NOT_SORTED (path 'x')
 * ```
 */
export function checkSortedSample(values: ArrayLike<number>, path: string): void {
  if (values == null || typeof (values as ArrayLike<number>).length !== 'number') {
    throw new CanaryJudgeError('INVALID_SAMPLE', `${path} must be an array of numbers`, path);
  }
  const n = values.length;
  if (n === 0) throw new CanaryJudgeError('EMPTY_SAMPLE', `${path} is empty`, path);
  if (values instanceof Float64Array && (sortedSampleFlags(values) & SAMPLE_UNSORTED_OR_NAN) === 0) return; // without per-value type checks
  let prev = values[0];
  if (typeof prev !== 'number' || prev !== prev) throw new CanaryJudgeError('NAN_IN_SAMPLE', `${path}[0] is NaN (or not a number)`, path);
  for (let i = 1; i < n; i++) {
    const v = values[i];
    if (typeof v !== 'number' || v !== v) throw new CanaryJudgeError('NAN_IN_SAMPLE', `${path}[${i}] is NaN (or not a number)`, path);
    if (v < prev) throw new CanaryJudgeError('NOT_SORTED', `${path} must be sorted ascending (${path}[${i}] < ${path}[${i - 1}])`, path);
    prev = v;
  }
}

/** {@link sortedSampleFlags}: a value is below its predecessor, or NaN. */
export const SAMPLE_UNSORTED_OR_NAN = 1;
/** {@link sortedSampleFlags}: two neighbours are equal. */
export const SAMPLE_TIED_NEIGHBOURS = 2;

/**
 * One branch-free pass over a typed sample: `SAMPLE_UNSORTED_OR_NAN` if it is not ascending or holds NaN,
 * plus `SAMPLE_TIED_NEIGHBOURS` if two neighbours are equal. Internal (not re-exported by the package).
 *
 * @param a - a non-empty sample
 * @returns the flags (0: ascending, NaN-free, no equal neighbours)
 *
 * @example
 * ```ts
 * sortedSampleFlags(Float64Array.of(1, 2, 2)); // SAMPLE_TIED_NEIGHBOURS
 * sortedSampleFlags(Float64Array.of(2, 1));    // SAMPLE_UNSORTED_OR_NAN
 * ```
 */
export function sortedSampleFlags(a: Float64Array): number {
  let bad = ((a[0] !== a[0]) as unknown as number) | 0;
  let tied = 0;
  for (let i = 1; i < a.length; i++) {
    const v = a[i];
    const u = a[i - 1];
    bad |= ((v < u) as unknown as number) | ((v !== v) as unknown as number);
    tied |= ((v === u) as unknown as number) | 0;
  }
  return (bad !== 0 ? SAMPLE_UNSORTED_OR_NAN : 0) | (tied !== 0 ? SAMPLE_TIED_NEIGHBOURS : 0);
}

/**
 * Validates a caller-sorted sample like {@link checkSortedSample} and returns whether it has equal
 * neighbours, when a typed array makes that one pass (otherwise `undefined`: not known).
 */
function checkSortedWithTies(values: ArrayLike<number>, path: string): boolean | undefined {
  if (values instanceof Float64Array && values.length > 0) {
    const flags = sortedSampleFlags(values);
    if ((flags & SAMPLE_UNSORTED_OR_NAN) === 0) return (flags & SAMPLE_TIED_NEIGHBOURS) !== 0;
  }
  checkSortedSample(values, path);
  return undefined;
}

/**
 * The rule of `method: 'auto'` in {@link mannWhitney}:
 * - **no ties**: exact when min(nx, ny) ≤ 8 (scipy 1.17's rule) or nx·ny ≤ 10 000, provided the exact
 *   computation costs at most 10⁸ steps (about 0.2 s; true for min(nx, ny) ≤ 8 up to
 *   max(nx, ny) ≈ 3·10⁶); asymptotic otherwise;
 * - **ties**: the exact conditional (permutation) distribution given the tie pattern when
 *   nx·ny ≤ 2 500 and it costs at most 2·10⁷ steps; asymptotic (tie-corrected) otherwise.
 *
 * scipy 1.17 (`_mwu_choose_method`) uses exact only when one sample has at most 8 values *and* there
 * are no ties; with ties it always uses the normal approximation, and its `exact` ignores ties. This
 * rule differs by also using the exact distribution for moderate samples (n·m ≤ 10⁴: exact p-values
 * cost under a millisecond there, and the normal approximation is off by up to ~10% relative in the
 * tails) and by using the exact conditional distribution for small samples with ties.
 *
 * @param nx - size of x
 * @param ny - size of y
 * @param ties - whether the pooled data contain ties
 * @param tiesWork - estimated work of the exact-with-ties DP (only read when `ties`)
 * @returns `'exact'` or `'asymptotic'`
 *
 * @example
 * ```ts
 * import { chooseMannWhitneyMethod } from 'canary-judge';
 * chooseMannWhitneyMethod(5, 1000, false); // 'exact'
 * chooseMannWhitneyMethod(500, 500, false); // 'asymptotic'
 * ```
 */
export function chooseMannWhitneyMethod(nx: number, ny: number, ties: boolean, tiesWork = 0): 'exact' | 'asymptotic' {
  if (!ties) {
    const small = Math.min(nx, ny) <= MANN_WHITNEY_AUTO.exactMinSize || nx * ny <= MANN_WHITNEY_AUTO.exactMaxProduct;
    return small && exactNoTiesWork(nx, ny) <= MANN_WHITNEY_AUTO.exactMaxWork ? 'exact' : 'asymptotic';
  }
  return nx * ny <= MANN_WHITNEY_AUTO.tiesExactMaxProduct && tiesWork <= MANN_WHITNEY_AUTO.tiesExactMaxWork ? 'exact' : 'asymptotic';
}

/**
 * The Mann–Whitney U test of two independent samples (Wilcoxon rank-sum test).
 *
 * H₀: x and y come from the same continuous distribution. `statistic` is U of x (scipy's convention),
 * `alternative: 'greater'` means x is stochastically greater than y (large U).
 *
 * - Ranking: each sample is copied and sorted once ({@link sortFloat64}), then U and the pooled tie
 *   groups are counted in one merge pass — no pooled array, no rank array, no objects.
 * - `exact` without ties: the exact null distribution of U by Harding's Gaussian-binomial recursion
 *   ({@link mannWhitneyNullHalf}), tails as sums of positive terms, symmetric around nx·ny/2.
 * - `exact` with ties: the exact permutation distribution of U given the observed tie pattern
 *   ({@link mannWhitneyExactTiesDistribution}) — neither scipy nor base R does this.
 * - `asymptotic`: z = (U − nx·ny/2 − c)/σ with σ² = nx·ny/12·((N+1) − Σ(t³−t)/(N(N−1))) and R's
 *   continuity correction c; p from the normal survival function (never 1 − cdf), so p-values like
 *   1e-200 are reported as such. Matches scipy.stats.mannwhitneyu and R's `wilcox.test(exact = FALSE)`.
 * - two-sided p = min(1, 2 × the smaller one-sided p), for every method.
 *
 * Errors (`CanaryJudgeError`): `EMPTY_SAMPLE`, `NAN_IN_SAMPLE` (path `'x'` or `'y'`), `INVALID_OPTION`,
 * `EXACT_TOO_LARGE` (explicit exact beyond ~4·10⁹ steps). ±Infinity are ordinary ordered values.
 * All values identical gives p = 1 (and `z: null`).
 *
 * @param x - first sample (not modified)
 * @param y - second sample (not modified)
 * @param options - `{ alternative = 'two-sided', method = 'auto', continuity = true }`
 * @returns see {@link MannWhitneyResult}
 *
 * @example
 * ```ts
 * import { mannWhitney } from 'canary-judge';
 * // scipy docs example: males vs females diagnosis age
 * const r = mannWhitney([19, 22, 16, 29, 24], [20, 11, 17, 12], { method: 'exact' });
 * r.statistic; // 17
 * r.pValue;    // 0.1111111111111111 (scipy: 0.1111111111111111)
 * ```
 */
export function mannWhitney(x: ArrayLike<number>, y: ArrayLike<number>, options?: MannWhitneyOptions): MannWhitneyResult {
  const opts = resolveMannWhitneyOptions(options);
  const xs = sortFloat64InPlace(copySample(x, 'x'));
  const ys = sortFloat64InPlace(copySample(y, 'y'));
  return mannWhitneyCore(xs, ys, opts);
}

/**
 * {@link mannWhitney} for samples that are already sorted ascending (e.g. by {@link sortFloat64}):
 * skips the copy and the sort. The inputs are checked (O(n): non-empty, no NaN, ascending —
 * `NOT_SORTED` otherwise) and never modified.
 *
 * @param xSorted - first sample, ascending
 * @param ySorted - second sample, ascending
 * @param options - as for {@link mannWhitney}
 * @returns see {@link MannWhitneyResult}
 *
 * @example
 * ```ts
 * import { mannWhitneySorted } from 'canary-judge';
 * mannWhitneySorted([11, 12, 17, 20], [16, 19, 22, 24, 29], { alternative: 'less', method: 'exact' }).pValue;
 * // 0.05555555555555555 (scipy: 0.05555555555555555)
 * ```
 */
export function mannWhitneySorted(xSorted: ArrayLike<number>, ySorted: ArrayLike<number>, options?: MannWhitneyOptions): MannWhitneyResult {
  const opts = resolveMannWhitneyOptions(options);
  const tx = checkSortedWithTies(xSorted, 'x');
  const ty = checkSortedWithTies(ySorted, 'y');
  return mannWhitneyCore(xSorted, ySorted, opts, tx === undefined || ty === undefined ? undefined : tx || ty);
}

function mannWhitneyCore(xs: ArrayLike<number>, ys: ArrayLike<number>, opts: ResolvedMannWhitneyOptions, withinTies?: boolean): MannWhitneyResult {
  const nx = xs.length;
  const ny = ys.length;
  const nm = nx * ny;
  const N = nx + ny;
  const { u, tieSum, ties } = mergeRanksKnown(xs, ys, withinTies);
  const meanU = nm / 2;
  const tieTerm = tieSum / (N * (N - 1));
  const variance = (nm / 12) * (N + 1 - tieTerm);
  const sdU = variance > 0 ? Math.sqrt(variance) : 0;
  const tieCorrection = Math.max(0, 1 - tieSum / (N * N * N - N));

  let method: 'exact' | 'asymptotic';
  let groups: ReturnType<typeof tieGroups> | null = null;
  if (opts.method === 'asymptotic') method = 'asymptotic';
  else if (!ties) method = opts.method === 'exact' ? 'exact' : chooseMannWhitneyMethod(nx, ny, false);
  else {
    // A tie-pattern DP is only considered when the sizes allow it (the groups cost O(n + m) to collect).
    if (opts.method === 'exact' || nx * ny <= MANN_WHITNEY_AUTO.tiesExactMaxProduct) groups = tieGroups(xs, ys);
    if (opts.method === 'exact') method = 'exact';
    else method = groups ? chooseMannWhitneyMethod(nx, ny, true, exactTiesCost(groups, nx, ny).work) : 'asymptotic';
  }

  let pLess: number;
  let pGreater: number;
  let z: number | null = null;
  if (method === 'exact') {
    if (sdU === 0) {
      pLess = 1;
      pGreater = 1;
    } else if (!ties) {
      const work = exactNoTiesWork(nx, ny);
      assertExactFeasible(work, Math.floor(nm / 2) + 1, 'null distribution of U');
      ({ less: pLess, greater: pGreater } = exactNoTiesPValues(u, nx, ny));
    } else {
      const g = groups ?? tieGroups(xs, ys);
      const cost = exactTiesCost(g, nx, ny);
      assertExactFeasible(cost.work, cost.cells, 'permutation distribution of U with ties');
      ({ less: pLess, greater: pGreater } = exactTiesPValues(u, g, nx, ny));
    }
  } else if (sdU === 0) {
    pLess = 1;
    pGreater = 1;
  } else {
    const d = u - meanU;
    const cc = opts.continuity ? 0.5 : 0;
    // One-sided p-values, each with its own correction toward the mean (R, scipy).
    pGreater = normalSf((d - cc) / sdU);
    pLess = normalSf((-d - cc) / sdU);
    const c = !opts.continuity ? 0 : opts.alternative === 'greater' ? 0.5 : opts.alternative === 'less' ? -0.5 : 0.5 * Math.sign(d);
    z = (d - c) / sdU;
  }

  let pValue: number;
  if (opts.alternative === 'greater') pValue = pGreater;
  else if (opts.alternative === 'less') pValue = pLess;
  else pValue = Math.min(1, 2 * Math.min(pLess, pGreater));
  pValue = Math.min(1, Math.max(0, pValue));

  return {
    statistic: u,
    pValue,
    method,
    z,
    nx,
    ny,
    alternative: opts.alternative,
    ties,
    tieCorrection,
    meanU,
    sdU,
    continuity: method === 'asymptotic' ? opts.continuity : false,
  };
}
