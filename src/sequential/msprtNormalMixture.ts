import { finite, nonNegative, openInterval, positive, requireOptions } from './internal/validate.js';

/** Options of {@link msprtNormalMixture}. */
export interface MsprtNormalMixtureOptions {
  /** Number of observations so far (e.g. pairs), n ≥ 0. */
  readonly n: number;
  /** Current estimate of the effect θ (e.g. difference of sample means) from those n observations. */
  readonly thetaHat: number;
  /** Null value θ₀. */
  readonly theta0: number;
  /** Variance of ONE observation of the difference (e.g. σ_A² + σ_B²), V > 0. */
  readonly V: number;
  /** Variance τ² > 0 of the normal mixing distribution around θ₀. */
  readonly tau2: number;
  /** Miscoverage of the confidence sequence, in (0, 1). */
  readonly alpha: number;
}

/** Result of {@link msprtNormalMixture}. */
export interface MsprtNormalMixtureResult {
  /** log Λ_n, the log mixture likelihood ratio. */
  readonly logLambda: number;
  /** Λ_n, or null if it overflows a double (logLambda is always given). */
  readonly Lambda: number | null;
  /** min(1, 1/Λ_n): the always-valid p-value of this single look. */
  readonly pValue: number;
  /** Lower end of the always-valid confidence interval for θ (null when n = 0: no information yet). */
  readonly ciLower: number | null;
  /** Upper end of the always-valid confidence interval for θ (null when n = 0). */
  readonly ciUpper: number | null;
}

/** The closed forms for one look (internal; inputs already checked). */
export function msprtLook(
  n: number,
  thetaHat: number,
  theta0: number,
  V: number,
  tau2: number,
  alpha: number,
): MsprtNormalMixtureResult {
  const ntau2 = n * tau2;
  const logRatio = Math.log1p(ntau2 / V); // log((V + nτ²)/V)
  const d = thetaHat - theta0;
  const logLambda = -0.5 * logRatio + (n * ntau2 * d * d) / (2 * V * (V + ntau2));
  const lambda = Math.exp(logLambda);
  const pValue = Math.min(1, Math.exp(-logLambda));
  if (n === 0) return { logLambda, Lambda: lambda, pValue, ciLower: null, ciUpper: null };
  const half = Math.sqrt(((V * (V + ntau2)) / (n * ntau2)) * (logRatio - 2 * Math.log(alpha)));
  return {
    logLambda,
    Lambda: Number.isFinite(lambda) ? lambda : null,
    pValue,
    ciLower: thetaHat - half,
    ciUpper: thetaHat + half,
  };
}

/**
 * The normal-mixture sequential probability ratio test (mSPRT) of Johari, Pekelis & Walsh (2017),
 * "Always valid inference: bringing sequential analysis to A/B testing" (the test behind Optimizely's
 * stats engine), for a difference of means with known per-observation variance V:
 *
 * Λ_n = √(V/(V + nτ²)) · exp(n²τ²(θ̂ − θ₀)² / (2V(V + nτ²))),
 * p = min(1, 1/Λ_n), and the always-valid confidence interval
 * θ̂ ± √(V(V + nτ²)/(n²τ²) · (log((V + nτ²)/V) − 2·log α)).
 *
 * This is one look with no history (previous p-value 1); to monitor a running experiment use
 * {@link msprtNormalMixtureSequence}, which carries the running minimum of p and the running intersection
 * of the intervals.
 *
 * @throws CanaryJudgeError `INVALID_ARGUMENT` for n < 0, non-finite thetaHat/theta0, V ≤ 0, tau2 ≤ 0,
 * alpha outside (0, 1).
 *
 * @example
 * ```ts
 * msprtNormalMixture({ n: 1000, thetaHat: 0.1, theta0: 0, V: 2, tau2: 0.01, alpha: 0.05 });
 * // { logLambda: 1.187453598719306, Lambda: 3.2787216275263895, pValue: 0.30499692063044814,
 * //   ciLower: -0.03667383670332258, ciUpper: 0.2366738367033226 }
 * ```
 */
export function msprtNormalMixture(options: MsprtNormalMixtureOptions): MsprtNormalMixtureResult {
  requireOptions(options, 'msprtNormalMixture');
  const n = nonNegative(options.n, 'n');
  const thetaHat = finite(options.thetaHat, 'thetaHat');
  const theta0 = finite(options.theta0, 'theta0');
  const V = positive(options.V, 'V');
  const tau2 = positive(options.tau2, 'tau2');
  const alpha = openInterval(options.alpha, 'alpha', 0, 1);
  return msprtLook(n, thetaHat, theta0, V, tau2, alpha);
}
