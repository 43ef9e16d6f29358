import { logGamma } from './logGamma.js';

const LOG_2PI = 1.8378770664093453;

/**
 * Stirling's error δ(n) = log n! − log(√(2πn)·(n/e)ⁿ), used for densities that stay accurate when n is in
 * the millions (Loader 2000, "Fast and accurate computation of binomial probabilities").
 */
function stirlingError(n: number): number {
  if (n <= 15) {
    if (n === 0) return 0;
    return logGamma(n + 1) - (n + 0.5) * Math.log(n) + n - LOG_2PI / 2;
  }
  const nn = n * n;
  return (1 / 12 - (1 / 360 - (1 / 1260 - (1 / 1680 - 1 / 1188 / nn) / nn) / nn) / nn) / n;
}

/** Deviance term x·log(x/m) + m − x, by a series when x is near m so that no precision is lost (Loader 2000). */
function devianceTerm(x: number, m: number): number {
  if (Math.abs(x - m) < 0.1 * (x + m)) {
    let v = (x - m) / (x + m);
    let s = (x - m) * v;
    let ej = 2 * x * v;
    v *= v;
    for (let j = 1; j < 1000; j++) {
      ej *= v;
      const s1 = s + ej / (2 * j + 1);
      if (s1 === s) return s1;
      s = s1;
    }
    return s;
  }
  return x * Math.log(x / m) + m - x;
}

/**
 * log of the binomial probability P(X = x) for X ~ Binomial(n, p), with q = 1 − p passed separately so that
 * p close to 1 loses nothing. Relative accuracy near machine precision even for n in the millions, where
 * log-gamma differences lose 8–9 digits (Loader's saddle-point form, as in R's `dbinom`).
 *
 * @example
 * ```ts
 * Math.exp(logBinomialPmf(3, 10, 0.5, 0.5)); // 0.1171875
 * ```
 */
export function logBinomialPmf(x: number, n: number, p: number, q: number): number {
  if (x < 0 || x > n) return -Infinity;
  if (p === 0) return x === 0 ? 0 : -Infinity;
  if (q === 0) return x === n ? 0 : -Infinity;
  if (x === 0) {
    if (n === 0) return 0;
    return p < 0.1 ? -devianceTerm(n, n * q) - n * p : n * Math.log(q);
  }
  if (x === n) return q < 0.1 ? -devianceTerm(n, n * p) - n * q : n * Math.log(p);
  const lc = stirlingError(n) - stirlingError(x) - stirlingError(n - x) - devianceTerm(x, n * p) - devianceTerm(n - x, n * q);
  const lf = LOG_2PI + Math.log(x) + Math.log1p(-x / n);
  return lc - 0.5 * lf;
}

/**
 * log of the hypergeometric probability of drawing x successes in `draws` draws without replacement from a
 * population with `successes` successes and `failures` failures (as R's `dhyper`, via three binomial densities).
 *
 * @example
 * ```ts
 * Math.exp(logHypergeometricPmf(1, 4, 6, 3)); // 0.5 (choose(4,1)·choose(6,2)/choose(10,3))
 * ```
 */
export function logHypergeometricPmf(x: number, successes: number, failures: number, draws: number): number {
  const total = successes + failures;
  if (x < 0 || x > successes || draws - x < 0 || draws - x > failures) return -Infinity;
  const p = draws / total;
  const q = (total - draws) / total;
  return logBinomialPmf(x, successes, p, q) + logBinomialPmf(draws - x, failures, p, q) - logBinomialPmf(draws, total, p, q);
}
