import { CanaryJudgeError } from '../errors.js';
import { RolloutChecker, isPlainObject } from './checker.js';
import { checkEvaluation } from './checkEvaluation.js';
import {
  budgetThrottleRule,
  burnRatePolicyRule,
  completenessRule,
  coverageRule,
  criticalSliRule,
  errorBudgetRule,
  failingSlisRule,
  freshnessRule,
  minCanarySamplesGate,
  minPassingEvaluationsGate,
  minStageDurationGate,
  persistenceRule,
  sequentialFailRule,
  stageDeadlineRule,
  verdictRule,
  type RuleContext,
} from './rules.js';
import { checkRolloutState, initialState } from './state.js';
import { parseTime, showValue, span } from './time.js';
import type {
  RolloutAction,
  RolloutDecision,
  RolloutEvaluation,
  RolloutHistoryEntry,
  RolloutPlan,
  RolloutPolicy,
  RolloutRuleResult,
  RolloutStageRef,
  RolloutState,
  RolloutTime,
} from './types.js';
import { resolveRolloutPlan } from './validateRolloutPlan.js';
import { resolveRolloutPolicy } from './validateRolloutPolicy.js';

/** The input of {@link decideRollout}. */
export interface DecideRolloutInput {
  /** Stage plan (default `[1, 10, 50, 100]`). Must be the same on every call of a rollout. */
  plan?: RolloutPlan;
  /** The `state` of the previous decision, or absent/`null` for the first evaluation of a rollout. */
  state?: RolloutState | null;
  /** The latest evaluation. */
  evaluation: RolloutEvaluation;
  /** The current time (seconds or ISO 8601 with a zone): the library has no clock. */
  now: RolloutTime;
  /** Policy fields to change; the others take {@link defaultRolloutPolicy}'s values. */
  policy?: Partial<RolloutPolicy>;
}

/**
 * Decides the next step of a phased canary rollout: `promote` to the next stage, `hold` at this one,
 * `rollback`, or `complete` when the last stage passes. Pure and stateless: the caller passes the
 * previous decision's `state` (plain JSON, versioned) with each new evaluation and keeps the returned one.
 *
 * The rules, each configurable in `policy` (defaults: {@link defaultRolloutPolicy}; docs/policy.md):
 * - **rollback** on a critical SLI proven worse; on a `fail` verdict with at least `minFailingSlis` (2)
 *   SLIs proven worse; when `persistence.failures` (3) of the last `persistence.window` (5) evaluations
 *   failed (Argo Rollouts' `failureLimit`, Flagger's `threshold`); on a sequential `fail`; on a held stage
 *   past `maxStageDuration` (off by default); on firing burn-rate rules if `burnRateAction` is `'rollback'`;
 * - **hold** on a missing, marginal or unconfirmed failing verdict; on partial evidence; on stale data
 *   (newest point older than `maxDataAge`, 5 min) or poor coverage (< `minCoverage`, 95 %); when the
 *   remaining error budget is below `minBudgetRemaining` (10 %); when a page-level burn-rate rule fires;
 * - **promote** only when nothing above holds and the stage minimums are met — `minStageDuration` (10 min),
 *   `minPassingEvaluations` (3), `minCanarySamples` (off) — or waived by a sequential `pass`
 *   (`earlyPromotion`); below `throttleBudgetRemaining` (50 %) of budget, stages last `throttleFactor` (2)×
 *   longer and early promotion is off.
 *
 * Rollback outranks hold, which outranks promotion. `rollback` and `complete` are final: later calls with
 * that state repeat them. Every rule is reported in `rules`, triggered or not, with its numbers.
 *
 * Bad usage throws `CanaryJudgeError` with the JSON path of the field: `'INVALID_POLICY'` / `'INVALID_PLAN'`
 * (every problem in `problems`, paths such as `policy.persistence.failures`), `'INVALID_ARGUMENT'`
 * (`evaluation.verdict.verdict`…), `'INVALID_TIME'`, `'OUT_OF_ORDER'` (an evaluation not later than the
 * previous one, or before its stage began), `'INVALID_STATE'`, `'UNSUPPORTED_STATE_VERSION'`, `'PLAN_MISMATCH'`.
 *
 * References: Argo Rollouts analysis (`failureLimit`, inconclusive runs pause the rollout), Flagger canary
 * analysis (`threshold`, `stepWeight`/`maxWeight`), the Google SRE workbook (error budget policy, burn-rate
 * alerts), Prometheus' 5-minute staleness (lookback delta).
 *
 * @example
 * ```ts
 * const pass = { verdict: 'pass', score: 100, complete: true, slis: [] };
 * let state = createRolloutState({ startedAt: 0 });           // 1% of traffic since t = 0 s
 * let d = decideRollout({ state, evaluation: { verdict: pass, at: 300 }, now: 300 });
 * d.action;  // 'hold': the 1% stage has run 5 min of its 10 min minimum
 * state = d.state;
 * d = decideRollout({ state, evaluation: { verdict: pass, at: 600 }, now: 600 });
 * state = d.state;                                             // 'hold': 2 passing evaluations of 3
 * d = decideRollout({ state, evaluation: { verdict: pass, at: 900 }, now: 900 });
 * d.action;                   // 'promote'
 * d.nextStage;                // { index: 1, trafficPercent: 10 }
 * d.targetTrafficPercent;     // 10
 * ```
 */
export function decideRollout(input: DecideRolloutInput): RolloutDecision {
  if (!isPlainObject(input)) {
    throw new CanaryJudgeError('INVALID_ARGUMENT', `decideRollout needs { evaluation, now, state?, plan?, policy? }, got ${showValue(input)}`, '');
  }
  const c = new RolloutChecker();
  const policy = resolveRolloutPolicy(input.policy, c, 'policy');
  c.throwIfAny('INVALID_POLICY', 'rollout policy');
  const pc = new RolloutChecker('plan');
  const stages = resolveRolloutPlan(input.plan, pc, 'plan');
  pc.throwIfAny('INVALID_PLAN', 'rollout plan');
  const evaluation = checkEvaluation(input.evaluation, 'evaluation');
  const now = parseTime(input.now, 'now');
  const given = input.state === undefined || input.state === null ? null : checkRolloutState(input.state, stages, 'state');

  if (evaluation.at > now) {
    throw new CanaryJudgeError('INVALID_TIME', `evaluation.at (${evaluation.at}) is after now (${now}): an evaluation cannot come from the future`, 'evaluation.at');
  }
  const ref = (i: number): RolloutStageRef => ({ index: i, trafficPercent: stages[i].trafficPercent });

  // Final states repeat their decision.
  if (given !== null && given.status !== 'inProgress') {
    const rolledBack = given.status === 'rolledBack';
    const i = given.stageIndex;
    const when = given.endedAt === null ? '' : ` at ${given.endedAt}`;
    const detail = rolledBack
      ? `The rollout was already rolled back${when} (at the ${stages[i].trafficPercent}% stage); start a new rollout with a fresh state.`
      : `The rollout was already completed${when}.`;
    return {
      action: rolledBack ? 'rollback' : 'complete',
      stage: ref(i),
      nextStage: i + 1 < stages.length ? ref(i + 1) : null,
      targetTrafficPercent: rolledBack ? 0 : stages[i].trafficPercent,
      reasons: [detail],
      rules: [{ rule: 'finalState', effect: 'final', triggered: true, detail }],
      state: given,
    };
  }

  const state = given ?? initialState(stages[0], evaluation.at);
  if (state.lastEvaluationAt !== null && evaluation.at <= state.lastEvaluationAt) {
    throw new CanaryJudgeError(
      'OUT_OF_ORDER',
      `evaluation.at (${evaluation.at}) must be later than the previous evaluation (${state.lastEvaluationAt}): each evaluation is decided once`,
      'evaluation.at',
    );
  }
  if (evaluation.at < state.stageStartedAt) {
    throw new CanaryJudgeError(
      'OUT_OF_ORDER',
      `evaluation.at (${evaluation.at}) is before the current stage began (${state.stageStartedAt}): its data describes an earlier stage`,
      'evaluation.at',
    );
  }

  const index = state.stageIndex;
  const stage = stages[index];
  const isLastStage = index === stages.length - 1;
  const label = evaluation.verdict?.label ?? null;
  const failing = (evaluation.verdict?.slis ?? []).filter((s) => s.classification === 'high' || s.classification === 'low');
  const ctx: RuleContext = {
    policy,
    stage,
    isLastStage,
    state,
    evaluation,
    now,
    elapsed: now - state.stageStartedAt,
    failing,
    passing: label === 'pass' || (label === 'marginal' && policy.promoteOnMarginal),
  };

  const critical = criticalSliRule(ctx);
  const failingSlis = failingSlisRule(ctx);
  const persistence = persistenceRule(ctx);
  const sequentialFail = sequentialFailRule(ctx);
  const burnRate = burnRatePolicyRule(ctx);
  const verdict = verdictRule(ctx);
  const completeness = completenessRule(ctx);
  const freshness = freshnessRule(ctx);
  const coverage = coverageRule(ctx);
  const errorBudget = errorBudgetRule(ctx);
  const throttle = budgetThrottleRule(ctx);
  const throttled = throttle.triggered;

  const duration = minStageDurationGate(ctx, throttled);
  const passes = minPassingEvaluationsGate(ctx);
  const samples = minCanarySamplesGate(ctx);
  const gatesUnmet = duration.unmet || passes.unmet || (samples?.unmet ?? false);
  const seq = evaluation.sequential;
  let early: RolloutRuleResult;
  let waived = false;
  if (!policy.earlyPromotion) early = { rule: 'earlyPromotion', effect: 'waive', triggered: false, detail: 'Disabled (policy.earlyPromotion is false).' };
  else if (seq === null || seq.decision !== 'pass') {
    early = { rule: 'earlyPromotion', effect: 'waive', triggered: false, detail: `No sequential pass${seq ? ` (the test says ${seq.decision})` : ''}: the stage minimums apply.` };
  } else if (throttled) {
    early = { rule: 'earlyPromotion', effect: 'waive', triggered: false, detail: 'The sequential test passed, but early promotion is off while the error budget is low (throttled).' };
  } else if (!gatesUnmet) {
    early = { rule: 'earlyPromotion', effect: 'waive', triggered: false, detail: 'The sequential test passed; the stage minimums are met anyway.' };
  } else {
    waived = true;
    early = {
      rule: 'earlyPromotion',
      effect: 'waive',
      triggered: true,
      detail: `The sequential (anytime-valid) test proved the canary healthy${seq.reason ? ` (${seq.reason})` : ''}, so the stage minimums are waived.`,
    };
  }
  const gate = (name: 'minStageDuration' | 'minPassingEvaluations' | 'minCanarySamples', g: { unmet: boolean; text: string } | null, off: string): RolloutRuleResult => {
    if (g === null) return { rule: name, effect: 'hold', triggered: false, detail: off };
    if (g.unmet && waived) return { rule: name, effect: 'hold', triggered: false, detail: `${g.text} Waived by the sequential pass (early promotion).` };
    return { rule: name, effect: 'hold', triggered: g.unmet, detail: g.text };
  };
  const durationRule = gate('minStageDuration', duration, '');
  const passesRule = gate('minPassingEvaluations', passes, '');
  const samplesRule = gate('minCanarySamples', samples, 'Not checked (policy.minCanarySamples is null).');

  const beforeDeadline = [critical, failingSlis, persistence, sequentialFail, burnRate, verdict, completeness, freshness, coverage, errorBudget, durationRule, passesRule, samplesRule];
  const rollingBack = beforeDeadline.some((r) => r.triggered && r.effect === 'rollback');
  const holding = !rollingBack && beforeDeadline.some((r) => r.triggered && r.effect === 'hold');
  const deadline = stageDeadlineRule(ctx, holding);

  const rules: RolloutRuleResult[] = [
    critical,
    failingSlis,
    persistence,
    sequentialFail,
    deadline,
    burnRate,
    verdict,
    completeness,
    freshness,
    coverage,
    errorBudget,
    throttle,
    durationRule,
    passesRule,
    samplesRule,
    early,
  ];
  const triggered = (effect: RolloutRuleResult['effect']) => rules.filter((r) => r.triggered && r.effect === effect).map((r) => r.detail);

  let action: RolloutAction;
  let reasons: string[];
  if (rollingBack || deadline.triggered) {
    action = 'rollback';
    reasons = deadline.triggered
      ? [deadline.detail, ...rules.filter((r) => r.triggered && r.effect === 'hold').map((r) => r.detail)]
      : triggered('rollback');
  } else if (holding) {
    action = 'hold';
    // What holds the rollout first; the stage minimums only when nothing else holds (they stay in `rules`).
    const gates: ReadonlyArray<string> = ['minStageDuration', 'minPassingEvaluations', 'minCanarySamples'];
    const holds = rules.filter((r) => r.triggered && r.effect === 'hold');
    const first = holds.filter((r) => !gates.includes(r.rule));
    reasons = [...(first.length > 0 ? first : holds).map((r) => r.detail), ...triggered('throttle')];
  } else {
    action = isLastStage ? 'complete' : 'promote';
    const how = waived ? 'early, on a sequential pass' : `after ${span(ctx.elapsed)}`;
    reasons = [
      isLastStage
        ? `Every rule passes at the last stage (${stage.trafficPercent}%) ${how}: the rollout is complete.`
        : `Every rule passes at the ${stage.trafficPercent}% stage ${how}: promote to ${stages[index + 1].trafficPercent}%.`,
      ...triggered('waive'),
      ...triggered('throttle'),
    ];
  }

  const entry: RolloutHistoryEntry = {
    at: evaluation.at,
    decidedAt: now,
    stageIndex: index,
    verdict: label,
    score: evaluation.verdict?.score ?? null,
    failingSlis: failing.map((s) => s.name),
    sequential: seq?.decision ?? null,
    action,
  };
  const history = [...state.history, entry].slice(-policy.historyLimit);
  let next: RolloutState;
  if (action === 'promote') {
    next = {
      ...state,
      stageIndex: index + 1,
      trafficPercent: stages[index + 1].trafficPercent,
      stageStartedAt: now,
      stageEvaluations: 0,
      stagePasses: 0,
      lastEvaluationAt: evaluation.at,
      history,
    };
  } else {
    next = {
      ...state,
      status: action === 'rollback' ? 'rolledBack' : action === 'complete' ? 'completed' : 'inProgress',
      stageEvaluations: state.stageEvaluations + 1,
      stagePasses: state.stagePasses + (ctx.passing ? 1 : 0),
      lastEvaluationAt: evaluation.at,
      endedAt: action === 'hold' ? null : now,
      history,
    };
  }

  return {
    action,
    stage: ref(index),
    nextStage: isLastStage ? null : ref(index + 1),
    targetTrafficPercent: action === 'promote' ? stages[index + 1].trafficPercent : action === 'rollback' ? 0 : stage.trafficPercent,
    reasons,
    rules,
    state: next,
  };
}
