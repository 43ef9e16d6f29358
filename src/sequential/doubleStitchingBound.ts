import { riemannZeta } from '../stats/zeta.js';
import { atLeast, greaterThan, nonNegative, openInterval, positive, requireOptions } from './internal/validate.js';

/** Options of {@link doubleStitchingBound}. */
export interface DoubleStitchingBoundOptions {
  /** The quantile level p in (0, 1). */
  readonly quantileP: number;
  /** Sample size t ≥ 0. */
  readonly t: number;
  /** Crossing probability, in (0, 1). */
  readonly alpha: number;
  /** Sample size at which the bound is optimised (≥ 1; truncated to an integer, as confseq does). */
  readonly tOpt: number;
  /** Fineness δ > 0 of the quantile grid (default 0.5). */
  readonly delta?: number;
  /** Exponent s > 1 spreading α over the epochs (default 1.4). */
  readonly s?: number;
  /** Geometric spacing η > 1 of the epochs (default 2). */
  readonly eta?: number;
}

function logit(p: number): number {
  return Math.log(p / (1 - p));
}

function expit(l: number): number {
  return 1 / (1 + Math.exp(-l));
}

/**
 * The double stitching boundary of Howard & Ramdas (2022), "Sequential estimation of quantiles with
 * applications to A/B-testing and best-arm identification" (Theorem 2; confseq's
 * `double_stitching_bound`): a bound, on the count scale, uniform over time **and** over quantiles, for
 * the deviation of the empirical CDF at the p-quantile; it grows like √(t·log log t).
 *
 * With t_max = max(t, t_opt), r = p if p ≥ ½ else min(½, expit(logit p + 2δ·√(t_opt·η/t_max))),
 * σ² = r(1−r), j = √(t_max/t_opt)·|logit p|/(2δ) + 1,
 * ℓ = s·log log(η·t_max/t_opt) + s·log j + log(2ζ(s)(2ζ(s)+1)/(α·log(η)^s)), c_p = (1 − 2p)/3 and k₁, k₂ as
 * in {@link polyStitchingBound}:
 * u = δ·√(η·t_max·σ²/t_opt) + √(k₁²·σ²·t_max·ℓ + (k₂·c_p·ℓ)²) + k₂·c_p·ℓ.
 *
 * @throws CanaryJudgeError `INVALID_ARGUMENT` for quantileP outside (0, 1), t < 0, alpha outside (0, 1),
 * tOpt < 1, delta ≤ 0, s ≤ 1, eta ≤ 1.
 *
 * @example
 * ```ts
 * doubleStitchingBound({ quantileP: 0.5, t: 1000, alpha: 0.05, tOpt: 100 }); // 68.62802892121623
 * ```
 */
export function doubleStitchingBound(options: DoubleStitchingBoundOptions): number {
  requireOptions(options, 'doubleStitchingBound');
  const p = openInterval(options.quantileP, 'quantileP', 0, 1);
  const t = nonNegative(options.t, 't');
  const alpha = openInterval(options.alpha, 'alpha', 0, 1);
  const tOpt = Math.trunc(atLeast(options.tOpt, 'tOpt', 1));
  const delta = positive(options.delta ?? 0.5, 'delta');
  const s = greaterThan(options.s ?? 1.4, 's', 1);
  const eta = greaterThan(options.eta ?? 2, 'eta', 1);
  const k1 = (Math.pow(eta, 0.25) + Math.pow(eta, -0.25)) / Math.SQRT2;
  const k2 = (Math.sqrt(eta) + 1) / 2;
  const tMax = Math.max(t, tOpt);
  const lp = logit(p);
  const r = p >= 0.5 ? p : Math.min(0.5, expit(lp + 2 * delta * Math.sqrt((tOpt * eta) / tMax)));
  const sigma2 = r * (1 - r);
  const j = (Math.sqrt(tMax / tOpt) * Math.abs(lp)) / (2 * delta) + 1;
  const zeta = riemannZeta(s);
  const logEta = Math.log(eta);
  const ell =
    s * Math.log(Math.log((eta * tMax) / tOpt)) +
    s * Math.log(j) +
    Math.log((2 * zeta * (2 * zeta + 1)) / alpha) -
    s * Math.log(logEta);
  const cp = (1 - 2 * p) / 3;
  const term2 = k2 * cp * ell;
  return delta * Math.sqrt((eta * tMax * sigma2) / tOpt) + Math.sqrt(k1 * k1 * sigma2 * tMax * ell + term2 * term2) + term2;
}
