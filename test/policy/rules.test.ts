import { describe, expect, it } from 'vitest';
import {
  budgetRemaining,
  evaluateBurnRateRules,
} from '../../src/slo/index.js';
import {
  createRolloutState,
  decideRollout,
  type DecideRolloutInput,
  type RolloutDecision,
  type RolloutEvaluation,
  type RolloutRuleName,
  type RolloutState,
} from '../../src/policy/index.js';
import { failing, fresh, marginal, passing, sli } from './helpers.js';

/** A state at the 10% stage since t = 0 with two passing evaluations: a third pass at t ≥ 600 promotes. */
const ready: RolloutState = {
  version: 1,
  status: 'inProgress',
  stageIndex: 1,
  trafficPercent: 10,
  stageStartedAt: 0,
  stageEvaluations: 2,
  stagePasses: 2,
  lastEvaluationAt: 400,
  endedAt: null,
  history: [
    { at: 300, decidedAt: 300, stageIndex: 1, verdict: 'pass', score: 100, failingSlis: [], sequential: null, action: 'hold' },
    { at: 400, decidedAt: 400, stageIndex: 1, verdict: 'pass', score: 100, failingSlis: [], sequential: null, action: 'hold' },
  ],
};
const T = 1200; // 20 minutes into the stage

function decide(evaluation: Partial<RolloutEvaluation>, extra: Partial<DecideRolloutInput> = {}): RolloutDecision {
  return decideRollout({ state: ready, now: T, ...extra, evaluation: { verdict: passing, at: T, telemetry: fresh(T), ...evaluation } });
}

function ruleOf(d: RolloutDecision, name: RolloutRuleName) {
  const r = d.rules.find((x) => x.rule === name);
  if (!r) throw new Error(`no rule ${name}`);
  return r;
}

function triggeredRules(d: RolloutDecision): string[] {
  return d.rules.filter((r) => r.triggered).map((r) => r.rule);
}

describe('the baseline: every rule passes', () => {
  it('promotes from 10% to 50% with one reason and no triggered rule', () => {
    const d = decide({});
    expect(d.action).toBe('promote');
    expect(d.stage).toEqual({ index: 1, trafficPercent: 10 });
    expect(d.nextStage).toEqual({ index: 2, trafficPercent: 50 });
    expect(d.targetTrafficPercent).toBe(50);
    expect(triggeredRules(d)).toEqual([]);
    expect(d.reasons).toEqual(['Every rule passes at the 10% stage after 20 min: promote to 50%.']);
    expect(d.rules.map((r) => r.rule)).toEqual([
      'criticalSli', 'failingSlis', 'persistence', 'sequentialFail', 'stageDeadline', 'burnRate', 'verdict',
      'completeness', 'freshness', 'coverage', 'errorBudget', 'budgetThrottle', 'minStageDuration',
      'minPassingEvaluations', 'minCanarySamples', 'earlyPromotion',
    ]);
    expect(d.state).toMatchObject({ stageIndex: 2, trafficPercent: 50, stageStartedAt: T, stageEvaluations: 0, stagePasses: 0, lastEvaluationAt: T });
  });
});

describe('rollback rules', () => {
  it('criticalSli: a critical SLI proven worse rolls back at once, whatever else holds', () => {
    const verdict = { ...failing('latency_p99'), slis: [sli('latency_p99', 'high', { critical: true, configuredCritical: true, reason: 'p99 latency is 30% higher.' }), sli('error_rate', 'pass')] };
    const d = decide({ verdict, telemetry: { lastPointAt: 0, expectedPoints: 100, presentPoints: 10 } });
    expect(d.action).toBe('rollback');
    expect(d.targetTrafficPercent).toBe(0);
    expect(ruleOf(d, 'criticalSli').triggered).toBe(true);
    expect(d.reasons).toEqual(['Critical SLI latency_p99 is proven worse in the canary, which rolls back at once. latency_p99: p99 latency is 30% higher.']);
    expect(d.state.status).toBe('rolledBack');
    expect(d.state.endedAt).toBe(T);
    // configuredCritical alone is enough (a hand-made verdict)
    const v2 = { ...verdict, slis: [sli('latency_p99', 'low', { configuredCritical: true })] };
    expect(decide({ verdict: v2 }).action).toBe('rollback');
    // disabled: one failing SLI only holds
    expect(decide({ verdict }, { policy: { rollbackOnCriticalSli: false } }).action).toBe('hold');
  });

  it('criticalSli: a critical SLI without data holds (missing data is not proof of harm)', () => {
    const verdict = { verdict: 'fail' as const, score: 0, complete: false, limitedBy: null, slis: [sli('latency_p99', 'nodata', { critical: true }), sli('error_rate', 'pass')] };
    const d = decide({ verdict });
    expect(d.action).toBe('hold');
    expect(ruleOf(d, 'criticalSli').triggered).toBe(false);
    expect(ruleOf(d, 'criticalSli').detail).toContain('Critical SLI latency_p99 could not be judged');
    expect(triggeredRules(d)).toEqual(['verdict', 'completeness', 'minPassingEvaluations']);
    expect(d.reasons).toEqual([
      'The verdict is fail (score 0): the rollout waits (no promotion on a fail).',
      'The verdict rests on partial evidence: latency_p99 (nodata) could not be judged. The rollout waits for complete data.',
    ]);
  });

  it('failingSlis: one failing SLI holds, two roll back (default minFailingSlis = 2)', () => {
    const one = decide({ verdict: failing('latency_p99') });
    expect(one.action).toBe('hold');
    expect(ruleOf(one, 'failingSlis')).toEqual({
      rule: 'failingSlis',
      effect: 'rollback',
      triggered: false,
      detail: 'The verdict is fail but only 1 SLI is proven worse (latency_p99); 2 are needed to roll back at once, so a single flapping metric cannot (the persistence rule decides if the failure lasts).',
    });
    expect(one.reasons).toEqual(['The verdict is fail (score 0): the rollout waits (no promotion on a fail).']);
    const two = decide({ verdict: failing('latency_p99', 'error_rate') });
    expect(two.action).toBe('rollback');
    expect(two.reasons).toEqual(['The verdict is fail and 2 SLIs are proven worse (latency_p99, error_rate), at least the 2 required to roll back at once.']);
    expect(decide({ verdict: failing('latency_p99') }, { policy: { minFailingSlis: 1 } }).action).toBe('rollback');
    expect(decide({ verdict: failing('latency_p99', 'error_rate', 'cpu') }, { policy: { minFailingSlis: null } }).action).toBe('hold');
  });

  it('failingSlis: muted SLIs do not count, and only a fail verdict rolls back', () => {
    const v = failing('latency_p99', 'error_rate');
    const muted = { ...v, slis: v.slis!.map((s) => (s.name === 'error_rate' ? { ...s, muted: true } : s)) };
    expect(decide({ verdict: muted }).action).toBe('hold');
    const marginalTwo = { ...v, verdict: 'marginal' as const, score: 80 };
    expect(decide({ verdict: marginalTwo }).action).toBe('hold');
  });

  it('persistence: 3 fail verdicts among the last 5 evaluations roll back (F P F P F)', () => {
    let state = createRolloutState({ startedAt: 0 });
    const seq = [failing('cpu'), passing, failing('cpu'), passing, failing('cpu')];
    const actions: string[] = [];
    seq.forEach((verdict, i) => {
      const at = 60 * (i + 1);
      const d = decideRollout({ state, evaluation: { verdict, at }, now: at });
      actions.push(d.action);
      state = d.state;
      if (i === 4) {
        expect(d.reasons).toEqual(['3 of the last 5 evaluations failed, at least the 3 that roll back: the failure persists.']);
        expect(d.rules.filter((r) => r.triggered && r.effect === 'rollback').map((r) => r.rule)).toEqual(['persistence']);
      }
    });
    expect(actions).toEqual(['hold', 'hold', 'hold', 'hold', 'rollback']);
  });

  it('persistence: the window slides (F F P P P P F is 1 of the last 5) and is configurable', () => {
    let state = createRolloutState({ startedAt: 0 });
    const seq = [failing('cpu'), failing('cpu'), passing, passing, passing, passing, failing('cpu')];
    let last!: RolloutDecision;
    seq.forEach((verdict, i) => {
      last = decideRollout({ state, evaluation: { verdict, at: 60 * (i + 1) }, now: 60 * (i + 1) });
      expect(last.action).toBe('hold');
      state = last.state;
    });
    expect(ruleOf(last, 'persistence').detail).toBe('1 of the last 5 evaluations failed; 3 roll back.');

    let s2 = createRolloutState({ startedAt: 0 });
    const policy = { persistence: { failures: 2, window: 3 } };
    const acts = [failing('cpu'), passing, failing('cpu')].map((verdict, i) => {
      const d = decideRollout({ state: s2, evaluation: { verdict, at: 60 * (i + 1) }, now: 60 * (i + 1), policy });
      s2 = d.state;
      return d.action;
    });
    expect(acts).toEqual(['hold', 'hold', 'rollback']);

    let s3 = createRolloutState({ startedAt: 0 });
    for (let i = 0; i < 6; i++) {
      const d = decideRollout({ state: s3, evaluation: { verdict: failing('cpu'), at: 60 * (i + 1) }, now: 60 * (i + 1), policy: { persistence: null } });
      expect(d.action).toBe('hold');
      s3 = d.state;
    }
  });

  it('persistence: a missing verdict is not a failure', () => {
    let state = createRolloutState({ startedAt: 0 });
    for (let i = 0; i < 5; i++) {
      const d = decideRollout({ state, evaluation: { verdict: null, at: 60 * (i + 1) }, now: 60 * (i + 1) });
      expect(d.action).toBe('hold');
      expect(d.reasons).toEqual(['No verdict: the canary could not be judged, so the rollout waits.']);
      state = d.state;
    }
  });

  it('sequentialFail: an anytime-valid fail rolls back even when the verdict passes', () => {
    const d = decide({ sequential: { decision: 'fail', reason: 'the error-rate confidence sequence excludes 1' } });
    expect(d.action).toBe('rollback');
    expect(d.reasons).toEqual(['The sequential (anytime-valid) test proved the canary worse: the error-rate confidence sequence excludes 1']);
    expect(decide({ sequential: { decision: 'fail' } }, { policy: { rollbackOnSequentialFail: false } }).action).toBe('promote');
    expect(ruleOf(decide({ sequential: { decision: 'continue' } }), 'sequentialFail').triggered).toBe(false);
  });

  it('stageDeadline: a stage still held after maxStageDuration rolls back; one that promotes does not', () => {
    const policy = { maxStageDuration: '15m' };
    const held = decide({ verdict: marginal }, { policy });
    expect(held.action).toBe('rollback');
    expect(held.reasons).toEqual([
      'The 10% stage has lasted 20 min without being promoted, beyond its 15 min deadline.',
      'The verdict is marginal (score 80): not proven safe, so the rollout waits.',
      '2 passing evaluations at the 10% stage, of the 3 required.',
    ]);
    const ok = decide({}, { policy });
    expect(ok.action).toBe('promote');
    expect(ruleOf(ok, 'stageDeadline').detail).toBe('The 10% stage has lasted 20 min, beyond its 15 min deadline, but nothing holds it now.');
    expect(decide({ verdict: marginal }, { policy: { maxStageDuration: '30m' } }).action).toBe('hold');
  });
});

describe('burn rate (with evaluateBurnRateRules from src/slo)', () => {
  // docs/slo.md's example: 4 days of 1-minute samples, 5% errors for the last 20 minutes (99.9% SLO):
  // the 1h window burns at 16.7× (> 14.4) and the 5m window at 50×, so page-1h fires.
  const minutes = 4 * 24 * 60;
  const timestamps: number[] = [];
  const total: number[] = [];
  const errors: number[] = [];
  for (let i = 0; i < minutes; i++) {
    timestamps.push((i + 1) * 60);
    total.push(1000);
    errors.push(i >= minutes - 20 ? 50 : 0);
  }
  const page = evaluateBurnRateRules({ rules: 'sre-workbook', objective: 0.999, series: { timestamps, errors, total } });

  it('a firing page rule holds by default', () => {
    expect(page.firingRules).toEqual(['page-1h']);
    const d = decide({ slo: { burnRateEvaluation: page } });
    expect(d.action).toBe('hold');
    expect(d.reasons).toEqual([
      'Burn-rate rule page-1h fires (page): no promotion while the error budget burns this fast. Page: page-1h fires for the 99.9% SLO.',
    ]);
  });

  it('burnRateAction rollback turns it into a rollback; severity null ignores it', () => {
    expect(decide({ slo: { burnRateEvaluation: page } }, { policy: { burnRateAction: 'rollback' } }).action).toBe('rollback');
    expect(decide({ slo: { burnRateEvaluation: page } }, { policy: { burnRateSeverity: null } }).action).toBe('promote');
  });

  it('a ticket rule holds only with burnRateSeverity ticket', () => {
    const ticket = { firing: true, severity: 'ticket' as const, firingRules: ['ticket-3d'] };
    const d = decide({ slo: { burnRateEvaluation: ticket } });
    expect(d.action).toBe('promote');
    expect(ruleOf(d, 'burnRate').detail).toBe('Only ticket-severity burn-rate rules fire (ticket-3d), below the page severity this policy reacts to.');
    expect(decide({ slo: { burnRateEvaluation: ticket } }, { policy: { burnRateSeverity: 'ticket' } }).action).toBe('hold');
  });

  it('no firing rule does not hold', () => {
    const quiet = evaluateBurnRateRules({ rules: 'sre-workbook', objective: 0.999, series: { timestamps, errors: total.map(() => 0), total } });
    expect(quiet.firing).toBe(false);
    expect(decide({ slo: { burnRateEvaluation: quiet } }).action).toBe('promote');
  });
});

describe('hold rules', () => {
  it('verdict: missing and marginal verdicts hold; promoteOnMarginal lets marginal through', () => {
    expect(decide({ verdict: null }).action).toBe('hold');
    expect(decide({ verdict: undefined }).action).toBe('hold');
    const m = decide({ verdict: marginal });
    expect(m.action).toBe('hold');
    expect(m.reasons).toEqual(['The verdict is marginal (score 80): not proven safe, so the rollout waits.']);
    expect(m.state.stagePasses).toBe(2); // a marginal evaluation is not a passing one
    const p = decide({ verdict: marginal }, { policy: { promoteOnMarginal: true } });
    expect(p.action).toBe('promote');
  });

  it('completeness: partial evidence holds unless requireCompleteVerdict is false', () => {
    const limited = { ...passing, verdict: 'marginal' as const, complete: false, limitedBy: 'insufficient' as const, slis: [sli('latency_p99', 'insufficient'), sli('error_rate', 'pass')] };
    const d = decide({ verdict: limited }, { policy: { promoteOnMarginal: true } });
    expect(d.action).toBe('hold');
    expect(d.reasons).toEqual(['The verdict rests on partial evidence: it is limited by insufficient data; latency_p99 (insufficient) could not be judged. The rollout waits for complete data.']);
    expect(decide({ verdict: limited }, { policy: { promoteOnMarginal: true, requireCompleteVerdict: false } }).action).toBe('promote');
    // an SLI without data is enough, even if the verdict object says nothing
    const nodata = { verdict: 'pass' as const, slis: [sli('cpu', 'nodata'), sli('error_rate', 'pass')] };
    expect(decide({ verdict: nodata }).action).toBe('hold');
    expect(decide({ verdict: { verdict: 'pass', complete: false } }).action).toBe('hold');
    // a muted SLI without data does not count
    const mutedNodata = { verdict: 'pass' as const, slis: [sli('cpu', 'nodata', { muted: true }), sli('error_rate', 'pass')] };
    expect(decide({ verdict: mutedNodata }).action).toBe('promote');
  });

  it('freshness: the newest point may be 5 minutes old (300 s), not 301 s', () => {
    const at = (age: number) => ({ lastPointAt: T - age, expectedPoints: 100, presentPoints: 100 });
    expect(decide({ telemetry: at(300) }).action).toBe('promote');
    const stale = decide({ telemetry: at(301) });
    expect(stale.action).toBe('hold');
    expect(stale.reasons).toEqual(['The newest data point is 5 min 1 s old, older than the 5 min allowed: the data is stale.']);
    expect(decide({ telemetry: at(301) }, { policy: { maxDataAge: '10m' } }).action).toBe('promote');
    expect(decide({ telemetry: at(3600) }, { policy: { maxDataAge: null } }).action).toBe('promote');
    expect(decide({ telemetry: { lastPointAt: null, expectedPoints: 100, presentPoints: 0 } }).reasons).toContain('The data holds no points at all: nothing fresh to judge.');
    const future = decide({ telemetry: at(-20) });
    expect(future.action).toBe('promote');
    expect(ruleOf(future, 'freshness').detail).toBe('The newest data point is 20 s after now (clock skew?); counted as fresh.');
  });

  it('freshness accepts ISO 8601 times', () => {
    const now = '2024-05-01T12:20:00Z';
    const state = { ...ready, stageStartedAt: 1714564800, lastEvaluationAt: 1714565100 }; // 12:00:00Z, 12:05:00Z
    const ok = decideRollout({ state, now, evaluation: { verdict: passing, at: now, telemetry: { lastPointAt: '2024-05-01T14:19:30+02:00', expectedPoints: 10, presentPoints: 10 } } });
    expect(ok.action).toBe('promote');
    expect(ruleOf(ok, 'freshness').detail).toBe('The newest data point is 30 s old (at most 5 min allowed).');
    expect(ok.state.stageStartedAt).toBe(1714566000);
  });

  it('coverage: at least 95% of the expected points (950 of 1000 passes, 949 holds)', () => {
    const cov = (present: number) => ({ lastPointAt: T, expectedPoints: 1000, presentPoints: present });
    expect(decide({ telemetry: cov(950) }).action).toBe('promote');
    const low = decide({ telemetry: cov(949) });
    expect(low.action).toBe('hold');
    expect(low.reasons).toEqual(['Only 94.9% of the expected points are present (949 of 1000); at least 95% is required.']);
    expect(decide({ telemetry: cov(500) }, { policy: { minCoverage: 0.5 } }).action).toBe('promote');
    expect(decide({ telemetry: cov(0) }, { policy: { minCoverage: null, maxDataAge: null } }).action).toBe('promote');
    expect(decide({ telemetry: { lastPointAt: T, expectedPoints: 0, presentPoints: 0 } }).action).toBe('hold');
    expect(ruleOf(decide({ telemetry: cov(1010) }), 'coverage').detail).toBe('100% of the expected points are present (1010 of 1000 (more points than expected: duplicates?); at least 95% required).');
  });

  it('requireTelemetry: no telemetry holds', () => {
    expect(decide({ telemetry: undefined }).action).toBe('promote');
    const d = decide({ telemetry: null }, { policy: { requireTelemetry: true } });
    expect(d.action).toBe('hold');
    expect(triggeredRules(d)).toEqual(['freshness', 'coverage']);
  });

  it('errorBudget: holds below 10% remaining (budgetRemaining from src/slo)', () => {
    // 950 errors in a million requests at 99.9% (1000 allowed): 5% of the budget remains.
    const r = budgetRemaining({ errors: 950, total: 1_000_000, objective: 0.999 });
    expect(r).toBeCloseTo(0.05, 12);
    const d = decide({ slo: { budgetRemaining: r } });
    expect(d.action).toBe('hold');
    expect(d.reasons[0]).toBe('Only 5% of the error budget remains, below the 10% this policy keeps in reserve: no promotion until it recovers.');
    // 1500 errors: overspent by half (the workbook-style example of docs/slo.md)
    const over = decide({ slo: { budgetRemaining: budgetRemaining({ errors: 1500, total: 1_000_000, objective: 0.999 }) } });
    expect(over.reasons[0]).toBe('The error budget is overspent (-50% remains), below the 10% this policy keeps in reserve: no promotion until it recovers.');
    expect(decide({ slo: { budgetRemaining: 0.1 } }, { state: { ...ready, stageStartedAt: -600 } }).action).toBe('promote');
    expect(decide({ slo: { budgetRemaining: 0.05 } }, { policy: { minBudgetRemaining: null, throttleBudgetRemaining: null } }).action).toBe('promote');
  });

  it('budgetThrottle: below 50% remaining, stages last twice as long and early promotion is off', () => {
    const slo = { budgetRemaining: 0.4 };
    const early = decide({ slo, at: 900, telemetry: fresh(900), sequential: { decision: 'pass' } }, { now: 900 });
    expect(early.action).toBe('hold');
    expect(early.reasons).toEqual([
      'The 10% stage has run 15 min of its 20 min minimum (10 min × 2, throttled).',
      '40% of the error budget remains, below 50%: stages last 2× their minimum time and early promotion is off.',
    ]);
    expect(ruleOf(early, 'earlyPromotion').detail).toBe('The sequential test passed, but early promotion is off while the error budget is low (throttled).');
    // without throttling, the same evaluation promotes (15 min ≥ 10 min)
    expect(decide({ at: 900, telemetry: fresh(900) }, { now: 900 }).action).toBe('promote');
    // 20 minutes meets the doubled minimum; the throttle is still reported
    const later = decide({ slo });
    expect(later.action).toBe('promote');
    expect(later.reasons).toEqual([
      'Every rule passes at the 10% stage after 20 min: promote to 50%.',
      '40% of the error budget remains, below 50%: stages last 2× their minimum time and early promotion is off.',
    ]);
    expect(decide({ slo, at: 900, telemetry: fresh(900) }, { now: 900, policy: { throttleFactor: 1.5 } }).action).toBe('promote');
    expect(decide({ slo: { budgetRemaining: 0.5 }, at: 900, telemetry: fresh(900) }, { now: 900 }).action).toBe('promote');
  });
});

describe('stage minimums and early promotion', () => {
  it('minStageDuration: 10 minutes by default, overridable per stage in the plan', () => {
    expect(decide({ at: 599, telemetry: fresh(599) }, { now: 599 }).action).toBe('hold');
    expect(decide({ at: 600, telemetry: fresh(600) }, { now: 600 }).action).toBe('promote');
    const plan = [1, { trafficPercent: 10, minStageDuration: '30m' }, 50, 100];
    const d = decide({}, { plan });
    expect(d.action).toBe('hold');
    expect(d.reasons).toEqual(['The 10% stage has run 20 min of its 30 min minimum.']);
    expect(decide({}, { policy: { minStageDuration: '1h' } }).reasons).toEqual(['The 10% stage has run 20 min of its 1 h minimum.']);
  });

  it('minPassingEvaluations: counts passing evaluations of this stage only', () => {
    const fewer = { ...ready, stagePasses: 1 };
    const d = decide({}, { state: fewer });
    expect(d.action).toBe('hold');
    expect(d.reasons).toEqual(['2 passing evaluations at the 10% stage, of the 3 required.']);
    expect(d.state.stagePasses).toBe(2);
    expect(d.state.stageEvaluations).toBe(3);
    expect(decide({}, { state: fewer, policy: { minPassingEvaluations: 2 } }).action).toBe('promote');
    const plan = [1, { trafficPercent: 10, minPassingEvaluations: 5 }, 50, 100];
    expect(decide({}, { plan }).reasons).toEqual(['3 passing evaluations at the 10% stage, of the 5 required.']);
  });

  it('minCanarySamples: every counted SLI needs that many canary points when set', () => {
    const withSamples = (a: number, b: number | null) => ({
      ...passing,
      slis: [
        sli('latency_p99', 'pass', { samples: { canary: { after: a } } }),
        sli('error_rate', 'pass', { samples: b === null ? null : { canary: { after: b } } }),
      ],
    });
    const policy = { minCanarySamples: 500 };
    expect(decide({ verdict: withSamples(812, 500) }, { policy }).action).toBe('promote');
    expect(ruleOf(decide({ verdict: withSamples(812, 500) }, { policy }), 'minCanarySamples').detail).toBe('Every SLI has at least 500 canary points (fewest: 500, error_rate).');
    const few = decide({ verdict: withSamples(812, 499) }, { policy });
    expect(few.action).toBe('hold');
    expect(few.reasons).toEqual(['error_rate has 499 canary points: fewer than the 500 required.']);
    expect(decide({ verdict: withSamples(812, null) }, { policy }).reasons).toEqual(['Canary point counts are unknown for error_rate (at least 500 required).']);
    expect(decide({ verdict: withSamples(1, 1) }).action).toBe('promote'); // off by default
  });

  it('earlyPromotion: a sequential pass waives the minimums at the first evaluation of a stage', () => {
    const state = createRolloutState({ startedAt: 0 });
    const d = decideRollout({ state, evaluation: { verdict: passing, at: 120, sequential: { decision: 'pass', reason: 'the confidence sequence lies inside ±5%' } }, now: 120 });
    expect(d.action).toBe('promote');
    expect(d.reasons).toEqual([
      'Every rule passes at the 1% stage early, on a sequential pass: promote to 10%.',
      'The sequential (anytime-valid) test proved the canary healthy (the confidence sequence lies inside ±5%), so the stage minimums are waived.',
    ]);
    expect(ruleOf(d, 'minStageDuration')).toEqual({
      rule: 'minStageDuration',
      effect: 'hold',
      triggered: false,
      detail: 'The 1% stage has run 2 min of its 10 min minimum. Waived by the sequential pass (early promotion).',
    });
    // not without a pass, not when disabled, never past a holding rule
    expect(decideRollout({ state, evaluation: { verdict: passing, at: 120, sequential: { decision: 'continue' } }, now: 120 }).action).toBe('hold');
    expect(decideRollout({ state, evaluation: { verdict: passing, at: 120, sequential: { decision: 'pass' } }, now: 120, policy: { earlyPromotion: false } }).action).toBe('hold');
    expect(decideRollout({ state, evaluation: { verdict: marginal, at: 120, sequential: { decision: 'pass' } }, now: 120 }).action).toBe('hold');
    const staleData = { lastPointAt: 0, expectedPoints: 10, presentPoints: 10 };
    expect(decideRollout({ state, evaluation: { verdict: passing, at: 400, telemetry: staleData, sequential: { decision: 'pass' } }, now: 400 }).action).toBe('hold');
  });

  it('earlyPromotion is reported as not needed when the minimums are met', () => {
    const d = decide({ sequential: { decision: 'pass' } });
    expect(d.action).toBe('promote');
    expect(ruleOf(d, 'earlyPromotion')).toEqual({ rule: 'earlyPromotion', effect: 'waive', triggered: false, detail: 'The sequential test passed; the stage minimums are met anyway.' });
    expect(d.reasons).toEqual(['Every rule passes at the 10% stage after 20 min: promote to 50%.']);
  });
});
