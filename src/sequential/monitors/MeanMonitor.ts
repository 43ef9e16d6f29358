import { twoSidedBestRho } from '../internal/bestRho.js';
import { mixtureBoundRoot } from '../internal/mixtureBound.js';
import { makeNormalLogMixture } from '../normalLogMixture.js';
import {
  BASE_OPTION_KEYS,
  badArgument,
  badOption,
  decide,
  decisionReason,
  maxLower,
  minUpper,
  numberOption,
  optionsObject,
  plain,
  readUpdate,
  resolveBaseOptions,
  resultConfidenceSequence,
  resultSettings,
  runningPValue,
} from './common.js';
import type { MonitorBaseOptions, MonitorResultBase, ResolvedMonitorBaseOptions } from './common.js';
import { replaySeries, seriesInput } from './replay.js';
import type { MonitorReplayFields } from './replay.js';
import { lookRanges } from './series.js';
import type { SeriesPair } from './series.js';
import {
  baseOptionsState,
  restoreMonitor,
  stateCount,
  stateNullableNumber,
  stateNumber,
  stateObject,
  stateProbability,
  writeEnvelope,
} from './stateFile.js';

/** Options of {@link MeanMonitor}. */
export interface MeanMonitorOptions extends MonitorBaseOptions {
  /**
   * The effect: `'relative'` (default) — mean(canary)/mean(baseline) − 1, with the allowed changes relative
   * (0.1 = ±10 %; needs a positive baseline mean) — or `'absolute'` — mean(canary) − mean(baseline), with
   * the allowed changes in the metric's own unit.
   */
  effect?: 'relative' | 'absolute';
  /**
   * The tuning parameter N* > 0 (default 5000, GrowthBook's default): the total sample size (baseline +
   * canary) at which the confidence sequence is narrowest relative to a fixed-horizon interval. Set it to
   * the sample size at which you expect to decide; it changes power, never validity. Fix it before the
   * data arrive.
   */
  tuningSampleSize?: number;
  /**
   * Observations needed on each side before the monitor reports intervals, p-values and decisions
   * (default 30, integer ≥ 2). The sequence is asymptotic (it uses the sample variances), so the first few
   * dozen observations are not trusted.
   */
  minSamples?: number;
}

/** A batch summary: count, mean and the sample variance (n − 1 denominator; may be omitted or 0 when count is 1). */
export interface MeanBatchSummary {
  count: number;
  mean: number;
  variance?: number;
}

/** New data of one side: raw values, or a batch summary. */
export type MeanSideUpdate = ArrayLike<number> | MeanBatchSummary;

/** One update of a {@link MeanMonitor}. */
export interface MeanUpdate {
  baseline?: MeanSideUpdate;
  canary?: MeanSideUpdate;
}

/** Per-side running moments. */
export interface MeanSideState {
  n: number;
  mean: number;
  /** Sum of squared deviations from the mean. */
  m2: number;
  /** Values ignored because they were NaN or ±Infinity. */
  skipped: number;
}

/** Result of a {@link MeanMonitor}. */
export interface MeanMonitorResult extends MonitorResultBase {
  monitor: 'mean';
  effect: 'relative' | 'absolute';
  tuningSampleSize: number;
  /** Sample means and standard deviations per side (null before the first value / second value). */
  summary: {
    baseline: { mean: number | null; sd: number | null; skipped: number };
    canary: { mean: number | null; sd: number | null; skipped: number };
  };
}

/** The persisted form of a {@link MeanMonitor}. */
export interface MeanMonitorJSON {
  kind: 'MeanMonitor';
  version: 1;
  options: Required<MeanMonitorOptions>;
  state: {
    looks: number;
    baseline: MeanSideState;
    canary: MeanSideState;
    pValue: number;
    lower: number | null;
    upper: number | null;
  };
}

/** Defaults of the {@link MeanMonitor} tuning options. */
export const MEAN_MONITOR_DEFAULTS = {
  effect: 'relative' as 'relative' | 'absolute',
  /** GrowthBook's default N*. */
  tuningSampleSize: 5000,
  minSamples: 30,
} as const;

const KEYS = [...BASE_OPTION_KEYS, 'effect', 'tuningSampleSize', 'minSamples'];

interface ResolvedMeanOptions extends ResolvedMonitorBaseOptions {
  effect: 'relative' | 'absolute';
  tuningSampleSize: number;
  minSamples: number;
}

function resolveMeanOptions(options: unknown): ResolvedMeanOptions {
  const o = optionsObject(options, KEYS, 'MeanMonitor');
  const base = resolveBaseOptions(o, 'the mean');
  let effect = MEAN_MONITOR_DEFAULTS.effect;
  if (o.effect !== undefined) {
    if (o.effect !== 'relative' && o.effect !== 'absolute') badOption('effect', `must be 'relative' or 'absolute' (got ${String(o.effect)})`);
    effect = o.effect;
  }
  const tuningSampleSize = numberOption(o.tuningSampleSize, 'tuningSampleSize', MEAN_MONITOR_DEFAULTS.tuningSampleSize, (x) => x > 0, 'a finite number > 0');
  const minSamples = numberOption(o.minSamples, 'minSamples', MEAN_MONITOR_DEFAULTS.minSamples, (x) => Number.isInteger(x) && x >= 2, 'an integer ≥ 2');
  return { ...base, effect, tuningSampleSize, minSamples };
}

function emptySide(): MeanSideState {
  return { n: 0, mean: 0, m2: 0, skipped: 0 };
}

/** Chan, Golub & LeVeque's pairwise update: merges (n, mean, m2) of a batch into the running moments. */
function merge(side: MeanSideState, n: number, mean: number, m2: number): void {
  if (n === 0) return;
  if (side.n === 0) {
    side.n = n;
    side.mean = mean;
    side.m2 = m2;
    return;
  }
  const total = side.n + n;
  const delta = mean - side.mean;
  side.mean += (delta * n) / total;
  side.m2 += m2 + ((delta * delta * side.n) / total) * n;
  side.n = total;
}

function addSide(side: MeanSideState, value: unknown, path: string): void {
  if (value === undefined) return;
  if (value === null || typeof value !== 'object') badArgument(path, 'must be an array of values or { count, mean, variance? }');
  if (typeof (value as { length?: unknown }).length === 'number') {
    const values = value as ArrayLike<number>;
    // Welford over the batch, then one merge
    let n = 0;
    let mean = 0;
    let m2 = 0;
    for (let i = 0; i < values.length; i++) {
      const x = values[i];
      if (typeof x !== 'number') badArgument(`${path}[${i}]`, `must be a number (got ${String(x)})`);
      if (!Number.isFinite(x)) {
        side.skipped += 1;
        continue;
      }
      n += 1;
      const d = x - mean;
      mean += d / n;
      m2 += d * (x - mean);
    }
    merge(side, n, mean, m2);
    return;
  }
  const s = value as Record<string, unknown>;
  const count = s.count;
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 0) badArgument(`${path}.count`, `must be a non-negative integer (got ${String(count)})`);
  if (count === 0) return;
  const mean = s.mean;
  if (typeof mean !== 'number' || !Number.isFinite(mean)) badArgument(`${path}.mean`, `must be a finite number (got ${String(mean)})`);
  let variance = 0;
  if (s.variance !== undefined) {
    if (typeof s.variance !== 'number' || !Number.isFinite(s.variance) || s.variance < 0) badArgument(`${path}.variance`, `must be a finite number ≥ 0 (got ${String(s.variance)})`);
    variance = s.variance;
  } else if (count > 1) {
    badArgument(`${path}.variance`, 'is required when count > 1');
  }
  merge(side, count, mean, count > 1 ? variance * (count - 1) : 0);
}

/** Sample variance (n − 1). */
function sampleVariance(side: MeanSideState): number {
  return side.n > 1 ? side.m2 / (side.n - 1) : 0;
}

/**
 * A streaming, anytime-valid monitor of the difference of two means (latency, CPU, payload size…): after
 * every update, an always-valid p-value, a confidence sequence for the relative (or absolute) difference,
 * and a decision that stays valid however often it is read.
 *
 * The method is the normal-mixture mSPRT (Robbins 1970; Johari, Pekelis & Walsh 2017) in the form of the
 * asymptotic confidence sequences of Waudby-Smith, Arbour, Sinha, Kennedy & Ramdas (2023), "Time-uniform
 * central limit theory and asymptotic confidence sequences" — the formulation GrowthBook and Eppo use for
 * their sequential tests. With N = n_baseline + n_canary observations, the effect estimate θ̂ and its
 * estimated variance σ̂²_θ (Welch's for the absolute difference; the delta method for the relative one,
 * σ̂²_c/(n_c·x̄_b²) + x̄_c²·σ̂²_b/(n_b·x̄_b⁴), as GrowthBook), let V = N·σ̂²_θ and s = N·θ̂/√V. Then
 * - two-sided (`either`): the interval θ̂ ± √V/N · √((N + ρ)(log(1 + N/ρ) + 2·log(1/α))) with
 *   ρ = N* / (2·log(1/α) + log(1 + 2·log(1/α))) — GrowthBook's `sequentialIntervalHalfwidth`, tuned by N*
 *   (`tuningSampleSize`, default 5000); e-value M = √(ρ/(N+ρ))·exp(s²/(2(N+ρ)));
 * - one-sided (`increase`, `decrease`): the one-sided normal mixture of Howard, Ramdas, McAuliffe & Sekhon
 *   (2021) (confseq's `normal_log_mixture` with `is_one_sided`, ρ tuned at 2α): each end of the interval is
 *   the exact root u(N) of that mixture at level α, θ̂ ∓ u(N)·√V/N, and the e-value is the one-sided
 *   mixture at s.
 * The p-value is the running minimum of 1/M at θ = 0, the interval the running intersection from the
 * moment both sides have `minSamples` values, and the decision follows the shared rule (fail beyond the
 * allowed change, pass within it). Validity is asymptotic (the variance is estimated), which is why the
 * first `minSamples` values per side only accumulate; the A/A simulation in `bench/sequential-simulation.ts`
 * checks the false-positive rate on skewed (lognormal) latencies.
 *
 * State: (n, mean, sum of squared deviations) per side plus three running numbers — O(1). Work per update:
 * O(batch) for raw values, O(1) for batch summaries.
 *
 * @throws CanaryJudgeError `INVALID_OPTION` for bad options; `update` throws `INVALID_ARGUMENT` for
 * non-numbers or malformed summaries (NaN and ±Infinity values are skipped and counted, not thrown).
 *
 * @example
 * ```ts
 * import { MeanMonitor } from 'canary-judge';
 * const m = new MeanMonitor({ allowedIncrease: 0.05, tuningSampleSize: 2000 });
 * const base = Array.from({ length: 500 }, (_, i) => 100 + ((i * 37) % 21) - 10);
 * const slow = base.map((x) => x * 1.2);
 * const r = m.update({ baseline: base, canary: slow });
 * // r.decision === 'fail' (+20 % mean latency, allowed +5 %); r.confidenceSequence = { estimate: 0.19999…,
 * //   lower: 0.18702278768105254, upper: 0.21297721231894692, scale: 'relativeChange' }
 * ```
 */
export class MeanMonitor {
  readonly #o: ResolvedMeanOptions;
  readonly #oneSidedLogMixture: (s: number, v: number) => number;
  readonly #twoSidedRho: number;
  #looks = 0;
  #baseline: MeanSideState = emptySide();
  #canary: MeanSideState = emptySide();
  #pValue = 1;
  #lower: number | null = null;
  #upper: number | null = null;
  #estimate: number | null = null;
  #note: string | undefined = 'no data yet';
  #result: MeanMonitorResult;

  constructor(options?: MeanMonitorOptions) {
    this.#o = resolveMeanOptions(options);
    this.#oneSidedLogMixture = makeNormalLogMixture(this.#o.tuningSampleSize, this.#o.alpha, true);
    this.#twoSidedRho = twoSidedBestRho(this.#o.tuningSampleSize, this.#o.alpha);
    this.#result = this.#compose();
  }

  /** Adds new data (raw values or batch summaries, either side optional) and returns the new result. */
  update(data: MeanUpdate): MeanMonitorResult {
    const sides = readUpdate(data);
    // validate both sides before changing anything
    const b = { ...this.#baseline };
    const c = { ...this.#canary };
    addSide(b, sides.baseline, 'baseline');
    addSide(c, sides.canary, 'canary');
    this.#baseline = b;
    this.#canary = c;
    this.#looks += 1;
    this.#look();
    this.#result = this.#compose();
    return this.#result;
  }

  /** The current result (plain JSON). */
  result(): MeanMonitorResult {
    return this.#result;
  }

  /** One look: the estimate, this look's interval and e-value; updates the running intersection and p. */
  #look(): void {
    const o = this.#o;
    const b = this.#baseline;
    const c = this.#canary;
    this.#estimate = null;
    if (b.n < o.minSamples || c.n < o.minSamples) {
      this.#note = `waiting for ${o.minSamples} values on each side (baseline ${b.n}, canary ${c.n})`;
      return;
    }
    const vb = sampleVariance(b);
    const vc = sampleVariance(c);
    let theta: number;
    let varTheta: number;
    if (o.effect === 'relative') {
      if (!(b.mean > 0)) {
        this.#note = 'the baseline mean is not positive: no relative change (use effect: "absolute")';
        return;
      }
      theta = c.mean / b.mean - 1;
      const mb2 = b.mean * b.mean;
      varTheta = vc / (c.n * mb2) + (c.mean * c.mean * vb) / (b.n * mb2 * mb2);
    } else {
      theta = c.mean - b.mean;
      varTheta = vc / c.n + vb / b.n;
    }
    this.#estimate = theta;
    const N = b.n + c.n;
    const V = N * varTheta;
    if (!(V > 0) || !Number.isFinite(V)) {
      this.#note = 'the values do not vary: no interval can be computed';
      return;
    }
    this.#note = undefined;
    const sd = Math.sqrt(V);
    const s = (N * theta) / sd;
    const threshold = -Math.log(o.alpha);
    let lower: number;
    let upper: number;
    let logE: number;
    if (o.direction === 'either') {
      const rho = this.#twoSidedRho;
      const vr = N + rho;
      const half = (sd / N) * Math.sqrt(vr * (Math.log1p(N / rho) + 2 * threshold));
      lower = theta - half;
      upper = theta + half;
      logE = 0.5 * Math.log(rho / vr) + (s * s) / (2 * vr);
    } else {
      const mix = this.#oneSidedLogMixture;
      const u = mixtureBoundRoot((x) => mix(x, N), threshold, N);
      const half = (u * sd) / N;
      lower = theta - half;
      upper = theta + half;
      logE = mix(o.direction === 'increase' ? s : -s, N);
    }
    this.#pValue = runningPValue(this.#pValue, logE);
    this.#lower = maxLower(this.#lower, lower);
    this.#upper = minUpper(this.#upper, upper);
  }

  #compose(): MeanMonitorResult {
    const o = this.#o;
    const b = this.#baseline;
    const c = this.#canary;
    const cs = { estimate: this.#estimate, lower: this.#lower, upper: this.#upper };
    const ready = this.#lower !== null || this.#upper !== null;
    const decision = ready ? decide(cs.lower, cs.upper, o) : 'continue';
    const display = o.effect === 'relative' ? 'percent' : 'absolute';
    let reason: string;
    if (this.#looks === 0) reason = 'No data yet.';
    else if (!ready) reason = `Not judged yet: ${this.#note}.`;
    else reason = decisionReason(decision, cs, o, display, o.label);
    const note = this.#note ?? (cs.estimate === null && ready ? 'no estimate at this look' : undefined);
    const summary = (side: MeanSideState): { mean: number | null; sd: number | null; skipped: number } => ({
      mean: side.n > 0 ? plain(side.mean) : null,
      sd: side.n > 1 ? Math.sqrt(sampleVariance(side)) : null,
      skipped: side.skipped,
    });
    return {
      monitor: 'mean',
      decision,
      reason,
      pValue: plain(this.#pValue),
      confidenceSequence: resultConfidenceSequence(cs, o.effect === 'relative' ? 'relativeChange' : 'absoluteDifference', note),
      looks: this.#looks,
      n: { baseline: b.n, canary: c.n },
      ...resultSettings(o),
      effect: o.effect,
      tuningSampleSize: o.tuningSampleSize,
      summary: { baseline: summary(b), canary: summary(c) },
    };
  }

  /** The monitor as plain JSON, for {@link MeanMonitor.fromJSON}. */
  toJSON(): MeanMonitorJSON {
    const o = this.#o;
    return writeEnvelope(
      'MeanMonitor',
      { ...baseOptionsState(o), effect: o.effect, tuningSampleSize: o.tuningSampleSize, minSamples: o.minSamples },
      {
        looks: this.#looks,
        baseline: { ...this.#baseline },
        canary: { ...this.#canary },
        pValue: this.#pValue,
        lower: this.#lower,
        upper: this.#upper,
      },
    );
  }

  /**
   * Restores a monitor from {@link MeanMonitor.toJSON} output (object or JSON text); continuing it gives
   * exactly the results of an uninterrupted monitor.
   *
   * @throws CanaryJudgeError `INVALID_STATE` with the path of the bad field; `UNSUPPORTED_STATE_VERSION`.
   *
   * @example
   * ```ts
   * const m = new MeanMonitor({ minSamples: 2 });
   * m.update({ baseline: [1, 2, 3], canary: [2, 3, 4] });
   * MeanMonitor.fromJSON(JSON.stringify(m)).result().pValue === m.result().pValue; // true
   * ```
   */
  static fromJSON(json: unknown): MeanMonitor {
    const { monitor, state, looks } = restoreMonitor(json, 'MeanMonitor', (options) => new MeanMonitor(options as unknown as MeanMonitorOptions));
    const side = (value: unknown, path: string): MeanSideState => {
      const stored = stateObject(value, path, 'must be { n, mean, m2, skipped }');
      return {
        n: stateCount(stored.n, `${path}.n`),
        mean: stateNumber(stored.mean, `${path}.mean`),
        m2: stateNumber(stored.m2, `${path}.m2`, { min: 0 }),
        skipped: stateCount(stored.skipped, `${path}.skipped`),
      };
    };
    monitor.#looks = looks;
    monitor.#baseline = side(state.baseline, 'state.baseline');
    monitor.#canary = side(state.canary, 'state.canary');
    monitor.#pValue = stateProbability(state.pValue, 'state.pValue');
    monitor.#lower = stateNullableNumber(state.lower, 'state.lower');
    monitor.#upper = stateNullableNumber(state.upper, 'state.upper');
    // the estimate and note of the last look are recomputed from the moments (the look itself is idempotent
    // for the running numbers: intersecting an interval twice changes nothing)
    if (monitor.#looks > 0) monitor.#look();
    monitor.#result = monitor.#compose();
    return monitor;
  }
}

/** Input of {@link meanMonitorFromSeries}: the options and the two series. */
export interface MeanMonitorSeriesInput extends MeanMonitorOptions, SeriesPair {}

/** Result of {@link meanMonitorFromSeries}: the final result, the trace and the state to resume from. */
export interface MeanMonitorSeriesResult extends MeanMonitorResult, MonitorReplayFields<MeanMonitorJSON> {}

/**
 * Replays whole series through a {@link MeanMonitor}, look by look, and returns the final result, the
 * trace of every look and the state to resume from. Looks: for plain arrays, one look per index (both
 * sides advance together; a shorter side simply stops contributing); for `{ timestamps, values }` series,
 * one look per distinct timestamp of either side (timestamps must not decrease). Pure.
 *
 * @throws CanaryJudgeError `INVALID_ARGUMENT` for malformed series, `INVALID_OPTION` for bad options.
 *
 * @example
 * ```ts
 * import { meanMonitorFromSeries } from 'canary-judge';
 * const baseline = Array.from({ length: 200 }, (_, i) => 50 + (i % 10));
 * const canary = baseline.map((x) => x + 0.1);
 * const r = meanMonitorFromSeries({ baseline, canary, allowedIncrease: 0.05 });
 * r.decision; // 'pass': the mean moved by +0.2 %, proven within +5 %
 * ```
 */
export function meanMonitorFromSeries(input: MeanMonitorSeriesInput): MeanMonitorSeriesResult {
  const { baseline, canary, options } = seriesInput(input, 'meanMonitorFromSeries');
  const looks = lookRanges(baseline, canary);
  return replaySeries(new MeanMonitor(options as MeanMonitorOptions), looks);
}
