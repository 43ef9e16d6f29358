/**
 * Harness-side block aggregation of time series before judging, for treatments the judge's own `aggregate`
 * option does not offer (an uncapped automatic size; an automatic size only when the autocorrelation is
 * significant). The judge's `aggregate: 'auto'` is measured through `judge()` itself; test/quality checks that it
 * equals {@link aggregateSides} with `{ size: 'auto', stat: 'mean', minBlocks: minSamples }`.
 *
 * Batch means (Law & Kelton, "Simulation Modeling and Analysis", ch. 9): the means of consecutive blocks of b
 * points of a stationary series are much less correlated than the points, so a rank test over block means is no
 * longer over-confident. For an AR(1) series with lag-1 autocorrelation ρ the variance of a mean of n points is
 * about (1 + ρ)/(1 − ρ) times that of n independent points, so `auto` uses b = ⌈(1 + ρ̂)/(1 − ρ̂)⌉ with ρ̂ the
 * mean lag-1 autocorrelation of the two sides (clamped to [0, 0.98]; src/preprocess `autoBlockSize`).
 * @module
 */
import { blockAggregate } from '../../src/preprocess/blockAggregate.js';
import { autoBlockSize, lag1Autocorrelation } from '../../src/preprocess/autocorrelation.js';

export { lag1Autocorrelation, autoBlockSize } from '../../src/preprocess/autocorrelation.js';

/**
 * How to aggregate: a fixed block size, or `auto` (optionally capped to keep `minBlocks` blocks; with
 * `significantOnly`, blocks only when ρ̂ is significantly above 0, see {@link significantAutoBlockSize}).
 */
export type BlockSpec =
  | { size: number; stat: 'mean' | 'median' }
  | { size: 'auto'; stat: 'mean' | 'median'; minBlocks?: number; significantOnly?: boolean };

/**
 * `autoBlockSize`, but 1 (no aggregation) unless the mean lag-1 autocorrelation ρ̄ of the two sides exceeds
 * z/√(n_a + n_b), its one-sided 2.5 % critical value under independence (each r₁ has variance ≈ 1/n: Bartlett
 * 1946). On independent data `autoBlockSize` picks 2 whenever ρ̄ > 0 — about half the runs — because
 * ⌈(1 + ρ̄)/(1 − ρ̄)⌉ = 2 for any small positive ρ̄; this variant measures what a significance gate would change.
 *
 * @example
 * ```ts
 * significantAutoBlockSize([1, 2, 3, 4, 5, 6], [6, 5, 4, 3, 2, 1]); // 1: ρ̄ = 0.5 is not significant with 12 points
 * ```
 */
export function significantAutoBlockSize(a: ArrayLike<number>, b: ArrayLike<number>, minBlocks: number | null = null, z = 1.96): number {
  const r = (lag1Autocorrelation(a) + lag1Autocorrelation(b)) / 2;
  if (!(r > z / Math.sqrt(a.length + b.length))) return 1;
  return autoBlockSize(a, b, minBlocks);
}

/** Block-aggregates both sides with the same block size (last partial block dropped). */
export function aggregateSides(a: ArrayLike<number>, b: ArrayLike<number>, spec: BlockSpec): { baseline: Float64Array; canary: Float64Array; size: number } {
  const size = spec.size !== 'auto'
    ? spec.size
    : spec.significantOnly
      ? significantAutoBlockSize(a, b, spec.minBlocks ?? null)
      : autoBlockSize(a, b, spec.minBlocks ?? null);
  return {
    baseline: blockAggregate(a, { size, stat: spec.stat, remainder: 'drop' }),
    canary: blockAggregate(b, { size, stat: spec.stat, remainder: 'drop' }),
    size,
  };
}
