/**
 * Putting two histograms on one grid, and reading their counts bucket by bucket in value order — the
 * common step of every two-sample statistic on histograms (Mann–Whitney, Hodges–Lehmann, count tests).
 * @module
 */
import { CanaryJudgeError } from '../errors.js';
import { LogHistogram, type HistogramInfo } from './logHistogram.js';
import { sameMapping } from './mapping.js';

/** Two histograms' counts on a shared grid, one entry per bucket non-empty in either, in value order. */
export interface AlignedHistogramCounts {
  /** Lowest possible value of each bucket (value space; null for the unbounded first explicit bucket). */
  lower: Array<number | null>;
  /** Highest possible value of each bucket (null for the unbounded last explicit bucket). */
  upper: Array<number | null>;
  /** Count of x in each bucket. */
  x: number[];
  /** Count of y in each bucket. */
  y: number[];
  /** The shared grid. */
  resolution: HistogramInfo;
}

function sameGrid(a: LogHistogram, b: LogHistogram): boolean {
  return (
    sameMapping(a._map.spec, b._map.spec) &&
    a._zt === b._zt &&
    a._pos.collapsedBelow === b._pos.collapsedBelow &&
    a._neg.collapsedBelow === b._neg.collapsedBelow
  );
}

/**
 * Returns x and y on one grid (copies when a conversion is needed; the inputs are never modified): the
 * grid of their merge — the coarser exponential scale, the larger (widened) zero threshold, the shared
 * explicit bounds, the larger collapse marker. Throws `SKETCH_MAPPING_MISMATCH` when the mappings
 * cannot meet (γ vs exponential, different γ) with a pointer to {@link rebucketHistogram}.
 * @internal
 */
export function alignPair(x: LogHistogram, y: LogHistogram): { x: LogHistogram; y: LogHistogram; converted: boolean } {
  if (!(x instanceof LogHistogram)) throw new CanaryJudgeError('INVALID_ARGUMENT', 'x must be a LogHistogram', 'x');
  if (!(y instanceof LogHistogram)) throw new CanaryJudgeError('INVALID_ARGUMENT', 'y must be a LogHistogram', 'y');
  if (sameGrid(x, y)) return { x, y, converted: false };
  let grid: LogHistogram;
  try {
    grid = x.clone().merge(y).cloneEmpty();
  } catch (e) {
    if (e instanceof CanaryJudgeError && e.code === 'SKETCH_MAPPING_MISMATCH') {
      throw new CanaryJudgeError(e.code, e.message.replace('merge', 'compare'), 'y.mapping');
    }
    throw e;
  }
  const X = x.clone().merge(grid);
  const Y = y.clone().merge(grid);
  // The merge rules make both land on the grid; guard the invariant.
  if (!sameGrid(X, Y)) {
    // thresholds may differ when one side widened further: widen both to the larger one
    const zt = Math.max(X._zt, Y._zt);
    X._widenZero(zt);
    Y._widenZero(zt);
  }
  return { x: X, y: Y, converted: true };
}

/**
 * Visits the buckets of two same-grid histograms in increasing value order, including buckets empty in
 * one of them (but not in both): cb(cx, cy, lower, upper). O(buckets).
 * @internal
 */
export function forEachAlignedBucket(
  X: LogHistogram,
  Y: LogHistogram,
  cb: (cx: number, cy: number, lower: number, upper: number) => void,
): void {
  const map = X._map;
  if (map.spec.kind !== 'explicit') {
    const xn = X._neg;
    const yn = Y._neg;
    const hi = Math.max(xn.offset + xn.counts.length - 1, yn.offset + yn.counts.length - 1);
    const lo = Math.min(xn.counts.length ? xn.offset : Infinity, yn.counts.length ? yn.offset : Infinity);
    for (let i = hi; i >= lo; i--) {
      const cx = xn.get(i);
      const cy = yn.get(i);
      if (cx > 0 || cy > 0) cb(cx, cy, -map.upper(i), -map.lower(i));
    }
    if (X._zero > 0 || Y._zero > 0) cb(X._zero, Y._zero, -X._zt, X._zt);
  }
  const xp = X._pos;
  const yp = Y._pos;
  const lo = Math.min(xp.counts.length ? xp.offset : Infinity, yp.counts.length ? yp.offset : Infinity);
  const hi = Math.max(xp.offset + xp.counts.length - 1, yp.offset + yp.counts.length - 1);
  for (let i = lo; i <= hi; i++) {
    const cx = xp.get(i);
    const cy = yp.get(i);
    if (cx > 0 || cy > 0) cb(cx, cy, map.lower(i), map.upper(i));
  }
}

/**
 * Like {@link forEachAlignedBucket} without the edges (no power/exponential per bucket): cb(cx, cy).
 * The hot loop of `mannWhitneyHistogram`.
 * @internal
 */
export function forEachAlignedCount(X: LogHistogram, Y: LogHistogram, cb: (cx: number, cy: number) => void): void {
  if (X._map.spec.kind !== 'explicit') {
    walk(X._neg.counts, X._neg.offset, Y._neg.counts, Y._neg.offset, true, cb);
    if (X._zero > 0 || Y._zero > 0) cb(X._zero, Y._zero);
  }
  walk(X._pos.counts, X._pos.offset, Y._pos.counts, Y._pos.offset, false, cb);
}

function walk(
  xc: Float64Array, xo: number, yc: Float64Array, yo: number, descending: boolean,
  cb: (cx: number, cy: number) => void,
): void {
  const xn = xc.length;
  const yn = yc.length;
  if (xn === 0 && yn === 0) return;
  const lo = Math.min(xn ? xo : Infinity, yn ? yo : Infinity);
  const hi = Math.max(xn ? xo + xn - 1 : -Infinity, yn ? yo + yn - 1 : -Infinity);
  const step = descending ? -1 : 1;
  for (let i = descending ? hi : lo; descending ? i >= lo : i <= hi; i += step) {
    const kx = i - xo;
    const ky = i - yo;
    const cx = kx >= 0 && kx < xn ? xc[kx] : 0;
    const cy = ky >= 0 && ky < yn ? yc[ky] : 0;
    if (cx > 0 || cy > 0) cb(cx, cy);
  }
}

/**
 * The counts of two histograms bucket by bucket on a shared grid (see {@link AlignedHistogramCounts}):
 * the input of count-based tests (χ², G-test, the Dirichlet-multinomial sequential test) and of custom
 * statistics. The grids meet as in `merge` (coarser scale, larger zero threshold, shared explicit bounds).
 * @example
 * ```ts
 * const a = new LogHistogram({ scale: 0 }).addAll([1.5, 3, 3]);
 * const b = new LogHistogram({ scale: 0 }).addAll([3, 6]);
 * alignHistograms(a, b);
 * // { lower: [1, 2, 4], upper: [2, 4, 8], x: [1, 2, 0], y: [0, 1, 1], resolution: {…} }
 * ```
 */
export function alignHistograms(x: LogHistogram, y: LogHistogram): AlignedHistogramCounts {
  const { x: X, y: Y } = alignPair(x, y);
  const out: AlignedHistogramCounts = { lower: [], upper: [], x: [], y: [], resolution: gridInfo(X, Y) };
  forEachAlignedBucket(X, Y, (cx, cy, lo, hi) => {
    out.lower.push(Number.isFinite(lo) ? lo : null);
    out.upper.push(Number.isFinite(hi) ? hi : null);
    out.x.push(cx);
    out.y.push(cy);
  });
  return out;
}

/** Resolution of the shared grid of two aligned histograms (buckets = non-empty in either). @internal */
export function gridInfo(X: LogHistogram, Y: LogHistogram): HistogramInfo {
  let buckets = 0;
  forEachAlignedCount(X, Y, () => {
    buckets++;
  });
  const ix = X.info();
  return { ...ix, buckets, collapsed: ix.collapsed || Y.info().collapsed };
}
