import { RolloutChecker, isPlainObject, joinPath } from './checker.js';
import { defaultRolloutPlan } from './defaults.js';
import { showValue } from './time.js';

/** A stage of a validated plan: durations in seconds, `null` where the policy's minimum applies. */
export interface ResolvedRolloutStage {
  index: number;
  trafficPercent: number;
  minStageDuration: number | null;
  minPassingEvaluations: number | null;
}

/** @internal */
export function resolveRolloutPlan(plan: unknown, c: RolloutChecker, base: string): ResolvedRolloutStage[] {
  const source: unknown = plan === undefined || plan === null ? defaultRolloutPlan : plan;
  if (!Array.isArray(source) || source.length === 0) {
    c.add('INVALID_TYPE', base, `a plan must be a non-empty array of traffic percentages such as [1, 10, 50, 100], got ${showValue(plan)}`);
    return defaultRolloutPlan.map((t, index) => ({ index, trafficPercent: t, minStageDuration: null, minPassingEvaluations: null }));
  }
  const stages: ResolvedRolloutStage[] = [];
  let previous = 0;
  source.forEach((s: unknown, index: number) => {
    const path = joinPath(base, index);
    const stage: ResolvedRolloutStage = { index, trafficPercent: NaN, minStageDuration: null, minPassingEvaluations: null };
    let tPath = path;
    let t: unknown = s;
    if (isPlainObject(s)) {
      c.unknownKeys(s, ['trafficPercent', 'minStageDuration', 'minPassingEvaluations'], path);
      tPath = joinPath(path, 'trafficPercent');
      t = s.trafficPercent;
      if (s.minStageDuration !== undefined) stage.minStageDuration = c.duration(s.minStageDuration, joinPath(path, 'minStageDuration'), false);
      if (s.minPassingEvaluations !== undefined) {
        stage.minPassingEvaluations = c.number(s.minPassingEvaluations, joinPath(path, 'minPassingEvaluations'), { min: 0, integer: true });
      }
    }
    const v = c.number(t, tPath, { min: 0, max: 100, exclusiveMin: true });
    if (v !== null) {
      if (v <= previous) c.add('INVALID_VALUE', tPath, `stages must increase: ${v}% does not exceed the previous stage's ${previous}%`);
      previous = Math.max(previous, v);
      stage.trafficPercent = v;
    }
    stages.push(stage);
  });
  return stages;
}

/**
 * Validates a stage plan and returns its stages resolved (durations in seconds). A plan is a non-empty
 * array of traffic percentages, strictly increasing, each in (0, 100], written as numbers or as
 * `{ trafficPercent, minStageDuration?, minPassingEvaluations? }` to override the policy's minimums for one
 * stage. The last stage need not be 100 %: `complete` then means "the plan is done", and the deploy tool
 * does the final switch (as Flagger does after `maxWeight`).
 *
 * Like Argo Rollouts' `setWeight` steps and Flagger's `stepWeight`/`maxWeight`, but written out stage by
 * stage. Throws `CanaryJudgeError('INVALID_PLAN')` with every problem (paths such as `[2].trafficPercent`,
 * prefixed by `path`).
 *
 * @example
 * ```ts
 * validateRolloutPlan([5, { trafficPercent: 25, minStageDuration: '1h' }, 100]);
 * // [{ index: 0, trafficPercent: 5, minStageDuration: null, minPassingEvaluations: null },
 * //  { index: 1, trafficPercent: 25, minStageDuration: 3600, minPassingEvaluations: null },
 * //  { index: 2, trafficPercent: 100, minStageDuration: null, minPassingEvaluations: null }]
 * validateRolloutPlan([10, 5], 'plan'); // throws INVALID_PLAN, path 'plan[1]'
 * ```
 */
export function validateRolloutPlan(plan: unknown, path = ''): ResolvedRolloutStage[] {
  const c = new RolloutChecker('plan');
  const out = resolveRolloutPlan(plan, c, path);
  c.throwIfAny('INVALID_PLAN', 'rollout plan');
  return out;
}
