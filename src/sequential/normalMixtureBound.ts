import { mixtureBoundRoot } from './internal/mixtureBound.js';
import { twoSidedBestRho } from './internal/bestRho.js';
import { nonNegative, openInterval, requireOptions } from './internal/validate.js';
import { makeNormalLogMixture, normalTuning } from './normalLogMixture.js';

/** Options of {@link normalMixtureBound}. */
export interface NormalMixtureBoundOptions {
  /** Intrinsic time V_t ≥ 0 at which to evaluate the boundary. */
  readonly v: number;
  /** Crossing probability of the boundary, in (0, 1). */
  readonly alpha: number;
  /** Intrinsic time at which the boundary should be tightest (> 0). */
  readonly vOpt: number;
  /** Crossing probability the mixture is tuned for (default 0.05; one-sided needs < 0.5). */
  readonly alphaOpt?: number;
  /** true (default): one-sided boundary for S_t; false: two-sided boundary for |S_t|. */
  readonly isOneSided?: boolean;
}

/**
 * The normal-mixture uniform boundary u(v): the value of s at which {@link normalLogMixture} reaches
 * log(1/α), so that P(∃t: S_t ≥ u(V_t)) ≤ α (one-sided) or P(∃t: |S_t| ≥ u(V_t)) ≤ α (two-sided) for a
 * sub-Gaussian running sum (Howard, Ramdas, McAuliffe & Sekhon 2021, §3; confseq's
 * `normal_mixture_bound`).
 *
 * Two-sided it is the closed form √((v+ρ)·(log(1 + v/ρ) + 2·log(1/α))); one-sided it is the root in s ≥ 0
 * of the one-sided log mixture, found by Brent's method on a bracket [0, 2ᵏ·v] (k = number of doublings
 * needed), to a relative tolerance of 1e-14 (confseq bisects to 2^-39 ≈ 1.8e-12).
 *
 * @throws CanaryJudgeError `INVALID_ARGUMENT` for v < 0, alpha outside (0, 1), vOpt ≤ 0, bad alphaOpt.
 *
 * @example
 * ```ts
 * normalMixtureBound({ v: 100, alpha: 0.05, vOpt: 100, isOneSided: false }); // 30.35208990376253
 * normalMixtureBound({ v: 100, alpha: 0.05, vOpt: 100 });                    // 27.6607088306732
 * ```
 */
export function normalMixtureBound(options: NormalMixtureBoundOptions): number {
  requireOptions(options, 'normalMixtureBound');
  const v = nonNegative(options.v, 'v');
  const alpha = openInterval(options.alpha, 'alpha', 0, 1);
  const t = normalTuning(options);
  const logThreshold = -Math.log(alpha);
  if (!t.isOneSided) {
    const rho = twoSidedBestRho(t.vOpt, t.alphaOpt);
    return Math.sqrt((v + rho) * (Math.log1p(v / rho) + 2 * logThreshold));
  }
  const logMixture = makeNormalLogMixture(t.vOpt, t.alphaOpt, true);
  return mixtureBoundRoot((s) => logMixture(s, v), logThreshold, v);
}
