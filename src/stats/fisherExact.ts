import { CanaryJudgeError } from '../errors.js';
import { logHypergeometricPmf } from './binomialDensity.js';

/** Result of {@link fisherExact}. */
export interface FisherExactResult {
  /** P-value for the chosen alternative. */
  pValue: number;
  /** Sample odds ratio (a·d)/(b·c) of the 2×2 table; null when a denominator is 0. */
  oddsRatio: number | null;
  alternative: 'two-sided' | 'less' | 'greater';
}

/**
 * Fisher's exact test of a 2×2 table
 * ```
 *            success   failure
 *   sample 1    a         b
 *   sample 2    c         d
 * ```
 * conditional on the margins (the count `a` is hypergeometric under H0). `greater`: sample 1 has the larger
 * success probability (large `a`); `less`: the smaller; `two-sided`: the sum of the probabilities of all tables no
 * more likely than the observed one (relative tolerance 1e-7, as R's `fisher.test` and scipy's `fisher_exact`).
 * The tail is summed from the observed table outward with the pmf recurrence, so it costs O(min(margins)) and
 * works for counts in the millions; p-values are accurate far into the tail (no `1 − cdf`).
 *
 * @example
 * ```ts
 * fisherExact(8, 2, 1, 5, { alternative: 'greater' }).pValue; // 0.0349650349650349 (R: fisher.test(..., alternative = "greater"))
 * ```
 */
export function fisherExact(
  a: number,
  b: number,
  c: number,
  d: number,
  options: { alternative?: 'two-sided' | 'less' | 'greater' } = {},
): FisherExactResult {
  const alternative = options.alternative ?? 'two-sided';
  for (const [name, v] of [['a', a], ['b', b], ['c', c], ['d', d]] as const) {
    if (!Number.isInteger(v) || v < 0) throw new CanaryJudgeError('INVALID_ARGUMENT', `fisherExact: ${name} must be a non-negative integer, got ${v}`, name);
  }
  const n1 = a + b; // size of sample 1
  const k = a + c; // total successes
  const n = a + b + c + d;
  const lo = Math.max(0, k - (n - n1));
  const hi = Math.min(k, n1);
  const oddsRatio = b * c === 0 ? null : (a * d) / (b * c);
  if (lo === hi) return { pValue: 1, oddsRatio, alternative };
  const logPmf = (x: number) => logHypergeometricPmf(x, k, n - k, n1);
  // ratio pmf(x+1)/pmf(x)
  const up = (x: number) => ((k - x) * (n1 - x)) / ((x + 1) * (n - k - n1 + x + 1));

  const upperTail = (from: number): number => {
    // Σ_{x ≥ from} pmf(x), summed relative to pmf(from)
    let term = 1;
    let sum = 1;
    for (let x = from; x < hi; x++) {
      term *= up(x);
      sum += term;
      if (term < sum * 1e-17) break;
    }
    return Math.exp(logPmf(from)) * sum;
  };
  const lowerTail = (from: number): number => {
    let term = 1;
    let sum = 1;
    for (let x = from; x > lo; x--) {
      term /= up(x - 1);
      sum += term;
      if (term < sum * 1e-17) break;
    }
    return Math.exp(logPmf(from)) * sum;
  };

  let pValue: number;
  if (alternative === 'greater') pValue = upperTail(a);
  else if (alternative === 'less') pValue = lowerTail(a);
  else {
    // mode of the hypergeometric distribution
    const mode = Math.floor(((k + 1) * (n1 + 1)) / (n + 2));
    const tol = 1e-7;
    const threshold = logPmf(a) + Math.log1p(tol);
    if (a === mode) pValue = 1;
    else if (a > mode) {
      // the other tail: x < mode with pmf(x) ≤ pmf(a)·(1 + tol), found by walking down from the mode
      let x = mode;
      let lp = logPmf(x);
      while (lp > threshold && x > lo) {
        lp -= Math.log(up(x - 1));
        x -= 1;
      }
      pValue = upperTail(a) + (lp <= threshold ? lowerTail(x) : 0);
    } else {
      let x = mode;
      let lp = logPmf(x);
      while (lp > threshold && x < hi) {
        lp += Math.log(up(x));
        x += 1;
      }
      pValue = lowerTail(a) + (lp <= threshold ? upperTail(x) : 0);
    }
  }
  return { pValue: Math.min(1, Math.max(0, pValue)), oddsRatio, alternative };
}
