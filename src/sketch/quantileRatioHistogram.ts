/**
 * Quantile ratios between two histograms, with bounds from the buckets.
 * @module
 */
import { CanaryJudgeError } from '../errors.js';
import type { LogHistogram } from './logHistogram.js';

/** Result of {@link quantileRatioHistogram}. */
export interface QuantileRatioHistogramResult {
  q: number;
  /** Quantile estimate of x (null when x is empty). */
  x: number | null;
  /** Quantile estimate of y (null when y is empty). */
  y: number | null;
  /** x / y (null when not defined: empty input, or y's quantile ≤ 0, or x's < 0). */
  ratio: number | null;
  /**
   * Bounds on the ratio of the raw-data quantiles (order statistic of rank ⌊q(n−1)⌋): from the edges of
   * the buckets holding them (clamped to min/max). With relative accuracy a they are about
   * ratio × (1 ± 2a). Null when a bucket edge is unbounded or the lower edge of y is ≤ 0.
   */
  lower: number | null;
  upper: number | null;
  /** Why something is null; null otherwise. */
  reason: string | null;
}

/**
 * The ratio of the q-quantiles of two histograms (e.g. canary p99 / baseline p99) with bounds on the
 * raw-data ratio. Quantile estimates follow `LogHistogram.quantile` (DDSketch for log buckets:
 * relative error ≤ a each).
 * @example
 * ```ts
 * const canary = new LogHistogram().addAll([100, 120, 300]);
 * const baseline = new LogHistogram().addAll([100, 110, 200]);
 * quantileRatioHistogram(canary, baseline, 1).ratio;    // 1.5 (maxima: 300 / 200)
quantileRatioHistogram(canary, baseline, 0.5).ratio;  // ≈ 120 / 110 (within 1% each)
 * ```
 */
export function quantileRatioHistogram(x: LogHistogram, y: LogHistogram, q: number): QuantileRatioHistogramResult {
  if (typeof q !== 'number' || !(q >= 0 && q <= 1)) {
    throw new CanaryJudgeError('INVALID_ARGUMENT', `q must be a number in [0, 1], got ${String(q)}`, 'q');
  }
  const bx = x.quantileBounds(q);
  const by = y.quantileBounds(q);
  const out: QuantileRatioHistogramResult = {
    q,
    x: bx ? bx.estimate : null,
    y: by ? by.estimate : null,
    ratio: null,
    lower: null,
    upper: null,
    reason: null,
  };
  if (!bx || !by) {
    out.reason = !bx ? 'x is empty' : 'y is empty';
    return out;
  }
  if (!(by.estimate > 0) || bx.estimate < 0) {
    out.reason = 'the ratio needs a positive quantile of y and a non-negative quantile of x';
    return out;
  }
  out.ratio = bx.estimate / by.estimate;
  if (bx.lower === null || bx.upper === null || by.lower === null || by.upper === null || !(by.lower > 0) || bx.lower < 0) {
    out.reason = 'bucket edges do not bound the ratio (unbounded bucket or non-positive lower edge of y)';
    return out;
  }
  out.lower = bx.lower / by.upper;
  out.upper = bx.upper / by.lower;
  return out;
}
