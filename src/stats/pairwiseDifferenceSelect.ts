/**
 * Order statistics of the n·m pairwise differences x_i − y_j of two sorted samples, without
 * materialising them: counting in the implicit sorted matrix and selection.
 *
 * @module
 */

/**
 * Number of pairwise differences `x_i − y_j ≤ d` (or `< d` when `strict`), for ascending `xs`, `ys`.
 *
 * The matrix D_ij = x_i − y_j is non-decreasing along i and non-increasing along j (floating-point
 * subtraction is monotone in each argument, so this holds for the computed differences too), so the
 * entries ≤ d of row i are a suffix j ≥ J_i with J_i non-decreasing in i: one two-pointer pass,
 * O(n + m).
 *
 * @param xs - first sample, ascending, finite
 * @param ys - second sample, ascending, finite
 * @param d - threshold
 * @param strict - count `< d` instead of `≤ d`
 * @returns the count (exact: below 2^53)
 *
 * @example
 * ```ts
 * import { countPairwiseDifferences } from 'canary-judge';
 * // differences of [1, 3] − [0, 2]: 1, −1, 3, 1
 * countPairwiseDifferences(Float64Array.of(1, 3), Float64Array.of(0, 2), 1);       // 3
 * countPairwiseDifferences(Float64Array.of(1, 3), Float64Array.of(0, 2), 1, true); // 1
 * ```
 */
export function countPairwiseDifferences(xs: ArrayLike<number>, ys: ArrayLike<number>, d: number, strict = false): number {
  const n = xs.length;
  const m = ys.length;
  let j = 0;
  let count = 0;
  if (strict) {
    for (let i = 0; i < n; i++) {
      const x = xs[i];
      while (j < m && x - ys[j] >= d) j++;
      count += m - j;
    }
  } else {
    for (let i = 0; i < n; i++) {
      const x = xs[i];
      while (j < m && x - ys[j] > d) j++;
      count += m - j;
    }
  }
  return count;
}

/** #{D ≤ p1} and #{D ≤ p2} (p1 ≤ p2) in one merge pass. */
function countAtTwo(xs: ArrayLike<number>, ys: ArrayLike<number>, p1: number, p2: number, out: Float64Array): void {
  const n = xs.length;
  const m = ys.length;
  let j1 = 0; // first j with x − y_j ≤ p1
  let j2 = 0; // first j with x − y_j ≤ p2 (j2 ≤ j1)
  let le1 = 0;
  let le2 = 0;
  for (let i = 0; i < n; i++) {
    const x = xs[i];
    while (j2 < m && x - ys[j2] > p2) j2++;
    if (j1 < j2) j1 = j2;
    while (j1 < m && x - ys[j1] > p1) j1++;
    le1 += m - j1;
    le2 += m - j2;
  }
  out[0] = le1;
  out[1] = le2;
}

/** The smallest and the largest difference in (lo, hi] (±Infinity when there is none). */
function rangeIn(xs: ArrayLike<number>, ys: ArrayLike<number>, lo: number, hi: number, out: Float64Array): void {
  const n = xs.length;
  const m = ys.length;
  let jHi = 0; // first j with x − y_j ≤ hi
  let jLo = 0; // first j with x − y_j ≤ lo
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const x = xs[i];
    while (jHi < m && x - ys[jHi] > hi) jHi++;
    if (jLo < jHi) jLo = jHi;
    while (jLo < m && x - ys[jLo] > lo) jLo++;
    if (jLo > jHi) {
      // row entries in (lo, hi] are j = jHi … jLo − 1, decreasing
      const a = x - ys[jHi];
      const b = x - ys[jLo - 1];
      if (a > max) max = a;
      if (b < min) min = b;
    }
  }
  out[0] = min;
  out[1] = max;
}

/** Writes every difference D with lo < D ≤ hi into `out` (row by row); returns how many. */
function collectBetween(xs: ArrayLike<number>, ys: ArrayLike<number>, lo: number, hi: number, out: Float64Array): number {
  const n = xs.length;
  const m = ys.length;
  let jHi = 0; // first j with x − y_j ≤ hi
  let jLo = 0; // first j with x − y_j ≤ lo
  let w = 0;
  for (let i = 0; i < n; i++) {
    const x = xs[i];
    while (jHi < m && x - ys[jHi] > hi) jHi++;
    if (jLo < jHi) jLo = jHi;
    while (jLo < m && x - ys[jLo] > lo) jLo++;
    for (let j = jHi; j < jLo; j++) out[w++] = x - ys[j];
  }
  return w;
}

/** k-th smallest (0-based) of a[0..len), rearranging a (Hoare partition with median-of-three pivots). */
function quickselect(a: Float64Array, len: number, k: number): number {
  let left = 0;
  let right = len - 1;
  let rounds = 0;
  while (right > left) {
    if (++rounds > 64) {
      // Pathological pivots: finish with a sort of the remaining range.
      const sub = a.subarray(left, right + 1).sort();
      return sub[k - left];
    }
    const mid = (left + right) >>> 1;
    // median of three
    let p0 = a[left];
    let p1 = a[mid];
    let p2 = a[right];
    if (p0 > p1) [p0, p1] = [p1, p0];
    if (p1 > p2) [p1, p2] = [p2, p1];
    if (p0 > p1) [p0, p1] = [p1, p0];
    const pivot = p1;
    let i = left;
    let j = right;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        const t = a[i];
        a[i] = a[j];
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else return a[k];
  }
  return a[k];
}

/** A selector of order statistics of the pairwise differences of two sorted samples. */
export interface PairwiseDifferenceSelector {
  /** The k-th smallest difference, 1 ≤ k ≤ n·m. */
  select(k: number): number;
  /** D_(k) and D_(k+1). */
  selectPair(k: number): [number, number];
  /** O(n + m) merge passes the last `select` took (for tests and benchmarks). */
  readonly lastPasses: number;
}

const F64 = new Float64Array(1);
const I64 = new BigInt64Array(F64.buffer);

/** Order-preserving integer key of a finite double (−0 and +0 both map to 0). */
function toKey(v: number): bigint {
  F64[0] = Math.abs(v);
  return v < 0 ? -I64[0] : I64[0];
}

function fromKey(k: bigint): number {
  I64[0] = k < 0n ? -k : k;
  return k < 0n ? -F64[0] : F64[0];
}

/**
 * Bisection point of [a, b] in the ordering of doubles (the midpoint of their order keys), so a
 * range spanning many binades (1e-300 … 1e300) is halved in count of doubles, not in value: at most
 * 64 bisections separate any two doubles.
 */
function keyMidpoint(a: number, b: number): number {
  return fromKey((toKey(a) + toKey(b)) / 2n);
}

/** Largest double below v (v finite). */
function nextDown(v: number): number {
  if (v === 0) return -Number.MIN_VALUE;
  const f = new Float64Array([v]);
  const b = new BigInt64Array(f.buffer);
  b[0] += v > 0 ? -1n : 1n;
  return f[0];
}

/** Side length of the deterministic quantile subsample that gives the first bracket. */
const SUBSAMPLE = 256;

/**
 * Creates a selector of order statistics of the n·m pairwise differences x_i − y_j of two ascending
 * samples that never materialises them (O(n + m) memory beyond a candidate buffer of at most
 * max(4096, 2(n + m)) values). Build it once to select several order statistics (the Hodges–Lehmann
 * estimate and both interval ends share its subsample).
 *
 * Algorithm: selection in the implicit sorted matrix of differences (rows x_i − y_· and columns
 * x_· − y_j are monotone), in the spirit of Monahan (1984, "Fast computation of the Hodges–Lehmann
 * location estimator", ACM TOMS 10) and Johnson & Mizoguchi (1978). The candidates are a closed value
 * range (lo, hi] with the exact count of differences below it. One O(n + m) merge pass counts
 * #{D ≤ p} at two pivots p1 ≤ p2
 * side of them, so the range usually brackets the target tightly.
 * First pivots: quantiles of the differences of a deterministic 256 × 256 quantile subsample of the
 * two samples (its empirical distribution is within about 1/256 + 1/256 of the full one), then linear
 * interpolation inside the bracket with an adaptive margin (Floyd–Rivest style). Safeguards for heavy
 * ties and gaps: a pass that snaps the range to the smallest and largest difference inside it (a single
 * value left is the answer), and value bisection. When at most
 * max(4096, 2(n + m)) candidates remain they are collected and a quickselect finishes. Typically 3–5
 * passes per order statistic.
 *
 * @param xs - first sample, ascending, finite
 * @param ys - second sample, ascending, finite
 * @returns `{ select(k), selectPair(k) }`
 *
 * @example
 * ```ts
 * import { pairwiseDifferenceSelector } from 'canary-judge';
 * const s = pairwiseDifferenceSelector(Float64Array.of(1, 3), Float64Array.of(0, 2));
 * s.select(1); // −1   (differences sorted: −1, 1, 1, 3)
 * s.selectPair(2); // [1, 1]
 * ```
 */
export function pairwiseDifferenceSelector(xs: ArrayLike<number>, ys: ArrayLike<number>): PairwiseDifferenceSelector {
  const n = xs.length;
  const m = ys.length;
  const total = n * m;
  const threshold = Math.max(4096, 2 * (n + m));
  let sub: Float64Array | null = null;
  let subEps = 0;
  const subsample = (): Float64Array => {
    if (sub) return sub;
    const sx = Math.min(n, SUBSAMPLE);
    const sy = Math.min(m, SUBSAMPLE);
    const qx = new Float64Array(sx);
    const qy = new Float64Array(sy);
    for (let a = 0; a < sx; a++) qx[a] = xs[Math.min(n - 1, Math.floor(((a + 0.5) * n) / sx))];
    for (let b = 0; b < sy; b++) qy[b] = ys[Math.min(m - 1, Math.floor(((b + 0.5) * m) / sy))];
    const d = new Float64Array(sx * sy);
    let w = 0;
    for (let a = 0; a < sx; a++) for (let b = 0; b < sy; b++) d[w++] = qx[a] - qy[b];
    sub = d.sort();
    subEps = (sx < n ? 1 / sx : 0) + (sy < m ? 1 / sy : 0);
    return sub;
  };

  const counts = new Float64Array(2);
  let passes = 0;
  const select = (k: number): number => {
    passes = 0;
    if (!(k >= 1 && k <= total && Number.isInteger(k))) throw new RangeError(`rank ${k} outside 1…${total}`);
    const dMin = xs[0] - ys[m - 1];
    const dMax = xs[n - 1] - ys[0];
    if (k === 1) return dMin;
    if (k === total) return dMax;
    // Candidates: differences in (lo, hi]; below = #{D ≤ lo}; count = #{lo < D ≤ hi}.
    let lo = -Infinity;
    let hi = dMax;
    let below = 0;
    let count = total;
    let stall = 0;
    let margin = 0.1; // interpolation margin, as a fraction of the candidates
    let first = true;
    for (;;) {
      if (count <= threshold) break;
      let p1 = 0;
      let p2 = 0;
      let endTest = false;
      if (stall % 2 === 1) {
        // Stalled (heavy ties or gaps): snap the range to the smallest and largest difference inside
        // it; one value left is the answer. Otherwise test both ends in the next pass: each may be a
        // heavily tied value (the pass then either returns it or strips it from the range).
        rangeIn(xs, ys, lo, hi, counts);
        passes++;
        const minIn = counts[0];
        const maxIn = counts[1];
        if (minIn === maxIn) return minIn;
        lo = nextDown(minIn);
        hi = maxIn;
        p1 = minIn;
        p2 = nextDown(maxIn);
        if (p2 < p1) p2 = p1;
        endTest = true;
      }
      const loRef = lo === -Infinity ? dMin : lo;
      const r = k - below; // rank within the candidates, 1 … count
      const d = subsample();
      if (endTest) {
        // pivots set above
      } else if (first) {
        const f = (k - 0.5) / total;
        const sz = d.length;
        const pad = subEps + 2 / sz;
        p1 = d[Math.max(0, Math.min(sz - 1, Math.floor((f - pad) * sz)))];
        p2 = d[Math.max(0, Math.min(sz - 1, Math.ceil((f + pad) * sz)))];
        first = false;
        margin = 0.4; // becomes 0.1 after this pass brackets: the first range is wide and curved
      } else if (stall % 4 === 0) {
        // Interpolate linearly in value inside the range, aiming a little below and above the target
        // (the distribution of the differences is smooth at the scale of a narrowed range).
        const t = (r - 0.5) / count;
        p1 = loRef + (hi - loRef) * Math.max(0, t - margin);
        p2 = loRef + (hi - loRef) * Math.min(1, t + margin);
      } else {
        p1 = p2 = keyMidpoint(loRef, hi);
      }
      if (!(p1 >= loRef && p1 <= hi)) p1 = loRef / 2 + hi / 2; // overflow of hi − lo
      if (!(p2 >= p1 && p2 <= hi)) p2 = p1;
      countAtTwo(xs, ys, p1, p2, counts);
      passes++;
      const le1 = counts[0];
      const le2 = counts[1];
      if (endTest) {
        if (le1 >= k) return p1; // the target is the smallest value of the range
        if (le2 < k) return hi; // … or its largest
      }
      const oldCount = count;
      const cHi = below + count;
      if (le1 >= k) {
        hi = p1;
        count = le1 - below;
        margin *= 4;
      } else if (le2 < k) {
        lo = p2;
        below = le2;
        count = cHi - le2;
        margin *= 4;
      } else {
        lo = p1;
        hi = p2;
        below = le1;
        count = le2 - le1;
        margin = Math.max(margin / 4, 1e-4);
      }
      margin = Math.min(margin, 0.25);
      stall = count <= oldCount / 4 ? 0 : stall + 1;
    }
    const buf = new Float64Array(count);
    const got = collectBetween(xs, ys, lo, hi, buf);
    return quickselect(buf, got, k - below - 1);
  };

  const selectPair = (k: number): [number, number] => {
    const a = select(k);
    if (k >= total) return [a, a];
    countAtTwo(xs, ys, a, a, counts);
    if (counts[0] >= k + 1) return [a, a];
    rangeIn(xs, ys, a, Infinity, counts); // smallest difference above a
    return [a, counts[0]];
  };

  return {
    select,
    selectPair,
    get lastPasses() {
      return passes;
    },
  };
}

/**
 * The k-th smallest (1-based) of the n·m pairwise differences x_i − y_j of two ascending samples,
 * without materialising them; see {@link pairwiseDifferenceSelector} for the algorithm.
 *
 * @param xs - first sample, ascending, finite
 * @param ys - second sample, ascending, finite
 * @param k - rank, 1 ≤ k ≤ n·m
 * @returns the k-th smallest difference (as computed in floating point, x_i − y_j)
 *
 * @example
 * ```ts
 * import { selectPairwiseDifference } from 'canary-judge';
 * // differences of [1, 3] − [0, 2], sorted: −1, 1, 1, 3
 * selectPairwiseDifference(Float64Array.of(1, 3), Float64Array.of(0, 2), 2); // 1
 * selectPairwiseDifference(Float64Array.of(1, 3), Float64Array.of(0, 2), 4); // 3
 * ```
 */
export function selectPairwiseDifference(xs: ArrayLike<number>, ys: ArrayLike<number>, k: number): number {
  return pairwiseDifferenceSelector(xs, ys).select(k);
}
