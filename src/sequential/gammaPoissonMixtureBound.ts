import { mixtureBoundRoot } from './internal/mixtureBound.js';
import { nonNegative, openInterval, requireOptions } from './internal/validate.js';
import { gammaTuning } from './gammaExponentialLogMixture.js';
import { makeGammaPoissonLogMixture } from './gammaPoissonLogMixture.js';

/** Options of {@link gammaPoissonMixtureBound}. */
export interface GammaPoissonMixtureBoundOptions {
  /** Intrinsic time V_t ≥ 0. */
  readonly v: number;
  /** Crossing probability, in (0, 1). */
  readonly alpha: number;
  /** Intrinsic time at which the boundary should be tightest (> 0). */
  readonly vOpt: number;
  /** Sub-Poisson scale c > 0. */
  readonly c: number;
  /** Crossing probability the mixture is tuned for, in (0, 0.5) (default 0.05). */
  readonly alphaOpt?: number;
}

/**
 * The one-sided gamma-Poisson mixture boundary u(v) for sub-Poisson processes with scale c (e.g. centred
 * counts): the s ≥ 0 at which {@link gammaPoissonLogMixture} reaches log(1/α), so
 * P(∃t: S_t ≥ u(V_t)) ≤ α (Howard, Ramdas, McAuliffe & Sekhon 2021; confseq's
 * `gamma_poisson_mixture_bound`). Root by Brent's method on [0, 2ᵏ·v] to relative tolerance 1e-14.
 *
 * @throws CanaryJudgeError `INVALID_ARGUMENT` for v < 0, alpha outside (0, 1), vOpt ≤ 0, c ≤ 0, bad alphaOpt.
 *
 * @example
 * ```ts
 * gammaPoissonMixtureBound({ v: 100, alpha: 0.05, vOpt: 100, c: 2 }); // 30.19489841530464
 * ```
 */
export function gammaPoissonMixtureBound(options: GammaPoissonMixtureBoundOptions): number {
  requireOptions(options, 'gammaPoissonMixtureBound');
  const v = nonNegative(options.v, 'v');
  const alpha = openInterval(options.alpha, 'alpha', 0, 1);
  const t = gammaTuning(options);
  const logMixture = makeGammaPoissonLogMixture(t.vOpt, t.c, t.alphaOpt);
  return mixtureBoundRoot((s) => logMixture(s, v), -Math.log(alpha), v);
}
