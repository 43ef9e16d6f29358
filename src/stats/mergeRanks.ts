/**
 * One merge pass over two sorted samples: the Mann–Whitney U of the first sample and the tie groups
 * of the pooled data, without building the pooled array or any rank array.
 *
 * @module
 */

/** What one merge pass of two sorted samples yields. */
export interface MergeRanksResult {
  /** U of x: #{(i, j): x_i > y_j} + ½·#{(i, j): x_i = y_j}. */
  u: number;
  /** Σ (t³ − t) over the tie groups of the pooled data (t = size of a group of equal values). */
  tieSum: number;
  /** Whether any two pooled values are equal (within or across samples). */
  ties: boolean;
}

/** Samples shorter than this go straight to the general merge. */
const FAST_MIN_LENGTH = 64;

/** Whether two neighbours of an ascending sample are equal (a branch-free pass). */
function hasTiedNeighbours(a: Float64Array): boolean {
  let tied = 0;
  for (let i = 1; i < a.length; i++) tied |= ((a[i] === a[i - 1]) as unknown as number) | 0;
  return tied !== 0;
}

/**
 * Σ_i #{y_j < x_i} for ascending typed samples without equal neighbours when no value of x equals one
 * of y (then that sum is U), or −1 when one does (the general merge handles ties).
 *
 * The merge of x and y is split into four chunks of x, each starting at its own position in y (binary
 * search), advanced in lockstep without branches: the plain merge mispredicts a branch at almost every
 * step because x and y interleave at random, and is about 3× slower on such data. Rows above max(y)
 * count m each and are left out of the chunks, so no chunk's pointer runs past the end of y.
 */
function countBelowWithoutTies(xs: Float64Array, ys: Float64Array): number {
  const m = ys.length;
  const yMax = ys[m - 1];
  // rows r … n − 1 lie above every y
  let r = xs.length;
  {
    let lo = 0;
    while (lo < r) {
      const mid = (lo + r) >>> 1;
      if (xs[mid] > yMax) r = mid;
      else lo = mid + 1;
    }
  }
  let total = (xs.length - r) * m;
  const q = r >> 2;
  let start = 0;
  if (q >= 16) {
    const first = (x: number): number => {
      let lo = 0;
      let hi = m;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (ys[mid] < x) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    };
    const e0 = q;
    const e1 = 2 * q;
    const e2 = 3 * q;
    const e3 = r;
    let i0 = 0;
    let i1 = e0;
    let i2 = e1;
    let i3 = e2;
    let j0 = 0;
    let j1 = first(xs[i1]);
    let j2 = first(xs[i2]);
    let j3 = first(xs[i3]);
    let c0 = 0;
    let c1 = 0;
    let c2 = 0;
    let c3 = 0;
    let equal = 0;
    // t = 1: y_j < x_i, move j; t = 0: row i ends with j values below it (and y_j ≥ x_i: equal is a tie)
    while (i0 < e0 && i1 < e1 && i2 < e2 && i3 < e3) {
      const x0 = xs[i0];
      const x1 = xs[i1];
      const x2 = xs[i2];
      const x3 = xs[i3];
      const y0 = ys[j0];
      const y1 = ys[j1];
      const y2 = ys[j2];
      const y3 = ys[j3];
      const t0 = ((y0 < x0) as unknown as number) | 0;
      const t1 = ((y1 < x1) as unknown as number) | 0;
      const t2 = ((y2 < x2) as unknown as number) | 0;
      const t3 = ((y3 < x3) as unknown as number) | 0;
      equal |= ((y0 === x0) as unknown as number) | ((y1 === x1) as unknown as number) | ((y2 === x2) as unknown as number) | ((y3 === x3) as unknown as number);
      c0 += (1 - t0) * j0;
      c1 += (1 - t1) * j1;
      c2 += (1 - t2) * j2;
      c3 += (1 - t3) * j3;
      j0 += t0;
      j1 += t1;
      j2 += t2;
      j3 += t3;
      i0 += 1 - t0;
      i1 += 1 - t1;
      i2 += 1 - t2;
      i3 += 1 - t3;
    }
    if (equal !== 0) return -1;
    // the other chunks finish one by one
    const finish = (i: number, e: number, j: number): number => {
      let c = 0;
      for (; i < e; i++) {
        const x = xs[i];
        while (ys[j] < x) j++;
        if (ys[j] === x) return -1;
        c += j;
      }
      return c;
    };
    const f0 = finish(i0, e0, j0);
    const f1 = finish(i1, e1, j1);
    const f2 = finish(i2, e2, j2);
    const f3 = finish(i3, e3, j3);
    if (f0 < 0 || f1 < 0 || f2 < 0 || f3 < 0) return -1;
    total += c0 + c1 + c2 + c3 + f0 + f1 + f2 + f3;
    start = r;
  }
  // short inputs: the plain merge
  let j = 0;
  for (let i = start; i < r; i++) {
    const x = xs[i];
    while (ys[j] < x) j++;
    if (ys[j] === x) return -1;
    total += j;
  }
  return total;
}

/**
 * Counts the Mann–Whitney U statistic of `xs` and the tie groups of the pooled data in one merge pass
 * over two ascending samples (O(n + m), no allocation). Values are compared with `<` and `===`, so
 * `-0` and `+0` form one tie group and `±Infinity` are ordinary values; the inputs must be free of NaN
 * and sorted ascending (e.g. by {@link sortFloat64}).
 *
 * U = Σ over x_i of (#y below x_i + ½·#y equal to x_i), which equals R₁ − n(n+1)/2 for the midrank sum
 * R₁ of x (Mann & Whitney 1947; scipy.stats.mannwhitneyu computes the same from `rankdata`).
 *
 * @param xs - first sample, ascending
 * @param ys - second sample, ascending
 * @returns `{ u, tieSum, ties }`
 *
 * @example
 * ```ts
 * import { mergeRanks } from 'canary-judge';
 * mergeRanks(Float64Array.of(1, 2, 2), Float64Array.of(2, 3));
 * // { u: 1, tieSum: 24, ties: true }   (the value 2 appears 3 times: 3³ − 3 = 24)
 * ```
 */
export function mergeRanks(xs: ArrayLike<number>, ys: ArrayLike<number>): MergeRanksResult {
  return mergeRanksKnown(xs, ys, undefined);
}

/**
 * {@link mergeRanks} for callers that already know whether either sample has equal neighbours
 * (`withinTies`; `undefined`: not known, checked here). Internal: not re-exported by the package.
 *
 * @param xs - first sample, ascending
 * @param ys - second sample, ascending
 * @param withinTies - whether either sample has two equal neighbours, if known
 * @returns `{ u, tieSum, ties }`, as {@link mergeRanks}
 *
 * @example
 * ```ts
 * mergeRanksKnown(Float64Array.of(1, 4), Float64Array.of(2, 3), false); // { u: 2, tieSum: 0, ties: false }
 * ```
 */
export function mergeRanksKnown(xs: ArrayLike<number>, ys: ArrayLike<number>, withinTies: boolean | undefined): MergeRanksResult {
  const n = xs.length;
  const m = ys.length;
  if (withinTies !== true && n >= FAST_MIN_LENGTH && m >= 1 && xs instanceof Float64Array && ys instanceof Float64Array) {
    const u = withinTies === false || !(hasTiedNeighbours(xs) || hasTiedNeighbours(ys)) ? countBelowWithoutTies(xs, ys) : -1;
    if (u >= 0) return { u, tieSum: 0, ties: false };
  }
  let i = 0;
  let j = 0;
  let below = 0; // Σ over x of #y strictly below (integer, exact up to 2^53)
  let halfTies = 0; // Σ over groups of cx·cy
  let tieSum = 0;
  let ties = false;
  while (i < n && j < m) {
    const a = xs[i];
    const b = ys[j];
    if (a < b) {
      // Fast path: a is alone unless the next x equals it.
      if (i + 1 < n && xs[i + 1] === a) {
        let cx = 2;
        i += 2;
        while (i < n && xs[i] === a) {
          cx++;
          i++;
        }
        below += cx * j;
        tieSum += cx * cx * cx - cx;
        ties = true;
      } else {
        below += j;
        i++;
      }
    } else if (b < a) {
      if (j + 1 < m && ys[j + 1] === b) {
        let cy = 2;
        j += 2;
        while (j < m && ys[j] === b) {
          cy++;
          j++;
        }
        tieSum += cy * cy * cy - cy;
        ties = true;
      } else {
        j++;
      }
    } else {
      // a === b: one group holding both samples.
      const jStart = j;
      let cx = 1;
      i++;
      while (i < n && xs[i] === a) {
        cx++;
        i++;
      }
      let cy = 1;
      j++;
      while (j < m && ys[j] === a) {
        cy++;
        j++;
      }
      below += cx * jStart;
      halfTies += cx * cy;
      const t = cx + cy;
      tieSum += t * t * t - t;
      ties = true;
    }
  }
  // Remaining x values are above every y; remaining y values have no x partner.
  while (i < n) {
    const a = xs[i];
    let cx = 1;
    i++;
    while (i < n && xs[i] === a) {
      cx++;
      i++;
    }
    below += cx * m;
    if (cx > 1) {
      tieSum += cx * cx * cx - cx;
      ties = true;
    }
  }
  while (j < m) {
    const b = ys[j];
    let cy = 1;
    j++;
    while (j < m && ys[j] === b) {
      cy++;
      j++;
    }
    if (cy > 1) {
      tieSum += cy * cy * cy - cy;
      ties = true;
    }
  }
  return { u: below + halfTies / 2, tieSum, ties };
}

/** The pooled tie groups of two sorted samples, in ascending order of value. */
export interface TieGroups {
  /** Number of groups (distinct pooled values). */
  length: number;
  /** x members of each group. */
  xCounts: Int32Array;
  /** y members of each group. */
  yCounts: Int32Array;
}

/**
 * The tie groups of the pooled data of two ascending samples: for each distinct value (in ascending
 * order) how many members come from x and how many from y. Used by the exact conditional
 * distribution of U with ties. O(n + m).
 *
 * @param xs - first sample, ascending, no NaN
 * @param ys - second sample, ascending, no NaN
 * @returns `{ length, xCounts, yCounts }`
 *
 * @example
 * ```ts
 * import { tieGroups } from 'canary-judge';
 * const g = tieGroups(Float64Array.of(1, 2, 2), Float64Array.of(2, 3));
 * // g.length === 3, xCounts [1, 2, 0], yCounts [0, 1, 1]
 * ```
 */
export function tieGroups(xs: ArrayLike<number>, ys: ArrayLike<number>): TieGroups {
  const n = xs.length;
  const m = ys.length;
  const xCounts = new Int32Array(n + m);
  const yCounts = new Int32Array(n + m);
  let g = 0;
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    let v: number;
    if (j >= m || (i < n && xs[i] <= ys[j])) v = xs[i];
    else v = ys[j];
    let cx = 0;
    while (i < n && xs[i] === v) {
      cx++;
      i++;
    }
    let cy = 0;
    while (j < m && ys[j] === v) {
      cy++;
      j++;
    }
    xCounts[g] = cx;
    yCounts[g] = cy;
    g++;
  }
  return { length: g, xCounts: xCounts.slice(0, g), yCounts: yCounts.slice(0, g) };
}
