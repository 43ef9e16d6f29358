import { mixtureBoundRoot } from './internal/mixtureBound.js';
import { nonNegative, openInterval, requireOptions } from './internal/validate.js';
import { betaBinomialTuning, makeBetaBinomialLogMixture } from './betaBinomialLogMixture.js';

/** Options of {@link betaBinomialMixtureBound}. */
export interface BetaBinomialMixtureBoundOptions {
  /** Intrinsic time V_t ≥ 0. */
  readonly v: number;
  /** Crossing probability, in (0, 1). */
  readonly alpha: number;
  /** Intrinsic time at which the boundary should be tightest (> 0). */
  readonly vOpt: number;
  /** Increments lie in [−g, h]: g > 0. */
  readonly g: number;
  /** Increments lie in [−g, h]: h > 0. */
  readonly h: number;
  /** Crossing probability the mixture is tuned for (default 0.05; one-sided needs < 0.5). */
  readonly alphaOpt?: number;
  /** true (default): one-sided boundary; false: two-sided. */
  readonly isOneSided?: boolean;
}

/**
 * The beta-binomial mixture boundary u(v) for sub-Bernoulli processes with increments in [−g, h]: the s
 * in [0, v/g] at which {@link betaBinomialLogMixture} reaches log(1/α) (Howard, Ramdas, McAuliffe &
 * Sekhon 2021; confseq's `beta_binomial_mixture_bound`). Because a sum of such increments can never
 * exceed v/g, the search is limited to [0, v/g] and, as in confseq, v/g itself is returned when the log
 * mixture is still below the threshold there (the boundary cannot be crossed yet). Root by Brent's method
 * to relative tolerance 1e-14.
 *
 * @throws CanaryJudgeError `INVALID_ARGUMENT` for v < 0, alpha outside (0, 1), vOpt/g/h ≤ 0, bad alphaOpt.
 *
 * @example
 * ```ts
 * betaBinomialMixtureBound({ v: 100, alpha: 0.05, vOpt: 100, g: 0.2, h: 0.8, isOneSided: false }); // 31.43079759607257
 * betaBinomialMixtureBound({ v: 0.32, alpha: 0.05, vOpt: 100, g: 0.2, h: 0.8 });                   // 1.5999999999999999 (= 0.32/0.2 = v/g: capped)
 * ```
 */
export function betaBinomialMixtureBound(options: BetaBinomialMixtureBoundOptions): number {
  requireOptions(options, 'betaBinomialMixtureBound');
  const v = nonNegative(options.v, 'v');
  const alpha = openInterval(options.alpha, 'alpha', 0, 1);
  const t = betaBinomialTuning(options);
  const logMixture = makeBetaBinomialLogMixture(t.vOpt, t.g, t.h, t.alphaOpt, t.isOneSided);
  return mixtureBoundRoot((s) => logMixture(s, v), -Math.log(alpha), v, v / t.g);
}
