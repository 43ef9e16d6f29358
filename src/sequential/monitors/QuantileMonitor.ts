import { empiricalProcessLilBound } from '../empiricalProcessLilBound.js';
import { quantileAbPValue } from '../quantileAbPValue.js';
import {
  BASE_OPTION_KEYS,
  badArgument,
  badOption,
  badState,
  decide,
  decisionReason,
  maxLower,
  minUpper,
  num,
  numberOption,
  optionsObject,
  plain,
  plainOrNull,
  readUpdate,
  resolveBaseOptions,
  resultConfidenceSequence,
  resultSettings,
  showEffect,
} from './common.js';
import type { MonitorBaseOptions, MonitorDecision, MonitorResultBase, ResolvedMonitorBaseOptions } from './common.js';
import { empiricalQuantile, makeQuantileRadius, orderStatistic, quantileIntervalFromRadii } from './quantileBounds.js';
import type { QuantileInterval } from './quantileBounds.js';
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

/** Options of {@link QuantileMonitor}. */
export interface QuantileMonitorOptions extends MonitorBaseOptions {
  /** The quantile levels to judge, each in (0, 1), distinct (default [0.5, 0.9, 0.99]: p50, p90, p99). */
  quantiles?: ArrayLike<number>;
  /**
   * `'fixed'` (default): a confidence sequence per listed quantile (beta-binomial mixture, tight even at
   * p99), with α split evenly over the 2 × K intervals (Bonferroni). `'uniform'`: one band per side valid for
   * every quantile at once (the finite-LIL bound on the empirical CDF), α/2 per side; wider at a given
   * quantile, but it also scans the whole distribution and fails on a regression at any quantile.
   */
  bound?: 'fixed' | 'uniform';
  /** Per-side sample size at which the fixed-quantile intervals and the p-values are tightest (default 1000, ≥ 1). */
  tuningSampleSize?: number;
  /**
   * Values needed on each side before the monitor looks (default 100, integer ≥ 1). For `bound: 'uniform'`
   * it is also the t_min of the LIL bound (valid from t_min on).
   */
  minSamples?: number;
  /**
   * Compute the always-valid p-values ({@link quantileAbPValue}, Howard & Ramdas 2022) at every look
   * (default true). They cost a sort of both samples per quantile and look; the intervals and decisions do
   * not need them. When false, `pValue` is null.
   */
  pValues?: boolean;
}

/** The interval of one listed quantile. */
export interface QuantileMonitorQuantile {
  /** The quantile level, e.g. 0.99. */
  p: number;
  baseline: { estimate: number | null; lower: number | null; upper: number | null };
  canary: { estimate: number | null; lower: number | null; upper: number | null };
  /** Relative change of the quantile, canary/baseline − 1, with its running interval (null ends unbounded). */
  relativeChange: { estimate: number | null; lower: number | null; upper: number | null };
  /** Running minimum of {@link quantileAbPValue} (two-sided) for this quantile; null when p-values are off. */
  pValue: number | null;
  decision: MonitorDecision;
}

/** Result of a {@link QuantileMonitor}. `confidenceSequence` is that of the deciding quantile (`quantile`). */
export interface QuantileMonitorResult extends MonitorResultBase {
  monitor: 'quantile';
  bound: 'fixed' | 'uniform';
  /** The quantile whose interval is shown in `confidenceSequence`: the failing one, else the first not yet passed, else the first. */
  quantile: number;
  quantiles: QuantileMonitorQuantile[];
  /**
   * `bound: 'uniform'` only: the whole-distribution scan. `lower` is a running lower bound on the largest
   * relative change over all quantiles (with the level `at` where it was found), `upper` a running upper
   * bound on the smallest; null when not computed or not bounded yet.
   */
  distribution: { lower: number | null; lowerAt: number | null; upper: number | null; upperAt: number | null } | null;
  tuningSampleSize: number;
  skipped: { baseline: number; canary: number };
}

/** Running numbers of one listed quantile (persisted). */
export interface QuantileRunning {
  baselineLower: number | null;
  baselineUpper: number | null;
  canaryLower: number | null;
  canaryUpper: number | null;
  pValue: number;
}

/** The persisted form of a {@link QuantileMonitor}: the sorted values of both sides and the running numbers. */
export interface QuantileMonitorJSON {
  kind: 'QuantileMonitor';
  version: 1;
  options: {
    alpha: number;
    direction: 'increase' | 'decrease' | 'either';
    allowedIncrease: number;
    allowedDecrease: number;
    label: string;
    quantiles: number[];
    bound: 'fixed' | 'uniform';
    tuningSampleSize: number;
    minSamples: number;
    pValues: boolean;
  };
  state: {
    looks: number;
    baseline: number[];
    canary: number[];
    skipped: { baseline: number; canary: number };
    quantiles: QuantileRunning[];
    distribution: { lower: number | null; lowerAt: number | null; upper: number | null; upperAt: number | null };
  };
}

/** Defaults of the {@link QuantileMonitor} options. */
export const QUANTILE_MONITOR_DEFAULTS = {
  quantiles: [0.5, 0.9, 0.99] as ReadonlyArray<number>,
  bound: 'fixed' as 'fixed' | 'uniform',
  tuningSampleSize: 1000,
  minSamples: 100,
  pValues: true,
} as const;

/** Leading constant A of the LIL bound (confseq's default). */
const LIL_A = 0.85;

const KEYS = [...BASE_OPTION_KEYS, 'quantiles', 'bound', 'tuningSampleSize', 'minSamples', 'pValues'];

interface ResolvedQuantileOptions extends ResolvedMonitorBaseOptions {
  quantiles: number[];
  bound: 'fixed' | 'uniform';
  tuningSampleSize: number;
  minSamples: number;
  pValues: boolean;
}

function resolveQuantileOptions(options: unknown): ResolvedQuantileOptions {
  const o = optionsObject(options, KEYS, 'QuantileMonitor');
  const base = resolveBaseOptions(o, 'the quantile');
  let quantiles = [...QUANTILE_MONITOR_DEFAULTS.quantiles];
  if (o.quantiles !== undefined) {
    const q = o.quantiles;
    if (q === null || typeof q !== 'object' || typeof (q as { length?: unknown }).length !== 'number') badOption('quantiles', 'must be an array of levels in (0, 1)');
    const like = q as ArrayLike<unknown>;
    if (like.length === 0) badOption('quantiles', 'needs at least one level');
    quantiles = [];
    for (let i = 0; i < like.length; i++) {
      const p = like[i];
      if (typeof p !== 'number' || !(p > 0 && p < 1)) badOption(`quantiles[${i}]`, `must be a number in (0, 1) (got ${String(p)})`);
      if (quantiles.includes(p)) badOption(`quantiles[${i}]`, `is listed twice (${p})`);
      quantiles.push(p);
    }
  }
  let bound = QUANTILE_MONITOR_DEFAULTS.bound;
  if (o.bound !== undefined) {
    if (o.bound !== 'fixed' && o.bound !== 'uniform') badOption('bound', `must be 'fixed' or 'uniform' (got ${String(o.bound)})`);
    bound = o.bound;
  }
  const tuningSampleSize = numberOption(o.tuningSampleSize, 'tuningSampleSize', QUANTILE_MONITOR_DEFAULTS.tuningSampleSize, (x) => x >= 1, 'a finite number ≥ 1');
  const minSamples = numberOption(o.minSamples, 'minSamples', QUANTILE_MONITOR_DEFAULTS.minSamples, (x) => Number.isInteger(x) && x >= 1, 'an integer ≥ 1');
  let pValues: boolean = QUANTILE_MONITOR_DEFAULTS.pValues;
  if (o.pValues !== undefined) {
    if (typeof o.pValues !== 'boolean') badOption('pValues', `must be true or false (got ${String(o.pValues)})`);
    pValues = o.pValues;
  }
  return { ...base, quantiles, bound, tuningSampleSize, minSamples, pValues };
}

/** A growable sorted buffer of finite values. */
class SortedValues {
  values = new Float64Array(16);
  length = 0;
  skipped = 0;

  /** Copies, checks and merges a batch (NaN / ±Infinity are skipped and counted). */
  add(batch: unknown, path: string): void {
    if (batch === undefined) return;
    if (batch === null || typeof batch !== 'object' || typeof (batch as { length?: unknown }).length !== 'number') {
      badArgument(path, 'must be an array or typed array of numbers');
    }
    const like = batch as ArrayLike<unknown>;
    const incoming = new Float64Array(like.length);
    let m = 0;
    for (let i = 0; i < like.length; i++) {
      const x = like[i];
      if (typeof x !== 'number') badArgument(`${path}[${i}]`, `must be a number (got ${String(x)})`);
      if (!Number.isFinite(x)) {
        this.skipped += 1;
        continue;
      }
      incoming[m++] = x;
    }
    if (m === 0) return;
    const add = incoming.subarray(0, m).sort();
    this.merge(add);
  }

  /** Merges sorted values in place, from the back. */
  merge(add: Float64Array): void {
    const need = this.length + add.length;
    if (need > this.values.length) {
      let cap = this.values.length;
      while (cap < need) cap *= 2;
      const grown = new Float64Array(cap);
      grown.set(this.values.subarray(0, this.length));
      this.values = grown;
    }
    const v = this.values;
    let i = this.length - 1;
    let j = add.length - 1;
    for (let k = need - 1; j >= 0; k--) {
      if (i >= 0 && v[i] > add[j]) v[k] = v[i--];
      else v[k] = add[j--];
    }
    this.length = need;
  }

  view(): Float64Array {
    return this.values.subarray(0, this.length);
  }
}

function relLower(canaryLower: number | null, baselineLower: number | null, baselineUpper: number | null): number | null {
  if (canaryLower === null || canaryLower < 0 || baselineUpper === null || !(baselineUpper > 0) || baselineLower === null || !(baselineLower > 0)) return null;
  return canaryLower / baselineUpper - 1;
}

function relUpper(canaryUpper: number | null, baselineLower: number | null): number | null {
  if (canaryUpper === null || canaryUpper < 0 || baselineLower === null || !(baselineLower > 0)) return null;
  return canaryUpper / baselineLower - 1;
}

/**
 * A streaming, anytime-valid monitor of quantiles (p50, p90, p99 latency…) and, optionally, of the whole
 * distribution: after every update, an always-valid p-value, confidence sequences for each listed quantile
 * of both sides and for their relative change, and a decision that stays valid however often it is read.
 *
 * It follows Howard & Ramdas (2022), "Sequential estimation of quantiles with applications to A/B-testing
 * and best-arm identification" (Bernoulli 28(3); confseq), the method behind the Netflix tech blog
 * "Sequential A/B testing keeps the world streaming Netflix, part 1: continuous data":
 * - each side gets a confidence sequence for each quantile: `bound: 'fixed'` (default) uses the
 *   beta-binomial mixture for that quantile (α/(2K) per side and quantile, K listed quantiles), `'uniform'`
 *   the finite-LIL band on the whole empirical CDF ({@link empiricalProcessLilBound}, A = 0.85, t_min =
 *   `minSamples`, α/2 per side), which holds for every quantile at once;
 * - the relative change of a quantile, Q_c(p)/Q_b(p) − 1, is bounded by [L_c/U_b − 1, U_c/L_b − 1] from the
 *   running (intersected) intervals of both sides — defined for positive quantities (latencies, sizes);
 *   an end is null while a needed bound is missing or not positive;
 * - with `'uniform'`, the whole distribution is scanned: if at any level p the canary's lower band divided
 *   by the baseline's upper band exceeds 1 + allowedIncrease, the canary is proven slower *somewhere*
 *   (e.g. at p75, which nobody listed) and the monitor fails;
 * - `pValue`: the smallest per-quantile running p-value of {@link quantileAbPValue} (two-sided, "same
 *   p-quantile"), times K (Bonferroni), capped at 1.
 * Decision: `fail` when some listed quantile (or, uniform, some level) is proven beyond the allowed change
 * in the bad direction; `pass` when every listed quantile is proven within it; else `continue`. Each wrong
 * decision has probability ≤ α over all looks (union bound over the intervals used).
 *
 * State: all values seen, sorted (so O(n) memory and JSON; the count and mean monitors are O(1)). Work per
 * update: O(n) to merge, plus per quantile a few root findings (fixed) or one pass (uniform scan), plus the
 * p-values' O(n log n) sorts when enabled.
 *
 * @throws CanaryJudgeError `INVALID_OPTION` for bad options (quantiles outside (0, 1) or repeated, …);
 * `update` throws `INVALID_ARGUMENT` for non-numbers (NaN and ±Infinity are skipped and counted).
 *
 * @example
 * ```ts
 * import { QuantileMonitor } from 'canary-judge';
 * const m = new QuantileMonitor({ quantiles: [0.5, 0.9], allowedIncrease: 0.1 });
 * const baseline = Array.from({ length: 2000 }, (_, i) => 100 + (i % 100));
 * const canary = baseline.map((x) => 1.5 * x);
 * m.update({ baseline, canary }).decision; // 'fail': p50 and p90 are 1.5× the baseline's
 * ```
 */
export class QuantileMonitor {
  readonly #o: ResolvedQuantileOptions;
  readonly #radii: Array<{ upper: (t: number) => number | null; lower: (t: number) => number | null }>;
  #lilC: number | null = null;
  #looks = 0;
  #baseline = new SortedValues();
  #canary = new SortedValues();
  #running: QuantileRunning[];
  #distribution = { lower: null as number | null, lowerAt: null as number | null, upper: null as number | null, upperAt: null as number | null };
  #result: QuantileMonitorResult;

  constructor(options?: QuantileMonitorOptions) {
    this.#o = resolveQuantileOptions(options);
    const o = this.#o;
    const alphaEach = o.alpha / (2 * o.quantiles.length);
    this.#radii = o.bound === 'fixed' ? o.quantiles.map((p) => ({ upper: makeQuantileRadius(p, o.tuningSampleSize, alphaEach, 'upper'), lower: makeQuantileRadius(p, o.tuningSampleSize, alphaEach, 'lower') })) : [];
    this.#running = o.quantiles.map(() => ({ baselineLower: null, baselineUpper: null, canaryLower: null, canaryUpper: null, pValue: 1 }));
    this.#result = this.#compose();
  }

  /** Adds new raw values (either side optional) and returns the new result. */
  update(data: { baseline?: ArrayLike<number>; canary?: ArrayLike<number> }): QuantileMonitorResult {
    const sides = readUpdate(data);
    // validate both batches before changing anything
    const probe = new SortedValues();
    probe.add(sides.baseline, 'baseline');
    probe.add(sides.canary, 'canary');
    this.#baseline.add(sides.baseline, 'baseline');
    this.#canary.add(sides.canary, 'canary');
    this.#looks += 1;
    this.#look();
    this.#result = this.#compose();
    return this.#result;
  }

  /** The current result (plain JSON). */
  result(): QuantileMonitorResult {
    return this.#result;
  }

  /** The band half-width ε_t of the uniform bound (C(α/2, A) computed once). */
  #lilRadius(t: number): number | null {
    const o = this.#o;
    if (t < o.minSamples) return null;
    if (this.#lilC === null) {
      const atMin = empiricalProcessLilBound({ t: o.minSamples, alpha: o.alpha / 2, tMin: o.minSamples, A: LIL_A }) as number;
      this.#lilC = o.minSamples * (atMin / LIL_A) ** 2;
    }
    return LIL_A * Math.sqrt((Math.log(1 + Math.log(t / o.minSamples)) + this.#lilC) / t);
  }

  #interval(side: SortedValues, q: number, p: number): QuantileInterval {
    const t = side.length;
    const sorted = side.view();
    if (this.#o.bound === 'fixed') {
      const r = this.#radii[q];
      const up = r.upper(t);
      const lo = r.lower(t);
      return quantileIntervalFromRadii(sorted, t, p, lo === null ? null : lo / t, up === null ? null : up / t);
    }
    const eps = this.#lilRadius(t);
    return quantileIntervalFromRadii(sorted, t, p, eps, eps);
  }

  #look(): void {
    const o = this.#o;
    const b = this.#baseline;
    const c = this.#canary;
    if (b.length < o.minSamples || c.length < o.minSamples) return;
    for (let q = 0; q < o.quantiles.length; q++) {
      const p = o.quantiles[q];
      const run = this.#running[q];
      const ib = this.#interval(b, q, p);
      const ic = this.#interval(c, q, p);
      run.baselineLower = maxLower(run.baselineLower, ib.lower);
      run.baselineUpper = minUpper(run.baselineUpper, ib.upper);
      run.canaryLower = maxLower(run.canaryLower, ic.lower);
      run.canaryUpper = minUpper(run.canaryUpper, ic.upper);
      if (o.pValues) {
        const pv = quantileAbPValue({ aValues: b.view(), bValues: c.view(), quantileP: p, tOpt: o.tuningSampleSize, alphaOpt: o.alpha });
        run.pValue = Math.min(run.pValue, pv);
      }
    }
    if (o.bound === 'uniform') this.#scan();
  }

  /** The whole-distribution scan of the uniform band (see the class comment). */
  #scan(): void {
    const o = this.#o;
    const b = this.#baseline.view();
    const c = this.#canary.view();
    const tb = b.length;
    const tc = c.length;
    const eb = this.#lilRadius(tb);
    const ec = this.#lilRadius(tc);
    if (eb === null || ec === null) return;
    const d = this.#distribution;
    if (o.direction !== 'decrease') {
      // lower band of the canary is X_c(i) on [ec + (i−1)/tc, ec + i/tc); the ratio peaks at the left end
      let best: number | null = null;
      let bestAt: number | null = null;
      for (let i = 1; i <= tc; i++) {
        const p = ec + (i - 1) / tc;
        if (p > 1 - eb) break;
        if (p < eb) continue;
        const xc = c[i - 1];
        const ub = orderStatistic(b, tb, Math.ceil(tb * (p + eb)));
        const lb = orderStatistic(b, tb, Math.floor(tb * (p - eb) + 1));
        if (ub === null || lb === null || !(lb > 0) || xc < 0) continue;
        const r = xc / ub - 1;
        if (best === null || r > best) {
          best = r;
          bestAt = p;
        }
      }
      if (best !== null && (d.lower === null || best > d.lower)) {
        d.lower = best;
        d.lowerAt = bestAt;
      }
    }
    if (o.direction !== 'increase') {
      // upper band of the canary is X_c(m) on ((m−1)/tc − ec, m/tc − ec]; the ratio dips at the right end
      let best: number | null = null;
      let bestAt: number | null = null;
      for (let m = 1; m <= tc; m++) {
        const p = m / tc - ec;
        if (p < eb) continue;
        if (p > 1 - ec) break;
        const xc = c[m - 1];
        const lb = orderStatistic(b, tb, Math.floor(tb * (p - eb) + 1));
        if (lb === null || !(lb > 0) || xc < 0) continue;
        const r = xc / lb - 1;
        if (best === null || r < best) {
          best = r;
          bestAt = p;
        }
      }
      if (best !== null && (d.upper === null || best < d.upper)) {
        d.upper = best;
        d.upperAt = bestAt;
      }
    }
  }

  #compose(): QuantileMonitorResult {
    const o = this.#o;
    const b = this.#baseline;
    const c = this.#canary;
    const ready = b.length >= o.minSamples && c.length >= o.minSamples && this.#looks > 0;
    const quantiles: QuantileMonitorQuantile[] = o.quantiles.map((p, q) => {
      const run = this.#running[q];
      const eb = empiricalQuantile(b.view(), b.length, p);
      const ec = empiricalQuantile(c.view(), c.length, p);
      const estimate = eb !== null && ec !== null && eb > 0 ? ec / eb - 1 : null;
      const lower = relLower(run.canaryLower, run.baselineLower, run.baselineUpper);
      const upper = relUpper(run.canaryUpper, run.baselineLower);
      return {
        p,
        baseline: { estimate: plainOrNull(eb), lower: plainOrNull(run.baselineLower), upper: plainOrNull(run.baselineUpper) },
        canary: { estimate: plainOrNull(ec), lower: plainOrNull(run.canaryLower), upper: plainOrNull(run.canaryUpper) },
        relativeChange: { estimate: plainOrNull(estimate), lower: plainOrNull(lower), upper: plainOrNull(upper) },
        pValue: o.pValues ? plain(run.pValue) : null,
        decision: ready ? decide(lower, upper, o) : 'continue',
      };
    });
    const d = this.#distribution;
    const distFailHigh = o.bound === 'uniform' && o.direction !== 'decrease' && d.lower !== null && d.lower > o.allowedIncrease;
    const distFailLow = o.bound === 'uniform' && o.direction !== 'increase' && d.upper !== null && d.upper < -o.allowedDecrease;
    let decision: MonitorDecision = 'continue';
    let pick = quantiles.findIndex((x) => x.decision === 'fail');
    if (pick >= 0 || distFailHigh || distFailLow) decision = 'fail';
    else if (quantiles.every((x) => x.decision === 'pass')) decision = 'pass';
    if (pick < 0) pick = quantiles.findIndex((x) => x.decision !== 'pass');
    if (pick < 0) pick = 0;
    const chosen = quantiles[pick];
    const label = o.label === 'the quantile' ? `p${num(chosen.p * 100)}` : o.label;
    let reason: string;
    if (this.#looks === 0) reason = 'No data yet.';
    else if (!ready) reason = `Not judged yet: waiting for ${o.minSamples} values on each side (baseline ${b.length}, canary ${c.length}).`;
    else if (decision === 'fail' && quantiles[pick].decision !== 'fail') {
      const high = distFailHigh;
      const at = high ? d.lowerAt : d.upperAt;
      const value = high ? d.lower : d.upper;
      reason = `Somewhere in the distribution (around p${num((at as number) * 100)}) the canary is ${high ? 'at least' : 'at most'} ${showEffect(value as number, 'percent')} relative to the baseline (anytime-valid ${num((1 - o.alpha) * 100)}% band over all quantiles): ${high ? `above the allowed ${showEffect(o.allowedIncrease, 'percent')}` : `below the allowed ${showEffect(-o.allowedDecrease, 'percent')}`}, a regression proven at this error rate however often the data were checked.`;
    } else {
      reason = decisionReason(decision, chosen.relativeChange, o, 'percent', label);
      if (decision === 'pass' && quantiles.length > 1) reason = reason.replace(/\.$/, ` (and so are ${quantiles.length === 2 ? 'both' : `all ${quantiles.length}`} listed quantiles).`);
    }
    let pValue: number | null = null;
    if (o.pValues) {
      let min = 1;
      for (const r of this.#running) min = Math.min(min, r.pValue);
      pValue = plain(Math.min(1, min * o.quantiles.length));
    }
    const cs = chosen.relativeChange;
    let note: string | undefined;
    if (!ready) note = 'not enough values yet';
    else if (cs.lower === null || cs.upper === null) note = 'an end is unbounded: too few values for this quantile, or a bound is not positive';
    return {
      monitor: 'quantile',
      decision,
      reason,
      pValue,
      confidenceSequence: resultConfidenceSequence(cs, 'relativeChange', note),
      looks: this.#looks,
      n: { baseline: b.length, canary: c.length },
      ...resultSettings(o),
      bound: o.bound,
      quantile: chosen.p,
      quantiles,
      distribution: o.bound === 'uniform' ? { lower: plainOrNull(d.lower), lowerAt: d.lowerAt, upper: plainOrNull(d.upper), upperAt: d.upperAt } : null,
      tuningSampleSize: o.tuningSampleSize,
      skipped: { baseline: b.skipped, canary: c.skipped },
    };
  }

  /** The monitor as plain JSON (including every value seen), for {@link QuantileMonitor.fromJSON}. */
  toJSON(): QuantileMonitorJSON {
    const o = this.#o;
    return writeEnvelope(
      'QuantileMonitor',
      {
        ...baseOptionsState(o),
        quantiles: [...o.quantiles],
        bound: o.bound,
        tuningSampleSize: o.tuningSampleSize,
        minSamples: o.minSamples,
        pValues: o.pValues,
      },
      {
        looks: this.#looks,
        baseline: Array.from(this.#baseline.view()),
        canary: Array.from(this.#canary.view()),
        skipped: { baseline: this.#baseline.skipped, canary: this.#canary.skipped },
        quantiles: this.#running.map((r) => ({ ...r })),
        distribution: { ...this.#distribution },
      },
    );
  }

  /**
   * Restores a monitor from {@link QuantileMonitor.toJSON} output (object or JSON text); continuing it gives
   * exactly the results of an uninterrupted monitor.
   *
   * @throws CanaryJudgeError `INVALID_STATE` with the path of the bad field; `UNSUPPORTED_STATE_VERSION`.
   *
   * @example
   * ```ts
   * const m = new QuantileMonitor({ minSamples: 5, pValues: false });
   * m.update({ baseline: [1, 2, 3, 4, 5], canary: [2, 3, 4, 5, 6] });
   * QuantileMonitor.fromJSON(JSON.stringify(m)).result().n; // { baseline: 5, canary: 5 }
   * ```
   */
  static fromJSON(json: unknown): QuantileMonitor {
    const { monitor, state, looks } = restoreMonitor(json, 'QuantileMonitor', (options) => new QuantileMonitor(options as unknown as QuantileMonitorOptions));
    const values = (value: unknown, path: string): Float64Array => {
      if (!Array.isArray(value)) badState(path, 'must be an array of numbers');
      const out = new Float64Array(value.length);
      for (let i = 0; i < value.length; i++) {
        out[i] = stateNumber(value[i], `${path}[${i}]`);
        if (i > 0 && out[i] < out[i - 1]) badState(`${path}[${i}]`, 'values must be sorted');
      }
      return out;
    };
    monitor.#looks = looks;
    const b = values(state.baseline, 'state.baseline');
    const c = values(state.canary, 'state.canary');
    const skipped = stateObject(state.skipped, 'state.skipped', 'must be { baseline, canary }');
    monitor.#baseline.merge(b);
    monitor.#canary.merge(c);
    monitor.#baseline.skipped = stateCount(skipped.baseline, 'state.skipped.baseline');
    monitor.#canary.skipped = stateCount(skipped.canary, 'state.skipped.canary');
    const k = monitor.#o.quantiles.length;
    if (!Array.isArray(state.quantiles) || state.quantiles.length !== k) badState('state.quantiles', `must hold one entry per quantile (${k})`);
    monitor.#running = state.quantiles.map((r: unknown, i: number) => {
      const path = `state.quantiles[${i}]`;
      const stored = stateObject(r, path);
      return {
        baselineLower: stateNullableNumber(stored.baselineLower, `${path}.baselineLower`),
        baselineUpper: stateNullableNumber(stored.baselineUpper, `${path}.baselineUpper`),
        canaryLower: stateNullableNumber(stored.canaryLower, `${path}.canaryLower`),
        canaryUpper: stateNullableNumber(stored.canaryUpper, `${path}.canaryUpper`),
        pValue: stateProbability(stored.pValue, `${path}.pValue`),
      };
    });
    const d = stateObject(state.distribution, 'state.distribution');
    monitor.#distribution = {
      lower: stateNullableNumber(d.lower, 'state.distribution.lower'),
      lowerAt: stateNullableNumber(d.lowerAt, 'state.distribution.lowerAt'),
      upper: stateNullableNumber(d.upper, 'state.distribution.upper'),
      upperAt: stateNullableNumber(d.upperAt, 'state.distribution.upperAt'),
    };
    monitor.#result = monitor.#compose();
    return monitor;
  }
}

/** Input of {@link quantileMonitorFromSeries}: the options and the two series. */
export interface QuantileMonitorSeriesInput extends QuantileMonitorOptions, SeriesPair {}

/** Result of {@link quantileMonitorFromSeries}: the final result, the trace and the state to resume from. */
export interface QuantileMonitorSeriesResult extends QuantileMonitorResult, MonitorReplayFields<QuantileMonitorJSON> {}

/**
 * Replays whole series through a {@link QuantileMonitor}, look by look (plain arrays: one look per index;
 * `{ timestamps, values }`: one look per distinct timestamp), and returns the final result, the trace of
 * every look (for the deciding quantile of that look) and the state to resume from. Pure.
 *
 * @throws CanaryJudgeError `INVALID_ARGUMENT` for malformed series, `INVALID_OPTION` for bad options.
 *
 * @example
 * ```ts
 * import { quantileMonitorFromSeries } from 'canary-judge';
 * const baseline = { timestamps: [1, 1, 2, 2], values: [10, 12, 11, 13] };
 * const canary = { timestamps: [1, 2], values: [11, 12] };
 * quantileMonitorFromSeries({ baseline, canary, minSamples: 1, pValues: false }).trace.length; // 2
 * ```
 */
export function quantileMonitorFromSeries(input: QuantileMonitorSeriesInput): QuantileMonitorSeriesResult {
  const { baseline, canary, options } = seriesInput(input, 'quantileMonitorFromSeries');
  const looks = lookRanges(baseline, canary);
  return replaySeries(new QuantileMonitor(options as QuantileMonitorOptions), looks);
}
