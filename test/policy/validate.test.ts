import { describe, expect, it } from 'vitest';
import { CanaryJudgeError } from '../../src/errors.js';
import {
  createRolloutState,
  decideRollout,
  defaultRolloutPlan,
  defaultRolloutPolicy,
  validateRolloutPlan,
  validateRolloutPolicy,
} from '../../src/policy/index.js';
import { expectError, passing } from './helpers.js';

describe('defaultRolloutPolicy and defaultRolloutPlan', () => {
  it('hold the documented defaults (docs/policy.md)', () => {
    expect(defaultRolloutPlan).toEqual([1, 10, 50, 100]);
    expect(defaultRolloutPolicy).toEqual({
      rollbackOnCriticalSli: true,
      minFailingSlis: 2,
      persistence: { failures: 3, window: 5 },
      rollbackOnSequentialFail: true,
      maxStageDuration: null,
      promoteOnMarginal: false,
      requireCompleteVerdict: true,
      requireTelemetry: false,
      maxDataAge: '5m',
      minCoverage: 0.95,
      minStageDuration: '10m',
      minPassingEvaluations: 3,
      minCanarySamples: null,
      earlyPromotion: true,
      minBudgetRemaining: 0.1,
      throttleBudgetRemaining: 0.5,
      throttleFactor: 2,
      burnRateSeverity: 'page',
      burnRateAction: 'hold',
      historyLimit: 20,
    });
  });

  it('are frozen, so no caller can change the defaults of another', () => {
    expect(Object.isFrozen(defaultRolloutPolicy)).toBe(true);
    expect(Object.isFrozen(defaultRolloutPolicy.persistence)).toBe(true);
    expect(Object.isFrozen(defaultRolloutPlan)).toBe(true);
  });
});

describe('validateRolloutPolicy', () => {
  it('fills in the defaults and converts durations to seconds (5m = 300 s, 10m = 600 s)', () => {
    const p = validateRolloutPolicy(undefined);
    expect(p.maxDataAge).toBe(300);
    expect(p.minStageDuration).toBe(600);
    expect(p.maxStageDuration).toBeNull();
    expect(p.persistence).toEqual({ failures: 3, window: 5 });
    expect(validateRolloutPolicy({})).toEqual(p);
  });

  it('keeps given fields, including nulls that disable a rule', () => {
    const p = validateRolloutPolicy({
      minStageDuration: '1h30m',
      maxStageDuration: 7200,
      minFailingSlis: null,
      persistence: { failures: 2 },
      minCoverage: null,
      burnRateSeverity: 'ticket',
      burnRateAction: 'rollback',
      minBudgetRemaining: -0.5,
    });
    expect(p.minStageDuration).toBe(5400);
    expect(p.maxStageDuration).toBe(7200);
    expect(p.minFailingSlis).toBeNull();
    expect(p.persistence).toEqual({ failures: 2, window: 5 });
    expect(p.minCoverage).toBeNull();
    expect(p.burnRateSeverity).toBe('ticket');
    expect(p.burnRateAction).toBe('rollback');
    expect(p.minBudgetRemaining).toBe(-0.5);
  });

  it('reports every problem at once with its JSON path', () => {
    const e = expectError(
      () =>
        validateRolloutPolicy({
          minCoverag: 0.9,
          persistence: { failures: 6, window: 5 },
          minStageDuration: '10 minutes',
          minFailingSlis: 0,
          throttleFactor: 0.5,
          burnRateSeverity: 'critical',
          earlyPromotion: 'yes',
          minCoverage: 1.5,
          historyLimit: 2.5,
        }),
      'INVALID_POLICY',
      'minCoverag',
    );
    expect(e.problems.map((p) => [p.code, p.path])).toEqual([
      ['UNKNOWN_FIELD', 'minCoverag'],
      ['INVALID_TYPE', 'earlyPromotion'],
      ['INVALID_VALUE', 'minFailingSlis'],
      ['INVALID_VALUE', 'persistence.failures'],
      ['INVALID_VALUE', 'minCoverage'],
      ['INVALID_DURATION', 'minStageDuration'],
      ['INVALID_VALUE', 'throttleFactor'],
      ['INVALID_VALUE', 'burnRateSeverity'],
      ['INVALID_VALUE', 'historyLimit'],
    ]);
    expect(e.problems[0].message).toBe('minCoverag: unknown field (did you mean "minCoverage"?)');
    expect(e.message).toMatch(/^invalid rollout policy \(9 problems\):/);
  });

  it('requires the history to hold the persistence window', () => {
    const e = expectError(() => validateRolloutPolicy({ historyLimit: 4 }), 'INVALID_POLICY', 'historyLimit');
    expect(e.problems[0].message).toContain('≥ persistence.window (5)');
    expect(validateRolloutPolicy({ historyLimit: 4, persistence: null }).historyLimit).toBe(4);
  });

  it('rejects a non-object and unknown persistence keys', () => {
    expectError(() => validateRolloutPolicy(42), 'INVALID_POLICY', '');
    expectError(() => validateRolloutPolicy({ persistence: 3 }), 'INVALID_POLICY', 'persistence');
    expectError(() => validateRolloutPolicy({ persistence: { failures: 1, windw: 2 } }), 'INVALID_POLICY', 'persistence.windw');
    expectError(() => validateRolloutPolicy({ maxStageDuration: 0 }), 'INVALID_POLICY', 'maxStageDuration');
  });

  it('inside decideRollout, paths start with policy.', () => {
    const e = expectError(
      () => decideRollout({ evaluation: { verdict: passing, at: 0 }, now: 0, policy: { persistence: { failures: 0, window: 5 } } }),
      'INVALID_POLICY',
      'policy.persistence.failures',
    );
    expect(e).toBeInstanceOf(CanaryJudgeError);
  });
});

describe('validateRolloutPlan', () => {
  it('resolves numbers and stage objects (per-stage minimums in seconds)', () => {
    expect(validateRolloutPlan([5, { trafficPercent: 25, minStageDuration: '1h', minPassingEvaluations: 6 }, 100])).toEqual([
      { index: 0, trafficPercent: 5, minStageDuration: null, minPassingEvaluations: null },
      { index: 1, trafficPercent: 25, minStageDuration: 3600, minPassingEvaluations: 6 },
      { index: 2, trafficPercent: 100, minStageDuration: null, minPassingEvaluations: null },
    ]);
    expect(validateRolloutPlan(undefined).map((s) => s.trafficPercent)).toEqual([1, 10, 50, 100]);
  });

  it('rejects empty, decreasing, out-of-range and misspelt stages with their paths', () => {
    expectError(() => validateRolloutPlan([]), 'INVALID_PLAN', '');
    expectError(() => validateRolloutPlan([10, 5], 'plan'), 'INVALID_PLAN', 'plan[1]');
    expectError(() => validateRolloutPlan([10, 10]), 'INVALID_PLAN', '[1]');
    expectError(() => validateRolloutPlan([0, 50]), 'INVALID_PLAN', '[0]');
    expectError(() => validateRolloutPlan([50, 120]), 'INVALID_PLAN', '[1]');
    expectError(() => validateRolloutPlan([1, { trafficPercent: 101 }], 'plan'), 'INVALID_PLAN', 'plan[1].trafficPercent');
    const e = expectError(() => validateRolloutPlan([{ traffic: 5 }, { trafficPercent: 20, minStageDuration: '5 m' }]), 'INVALID_PLAN', '[0].traffic');
    expect(e.problems.map((p) => p.path)).toEqual(['[0].traffic', '[0].trafficPercent', '[1].minStageDuration']);
  });

  it('allows a plan that ends below 100% (the deploy tool does the final switch)', () => {
    const state = createRolloutState({ startedAt: 0, plan: [10, 50] });
    const d = decideRollout({ plan: [10, 50], state, evaluation: { verdict: passing, at: 600, sequential: { decision: 'pass' } }, now: 600 });
    expect(d.action).toBe('promote');
    const d2 = decideRollout({ plan: [10, 50], state: d.state, evaluation: { verdict: passing, at: 700, sequential: { decision: 'pass' } }, now: 700 });
    expect(d2.action).toBe('complete');
    expect(d2.targetTrafficPercent).toBe(50);
  });
});
