import { describe, expect, it } from 'vitest';
import type { Verdict } from '../../src/judge/types.js';
import {
  createRolloutState,
  decideRollout,
  type RolloutDecision,
  type RolloutEvaluation,
  type RolloutState,
  type RolloutVerdictInput,
} from '../../src/policy/index.js';
import { expectError, failing, fresh, marginal, passing } from './helpers.js';

/** Run a rollout: one evaluation per step, each decided at its own time; returns every decision. */
function run(steps: Array<Omit<RolloutEvaluation, 'telemetry'> & { at: number }>, startedAt = 0): RolloutDecision[] {
  let state: RolloutState = createRolloutState({ startedAt });
  return steps.map((e) => {
    const d = decideRollout({ state, evaluation: { telemetry: fresh(e.at), slo: { budgetRemaining: 0.9 }, ...e }, now: e.at });
    state = d.state;
    return d;
  });
}

describe('a full 4-stage rollout that ends in promotion', () => {
  // Evaluations every 5 minutes. 1%: three passes over 15 min. 10%: an early promotion on a sequential pass.
  // 50%: a marginal verdict holds, then three passes. 100%: three passes over 15 min complete the rollout.
  const seqPass = { decision: 'pass' as const, reason: 'the latency confidence sequence lies inside ±5%' };
  const steps = [
    { at: 300, verdict: passing },
    { at: 600, verdict: passing },
    { at: 900, verdict: passing }, // promote 1% → 10% (15 min, 3 passes)
    { at: 1200, verdict: passing, sequential: seqPass }, // early promotion 10% → 50% after 5 min
    { at: 1500, verdict: marginal },
    { at: 1800, verdict: passing },
    { at: 2100, verdict: passing },
    { at: 2400, verdict: passing }, // promote 50% → 100% (20 min, 3 passes)
    { at: 2700, verdict: passing },
    { at: 3000, verdict: passing },
    { at: 3300, verdict: passing }, // complete (15 min, 3 passes)
  ];
  const decisions = run(steps);

  it('promotes stage by stage and completes', () => {
    expect(decisions.map((d) => d.action)).toEqual(['hold', 'hold', 'promote', 'promote', 'hold', 'hold', 'hold', 'promote', 'hold', 'hold', 'complete']);
    expect(decisions.map((d) => d.stage.trafficPercent)).toEqual([1, 1, 1, 10, 50, 50, 50, 50, 100, 100, 100]);
    expect(decisions.map((d) => d.targetTrafficPercent)).toEqual([1, 1, 10, 50, 50, 50, 50, 100, 100, 100, 100]);
  });

  it('explains each step', () => {
    expect(decisions[0].reasons).toEqual(['The 1% stage has run 5 min of its 10 min minimum.', '1 passing evaluation at the 1% stage, of the 3 required.']);
    expect(decisions[1].reasons).toEqual(['2 passing evaluations at the 1% stage, of the 3 required.']);
    expect(decisions[2].reasons).toEqual(['Every rule passes at the 1% stage after 15 min: promote to 10%.']);
    expect(decisions[3].reasons).toEqual([
      'Every rule passes at the 10% stage early, on a sequential pass: promote to 50%.',
      'The sequential (anytime-valid) test proved the canary healthy (the latency confidence sequence lies inside ±5%), so the stage minimums are waived.',
    ]);
    expect(decisions[4].reasons).toEqual(['The verdict is marginal (score 80): not proven safe, so the rollout waits.']);
    expect(decisions[6].reasons).toEqual(['2 passing evaluations at the 50% stage, of the 3 required.']);
    expect(decisions[7].reasons).toEqual(['Every rule passes at the 50% stage after 20 min: promote to 100%.']);
    expect(decisions[10].reasons).toEqual(['Every rule passes at the last stage (100%) after 15 min: the rollout is complete.']);
    expect(decisions[10].nextStage).toBeNull();
  });

  it('keeps a state that records the whole story and is final once complete', () => {
    const state = decisions[10].state;
    expect(state).toMatchObject({ version: 1, status: 'completed', stageIndex: 3, trafficPercent: 100, stageStartedAt: 2400, stageEvaluations: 3, stagePasses: 3, lastEvaluationAt: 3300, endedAt: 3300 });
    expect(state.history.map((h) => [h.at, h.stageIndex, h.verdict, h.action])).toEqual([
      [300, 0, 'pass', 'hold'], [600, 0, 'pass', 'hold'], [900, 0, 'pass', 'promote'], [1200, 1, 'pass', 'promote'],
      [1500, 2, 'marginal', 'hold'], [1800, 2, 'pass', 'hold'], [2100, 2, 'pass', 'hold'], [2400, 2, 'pass', 'promote'],
      [2700, 3, 'pass', 'hold'], [3000, 3, 'pass', 'hold'], [3300, 3, 'pass', 'complete'],
    ]);
    expect(state.history[3].sequential).toBe('pass');
    const again = decideRollout({ state, evaluation: { verdict: failing('cpu', 'error_rate'), at: 3600 }, now: 3600 });
    expect(again.action).toBe('complete');
    expect(again.rules).toEqual([{ rule: 'finalState', effect: 'final', triggered: true, detail: 'The rollout was already completed at 3300.' }]);
    expect(again.state).toEqual(state);
  });
});

describe('a full rollout that ends in rollback', () => {
  // 1% and 10% pass; at 50% latency fails once (held: one metric may flap), then latency and the error
  // rate fail together: two independent SLIs confirm the failure and the rollout rolls back.
  const steps = [
    { at: 300, verdict: passing },
    { at: 600, verdict: passing },
    { at: 900, verdict: passing }, // → 10%
    { at: 1200, verdict: passing },
    { at: 1500, verdict: passing },
    { at: 1800, verdict: passing }, // → 50%
    { at: 2100, verdict: passing },
    { at: 2400, verdict: failing('latency_p99') },
    { at: 2700, verdict: failing('latency_p99', 'error_rate') },
  ];
  const decisions = run(steps);

  it('promotes twice, holds on one failing SLI, rolls back on two', () => {
    expect(decisions.map((d) => d.action)).toEqual(['hold', 'hold', 'promote', 'hold', 'hold', 'promote', 'hold', 'hold', 'rollback']);
    expect(decisions.map((d) => d.targetTrafficPercent)).toEqual([1, 1, 10, 10, 10, 50, 50, 50, 0]);
    expect(decisions[7].reasons).toEqual(['The verdict is fail (score 0): the rollout waits (no promotion on a fail).']);
    expect(decisions[8].reasons).toEqual(['The verdict is fail and 2 SLIs are proven worse (latency_p99, error_rate), at least the 2 required to roll back at once.']);
    expect(decisions[8].stage).toEqual({ index: 2, trafficPercent: 50 });
    const s = decisions[8].state;
    expect(s).toMatchObject({ status: 'rolledBack', stageIndex: 2, endedAt: 2700 });
    expect(s.history.slice(-2).map((h) => h.failingSlis)).toEqual([['latency_p99'], ['latency_p99', 'error_rate']]);
  });

  it('stays rolled back', () => {
    const s = decisions[8].state;
    const again = decideRollout({ state: s, evaluation: { verdict: passing, at: 3000 }, now: 3000 });
    expect(again.action).toBe('rollback');
    expect(again.targetTrafficPercent).toBe(0);
    expect(again.reasons).toEqual(['The rollout was already rolled back at 2700 (at the 50% stage); start a new rollout with a fresh state.']);
  });

  it('rolls back by persistence when a single SLI keeps failing', () => {
    const d = run([
      { at: 300, verdict: failing('latency_p99') },
      { at: 600, verdict: failing('latency_p99') },
      { at: 900, verdict: failing('latency_p99') },
    ]);
    expect(d.map((x) => x.action)).toEqual(['hold', 'hold', 'rollback']);
    expect(d[2].reasons).toEqual(['3 of the 3 evaluations so far (window of 5) failed, at least the 3 that roll back: the failure persists.']);
  });
});

describe('inputs: times, state, verdicts', () => {
  it('reads ISO 8601 times exactly (checked with Python datetime.fromisoformat)', () => {
    const cases: Array<[string, number]> = [
      ['2024-05-01T12:00:00Z', 1714564800],
      ['2024-05-01T14:00:00.250+02:00', 1714564800.25],
      ['2024-02-29T23:59:59-05:30', 1709270999],
      ['1970-01-01T00:00:00Z', 0],
      ['2000-12-31T23:59:59.5Z', 978307199.5],
    ];
    for (const [iso, seconds] of cases) expect(createRolloutState({ startedAt: iso }).stageStartedAt).toBe(seconds);
  });

  it('rejects times without a zone or out of range, and non-finite numbers', () => {
    expectError(() => createRolloutState({ startedAt: '2024-05-01T12:00:00' }), 'INVALID_TIME', 'startedAt');
    expectError(() => createRolloutState({ startedAt: '2024-05-01' }), 'INVALID_TIME', 'startedAt');
    expectError(() => createRolloutState({ startedAt: '2023-02-29T00:00:00Z' }), 'INVALID_TIME', 'startedAt');
    expectError(() => createRolloutState({ startedAt: '2024-05-01T24:00:00Z' }), 'INVALID_TIME', 'startedAt');
    expectError(() => createRolloutState({ startedAt: Number.NaN }), 'INVALID_TIME', 'startedAt');
    expectError(() => decideRollout({ evaluation: { verdict: passing, at: 0 }, now: Infinity }), 'INVALID_TIME', 'now');
    expectError(
      () => decideRollout({ evaluation: { verdict: passing, at: 0, telemetry: { lastPointAt: 'yesterday', expectedPoints: 1, presentPoints: 1 } }, now: 0 }),
      'INVALID_TIME',
      'evaluation.telemetry.lastPointAt',
    );
  });

  it('needs evaluations in order, not after now, not before their stage', () => {
    const state = createRolloutState({ startedAt: 100 });
    expectError(() => decideRollout({ state, evaluation: { verdict: passing, at: 200 }, now: 199 }), 'INVALID_TIME', 'evaluation.at');
    expectError(() => decideRollout({ state, evaluation: { verdict: passing, at: 50 }, now: 200 }), 'OUT_OF_ORDER', 'evaluation.at');
    const d = decideRollout({ state, evaluation: { verdict: passing, at: 200 }, now: 200 });
    expectError(() => decideRollout({ state: d.state, evaluation: { verdict: passing, at: 200 }, now: 300 }), 'OUT_OF_ORDER', 'evaluation.at');
  });

  it('without a state, the first stage starts at the first evaluation', () => {
    const d = decideRollout({ evaluation: { verdict: passing, at: 1000 }, now: 1010 });
    expect(d.action).toBe('hold');
    expect(d.state.stageStartedAt).toBe(1000);
    expect(d.reasons[0]).toBe('The 1% stage has run 10 s of its 10 min minimum.');
  });

  it('checks the state it is given, with paths', () => {
    const good = createRolloutState({ startedAt: 0 });
    expectError(() => decideRollout({ state: { ...good, version: 2 } as unknown as RolloutState, evaluation: { verdict: passing, at: 1 }, now: 1 }), 'UNSUPPORTED_STATE_VERSION', 'state.version');
    expectError(() => decideRollout({ state: { ...good, trafficPercent: 5 }, evaluation: { verdict: passing, at: 1 }, now: 1 }), 'PLAN_MISMATCH', 'state.trafficPercent');
    expectError(() => decideRollout({ state: { ...good, stageIndex: 4 }, evaluation: { verdict: passing, at: 1 }, now: 1 }), 'PLAN_MISMATCH', 'state.stageIndex');
    expectError(() => decideRollout({ plan: [5, 100], state: good, evaluation: { verdict: passing, at: 1 }, now: 1 }), 'PLAN_MISMATCH', 'state.trafficPercent');
    expectError(() => decideRollout({ state: { ...good, stagePasses: 1 }, evaluation: { verdict: passing, at: 1 }, now: 1 }), 'INVALID_STATE', 'state.stagePasses');
    const badHistory = { ...good, history: [{ at: 0, decidedAt: 0, stageIndex: 0, verdict: 'ok', score: null, failingSlis: [], sequential: null, action: 'hold' }] };
    expectError(() => decideRollout({ state: badHistory as unknown as RolloutState, evaluation: { verdict: passing, at: 1 }, now: 1 }), 'INVALID_STATE', 'state.history[0].verdict');
    expectError(() => decideRollout({ state: 'x' as unknown as RolloutState, evaluation: { verdict: passing, at: 1 }, now: 1 }), 'INVALID_STATE', 'state');
  });

  it('checks the evaluation, with paths', () => {
    const call = (evaluation: unknown) => () => decideRollout({ evaluation: evaluation as RolloutEvaluation, now: 10 });
    expectError(call({ verdict: { verdict: 'ok' }, at: 1 }), 'INVALID_ARGUMENT', 'evaluation.verdict.verdict');
    expectError(call({ verdict: { verdict: 'pass', slis: [{ name: 'a', classification: 'bad' }] }, at: 1 }), 'INVALID_ARGUMENT', 'evaluation.verdict.slis[0].classification');
    expectError(call({ verdict: { verdict: 'pass', slis: [{ name: 'a', classification: 'pass', samples: { canary: { after: -1 } } }] }, at: 1 }), 'INVALID_ARGUMENT', 'evaluation.verdict.slis[0].samples.canary.after');
    expectError(call({ verdict: passing, at: 1, telemetry: { lastPointAt: 1, expectedPoints: -1, presentPoints: 0 } }), 'INVALID_ARGUMENT', 'evaluation.telemetry.expectedPoints');
    expectError(call({ verdict: passing, at: 1, slo: { budgetRemaining: 1.5 } }), 'INVALID_ARGUMENT', 'evaluation.slo.budgetRemaining');
    expectError(call({ verdict: passing, at: 1, slo: { burnRateEvaluation: { firing: 'yes' } } }), 'INVALID_ARGUMENT', 'evaluation.slo.burnRateEvaluation.firing');
    expectError(call({ verdict: passing, at: 1, sequential: { decision: 'accept' } }), 'INVALID_ARGUMENT', 'evaluation.sequential.decision');
    expectError(call(null), 'INVALID_ARGUMENT', 'evaluation');
    expectError(() => decideRollout(null as unknown as Parameters<typeof decideRollout>[0]), 'INVALID_ARGUMENT', '');
    expectError(() => decideRollout({ plan: [50, 10], evaluation: { verdict: passing, at: 1 }, now: 1 }), 'INVALID_PLAN', 'plan[1]');
  });

  it('keeps at most historyLimit evaluations', () => {
    let state = createRolloutState({ startedAt: 0 });
    for (let i = 1; i <= 8; i++) {
      state = decideRollout({ state, evaluation: { verdict: marginal, at: i }, now: i, policy: { historyLimit: 5 } }).state;
    }
    expect(state.history.map((h) => h.at)).toEqual([4, 5, 6, 7, 8]);
    expect(state.stageEvaluations).toBe(8);
  });

  it('takes a full judge Verdict as it is', () => {
    const counts = { before: 600, after: 600, nan: 0, outliersRemoved: 0 };
    const verdict: Verdict = {
      verdict: 'fail',
      score: 0,
      reasons: ['p99 latency is 31% higher in the canary (95% CI 22%…40%); allowed: 10%. This SLI is critical, so the run fails.'],
      complete: true,
      limitedBy: null,
      thresholds: { pass: 95, marginal: 75 },
      groups: [{ name: 'default', score: 0, weight: 1, counts: { pass: 0, high: 1, low: 0, nodata: 0, insufficient: 0, error: 0 }, slis: ['latency_p99'] }],
      slis: [
        {
          name: 'latency_p99',
          classification: 'high',
          critical: true,
          configuredCritical: true,
          mustHaveData: false,
          muted: false,
          groups: ['default'],
          weight: 1,
          direction: 'increase',
          test: 'mannWhitney',
          inconclusive: false,
          pValue: 1e-9,
          adjustedPValue: 1e-9,
          effect: { kind: 'hlShift', estimate: 0.31, lower: 0.22, upper: 0.4, confidence: 0.95 },
          allowed: { increase: 0.1, decrease: null },
          criticalLimit: { increase: null, decrease: null },
          samples: { baseline: counts, canary: counts },
          summary: {},
          details: {},
          requiredSamples: null,
          reason: 'p99 latency is 31% higher in the canary (95% CI 22%…40%); allowed: 10%.',
          warnings: [],
        },
      ],
    };
    const input: RolloutVerdictInput = verdict; // a judge Verdict is a valid policy input, by type
    const d = decideRollout({ evaluation: { verdict: input, at: 60 }, now: 60 });
    expect(d.action).toBe('rollback');
    expect(d.reasons[0]).toBe(
      'Critical SLI latency_p99 is proven worse in the canary, which rolls back at once. latency_p99: p99 latency is 31% higher in the canary (95% CI 22%…40%); allowed: 10%.',
    );
  });
});
