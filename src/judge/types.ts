import type { HistogramSide } from './histogramSide.js';
import type { LogHistogram } from '../sketch/logHistogram.js';

/**
 * Types of the judge: its configuration, its input data and its result (the {@link Verdict}).
 * Every result type is plain JSON: no `NaN`, no `Infinity`, no class instances.
 * @module
 */

/** Which change of an SLI is bad. `increase`: higher is worse (latency, errors); `decrease`: lower is worse (throughput); `either`: any change. */
export type Direction = 'increase' | 'decrease' | 'either';

/**
 * The statistical test of an SLI.
 * - `mannWhitney` (default for samples): Mann–Whitney U test with the Hodges–Lehmann shift and its confidence interval.
 * - `rate` (default for `{ events, total }` data): exact conditional binomial test of the ratio of two event rates.
 * - `quantile`: a tail quantile (`q`, e.g. 0.99): exceedance test at the pooled quantile (Fisher's exact test) and the quantile ratio.
 * - `kayenta`: reproduces Kayenta's NetflixACAJudge classifier (set by {@link fromKayentaConfig}).
 * - `sequential`: an anytime-valid monitor replayed over the stage (counts, means, or a quantile): safe to re-run after every scrape.
 * - `burnRate`: the canary's error ratio as a burn rate of the service's error budget (`objective`), failing above `maxBurnRate`.
 */
export type SliTest = 'mannWhitney' | 'rate' | 'quantile' | 'kayenta' | 'burnRate' | 'sequential';

/**
 * The effect an SLI's allowed change is expressed on (all relative: 0.05 = +5 %).
 * - `hlShift`: Hodges–Lehmann shift (median of canary − baseline differences) divided by the baseline median;
 * - `meanRatio`: mean(canary) / mean(baseline) − 1;
 * - `medianRatio`: median(canary) / median(baseline) − 1;
 * - `quantileRatio`: quantile_q(canary) / quantile_q(baseline) − 1;
 * - `cles`: common-language effect size P(canary > baseline) (ties ½) − ½.
 * - `rateRatio`: rate(canary) / rate(baseline) − 1 (the only effect of a `rate` SLI).
 * - `burnRate`: the canary's burn rate itself (error ratio / error budget; not relative), for `burnRate` SLIs.
 */
export type EffectKind = 'hlShift' | 'meanRatio' | 'medianRatio' | 'quantileRatio' | 'cles' | 'rateRatio' | 'burnRate';

/** What to do with NaN values: drop them, replace them by a number, or classify the SLI as `error`. */
export type NanConfig = 'remove' | 'fail' | { replace: number };

/** Outlier removal before testing. `iqr`: Tukey fences Q1 − f·IQR, Q3 + f·IQR; `mad`: Hampel identifier |x − median| > k·MAD. */
export type OutlierConfig =
  | 'none'
  | 'iqr'
  | 'mad'
  | { method: 'iqr'; factor?: number }
  | { method: 'kayentaIqr'; factor?: number }
  | { method: 'mad'; k?: number };

/** Smoothing of time series before testing (applied in time order). */
export type SmoothingConfig =
  | 'none'
  | { method: 'ewma'; alpha?: number; halfLife?: number }
  | { method: 'rollingMedian'; window: number };

/** Block aggregation of a series SLI (see {@link SliConfig.aggregate}). */
export type AggregateConfig = 'none' | 'auto' | { size: number; stat?: 'mean' | 'median' | 'max' };

/** Configuration of one SLI. Every field but `name` has a documented default (see docs/judge.md). */
export interface SliConfig {
  /** Unique name; the key of this SLI in the data object. */
  name: string;
  /** Groups this SLI belongs to (default `['default']`). Scores are computed per group, then weighted. */
  groups?: string[];
  /** Which change is bad (default `'increase'`). */
  direction?: Direction;
  /** Test to run (default: `mannWhitney` for samples, `rate` for counts). */
  test?: SliTest;
  /** Quantile probability for `test: 'quantile'` and `effect: 'quantileRatio'` (default 0.99). */
  q?: number;
  /** Confidence level of tests and intervals (default: the judge's `confidence`, 0.95). */
  confidence?: number;
  /** Effect on which allowed and critical changes are expressed (default `hlShift`; `rateRatio` for rate SLIs; `quantileRatio` for quantile SLIs). */
  effect?: EffectKind;
  /** Largest tolerated relative increase (default 0.05 = +5 %). */
  allowedIncrease?: number;
  /** Largest tolerated relative decrease, as a positive fraction (default 0.05 = −5 %). */
  allowedDecrease?: number;
  /** A relative increase proven beyond this fails the whole run, as a critical SLI would (default: none). */
  criticalIncrease?: number;
  /** A relative decrease proven beyond this (positive fraction) fails the whole run (default: none). */
  criticalDecrease?: number;
  /** A critical SLI that is not `pass` forces the score to 0 (default false). */
  critical?: boolean;
  /** `nodata` counts as a failure of this SLI (default false). */
  mustHaveData?: boolean;
  /** Weight of this SLI inside its groups (default 1). */
  weight?: number;
  /** Minimum number of points per side after preprocessing (default 20); for rate SLIs, the minimum `total` per side. */
  minSamples?: number;
  /** Rate SLIs: minimum number of events over both sides before a rate can be judged (default 0: zero errors on both sides is a pass). */
  minEvents?: number;
  /** NaN handling (default `'remove'`). */
  nan?: NanConfig;
  /** Outlier removal (default `'none'`). */
  outliers?: OutlierConfig;
  /** Smoothing (default `'none'`). */
  smoothing?: SmoothingConfig;
  /**
   * Block aggregation against autocorrelation: replace each side by the means of consecutive blocks of points
   * (time order) before testing. `'auto'` takes the block size from the lag-1 autocorrelation (⌈(1 + ρ)/(1 − ρ)⌉
   * when ρ is significant, keeping at least `minSamples` blocks); or a fixed `{ size, stat }`. Default: `'auto'`
   * for `mannWhitney` SLIs whose data are time series (timestamps on both sides), `'none'` otherwise (a plain
   * array carries no guarantee that its order is time; docs/quality.md).
   */
  aggregate?: AggregateConfig;
  /** A muted SLI is computed and reported but never counts in the score (default false). */
  muted?: boolean;
  /** `kayenta` test only: Kayenta's tolerance, the fraction of |HL estimate| the interval must clear (default 0.25). */
  tolerance?: number;
  /** `burnRate` test only (required there): the SLO target as a fraction, e.g. 0.999. */
  objective?: number;
  /** `burnRate` test only: the highest tolerated burn rate (default 1: the budget lasts exactly the period). */
  maxBurnRate?: number;
  /** `burnRate` test only: the SLO period, a Prometheus duration or seconds (default '30d'). */
  period?: string | number;
  /** `sequential` test on counts: the canary's traffic share (0.01 at a 1 % stage); default: estimated from the totals. */
  canaryShare?: number;
  /** `sequential` test: the sample size at which the confidence sequence is tightest (monitor default when omitted). */
  tuningSampleSize?: number;
}

/** One look of a sequential SLI's confidence sequence (the judge keeps at most 200, evenly thinned). */
export interface SequencePoint {
  look: number;
  nBaseline: number;
  nCanary: number;
  estimate: number | null;
  lower: number | null;
  upper: number | null;
  pValue: number | null;
  decision: 'continue' | 'pass' | 'fail';
}

/** How inconclusive SLIs (interval still contains changes larger than allowed) count in the score. */
export type InconclusivePolicy = 'pass' | 'marginal' | 'fail';

/** Configuration of a judge run. Only `slis` is required. */
export interface JudgeConfig {
  slis: SliConfig[];
  /** Score thresholds: `pass` (default 95) and `marginal` (default 75), 0–100, pass ≥ marginal. */
  thresholds?: { pass?: number; marginal?: number };
  /** Group weights (any positive numbers; normalised). Groups without a weight share what is left as Kayenta does, or weigh 1 when none is given. */
  groupWeights?: Record<string, number>;
  /** Default confidence level for every SLI (default 0.95). */
  confidence?: number;
  /** Correction of p-values across SLIs (default `'none'`: the allowed-change margin already keeps the A/A false-fail rate low; see docs/quality.md). */
  multipleComparisons?: 'none' | 'holm' | 'bh';
  /** How inconclusive SLIs count (default `'pass'`, with a visible warning, like Kayenta). */
  inconclusive?: InconclusivePolicy;
  /** Share of counted SLIs with no data at or above which the run fails (default 0.5, as Kayenta). */
  nodataFailShare?: number;
  /** Highest verdict possible while some SLI is `insufficient` or `error` (default `'marginal'`: never a pass by accident). */
  insufficientCap?: 'pass' | 'marginal' | 'fail';
  /** Scorer: `weighted` (default) or `kayenta` (Kayenta's WeightedSumScorer, set by {@link fromKayentaConfig}). */
  scoring?: 'weighted' | 'kayenta';
}

/** A time series: timestamps (any unit, increasing) and values. */
export interface TimeSeries {
  timestamps: ArrayLike<number>;
  values: ArrayLike<number>;
}

/** Event counts for a rate SLI: totals, or per-interval arrays of both (summed). */
export interface Counts {
  events: number | ArrayLike<number>;
  total: number | ArrayLike<number>;
}

/** One side (baseline or canary) of an SLI's data: samples, a time series, counts, or a histogram (see {@link HistogramSide}). */
export type SideData = ArrayLike<number> | TimeSeries | Counts | HistogramSide | LogHistogram;

/** Data of one SLI: always named, never positional. */
export interface SliData {
  baseline: SideData | null | undefined;
  canary: SideData | null | undefined;
}

/** The judge's data: SLI name → its baseline and canary. */
export type JudgeData = Record<string, SliData | undefined>;

/** Classification of one SLI. */
export type Classification = 'pass' | 'high' | 'low' | 'nodata' | 'insufficient' | 'error';

/** A relative effect with its confidence interval (null ends are unbounded). */
export interface EffectEstimate {
  kind: EffectKind;
  /** Point estimate (relative change: 0.12 = +12 %); null when undefined (reason given). */
  estimate: number | null;
  lower: number | null;
  upper: number | null;
  confidence: number;
  /** Why the estimate or an end is missing, when it is. */
  note?: string;
}

/** Counts of one side before and after preprocessing. */
export interface SideCounts {
  before: number;
  after: number;
  nan: number;
  outliersRemoved: number;
}

/** Result of one SLI. */
export interface SliResult {
  name: string;
  classification: Classification;
  /** Did this SLI force the verdict (a failing critical SLI, or a change beyond the critical limit)? */
  critical: boolean;
  /** Was this SLI configured as critical? */
  configuredCritical: boolean;
  /** Was this SLI configured with `mustHaveData`? */
  mustHaveData: boolean;
  muted: boolean;
  groups: string[];
  weight: number;
  direction: Direction;
  test: SliTest;
  /** The interval still contains changes larger than allowed (or the data cannot tell): classified pass, not proven. */
  inconclusive: boolean;
  /** p-value of the test in the bad direction (one-sided for increase/decrease, two-sided for either); null without a test. */
  pValue: number | null;
  /** p-value after the multiple-comparison correction across SLIs. */
  adjustedPValue: number | null;
  effect: EffectEstimate | null;
  allowed: { increase: number | null; decrease: number | null };
  criticalLimit: { increase: number | null; decrease: number | null };
  samples: { baseline: SideCounts; canary: SideCounts };
  /** Summary numbers per side (medians, means, rates) used in the explanation. */
  summary: Record<string, number | null>;
  /** Details of the test (statistic, z, method …). */
  details: Record<string, number | string | boolean | null>;
  /** For insufficient or inconclusive results: points per side that would detect the allowed change with 80 % power. */
  requiredSamples: number | null;
  /** One sentence a person without statistics can read. */
  reason: string;
  warnings: string[];
  /** Sequential SLIs only: the confidence sequence over the looks of the stage. */
  sequence?: SequencePoint[];
}

/** Score of one group. */
export interface GroupResult {
  name: string;
  /** 0–100, or null when no SLI of the group was counted. */
  score: number | null;
  weight: number;
  counts: Record<Classification, number>;
  slis: string[];
}

/** The verdict of a run. */
export interface Verdict {
  verdict: 'pass' | 'marginal' | 'fail';
  /** 0–100. */
  score: number;
  /** The SLIs (and rules) that decided the verdict, worst first. */
  reasons: string[];
  /** False when some SLI had no data, too little data or an error, so the verdict rests on part of the evidence. */
  complete: boolean;
  /** Why the verdict was limited (e.g. capped at marginal because an SLI is insufficient), or null. */
  limitedBy: 'insufficient' | 'nodata' | 'error' | null;
  thresholds: { pass: number; marginal: number };
  groups: GroupResult[];
  slis: SliResult[];
}
