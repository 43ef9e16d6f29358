import { CanaryJudgeError } from '../errors.js';
import { finiteNumber, finiteResult, nonNegative, optionsObject, positiveDuration, show } from './checks.js';
import type { DurationInput } from './durations.js';

/**
 * `1 − objective`, computed in decimal on the shortest string that round-trips `objective`, so that
 * `0.999` gives exactly `0.001` (binary `1 − 0.999` is `0.0010000000000000009`) and the workbook's round
 * numbers (burn rate 1, 14.4, 1000) come out exactly. Falls back to `1 − objective` for exponent forms.
 */
function decimalComplement(objective: number): number {
  const s = String(objective);
  const m = /^0\.(\d+)$/.exec(s);
  if (m === null) return 1 - objective;
  const digits = m[1];
  const complement = (10n ** BigInt(digits.length) - BigInt(digits)).toString().padStart(digits.length, '0');
  return Number(`0.${complement}`);
}

/**
 * Check an SLO objective (a fraction strictly between 0 and 1) and return it.
 * @internal
 */
export function checkObjective(objective: unknown, path = 'objective'): number {
  const o = finiteNumber(objective, path, 'INVALID_OBJECTIVE');
  if (o > 1 && o < 100) {
    throw new CanaryJudgeError(
      'INVALID_OBJECTIVE',
      `${path} is a fraction: write ${o / 100} for ${o}%, got ${o}`,
      path,
    );
  }
  if (!(o > 0 && o < 1)) {
    throw new CanaryJudgeError('INVALID_OBJECTIVE', `${path} must be a fraction strictly between 0 and 1 (e.g. 0.999), got ${o}`, path);
  }
  return o;
}

/**
 * The error budget of an SLO: the fraction of events allowed to fail, `1 − objective`.
 *
 * Reference: Google SRE workbook, chapter 5 "Alerting on SLOs" (an SLO of 99.9% leaves an error budget
 * of 0.1% of requests); the same definition is used by Sloth and Pyrra (`1 - target`).
 *
 * The subtraction is done in decimal on the number as written, so `errorBudget(0.999)` is exactly
 * `0.001`, not the binary `0.0010000000000000009`.
 *
 * @param objective - the SLO target as a fraction strictly between 0 and 1 (`0.999`, not `99.9`).
 * @returns the error budget as a fraction.
 * @throws CanaryJudgeError `'INVALID_OBJECTIVE'` when `objective` is not in (0, 1).
 *
 * @example
 * ```ts
 * errorBudget(0.999);  // 0.001
 * errorBudget(0.99);   // 0.01
 * errorBudget(99.9);   // throws INVALID_OBJECTIVE ("write 0.999 for 99.9%")
 * ```
 */
export function errorBudget(objective: number): number {
  return decimalComplement(checkObjective(objective));
}

/**
 * The fraction of the error budget spent when a burn rate is sustained for a window:
 * `burnRate × window / period`.
 *
 * Reference: Google SRE workbook, "Alerting on SLOs", approach 4 ("the error budget consumed by the time
 * the alert fires is burn rate × alerting window / period"): a 14.4× burn for 1 hour of a 30-day period
 * spends 2% of the budget; 36× for 1 hour spends 5%.
 *
 * @param options.burnRate - a burn rate (≥ 0), as returned by {@link burnRate}.
 * @param options.window - how long the burn lasts (duration string or seconds, > 0).
 * @param options.period - the SLO period (duration string or seconds, > 0), e.g. `'30d'`.
 * @returns the fraction of the whole budget consumed (may exceed 1).
 *
 * @example
 * ```ts
 * budgetConsumed({ burnRate: 14.4, window: '1h', period: '30d' }); // 0.02
 * budgetConsumed({ burnRate: 36, window: '1h', period: '30d' });   // 0.05
 * ```
 */
export function budgetConsumed(options: { burnRate: number; window: DurationInput; period: DurationInput }): number {
  optionsObject(options, 'options');
  const rate = nonNegative(options.burnRate, 'burnRate');
  const window = positiveDuration(options.window, 'window');
  const period = positiveDuration(options.period, 'period');
  return finiteResult(rate * (window / period), 'the budget consumed', 'burnRate');
}

/**
 * The fraction of the error budget still left after observing `errors` failed events out of `total`
 * over an SLO period: `1 − (errors / total) / (1 − objective)`, i.e.
 * `(allowed − errors) / allowed` with `allowed = (1 − objective) × total`.
 *
 * **May be negative**: when more events failed than the budget allows, the result is below 0
 * (−0.5 means the budget is overspent by half of itself). A period with no traffic (`total = 0`) has
 * spent nothing and returns 1.
 *
 * Reference: the error-budget formula used by Pyrra (`((1 − target) − (1 − success/total)) / (1 − target)`)
 * and the SRE workbook's definition of the error budget.
 *
 * @param options.errors - failed events in the period (≥ 0, ≤ total).
 * @param options.total - all events in the period (≥ 0).
 * @param options.objective - the SLO target as a fraction, e.g. `0.999`.
 * @returns the fraction of the budget remaining: 1 when nothing was spent, 0 when exactly exhausted,
 *   negative when overspent.
 *
 * @example
 * ```ts
 * budgetRemaining({ errors: 250, total: 1_000_000, objective: 0.999 });   // 0.75
 * budgetRemaining({ errors: 1500, total: 1_000_000, objective: 0.999 });  // -0.5 (overspent)
 * ```
 */
export function budgetRemaining(options: { errors: number; total: number; objective: number }): number {
  optionsObject(options, 'options');
  const errors = nonNegative(options.errors, 'errors');
  const total = nonNegative(options.total, 'total');
  const budget = errorBudget(options.objective);
  if (errors > total) {
    throw new CanaryJudgeError('INVALID_ARGUMENT', `errors (${show(errors)}) must not exceed total (${show(total)})`, 'errors');
  }
  if (total === 0) return 1;
  let spent = errors / (budget * total);
  // budget × total can underflow for absurdly small totals; the other association stays finite.
  if (!Number.isFinite(spent)) spent = errors / total / budget;
  return 1 - spent;
}
