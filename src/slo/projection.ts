import { fraction, optionsObject, positiveDuration } from './checks.js';
import { errorBudget } from './budget.js';
import { describeTimeToExhaustion, timeToExhaustion } from './exhaustion.js';
import { objectivePercent, percent, times, win } from './format.js';
import type { DurationInput } from './durations.js';

/** What a canary's error ratio would do to the SLO if it were served to all traffic. */
export interface ProjectedBurnRate {
  /** The canary's error ratio, as given. */
  canaryErrorRatio: number;
  /** The SLO objective, as given. */
  objective: number;
  /** `1 − objective`. */
  errorBudget: number;
  /** `canaryErrorRatio / errorBudget`: the burn rate the whole service would have at the canary's error ratio. */
  burnRate: number;
  /** The SLO period used for the time to exhaustion, in seconds. */
  period: number;
  /** The fraction of the budget assumed left (the `remaining` option). */
  remaining: number;
  /** Seconds until the remaining budget would run out at `burnRate`; `null` = never (burn rate 0). */
  timeToExhaustion: number | null;
  /** {@link describeTimeToExhaustion} of `timeToExhaustion`, e.g. `'2.08 days'` or `'never'`. */
  timeToExhaustionText: string;
  /** One plain sentence for reports and verdict explanations. */
  summary: string;
}

/**
 * The burn rate the whole service would have if the canary's error ratio reached all traffic, with the
 * time it would take to exhaust the error budget. A canary judge uses it to state the stakes of a
 * promotion in SLO terms ("promoting would burn the budget at 14.4× and exhaust it in 2.08 days").
 *
 * Burn rate and time to exhaustion follow the Google SRE workbook, chapter 5 "Alerting on SLOs"
 * (burn rate = error ratio / (1 − SLO); time to exhaustion = period / burn rate, Table 5-4).
 *
 * @param options.canaryErrorRatio - the canary's observed error ratio, a fraction in [0, 1].
 * @param options.objective - the SLO target as a fraction, e.g. `0.999`.
 * @param options.period - the SLO period (default `'30d'`, the workbook's).
 * @param options.remaining - the fraction of the budget left (default 1).
 *
 * @example
 * ```ts
 * const p = projectedBurnRate({ canaryErrorRatio: 0.0144, objective: 0.999 });
 * p.burnRate;              // 14.4 (up to rounding)
 * p.timeToExhaustionText;  // '2.08 days'
 * p.summary;
 * // "At the canary's error ratio (1.44%), the 99.9% SLO's error budget (0.1%) would burn at 14.4× and a full 30d budget would be exhausted in 2.08 days."
 * ```
 */
export function projectedBurnRate(options: {
  canaryErrorRatio: number;
  objective: number;
  period?: DurationInput;
  remaining?: number;
}): ProjectedBurnRate {
  optionsObject(options, 'options');
  const ratio = fraction(options.canaryErrorRatio, 'canaryErrorRatio');
  const budget = errorBudget(options.objective);
  const period = positiveDuration(options.period ?? '30d', 'period');
  const rate = ratio / budget;
  const tte = timeToExhaustion({ burnRate: rate, period, remaining: options.remaining });
  const remaining = options.remaining ?? 1;
  const text = describeTimeToExhaustion(tte);
  const budgetWords = remaining === 1 ? `a full ${win(period)} budget` : `the ${percent(remaining)} left of the ${win(period)} budget`;
  let ending: string;
  if (tte === 0) ending = `the ${win(period)} budget is already exhausted`;
  else if (tte === null) ending = `${budgetWords} would never be exhausted`;
  else ending = `${budgetWords} would be exhausted in ${text}`;
  const summary =
    `At the canary's error ratio (${percent(ratio)}), the ${objectivePercent(options.objective)} SLO's error budget ` +
    `(${percent(budget)}) would burn at ${times(rate)} and ${ending}.`;
  return {
    canaryErrorRatio: ratio,
    objective: options.objective,
    errorBudget: budget,
    burnRate: rate,
    period,
    remaining,
    timeToExhaustion: tte,
    timeToExhaustionText: text,
    summary,
  };
}
