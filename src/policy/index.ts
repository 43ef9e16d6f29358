// Re-exports of src/policy: rollout decisions (promote / hold / rollback / complete) from verdicts and SLO state.
export { decideRollout, type DecideRolloutInput } from './decideRollout.js';
export { defaultRolloutPolicy, defaultRolloutPlan } from './defaults.js';
export { validateRolloutPolicy } from './validateRolloutPolicy.js';
export { validateRolloutPlan, type ResolvedRolloutStage } from './validateRolloutPlan.js';
export { createRolloutState, ROLLOUT_STATE_VERSION } from './state.js';
export type { RolloutProblem } from './checker.js';
export type {
  ResolvedRolloutPolicy,
  RolloutAction,
  RolloutDecision,
  RolloutEvaluation,
  RolloutHistoryEntry,
  RolloutPlan,
  RolloutPolicy,
  RolloutRuleName,
  RolloutRuleResult,
  RolloutSequentialInput,
  RolloutSliInput,
  RolloutSloInput,
  RolloutStageRef,
  RolloutStageSpec,
  RolloutState,
  RolloutTelemetryInput,
  RolloutVerdictInput,
  RolloutTime,
} from './types.js';
export { sequentialDecisionOf } from './sequentialDecisionOf.js';
