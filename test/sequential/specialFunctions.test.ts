/**
 * The numeric helpers written for the confidence-sequence code (they live in src/stats):
 * riemannZeta, regularized incomplete gamma P / Q and their logs, logUpperIncompleteGamma,
 * logIncompleteGammaPrefix, logBeta, logGammaRatio, logIncompleteBeta — against mpmath values computed
 * offline at 40+ digits (specialFunctionValues.ts) and cross-checked with jstat / @stdlib.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import gammaln from '@stdlib/math-base-special-gammaln';
// @ts-ignore -- jstat ships no type declarations (test-only cross-check)
import jStatModule from 'jstat';
import { riemannZeta } from '../../src/stats/zeta.js';
import {
  logIncompleteGammaPrefix,
  logRegularizedGammaP,
  logRegularizedGammaQ,
  logUpperIncompleteGamma,
  regularizedGammaP,
  regularizedGammaQ,
} from '../../src/stats/incompleteGamma.js';
import { log1pmx, logBeta, logBetaPrefixAtMean, logGammaRatio, stirlingCorrection } from '../../src/stats/logBeta.js';
import { logIncompleteBeta, logRegularizedIncompleteBeta } from '../../src/stats/logIncompleteBeta.js';
import {
  GAMMA,
  GAMMA_LARGE_A,
  GAMMA_PREFIX,
  INCOMPLETE_BETA,
  LOG_BETA,
  LOG_GAMMA_RATIO,
  REGULARIZED_BETA,
  UPPER_GAMMA,
  ZETA,
} from './specialFunctionValues.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const jStat: any = (jStatModule as any).jStat ?? jStatModule;

const scaledError = (got: number, want: number): number => Math.abs(got - want) / Math.max(1, Math.abs(want));

describe('riemannZeta against mpmath', () => {
  it('relative error ≤ 1e-15 for s from 1.0001 to 100', () => {
    for (const [s, want] of ZETA) {
      expect(Math.abs(riemannZeta(s) - want) / want, `s=${s}`).toBeLessThanOrEqual(1e-15);
    }
  });
  it('closed forms and domain', () => {
    expect(riemannZeta(2)).toBeCloseTo((Math.PI * Math.PI) / 6, 15);
    expect(riemannZeta(4)).toBeCloseTo(Math.PI ** 4 / 90, 15);
    expect(riemannZeta(Infinity)).toBe(1);
    expect(riemannZeta(1)).toBeNaN();
    expect(riemannZeta(0.5)).toBeNaN();
    expect(riemannZeta(NaN)).toBeNaN();
  });
  it('decreases towards 1', () => {
    fc.assert(
      fc.property(fc.double({ min: 1.001, max: 80, noNaN: true }), fc.double({ min: 1e-3, max: 5, noNaN: true }), (s, ds) => {
        expect(riemannZeta(s + ds)).toBeLessThanOrEqual(riemannZeta(s));
        expect(riemannZeta(s)).toBeGreaterThanOrEqual(1); // = 1 + 2^−s, which rounds to 1 beyond s ≈ 53
      }),
    );
  });
});

describe('incomplete gamma against mpmath', () => {
  it('log P and log Q: error ≤ 1e-13·max(1, |value|) for a from 1e-3 to 1e6, both tails', () => {
    for (const [a, x, logP, logQ] of GAMMA) {
      expect(scaledError(logRegularizedGammaP(a, x), logP), `P(${a}, ${x})`).toBeLessThanOrEqual(1e-13);
      expect(scaledError(logRegularizedGammaQ(a, x), logQ), `Q(${a}, ${x})`).toBeLessThanOrEqual(1e-13);
    }
  });
  it('huge a near x (Temme expansion region): a up to 1e14, error ≤ 1e-13·max(1, |value|)', () => {
    for (const [a, x, logP, logQ] of GAMMA_LARGE_A) {
      expect(scaledError(logRegularizedGammaP(a, x), logP), `P(${a}, ${x})`).toBeLessThanOrEqual(1e-13);
      expect(scaledError(logRegularizedGammaQ(a, x), logQ), `Q(${a}, ${x})`).toBeLessThanOrEqual(1e-13);
    }
  });
  it('P and Q themselves, and exact cases', () => {
    expect(regularizedGammaP(1, 2)).toBeCloseTo(1 - Math.exp(-2), 15);
    expect(regularizedGammaQ(1, 2)).toBeCloseTo(Math.exp(-2), 16);
    expect(logRegularizedGammaQ(1, 2)).toBeCloseTo(-2, 14);
    expect(regularizedGammaP(2, 0)).toBe(0);
    expect(regularizedGammaQ(2, 0)).toBe(1);
    expect(regularizedGammaP(2, Infinity)).toBe(1);
    expect(logRegularizedGammaP(2, 0)).toBe(-Infinity);
    expect(regularizedGammaP(0, 1)).toBeNaN();
    expect(regularizedGammaQ(1, -1)).toBeNaN();
    // Q underflows but its log does not (mpmath: log Q(3, 1000) = -986.18...)
    expect(regularizedGammaQ(3, 1000)).toBe(0);
    expect(Number.isFinite(logRegularizedGammaQ(3, 1000))).toBe(true);
  });
  it('log Γ(a, x) for any real a (mpmath), including a ≤ 0', () => {
    for (const [a, x, want] of UPPER_GAMMA) {
      expect(scaledError(logUpperIncompleteGamma(a, x), want), `Γ(${a}, ${x})`).toBeLessThanOrEqual(1e-13);
    }
  });
  it('the prefix a·log x − x − logΓ(a) keeps full precision for huge a (mpmath)', () => {
    for (const [a, x, want] of GAMMA_PREFIX) {
      expect(scaledError(logIncompleteGammaPrefix(a, x), want), `prefix(${a}, ${x})`).toBeLessThanOrEqual(1e-14);
    }
  });
  it('P + Q = 1 and agreement with jstat.lowRegGamma', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.05, max: 200, noNaN: true }), fc.double({ min: 0.01, max: 3, noNaN: true }), (a, ratio) => {
        const x = a * ratio;
        const p = regularizedGammaP(a, x);
        const q = regularizedGammaQ(a, x);
        expect(Math.abs(p + q - 1)).toBeLessThanOrEqual(1e-14);
        expect(Math.abs(p - jStat.lowRegGamma(a, x))).toBeLessThanOrEqual(1e-9);
      }),
    );
  });
});

describe('logBeta, logGammaRatio, stirlingCorrection', () => {
  it('logBeta against mpmath (relative 1e-14) up to a, b ~ 1e8', () => {
    for (const [a, b, want] of LOG_BETA) {
      expect(scaledError(logBeta(a, b), want), `B(${a}, ${b})`).toBeLessThanOrEqual(1e-14);
    }
  });
  it('logGammaRatio against mpmath (1e-14 relative to max(1, |value|))', () => {
    for (const [x, n, y, want] of LOG_GAMMA_RATIO) {
      expect(scaledError(logGammaRatio(x, n, y), want), `ratio(${x}, ${n}, ${y})`).toBeLessThanOrEqual(1e-14);
    }
  });
  it('agrees with @stdlib gammaln where that is well conditioned', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 50, noNaN: true }), fc.double({ min: 0.01, max: 50, noNaN: true }), (a, b) => {
        const want = gammaln(a) + gammaln(b) - gammaln(a + b);
        expect(Math.abs(logBeta(a, b) - want)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(want)));
        expect(Math.abs(logGammaRatio(a, b, 2) - (gammaln(a + b) - gammaln(a) - b * Math.log(2)))).toBeLessThanOrEqual(
          1e-12 * Math.max(1, gammaln(a + b)),
        );
      }),
    );
  });
  it('log1pmx = log(1+t) − t without cancellation', () => {
    expect(log1pmx(1e-10)).toBeCloseTo(-5e-21 + 1e-30 / 3, 35);
    expect(log1pmx(1)).toBeCloseTo(Math.log(2) - 1, 16);
    expect(log1pmx(-0.3)).toBeCloseTo(-0.05667494393873237415, 16); // mpmath, for the double −0.3
    expect(log1pmx(-1)).toBe(-Infinity);
    expect(log1pmx(-2)).toBeNaN();
  });
  it('logBetaPrefixAtMean = a·log(a/T) + b·log(b/T) − log B(a, b), stable for huge arguments', () => {
    expect(logBetaPrefixAtMean(1, 1)).toBeCloseTo(Math.log(0.25), 15);
    expect(logBetaPrefixAtMean(2, 3)).toBeCloseTo(2 * Math.log(0.4) + 3 * Math.log(0.6) + Math.log(12), 14);
    // mpmath: a = b = 1e6 → 6.1022550426592693... − check with the closed form ½log(a/2) − ½log 2π − Δ(a) − Δ(a) + Δ(2a)
    const a = 1e6;
    const want = 0.5 * Math.log(a / 2) - 0.5 * Math.log(2 * Math.PI) - 2 * (1 / (12 * a)) + 1 / (24 * a);
    expect(logBetaPrefixAtMean(a, a)).toBeCloseTo(want, 13);
  });
  it('stirlingCorrection is lgamma minus the Stirling main part', () => {
    expect(stirlingCorrection(10)).toBeCloseTo(0.008330563433362871, 16);
    expect(stirlingCorrection(1e6)).toBeCloseTo(1 / 12e6, 20);
    expect(stirlingCorrection(0)).toBeNaN();
  });
});

describe('logIncompleteBeta (unregularized) against mpmath', () => {
  it('error ≤ 1e-13·max(1, |value|) for a, b from 0.1 to 1e6, x across the distribution', () => {
    for (const [a, b, x, want] of INCOMPLETE_BETA) {
      expect(scaledError(logIncompleteBeta(a, b, x), want), `B_${x}(${a}, ${b})`).toBeLessThanOrEqual(1e-13);
    }
  });
  it('regularized log I_x against mpmath: ≤ 5e-12·max(1, |value|), also for a, b ~ 1e7 near the mean', () => {
    // The continued fraction needs ~√min(a, b)… thousands of steps near the mean, and its rounding errors
    // accumulate: worst case seen 3.3e-12 (a = 328, b = 7.5e5), typically below 1e-13.
    for (const [a, b, x, want] of REGULARIZED_BETA) {
      expect(scaledError(logRegularizedIncompleteBeta(a, b, x), want), `I_${x}(${a}, ${b})`).toBeLessThanOrEqual(5e-12);
    }
    expect(logRegularizedIncompleteBeta(2, 3, 1)).toBe(0);
    expect(logRegularizedIncompleteBeta(2, 3, 0)).toBe(-Infinity);
  });
  it('x = 1 gives logBeta, x = 0 gives −Infinity, invalid gives NaN', () => {
    expect(logIncompleteBeta(2, 3, 1)).toBe(logBeta(2, 3));
    expect(logIncompleteBeta(2, 3, 0)).toBe(-Infinity);
    expect(logIncompleteBeta(1, 1, 0.3)).toBeCloseTo(Math.log(0.3), 15);
    expect(logIncompleteBeta(-1, 3, 0.5)).toBeNaN();
    expect(logIncompleteBeta(1, 3, 1.5)).toBeNaN();
  });
  it('the optional exact 1 − x argument is used (x = h/(g+h), y = g/(g+h))', () => {
    const g = 1e-12;
    const h = 1;
    const x = h / (g + h);
    const y = g / (g + h);
    // B_x(1e12, 1) = x^a/a; mpmath: log = -28.6310211159280481880830029374. From x alone, log x has an
    // absolute error ~1e-16 that a = 1e12 turns into ~1e-4; with y it is exact.
    expect(Math.abs(logIncompleteBeta(1e12, 1, x, y) - -28.631021115928048)).toBeLessThanOrEqual(1e-12);
    expect(Math.abs(logIncompleteBeta(1e12, 1, x) - -28.631021115928048)).toBeGreaterThan(1e-6);
  });
  it('regularized version agrees with jstat.ibeta (to the ~1e-9 accuracy of jstat; mpmath above is the real check)', () => {
    // e.g. I_0.26994746051075125(0.2, 0.2): mpmath 0.421905681341843736, ours 0.42190568134184575, jstat 0.4219056803418456
    fc.assert(
      fc.property(
        fc.double({ min: 0.2, max: 300, noNaN: true }),
        fc.double({ min: 0.2, max: 300, noNaN: true }),
        fc.double({ min: 0.001, max: 0.999, noNaN: true }),
        (a, b, x) => {
          const mine = Math.exp(logIncompleteBeta(a, b, x) - logBeta(a, b));
          expect(Math.abs(mine - jStat.ibeta(x, a, b))).toBeLessThanOrEqual(1e-7);
        },
      ),
    );
  });
});
