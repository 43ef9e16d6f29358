import { finiteResult, fraction, optionsObject, positive, positiveDuration } from './checks.js';
import { errorBudget } from './budget.js';
import type { DurationInput } from './durations.js';

/**
 * The burn rate: how fast errors consume the error budget relative to the pace that would spend it
 * exactly over the SLO period, `errorRatio / (1 − objective)`.
 *
 * Reference: Google SRE workbook, chapter 5 "Alerting on SLOs", approach 4 and Table 5-4: at a 99.9%
 * SLO an error ratio of 0.1% is a burn rate of 1, 0.2% is 2, 1% is 10 and 100% is 1000.
 *
 * @param errorRatio - the observed fraction of failed events, between 0 and 1 (`0.02`, not `2`).
 * @param objective - the SLO target as a fraction strictly between 0 and 1, e.g. `0.999`.
 * @returns the burn rate (≥ 0; 1 means the budget lasts exactly one period).
 * @throws CanaryJudgeError `'INVALID_ARGUMENT'` (errorRatio outside [0, 1]) or `'INVALID_OBJECTIVE'`.
 *
 * @example
 * ```ts
 * burnRate(0.001, 0.999);  // 1
 * burnRate(0.01, 0.999);   // 10
 * burnRate(1, 0.999);      // 1000
 * ```
 */
export function burnRate(errorRatio: number, objective: number): number {
  const ratio = fraction(errorRatio, 'errorRatio');
  const budget = errorBudget(objective);
  return finiteResult(ratio / budget, 'the burn rate', 'objective');
}

/**
 * The burn rate that spends a given fraction of the error budget within a window:
 * `budgetFraction × period / window` (the inverse of {@link budgetConsumed}).
 *
 * Reference: Google SRE workbook, "Alerting on SLOs", Table 5-8 (recommended parameters for a 30-day
 * SLO): 2% of the budget in 1 hour → 14.4, 5% in 6 hours → 6, 10% in 3 days → 1. Sloth computes its
 * alert factors the same way (`errorBudgetPercent / 100 × sloPeriod / longWindow`), so 2% in 1 hour of
 * 28 days is 13.44.
 *
 * @param options.budgetFraction - the fraction of the budget (> 0), e.g. `0.02` for 2%.
 * @param options.window - the alerting (long) window, e.g. `'1h'`.
 * @param options.period - the SLO period, e.g. `'30d'`.
 * @returns the burn-rate threshold.
 *
 * @example
 * ```ts
 * burnRateThreshold({ budgetFraction: 0.02, window: '1h', period: '30d' });  // 14.4
 * burnRateThreshold({ budgetFraction: 0.05, window: '6h', period: '30d' });  // 6
 * burnRateThreshold({ budgetFraction: 0.1, window: '3d', period: '30d' });   // 1
 * burnRateThreshold({ budgetFraction: 0.02, window: '1h', period: '28d' });  // 13.44
 * ```
 */
export function burnRateThreshold(options: { budgetFraction: number; window: DurationInput; period: DurationInput }): number {
  optionsObject(options, 'options');
  const f = positive(options.budgetFraction, 'budgetFraction');
  const window = positiveDuration(options.window, 'window');
  const period = positiveDuration(options.period, 'period');
  return finiteResult(f * (period / window), 'the burn-rate threshold', 'budgetFraction');
}
