import { RolloutChecker, isPlainObject, joinPath } from './checker.js';
import { ROLLOUT_POLICY_KEYS, defaultRolloutPolicy } from './defaults.js';
import { showValue } from './time.js';
import type { ResolvedRolloutPolicy, RolloutPolicy } from './types.js';

/**
 * Checks a policy and fills it in: every problem found is recorded with the JSON path of its field
 * (relative to `base`). Returns the resolved policy, valid only when no problem was added.
 * @internal
 */
export function resolveRolloutPolicy(policy: unknown, c: RolloutChecker, base: string): ResolvedRolloutPolicy {
  const d = defaultRolloutPolicy;
  const out: ResolvedRolloutPolicy = {
    ...d,
    persistence: d.persistence === null ? null : { ...d.persistence },
    maxStageDuration: null,
    maxDataAge: 300,
    minStageDuration: 600,
  };
  if (policy === undefined || policy === null) return out;
  if (!isPlainObject(policy)) {
    c.add('INVALID_TYPE', base, `a rollout policy must be an object, got ${showValue(policy)}`);
    return out;
  }
  c.unknownKeys(policy, ROLLOUT_POLICY_KEYS as ReadonlyArray<string>, base);
  const p = (key: keyof RolloutPolicy) => joinPath(base, key);
  const has = (key: keyof RolloutPolicy) => policy[key] !== undefined;
  const nullable = (key: keyof RolloutPolicy) => has(key) && policy[key] === null;

  for (const key of ['rollbackOnCriticalSli', 'rollbackOnSequentialFail', 'promoteOnMarginal', 'requireCompleteVerdict', 'requireTelemetry', 'earlyPromotion'] as const) {
    if (has(key)) {
      const v = c.boolean(policy[key], p(key));
      if (v !== null) out[key] = v;
    }
  }
  if (nullable('minFailingSlis')) out.minFailingSlis = null;
  else if (has('minFailingSlis')) {
    const v = c.number(policy.minFailingSlis, p('minFailingSlis'), { min: 1, integer: true });
    if (v !== null) out.minFailingSlis = v;
  }
  if (nullable('persistence')) out.persistence = null;
  else if (has('persistence')) {
    const pp = policy.persistence;
    const path = p('persistence');
    if (!isPlainObject(pp)) c.add('INVALID_TYPE', path, `must be { failures, window } or null, got ${showValue(pp)}`);
    else {
      c.unknownKeys(pp, ['failures', 'window'], path);
      const failures = pp.failures === undefined ? d.persistence!.failures : c.number(pp.failures, joinPath(path, 'failures'), { min: 1, integer: true });
      const window = pp.window === undefined ? d.persistence!.window : c.number(pp.window, joinPath(path, 'window'), { min: 1, integer: true });
      if (failures !== null && window !== null) {
        if (failures > window) c.add('INVALID_VALUE', joinPath(path, 'failures'), `must be ≤ persistence.window (${window}), got ${failures}`);
        else out.persistence = { failures, window };
      }
    }
  }
  if (nullable('maxStageDuration')) out.maxStageDuration = null;
  else if (has('maxStageDuration')) out.maxStageDuration = c.duration(policy.maxStageDuration, p('maxStageDuration'), true);
  if (nullable('maxDataAge')) out.maxDataAge = null;
  else if (has('maxDataAge')) out.maxDataAge = c.duration(policy.maxDataAge, p('maxDataAge'), false);
  if (nullable('minCoverage')) out.minCoverage = null;
  else if (has('minCoverage')) out.minCoverage = c.number(policy.minCoverage, p('minCoverage'), { min: 0, max: 1 });
  if (has('minStageDuration')) {
    const v = c.duration(policy.minStageDuration, p('minStageDuration'), false);
    if (v !== null) out.minStageDuration = v;
  }
  if (has('minPassingEvaluations')) {
    const v = c.number(policy.minPassingEvaluations, p('minPassingEvaluations'), { min: 0, integer: true });
    if (v !== null) out.minPassingEvaluations = v;
  }
  if (nullable('minCanarySamples')) out.minCanarySamples = null;
  else if (has('minCanarySamples')) out.minCanarySamples = c.number(policy.minCanarySamples, p('minCanarySamples'), { min: 0 });
  if (nullable('minBudgetRemaining')) out.minBudgetRemaining = null;
  else if (has('minBudgetRemaining')) out.minBudgetRemaining = c.number(policy.minBudgetRemaining, p('minBudgetRemaining'), { max: 1 });
  if (nullable('throttleBudgetRemaining')) out.throttleBudgetRemaining = null;
  else if (has('throttleBudgetRemaining')) out.throttleBudgetRemaining = c.number(policy.throttleBudgetRemaining, p('throttleBudgetRemaining'), { max: 1 });
  if (has('throttleFactor')) {
    const v = c.number(policy.throttleFactor, p('throttleFactor'), { min: 1 });
    if (v !== null) out.throttleFactor = v;
  }
  if (nullable('burnRateSeverity')) out.burnRateSeverity = null;
  else if (has('burnRateSeverity')) out.burnRateSeverity = c.oneOf(policy.burnRateSeverity, ['page', 'ticket'] as const, p('burnRateSeverity'));
  if (has('burnRateAction')) {
    const v = c.oneOf(policy.burnRateAction, ['hold', 'rollback'] as const, p('burnRateAction'));
    if (v !== null) out.burnRateAction = v;
  }
  if (has('historyLimit')) {
    const v = c.number(policy.historyLimit, p('historyLimit'), { min: 1, max: 10_000, integer: true });
    if (v !== null) out.historyLimit = v;
  }
  if (out.persistence !== null && out.historyLimit < out.persistence.window) {
    c.add('INVALID_VALUE', p('historyLimit'), `must be ≥ persistence.window (${out.persistence.window}) so the history holds the whole window, got ${out.historyLimit}`);
  }
  return out;
}

/**
 * Validates a rollout policy and returns it complete: defaults ({@link defaultRolloutPolicy}) filled in,
 * durations in seconds. Every problem is reported at once: the thrown `CanaryJudgeError` has code
 * `'INVALID_POLICY'`, the path of the first problem, and all of them in `problems`, each with its own code
 * (`'INVALID_TYPE'`, `'INVALID_VALUE'`, `'INVALID_DURATION'`, `'UNKNOWN_FIELD'`) and JSON path such as
 * `persistence.failures`. The same checks run inside {@link decideRollout} (paths then start with `policy.`).
 *
 * Follows the judge's config validation (`validateConfig`/`parseConfig`): collect every problem, name the
 * field, suggest the spelling of a mistyped key.
 *
 * @param policy - a partial policy (absent fields take their defaults), or `undefined` for all defaults.
 * @param path - prefix of the reported paths (default `''`).
 * @throws CanaryJudgeError `'INVALID_POLICY'`.
 *
 * @example
 * ```ts
 * validateRolloutPolicy({ minStageDuration: '30m' }).minStageDuration; // 1800 (seconds)
 * validateRolloutPolicy({}).persistence;                              // { failures: 3, window: 5 }
 * try { validateRolloutPolicy({ persistence: { failures: 6, window: 5 }, minCoverag: 0.9 }); } catch (e) {
 *   e.code;                           // 'INVALID_POLICY'
 *   e.problems.map((p) => p.path);    // ['minCoverag', 'persistence.failures']
 * }
 * ```
 */
export function validateRolloutPolicy(policy: unknown, path = ''): ResolvedRolloutPolicy {
  const c = new RolloutChecker();
  const out = resolveRolloutPolicy(policy, c, path);
  c.throwIfAny('INVALID_POLICY', 'rollout policy');
  return out;
}
