/**
 * Every default of the judge in one place: numbers that are decisions are options with documented
 * defaults, never buried literals. docs/judge.md explains each one; docs/quality.md measures them.
 * @module
 */

/** Defaults of a judge run and of each SLI. */
export const JUDGE_DEFAULTS = Object.freeze({
  /** Confidence level of every test and interval. */
  confidence: 0.95,
  /** Verdict thresholds on the 0–100 score. */
  thresholds: Object.freeze({ pass: 95, marginal: 75 }),
  /** No correction across SLIs: the allowed-change margin already keeps A/A false fails rare. */
  multipleComparisons: 'none' as const,
  /** Inconclusive SLIs count as passes, with a warning in the result (Kayenta's behaviour). */
  inconclusive: 'pass' as const,
  /** A run whose counted SLIs have no data in half or more of the cases fails (Kayenta's rule). */
  nodataFailShare: 0.5,
  /** With any insufficient or errored SLI the verdict is at most marginal. */
  insufficientCap: 'marginal' as const,
  scoring: 'weighted' as const,
  sli: Object.freeze({
    groups: Object.freeze(['default']) as readonly string[],
    direction: 'increase' as const,
    /** Quantile of `quantile` SLIs. */
    q: 0.99,
    /** ±5 %: measured in docs/quality.md — a +10 % regression can only be caught when the margin is below it. */
    allowedIncrease: 0.05,
    allowedDecrease: 0.05,
    weight: 1,
    /** Points per side after preprocessing; Kayenta's guidance is 50, 20 is the least that makes the interval useful. */
    minSamples: 20,
    /** Rate SLIs: least `total` per side. */
    minTotal: 100,
    minEvents: 0,
    nan: 'remove' as const,
    outliers: 'none' as const,
    smoothing: 'none' as const,
    /** Kayenta classifier tolerance. */
    tolerance: 0.25,
    /** burnRate SLIs: a burn rate of 1 spends the budget exactly over the period. */
    maxBurnRate: 1,
    period: '30d' as string,
  }),
  /** Statistical power used to report how many samples would detect the allowed change. */
  power: 0.8,
});
