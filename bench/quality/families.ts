/**
 * The data families of the per-SLI A/A study: baseline and canary are drawn from the same distribution, so the
 * right answer is always "pass". Each family is a kind of metric a canary judge meets in practice, with
 * parameters chosen to look like one:
 *
 * | family | model | stands for |
 * |---|---|---|
 * | `normal` | N(100, 20²) (CV 20 %) | response sizes, batch durations |
 * | `lognormal` | exp(N(ln 120, 0.5²)) (median 120) | request latency |
 * | `pareto` | Pareto(scale 50, shape 1.5): infinite variance | DB / GC pauses, heavy tails |
 * | `zeroInflated` | 0 with prob. 0.6, else Poisson(2.5): 63 % zeros, median 0 | queue rejections / retries per 10 s |
 * | `ar1` | stationary Gaussian AR(1), mean 50, sd 10, φ = 0.9 | CPU % every 10 s (neighbours correlated) |
 *
 * Pure (the random stream is passed in).
 * @module
 */
import type { Random } from '../../datasets/index.js';

/** A family of the per-SLI A/A study. */
export type Family = 'normal' | 'lognormal' | 'pareto' | 'zeroInflated' | 'ar1';

/** Every family, in table order. */
export const FAMILIES: readonly Family[] = ['normal', 'lognormal', 'pareto', 'zeroInflated', 'ar1'];

/** Parameters of each family (documented in docs/quality.md). */
export const FAMILY_PARAMETERS = Object.freeze({
  normal: { mean: 100, sd: 20 },
  lognormal: { median: 120, sigma: 0.5 },
  pareto: { scale: 50, shape: 1.5 },
  zeroInflated: { zeroShare: 0.6, poissonMean: 2.5 },
  ar1: { mean: 50, sd: 10, phi: 0.9 },
});

/** One side (n points) of a family, as a Float64Array in time order. */
export function drawFamily(rng: Random, family: Family, n: number): Float64Array {
  switch (family) {
    case 'normal': {
      const { mean, sd } = FAMILY_PARAMETERS.normal;
      return rng.sample(n, (r) => r.normal(mean, sd));
    }
    case 'lognormal': {
      const { median, sigma } = FAMILY_PARAMETERS.lognormal;
      const mu = Math.log(median);
      return rng.sample(n, (r) => r.lognormal(mu, sigma));
    }
    case 'pareto': {
      const { scale, shape } = FAMILY_PARAMETERS.pareto;
      return rng.sample(n, (r) => r.pareto(scale, shape));
    }
    case 'zeroInflated': {
      const { zeroShare, poissonMean } = FAMILY_PARAMETERS.zeroInflated;
      return rng.sample(n, (r) => (r.uniform() < zeroShare ? 0 : r.poisson(poissonMean)));
    }
    case 'ar1': {
      const { mean, sd, phi } = FAMILY_PARAMETERS.ar1;
      return rng.ar1({ length: n, phi, mean, sd });
    }
  }
}
