/**
 * Exact null distributions of the Mann–Whitney U statistic: without ties (the classic distribution
 * of Mann & Whitney 1947) and with ties (the permutation distribution of U given the observed tie
 * pattern, i.e. conditional on the pooled values).
 *
 * @module
 */

import { CanaryJudgeError } from '../errors.js';
import type { TieGroups } from './mergeRanks.js';

/** Rescale a DP array when its largest entry passes this (keeps every count finite). */
const RESCALE_ABOVE = 2 ** 600;
const RESCALE_FACTOR = 2 ** -600;

/**
 * Largest work (in inner-loop steps) and memory (in array cells) an explicit `method: 'exact'`
 * accepts before throwing `EXACT_TOO_LARGE` (about ten seconds and 400 MB on a laptop).
 */
export const EXACT_MAX_WORK = 4e9;
export const EXACT_MAX_CELLS = 5e7;

/**
 * Lower half of the null distribution of U without ties: `pmf[u] = P(U = u)` for
 * u = 0 … ⌊n·m/2⌋. The distribution is symmetric about n·m/2, so the upper half is the mirror image.
 */
export interface MannWhitneyNullHalf {
  nx: number;
  ny: number;
  /** P(U = u) for u = 0 … ⌊nx·ny/2⌋ (probabilities below about 1e-308 of the mode underflow to 0). */
  pmf: Float64Array;
  /** P(U ≤ u) for u = 0 … ⌊nx·ny/2⌋ (sums of positive terms: accurate relative to their value). */
  cdf: Float64Array;
}

/**
 * Work of {@link mannWhitneyNullHalf}: about min(n, m) · ⌊n·m/2⌋ · 2 inner steps.
 * @example
 * ```ts
 * exactNoTiesWork(10, 20); // 2000
 * ```
 */
export function exactNoTiesWork(nx: number, ny: number): number {
  return 2 * Math.min(nx, ny) * Math.floor((nx * ny) / 2);
}

/**
 * Up to this many factors (the smaller sample size) the recursion in plain doubles keeps a relative
 * error below ~1e-13 (measured against exact BigInt counts: 4e-14 at 150 × 150); beyond it the
 * rounding errors of the subtractions near the centre grow with every factor (6e-11 at 250 × 250), so
 * the recursion runs in double-double arithmetic.
 */
const PLAIN_DOUBLE_MAX_STAGES = 120;

/** Coefficients 0 … H of [n+m choose n]_q (scaled by a power of two), in doubles. */
function gaussianBinomialHalf(n: number, m: number, H: number): Float64Array {
  const c = new Float64Array(H + 1);
  c[0] = 1;
  for (let i = 1; i <= n; i++) {
    const top = Math.min(H, i * m); // degree of the stage-i polynomial, truncated
    // Divide by (1 − q^i): c[k] += c[k − i], ascending.
    for (let k = i; k <= top; k++) c[k] += c[k - i];
    // Multiply by (1 − q^{m+i}): c[k] −= c[k − m − i], descending.
    const s = m + i;
    for (let k = top; k >= s; k--) c[k] -= c[k - s];
    // The stage-i polynomial is symmetric and unimodal about i·m/2: its largest stored coefficient.
    if (c[Math.min(H, Math.floor((i * m) / 2))] > RESCALE_ABOVE) {
      for (let k = 0; k <= top; k++) c[k] *= RESCALE_FACTOR;
    }
  }
  return c;
}

/**
 * The same recursion in double-double arithmetic (each coefficient is hi + lo with |lo| ≤ ½ulp(hi);
 * Knuth's TwoSum for every addition), returning the rounded coefficients.
 */
function gaussianBinomialHalfDD(n: number, m: number, H: number): Float64Array {
  const hi = new Float64Array(H + 1);
  const lo = new Float64Array(H + 1);
  hi[0] = 1;
  for (let i = 1; i <= n; i++) {
    const top = Math.min(H, i * m);
    for (let k = i; k <= top; k++) {
      const a = hi[k];
      const b = hi[k - i];
      const s = a + b;
      const bb = s - a;
      const err = a - (s - bb) + (b - bb);
      const t = lo[k] + lo[k - i] + err;
      const h = s + t;
      hi[k] = h;
      lo[k] = t - (h - s);
    }
    const sh = m + i;
    for (let k = top; k >= sh; k--) {
      const a = hi[k];
      const b = -hi[k - sh];
      const s = a + b;
      const bb = s - a;
      const err = a - (s - bb) + (b - bb);
      const t = lo[k] - lo[k - sh] + err;
      const h = s + t;
      hi[k] = h;
      lo[k] = t - (h - s);
    }
    if (hi[Math.min(H, Math.floor((i * m) / 2))] > RESCALE_ABOVE) {
      for (let k = 0; k <= top; k++) {
        hi[k] *= RESCALE_FACTOR;
        lo[k] *= RESCALE_FACTOR;
      }
    }
  }
  return hi;
}

/**
 * The exact null distribution of the Mann–Whitney U statistic for sample sizes `nx`, `ny` without
 * ties (lower half; the distribution is symmetric about nx·ny/2).
 *
 * Algorithm: the counts of U are the coefficients of the Gaussian binomial coefficient
 * [n+m choose n]_q = Π_{i=1..n} (1 − q^{m+i}) / (1 − q^i) (the number of partitions of u into at most n
 * parts none larger than m; Mann & Whitney 1947, Harding 1984 "An efficient, minimal-storage procedure
 * for calculating the Mann–Whitney U, generalised U and similar distributions", Appl. Stat. 33). Each
 * factor is one in-place pass (divide by 1 − q^i: a running sum with stride i; multiply by 1 − q^{m+i}:
 * one subtraction), only up to degree ⌊nm/2⌋, with n the smaller sample: O(min(n,m)·n·m) time,
 * O(n·m) memory. The counts are rescaled by powers of two when they grow large, so nothing overflows.
 * The subtractions are the numerical risk: dividing by 1 − q^i resonates with rounding errors at the
 * i-th roots of unity, and the error grows with every factor (measured against exact BigInt counts:
 * 4e-14 relative at 150 × 150, 6e-11 at 250 × 250 in plain doubles). So up to 120 factors the
 * recursion runs in doubles, beyond that in double-double arithmetic (TwoSum on every addition),
 * which keeps the pmf and cdf within 3e-15 relative of the exact values up to at least 600 × 600
 * (checked against BigInt; at 316 × 316 it takes ~0.15 s). Probabilities below ~1e-280 may lose
 * relative accuracy (their intermediate counts pass through the subnormal range); they are never
 * reported as larger than that. Tail sums are sums of positive terms.
 *
 * @param nx - size of the first sample (≥ 1)
 * @param ny - size of the second sample (≥ 1)
 * @returns `{ nx, ny, pmf, cdf }` over u = 0 … ⌊nx·ny/2⌋
 *
 * @example
 * ```ts
 * import { mannWhitneyNullHalf } from 'canary-judge';
 * const d = mannWhitneyNullHalf(2, 2); // U ∈ {0,1,2,3,4} with counts 1,1,2,1,1 (of 6)
 * d.pmf; // Float64Array [1/6, 1/6, 2/6]
 * d.cdf; // Float64Array [1/6, 2/6, 4/6]
 * ```
 */
export function mannWhitneyNullHalf(nx: number, ny: number): MannWhitneyNullHalf {
  const n = Math.min(nx, ny);
  const m = Math.max(nx, ny);
  const H = Math.floor((n * m) / 2);
  const c = n <= PLAIN_DOUBLE_MAX_STAGES ? gaussianBinomialHalf(n, m, H) : gaussianBinomialHalfDD(n, m, H);
  // Total = 2·Σ_{u<nm/2} c[u] (+ c[nm/2] when nm is even).
  let half = 0;
  const lastFull = (n * m) % 2 === 0 ? H - 1 : H;
  for (let k = 0; k <= lastFull; k++) half += c[k];
  const total = 2 * half + ((n * m) % 2 === 0 ? c[H] : 0);
  const pmf = new Float64Array(H + 1);
  const cdf = new Float64Array(H + 1);
  let acc = 0;
  for (let k = 0; k <= H; k++) {
    const v = c[k] > 0 ? c[k] : 0;
    acc += v;
    pmf[k] = v / total;
    cdf[k] = acc / total;
  }
  return { nx, ny, pmf, cdf };
}

/**
 * P(U ≤ u) from the lower half of the null distribution (any integer u; the upper half by symmetry
 * as 1 − P(U ≤ nm − u − 1), where that probability is below one half so nothing cancels).
 * @example
 * ```ts
 * nullHalfCdf(mannWhitneyNullHalf(2, 2), 3); // 5/6
 * ```
 */
export function nullHalfCdf(d: MannWhitneyNullHalf, u: number): number {
  const nm = d.nx * d.ny;
  if (u < 0) return 0;
  if (u >= nm) return 1;
  const H = d.cdf.length - 1;
  if (u <= H) return d.cdf[u];
  return 1 - d.cdf[nm - u - 1];
}

/**
 * Exact one-sided p-values of U without ties: `less` = P(U ≤ u), `greater` = P(U ≥ u).
 * `u` is an integer (without ties U is always an integer).
 * @example
 * ```ts
 * exactNoTiesPValues(17, 5, 4); // { less: 0.9682539682539683, greater: 0.05555555555555555 }
 * ```
 */
export function exactNoTiesPValues(u: number, nx: number, ny: number, d?: MannWhitneyNullHalf): { less: number; greater: number } {
  const dist = d ?? mannWhitneyNullHalf(nx, ny);
  const nm = nx * ny;
  return { less: nullHalfCdf(dist, u), greater: nullHalfCdf(dist, nm - u) };
}

/**
 * Smallest integer q with P(U ≤ q) ≥ p (R's `qwilcox(p, nx, ny)`) for 0 < p ≤ ½.
 * @example
 * ```ts
 * nullHalfQuantile(mannWhitneyNullHalf(2, 2), 0.2); // 1
 * ```
 */
export function nullHalfQuantile(d: MannWhitneyNullHalf, p: number): number {
  const cdf = d.cdf;
  // Binary search in the ascending lower-half cdf; p ≤ ½ keeps the answer in the stored half
  // (or just above it, when the whole half has probability below p).
  let lo = 0;
  let hi = cdf.length - 1;
  if (cdf[hi] < p) {
    // Only possible when p is at the middle; walk on by symmetry.
    const nm = d.nx * d.ny;
    for (let q = hi + 1; q <= nm; q++) if (nullHalfCdf(d, q) >= p) return q;
    return nm;
  }
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cdf[mid] >= p) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * Work (inner steps) and cells of the exact conditional distribution with ties.
 * @example
 * ```ts
 * exactTiesCost(tieGroups(Float64Array.of(1, 2), Float64Array.of(2, 3)), 2, 2); // { work: 94.5, cells: 27 }
 * ```
 */
export function exactTiesCost(groups: TieGroups, nx: number, ny: number): { work: number; cells: number } {
  const k = Math.min(nx, ny);
  const S = 2 * nx * ny;
  let work = 0;
  for (let g = 0; g < groups.length; g++) {
    const t = groups.xCounts[g] + groups.yCounts[g];
    work += (Math.min(t, k) + 1) * (k + 1) * (S + 1) * 0.5;
  }
  return { work, cells: (k + 1) * (S + 1) };
}

/**
 * The exact permutation distribution of 2U (an integer: U is a multiple of ½ with ties) given the
 * pooled tie pattern: under H₀ every choice of which `nx` of the `nx + ny` pooled values form x is
 * equally likely. Returns weights `w[s]` proportional to P(2U = s), s = 0 … 2·nx·ny, and their total.
 *
 * Algorithm (a knapsack over the tie groups, in ascending order of value): the state is (K = x members
 * chosen so far, s = 2U so far). Putting k of the t_g members of group g into x, when Y_before y values
 * lie below the group, adds k·(2·Y_before + t_g − k) to 2U (each x member beats the Y_before y's below
 * and ties with the t_g − k y's of its own group) and has C(t_g, k) ways. The DP tracks the smaller
 * sample (U of the larger one is nm − U). Only additions of positive terms: no cancellation.
 * Without ties this reduces to the classic distribution (checked in the tests), and it is checked
 * against brute-force enumeration of all splits for n + m ≤ 14. Neither scipy nor R's `wilcox.test`
 * offers it (both fall back to the normal approximation when there are ties); it is the conditional
 * test of e.g. Hollander, Wolfe & Chicken, "Nonparametric Statistical Methods", §4.1 (ties).
 *
 * @param groups - pooled tie groups of the sorted samples (from {@link tieGroups})
 * @param nx - size of x
 * @param ny - size of y
 * @returns `{ weights, total }` with `weights[s] / total = P(2U_x = s)`
 *
 * @example
 * ```ts
 * import { tieGroups, mannWhitneyExactTiesDistribution } from 'canary-judge';
 * const g = tieGroups(Float64Array.of(1, 2), Float64Array.of(2, 3));
 * const { weights, total } = mannWhitneyExactTiesDistribution(g, 2, 2);
 * // 2U ∈ {0 … 8}: weights [0, 2, 0, 0, 2, 0, 0, 2, 0], total 6 (U = ½, 2 or 3½, each with probability ⅓)
 * ```
 */
export function mannWhitneyExactTiesDistribution(groups: TieGroups, nx: number, ny: number): { weights: Float64Array; total: number } {
  const swap = nx > ny;
  const k = swap ? ny : nx; // tracked sample size
  const counts = swap ? groups.yCounts : groups.xCounts;
  const other = swap ? groups.xCounts : groups.yCounts;
  const S = 2 * nx * ny; // largest 2U
  const width = S + 1;
  let cur = new Float64Array((k + 1) * width);
  let nxt = new Float64Array((k + 1) * width);
  cur[0] = 1;
  // binomial coefficients C(t, j) for the current group, as doubles
  let T = 0; // pooled values before the current group
  let maxK = 0; // largest K reachable so far
  for (let g = 0; g < groups.length; g++) {
    const t = counts[g] + other[g];
    const kMax = Math.min(k, maxK + t);
    const kMin = Math.max(0, k - (nx + ny - T - t)); // must still be able to reach k
    nxt.fill(0, 0, (kMax + 1) * width);
    const binom = new Float64Array(t + 1);
    binom[0] = 1;
    for (let j = 1; j <= t; j++) binom[j] = (binom[j - 1] * (t - j + 1)) / j;
    let big = 0;
    for (let K = Math.max(0, kMin - t); K <= maxK; K++) {
      const yBefore = T - K;
      // 2U so far for K tracked members: at most 2·K·yBefore
      const sMax = Math.min(S, 2 * K * Math.max(0, yBefore));
      const base = K * width;
      for (let j = 0; j <= t && K + j <= kMax; j++) {
        if (K + j < kMin) continue;
        const w = binom[j];
        const add = j * (2 * yBefore + t - j);
        const dst = (K + j) * width + add;
        for (let s = 0; s <= sMax; s++) {
          const v = cur[base + s];
          if (v !== 0) {
            const r = nxt[dst + s] + v * w;
            nxt[dst + s] = r;
            if (r > big) big = r;
          }
        }
      }
    }
    if (big > RESCALE_ABOVE) {
      for (let q = 0; q < (kMax + 1) * width; q++) nxt[q] *= RESCALE_FACTOR;
    }
    const tmp = cur;
    cur = nxt;
    nxt = tmp;
    T += t;
    maxK = kMax;
  }
  const row = cur.subarray(k * width, (k + 1) * width);
  const weights = new Float64Array(width);
  let total = 0;
  for (let s = 0; s <= S; s++) {
    // tracked sample is y when swapped: 2U_x = 2nm − 2U_y
    const v = row[s];
    weights[swap ? S - s : s] = v;
    total += v;
  }
  return { weights, total };
}

/**
 * Exact one-sided p-values of U given the tie pattern: `less` = P(U ≤ u), `greater` = P(U ≥ u),
 * from {@link mannWhitneyExactTiesDistribution} (tail sums of positive terms).
 * @example
 * ```ts
 * exactTiesPValues(0.5, tieGroups(Float64Array.of(1, 2), Float64Array.of(2, 3)), 2, 2); // { less: 1/3, greater: 1 }
 * ```
 */
export function exactTiesPValues(u: number, groups: TieGroups, nx: number, ny: number): { less: number; greater: number } {
  const { weights, total } = mannWhitneyExactTiesDistribution(groups, nx, ny);
  const s0 = Math.round(2 * u);
  let le = 0;
  let ge = 0;
  for (let s = 0; s < weights.length; s++) {
    if (s <= s0) le += weights[s];
    if (s >= s0) ge += weights[s];
  }
  return { less: Math.min(1, le / total), greater: Math.min(1, ge / total) };
}

/**
 * Throws `EXACT_TOO_LARGE` when an exact computation would exceed the work or memory budget.
 * @example
 * ```ts
 * assertExactFeasible(1e6, 1e4, 'null distribution of U'); // ok
 * assertExactFeasible(1e12, 1e4, 'null distribution of U'); // throws CanaryJudgeError EXACT_TOO_LARGE
 * ```
 */
export function assertExactFeasible(work: number, cells: number, what: string): void {
  if (work > EXACT_MAX_WORK || cells > EXACT_MAX_CELLS) {
    throw new CanaryJudgeError(
      'EXACT_TOO_LARGE',
      `The exact ${what} needs about ${work.toExponential(1)} steps and ${cells.toExponential(1)} cells ` +
        `(limits ${EXACT_MAX_WORK.toExponential(0)} and ${EXACT_MAX_CELLS.toExponential(0)}); use method 'asymptotic' or 'auto'.`,
      'method',
    );
  }
}
