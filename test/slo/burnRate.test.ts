import { describe, expect, it } from 'vitest';
import { burnRate, burnRateThreshold } from '../../src/slo/index.js';
import { thrown } from './helpers.js';

describe('burnRate (SRE workbook Table 5-4)', () => {
  it('maps error ratios to burn rates at a 99.9% SLO', () => {
    expect(burnRate(0.001, 0.999)).toBe(1);
    expect(burnRate(0.002, 0.999)).toBe(2);
    expect(burnRate(0.01, 0.999)).toBe(10);
    expect(burnRate(1, 0.999)).toBe(1000);
    expect(burnRate(0, 0.999)).toBe(0);
    // 36× is an error ratio of 3.6% at 99.9% (workbook approach 4).
    expect(burnRate(0.036, 0.999)).toBeCloseTo(36, 12);
    expect(burnRate(0.02, 0.99)).toBeCloseTo(2, 14);
  });
  it('rejects ratios given as percentages and bad objectives', () => {
    expect(thrown(() => burnRate(2, 0.999))).toEqual({ code: 'INVALID_ARGUMENT', path: 'errorRatio' });
    expect(thrown(() => burnRate(-0.1, 0.999))).toEqual({ code: 'INVALID_ARGUMENT', path: 'errorRatio' });
    expect(thrown(() => burnRate(Number.NaN, 0.999)).code).toBe('INVALID_ARGUMENT');
    expect(thrown(() => burnRate(0.01, 99.9)).code).toBe('INVALID_OBJECTIVE');
  });
});

describe('burnRateThreshold (SRE workbook Table 5-8, Sloth, Pyrra)', () => {
  it('reproduces the workbook recommended thresholds for 30 days', () => {
    expect(burnRateThreshold({ budgetFraction: 0.02, window: '1h', period: '30d' })).toBeCloseTo(14.4, 12);
    expect(burnRateThreshold({ budgetFraction: 0.05, window: '6h', period: '30d' })).toBeCloseTo(6, 12);
    expect(burnRateThreshold({ budgetFraction: 0.1, window: '3d', period: '30d' })).toBeCloseTo(1, 12);
    expect(burnRateThreshold({ budgetFraction: 0.05, window: '1h', period: '30d' })).toBeCloseTo(36, 12);
  });
  it("reproduces Sloth's 28-day factors", () => {
    expect(burnRateThreshold({ budgetFraction: 0.02, window: '1h', period: '28d' })).toBeCloseTo(13.44, 12);
    expect(burnRateThreshold({ budgetFraction: 0.05, window: '6h', period: '28d' })).toBeCloseTo(5.6, 12);
    expect(burnRateThreshold({ budgetFraction: 0.1, window: '1d', period: '28d' })).toBeCloseTo(2.8, 12);
    expect(burnRateThreshold({ budgetFraction: 0.1, window: '3d', period: '28d' })).toBeCloseTo(0.9333333333333333, 12);
  });
  it("reproduces Pyrra's factors from its budget fractions (1/48, 1/16, 1/14, 1/7 of 28 days)", () => {
    expect(burnRateThreshold({ budgetFraction: 1 / 48, window: '1h', period: '28d' })).toBeCloseTo(14, 12);
    expect(burnRateThreshold({ budgetFraction: 1 / 16, window: '6h', period: '28d' })).toBeCloseTo(7, 12);
    expect(burnRateThreshold({ budgetFraction: 1 / 14, window: '1d', period: '28d' })).toBeCloseTo(2, 12);
    expect(burnRateThreshold({ budgetFraction: 1 / 7, window: '4d', period: '28d' })).toBeCloseTo(1, 12);
  });
  it('validates its options', () => {
    expect(thrown(() => burnRateThreshold({ budgetFraction: 0, window: '1h', period: '30d' }))).toEqual({ code: 'INVALID_ARGUMENT', path: 'budgetFraction' });
    expect(thrown(() => burnRateThreshold({ budgetFraction: 0.02, window: '1 h', period: '30d' }))).toEqual({ code: 'INVALID_DURATION', path: 'window' });
    expect(thrown(() => burnRateThreshold({ budgetFraction: 1e308, window: '1ms', period: '1y' })).code).toBe('OUT_OF_RANGE');
  });
});
