/**
 * The e-values behind {@link CountMonitor}: the Dirichlet-multinomial (for two arms, beta-binomial) mixture
 * test of Lindon & Malek (2022), "Anytime-valid inference for multinomial count data" (NeurIPS), as used
 * for counting processes in the Netflix tech blog "Sequential A/B testing keeps the world streaming Netflix,
 * part 2: counting processes" — written here as a function of the null rate ratio so that it can be
 * inverted into a confidence sequence (internal).
 *
 * Model. The canary receives a fixed share ρ of the traffic. Whatever the overall traffic does over time,
 * each event (error, failed request) lands in the canary with probability p(θ) = θρ / (θρ + 1 − ρ), where
 * θ is the ratio of the canary's event rate to the baseline's (per unit of traffic). With u = log θ,
 * logit p(θ) = u + logit ρ. Given C canary and B baseline events (N = B + C) the likelihood ratio of an
 * alternative share p against the null share p₀ = p(θ₀) is (p/p₀)^C ((1−p)/(1−p₀))^B.
 *
 * Mixtures (prior Beta(k·p₀, k·(1−p₀)) centred on the null, as savvi does with Dirichlet(k·ρ)):
 * - two-sided: E₂(θ₀) = B(kp₀ + C, k(1−p₀) + B) / B(kp₀, k(1−p₀)) / (p₀^C (1−p₀)^B) — at θ₀ = 1 this is
 *   exactly {@link dirichletMultinomialTest} with rho = [1 − ρ, ρ];
 * - one-sided "greater" (the canary rate is higher): the same prior restricted to p > p₀,
 *   E₊(θ₀) = E₂(θ₀) · P_post(p > p₀) / P_prior(p > p₀) with the posterior Beta(kp₀ + C, k(1−p₀) + B);
 * - one-sided "less": restricted to p < p₀, with the lower tails.
 * Each is a mixture of likelihood ratios, hence a nonnegative martingale with mean 1 under θ = θ₀ (Ville's
 * inequality: P(∃t: E ≥ 1/α) ≤ α). E₊(θ₀) is also a supermartingale for every θ < θ₀ (each ratio with
 * p > p₀ has expectation < 1 when the true share is below p₀), so it tests the composite null θ ≤ θ₀; E₋
 * likewise for θ ≥ θ₀.
 *
 * Inversion. The confidence sequence collects the θ₀ not rejected: lower end = the root of
 * log E₊(θ₀) = log(1/α) (one-sided) or the left root of log E₂ = log(1/α) (two-sided), upper end likewise
 * with E₋ / the right root. log E₊ decreases and log E₋ increases in θ₀ and log E₂ is unimodal (checked
 * numerically over 2000 random cases with shares 0.001–0.5, k = 1–1000, up to 30 000 events). Each root is
 * bracketed by stepping outwards from the maximum-likelihood estimate in u = log θ (steps 0.5, 1, 2, 4, …,
 * where every E ≤ 1 < 1/α), clipped to |u| ≤ 60, then polished by Brent's method to an absolute tolerance
 * of 1e-10 in u, i.e. a relative tolerance of 1e-10 on the ratio.
 * @module
 */
import { logGammaRatio } from '../../stats/logBeta.js';
import { logRegularizedIncompleteBeta } from '../../stats/logIncompleteBeta.js';
import { findRoot } from '../internal/roots.js';

/** Which mixture: the full prior, or the prior restricted to higher / lower canary shares. */
export type RateRatioSide = 'two' | 'greater' | 'less';

/** Search range of u = log θ: ratios from e^−60 ≈ 1e-26 to e^60 ≈ 1e26. */
export const RATE_RATIO_LOG_LIMIT = 60;
/** Absolute tolerance of the roots in u = log θ (relative tolerance 1e-10 on the ratio). */
export const RATE_RATIO_ROOT_TOLERANCE = 1e-10;

/**
 * log E(θ₀) at u = log θ₀ for B baseline and C canary events (non-negative; fractional counts are
 * accepted), logit of the canary share and prior concentration k.
 */
export function rateRatioLogEValue(
  baseline: number,
  canary: number,
  logitShare: number,
  k: number,
  u: number,
  side: RateRatioSide,
): number {
  const z = u + logitShare;
  // p₀ = expit(z) and q₀ = 1 − p₀, each computed without cancellation
  const e = Math.exp(-Math.abs(z));
  const big = 1 / (1 + e);
  const small = e / (1 + e);
  const p0 = z >= 0 ? big : small;
  const q0 = z >= 0 ? small : big;
  const n = baseline + canary;
  if (n === 0) return 0;
  const a = k * p0;
  const b = k * q0;
  const scale = k + n;
  // Σ_i [logΓ(α_i + N_i) − logΓ(α_i) − N_i·log(ρ_i(k + N))] − [logΓ(k + N) − logΓ(k) − N·log(k + N)]
  let value = -logGammaRatio(k, n, scale);
  if (canary > 0) value += logGammaRatio(a, canary, p0 * scale);
  if (baseline > 0) value += logGammaRatio(b, baseline, q0 * scale);
  if (side === 'greater') {
    // log P(p > p₀) = log I_{1−p₀}(β, α)
    value += logRegularizedIncompleteBeta(b + baseline, a + canary, q0, p0) - logRegularizedIncompleteBeta(b, a, q0, p0);
  } else if (side === 'less') {
    value += logRegularizedIncompleteBeta(a + canary, b + baseline, p0, q0) - logRegularizedIncompleteBeta(a, b, p0, q0);
  }
  return value;
}

/** The maximum-likelihood log ratio, clipped to the search range (±limit when a side has no events). */
export function rateRatioLogEstimate(baseline: number, canary: number, logitShare: number): number {
  if (canary === 0 && baseline === 0) return 0;
  if (canary === 0) return -RATE_RATIO_LOG_LIMIT;
  if (baseline === 0) return RATE_RATIO_LOG_LIMIT;
  const u = Math.log(canary) - Math.log(baseline) - logitShare;
  return Math.min(RATE_RATIO_LOG_LIMIT, Math.max(-RATE_RATIO_LOG_LIMIT, u));
}

/**
 * Left crossing: the u below `start` where f (negative at `start`, positive far to the left) changes sign.
 * Returns −Infinity when f stays negative down to −limit (no lower bound).
 */
function leftCrossing(f: (u: number) => number, start: number): number {
  let hi = start;
  let fHi = f(hi);
  if (!(fHi < 0)) return hi;
  let step = 0.5;
  for (;;) {
    let lo = hi - step;
    if (lo <= -RATE_RATIO_LOG_LIMIT) lo = -RATE_RATIO_LOG_LIMIT;
    const fLo = f(lo);
    if (fLo >= 0) return findRoot(f, lo, hi, { fLo, fHi, relTol: 0, absTol: RATE_RATIO_ROOT_TOLERANCE });
    if (lo === -RATE_RATIO_LOG_LIMIT) return -Infinity;
    hi = lo;
    fHi = fLo;
    step *= 2;
  }
}

/** Right crossing, the mirror of {@link leftCrossing}; +Infinity when there is none up to +limit. */
function rightCrossing(f: (u: number) => number, start: number): number {
  return -leftCrossing((u) => f(-u), -start);
}

/** The confidence-sequence ends (as ratios) of one look: lower ≥ 0, upper null when unbounded. */
export interface RateRatioInterval {
  lower: number;
  upper: number | null;
}

/**
 * The ends of the rate-ratio confidence set at one look: `oneSided` true takes the lower end from E₊ and
 * the upper end from E₋ (each a one-sided bound at level α), false takes both from E₂ (a two-sided set at
 * level α).
 */
export function rateRatioInterval(
  baseline: number,
  canary: number,
  logitShare: number,
  k: number,
  alpha: number,
  oneSided: boolean,
): RateRatioInterval {
  if (baseline + canary === 0) return { lower: 0, upper: null };
  const threshold = -Math.log(alpha);
  const start = rateRatioLogEstimate(baseline, canary, logitShare);
  const lowerSide: RateRatioSide = oneSided ? 'greater' : 'two';
  const upperSide: RateRatioSide = oneSided ? 'less' : 'two';
  const fLower = (u: number): number => rateRatioLogEValue(baseline, canary, logitShare, k, u, lowerSide) - threshold;
  const fUpper = (u: number): number => rateRatioLogEValue(baseline, canary, logitShare, k, u, upperSide) - threshold;
  const uLower = canary === 0 ? -Infinity : leftCrossing(fLower, start);
  const uUpper = baseline === 0 ? Infinity : rightCrossing(fUpper, start);
  return {
    lower: uLower === -Infinity ? 0 : Math.exp(uLower),
    upper: uUpper === Infinity ? null : Math.exp(uUpper),
  };
}
