import { logIncompleteGammaPrefix, logRegularizedGammaP } from '../stats/incompleteGamma.js';
import { logGamma } from '../stats/logGamma.js';
import { oneSidedBestRho } from './internal/bestRho.js';
import { finite, nonNegative, openInterval, positive, requireOptions } from './internal/validate.js';

/** Options of {@link gammaExponentialLogMixture}. */
export interface GammaExponentialLogMixtureOptions {
  /** Current value of the centred running sum S_t. */
  readonly s: number;
  /** Intrinsic time V_t ≥ 0. */
  readonly v: number;
  /** Intrinsic time at which the matching boundary should be tightest (> 0). */
  readonly vOpt: number;
  /** Sub-exponential scale c > 0. */
  readonly c: number;
  /** Crossing probability the mixture is tuned for, in (0, 0.5) (default 0.05). */
  readonly alphaOpt?: number;
}

/**
 * log ∫₀¹ u^(w−1) e^(z·u) du = log Σₙ tₙ with tₙ = zⁿ/(n!·(w+n)), for z ≥ 0 (all terms positive). This is
 * γ(w, y)·y^(−w) continued to y = −z ≤ 0. The terms peak near n ≈ z, so the sum starts there (its log
 * from logGamma) and runs outwards in both directions until the terms are negligible: O(√z) terms.
 */
function logKummerIntegral(w: number, z: number): number {
  const peak = Math.floor(z);
  const logPeak = peak * (peak > 0 ? Math.log(z) : 0) - logGamma(peak + 1) - Math.log(w + peak);
  let sum = 1;
  let term = 1;
  for (let n = peak; ; n++) {
    term *= (z * (w + n)) / ((n + 1) * (w + n + 1));
    sum += term;
    if (term <= 1e-17 * sum) break;
  }
  term = 1;
  for (let n = peak; n > 0; n--) {
    term *= (n * (w + n)) / (z * (w + n - 1));
    sum += term;
    if (term <= 1e-17 * sum) break;
  }
  return logPeak + Math.log(sum);
}

/** The log mixture as a function of (s, v) with the tuning fixed (internal). */
export function makeGammaExponentialLogMixture(vOpt: number, c: number, alphaOpt: number): (s: number, v: number) => number {
  const rho = oneSidedBestRho(vOpt, alphaOpt);
  const c2 = c * c;
  const r = rho / c2;
  // leading constant r·log r − logΓ(r) − log P(r, r), written as prefix(r, r) + r − log P(r, r)
  const prefixR = logIncompleteGammaPrefix(r, r);
  const logPr = logRegularizedGammaP(r, r);
  return (s, v) => {
    const w = (v + rho) / c2;
    const y = (c * s + v + rho) / c2;
    if (y > 0) {
      // lead + logΓ(w) + log P(w, y) − w·log y + (cs + v)/c², regrouped so the large terms cancel exactly
      return prefixR - logIncompleteGammaPrefix(w, y) + logRegularizedGammaP(w, y) - logPr;
    }
    // lead + log ∫₀¹ u^(w−1) e^(−y·u) du + (cs + v)/c² (the y > 0 branch is the same with γ(w, y)·y^(−w))
    return prefixR + r - logPr + logKummerIntegral(w, -y) + (c * s + v) / c2;
  };
}

/** Validated tuning (internal, shared with the bound). */
export function gammaTuning(options: { vOpt: number; c: number; alphaOpt?: number }): { vOpt: number; c: number; alphaOpt: number } {
  return {
    vOpt: positive(options.vOpt, 'vOpt'),
    c: positive(options.c, 'c'),
    alphaOpt: openInterval(options.alphaOpt ?? 0.05, 'alphaOpt', 0, 0.5),
  };
}

/**
 * Logarithm of the gamma-exponential mixture supermartingale of Howard, Ramdas, McAuliffe & Sekhon
 * (2021, §3, the one-sided conjugate mixture for sub-exponential processes with scale c; confseq's
 * `gamma_exponential_log_mixture`).
 *
 * With ρ = ρ(v_opt, 2·alphaOpt), r = ρ/c², w = (v+ρ)/c², y = (c·s + v + ρ)/c² and P the regularized lower
 * incomplete gamma function:
 * log M = r·log r − logΓ(r) − log P(r, r) + logΓ(w) + log P(w, y) − w·log y + (c·s + v)/c².
 * It is evaluated as prefix(r, r) − prefix(w, y) + log P(w, y) − log P(r, r), with
 * prefix(a, x) = a·log x − x − logΓ(a) computed cancellation-free ({@link logIncompleteGammaPrefix}), so
 * it stays accurate when w is in the tens of thousands. For y ≤ 0 (s ≤ −(v+ρ)/c, outside the range
 * confseq documents) the same integral ∫₀¹u^(w−1)e^(−yu)du is summed as a positive series, so the
 * function is finite for every finite s.
 *
 * @throws CanaryJudgeError `INVALID_ARGUMENT` for non-finite s, v < 0, vOpt ≤ 0, c ≤ 0, alphaOpt outside (0, 0.5).
 *
 * @example
 * ```ts
 * // confseq's unit test
 * gammaExponentialLogMixture({ s: 10, v: 100, vOpt: 100, c: 2 }); // -0.24901647897554013
 * ```
 */
export function gammaExponentialLogMixture(options: GammaExponentialLogMixtureOptions): number {
  requireOptions(options, 'gammaExponentialLogMixture');
  const s = finite(options.s, 's');
  const v = nonNegative(options.v, 'v');
  const t = gammaTuning(options);
  return makeGammaExponentialLogMixture(t.vOpt, t.c, t.alphaOpt)(s, v);
}
