import { describe, expect, it } from 'vitest';
import { describeTimeToExhaustion, timeToExhaustion } from '../../src/slo/index.js';
import { thrown } from './helpers.js';

const DAY = 86400;

describe('timeToExhaustion (SRE workbook Table 5-4, 99.9% SLO over 30 days)', () => {
  it.each([
    [1, 30 * DAY, '30 days'],
    [2, 15 * DAY, '15 days'],
    [10, 3 * DAY, '3 days'],
    [1000, 43.2 * 60, '43.2 minutes'],
  ])('burn rate %d exhausts the budget in %d s (%s)', (rate, seconds, text) => {
    const t = timeToExhaustion({ burnRate: rate, period: '30d' });
    expect(t).toBeCloseTo(seconds, 6);
    expect(describeTimeToExhaustion(t)).toBe(text);
  });
  it('14.4× exhausts 30 days in 2.08 days; 6× in 5 days', () => {
    expect(timeToExhaustion({ burnRate: 14.4, period: '30d' })).toBeCloseTo(180000, 6);
    expect(describeTimeToExhaustion(timeToExhaustion({ burnRate: 14.4, period: '30d' }))).toBe('2.08 days');
    expect(timeToExhaustion({ burnRate: 6, period: '30d' })).toBeCloseTo(5 * DAY, 6);
  });
  it('scales with the remaining budget', () => {
    expect(timeToExhaustion({ burnRate: 10, period: '30d', remaining: 0.5 })).toBeCloseTo(1.5 * DAY, 6);
    expect(timeToExhaustion({ burnRate: 10, period: '30d', remaining: 0 })).toBe(0);
    expect(timeToExhaustion({ burnRate: 10, period: '30d', remaining: -0.2 })).toBe(0);
  });
  it('never exhausts at burn rate 0 (null), nor at rates too small to represent', () => {
    expect(timeToExhaustion({ burnRate: 0, period: '30d' })).toBeNull();
    expect(timeToExhaustion({ burnRate: 5e-324, period: '30d' })).toBeNull();
    expect(timeToExhaustion({ burnRate: 0, period: '30d', remaining: 0 })).toBe(0);
  });
  it('validates its options', () => {
    expect(thrown(() => timeToExhaustion({ burnRate: -1, period: '30d' }))).toEqual({ code: 'INVALID_ARGUMENT', path: 'burnRate' });
    expect(thrown(() => timeToExhaustion({ burnRate: 1, period: '0s' }))).toEqual({ code: 'INVALID_DURATION', path: 'period' });
    expect(thrown(() => timeToExhaustion({ burnRate: 1, period: '30d', remaining: Number.NaN }))).toEqual({ code: 'INVALID_ARGUMENT', path: 'remaining' });
  });
});

describe('describeTimeToExhaustion', () => {
  it('uses the largest fitting unit with three significant digits', () => {
    expect(describeTimeToExhaustion(null)).toBe('never');
    expect(describeTimeToExhaustion(0)).toBe('now');
    expect(describeTimeToExhaustion(1)).toBe('1 second');
    expect(describeTimeToExhaustion(45)).toBe('45 seconds');
    expect(describeTimeToExhaustion(0.25)).toBe('0.25 seconds');
    expect(describeTimeToExhaustion(3600)).toBe('1 hour');
    expect(describeTimeToExhaustion(5400)).toBe('1.5 hours');
    expect(describeTimeToExhaustion(86400)).toBe('1 day');
    expect(describeTimeToExhaustion(2 * 365 * 86400)).toBe('2 years');
    expect(thrown(() => describeTimeToExhaustion(-1)).code).toBe('INVALID_ARGUMENT');
  });
});
