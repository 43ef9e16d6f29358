import { CanaryJudgeError } from '../errors.js';
import { nonNegative, optionsObject, positiveDuration, show } from './checks.js';
import { errorBudget } from './budget.js';
import type { DurationInput } from './durations.js';
import { objectivePercent, percent, times, win } from './format.js';
import { burnRatePresets, type BurnRatePresetName } from './presets.js';
import { burnRateRules, type BurnRateRuleSpec, type BurnRateSeverity } from './rules.js';
import { checkSeries, measureWindow, type BurnRateSeries, type BurnRateWindow } from './series.js';
import { resolveAt } from './windowBurnRate.js';

/** One rule's verdict at the evaluation time. Plain JSON. */
export interface BurnRateRuleResult {
  name: string;
  severity: BurnRateSeverity;
  /** Seconds. */
  longWindow: number;
  /** Seconds. */
  shortWindow: number;
  burnRateThreshold: number;
  /** `burnRateThreshold × (1 − objective)`: the error ratio both windows must exceed. */
  errorRatioThreshold: number;
  /** The long window's counts and burn rate. */
  long: BurnRateWindow;
  /** The short window's counts and burn rate. */
  short: BurnRateWindow;
  /** `true` when both windows' burn rates exceed the threshold (AND). */
  firing: boolean;
  /** The SLO period used for `budgetConsumed`, in seconds; `null` when neither the rule nor the options give one. */
  period: number | null;
  /**
   * The fraction of the period's budget the long window's burn rate consumes over the long window,
   * `long.burnRate × longWindow / period`; `null` when that burn rate or the period is unknown.
   */
  budgetConsumed: number | null;
  /** One plain sentence: why the rule fires or not. */
  reason: string;
}

/** The result of {@link evaluateBurnRateRules}. Plain JSON, never NaN or Infinity. */
export interface BurnRateEvaluation {
  /** Evaluation time in seconds. */
  at: number;
  objective: number;
  /** `1 − objective`. */
  errorBudget: number;
  /** `true` when any rule fires (OR). */
  firing: boolean;
  /** `'page'` if a page rule fires, else `'ticket'` if a ticket rule fires, else `null`. */
  severity: BurnRateSeverity | null;
  /** Names of the rules that fire, in rule order. */
  firingRules: string[];
  /** `true` when every window of every rule is fully covered by the series. */
  complete: boolean;
  rules: BurnRateRuleResult[];
  /** One plain sentence summarising the evaluation. */
  summary: string;
}

function rateWords(w: BurnRateWindow): string {
  return w.burnRate === null ? `no burn rate over ${win(w.window)}` : `${times(w.burnRate)} over ${win(w.window)}`;
}

/**
 * Evaluate multiwindow, multi-burn-rate alert rules on a series of per-interval error and total counts
 * at one instant.
 *
 * For each rule, the burn rate over the long window `[at − longWindow, at]` and over the short window
 * `[at − shortWindow, at]` is the window's error ratio (sum of errors / sum of totals, samples with
 * timestamps in `(at − w, at]`) divided by `1 − objective`. A rule fires when **both** burn rates
 * exceed (`>`) its threshold; the rule set fires when **any** rule fires. This is the alerting logic of
 * the Google SRE workbook, chapter 5 "Alerting on SLOs", section 6 "Multiwindow, multi-burn-rate
 * alerts", as generated for Prometheus by Sloth and Pyrra (`burnrate_long > k·(1−SLO) and
 * burnrate_short > k·(1−SLO)`).
 *
 * Data problems are results, not errors: a window with no traffic gets `burnRate: null` and a
 * `reason` (the rule does not fire); a window that reaches back before the first sample's interval (or
 * past the last sample) is flagged `complete: false` with its `coverage`, and its burn rate is computed
 * from the data it does hold (set `requireCompleteCoverage` to keep such rules from firing).
 *
 * @param options.rules - a preset name (`'sre-workbook'`, `'sloth-30d'`, `'sloth-28d'`, `'pyrra-28d'`)
 *   or an array of rules (`BurnRateRuleSpec`, or the output of {@link burnRateRules}).
 * @param options.objective - the SLO target as a fraction, e.g. `0.999`.
 * @param options.series - `{ timestamps, errors, total, step? }`: per-interval counts, see {@link BurnRateSeries}.
 * @param options.at - evaluation time in seconds (default: the last timestamp of the series).
 * @param options.period - SLO period for `budgetConsumed` (default: each rule's own period).
 * @param options.minTotal - windows with fewer events get `burnRate: null` (default 0: only empty windows).
 * @param options.requireCompleteCoverage - when `true`, a rule whose long or short window is not fully
 *   covered by the series does not fire (default `false`).
 * @throws CanaryJudgeError `'INVALID_SERIES'` (path `series.errors[i]` etc.), `'INVALID_RULE'`,
 *   `'INVALID_DURATION'`, `'INVALID_OBJECTIVE'`, `'UNKNOWN_PRESET'`, `'INVALID_ARGUMENT'`.
 *
 * @example
 * ```ts
 * // 1-minute samples over 2 hours; a 3% error ratio starts at minute 90 (99.9% SLO, 30-day period).
 * const n = 120;
 * const timestamps = Array.from({ length: n }, (_, i) => (i + 1) * 60);
 * const total = timestamps.map(() => 1000);
 * const errors = timestamps.map((_, i) => (i >= 90 ? 30 : 0));
 * const series = { timestamps, errors, total };
 * const result = evaluateBurnRateRules({ rules: 'sre-workbook', objective: 0.999, series });
 * result.rules[0].long.burnRate;   // 15: 900 errors / 60000 requests over 1h = 1.5%, over a 0.1% budget
 * result.rules[0].short.burnRate;  // 30: 3% over the last 5m
 * result.firingRules;              // ['page-1h', 'page-6h', 'ticket-3d']
 * result.complete;                 // false: the 6h and 3d windows reach back before the 2 hours of data
 * evaluateBurnRateRules({ rules: 'sre-workbook', objective: 0.999, series, requireCompleteCoverage: true }).firingRules;
 * // ['page-1h']
 * ```
 */
export function evaluateBurnRateRules(options: {
  rules: BurnRatePresetName | ReadonlyArray<BurnRateRuleSpec>;
  objective: number;
  series: BurnRateSeries;
  at?: number;
  period?: DurationInput;
  minTotal?: number;
  requireCompleteCoverage?: boolean;
}): BurnRateEvaluation {
  optionsObject(options, 'options');
  const objective = options.objective;
  const budget = errorBudget(objective);
  if (typeof options.rules === 'string' && !Object.prototype.hasOwnProperty.call(burnRatePresets, options.rules)) {
    throw new CanaryJudgeError(
      'UNKNOWN_PRESET',
      `rules must be an array of rules or a preset name (${Object.keys(burnRatePresets).map((k) => `'${k}'`).join(', ')}), got ${show(options.rules)}`,
      'rules',
    );
  }
  const rules =
    typeof options.rules === 'string'
      ? burnRateRules({ preset: options.rules, objective })
      : Array.isArray(options.rules)
        ? burnRateRules({ rules: options.rules, objective })
        : (() => {
            throw new CanaryJudgeError('INVALID_ARGUMENT', `rules must be a preset name or an array of rules, got ${show(options.rules)}`, 'rules');
          })();
  const periodOverride = options.period === undefined ? null : positiveDuration(options.period, 'period');
  const minTotal = options.minTotal === undefined ? 0 : nonNegative(options.minTotal, 'minTotal');
  const requireComplete = options.requireCompleteCoverage ?? false;
  if (typeof requireComplete !== 'boolean') {
    throw new CanaryJudgeError('INVALID_ARGUMENT', `requireCompleteCoverage must be a boolean, got ${show(requireComplete)}`, 'requireCompleteCoverage');
  }
  const series = checkSeries(options.series, 'series');
  const at = resolveAt(options.at, series);

  const cache = new Map<number, BurnRateWindow>();
  const measure = (w: number): BurnRateWindow => {
    let r = cache.get(w);
    if (r === undefined) {
      r = measureWindow(series, at, w, budget, minTotal);
      cache.set(w, r);
    }
    // Each rule gets its own copy so that results share no objects (safe to mutate downstream).
    return { ...r };
  };

  const results: BurnRateRuleResult[] = rules.map((rule) => {
    const long = measure(rule.longWindow);
    const short = measure(rule.shortWindow);
    const k = rule.burnRateThreshold;
    const longAbove = long.burnRate !== null && long.burnRate > k;
    const shortAbove = short.burnRate !== null && short.burnRate > k;
    const covered = long.complete && short.complete;
    const firing = longAbove && shortAbove && (covered || !requireComplete);
    const period = periodOverride ?? rule.period;
    const budgetConsumed = long.burnRate === null || period === null ? null : long.burnRate * (rule.longWindow / period);

    let why: string;
    if (firing) {
      why = `${rule.name} fires: burn rate ${rateWords(long)} and ${rateWords(short)} both exceed ${times(k)}`;
    } else if (longAbove && shortAbove) {
      why = `${rule.name} does not fire although both burn rates (${rateWords(long)}, ${rateWords(short)}) exceed ${times(k)}: its windows are not fully covered by data and requireCompleteCoverage is set`;
    } else {
      const nulls = [long, short].filter((w) => w.burnRate === null);
      if (nulls.length > 0) {
        why = `${rule.name} does not fire: ${nulls.map((w) => w.reason).join('; ')}`;
      } else if (longAbove) {
        why = `${rule.name} does not fire: burn rate ${rateWords(long)} exceeds ${times(k)} but ${rateWords(short)} does not`;
      } else if (shortAbove) {
        why = `${rule.name} does not fire: burn rate ${rateWords(short)} exceeds ${times(k)} but ${rateWords(long)} does not`;
      } else {
        why = `${rule.name} does not fire: burn rates ${rateWords(long)} and ${rateWords(short)} do not exceed ${times(k)}`;
      }
    }
    if (budgetConsumed !== null && period !== null) {
      why += `; at this ${win(rule.longWindow)} burn rate ${percent(budgetConsumed)} of the ${win(period)} budget is spent every ${win(rule.longWindow)}`;
    }
    const notes = [long, short].filter((w, i) => !w.complete && !(i === 1 && w.window === long.window)).map((w) => w.incompleteReason);
    if (notes.length > 0) why += ` (incomplete: ${notes.join('; ')})`;

    return {
      name: rule.name,
      severity: rule.severity,
      longWindow: rule.longWindow,
      shortWindow: rule.shortWindow,
      burnRateThreshold: k,
      errorRatioThreshold: rule.errorRatioThreshold ?? k * budget,
      long,
      short,
      firing,
      period,
      budgetConsumed,
      reason: `${why}.`,
    };
  });

  const firingRules = results.filter((r) => r.firing).map((r) => r.name);
  const severity: BurnRateSeverity | null = results.some((r) => r.firing && r.severity === 'page')
    ? 'page'
    : results.some((r) => r.firing)
      ? 'ticket'
      : null;
  const complete = results.every((r) => r.long.complete && r.short.complete);
  const slo = `${objectivePercent(objective)} SLO`;
  const summary =
    firingRules.length > 0
      ? `${severity === 'page' ? 'Page' : 'Ticket'}: ${firingRules.join(', ')} ${firingRules.length === 1 ? 'fires' : 'fire'} for the ${slo}.`
      : `No burn-rate rule fires for the ${slo} (${results.length} ${results.length === 1 ? 'rule' : 'rules'} evaluated${complete ? '' : '; some windows are not fully covered by data'}).`;

  return { at, objective, errorBudget: budget, firing: firingRules.length > 0, severity, firingRules, complete, rules: results, summary };
}
