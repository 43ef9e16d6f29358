import { describe, expect, it } from 'vitest';
import { projectedBurnRate } from '../../src/slo/index.js';
import { thrown } from './helpers.js';

describe('projectedBurnRate', () => {
  it('projects a canary error ratio onto the SLO (workbook numbers)', () => {
    const p = projectedBurnRate({ canaryErrorRatio: 0.0144, objective: 0.999 });
    expect(p.burnRate).toBeCloseTo(14.4, 12);
    expect(p.errorBudget).toBe(0.001);
    expect(p.period).toBe(2592000);
    expect(p.timeToExhaustion).toBeCloseTo(180000, 6); // 30 d / 14.4 = 2.083 d
    expect(p.timeToExhaustionText).toBe('2.08 days');
    expect(p.summary).toBe(
      "At the canary's error ratio (1.44%), the 99.9% SLO's error budget (0.1%) would burn at 14.4× and a full 30d budget would be exhausted in 2.08 days.",
    );
  });
  it('100% errors at 99.9% burn at 1000× and exhaust 30 days in 43.2 minutes', () => {
    const p = projectedBurnRate({ canaryErrorRatio: 1, objective: 0.999 });
    expect(p.burnRate).toBe(1000);
    expect(p.timeToExhaustion).toBeCloseTo(2592, 9);
    expect(p.timeToExhaustionText).toBe('43.2 minutes');
  });
  it('handles no errors, other periods and a partly spent budget', () => {
    const zero = projectedBurnRate({ canaryErrorRatio: 0, objective: 0.9995, period: '28d' });
    expect(zero.burnRate).toBe(0);
    expect(zero.timeToExhaustion).toBeNull();
    expect(zero.summary).toBe("At the canary's error ratio (0%), the 99.95% SLO's error budget (0.05%) would burn at 0× and a full 4w budget would never be exhausted.");
    const half = projectedBurnRate({ canaryErrorRatio: 0.002, objective: 0.999, remaining: 0.5 });
    expect(half.timeToExhaustion).toBeCloseTo(7.5 * 86400, 6);
    expect(half.summary).toContain('the 50% left of the 30d budget would be exhausted in 7.5 days');
    const gone = projectedBurnRate({ canaryErrorRatio: 0.002, objective: 0.999, remaining: -0.1 });
    expect(gone.timeToExhaustion).toBe(0);
    expect(gone.summary).toContain('the 30d budget is already exhausted');
    expect(JSON.parse(JSON.stringify(gone))).toEqual(gone);
  });
  it('validates its options', () => {
    expect(thrown(() => projectedBurnRate({ canaryErrorRatio: 2, objective: 0.999 }))).toEqual({ code: 'INVALID_ARGUMENT', path: 'canaryErrorRatio' });
    expect(thrown(() => projectedBurnRate({ canaryErrorRatio: 0.01, objective: 99.9 }))).toEqual({ code: 'INVALID_OBJECTIVE', path: 'objective' });
    expect(thrown(() => projectedBurnRate({ canaryErrorRatio: 0.01, objective: 0.999, period: 'month' }))).toEqual({ code: 'INVALID_DURATION', path: 'period' });
  });
});
