import { riemannZeta } from '../stats/zeta.js';
import { finite, greaterThan, nonNegative, openInterval, positive, requireOptions } from './internal/validate.js';

/** Options of {@link polyStitchingBound}. */
export interface PolyStitchingBoundOptions {
  /** Intrinsic time V_t ≥ 0. */
  readonly v: number;
  /** Crossing probability, in (0, 1). */
  readonly alpha: number;
  /** Smallest intrinsic time the boundary is optimised for (> 0); for v < vMin the value at vMin is used. */
  readonly vMin: number;
  /** Sub-gamma scale c (default 0 = sub-Gaussian; may be negative, e.g. for sub-Bernoulli with g > h). */
  readonly c?: number;
  /** Exponent s > 1 spreading α over the epochs (default 1.4). */
  readonly s?: number;
  /** Geometric spacing η > 1 of the epochs (default 2). */
  readonly eta?: number;
}

/**
 * The polynomial stitching boundary of Howard, Ramdas, McAuliffe & Sekhon (2021, Theorem 1 / eq. (6);
 * confseq's `poly_stitching_bound`): a closed-form curve growing like √(v·log log v) that a sub-gamma
 * running sum with variance process V_t crosses with probability at most α:
 *
 * with V = max(v, v_min), k₁ = (η^¼ + η^(−¼))/√2, k₂ = (√η + 1)/2, A = log(ζ(s)/log(η)^s) and
 * ℓ = s·log log(η·V/v_min) + A + log(1/α):  u(v) = √(k₁²·V·ℓ + (k₂·c·ℓ)²) + k₂·c·ℓ.
 *
 * ζ is {@link riemannZeta}. In the rare corner where ℓ would be negative (α close to 1 with a wide η)
 * ℓ is taken as 0, i.e. the boundary is 0.
 *
 * @throws CanaryJudgeError `INVALID_ARGUMENT` for v < 0, alpha outside (0, 1), vMin ≤ 0, non-finite c, s ≤ 1, eta ≤ 1.
 *
 * @example
 * ```ts
 * polyStitchingBound({ v: 100, alpha: 0.05, vMin: 10, c: 3 }); // 64.487546659065 (confseq unit test)
 * ```
 */
export function polyStitchingBound(options: PolyStitchingBoundOptions): number {
  requireOptions(options, 'polyStitchingBound');
  const v = nonNegative(options.v, 'v');
  const alpha = openInterval(options.alpha, 'alpha', 0, 1);
  const vMin = positive(options.vMin, 'vMin');
  const c = finite(options.c ?? 0, 'c');
  const s = greaterThan(options.s ?? 1.4, 's', 1);
  const eta = greaterThan(options.eta ?? 2, 'eta', 1);
  const k1 = (Math.pow(eta, 0.25) + Math.pow(eta, -0.25)) / Math.SQRT2;
  const k2 = (Math.sqrt(eta) + 1) / 2;
  const logEta = Math.log(eta);
  const A = Math.log(riemannZeta(s)) - s * Math.log(logEta);
  const useV = Math.max(v, vMin);
  const ell = Math.max(0, s * Math.log(Math.log((eta * useV) / vMin)) + A - Math.log(alpha));
  const term2 = k2 * c * ell;
  return Math.sqrt(k1 * k1 * useV * ell + term2 * term2) + term2;
}
