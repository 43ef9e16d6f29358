/**
 * Lag-1 autocorrelation and the block size that undoes it, for judging autocorrelated series (CPU, memory,
 * queue lengths scraped every few seconds) without over-confident tests.
 * @module
 */

/**
 * Lag-1 sample autocorrelation r₁ = Σ(xᵢ − x̄)(xᵢ₋₁ − x̄) / Σ(xᵢ − x̄)² (Box & Jenkins); 0 for fewer than 3
 * points or a constant series. NaN values make the result NaN: apply a NaN policy first.
 *
 * @example
 * ```ts
 * lag1Autocorrelation([1, 2, 3, 4, 5, 6]); // 0.5
 * ```
 */
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
 * Block size for batch means (Law & Kelton, "Simulation Modeling and Analysis", ch. 9): for an AR(1)-like series
 * with lag-1 autocorrelation ρ the variance of a mean of n points is about (1 + ρ)/(1 − ρ) times that of n
 * independent points, so blocks of b = ⌈(1 + ρ̂)/(1 − ρ̂)⌉ points behave like single independent points. ρ̂ is
 * the mean lag-1 autocorrelation of the two sides, clamped to [0, 0.98]; with `minBlocks` the size is capped so
 * that each side keeps at least that many blocks. Independent data is left alone: blocks are formed only when ρ̂
 * is significant, ρ̂ > 1.96/√(n_a + n_b) (Bartlett's standard error of a lag-1 autocorrelation), since
 * ⌈(1 + ρ̂)/(1 − ρ̂)⌉ = 2 for any ρ̂ > 0 would otherwise halve independent data in about half the runs and cost
 * power (docs/quality.md: aggregated in 1.5–4 % of independent runs instead of 37–55 %).
 *
 * @example
 * ```ts
 * const trend = Array.from({ length: 50 }, (_, i) => i);
 * autoBlockSize(trend, trend); // 39 (ρ̂ ≈ 0.95, far above 1.96/√100), or fewer with minBlocks
 * autoBlockSize([1, 2, 3, 4, 5, 6], [6, 5, 4, 3, 2, 1]); // 1: ρ̂ = 0.5 is not significant with 12 points
 * ```
 */
export function autoBlockSize(a: ArrayLike<number>, b: ArrayLike<number>, minBlocks: number | null = null): number {
  const r = (lag1Autocorrelation(a) + lag1Autocorrelation(b)) / 2;
  if (!(r > 1.96 / Math.sqrt(a.length + b.length))) return 1;
  const rho = Math.min(0.98, Number.isFinite(r) ? r : 0);
  let size = Math.ceil((1 + rho) / (1 - rho) - 1e-9);
  if (minBlocks !== null) size = Math.min(size, Math.max(1, Math.floor(Math.min(a.length, b.length) / minBlocks)));
  return Math.max(1, size);
}
