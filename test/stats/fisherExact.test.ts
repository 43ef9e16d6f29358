import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fisherExact } from '../../src/stats/fisherExact.js';
import { CanaryJudgeError } from '../../src/errors.js';
import fixture from '../fixtures/fisher-exact.json';

describe('fisherExact against scipy.stats.fisher_exact', () => {
  for (const c of fixture.cases) {
    const [a, b, cc, d] = c.table;
    for (const alt of ['two-sided', 'less', 'greater'] as const) {
      it(`${c.table.join(',')} ${alt}`, () => {
        const got = fisherExact(a, b, cc, d, { alternative: alt }).pValue;
        const want = c[alt];
        expect(Math.abs(got - want)).toBeLessThanOrEqual(1e-10 * Math.max(want, 1e-300) + 1e-15);
      });
    }
  }
  it('rejects non-integer counts with a CanaryJudgeError', () => {
    expect(() => fisherExact(1.5, 1, 1, 1)).toThrow(CanaryJudgeError);
    expect(() => fisherExact(-1, 1, 1, 1)).toThrow(CanaryJudgeError);
  });
  it('property: p in [0,1], two-sided ≥ each one-sided, one-sided tails overlap at the observed table', () => {
    fc.assert(
      fc.property(fc.nat(60), fc.nat(60), fc.nat(60), fc.nat(60), (a, b, c, d) => {
        const two = fisherExact(a, b, c, d).pValue;
        const g = fisherExact(a, b, c, d, { alternative: 'greater' }).pValue;
        const l = fisherExact(a, b, c, d, { alternative: 'less' }).pValue;
        for (const p of [two, g, l]) expect(p >= 0 && p <= 1).toBe(true);
        expect(g + l).toBeGreaterThanOrEqual(1 - 1e-9);
        expect(two).toBeGreaterThanOrEqual(Math.min(g, l) - 1e-12);
      }),
    );
  });
});
