import { arrayLike, invalid, requireOptions } from './internal/validate.js';
import { countVector, dirichletInputs, dirichletLogBayesFactor } from './dirichletMultinomialTest.js';

/** Options of {@link dirichletMultinomialTestSequence}. */
export interface DirichletMultinomialTestSequenceOptions {
  /** One row per look: the running TOTAL count per arm after that look (non-decreasing, not increments). */
  readonly cumulativeCounts: ArrayLike<ArrayLike<number>>;
  /** Null allocation probabilities ρ_i (> 0, summing to 1 within 1e-6). */
  readonly rho: ArrayLike<number>;
  /** Prior concentration k > 0 (default 100). */
  readonly k?: number;
}

/** Result of {@link dirichletMultinomialTestSequence}: one entry per look. */
export interface DirichletMultinomialTestSequenceResult {
  /** log Bayes factor at each look. */
  readonly logBayesFactor: number[];
  /** min(1, 1/BF) at each look on its own. */
  readonly pValue: number[];
  /** The always-valid p-value: running minimum of min(1, 1/BF) (starts at 1; never increases). */
  readonly pValueAlwaysValid: number[];
}

/**
 * The Dirichlet-multinomial sequential test (Lindon & Malek 2022; savvi's `Multinomial`) evaluated at a
 * series of looks: for each row of running totals, the log Bayes factor of
 * {@link dirichletMultinomialTest}, its single-look p-value, and the always-valid p-value
 * p_j = min(p_{j−1}, 1/BF_j), p_0 = 1, which can be monitored continuously: rejecting the null allocation
 * the first time it falls below α has type-I error ≤ α.
 *
 * @throws CanaryJudgeError `INVALID_ARGUMENT` for a row that is not a vector of non-negative integers of
 * the right length, a row that decreases, or bad ρ / k.
 *
 * @example
 * ```ts
 * dirichletMultinomialTestSequence({ cumulativeCounts: [[16, 28], [39, 54], [53, 71]], rho: [0.5, 0.5] });
 * // { logBayesFactor: [0.32099542078905907, 0.25656504708817174, 0.322621586917581],
 * //   pValue: [0.7254265728638347, 0.773704665687009, 0.7242478673875232],
 * //   pValueAlwaysValid: [0.7254265728638347, 0.7254265728638347, 0.7242478673875232] }
 * ```
 */
export function dirichletMultinomialTestSequence(
  options: DirichletMultinomialTestSequenceOptions,
): DirichletMultinomialTestSequenceResult {
  requireOptions(options, 'dirichletMultinomialTestSequence');
  const { rho, k } = dirichletInputs(options.rho, options.k);
  const rows = arrayLike(options.cumulativeCounts, 'cumulativeCounts');
  const logBayesFactor: number[] = [];
  const pValue: number[] = [];
  const pValueAlwaysValid: number[] = [];
  let previous: Float64Array | null = null;
  let running = 1;
  for (let j = 0; j < rows.length; j++) {
    const path = `cumulativeCounts[${j}]`;
    const counts = countVector(rows[j], rho.length, path);
    if (previous !== null) {
      for (let i = 0; i < counts.length; i++) {
        if (counts[i] < previous[i]) invalid(`${path}[${i}]`, `running totals cannot decrease (${previous[i]} → ${counts[i]})`);
      }
    }
    previous = counts;
    const lbf = dirichletLogBayesFactor(counts, rho, k);
    const p = Math.min(1, Math.exp(-lbf));
    running = Math.min(running, p);
    logBayesFactor.push(lbf);
    pValue.push(p);
    pValueAlwaysValid.push(running);
  }
  return { logBayesFactor, pValue, pValueAlwaysValid };
}
