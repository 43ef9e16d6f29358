import { describe, expect, it } from 'vitest';
import { budgetConsumed, budgetRemaining, errorBudget } from '../../src/slo/index.js';
import { thrown } from './helpers.js';

describe('errorBudget', () => {
  it('is 1 − objective, exact for decimal objectives', () => {
    // SRE workbook ch. 5: a 99.9% SLO has a 0.1% error budget.
    expect(errorBudget(0.999)).toBe(0.001);
    expect(errorBudget(0.99)).toBe(0.01);
    expect(errorBudget(0.9995)).toBe(0.0005);
    expect(errorBudget(0.99999)).toBe(0.00001);
    expect(errorBudget(0.5)).toBe(0.5);
    expect(errorBudget(1e-7)).toBeCloseTo(1 - 1e-7, 15);
  });
  it('rejects objectives outside (0, 1), with a hint for percentages', () => {
    expect(thrown(() => errorBudget(99.9))).toEqual({ code: 'INVALID_OBJECTIVE', path: 'objective' });
    for (const bad of [0, 1, -0.1, 100, Number.NaN, Infinity]) {
      expect(thrown(() => errorBudget(bad)).code).toBe('INVALID_OBJECTIVE');
    }
  });
});

describe('budgetConsumed (SRE workbook: burn rate × window / period)', () => {
  it('reproduces the workbook numbers', () => {
    // Table 5-8: 14.4× for 1h of 30d = 2%; 6× for 6h = 5%; 1× for 3d = 10%.
    expect(budgetConsumed({ burnRate: 14.4, window: '1h', period: '30d' })).toBeCloseTo(0.02, 15);
    expect(budgetConsumed({ burnRate: 6, window: '6h', period: '30d' })).toBeCloseTo(0.05, 15);
    expect(budgetConsumed({ burnRate: 1, window: '3d', period: '30d' })).toBeCloseTo(0.1, 15);
    // Approach 4: "36× ... 5% of the budget in 1 hour".
    expect(budgetConsumed({ burnRate: 36, window: '1h', period: '30d' })).toBeCloseTo(0.05, 15);
    // Pyrra rules.go: factor 14 "error budget burn: 50% within a day" (28d).
    expect(budgetConsumed({ burnRate: 14, window: '1d', period: '28d' })).toBeCloseTo(0.5, 15);
    expect(budgetConsumed({ burnRate: 0, window: '1h', period: '30d' })).toBe(0);
    expect(budgetConsumed({ burnRate: 2, window: 3600, period: 7200 })).toBe(1);
  });
  it('validates its options', () => {
    expect(thrown(() => budgetConsumed({ burnRate: -1, window: '1h', period: '30d' }))).toEqual({ code: 'INVALID_ARGUMENT', path: 'burnRate' });
    expect(thrown(() => budgetConsumed({ burnRate: 1, window: '0', period: '30d' }))).toEqual({ code: 'INVALID_DURATION', path: 'window' });
    expect(thrown(() => budgetConsumed({ burnRate: 1, window: '1h', period: '30days' }))).toEqual({ code: 'INVALID_DURATION', path: 'period' });
    expect(thrown(() => budgetConsumed(null as never)).code).toBe('INVALID_ARGUMENT');
  });
});

describe('budgetRemaining', () => {
  it('is the fraction of the budget left, negative when overspent', () => {
    // 99.9% of 1,000,000 requests allows 1000 errors.
    expect(budgetRemaining({ errors: 0, total: 1_000_000, objective: 0.999 })).toBe(1);
    expect(budgetRemaining({ errors: 250, total: 1_000_000, objective: 0.999 })).toBe(0.75);
    expect(budgetRemaining({ errors: 1000, total: 1_000_000, objective: 0.999 })).toBe(0);
    expect(budgetRemaining({ errors: 1500, total: 1_000_000, objective: 0.999 })).toBe(-0.5);
    expect(budgetRemaining({ errors: 5, total: 100, objective: 0.9 })).toBeCloseTo(0.5, 15);
  });
  it('a period without traffic has spent nothing', () => {
    expect(budgetRemaining({ errors: 0, total: 0, objective: 0.999 })).toBe(1);
  });
  it('stays finite for extreme but valid counts', () => {
    const r = budgetRemaining({ errors: 0, total: 5e-324, objective: 0.999 });
    expect(r).toBe(1);
    expect(Number.isFinite(budgetRemaining({ errors: 5e-324, total: 5e-324, objective: 0.999 }))).toBe(true);
  });
  it('validates counts', () => {
    expect(thrown(() => budgetRemaining({ errors: 2, total: 1, objective: 0.999 }))).toEqual({ code: 'INVALID_ARGUMENT', path: 'errors' });
    expect(thrown(() => budgetRemaining({ errors: -1, total: 1, objective: 0.999 }))).toEqual({ code: 'INVALID_ARGUMENT', path: 'errors' });
    expect(thrown(() => budgetRemaining({ errors: 0, total: Number.NaN, objective: 0.999 }))).toEqual({ code: 'INVALID_ARGUMENT', path: 'total' });
    expect(thrown(() => budgetRemaining({ errors: 0, total: 10, objective: 99.9 })).code).toBe('INVALID_OBJECTIVE');
  });
});
