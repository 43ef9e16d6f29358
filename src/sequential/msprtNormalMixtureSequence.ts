import { arrayLike, finite, invalid, nonNegative, openInterval, positive, requireOptions } from './internal/validate.js';
import { msprtLook } from './msprtNormalMixture.js';

/** One look of {@link msprtNormalMixtureSequence}. */
export interface MsprtStep {
  /** Number of observations so far (non-decreasing from step to step). */
  readonly n: number;
  /** Estimate of θ using all n observations. */
  readonly thetaHat: number;
}

/** Options of {@link msprtNormalMixtureSequence}. */
export interface MsprtNormalMixtureSequenceOptions {
  /** The looks, in order. */
  readonly steps: ArrayLike<MsprtStep>;
  /** Null value θ₀. */
  readonly theta0: number;
  /** Variance of ONE observation of the difference, V > 0. */
  readonly V: number;
  /** Variance τ² > 0 of the normal mixing distribution. */
  readonly tau2: number;
  /** Miscoverage of the confidence sequence, in (0, 1). */
  readonly alpha: number;
}

/** Result of {@link msprtNormalMixtureSequence}: one entry per step. */
export interface MsprtNormalMixtureSequenceResult {
  /** log Λ at each step. */
  readonly logLambda: number[];
  /** Λ at each step (null where it overflows a double). */
  readonly Lambda: Array<number | null>;
  /** Running minimum of min(1, 1/Λ) (p₀ = 1): the always-valid p-value. */
  readonly pValueAlwaysValid: number[];
  /** That step's interval on its own (null at n = 0). */
  readonly ciLower: Array<number | null>;
  /** That step's interval on its own (null at n = 0). */
  readonly ciUpper: Array<number | null>;
  /** Intersection of all intervals so far: running maximum of the lower ends (null until the first interval). */
  readonly ciLowerRunning: Array<number | null>;
  /** Intersection of all intervals so far: running minimum of the upper ends. */
  readonly ciUpperRunning: Array<number | null>;
}

/**
 * The mSPRT of Johari, Pekelis & Walsh (2017) monitored over a sequence of looks: for each step the
 * mixture likelihood ratio Λ of {@link msprtNormalMixture}, the always-valid p-value
 * p_j = min(p_{j−1}, 1/Λ_j) (p₀ = 1), the step's own confidence interval and the running intersection of
 * all intervals so far (also always valid: running max of lower ends, running min of upper ends). If the
 * running intersection ever becomes empty (lower > upper) — an event of probability ≤ α under the model —
 * the ends are reported as computed.
 *
 * @throws CanaryJudgeError `INVALID_ARGUMENT` for a step with n < 0 or n smaller than the previous step's,
 * non-finite thetaHat, or bad theta0 / V / tau2 / alpha.
 *
 * @example
 * ```ts
 * msprtNormalMixtureSequence({
 *   steps: [{ n: 100, thetaHat: 0.3 }, { n: 200, thetaHat: 0.25 }],
 *   theta0: 0, V: 2, tau2: 0.01, alpha: 0.05,
 * }).pValueAlwaysValid; // [0.5785285128864823, 0.2964352665369201]
 * ```
 */
export function msprtNormalMixtureSequence(options: MsprtNormalMixtureSequenceOptions): MsprtNormalMixtureSequenceResult {
  requireOptions(options, 'msprtNormalMixtureSequence');
  const theta0 = finite(options.theta0, 'theta0');
  const V = positive(options.V, 'V');
  const tau2 = positive(options.tau2, 'tau2');
  const alpha = openInterval(options.alpha, 'alpha', 0, 1);
  const steps = arrayLike(options.steps, 'steps');
  const out: MsprtNormalMixtureSequenceResult = {
    logLambda: [],
    Lambda: [],
    pValueAlwaysValid: [],
    ciLower: [],
    ciUpper: [],
    ciLowerRunning: [],
    ciUpperRunning: [],
  };
  let running = 1;
  let lowerRunning: number | null = null;
  let upperRunning: number | null = null;
  let previousN = 0;
  for (let j = 0; j < steps.length; j++) {
    const step: unknown = steps[j];
    if (step === null || typeof step !== 'object') invalid(`steps[${j}]`, 'must be an object { n, thetaHat }');
    const { n: stepN, thetaHat: stepTheta } = step as { n?: unknown; thetaHat?: unknown };
    const n = nonNegative(stepN, `steps[${j}].n`);
    if (n < previousN) invalid(`steps[${j}].n`, `must not decrease (${previousN} → ${n})`);
    previousN = n;
    const thetaHat = finite(stepTheta, `steps[${j}].thetaHat`);
    const look = msprtLook(n, thetaHat, theta0, V, tau2, alpha);
    running = Math.min(running, look.pValue);
    if (look.ciLower !== null && look.ciUpper !== null) {
      lowerRunning = lowerRunning === null ? look.ciLower : Math.max(lowerRunning, look.ciLower);
      upperRunning = upperRunning === null ? look.ciUpper : Math.min(upperRunning, look.ciUpper);
    }
    out.logLambda.push(look.logLambda);
    out.Lambda.push(look.Lambda);
    out.pValueAlwaysValid.push(running);
    out.ciLower.push(look.ciLower);
    out.ciUpper.push(look.ciUpper);
    out.ciLowerRunning.push(lowerRunning);
    out.ciUpperRunning.push(upperRunning);
  }
  return out;
}
