import type { BurnRateRuleSpec } from './rules.js';

/** Names of the built-in multiwindow, multi-burn-rate rule sets. */
export type BurnRatePresetName = 'sre-workbook' | 'sloth-30d' | 'sloth-28d' | 'pyrra-28d';

/** A built-in rule set: where it comes from, the SLO period it was designed for, and its rules. */
export interface BurnRatePreset {
  readonly name: BurnRatePresetName;
  readonly description: string;
  /** Where the numbers come from. */
  readonly source: string;
  /** The SLO period the thresholds were computed for (Prometheus duration). */
  readonly period: string;
  readonly rules: ReadonlyArray<Readonly<BurnRateRuleSpec>>;
}

function freeze(preset: BurnRatePreset): BurnRatePreset {
  for (const r of preset.rules) Object.freeze(r);
  Object.freeze(preset.rules);
  return Object.freeze(preset);
}

/**
 * Built-in multiwindow, multi-burn-rate alert rule sets (frozen). A rule fires when the burn rate over
 * both its long and its short window exceeds its threshold; a set fires when any rule fires.
 *
 * - `'sre-workbook'`: Google SRE workbook, chapter 5 "Alerting on SLOs", Table 5-8 "Recommended
 *   parameters for an SLO-based alert" (30-day SLO): page at 14.4× over 1h (short window 5m, 2% of
 *   the budget), page at 6× over 6h (30m, 5%), ticket at 1× over 3d (6h, 10%).
 * - `'sloth-30d'`, `'sloth-28d'`: Sloth's default alert windows (slok/sloth,
 *   `internal/alert/windows/google-30d.yaml` and `google-28d.yaml`), given as error-budget percentages:
 *   page quick 2% over 1h/5m, page slow 5% over 6h/30m, ticket quick 10% over 1d/2h, ticket slow 10%
 *   over 3d/6h. Over 30 days that is 14.4×, 6×, 3×, 1×; over 28 days 13.44×, 5.6×, 2.8×, 0.933…×.
 * - `'pyrra-28d'`: Pyrra's windows for a 28-day SLO (pyrra-dev/pyrra, `slo/rules.go`, `Windows()`):
 *   critical 14× over 1h/5m, critical 7× over 6h/30m, warning 2× over 1d/2h, warning 1× over 4d/6h
 *   (budget fractions 1/48, 1/16, 1/14 and 1/7). Pyrra's `critical` maps to `'page'`, `warning` to
 *   `'ticket'`. (Pyrra also waits a `for:` duration of 2m, 15m, 1h, 3h before firing; an instantaneous
 *   evaluation has no equivalent, so it is not part of these rules.)
 *
 * @example
 * ```ts
 * burnRatePresets['sre-workbook'].rules[0];
 * // { name: 'page-1h', severity: 'page', longWindow: '1h', shortWindow: '5m', burnRateThreshold: 14.4, budgetFraction: 0.02, period: '30d' }
 * Object.keys(burnRatePresets); // ['sre-workbook', 'sloth-30d', 'sloth-28d', 'pyrra-28d']
 * ```
 */
export const burnRatePresets: Readonly<Record<BurnRatePresetName, BurnRatePreset>> = Object.freeze({
  'sre-workbook': freeze({
    name: 'sre-workbook',
    description: 'Google SRE workbook recommended multiwindow, multi-burn-rate alerts for a 30-day SLO.',
    source: 'https://sre.google/workbook/alerting-on-slos/ (Table 5-8)',
    period: '30d',
    rules: [
      { name: 'page-1h', severity: 'page', longWindow: '1h', shortWindow: '5m', burnRateThreshold: 14.4, budgetFraction: 0.02, period: '30d' },
      { name: 'page-6h', severity: 'page', longWindow: '6h', shortWindow: '30m', burnRateThreshold: 6, budgetFraction: 0.05, period: '30d' },
      { name: 'ticket-3d', severity: 'ticket', longWindow: '3d', shortWindow: '6h', burnRateThreshold: 1, budgetFraction: 0.1, period: '30d' },
    ],
  }),
  'sloth-30d': freeze({
    name: 'sloth-30d',
    description: "Sloth's default alert windows for a 30-day SLO (error-budget percentages from the SRE workbook).",
    source: 'https://github.com/slok/sloth (internal/alert/windows/google-30d.yaml)',
    period: '30d',
    rules: [
      { name: 'page-quick', severity: 'page', longWindow: '1h', shortWindow: '5m', budgetFraction: 0.02, period: '30d' },
      { name: 'page-slow', severity: 'page', longWindow: '6h', shortWindow: '30m', budgetFraction: 0.05, period: '30d' },
      { name: 'ticket-quick', severity: 'ticket', longWindow: '1d', shortWindow: '2h', budgetFraction: 0.1, period: '30d' },
      { name: 'ticket-slow', severity: 'ticket', longWindow: '3d', shortWindow: '6h', budgetFraction: 0.1, period: '30d' },
    ],
  }),
  'sloth-28d': freeze({
    name: 'sloth-28d',
    description: "Sloth's default alert windows for a 28-day SLO (error-budget percentages from the SRE workbook).",
    source: 'https://github.com/slok/sloth (internal/alert/windows/google-28d.yaml)',
    period: '28d',
    rules: [
      { name: 'page-quick', severity: 'page', longWindow: '1h', shortWindow: '5m', budgetFraction: 0.02, period: '28d' },
      { name: 'page-slow', severity: 'page', longWindow: '6h', shortWindow: '30m', budgetFraction: 0.05, period: '28d' },
      { name: 'ticket-quick', severity: 'ticket', longWindow: '1d', shortWindow: '2h', budgetFraction: 0.1, period: '28d' },
      { name: 'ticket-slow', severity: 'ticket', longWindow: '3d', shortWindow: '6h', budgetFraction: 0.1, period: '28d' },
    ],
  }),
  'pyrra-28d': freeze({
    name: 'pyrra-28d',
    description: "Pyrra's multi-burn-rate alerts for a 28-day SLO (critical → page, warning → ticket).",
    source: 'https://github.com/pyrra-dev/pyrra (slo/rules.go, Windows())',
    period: '28d',
    rules: [
      { name: 'critical-1h', severity: 'page', longWindow: '1h', shortWindow: '5m', burnRateThreshold: 14, period: '28d' },
      { name: 'critical-6h', severity: 'page', longWindow: '6h', shortWindow: '30m', burnRateThreshold: 7, period: '28d' },
      { name: 'warning-1d', severity: 'ticket', longWindow: '1d', shortWindow: '2h', burnRateThreshold: 2, period: '28d' },
      { name: 'warning-4d', severity: 'ticket', longWindow: '4d', shortWindow: '6h', burnRateThreshold: 1, period: '28d' },
    ],
  }),
});
