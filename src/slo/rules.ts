import { CanaryJudgeError } from '../errors.js';
import { optionsObject, positive, positiveDuration, show } from './checks.js';
import { errorBudget } from './budget.js';
import type { DurationInput } from './durations.js';
import { burnRatePresets, type BurnRatePresetName } from './presets.js';

/** `'page'` wakes someone up; `'ticket'` can wait for working hours (SRE workbook terms). */
export type BurnRateSeverity = 'page' | 'ticket';

/**
 * A multiwindow burn-rate rule as written by a user or a preset. Give either `burnRateThreshold`, or
 * `budgetFraction` with `period` (the threshold is then `budgetFraction × period / longWindow`), or all
 * three when they agree.
 */
export interface BurnRateRuleSpec {
  name: string;
  severity: BurnRateSeverity;
  /** The long window (duration string or seconds): how much budget the alert waits for. */
  longWindow: DurationInput;
  /** The short window (≤ longWindow; the workbook uses 1/12 of it): makes the alert reset quickly. */
  shortWindow: DurationInput;
  /** Fire when both windows' burn rates exceed this. */
  burnRateThreshold?: number | null;
  /** The fraction of the period's budget spent over `longWindow` at the threshold (0.02 for 2%). */
  budgetFraction?: number | null;
  /** The SLO period the rule was designed for, e.g. `'30d'`. */
  period?: DurationInput | null;
}

/** A validated rule: windows and period in seconds, threshold always present. Plain JSON. */
export interface BurnRateRule {
  name: string;
  severity: BurnRateSeverity;
  /** Seconds. */
  longWindow: number;
  /** Seconds. */
  shortWindow: number;
  burnRateThreshold: number;
  /** Fraction of the period's budget spent over the long window at the threshold; `null` without a period. */
  budgetFraction: number | null;
  /** The SLO period in seconds; `null` when the rule does not name one. */
  period: number | null;
  /**
   * The error ratio the rule compares against, `burnRateThreshold × (1 − objective)` (what a Prometheus
   * alert expression writes as `> (14.4 * (1 - 0.999))`); `null` when no objective was given.
   */
  errorRatioThreshold: number | null;
}

/** Relative tolerance when a rule gives both a threshold and a budget fraction. */
const CONSISTENCY_TOLERANCE = 1e-9;

/**
 * Validate one burn-rate rule and normalise it (durations to seconds, threshold derived when needed).
 *
 * The threshold derivation follows the Google SRE workbook, "Alerting on SLOs" (burn rate =
 * budget fraction × period / window, Table 5-8) and Sloth's alert windows (budget percentages).
 *
 * @param spec - the rule.
 * @param options.objective - when given, `errorRatioThreshold` is filled in.
 * @param options.path - JSON path prefix for errors (default `'rule'`).
 * @throws CanaryJudgeError `'INVALID_RULE'` (bad name, severity, threshold, windows out of order,
 *   inconsistent threshold and budget fraction) or `'INVALID_DURATION'`, with the field's path.
 *
 * @example
 * ```ts
 * burnRateRule({ name: 'fast', severity: 'page', longWindow: '1h', shortWindow: '5m', budgetFraction: 0.02, period: '30d' });
 * // { name: 'fast', severity: 'page', longWindow: 3600, shortWindow: 300, burnRateThreshold: 14.4,
 * //   budgetFraction: 0.02, period: 2592000, errorRatioThreshold: null }
 * ```
 */
export function burnRateRule(spec: BurnRateRuleSpec, options: { objective?: number; path?: string } = {}): BurnRateRule {
  const path = options.path ?? 'rule';
  if (spec === null || typeof spec !== 'object') {
    throw new CanaryJudgeError('INVALID_RULE', `${path} must be a rule object, got ${show(spec)}`, path);
  }
  const budget = options.objective === undefined ? null : errorBudget(options.objective);
  if (typeof spec.name !== 'string' || spec.name === '') {
    throw new CanaryJudgeError('INVALID_RULE', `${path}.name must be a non-empty string, got ${show(spec.name)}`, `${path}.name`);
  }
  if (spec.severity !== 'page' && spec.severity !== 'ticket') {
    throw new CanaryJudgeError('INVALID_RULE', `${path}.severity must be 'page' or 'ticket', got ${show(spec.severity)}`, `${path}.severity`);
  }
  const longWindow = positiveDuration(spec.longWindow, `${path}.longWindow`);
  const shortWindow = positiveDuration(spec.shortWindow, `${path}.shortWindow`);
  if (shortWindow > longWindow) {
    throw new CanaryJudgeError(
      'INVALID_RULE',
      `${path}.shortWindow (${show(spec.shortWindow)}) must not be longer than longWindow (${show(spec.longWindow)})`,
      `${path}.shortWindow`,
    );
  }
  const period = spec.period === undefined || spec.period === null ? null : positiveDuration(spec.period, `${path}.period`);
  const given = spec.burnRateThreshold === undefined || spec.burnRateThreshold === null
    ? null
    : positive(spec.burnRateThreshold, `${path}.burnRateThreshold`, 'INVALID_RULE');
  const fraction = spec.budgetFraction === undefined || spec.budgetFraction === null
    ? null
    : positive(spec.budgetFraction, `${path}.budgetFraction`, 'INVALID_RULE');

  let threshold: number;
  let budgetFraction: number | null;
  if (fraction !== null) {
    if (period === null) {
      throw new CanaryJudgeError('INVALID_RULE', `${path}.budgetFraction needs ${path}.period to derive a burn-rate threshold`, `${path}.period`);
    }
    const derived = fraction * (period / longWindow);
    if (given !== null && Math.abs(given - derived) > CONSISTENCY_TOLERANCE * Math.max(given, derived)) {
      throw new CanaryJudgeError(
        'INVALID_RULE',
        `${path}.burnRateThreshold (${given}) disagrees with budgetFraction × period / longWindow (${derived})`,
        `${path}.burnRateThreshold`,
      );
    }
    threshold = given ?? derived;
    budgetFraction = fraction;
  } else if (given !== null) {
    threshold = given;
    budgetFraction = period === null ? null : given * (longWindow / period);
  } else {
    throw new CanaryJudgeError(
      'INVALID_RULE',
      `${path} needs burnRateThreshold, or budgetFraction with period`,
      `${path}.burnRateThreshold`,
    );
  }
  if (!Number.isFinite(threshold) || (budgetFraction !== null && !Number.isFinite(budgetFraction))) {
    throw new CanaryJudgeError('OUT_OF_RANGE', `${path}: threshold or budget fraction too large to represent`, `${path}.budgetFraction`);
  }
  return {
    name: spec.name,
    severity: spec.severity,
    longWindow,
    shortWindow,
    burnRateThreshold: threshold,
    budgetFraction,
    period,
    errorRatioThreshold: budget === null ? null : threshold * budget,
  };
}

/**
 * Build a set of multiwindow, multi-burn-rate rules from a preset (see {@link burnRatePresets}), custom
 * rules, or both (preset rules first). Rule names must be unique.
 *
 * Reference: Google SRE workbook, chapter 5 "Alerting on SLOs", section 6 "Multiwindow, multi-burn-rate
 * alerts"; Sloth's and Pyrra's default windows.
 *
 * @param options.preset - `'sre-workbook'`, `'sloth-30d'`, `'sloth-28d'` or `'pyrra-28d'`.
 * @param options.rules - custom rules (`BurnRateRuleSpec`).
 * @param options.objective - when given, each rule's `errorRatioThreshold` is filled in.
 * @throws CanaryJudgeError `'UNKNOWN_PRESET'`, `'INVALID_RULE'` (path `rules[i].field`), `'INVALID_DURATION'`,
 *   `'INVALID_OBJECTIVE'`, `'INVALID_ARGUMENT'` (neither preset nor rules).
 *
 * @example
 * ```ts
 * const rules = burnRateRules({ preset: 'sloth-28d', objective: 0.999 });
 * rules.map((r) => r.burnRateThreshold); // [13.44, 5.6, 2.8, 0.9333…] (up to rounding)
 * rules[0].errorRatioThreshold;          // 0.01344
 * ```
 */
export function burnRateRules(options: {
  preset?: BurnRatePresetName;
  rules?: ReadonlyArray<BurnRateRuleSpec>;
  objective?: number;
}): BurnRateRule[] {
  optionsObject(options, 'options');
  if (options.objective !== undefined) errorBudget(options.objective);
  const specs: Array<{ spec: BurnRateRuleSpec; path: string }> = [];
  if (options.preset !== undefined) {
    const preset = Object.prototype.hasOwnProperty.call(burnRatePresets, options.preset)
      ? burnRatePresets[options.preset]
      : undefined;
    if (preset === undefined) {
      throw new CanaryJudgeError(
        'UNKNOWN_PRESET',
        `preset must be one of ${Object.keys(burnRatePresets).map((k) => `'${k}'`).join(', ')}, got ${show(options.preset)}`,
        'preset',
      );
    }
    preset.rules.forEach((spec, i) => specs.push({ spec, path: `preset(${preset.name}).rules[${i}]` }));
  }
  if (options.rules !== undefined) {
    if (!Array.isArray(options.rules)) {
      throw new CanaryJudgeError('INVALID_ARGUMENT', `rules must be an array of rules, got ${show(options.rules)}`, 'rules');
    }
    options.rules.forEach((spec, i) => specs.push({ spec, path: `rules[${i}]` }));
  }
  if (options.preset === undefined && options.rules === undefined) {
    throw new CanaryJudgeError('INVALID_ARGUMENT', 'give a preset, rules, or both', 'rules');
  }
  const seen = new Set<string>();
  return specs.map(({ spec, path }) => {
    const rule = burnRateRule(spec, { objective: options.objective, path });
    if (seen.has(rule.name)) {
      throw new CanaryJudgeError('INVALID_RULE', `rule name '${rule.name}' is used twice`, `${path}.name`);
    }
    seen.add(rule.name);
    return rule;
  });
}
