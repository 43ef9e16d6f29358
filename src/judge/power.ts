import { normalIsf } from '../stats/normal.js';

/**
 * Sample sizes that detect a given change with a given power — what the judge reports when an SLI is
 * `insufficient` or inconclusive ("about 180 points per side would detect a +5 % change with 80 % power").
 * @module
 */

/**
 * Noether's (1987) sample size for the Mann–Whitney test, per side with equal sizes:
 * N = (z_{1−α/2} + z_{power})² / (12·c·(1 − c)·(p′ − ½)²) with c = ½, where p′ = P(shifted > unshifted) is
 * the probability of superiority the change produces. Returns points per side (N/2, rounded up), or null
 * when p′ = ½ (no change to detect).
 *
 * @example
 * ```ts
 * noetherSampleSize({ superiority: 0.6, alpha: 0.05, power: 0.8 }); // 131 per side
 * ```
 */
export function noetherSampleSize(options: { superiority: number; alpha: number; power: number }): number | null {
  const { superiority, alpha, power } = options;
  const d = superiority - 0.5;
  if (!(Math.abs(d) > 1e-12)) return null;
  const z = normalIsf(alpha / 2) + normalIsf(1 - power);
  const total = (z * z) / (12 * 0.25 * d * d);
  return Math.ceil(total / 2);
}

/**
 * P(X + shift > X′) for X, X′ drawn independently from a sorted sample (ties count ½): the probability of
 * superiority a shift produces on this data, computed by a merge in O(n).
 */
export function superiorityOfShift(sorted: Float64Array, shift: number): number {
  const n = sorted.length;
  if (n === 0) return 0.5;
  let less = 0; // #{x′ < x + shift} accumulated
  let ties = 0;
  let j = 0;
  let k = 0;
  for (let i = 0; i < n; i++) {
    const v = sorted[i] + shift;
    while (j < n && sorted[j] < v) j++;
    while (k < n && sorted[k] <= v) k++;
    less += j;
    ties += k - j;
  }
  return (less + 0.5 * ties) / (n * n);
}

/**
 * Per-side sample size of the two-proportion test detecting p₂ against p₁ (Fleiss' formula without continuity
 * correction): n = (z_{1−α/2}·√(2·p̄·q̄) + z_{power}·√(p₁q₁ + p₂q₂))² / (p₂ − p₁)². null when p₁ = p₂ or p₁ is 0.
 *
 * @example
 * ```ts
 * twoProportionSampleSize({ p1: 0.01, p2: 0.02, alpha: 0.05, power: 0.8 }); // 2319
 * ```
 */
export function twoProportionSampleSize(options: { p1: number; p2: number; alpha: number; power: number }): number | null {
  const { p1, p2, alpha, power } = options;
  if (!(p1 > 0) || !(p2 > 0) || p1 >= 1 || p2 >= 1 || p1 === p2) return null;
  const pbar = (p1 + p2) / 2;
  const za = normalIsf(alpha / 2);
  const zb = normalIsf(1 - power);
  const num = za * Math.sqrt(2 * pbar * (1 - pbar)) + zb * Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2));
  return Math.ceil((num * num) / ((p2 - p1) * (p2 - p1)));
}
