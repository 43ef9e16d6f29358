import {
  BASE_OPTION_KEYS,
  badArgument,
  badOption,
  badState,
  decide,
  decisionReason,
  isRecord,
  maxLower,
  minUpper,
  numberOption,
  optionsObject,
  plain,
  plainOrNull,
  readUpdate,
  resolveBaseOptions,
  resultConfidenceSequence,
  resultSettings,
  runningPValue,
} from './common.js';
import type { MonitorBaseOptions, MonitorResultBase, ResolvedMonitorBaseOptions } from './common.js';
import { rateRatioInterval, rateRatioLogEValue } from './rateRatioTest.js';
import { replaySeries, seriesInput } from './replay.js';
import type { MonitorReplayFields } from './replay.js';
import { baseOptionsState, restoreMonitor, stateNullableNumber, stateNumber, stateProbability, writeEnvelope } from './stateFile.js';

/** Options of {@link CountMonitor}. */
export interface CountMonitorOptions extends MonitorBaseOptions {
  /**
   * The canary's share of the traffic, in (0, 1): 0.01 at a 1 % stage when the rest of the fleet is the
   * baseline, 0.5 when canary and baseline get equal traffic. Required. It must stay fixed for the life of
   * the monitor: start a new monitor at every stage.
   */
  canaryShare: number;
  /**
   * Prior concentration k > 0 of the beta mixture (default 100, savvi's default). The mixture spreads the
   * canary's share of events around its null value with k + 1 "pseudo-events"; a larger k concentrates it
   * near the null (more power for small changes, slower for large ones), a smaller k the reverse.
   */
  concentration?: number;
}

/** New events of one side: a count, or `{ events, total }` with the traffic (e.g. requests) they came from. */
export type CountSideUpdate = number | { events: number; total?: number };

/** One update of a {@link CountMonitor}: the events (and optionally the traffic) since the previous update. */
export interface CountUpdate {
  baseline?: CountSideUpdate;
  canary?: CountSideUpdate;
}

/** Result of a {@link CountMonitor}. `confidenceSequence` is the relative change of the rate (ratio − 1). */
export interface CountMonitorResult extends MonitorResultBase {
  monitor: 'count';
  /** The same confidence sequence as a rate ratio (canary rate / baseline rate per unit of traffic). */
  rateRatio: { estimate: number | null; lower: number; upper: number | null };
  canaryShare: number;
  concentration: number;
  /** Sum of the `total`s given with the updates (null if none were given); informational only. */
  totals: { baseline: number | null; canary: number | null };
  /** events / total per side when totals were given; informational only. */
  rates: { baseline: number | null; canary: number | null };
}

/** The persisted form of a {@link CountMonitor} (plain JSON; see {@link CountMonitor.fromJSON}). */
export interface CountMonitorJSON {
  kind: 'CountMonitor';
  version: 1;
  options: Required<Omit<CountMonitorOptions, 'label'>> & { label: string };
  state: {
    looks: number;
    baselineEvents: number;
    canaryEvents: number;
    baselineTotal: number | null;
    canaryTotal: number | null;
    /** Running minimum of 1/E at θ = 1. */
    pValue: number;
    /** Running maximum of the lower end of the rate ratio (≥ 0). */
    lowerRatio: number;
    /** Running minimum of the upper end (null: unbounded). */
    upperRatio: number | null;
  };
}

/** Default of {@link CountMonitorOptions.concentration}. */
export const COUNT_MONITOR_DEFAULT_CONCENTRATION = 100;

const KEYS = [...BASE_OPTION_KEYS, 'canaryShare', 'concentration'];

interface ResolvedCountOptions extends ResolvedMonitorBaseOptions {
  canaryShare: number;
  concentration: number;
}

function resolveCountOptions(options: unknown): ResolvedCountOptions {
  const o = optionsObject(options, KEYS, 'CountMonitor');
  const base = resolveBaseOptions(o, 'the event rate');
  if (o.canaryShare === undefined) badOption('canaryShare', 'is required: the canary\'s share of the traffic, e.g. 0.01 at a 1% stage');
  const canaryShare = numberOption(o.canaryShare, 'canaryShare', 0, (x) => x > 0 && x < 1, 'a number in (0, 1)');
  const concentration = numberOption(o.concentration, 'concentration', COUNT_MONITOR_DEFAULT_CONCENTRATION, (x) => x > 0, 'a finite number > 0');
  return { ...base, canaryShare, concentration };
}

function readSide(value: unknown, path: string): { events: number; total: number | null } {
  if (value === undefined) return { events: 0, total: null };
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < 0) badArgument(path, `must be a non-negative finite count (got ${value})`);
    return { events: value, total: null };
  }
  if (!isRecord(value)) badArgument(path, 'must be a count or { events, total? }');
  const events = value.events;
  if (typeof events !== 'number' || !Number.isFinite(events) || events < 0) badArgument(`${path}.events`, `must be a non-negative finite count (got ${String(events)})`);
  let total: number | null = null;
  if (value.total !== undefined) {
    const t = value.total;
    if (typeof t !== 'number' || !Number.isFinite(t) || t < 0) badArgument(`${path}.total`, `must be a non-negative finite number (got ${String(t)})`);
    total = t;
  }
  return { events, total };
}

/**
 * A streaming, anytime-valid monitor of event counts (errors, failed requests): is the canary's event rate
 * higher (or lower) than the baseline's, per unit of traffic? After every update it answers with an
 * always-valid p-value, a confidence sequence for the rate ratio, and a decision (`fail` / `pass` /
 * `continue`) that stays valid however often it is read.
 *
 * The test is the counting-process test of Lindon & Malek (2022), "Anytime-valid inference for multinomial
 * count data" (NeurIPS), described for canaries in the Netflix tech blog "Sequential A/B testing keeps the
 * world streaming Netflix, part 2: counting processes": with the canary receiving a fixed share ρ of the
 * traffic, each event lands in the canary with probability θρ/(θρ + 1 − ρ), θ = rate ratio, whatever the
 * overall traffic does over time (daily cycles cancel). A beta mixture over that probability (savvi's
 * Dirichlet-multinomial test with rho = [1 − ρ, ρ], prior concentration k) gives the e-value; for the
 * one-sided directions the mixture is restricted to the bad side (see `rateRatioTest.ts`), and the
 * confidence sequence inverts the test over the null ratio by bracketed root finding (tolerance 1e-10
 * relative on the ratio).
 *
 * - `pValue`: running minimum of 1/E at θ = 1 (one-sided for `increase` / `decrease`, two-sided for `either`).
 * - `confidenceSequence` (relative change θ − 1) and `rateRatio` (θ): the intersection of all per-look
 *   sets. For `increase` / `decrease` each end is a one-sided bound at level α (the lower end from the
 *   "greater" test, the upper end from the "less" test; like the two one-sided tests of an equivalence
 *   test), for `either` the interval is two-sided at level α.
 * - `decision`: `fail` when the interval lies beyond the allowed change in the bad direction, `pass` when
 *   it lies within it (early promotion), else `continue`. P(false fail) ≤ α and P(false pass) ≤ α, over all
 *   looks.
 *
 * State and work per update are O(1) (two running counts and three running numbers; each look solves two
 * one-dimensional roots). `toJSON()` / {@link CountMonitor.fromJSON} persist it between scrapes; resuming
 * and continuing gives exactly the same results as an uninterrupted run.
 *
 * @throws CanaryJudgeError `INVALID_OPTION` (path = the option) for a missing or bad `canaryShare`, alpha
 * outside (0, 0.5), a bad direction, negative allowed changes or a non-positive concentration; `update`
 * throws `INVALID_ARGUMENT` for negative or non-finite counts.
 *
 * @example
 * ```ts
 * import { CountMonitor } from 'canary-judge';
 * const monitor = new CountMonitor({ canaryShare: 0.01, allowedIncrease: 0.2 }); // 1 % stage, +20 % allowed
 * monitor.update({ baseline: { events: 990, total: 99000 }, canary: { events: 30, total: 1000 } });
 * const r = monitor.result();
 * // r.decision === 'fail': 30 errors where 10 were expected; r.rateRatio = { estimate: 3, lower: 1.7097…, upper: 4.8251… }
 * // (mpmath: lower 1.7097961477164692, upper 4.825177988471004)
 * const saved = JSON.stringify(monitor);               // persist between scrapes…
 * const resumed = CountMonitor.fromJSON(saved);        // …and resume exactly
 * ```
 */
export class CountMonitor {
  readonly #o: ResolvedCountOptions;
  readonly #logitShare: number;
  #looks = 0;
  #baseline = 0;
  #canary = 0;
  #baselineTotal: number | null = null;
  #canaryTotal: number | null = null;
  #pValue = 1;
  #lower = 0;
  #upper: number | null = null;
  #result: CountMonitorResult;

  constructor(options: CountMonitorOptions) {
    this.#o = resolveCountOptions(options);
    this.#logitShare = Math.log(this.#o.canaryShare) - Math.log1p(-this.#o.canaryShare);
    this.#result = this.#compose();
  }

  /** Adds the events since the previous update and returns the new {@link CountMonitorResult}. */
  update(data: CountUpdate): CountMonitorResult {
    const sides = readUpdate(data);
    const b = readSide(sides.baseline, 'baseline');
    const c = readSide(sides.canary, 'canary');
    this.#looks += 1;
    this.#baseline += b.events;
    this.#canary += c.events;
    if (b.total !== null) this.#baselineTotal = (this.#baselineTotal ?? 0) + b.total;
    if (c.total !== null) this.#canaryTotal = (this.#canaryTotal ?? 0) + c.total;
    const o = this.#o;
    const side = o.direction === 'increase' ? 'greater' : o.direction === 'decrease' ? 'less' : 'two';
    const logE = rateRatioLogEValue(this.#baseline, this.#canary, this.#logitShare, o.concentration, 0, side);
    this.#pValue = runningPValue(this.#pValue, logE);
    const look = rateRatioInterval(this.#baseline, this.#canary, this.#logitShare, o.concentration, o.alpha, o.direction !== 'either');
    this.#lower = maxLower(this.#lower, look.lower) as number;
    this.#upper = minUpper(this.#upper, look.upper);
    this.#result = this.#compose();
    return this.#result;
  }

  /** The current result (plain JSON). Before any update: `continue`, p = 1, an unbounded interval. */
  result(): CountMonitorResult {
    return this.#result;
  }

  #compose(): CountMonitorResult {
    const o = this.#o;
    const B = this.#baseline;
    const C = this.#canary;
    const share = o.canaryShare;
    const estimate = B > 0 ? (C / share) / (B / (1 - share)) : null;
    const lower = this.#lower;
    const upper = this.#upper;
    const rel = { estimate: estimate === null ? null : estimate - 1, lower: lower - 1, upper: upper === null ? null : upper - 1 };
    const decision = B + C === 0 ? 'continue' : decide(rel.lower, rel.upper, o);
    let reason: string;
    let note: string | undefined;
    if (this.#looks === 0) {
      reason = 'No data yet.';
      note = 'no data yet';
    } else if (B + C === 0) {
      reason = `No events yet on either side: nothing to compare (${this.#looks} look${this.#looks === 1 ? '' : 's'}).`;
      note = 'no events yet';
    } else {
      if (estimate === null) note = 'no baseline events yet: the ratio has no estimate and no upper bound';
      else if (upper === null) note = 'no upper bound yet';
      reason = decisionReason(decision, rel, o, 'ratio', o.label);
    }
    const rates = {
      baseline: this.#baselineTotal !== null && this.#baselineTotal > 0 ? B / this.#baselineTotal : null,
      canary: this.#canaryTotal !== null && this.#canaryTotal > 0 ? C / this.#canaryTotal : null,
    };
    return {
      monitor: 'count',
      decision,
      reason,
      pValue: plain(this.#pValue),
      confidenceSequence: resultConfidenceSequence(rel, 'relativeChange', note),
      rateRatio: { estimate: plainOrNull(estimate), lower: plain(lower), upper: plainOrNull(upper) },
      looks: this.#looks,
      n: { baseline: B, canary: C },
      ...resultSettings(o),
      canaryShare: share,
      concentration: o.concentration,
      totals: { baseline: this.#baselineTotal, canary: this.#canaryTotal },
      rates,
    };
  }

  /** The monitor as plain JSON, for {@link CountMonitor.fromJSON}. */
  toJSON(): CountMonitorJSON {
    const o = this.#o;
    return writeEnvelope(
      'CountMonitor',
      { ...baseOptionsState(o), canaryShare: o.canaryShare, concentration: o.concentration },
      {
        looks: this.#looks,
        baselineEvents: this.#baseline,
        canaryEvents: this.#canary,
        baselineTotal: this.#baselineTotal,
        canaryTotal: this.#canaryTotal,
        pValue: this.#pValue,
        lowerRatio: this.#lower,
        upperRatio: this.#upper,
      },
    );
  }

  /**
   * Restores a monitor from {@link CountMonitor.toJSON} output (the object, or its JSON text). Continuing
   * the restored monitor gives exactly the results of an uninterrupted one.
   *
   * @throws CanaryJudgeError `INVALID_STATE` (with the path of the bad field) for a malformed state,
   * `UNSUPPORTED_STATE_VERSION` for another version.
   *
   * @example
   * ```ts
   * const m = new CountMonitor({ canaryShare: 0.5 });
   * m.update({ baseline: 10, canary: 12 });
   * CountMonitor.fromJSON(m.toJSON()).result().pValue === m.result().pValue; // true
   * ```
   */
  static fromJSON(json: unknown): CountMonitor {
    const { monitor, state, looks } = restoreMonitor(json, 'CountMonitor', (options) => new CountMonitor(options as unknown as CountMonitorOptions));
    const baseline = stateNumber(state.baselineEvents, 'state.baselineEvents', { min: 0 });
    const canary = stateNumber(state.canaryEvents, 'state.canaryEvents', { min: 0 });
    const baselineTotal = stateNullableNumber(state.baselineTotal, 'state.baselineTotal');
    const canaryTotal = stateNullableNumber(state.canaryTotal, 'state.canaryTotal');
    if (baselineTotal !== null && baselineTotal < 0) badState('state.baselineTotal', 'must be ≥ 0');
    if (canaryTotal !== null && canaryTotal < 0) badState('state.canaryTotal', 'must be ≥ 0');
    const pValue = stateProbability(state.pValue, 'state.pValue');
    const lower = stateNumber(state.lowerRatio, 'state.lowerRatio', { min: 0 });
    const upper = stateNullableNumber(state.upperRatio, 'state.upperRatio');
    if (upper !== null && upper < 0) badState('state.upperRatio', 'must be ≥ 0 or null');
    monitor.#looks = looks;
    monitor.#baseline = baseline;
    monitor.#canary = canary;
    monitor.#baselineTotal = baselineTotal;
    monitor.#canaryTotal = canaryTotal;
    monitor.#pValue = pValue;
    monitor.#lower = lower;
    monitor.#upper = upper;
    monitor.#result = monitor.#compose();
    return monitor;
  }
}

/** One side of a count series: per-look event counts (and optionally the traffic they came from). */
export interface CountSeriesSide {
  /** Events per look (new events since the previous look), or one number for a single look. */
  events: number | ArrayLike<number>;
  /** Traffic per look (e.g. requests), same length as `events`; optional. */
  total?: number | ArrayLike<number>;
}

/** Input of {@link countMonitorFromSeries}. */
export interface CountMonitorSeriesInput extends Omit<CountMonitorOptions, 'canaryShare'> {
  baseline: CountSeriesSide | ArrayLike<number>;
  canary: CountSeriesSide | ArrayLike<number>;
  /** The canary's traffic share; when omitted it is estimated from the totals (Σ canary total / Σ all totals). */
  canaryShare?: number;
}

/** Result of {@link countMonitorFromSeries}: the final result, a trace of every look, and the state to resume from. */
export interface CountMonitorSeriesResult extends CountMonitorResult, MonitorReplayFields<CountMonitorJSON> {
  /** Where the canary share came from: the option, or estimated from the totals. */
  shareSource: 'option' | 'totals';
}

function seriesValues(value: unknown, path: string): ArrayLike<number> {
  if (typeof value === 'number') return [value];
  if (value === null || typeof value !== 'object' || typeof (value as { length?: unknown }).length !== 'number') {
    badArgument(path, 'must be a number or an array of numbers');
  }
  return value as ArrayLike<number>;
}

function checkCounts(values: ArrayLike<number>, path: string): void {
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    if (typeof x !== 'number' || !Number.isFinite(x) || x < 0) badArgument(`${path}[${i}]`, `must be a non-negative finite count (got ${String(x)})`);
  }
}

function seriesSide(value: unknown, path: string): { events: ArrayLike<number>; total: ArrayLike<number> | null } {
  if (value === null || typeof value !== 'object') badArgument(path, 'must be { events, total? } or an array of event counts');
  if (typeof (value as { length?: unknown }).length === 'number') {
    checkCounts(value as ArrayLike<number>, path);
    return { events: value as ArrayLike<number>, total: null };
  }
  const side = value as { events?: unknown; total?: unknown };
  const events = seriesValues(side.events, `${path}.events`);
  const total = side.total === undefined ? null : seriesValues(side.total, `${path}.total`);
  if (total !== null && total.length !== events.length) badArgument(`${path}.total`, `must have one value per look (${events.length}, got ${total.length})`);
  checkCounts(events, `${path}.events`);
  if (total !== null) checkCounts(total, `${path}.total`);
  return { events, total };
}

/**
 * Replays a whole count series through a {@link CountMonitor} — one look per index, as a deploy tool
 * scraping every interval would have seen it — and returns the final result, the trace of every look and
 * the state to resume from. Pure: the same input gives the same output.
 *
 * `canaryShare` may be omitted when both sides carry `total`s: the share is then Σ canary total / Σ all
 * totals over the whole series (`shareSource: 'totals'`). That is an estimate, accurate when the traffic
 * counts are much larger than the event counts (requests vs errors) and the router's split is constant;
 * pass the configured split when you know it.
 *
 * @throws CanaryJudgeError `INVALID_ARGUMENT` for series of different lengths or bad counts,
 * `INVALID_OPTION` for bad options (or a missing share without totals).
 *
 * @example
 * ```ts
 * import { countMonitorFromSeries } from 'canary-judge';
 * const r = countMonitorFromSeries({
 *   baseline: { events: [5, 7, 6, 8], total: [1000, 1100, 1000, 1200] },
 *   canary: { events: [6, 9, 7, 10], total: [1000, 1100, 1000, 1200] },
 *   canaryShare: 0.5,
 * });
 * r.decision; // 'continue': 32 vs 26 errors is no proof either way
 * r.trace.length; // 4
 * ```
 */
export function countMonitorFromSeries(input: CountMonitorSeriesInput): CountMonitorSeriesResult {
  const { baseline, canary, options } = seriesInput(input, 'countMonitorFromSeries');
  const b = seriesSide(baseline, 'baseline');
  const c = seriesSide(canary, 'canary');
  if (b.events.length !== c.events.length) badArgument('canary.events', `must have as many looks as the baseline (${b.events.length}, got ${c.events.length})`);
  let shareSource: 'option' | 'totals' = 'option';
  if (options.canaryShare === undefined) {
    if (b.total === null || c.total === null) badOption('canaryShare', 'is required unless both sides give totals');
    let sb = 0;
    let sc = 0;
    for (let i = 0; i < b.total.length; i++) {
      sb += Number(b.total[i]);
      sc += Number(c.total[i]);
    }
    if (!(sb > 0 && sc > 0 && Number.isFinite(sb + sc))) badOption('canaryShare', 'cannot be estimated: both sides need positive finite totals');
    options.canaryShare = sc / (sb + sc);
    shareSource = 'totals';
  }
  const monitor = new CountMonitor(options as unknown as CountMonitorOptions);
  const looks = Array.from({ length: b.events.length }, (_, i): CountUpdate => ({
    baseline: b.total ? { events: b.events[i], total: b.total[i] } : b.events[i],
    canary: c.total ? { events: c.events[i], total: c.total[i] } : c.events[i],
  }));
  return { ...replaySeries(monitor, looks), shareSource };
}
