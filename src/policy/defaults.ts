import type { RolloutPolicy } from './types.js';

/**
 * The default stage plan: 1 % → 10 % → 50 % → 100 % of traffic on the canary. A bad build meets 1 % of
 * users first; each step multiplies exposure by 5–10 while the evidence grows with it. Frozen.
 *
 * @example
 * ```ts
 * defaultRolloutPlan; // [1, 10, 50, 100]
 * const d = decideRollout({ evaluation: { verdict: { verdict: 'pass' }, at: 60 }, now: 60 }); // no plan: this one
 * d.stage;     // { index: 0, trafficPercent: 1 }
 * d.nextStage; // { index: 1, trafficPercent: 10 }
 * ```
 */
export const defaultRolloutPlan: ReadonlyArray<number> = Object.freeze([1, 10, 50, 100]);

/**
 * Every default of the rollout policy, frozen. Pass only the fields you change as `policy`; the rest come
 * from here (the original: Argo Rollouts' and Flagger's analysis settings, the Google SRE workbook's error
 * budget policy and burn-rate alerts, Prometheus' staleness). docs/policy.md explains each rule and why its default was chosen. In short:
 *
 * | Field | Default | Why |
 * | --- | --- | --- |
 * | `rollbackOnCriticalSli` | `true` | a critical SLI proven worse is what "critical" means |
 * | `minFailingSlis` | `2` | one failing metric may be flapping; two independent ones are a pattern |
 * | `persistence` | `{ failures: 3, window: 5 }` | a real regression keeps failing (Argo `failureLimit`, Flagger `threshold`) |
 * | `rollbackOnSequentialFail` | `true` | an anytime-valid test that rejects is valid whenever it is read |
 * | `maxStageDuration` | `null` | holding is safe; set a deadline to turn long holds into rollbacks |
 * | `promoteOnMarginal` | `false` | marginal is not proven safe (Argo: inconclusive pauses) |
 * | `requireCompleteVerdict` | `true` | a verdict on partial evidence must never read as a pass |
 * | `requireTelemetry` | `false` | freshness and coverage are checked when given |
 * | `maxDataAge` | `'5m'` | Prometheus' lookback delta: older samples are stale there too |
 * | `minCoverage` | `0.95` | a window missing more than 5 % of its points may hide the bad part |
 * | `minStageDuration` | `'10m'` | a bake time covering slow effects (caches, GC, batch jobs) |
 * | `minPassingEvaluations` | `3` | three passes, so no single lucky window promotes |
 * | `minCanarySamples` | `null` | the judge's per-SLI `minSamples` already applies |
 * | `earlyPromotion` | `true` | a sequential pass is valid at any time, so waiting adds nothing |
 * | `minBudgetRemaining` | `0.1` | keep 10 % of the budget for detecting and rolling back the next incident |
 * | `throttleBudgetRemaining` | `0.5` | past half the budget, slow down before stopping |
 * | `throttleFactor` | `2` | throttled stages last twice as long |
 * | `burnRateSeverity` | `'page'` | a page-level burn means the service is already hurting |
 * | `burnRateAction` | `'hold'` | the burn is service-wide; the canary is not proven to be its cause |
 * | `historyLimit` | `20` | enough for the persistence window, small enough to store anywhere |
 *
 * @example
 * ```ts
 * defaultRolloutPolicy.minFailingSlis; // 2
 * // change one field, keep every other default:
 * validateRolloutPolicy({ minStageDuration: '30m' }).minStageDuration; // 1800 (seconds)
 * ```
 */
export const defaultRolloutPolicy: Readonly<RolloutPolicy> = Object.freeze({
  rollbackOnCriticalSli: true,
  minFailingSlis: 2,
  persistence: Object.freeze({ failures: 3, window: 5 }),
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
}) as Readonly<RolloutPolicy>;

/** The keys a policy may have (unknown keys are reported by {@link validateRolloutPolicy}). @internal */
export const ROLLOUT_POLICY_KEYS: ReadonlyArray<keyof RolloutPolicy> = Object.freeze(
  Object.keys(defaultRolloutPolicy) as Array<keyof RolloutPolicy>,
);
