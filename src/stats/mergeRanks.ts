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
  const n = xs.length;
  const m = ys.length;
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
