import { logIncompleteGammaPrefix, logRegularizedGammaQ, logUpperIncompleteGamma } from '../stats/incompleteGamma.js';
import { oneSidedBestRho } from './internal/bestRho.js';
import { finite, nonNegative, requireOptions } from './internal/validate.js';
import { gammaTuning } from './gammaExponentialLogMixture.js';

/** Options of {@link gammaPoissonLogMixture}. */
export interface GammaPoissonLogMixtureOptions {
  /** Current value of the centred running sum S_t. */
  readonly s: number;
  /** Intrinsic time V_t ≥ 0. */
  readonly v: number;
  /** Intrinsic time at which the matching boundary should be tightest (> 0). */
  readonly vOpt: number;
  /** Sub-Poisson scale c > 0. */
  readonly c: number;
  /** Crossing probability the mixture is tuned for, in (0, 0.5) (default 0.05). */
  readonly alphaOpt?: number;
}

/** The log mixture as a function of (s, v) with the tuning fixed (internal). */
export function makeGammaPoissonLogMixture(vOpt: number, c: number, alphaOpt: number): (s: number, v: number) => number {
  const rho = oneSidedBestRho(vOpt, alphaOpt);
  const c2 = c * c;
  const r = rho / c2;
  // leading constant r·log r − logΓ(r) − log Q(r, r) = prefix(r, r) + r − log Q(r, r)
  const prefixR = logIncompleteGammaPrefix(r, r);
  const logQr = logRegularizedGammaQ(r, r);
  return (s, v) => {
    const w = (v + rho) / c2;
    const a = s / c + w;
    if (a > 0) {
      // lead + logΓ(a) + log Q(a, w) − a·log w + v/c², regrouped so the large terms cancel exactly
      return prefixR - logIncompleteGammaPrefix(a, w) + logRegularizedGammaQ(a, w) - logQr;
    }
    // Γ(a, w) is entire in a: lead + log Γ(a, w) − a·log w + v/c²
    return prefixR + r - logQr + logUpperIncompleteGamma(a, w) - a * Math.log(w) + v / c2;
  };
}

/**
 * Logarithm of the gamma-Poisson mixture supermartingale of Howard, Ramdas, McAuliffe & Sekhon (2021,
 * §3, the one-sided conjugate mixture for sub-Poisson processes with scale c; confseq's
 * `gamma_poisson_log_mixture`).
 *
 * With ρ = ρ(v_opt, 2·alphaOpt), r = ρ/c², w = (v+ρ)/c², a = s/c + w and Q the regularized upper
 * incomplete gamma function:
 * log M = r·log r − logΓ(r) − log Q(r, r) + logΓ(a) + log Q(a, w) − a·log w + v/c².
 * Evaluated as prefix(r, r) − prefix(a, w) + log Q(a, w) − log Q(r, r) with the cancellation-free
 * {@link logIncompleteGammaPrefix}. For a ≤ 0 (s ≤ −(v+ρ)/c, outside the range confseq documents)
 * logΓ(a) + log Q(a, w) is replaced by the unregularized log Γ(a, w), which exists for every real a, so
 * the function is finite for every finite s.
 *
 * @throws CanaryJudgeError `INVALID_ARGUMENT` for non-finite s, v < 0, vOpt ≤ 0, c ≤ 0, alphaOpt outside (0, 0.5).
 *
 * @example
 * ```ts
 * // confseq's unit test
 * gammaPoissonLogMixture({ s: 10, v: 100, vOpt: 100, c: 2 }); // -0.0699121853170559
 * ```
 */
export function gammaPoissonLogMixture(options: GammaPoissonLogMixtureOptions): number {
  requireOptions(options, 'gammaPoissonLogMixture');
  const s = finite(options.s, 's');
  const v = nonNegative(options.v, 'v');
  const t = gammaTuning(options);
  return makeGammaPoissonLogMixture(t.vOpt, t.c, t.alphaOpt)(s, v);
}
