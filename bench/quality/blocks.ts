/**
 * Harness-side block aggregation of time series before judging — what a judge option for autocorrelated SLIs
 * would do (the judge config has only `smoothing`, which makes autocorrelation worse, not better).
 *
 * Batch means (Law & Kelton, "Simulation Modeling and Analysis", ch. 9): the means of consecutive blocks of b
 * points of a stationary series are much less correlated than the points, so a rank test over block means is no
 * longer over-confident. For an AR(1) series with lag-1 autocorrelation ρ the variance of a mean of n points is
 * about (1 + ρ)/(1 − ρ) times that of n independent points, so `auto` uses b = ⌈(1 + ρ̂)/(1 − ρ̂)⌉ with ρ̂ the
 * mean lag-1 autocorrelation of the two sides (clamped to [0, 0.98]).
 * @module
 */
import { blockAggregate } from '../../src/preprocess/blockAggregate.js';
import { autoBlockSize } from '../../src/preprocess/autocorrelation.js';

export { lag1Autocorrelation, autoBlockSize } from '../../src/preprocess/autocorrelation.js';

/** How to aggregate: a fixed block size, or `auto` (optionally capped to keep `minBlocks` blocks). */
export type BlockSpec = { size: number; stat: 'mean' | 'median' } | { size: 'auto'; stat: 'mean' | 'median'; minBlocks?: number };

/** Block-aggregates both sides with the same block size (last partial block dropped). */
export function aggregateSides(a: ArrayLike<number>, b: ArrayLike<number>, spec: BlockSpec): { baseline: Float64Array; canary: Float64Array; size: number } {
  const size = spec.size === 'auto' ? autoBlockSize(a, b, spec.minBlocks ?? null) : spec.size;
  return {
    baseline: blockAggregate(a, { size, stat: spec.stat, remainder: 'drop' }),
    canary: blockAggregate(b, { size, stat: spec.stat, remainder: 'drop' }),
    size,
  };
}
