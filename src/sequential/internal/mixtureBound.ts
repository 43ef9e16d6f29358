/**
 * The boundary of a mixture supermartingale (internal): the s ≥ 0 at which log M(s, v) reaches
 * log(1/α).
 * @module
 */
import { findRoot } from './roots.js';

/** Relative tolerance of the boundary root (confseq stops at a 2^-39 ≈ 1.8e-12 relative bracket). */
export const BOUND_REL_TOL = 1e-14;

/**
 * Solve logMixture(s) = logThreshold for s in [0, sMax] (sMax given: the mixture is only defined up to
 * there, and sMax itself is returned when the threshold is not reached — confseq's convention) or in
 * [0, ∞) (sMax = Infinity: an upper end is found by doubling from `start`, as confseq does from v).
 * logMixture must be increasing on s ≥ 0 with logMixture(0) < logThreshold (true for every mixture here:
 * M(0, v) ≤ 1 < 1/α). Returns NaN only if no finite upper end exists.
 */
export function mixtureBoundRoot(
  logMixture: (s: number) => number,
  logThreshold: number,
  start: number,
  sMax = Infinity,
): number {
  const f = (s: number): number => logMixture(s) - logThreshold;
  let hi: number;
  let fHi: number;
  if (sMax !== Infinity) {
    hi = sMax;
    fHi = f(hi);
    if (!(fHi >= 0)) return sMax;
  } else {
    hi = start > 0 ? start : 1;
    fHi = f(hi);
    let tries = 0;
    while (!(fHi > 0)) {
      hi *= 2;
      fHi = f(hi);
      if (++tries > 2000 || hi === Infinity) return NaN;
    }
  }
  const fLo = f(0);
  if (fLo >= 0) return 0;
  return findRoot(f, 0, hi, { fLo, fHi, relTol: BOUND_REL_TOL });
}
