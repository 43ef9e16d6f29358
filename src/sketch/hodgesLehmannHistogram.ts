/**
 * Hodges–Lehmann shift estimate from two histograms, with rigorous bounds on the raw-data estimate.
 * @module
 */
import { CanaryJudgeError } from '../errors.js';
import type { HistogramInfo, LogHistogram } from './logHistogram.js';
import { alignPair, forEachAlignedCount } from './align.js';
import { normalIsf } from '../stats/normal.js';

/** Options of {@link hodgesLehmannHistogram}. */
export interface HodgesLehmannHistogramOptions {
  /**
   * `'linear'` (default): the shift x − y in the data's units. `'log'`: the ratio x/y, i.e.
   * exp(median of log x_i − log y_j) — the natural scale for latencies and log buckets; needs all
   * values > 0.
   */
  scale?: 'linear' | 'log';
  /**
   * When given (e.g. 0.95), also compute a distribution-free confidence interval of the shift (`ciLower`,
   * `ciUpper`): the pairwise differences at the Mann–Whitney ranks nx·ny/2 ∓ z·σ_U (normal approximation,
   * σ_U tie-corrected with every bucket as a tie group — the asymptotic interval of R's `wilcox.test`
   * without continuity correction), with every value at its bucket's midpoint as for the estimate. Binning
   * moves each end by at most what `lower`/`upper` show for the estimate (about ±2a in ratio); the accuracy
   * study in docs/sketches.md measures the effect on decisions.
   */
  confidence?: number;
}

/** Result of {@link hodgesLehmannHistogram} (plain JSON; null + `reason` where a number is not available). */
export interface HodgesLehmannHistogramResult {
  /**
   * Median of the pairwise differences x_i − y_j (`'log'`: of log-ratios, returned as the ratio),
   * computed with every value at its bucket's midpoint (arithmetic midpoint on the linear scale,
   * geometric on the log scale; the zero bucket at 0). Null when not computable (see `reason`).
   */
  estimate: number | null;
  /**
   * Lower bound on the Hodges–Lehmann estimate of the raw (unbinned) data: the median of the pairwise
   * differences of bucket edges lo(x) − hi(y). Exact bound (order statistics are monotone), so the raw
   * estimate lies in [lower, upper]. Null when a bucket is unbounded and min/max are unknown.
   */
  lower: number | null;
  /** Upper bound: the median of hi(x) − lo(y). See `lower`. */
  upper: number | null;
  scale: 'linear' | 'log';
  nx: number;
  ny: number;
  /** With `confidence`: lower end of the confidence interval of the shift (ratio on the log scale); else null. */
  ciLower: number | null;
  /** With `confidence`: upper end of the confidence interval; else null. */
  ciUpper: number | null;
  /** Why `estimate` or the bounds are null; null otherwise. */
  reason: string | null;
  /** The shared grid the computation ran on. */
  resolution: HistogramInfo;
}

interface Side {
  lo: Float64Array;
  hi: Float64Array;
  mid: Float64Array;
  w: Float64Array;
  n: number;
  unbounded: boolean;
}

/**
 * Smallest pairwise difference d = a_i − b_j such that the weight of pairs with difference ≤ d is
 * ≥ target (strict = false) or > target (strict = true). a and b ascending, weights > 0. O((na + nb)
 * × iterations): bisection on the value with a two-pointer count, then an exact walk to the next
 * attained difference.
 */
function pairDifferenceQuantile(
  a: Float64Array, wa: Float64Array, na: number,
  b: Float64Array, wb: Float64Array, nb: number,
  target: number, strict: boolean,
): number {
  const suffix = new Float64Array(nb + 1);
  for (let j = nb - 1; j >= 0; j--) suffix[j] = suffix[j + 1] + wb[j];
  const ok = (w: number) => (strict ? w > target : w >= target);
  const weightAtMost = (t: number): number => {
    let p = 0;
    let f = 0;
    for (let i = 0; i < na; i++) {
      const ai = a[i];
      while (p < nb && ai - b[p] > t) p++;
      f += wa[i] * suffix[p];
    }
    return f;
  };
  // smallest difference strictly above t (Infinity if none)
  const nextAbove = (t: number): number => {
    let p = 0;
    let best = Infinity;
    for (let i = 0; i < na; i++) {
      const ai = a[i];
      while (p < nb && ai - b[p] > t) p++;
      if (p > 0) {
        const d = ai - b[p - 1];
        if (d < best) best = d;
      }
    }
    return best;
  };
  let lo = a[0] - b[nb - 1];
  let hi = a[na - 1] - b[0];
  if (ok(weightAtMost(lo))) return lo;
  for (let it = 0; it < 200; it++) {
    const mid = lo + (hi - lo) / 2;
    if (mid <= lo || mid >= hi) break;
    if (Math.abs(hi - lo) <= 1e-13 * Math.max(Math.abs(lo), Math.abs(hi))) break;
    if (ok(weightAtMost(mid))) hi = mid;
    else lo = mid;
  }
  // walk: the answer is the smallest attained difference above lo that satisfies the condition
  for (;;) {
    const d = nextAbove(lo);
    if (d === Infinity) return hi;
    if (ok(weightAtMost(d))) return d;
    lo = d;
  }
}

function weightedPairMedian(
  a: Float64Array, wa: Float64Array, na: number,
  b: Float64Array, wb: Float64Array, nb: number,
  total: number,
): number {
  const half = total / 2;
  const m1 = pairDifferenceQuantile(a, wa, na, b, wb, nb, half, false);
  const m2 = pairDifferenceQuantile(a, wa, na, b, wb, nb, half, true);
  return m1 + (m2 - m1) / 2;
}

/**
 * Hodges–Lehmann shift estimate (median of all pairwise differences x_i − y_j; on the `'log'` scale
 * the ratio exp(median log x_i − log y_j)) from two histograms, in O(buckets × log(1/ε)) — the n·m
 * differences are never formed: a weighted median over bucket pairs is found by bisection with a
 * two-pointer count (the selection idea of Monahan, "Fast computation of the Hodges–Lehmann location
 * estimator", 1984, applied to bucket weights).
 *
 * The estimate puts every value at its bucket's midpoint; `lower`/`upper` bound the estimate the raw
 * data would give (medians of edge differences: every raw difference lies between lo(x) − hi(y) and
 * hi(x) − lo(y), and order statistics are monotone). With relative accuracy a the bounds are about ±2a
 * (in ratio) around the estimate on the log scale. No confidence interval: that needs the pairwise
 * differences' order statistics at Mann–Whitney ranks, which binning blurs by the same bounds.
 *
 * Errors: `EMPTY_SAMPLE` (path `'x'`/`'y'`), `SKETCH_MAPPING_MISMATCH` (grids that cannot meet),
 * `INVALID_OPTION`. Data with values ≤ 0 on the log scale gives nulls with a reason.
 * @example
 * ```ts
 * const x = new LogHistogram().addAll([110, 120, 130]);
 * const y = new LogHistogram().addAll([100, 105, 95]);
 * const r = hodgesLehmannHistogram(x, y, { scale: 'log' });
 * r.estimate; // ≈ 1.2 (x is about 20% larger); r.lower ≤ raw estimate ≤ r.upper
 * ```
 */
export function hodgesLehmannHistogram(
  x: LogHistogram,
  y: LogHistogram,
  options: HodgesLehmannHistogramOptions = {},
): HodgesLehmannHistogramResult {
  const scale = options.scale ?? 'linear';
  if (scale !== 'linear' && scale !== 'log') {
    throw new CanaryJudgeError('INVALID_OPTION', `scale must be 'linear' or 'log', got ${String(scale)}`, 'scale');
  }
  const { x: X, y: Y } = alignPair(x, y);
  const nx = X.count;
  const ny = Y.count;
  if (!(nx > 0)) throw new CanaryJudgeError('EMPTY_SAMPLE', 'x is an empty histogram', 'x');
  if (!(ny > 0)) throw new CanaryJudgeError('EMPTY_SAMPLE', 'y is an empty histogram', 'y');

  let groups = 0;
  forEachAlignedCount(X, Y, () => {
    groups++;
  });
  const ix = X.info();
  const resolution: HistogramInfo = { ...ix, buckets: groups, collapsed: ix.collapsed || Y.info().collapsed };
  const base = { scale, nx, ny, resolution, ciLower: null, ciUpper: null } as const;
  const confidence = options.confidence;
  if (confidence !== undefined && !(confidence > 0 && confidence < 1)) {
    throw new CanaryJudgeError('INVALID_OPTION', `confidence must be in (0, 1), got ${String(confidence)}`, 'confidence');
  }
  let tieSum = 0;
  forEachAlignedCount(X, Y, (cx, cy) => {
    const t = cx + cy;
    tieSum += t * t * t - t;
  });

  const sides: Side[] = [];
  for (const h of [X, Y]) {
    const o = h._ordered();
    const side: Side = {
      lo: new Float64Array(o.n),
      hi: new Float64Array(o.n),
      mid: new Float64Array(o.n),
      w: new Float64Array(o.n),
      n: o.n,
      unbounded: false,
    };
    const mn = h.min;
    const mx = h.max;
    for (let k = 0; k < o.n; k++) {
      let lo = o.lower[k];
      let hi = o.upper[k];
      if (mn !== null && lo < mn) lo = mn;
      if (mx !== null && hi > mx) hi = mx;
      if (!Number.isFinite(lo) || !Number.isFinite(hi)) side.unbounded = true;
      if (scale === 'log') {
        if (!(lo > 0) && !(o.value[k] > 0 && lo === 0)) {
          return { ...base, estimate: null, lower: null, upper: null, reason: `${h === X ? 'x' : 'y'} has values ≤ 0: the log scale needs positive data` };
        }
        const llo = Math.log(lo);
        const lhi = Math.log(hi);
        side.lo[k] = llo;
        side.hi[k] = lhi;
        side.mid[k] = Number.isFinite(llo) ? (llo + lhi) / 2 : lhi;
        if (!Number.isFinite(llo)) side.unbounded = true;
      } else {
        side.lo[k] = lo;
        side.hi[k] = hi;
        side.mid[k] = Number.isFinite(lo) && Number.isFinite(hi) ? lo + (hi - lo) / 2 : Number.isFinite(lo) ? lo : hi;
      }
      side.w[k] = o.count[k];
    }
    sides.push(side);
  }
  const [sx, sy] = sides;
  const total = nx * ny;
  const med = weightedPairMedian(sx.mid, sx.w, sx.n, sy.mid, sy.w, sy.n, total);
  let lower: number | null = null;
  let upper: number | null = null;
  let reason: string | null = null;
  if (sx.unbounded || sy.unbounded) {
    reason = 'an end bucket is unbounded and min/max are unknown: no bound on the raw-data estimate';
  } else {
    lower = weightedPairMedian(sx.lo, sx.w, sx.n, sy.hi, sy.w, sy.n, total);
    upper = weightedPairMedian(sx.hi, sx.w, sx.n, sy.lo, sy.w, sy.n, total);
  }
  const tr = (v: number | null) => (v === null ? null : scale === 'log' ? Math.exp(v) : v);
  let ciLower: number | null = null;
  let ciUpper: number | null = null;
  if (confidence !== undefined && !sx.unbounded && !sy.unbounded) {
    const N = nx + ny;
    const variance = ((nx * ny) / 12) * (N + 1 - tieSum / (N * (N - 1)));
    const half = normalIsf((1 - confidence) / 2) * Math.sqrt(Math.max(variance, 0));
    const kLow = Math.max(total / 2 - half, 0);
    const kHigh = Math.min(total / 2 + half, total);
    ciLower = pairDifferenceQuantile(sx.mid, sx.w, sx.n, sy.mid, sy.w, sy.n, Math.max(kLow, 1e-9), false);
    ciUpper = pairDifferenceQuantile(sx.mid, sx.w, sx.n, sy.mid, sy.w, sy.n, Math.min(kHigh, total), false);
  }
  return { ...base, estimate: tr(med), lower: tr(lower), upper: tr(upper), ciLower: tr(ciLower), ciUpper: tr(ciUpper), reason };
}
