import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import gammalnStdlib from '@stdlib/math-base-special-gammaln';
import { logGamma } from '../../src/stats/logGamma.js';
import fixture from '../fixtures/special-functions.json';

describe('logGamma against scipy.special.gammaln', () => {
  it('relative error ≤ 1e-13 (absolute ≤ 1e-14 near the zeros at 1 and 2)', () => {
    for (const [x, want] of fixture.gammaln as number[][]) {
      const got = logGamma(x);
      const err = Math.abs(got - want);
      expect(err, `x=${x}`).toBeLessThanOrEqual(Math.max(1e-13 * Math.abs(want), 1e-14));
    }
  });
  it('exact values and poles', () => {
    expect(logGamma(1)).toBe(0);
    expect(logGamma(2)).toBe(0);
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 14);
    expect(logGamma(0)).toBe(Infinity);
    expect(logGamma(-3)).toBe(Infinity);
    expect(logGamma(NaN)).toBeNaN();
  });
  it('agrees with @stdlib gammaln on random positive arguments', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-8, max: 1e8, noNaN: true }), (x) => {
        const want = gammalnStdlib(x);
        expect(Math.abs(logGamma(x) - want)).toBeLessThanOrEqual(Math.max(1e-12 * Math.abs(want), 1e-13));
      }),
    );
  });
});
