import { findRoot } from './internal/roots.js';
import { integerAtLeast, invalid, nonNegative, openInterval, positive, requireOptions } from './internal/validate.js';
import { betaBinomialR, twoSidedBernoulliLogMixture } from './betaBinomialLogMixture.js';

/** Options of {@link bernoulliConfidenceInterval}. */
export interface BernoulliConfidenceIntervalOptions {
  /** Sum of the observations so far, each in [0, 1] (may be fractional); 0 ≤ numSuccesses ≤ numTrials. */
  readonly numSuccesses: number;
  /** Number of observations n (integer ≥ 1). */
  readonly numTrials: number;
  /** Miscoverage of the confidence sequence, in (0, 1). */
  readonly alpha: number;
  /** Sample size at which the interval should be tightest (> 0). */
  readonly tOpt: number;
  /** Crossing probability the mixture is tuned for, in (0, 1) (default 0.05). */
  readonly alphaOpt?: number;
}

/** A confidence interval for a mean in [0, 1]. */
export interface BernoulliConfidenceInterval {
  /** Lower end (0 exactly when no p below the sample mean is excluded). */
  readonly lower: number;
  /** Upper end (1 exactly when no p above the sample mean is excluded). */
  readonly upper: number;
}

/**
 * Absolute tolerance of the end-point roots; a root this close to 0 or 1 means that nothing on that side
 * is excluded, and the end point is returned exactly.
 */
const END_TOL = 1e-15;

/**
 * An anytime-valid confidence sequence for the mean of observations in [0, 1] (e.g. a success rate),
 * from the two-sided beta-binomial mixture (Howard, Ramdas, McAuliffe & Sekhon 2021, §3 and Example on
 * Bernoulli data; confseq's `bernoulli_confidence_interval`). With probability ≥ 1 − α the intervals
 * computed after every observation **all** contain the true mean, however often they are looked at.
 *
 * A candidate p is excluded when the two-sided beta-binomial log mixture with g = p, h = 1 − p,
 * v_opt = p(1−p)·t_opt, evaluated at s = (p̂ − p)·n and v = p(1−p)·n, reaches log(1/α). The lower end is
 * the exclusion boundary in [0, p̂] (p ≤ 0 counted as excluded), the upper end the one in [p̂, 1]; both are
 * found by Brent's method with relative tolerance 1e-14 (confseq bisects to 2^-39). When nothing on a
 * side is excluded the end is exactly 0 or 1 (confseq returns the bisection's last midpoint, e.g.
 * 0.9999999999995453).
 *
 * @throws CanaryJudgeError `INVALID_ARGUMENT` for numTrials not an integer ≥ 1, numSuccesses outside
 * [0, numTrials], alpha or alphaOpt outside (0, 1), tOpt ≤ 0.
 *
 * @example
 * ```ts
 * bernoulliConfidenceInterval({ numSuccesses: 700, numTrials: 1000, alpha: 0.05, tOpt: 100 });
 * // { lower: 0.6516298138699304, upper: 0.745949500784987 }
 * ```
 */
export function bernoulliConfidenceInterval(options: BernoulliConfidenceIntervalOptions): BernoulliConfidenceInterval {
  requireOptions(options, 'bernoulliConfidenceInterval');
  const n = integerAtLeast(options.numTrials, 'numTrials', 1);
  const successes = nonNegative(options.numSuccesses, 'numSuccesses');
  if (successes > n) invalid('numSuccesses', `must be ≤ numTrials (got ${successes} > ${n})`);
  const alpha = openInterval(options.alpha, 'alpha', 0, 1);
  const tOpt = positive(options.tOpt, 'tOpt');
  const alphaOpt = openInterval(options.alphaOpt ?? 0.05, 'alphaOpt', 0, 1);
  const threshold = -Math.log(alpha);
  const pHat = successes / n;

  const objective = (p: number): number => {
    const q = 1 - p;
    const r = betaBinomialR(p * q * tOpt, p, q, alphaOpt, false);
    return twoSidedBernoulliLogMixture((pHat - p) * n, p * q * n, p, q, r) - threshold;
  };
  // at p = p̂ (s = 0) the log mixture is ≤ 0 < log(1/α): p̂ itself is never excluded
  const atHatValue = pHat > 0 && pHat < 1 ? objective(pHat) : -1;
  const atHat = atHatValue < 0 ? atHatValue : -1;

  let lower = 0;
  if (pHat > 2 * END_TOL) {
    const root = findRoot((p) => (p <= 0 ? 1 : objective(p)), 0, pHat, { fLo: 1, fHi: atHat, absTol: END_TOL });
    lower = root <= 2 * END_TOL ? 0 : root;
  }
  let upper = 1;
  if (1 - pHat > 2 * END_TOL) {
    const root = findRoot((p) => (p >= 1 ? 1 : objective(p)), pHat, 1, { fLo: atHat, fHi: 1, absTol: END_TOL });
    upper = 1 - root <= 2 * END_TOL ? 1 : root;
  }
  return { lower, upper };
}
