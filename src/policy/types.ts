/**
 * Types of the rollout policy: the stage plan, the policy options, one evaluation (a verdict with its
 * telemetry, SLO and sequential context), the decision and the state the caller keeps between calls.
 * Every result type is plain JSON: no `NaN`, no `Infinity`, no class instances.
 * @module
 */
import type { SliResult, Verdict } from '../judge/types.js';
import type { BurnRateEvaluation, DurationInput } from '../slo/index.js';

/**
 * A point in time: a number of **seconds** (Unix time is usual; any fixed clock works as long as every
 * time of a rollout uses the same one), or an ISO 8601 date-time string with an explicit zone
 * (`'2024-05-01T12:00:00Z'`, `'2024-05-01T14:00:00.250+02:00'`), read as Unix seconds. Strings without
 * a zone are rejected: their meaning would depend on the machine's time zone.
 */
export type RolloutTime = number | string;

/** What the deploy tool should do now. */
export type RolloutAction = 'promote' | 'hold' | 'rollback' | 'complete';

/** One stage of a plan with optional per-stage minimums (they replace the policy's for this stage). */
export interface RolloutStageSpec {
  /** Share of traffic (or of instances) sent to the canary at this stage, in percent: 0 < p ≤ 100. */
  trafficPercent: number;
  /** Minimum time at this stage before it may be promoted (default: the policy's `minStageDuration`). */
  minStageDuration?: DurationInput;
  /** Minimum passing evaluations at this stage before promotion (default: the policy's `minPassingEvaluations`). */
  minPassingEvaluations?: number;
}

/**
 * The stage plan: traffic percentages in strictly increasing order, each a number or a
 * {@link RolloutStageSpec}. Default `[1, 10, 50, 100]` ({@link defaultRolloutPlan}).
 */
export type RolloutPlan = ReadonlyArray<number | RolloutStageSpec>;

/** A stage as reported in a decision. */
export interface RolloutStageRef {
  /** Position in the plan, from 0. */
  index: number;
  trafficPercent: number;
}

/**
 * The rollout policy. Every field is optional in input (see {@link defaultRolloutPolicy} for the
 * defaults and docs/policy.md for why each default was chosen).
 */
export interface RolloutPolicy {
  /** Roll back as soon as a critical SLI is proven worse (classified `high`/`low` and critical). Default `true`. */
  rollbackOnCriticalSli: boolean;
  /**
   * Roll back a `fail` verdict when at least this many distinct (unmuted) SLIs are proven worse; a fail
   * resting on fewer SLIs holds instead (the guard against one flapping metric). `null` disables. Default `2`.
   */
  minFailingSlis: number | null;
  /**
   * Roll back when at least `failures` of the last `window` evaluations (this one included, across stages)
   * had a `fail` verdict, like Argo Rollouts' `failureLimit` and Flagger's `threshold`. `null` disables.
   * Default `{ failures: 3, window: 5 }`.
   */
  persistence: { failures: number; window: number } | null;
  /** Roll back when the evaluation's sequential test decided `fail`. Default `true`. */
  rollbackOnSequentialFail: boolean;
  /** Roll back a stage still held after this long (a progress deadline). `null`: hold forever. Default `null`. */
  maxStageDuration: DurationInput | null;
  /** Promote on a `marginal` verdict instead of holding. Default `false`. */
  promoteOnMarginal: boolean;
  /** Hold when the verdict rests on partial evidence (`complete: false`, `limitedBy`, SLIs without data). Default `true`. */
  requireCompleteVerdict: boolean;
  /** Hold when the evaluation carries no `telemetry` to check freshness and coverage against. Default `false`. */
  requireTelemetry: boolean;
  /** Hold when the newest data point is older than this at `now`. `null` disables. Default `'5m'`. */
  maxDataAge: DurationInput | null;
  /** Hold when `presentPoints / expectedPoints` is below this fraction. `null` disables. Default `0.95`. */
  minCoverage: number | null;
  /** Minimum time at a stage before promotion (waived by early promotion). Default `'10m'`. */
  minStageDuration: DurationInput;
  /** Minimum passing evaluations at a stage, this one included, before promotion (waived by early promotion). Default `3`. */
  minPassingEvaluations: number;
  /** Minimum canary points (after preprocessing) of every counted SLI before promotion (waived by early promotion). `null` disables. Default `null`. */
  minCanarySamples: number | null;
  /** Let a sequential `pass` waive the stage minimums (time, passing evaluations, samples). Default `true`. */
  earlyPromotion: boolean;
  /** Hold while the remaining error budget (a fraction, 1 = untouched) is below this. `null` disables. Default `0.1`. */
  minBudgetRemaining: number | null;
  /** Throttle while the remaining error budget is below this: stage minimum time × `throttleFactor`, no early promotion. `null` disables. Default `0.5`. */
  throttleBudgetRemaining: number | null;
  /** How much longer stages last while throttled (≥ 1). Default `2`. */
  throttleFactor: number;
  /** React to burn-rate rules that fire with at least this severity (`'ticket'`: any rule). `null` ignores them. Default `'page'`. */
  burnRateSeverity: 'page' | 'ticket' | null;
  /** What a firing burn-rate rule does. Default `'hold'`. */
  burnRateAction: 'hold' | 'rollback';
  /** Evaluations kept in the state's history (≥ `persistence.window`). Default `20`. */
  historyLimit: number;
}

/** The policy with durations in seconds, as returned by {@link validateRolloutPolicy}. */
export interface ResolvedRolloutPolicy
  extends Omit<RolloutPolicy, 'maxStageDuration' | 'maxDataAge' | 'minStageDuration'> {
  maxStageDuration: number | null;
  maxDataAge: number | null;
  minStageDuration: number;
}

/** The SLI fields the policy reads; a judge {@link SliResult} fits. */
export type RolloutSliInput = Pick<SliResult, 'name' | 'classification'> &
  Partial<Pick<SliResult, 'critical' | 'configuredCritical' | 'muted' | 'reason'>> & {
    samples?: { canary?: { after?: number } } | null;
  };

/** The verdict fields the policy reads; a judge {@link Verdict} fits, and so does a small synthetic object. */
export type RolloutVerdictInput = Pick<Verdict, 'verdict'> &
  Partial<Pick<Verdict, 'score' | 'complete' | 'limitedBy' | 'reasons'>> & {
    slis?: ReadonlyArray<RolloutSliInput>;
  };

/**
 * The outcome of a sequential (anytime-valid) test over the stage so far: `pass` proves the canary
 * healthy (an early promotion may follow), `fail` proves it worse, `continue` proves nothing yet.
 */
export interface RolloutSequentialInput {
  decision: 'pass' | 'fail' | 'continue';
  /** A sentence to repeat in the decision's details. */
  reason?: string;
}

/** Telemetry health of the data behind a verdict. */
export interface RolloutTelemetryInput {
  /** Time of the newest data point (take the oldest "newest point" across the series), or `null` when there is none. */
  lastPointAt: RolloutTime | null;
  /** Points the window should hold (window / scrape step × series). */
  expectedPoints: number;
  /** Points it does hold. */
  presentPoints: number;
}

/** SLO state at the evaluation: numbers from `budgetRemaining` and/or the result of `evaluateBurnRateRules`. */
export interface RolloutSloInput {
  /** Remaining error budget as a fraction (1 untouched, 0 spent, negative overspent), as `budgetRemaining` returns it. */
  budgetRemaining?: number | null;
  /** The result of `evaluateBurnRateRules` (only `firing`, `severity`, `firingRules`, `summary` are read). */
  burnRateEvaluation?: (Pick<BurnRateEvaluation, 'firing' | 'severity' | 'firingRules'> & Partial<Pick<BurnRateEvaluation, 'summary'>>) | null;
}

/** One evaluation of the canary: the latest verdict and its context. */
export interface RolloutEvaluation {
  /** The judge's verdict, or `null`/absent when no verdict could be produced (the rollout holds). */
  verdict?: RolloutVerdictInput | null;
  /** When the evaluation was made (the end of its data window). Must be later than the previous evaluation's and not after `now`. */
  at: RolloutTime;
  telemetry?: RolloutTelemetryInput | null;
  slo?: RolloutSloInput | null;
  sequential?: RolloutSequentialInput | null;
}

/** One evaluation as remembered in the state (a summary, not the whole verdict). */
export interface RolloutHistoryEntry {
  /** Evaluation time, seconds. */
  at: number;
  /** Decision time, seconds. */
  decidedAt: number;
  stageIndex: number;
  verdict: 'pass' | 'marginal' | 'fail' | null;
  score: number | null;
  /** Names of the unmuted SLIs proven worse. */
  failingSlis: string[];
  sequential: 'pass' | 'fail' | 'continue' | null;
  action: RolloutAction;
}

/**
 * What the caller keeps between calls: plain JSON, versioned (`version: 1`). Pass it back unchanged as
 * `state` with the next evaluation. `JSON.parse(JSON.stringify(state))` is an equivalent state.
 */
export interface RolloutState {
  version: 1;
  /** `inProgress` until a `rollback` or `complete` decision, which are final. */
  status: 'inProgress' | 'rolledBack' | 'completed';
  stageIndex: number;
  /** Traffic of the current stage, checked against the plan on every call. */
  trafficPercent: number;
  /** When the current stage began (the promotion's `now`, or `createRolloutState`'s `startedAt`), seconds. */
  stageStartedAt: number;
  /** Evaluations decided at the current stage. */
  stageEvaluations: number;
  /** Of those, evaluations with a `pass` verdict. */
  stagePasses: number;
  /** Time of the last evaluation, seconds, or `null` before the first. */
  lastEvaluationAt: number | null;
  /** When the rollout was rolled back or completed, seconds, else `null`. */
  endedAt: number | null;
  /** The most recent evaluations, oldest first, at most `historyLimit`. */
  history: RolloutHistoryEntry[];
}

/** Names of the rules, in the order they appear in a decision. */
export type RolloutRuleName =
  | 'criticalSli'
  | 'failingSlis'
  | 'persistence'
  | 'sequentialFail'
  | 'stageDeadline'
  | 'burnRate'
  | 'verdict'
  | 'completeness'
  | 'freshness'
  | 'coverage'
  | 'errorBudget'
  | 'budgetThrottle'
  | 'minStageDuration'
  | 'minPassingEvaluations'
  | 'minCanarySamples'
  | 'earlyPromotion'
  | 'finalState';

/** How one rule weighed in a decision. */
export interface RolloutRuleResult {
  rule: RolloutRuleName;
  /**
   * What the rule does when triggered: `rollback`, `hold` (no promotion), `throttle` (longer stage, no early
   * promotion), `waive` (early promotion lifted the stage minimums), `final` (the rollout had already ended).
   */
  effect: 'rollback' | 'hold' | 'throttle' | 'waive' | 'final';
  triggered: boolean;
  /** One sentence with the numbers behind the rule (also when it is not triggered or disabled). */
  detail: string;
}

/** The result of {@link decideRollout}. Plain JSON. */
export interface RolloutDecision {
  action: RolloutAction;
  /** The stage the evaluation was made at. */
  stage: RolloutStageRef;
  /** The stage after it in the plan (the target of a promotion), or `null` at the last stage. */
  nextStage: RolloutStageRef | null;
  /** Canary traffic once the action is carried out: the next stage's on promote, the current one's on hold, 0 on rollback, the last stage's on complete. */
  targetTrafficPercent: number;
  /** Plain sentences: why this action (the triggered rules that decided it, most severe first). */
  reasons: string[];
  /** Every rule, triggered or not, in a fixed order. */
  rules: RolloutRuleResult[];
  /** The state to keep and pass back with the next evaluation. */
  state: RolloutState;
}
