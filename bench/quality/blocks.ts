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

/** Lag-1 sample autocorrelation of a series (0 for fewer than 3 points or a constant series). */
export function lag1Autocorrelation(x: ArrayLike<number>): number {
  const n = x.length;
  if (n < 3) return 0;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += x[i];
  mean /= n;
  let num = 0;
  let den = 0;
  for (let i = 0; i < n; i++) {
    const d = x[i] - mean;
    den += d * d;
    if (i > 0) num += d * (x[i - 1] - mean);
  }
  return den > 0 ? num / den : 0;
}

/**
 * Block size from the lag-1 autocorrelation of both sides: ⌈(1 + ρ̂)/(1 − ρ̂)⌉. With `minBlocks`, the size is
 * capped so that each side keeps at least that many blocks (a decision stays possible, less protected).
 *
 * @example
 * ```ts
 * autoBlockSize(ar1Series, otherAr1Series);       // ≈ 19 for φ = 0.9
 * autoBlockSize(ar1Series, otherAr1Series, 20);   // at most ⌊n/20⌋
 * ```
 */
export function autoBlockSize(a: ArrayLike<number>, b: ArrayLike<number>, minBlocks: number | null = null): number {
  const rho = Math.min(0.98, Math.max(0, (lag1Autocorrelation(a) + lag1Autocorrelation(b)) / 2));
  let size = Math.ceil((1 + rho) / (1 - rho) - 1e-9);
  if (minBlocks !== null) size = Math.min(size, Math.max(1, Math.floor(Math.min(a.length, b.length) / minBlocks)));
  return Math.max(1, size);
}

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
