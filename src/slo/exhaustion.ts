import { finiteNumber, nonNegative, optionsObject, positiveDuration } from './checks.js';
import type { DurationInput } from './durations.js';

/**
 * How long until the error budget runs out if a burn rate is sustained:
 * `remaining × period / burnRate` seconds.
 *
 * Reference: Google SRE workbook, chapter 5 "Alerting on SLOs", Table 5-4: at a 99.9% SLO over 30 days,
 * burn rates 1, 2, 10 and 1000 exhaust the budget in 30 days, 15 days, 3 days and 43 minutes
 * (43.2 minutes exactly).
 *
 * @param options.burnRate - the sustained burn rate (≥ 0).
 * @param options.period - the SLO period, e.g. `'30d'`.
 * @param options.remaining - the fraction of the budget left (default 1, a full budget); 0 or less
 *   (overspent, see {@link budgetRemaining}) means the budget is already gone.
 * @returns seconds until exhaustion; `0` when nothing remains; `null` when the budget is never
 *   exhausted at this rate (burn rate 0, or a time too long to represent as a finite number).
 *
 * @example
 * ```ts
 * timeToExhaustion({ burnRate: 1000, period: '30d' });                // 2592 (43.2 minutes)
 * timeToExhaustion({ burnRate: 2, period: '30d' });                   // 1296000 (15 days)
 * timeToExhaustion({ burnRate: 10, period: '30d', remaining: 0.5 });  // 129600 (1.5 days)
 * timeToExhaustion({ burnRate: 0, period: '30d' });                   // null (never)
 * ```
 */
export function timeToExhaustion(options: { burnRate: number; period: DurationInput; remaining?: number }): number | null {
  optionsObject(options, 'options');
  const rate = nonNegative(options.burnRate, 'burnRate');
  const period = positiveDuration(options.period, 'period');
  const remaining = options.remaining === undefined ? 1 : finiteNumber(options.remaining, 'remaining');
  if (remaining <= 0) return 0;
  if (rate === 0) return null;
  const t = remaining * (period / rate);
  return Number.isFinite(t) ? t : null;
}

const UNITS: ReadonlyArray<{ seconds: number; singular: string; plural: string }> = [
  { seconds: 365 * 86400, singular: 'year', plural: 'years' },
  { seconds: 86400, singular: 'day', plural: 'days' },
  { seconds: 3600, singular: 'hour', plural: 'hours' },
  { seconds: 60, singular: 'minute', plural: 'minutes' },
  { seconds: 1, singular: 'second', plural: 'seconds' },
];

/**
 * A short phrase for a time to exhaustion (as returned by {@link timeToExhaustion}), for explanations:
 * the largest fitting unit (seconds, minutes, hours, days, years) with three significant digits.
 *
 * @param seconds - seconds until exhaustion (≥ 0), or `null` for never.
 * @returns e.g. `'43.2 minutes'`, `'2.08 days'`, `'30 days'`, `'never'`, or `'now'` for 0.
 *
 * @example
 * ```ts
 * describeTimeToExhaustion(2592);      // '43.2 minutes'
 * describeTimeToExhaustion(180000);    // '2.08 days'
 * describeTimeToExhaustion(2592000);   // '30 days'
 * describeTimeToExhaustion(null);      // 'never'
 * ```
 */
export function describeTimeToExhaustion(seconds: number | null): string {
  if (seconds === null) return 'never';
  const s = nonNegative(seconds, 'seconds');
  if (s === 0) return 'now';
  const unit = UNITS.find((u) => s >= u.seconds) ?? UNITS[UNITS.length - 1];
  const v = Number((s / unit.seconds).toPrecision(3));
  // Rounding may carry into the next unit (59.96 s → '60 seconds'); that is still correct.
  return `${formatNumber(v)} ${v === 1 ? unit.singular : unit.plural}`;
}

function formatNumber(v: number): string {
  // Plain notation (toPrecision can produce '1.00e+3'; Number() then String() gives '1000').
  return Math.abs(v) >= 1e21 ? v.toExponential(2) : String(v);
}
