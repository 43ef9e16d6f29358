import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CanaryJudgeError } from '../../src/errors.js';
import {
  createRolloutState,
  decideRollout,
  validateRolloutPolicy,
  type RolloutDecision,
  type RolloutEvaluation,
  type RolloutPolicy,
  type RolloutSliInput,
  type RolloutState,
} from '../../src/policy/index.js';
import { deepFreeze } from './helpers.js';

const sliArb = fc.record(
  {
    name: fc.constantFrom('latency_p99', 'latency_p50', 'error_rate', 'cpu', 'saturation'),
    classification: fc.constantFrom('pass', 'high', 'low', 'nodata', 'insufficient', 'error' as const),
    critical: fc.boolean(),
    configuredCritical: fc.boolean(),
    muted: fc.boolean(),
    samples: fc.record({ canary: fc.record({ after: fc.nat(2000) }) }),
  },
  { requiredKeys: ['name', 'classification'] },
);

const verdictArb = fc.option(
  fc.record(
    {
      verdict: fc.constantFrom('pass', 'marginal', 'fail' as const),
      score: fc.integer({ min: 0, max: 100 }),
      complete: fc.boolean(),
      limitedBy: fc.constantFrom(null, 'insufficient', 'nodata', 'error' as const),
      slis: fc.array(sliArb, { maxLength: 5 }),
    },
    { requiredKeys: ['verdict'] },
  ),
  { nil: null, freq: 6 },
);

/** The parts of an evaluation other than its time; `age` places the newest point relative to `at`. */
const partsArb = fc.record({
  verdict: verdictArb,
  telemetry: fc.option(fc.record({ age: fc.option(fc.integer({ min: -60, max: 900 }), { nil: null }), expectedPoints: fc.nat(200), extra: fc.integer({ min: -40, max: 5 }) }), { nil: undefined }),
  slo: fc.option(
    fc.record(
      {
        budgetRemaining: fc.option(fc.double({ min: -1, max: 1, noNaN: true }), { nil: null }),
        burnRateEvaluation: fc.option(
          fc.record({ firing: fc.boolean(), severity: fc.constantFrom(null, 'page', 'ticket' as const), firingRules: fc.array(fc.constantFrom('page-1h', 'page-6h', 'ticket-3d'), { maxLength: 2 }) }),
          { nil: null },
        ),
      },
      { requiredKeys: [] },
    ),
    { nil: undefined },
  ),
  sequential: fc.option(fc.record({ decision: fc.constantFrom('pass', 'fail', 'continue' as const) }), { nil: undefined, freq: 2 }),
});

type Parts = typeof partsArb extends fc.Arbitrary<infer T> ? T : never;

function evaluationOf(p: Parts, at: number): RolloutEvaluation {
  return {
    verdict: p.verdict,
    at,
    ...(p.telemetry === undefined
      ? {}
      : {
          telemetry: {
            lastPointAt: p.telemetry.age === null ? null : at - p.telemetry.age,
            expectedPoints: p.telemetry.expectedPoints,
            presentPoints: Math.max(0, p.telemetry.expectedPoints + p.telemetry.extra),
          },
        }),
    ...(p.slo === undefined ? {} : { slo: p.slo }),
    ...(p.sequential === undefined ? {} : { sequential: p.sequential }),
  };
}

const policyArb: fc.Arbitrary<Partial<RolloutPolicy>> = fc.record(
  {
    minFailingSlis: fc.option(fc.integer({ min: 1, max: 3 }), { nil: null }),
    persistence: fc.option(fc.record({ failures: fc.integer({ min: 1, max: 3 }), window: fc.integer({ min: 3, max: 5 }) }), { nil: null }),
    promoteOnMarginal: fc.boolean(),
    requireCompleteVerdict: fc.boolean(),
    requireTelemetry: fc.boolean(),
    earlyPromotion: fc.boolean(),
    minStageDuration: fc.integer({ min: 0, max: 1200 }),
    minPassingEvaluations: fc.integer({ min: 0, max: 4 }),
    maxStageDuration: fc.option(fc.integer({ min: 300, max: 3000 }), { nil: null }),
    minCanarySamples: fc.option(fc.integer({ min: 0, max: 500 }), { nil: null }),
    burnRateSeverity: fc.constantFrom(null, 'page', 'ticket' as const),
    burnRateAction: fc.constantFrom('hold', 'rollback' as const),
    historyLimit: fc.integer({ min: 5, max: 8 }),
  },
  { requiredKeys: [] },
);

const stepsArb = fc.array(fc.record({ dt: fc.integer({ min: 1, max: 600 }), delay: fc.integer({ min: 0, max: 60 }), parts: partsArb }), { minLength: 1, maxLength: 14 });
const planArb = fc.constantFrom(undefined, [1, 10, 50, 100], [5, 100], [25, 50, 75, 100], [100]);

const isCriticalFailure = (e: RolloutEvaluation) =>
  e.verdict?.verdict === 'fail' &&
  (e.verdict.slis ?? []).some((s) => !s.muted && (s.classification === 'high' || s.classification === 'low') && (s.critical || s.configuredCritical));

describe('decideRollout properties', () => {
  it('over random rollouts: rules and actions agree, stages only move forward, final states stay final', () => {
    fc.assert(
      fc.property(stepsArb, policyArb, planArb, (steps, policy, plan) => {
        let state: RolloutState = createRolloutState({ startedAt: 0, plan });
        let at = 0;
        let ended: RolloutDecision | null = null;
        let now = 0;
        for (const step of steps) {
          // each evaluation ends after the previous decision (a promotion starts the next stage at its `now`)
          at = now + step.dt;
          const evaluation = evaluationOf(step.parts, at);
          now = at + step.delay;
          const d = decideRollout({ plan, state, evaluation, now, policy });
          const triggered = d.rules.filter((r) => r.triggered);

          if (ended !== null) {
            // rollback and complete are final
            expect(d.action).toBe(ended.action);
            expect(d.state).toStrictEqual(ended.state);
            continue;
          }
          // never promote while a rule holds or rolls back; any rollback rule rolls back
          if (d.action === 'promote' || d.action === 'complete') {
            expect(triggered.filter((r) => r.effect === 'hold' || r.effect === 'rollback')).toEqual([]);
          }
          if (triggered.some((r) => r.effect === 'rollback')) expect(d.action).toBe('rollback');
          if (d.action === 'hold') expect(triggered.some((r) => r.effect === 'hold')).toBe(true);
          expect(d.reasons.length).toBeGreaterThan(0);
          // a fail verdict with a critical SLI proven worse always rolls back
          if (isCriticalFailure(evaluation)) expect(d.action).toBe('rollback');
          // stages move one at a time, forward only
          expect(d.stage.index).toBe(state.stageIndex);
          const last = d.nextStage === null;
          if (d.action === 'promote') {
            expect(last).toBe(false);
            expect(d.state.stageIndex).toBe(state.stageIndex + 1);
            expect(d.targetTrafficPercent).toBe(d.nextStage!.trafficPercent);
            expect(d.state.stageStartedAt).toBe(now);
          } else {
            expect(d.state.stageIndex).toBe(state.stageIndex);
          }
          if (d.action === 'complete') expect(last).toBe(true);
          if (d.action === 'rollback') expect(d.targetTrafficPercent).toBe(0);
          if (d.action === 'hold') expect(d.targetTrafficPercent).toBe(d.stage.trafficPercent);
          expect(d.state.history.length).toBeLessThanOrEqual(policy.historyLimit ?? 20);
          expect(d.state.lastEvaluationAt).toBe(at);
          if (d.action === 'rollback' || d.action === 'complete') ended = d;
          state = d.state;
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a fail verdict with a critical SLI proven worse rolls back from any state of progress', () => {
    fc.assert(
      fc.property(stepsArb, partsArb, fc.integer({ min: 0, max: 4 }), fc.constantFrom('high', 'low' as const), (steps, parts, pos, cls) => {
        let state: RolloutState = createRolloutState({ startedAt: 0 });
        let at = 0;
        for (const step of steps) {
          at += step.dt;
          const d = decideRollout({ state, evaluation: evaluationOf(step.parts, at), now: at });
          if (d.state.status !== 'inProgress') break;
          state = d.state;
        }
        if (state.status !== 'inProgress') return;
        const slis: RolloutSliInput[] = [...(parts.verdict?.slis ?? [])];
        slis.splice(Math.min(pos, slis.length), 0, { name: 'checkout_latency', classification: cls, critical: true, muted: false });
        const verdict = { ...(parts.verdict ?? {}), verdict: 'fail' as const, slis };
        const d = decideRollout({ state, evaluation: { ...evaluationOf(parts, at + 1), verdict }, now: at + 1 });
        expect(d.action).toBe('rollback');
        expect(d.rules.find((r) => r.rule === 'criticalSli')!.triggered).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('state and decision are plain JSON: a round trip changes nothing, and replaying from it gives the same decision', () => {
    fc.assert(
      fc.property(stepsArb, policyArb, (steps, policy) => {
        let state: RolloutState | undefined;
        let at = 0;
        let now = 0;
        for (const step of steps) {
          at = now + step.dt;
          now = at + step.delay;
          const input = { state, evaluation: evaluationOf(step.parts, at), now, policy };
          const d = decideRollout(input);
          const json = JSON.stringify(d);
          expect(json).not.toMatch(/NaN|Infinity/);
          expect(JSON.parse(json)).toStrictEqual(d);
          const replay = decideRollout({ ...input, state: state === undefined ? undefined : JSON.parse(JSON.stringify(state)) });
          expect(replay).toStrictEqual(d);
          state = d.state;
        }
      }),
      { numRuns: 150 },
    );
  });

  it('never mutates its input (deep-frozen inputs, compared before and after)', () => {
    fc.assert(
      fc.property(stepsArb, policyArb, planArb, (steps, policy, plan) => {
        let state: RolloutState = createRolloutState({ startedAt: 0, plan });
        let at = 0;
        for (const step of steps) {
          at += step.dt;
          const input = { plan, state, evaluation: evaluationOf(step.parts, at), now: at, policy };
          const before = structuredClone(input);
          deepFreeze(input);
          const d = decideRollout(input);
          // (structuredClone on both sides: fast-check's records have a null prototype)
          expect(structuredClone(input)).toStrictEqual(before);
          // the result shares nothing with the input: changing it leaves the input alone
          d.state.history.push(d.state.history[0]);
          d.state.history[0].failingSlis.push('x');
          expect(structuredClone(input)).toStrictEqual(before);
          state = decideRollout(structuredClone(before)).state;
        }
      }),
      { numRuns: 100 },
    );
  });

  it('bad usage throws CanaryJudgeError and nothing else', () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), fc.anything(), (policy, evaluation, state) => {
        for (const f of [
          () => validateRolloutPolicy(policy),
          () => decideRollout({ evaluation: evaluation as RolloutEvaluation, now: 0 }),
          () => decideRollout({ evaluation: { verdict: null, at: 0 }, now: 0, state: state as RolloutState }),
          () => decideRollout({ evaluation: { verdict: null, at: 0 }, now: 0, policy: policy as Partial<RolloutPolicy> }),
        ]) {
          try {
            f();
          } catch (e) {
            expect(e).toBeInstanceOf(CanaryJudgeError);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
