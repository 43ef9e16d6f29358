// Re-exports of src/slo: error budgets, burn rates and multiwindow, multi-burn-rate rules.
export { parseDuration, formatDuration, type DurationInput } from './durations.js';
export { errorBudget, budgetConsumed, budgetRemaining } from './budget.js';
export { burnRate, burnRateThreshold } from './burnRate.js';
export { timeToExhaustion, describeTimeToExhaustion } from './exhaustion.js';
export { projectedBurnRate, type ProjectedBurnRate } from './projection.js';
export { burnRatePresets, type BurnRatePreset, type BurnRatePresetName } from './presets.js';
export { burnRateRule, burnRateRules, type BurnRateRule, type BurnRateRuleSpec, type BurnRateSeverity } from './rules.js';
export { type BurnRateSeries, type BurnRateWindow } from './series.js';
export { windowBurnRate } from './windowBurnRate.js';
export { evaluateBurnRateRules, type BurnRateEvaluation, type BurnRateRuleResult } from './evaluate.js';
