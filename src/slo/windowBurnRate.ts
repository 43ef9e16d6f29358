import { CanaryJudgeError } from '../errors.js';
import { finiteNumber, nonNegative, optionsObject, positiveDuration } from './checks.js';
import { errorBudget } from './budget.js';
import type { DurationInput } from './durations.js';
import { checkSeries, measureWindow, type BurnRateSeries, type BurnRateWindow, type CheckedSeries } from './series.js';

/**
 * The evaluation time: `at` when given, else the last timestamp of the series (internal).
 * @throws CanaryJudgeError `'INVALID_ARGUMENT'` when `at` is not finite, or omitted for an empty series.
 */
export function resolveAt(at: number | undefined, s: CheckedSeries): number {
  if (at !== undefined) return finiteNumber(at, 'at');
  if (s.dataEnd === null) {
    throw new CanaryJudgeError('INVALID_ARGUMENT', 'at is required when the series is empty (there is no last sample to evaluate at)', 'at');
  }
  return s.dataEnd;
}

/**
 * The error ratio and burn rate over one window `[at − window, at]` of a series of per-interval counts
 * (see {@link BurnRateSeries} for the format): the sum of `errors` over the sum of `total` for the
 * samples with timestamps in `(at − window, at]`, divided by the error budget `1 − objective`.
 *
 * A window without traffic has `burnRate: null` and a `reason` (never NaN); a window that reaches back
 * before the first sample (or past the last) is flagged `complete: false` with its `coverage`.
 *
 * Reference: Google SRE workbook, chapter 5 "Alerting on SLOs" (burn rate over an alerting window,
 * computed like Prometheus `rate(errors[w]) / rate(total[w])` divided by `1 − SLO`).
 *
 * @param options.series - `{ timestamps, errors, total, step? }`.
 * @param options.window - window length (duration string or seconds, > 0).
 * @param options.objective - the SLO target as a fraction, e.g. `0.999`.
 * @param options.at - evaluation time in seconds (default: the last timestamp).
 * @param options.minTotal - fewer events than this give `burnRate: null` (default 0: only an empty window does).
 *
 * @example
 * ```ts
 * // Six 1-minute samples, the last five with 2% errors.
 * const series = { timestamps: [60, 120, 180, 240, 300, 360], errors: [0, 2, 2, 2, 2, 2], total: [100, 100, 100, 100, 100, 100] };
 * const w = windowBurnRate({ series, window: '5m', objective: 0.99 });
 * w.errorRatio; // 0.02
 * w.burnRate;   // 2
 * w.complete;   // true
 * ```
 */
export function windowBurnRate(options: {
  series: BurnRateSeries;
  window: DurationInput;
  objective: number;
  at?: number;
  minTotal?: number;
}): BurnRateWindow {
  optionsObject(options, 'options');
  const budget = errorBudget(options.objective);
  const window = positiveDuration(options.window, 'window');
  const minTotal = options.minTotal === undefined ? 0 : nonNegative(options.minTotal, 'minTotal');
  const s = checkSeries(options.series, 'series');
  const at = resolveAt(options.at, s);
  return measureWindow(s, at, window, budget, minTotal);
}
