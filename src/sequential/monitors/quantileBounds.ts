/**
 * Confidence sequences for the quantiles of one stream of i.i.d. values, from its sorted values (internal;
 * used by {@link QuantileMonitor}).
 *
 * - Fixed quantile p (confseq's demo `fixed_quantile_confidence_bounds`, Howard & Ramdas 2022 §3): the
 *   running count #{Xᵢ ≤ Q(p)} − t·p is a sub-Bernoulli martingale with increments in [−p, 1 − p], so the
 *   two-sided beta-binomial mixture bound of Howard et al. (2021) at intrinsic time v = t·p(1−p) bounds it
 *   from above (g = p, h = 1 − p) and below (g = 1 − p, h = p); with those radii u₊, u₋ the quantile lies in
 *   [X₍⌊tp − u₋⌋+1₎, X₍⌈tp + u₊⌉₎] for all t simultaneously. When the mixture cannot reach the threshold
 *   even at the largest possible count (too few values), that end is unbounded (null).
 * - All quantiles at once (confseq's demo `uniform_quantile_confidence_bounds`, Howard & Ramdas 2022
 *   Theorem 1): with ε_t = {@link empiricalProcessLilBound}, sup_x |F̂_t(x) − F(x)| ≤ ε_t for all t ≥ t_min,
 *   so Q(p) ∈ [X₍⌊t(p − ε)⌋+1₎, X₍⌈t(p + ε)⌉₎] for every p and t together.
 * @module
 */
import { makeBetaBinomialLogMixture } from '../betaBinomialLogMixture.js';
import { findRoot } from '../internal/roots.js';

/** A quantile's interval (null ends unbounded). */
export interface QuantileInterval {
  lower: number | null;
  upper: number | null;
}

/** Order statistic X₍k₎ (1-based) of sorted values, or null outside 1…t. */
export function orderStatistic(sorted: Float64Array, t: number, k: number): number | null {
  if (!(k >= 1) || k > t) return null;
  return sorted[k - 1];
}

/** The empirical p-quantile X₍⌈tp⌉₎ (inverse of the empirical CDF), or null when t = 0. */
export function empiricalQuantile(sorted: Float64Array, t: number, p: number): number | null {
  if (t === 0) return null;
  return sorted[Math.min(t, Math.max(1, Math.ceil(t * p))) - 1];
}

/** Interval from radii on the proportion scale: [X₍⌊t(p − r₋)⌋+1₎, X₍⌈t(p + r₊)⌉₎] (confseq's `quantile_confidence_bound`). */
export function quantileIntervalFromRadii(sorted: Float64Array, t: number, p: number, lowerRadius: number | null, upperRadius: number | null): QuantileInterval {
  const lower = lowerRadius === null ? null : orderStatistic(sorted, t, Math.floor(t * (p - lowerRadius) + 1));
  const upper = upperRadius === null ? null : orderStatistic(sorted, t, Math.ceil(t * (p + upperRadius)));
  return { lower, upper };
}

/** Relative tolerance of the beta-binomial boundary roots. */
const BOUND_REL_TOL = 1e-12;

/**
 * The fixed-quantile boundary of one side: the radius u (count scale) where the two-sided beta-binomial
 * log mixture reaches the threshold, or null when it stays below it up to the largest possible count.
 */
export function makeQuantileRadius(p: number, tOpt: number, alpha: number, side: 'upper' | 'lower'): (t: number) => number | null {
  const g = side === 'upper' ? p : 1 - p;
  const h = 1 - g;
  const vOptValue = p * (1 - p) * tOpt;
  const logMixture = makeBetaBinomialLogMixture(vOptValue, g, h, alpha, false);
  const threshold = -Math.log(alpha);
  return (t: number): number | null => {
    if (t === 0) return null;
    const v = p * (1 - p) * t;
    const sMax = v / g;
    const f = (s: number): number => logMixture(s, v) - threshold;
    // the count cannot exceed sMax; if the mixture stays below the threshold even there, no bound yet
    const fMax = f(sMax);
    if (!(fMax >= 0)) return null;
    const f0 = f(0);
    if (f0 >= 0) return 0;
    return findRoot(f, 0, sMax, { fLo: f0, fHi: fMax, relTol: BOUND_REL_TOL });
  };
}
