import { logBeta } from '../stats/logBeta.js';
import { logIncompleteBeta } from '../stats/logIncompleteBeta.js';
import { oneSidedBestRho, twoSidedBestRho } from './internal/bestRho.js';
import { bool, finite, invalid, nonNegative, openInterval, positive, requireOptions } from './internal/validate.js';

/** Options of {@link betaBinomialLogMixture}. */
export interface BetaBinomialLogMixtureOptions {
  /** Current value of the centred running sum S_t; must satisfy −(r+v)/h < s < (r+v)/g. */
  readonly s: number;
  /** Intrinsic time V_t ≥ 0 (for a [0, 1] variable with mean p: t·p·(1−p)). */
  readonly v: number;
  /** Intrinsic time at which the matching boundary should be tightest (> 0). */
  readonly vOpt: number;
  /** Increments lie in [−g, h]: g > 0 (for a [0, 1] variable with mean p, g = p). */
  readonly g: number;
  /** Increments lie in [−g, h]: h > 0 (for a [0, 1] variable with mean p, h = 1 − p). */
  readonly h: number;
  /** Crossing probability the mixture is tuned for (default 0.05; one-sided needs < 0.5). */
  readonly alphaOpt?: number;
  /** true (default): one-sided mixture; false: two-sided. */
  readonly isOneSided?: boolean;
}

/** The regularised mixing parameter r = max(ρ − g·h, 0.001·g·h) of the beta-binomial mixture (internal). */
export function betaBinomialR(vOpt: number, g: number, h: number, alphaOpt: number, isOneSided: boolean): number {
  const rho = isOneSided ? oneSidedBestRho(vOpt, alphaOpt) : twoSidedBestRho(vOpt, alphaOpt);
  const gh = g * h;
  return Math.max(rho - gh, 1e-3 * gh);
}

/** The log mixture as a function of (s, v) with the tuning fixed (internal; no argument checks). */
export function makeBetaBinomialLogMixture(
  vOpt: number,
  g: number,
  h: number,
  alphaOpt: number,
  isOneSided: boolean,
): (s: number, v: number) => number {
  const r = betaBinomialR(vOpt, g, h, alphaOpt, isOneSided);
  const gh = g * h;
  const gph = g + h;
  const x = isOneSided ? h / gph : 1;
  const y = isOneSided ? g / gph : 0;
  const logG = Math.log(g);
  const logH = Math.log(h);
  const logGph = Math.log(gph);
  const normalizer = logIncompleteBeta(r / (g * gph), r / (h * gph), x, y);
  return (s: number, v: number): number =>
    (v / gh) * logGph -
    ((v + h * s) / (h * gph)) * logG -
    ((v - g * s) / (g * gph)) * logH +
    logIncompleteBeta((r + v - g * s) / (g * gph), (r + v + h * s) / (h * gph), x, y) -
    normalizer;
}

/**
 * The two-sided beta-binomial log mixture for a [0, 1] variable with hypothesised mean p (g = p,
 * h = 1 − p, so g + h = 1 and the log(g + h) term vanishes), in one call (internal; used in tight loops).
 */
export function twoSidedBernoulliLogMixture(s: number, v: number, p: number, q: number, r: number, logP: number, logQ: number): number {
  return (
    -(v / q + s) * logP -
    (v / p - s) * logQ +
    logBeta((r + v) / p - s, (r + v) / q + s) -
    logBeta(r / p, r / q)
  );
}

/** Validated tuning (internal, shared with the bound). */
export function betaBinomialTuning(options: {
  vOpt: number;
  g: number;
  h: number;
  alphaOpt?: number;
  isOneSided?: boolean;
}): { vOpt: number; g: number; h: number; alphaOpt: number; isOneSided: boolean } {
  const isOneSided = bool(options.isOneSided ?? true, 'isOneSided');
  return {
    vOpt: positive(options.vOpt, 'vOpt'),
    g: positive(options.g, 'g'),
    h: positive(options.h, 'h'),
    alphaOpt: openInterval(options.alphaOpt ?? 0.05, 'alphaOpt', 0, isOneSided ? 0.5 : 1),
    isOneSided,
  };
}

/**
 * Logarithm of the beta-binomial mixture supermartingale of Howard, Ramdas, McAuliffe & Sekhon (2021,
 * §3, the conjugate mixture for sub-Bernoulli processes whose increments lie in [−g, h]; confseq's
 * `beta_binomial_log_mixture`).
 *
 * With ρ = ρ(v_opt, alphaOpt) (two-sided) or ρ(v_opt, 2·alphaOpt) (one-sided), r = max(ρ − gh, 0.001·gh),
 * x = h/(g+h) (one-sided) or 1 (two-sided) and logIB(a, b, x) the log of the unregularized incomplete beta
 * function ({@link logIncompleteBeta}):
 * log M = v/(gh)·log(g+h) − (v+hs)/(h(g+h))·log g − (v−gs)/(g(g+h))·log h
 *         + logIB((r+v−gs)/(g(g+h)), (r+v+hs)/(h(g+h)), x) − logIB(r/(g(g+h)), r/(h(g+h)), x).
 * Finite on its domain −(r+v)/h < s < (r+v)/g (where M tends to +∞ at either end). The incomplete beta
 * is computed directly in log space, so v in the millions is fine.
 *
 * @throws CanaryJudgeError `INVALID_ARGUMENT` for s outside the domain, v < 0, vOpt/g/h ≤ 0, bad alphaOpt.
 *
 * @example
 * ```ts
 * // confseq's unit tests (g = 0.2, h = 0.8)
 * betaBinomialLogMixture({ s: 10, v: 100, vOpt: 100, g: 0.2, h: 0.8, isOneSided: false }); // -0.6941011739473836
 * betaBinomialLogMixture({ s: 10, v: 100, vOpt: 100, g: 0.2, h: 0.8 });                    // -0.07134018897935046
 * ```
 */
export function betaBinomialLogMixture(options: BetaBinomialLogMixtureOptions): number {
  requireOptions(options, 'betaBinomialLogMixture');
  const s = finite(options.s, 's');
  const v = nonNegative(options.v, 'v');
  const t = betaBinomialTuning(options);
  const r = betaBinomialR(t.vOpt, t.g, t.h, t.alphaOpt, t.isOneSided);
  const upper = (r + v) / t.g;
  const lower = -(r + v) / t.h;
  if (!(s > lower && s < upper)) invalid('s', `must lie in (−(r+v)/h, (r+v)/g) = (${lower}, ${upper}) (got ${s})`);
  return makeBetaBinomialLogMixture(t.vOpt, t.g, t.h, t.alphaOpt, t.isOneSided)(s, v);
}
