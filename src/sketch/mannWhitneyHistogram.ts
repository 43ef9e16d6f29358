/**
 * The Mann–Whitney U test computed from two histograms, each bucket being one tie group.
 * @module
 */
import { CanaryJudgeError } from '../errors.js';
import { normalSf } from '../stats/normal.js';
import { resolveMannWhitneyOptions, type MannWhitneyOptions, type MannWhitneyResult } from '../stats/mannWhitney.js';
import type { HistogramInfo, LogHistogram } from './logHistogram.js';
import { alignPair, forEachAlignedCount } from './align.js';

/** Options of {@link mannWhitneyHistogram}: those of `mannWhitney`; `method` may only be `'auto'` or `'asymptotic'`. */
export type MannWhitneyHistogramOptions = MannWhitneyOptions;

/** Result of {@link mannWhitneyHistogram}: the shape of `mannWhitney`'s result plus the grid it was computed on. */
export interface MannWhitneyHistogramResult extends MannWhitneyResult {
  method: 'asymptotic';
  /**
   * The shared grid: mapping, relative accuracy, number of tie groups (buckets non-empty in either
   * histogram), whether collapsing happened, and `converted` (whether one histogram had to be moved to a
   * coarser grid first).
   */
  resolution: HistogramInfo & { converted: boolean };
}

/**
 * Mann–Whitney U from two histograms (x, y as in `mannWhitney`: `statistic` is U of x, `'greater'`
 * means x tends to be larger). Every bucket is a tie group: values sharing a bucket count as equal, and
 * the variance gets the usual tie correction, so the result is *exactly* the tie-corrected asymptotic
 * Mann–Whitney test of the binned data (the raw values replaced by their bucket) — identical to
 * `mannWhitney(binnedX, binnedY, { method: 'asymptotic' })` and to scipy.stats.mannwhitneyu
 * (`method='asymptotic'`) on the binned data. O(buckets), no per-value work:
 * U = Σ_b cx_b·(Y_below(b) + cy_b/2), σ² = nx·ny/12·((N+1) − Σ_b(t_b³ − t_b)/(N(N−1))), t_b = cx_b + cy_b,
 * z = (U − nx·ny/2 − c)/σ with R's continuity correction c, p from the normal survival function.
 *
 * The histograms are first put on one grid (coarser exponential scale, larger zero threshold, shared
 * explicit bounds); a γ-mapping cannot meet an exponential one (`SKETCH_MAPPING_MISMATCH`, see
 * {@link rebucketHistogram}). What binning costs relative to the raw data is measured in
 * `docs/sketches.md` (bench/sketch-accuracy.ts): ties inside a bucket only lose information about
 * differences smaller than the bucket width (relative accuracy a: about 2a in ratio).
 *
 * Errors: `EMPTY_SAMPLE` (path `'x'`/`'y'`), `INVALID_OPTION` (also for `method: 'exact'`),
 * `SKETCH_MAPPING_MISMATCH`. All values in one bucket gives p = 1 and `z: null`.
 *
 * References: Mann & Whitney (1947); the tie-corrected normal approximation as in
 * scipy.stats.mannwhitneyu and R's `wilcox.test(exact = FALSE, correct = TRUE)`.
 * @example
 * ```ts
 * // integer-valued data: each distinct value has its own 1% bucket, so this is scipy's result on the raw data
 * const x = new LogHistogram().addAll([3, 5, 5, 7, 8, 8, 8, 12, 15, 15, 20, 22, 25, 3, 9, 11, 11, 30]);
 * const y = new LogHistogram().addAll([1, 2, 2, 4, 5, 5, 6, 7, 7, 8, 10, 12, 12, 13, 14, 2, 6, 9, 9, 16, 18]);
 * const r = mannWhitneyHistogram(x, y);
 * r.statistic; // 245.5
 * r.pValue;    // 0.11391815484089018 (scipy.stats.mannwhitneyu(x, y, method='asymptotic'): 0.11391815484089048)
 * ```
 */
export function mannWhitneyHistogram(
  x: LogHistogram,
  y: LogHistogram,
  options?: MannWhitneyHistogramOptions,
): MannWhitneyHistogramResult {
  const opts = resolveMannWhitneyOptions(options);
  if (opts.method === 'exact') {
    throw new CanaryJudgeError(
      'INVALID_OPTION',
      "method 'exact' is not available for histograms (the tie groups are buckets); use 'asymptotic' or 'auto'",
      'method',
    );
  }
  const { x: X, y: Y, converted } = alignPair(x, y);
  const nx = X.count;
  const ny = Y.count;
  if (!(nx > 0)) throw new CanaryJudgeError('EMPTY_SAMPLE', 'x is an empty histogram', 'x');
  if (!(ny > 0)) throw new CanaryJudgeError('EMPTY_SAMPLE', 'y is an empty histogram', 'y');

  let yBelow = 0;
  let u = 0;
  let tieSum = 0;
  let ties = false;
  let groups = 0;
  forEachAlignedCount(X, Y, (cx, cy) => {
    groups++;
    u += cx * (yBelow + cy / 2);
    yBelow += cy;
    const t = cx + cy;
    if (t > 1) {
      ties = true;
      tieSum += t * t * t - t;
    }
  });
  const nm = nx * ny;
  const N = nx + ny;
  const meanU = nm / 2;
  const variance = (nm / 12) * (N + 1 - tieSum / (N * (N - 1)));
  const sdU = variance > 0 ? Math.sqrt(variance) : 0;
  const tieCorrection = Math.max(0, 1 - tieSum / (N * N * N - N));

  let pLess = 1;
  let pGreater = 1;
  let z: number | null = null;
  if (sdU > 0) {
    const d = u - meanU;
    const cc = opts.continuity ? 0.5 : 0;
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

  const ix = X.info();
  const info: HistogramInfo = { ...ix, buckets: groups, collapsed: ix.collapsed || Y.info().collapsed };
  return {
    statistic: u,
    pValue,
    method: 'asymptotic',
    z,
    nx,
    ny,
    alternative: opts.alternative,
    ties,
    tieCorrection,
    meanU,
    sdU,
    continuity: opts.continuity,
    resolution: { ...info, converted },
  };
}
