/**
 * Shared pieces of the streaming monitors ({@link CountMonitor}, {@link MeanMonitor},
 * {@link QuantileMonitor}): result types and the parts every result shares, option and update checks, the
 * decision rule and its plain-language reason. The persisted state is in `stateFile.ts`, the series
 * replays in `replay.ts`.
 * @module
 */
import { CanaryJudgeError } from '../../errors.js';

/** What the monitor concludes so far. */
export type MonitorDecision = 'continue' | 'fail' | 'pass';

/** Which change is bad: `increase` (latency, errors), `decrease` (throughput), `either`. */
export type MonitorDirection = 'increase' | 'decrease' | 'either';

/**
 * An anytime-valid confidence sequence for the effect, at the current look: the intersection of every
 * interval since the monitor started (so it only ever shrinks). `null` ends are unbounded (no information
 * yet on that side) and `note` says why.
 */
export interface MonitorConfidenceSequence {
  /** Point estimate of the effect (null when undefined, e.g. no baseline events yet). */
  estimate: number | null;
  lower: number | null;
  upper: number | null;
  /** The scale of estimate/lower/upper: a relative change (0.12 = +12 %) or an absolute difference. */
  scale: 'relativeChange' | 'absoluteDifference';
  /** Why the estimate or an end is missing, when one is. */
  note?: string;
}

/** The part of every monitor result that a deploy tool or the judge reads. Plain JSON: no NaN or Infinity. */
export interface MonitorResultBase {
  /** `fail`: a regression larger than allowed is proven; `pass`: any regression is proven smaller than allowed; `continue`: neither yet. */
  decision: MonitorDecision;
  /** One plain sentence explaining the decision. */
  reason: string;
  /**
   * Always-valid p-value for "no change in the bad direction": the running minimum of 1/e-value over every
   * look, so rejecting when it is below α keeps the false-positive rate at or below α however often you look.
   * `null` only when the monitor was told not to compute it (see the quantile monitor).
   */
  pValue: number | null;
  /** The confidence sequence for the effect (see {@link MonitorConfidenceSequence}). */
  confidenceSequence: MonitorConfidenceSequence;
  /** Number of looks (updates) so far. */
  looks: number;
  /** Observations so far per side (events for the count monitor, values otherwise). */
  n: { baseline: number; canary: number };
  alpha: number;
  direction: MonitorDirection;
  /** The allowed changes the decision is checked against (relative, or absolute for an absolute mean monitor). */
  allowed: { increase: number; decrease: number };
}

/** One look of a replayed series (see the `…FromSeries` functions): what the monitor said after that look. */
export interface MonitorTracePoint {
  /** Look number, 1-based. */
  look: number;
  n: { baseline: number; canary: number };
  estimate: number | null;
  lower: number | null;
  upper: number | null;
  pValue: number | null;
  decision: MonitorDecision;
}

/** Options shared by every monitor. */
export interface MonitorBaseOptions {
  /** Error rate of each decision, in (0, 0.5) (default 0.05). */
  alpha?: number;
  /** Which change is bad (default `'increase'`). */
  direction?: MonitorDirection;
  /** Largest tolerated increase (relative: 0.1 = +10 %; default 0.1). */
  allowedIncrease?: number;
  /** Largest tolerated decrease, as a positive number (relative: 0.1 = −10 %; default 0.1). */
  allowedDecrease?: number;
  /** Name of the measured quantity used in the reason sentences (default depends on the monitor). */
  label?: string;
}

/** The base options with every default filled in. */
export interface ResolvedMonitorBaseOptions {
  alpha: number;
  direction: MonitorDirection;
  allowedIncrease: number;
  allowedDecrease: number;
  label: string;
}

/** Default values of the shared options. */
export const MONITOR_DEFAULTS = {
  /** α = 0.05: each wrong decision (a false fail, a false pass) has probability at most 5 %, over all looks. */
  alpha: 0.05,
  /** Higher is worse (latency, errors). */
  direction: 'increase' as MonitorDirection,
  /** ±10 %, the judge's default allowed change. */
  allowedIncrease: 0.1,
  allowedDecrease: 0.1,
} as const;

const DIRECTIONS: ReadonlyArray<MonitorDirection> = ['increase', 'decrease', 'either'];

/** Throws `INVALID_OPTION` with the option's path. */
export function badOption(path: string, message: string): never {
  throw new CanaryJudgeError('INVALID_OPTION', `${path}: ${message}`, path);
}

/** Throws `INVALID_ARGUMENT` (bad update data) with its path. */
export function badArgument(path: string, message: string): never {
  throw new CanaryJudgeError('INVALID_ARGUMENT', `${path}: ${message}`, path);
}

/** Throws `INVALID_STATE` (a malformed `fromJSON` input) with its path. */
export function badState(path: string, message: string): never {
  throw new CanaryJudgeError('INVALID_STATE', `${path}: ${message}`, path);
}

/**
 * Checks the argument of a monitor's `update`: an object with at most the fields `baseline` and `canary`
 * (each optional); returns them, unchecked, for the monitor to read.
 *
 * @throws CanaryJudgeError `INVALID_ARGUMENT` at `data` for a non-object, at the key for an unknown field.
 *
 * @example
 * ```ts
 * readUpdate({ canary: [1, 2] }); // { baseline: undefined, canary: [1, 2] }
 * ```
 */
export function readUpdate(data: unknown): { baseline: unknown; canary: unknown } {
  if (!isRecord(data)) badArgument('data', 'update takes { baseline?, canary? }');
  for (const key of Object.keys(data)) if (key !== 'baseline' && key !== 'canary') badArgument(key, 'unknown field (expected baseline, canary)');
  return { baseline: data.baseline, canary: data.canary };
}

/** A plain object (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** A finite number option in [lo, hi) or (lo, hi) with a default. */
export function numberOption(value: unknown, path: string, fallback: number, check: (x: number) => boolean, rule: string): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || !check(value)) badOption(path, `must be ${rule} (got ${String(value)})`);
  return value;
}

/** Checks the options argument is an object (or undefined) and that it has no unknown keys. */
export function optionsObject(options: unknown, known: ReadonlyArray<string>, fn: string): Record<string, unknown> {
  if (options === undefined) return {};
  if (!isRecord(options)) badOption('options', `${fn} takes an options object (got ${String(options)})`);
  for (const key of Object.keys(options)) {
    if (!known.includes(key)) badOption(key, `unknown option of ${fn} (known: ${known.join(', ')})`);
  }
  return options;
}

/** Validates the shared options. */
export function resolveBaseOptions(o: Record<string, unknown>, defaultLabel: string): ResolvedMonitorBaseOptions {
  const alpha = numberOption(o.alpha, 'alpha', MONITOR_DEFAULTS.alpha, (x) => x > 0 && x < 0.5, 'a number in (0, 0.5)');
  let direction: MonitorDirection = MONITOR_DEFAULTS.direction;
  if (o.direction !== undefined) {
    if (!DIRECTIONS.includes(o.direction as MonitorDirection)) badOption('direction', `must be 'increase', 'decrease' or 'either' (got ${String(o.direction)})`);
    direction = o.direction as MonitorDirection;
  }
  const allowedIncrease = numberOption(o.allowedIncrease, 'allowedIncrease', MONITOR_DEFAULTS.allowedIncrease, (x) => x >= 0, 'a finite number ≥ 0');
  const allowedDecrease = numberOption(o.allowedDecrease, 'allowedDecrease', MONITOR_DEFAULTS.allowedDecrease, (x) => x >= 0, 'a finite number ≥ 0');
  let label = defaultLabel;
  if (o.label !== undefined) {
    if (typeof o.label !== 'string' || o.label.trim() === '') badOption('label', 'must be a non-empty string');
    label = o.label;
  }
  return { alpha, direction, allowedIncrease, allowedDecrease, label };
}

/** The keys of the shared options. */
export const BASE_OPTION_KEYS = ['alpha', 'direction', 'allowedIncrease', 'allowedDecrease', 'label'] as const;

/**
 * The decision rule of every monitor, applied to the running confidence sequence [lower, upper] of the
 * effect (null = unbounded):
 * - `increase`: fail when lower > allowedIncrease; pass when upper ≤ allowedIncrease;
 * - `decrease`: fail when upper < −allowedDecrease; pass when lower ≥ −allowedDecrease;
 * - `either`: fail when either of the above fails; pass when the whole interval is inside
 *   [−allowedDecrease, allowedIncrease].
 * A fail wins over a pass (possible only if the running intersection became empty, a probability-≤-α event).
 */
export function decide(lower: number | null, upper: number | null, o: ResolvedMonitorBaseOptions): MonitorDecision {
  const inc = o.direction !== 'decrease';
  const dec = o.direction !== 'increase';
  const highProven = lower !== null && lower > o.allowedIncrease;
  const lowProven = upper !== null && upper < -o.allowedDecrease;
  if ((inc && highProven) || (dec && lowProven)) return 'fail';
  const belowHigh = upper !== null && upper <= o.allowedIncrease;
  const aboveLow = lower !== null && lower >= -o.allowedDecrease;
  if (o.direction === 'increase' && belowHigh) return 'pass';
  if (o.direction === 'decrease' && aboveLow) return 'pass';
  if (o.direction === 'either' && belowHigh && aboveLow) return 'pass';
  return 'continue';
}

/** How an effect value is written in a sentence. */
export type EffectDisplay = 'ratio' | 'percent' | 'absolute';

/** Formats a number with 3 significant digits, without exponent for ordinary magnitudes. */
export function num(x: number): string {
  if (x === 0) return '0';
  const a = Math.abs(x);
  if (a >= 1e-3 && a < 1e6) return String(Number(x.toPrecision(3)));
  return x.toExponential(2);
}

/** Writes an effect (relative change or absolute difference) for a reader. */
export function showEffect(x: number, display: EffectDisplay): string {
  if (display === 'ratio') return `${num(1 + x)}×`;
  if (display === 'percent') {
    const p = x * 100;
    return `${p >= 0 ? '+' : '−'}${num(Math.abs(p))}%`;
  }
  return `${x >= 0 ? '+' : '−'}${num(Math.abs(x))}`;
}

function showEnd(x: number | null, display: EffectDisplay, side: 'lower' | 'upper'): string {
  if (x === null) return side === 'lower' ? (display === 'ratio' ? '0×' : '−∞') : '∞';
  return showEffect(x, display);
}

/**
 * The reason sentence of a decision, e.g. "the error rate in the canary is 2.3× the baseline (anytime-valid
 * 95% bounds 1.5×…3.8×), above the allowed 1.1×".
 */
export function decisionReason(
  decision: MonitorDecision,
  cs: { estimate: number | null; lower: number | null; upper: number | null },
  o: ResolvedMonitorBaseOptions,
  display: EffectDisplay,
  what: string,
): string {
  const level = `${num((1 - o.alpha) * 100)}%`;
  const range = `anytime-valid ${level} bounds ${showEnd(cs.lower, display, 'lower')}…${showEnd(cs.upper, display, 'upper')}`;
  const est = cs.estimate === null ? null : showEffect(cs.estimate, display);
  const subject =
    est === null
      ? `In the canary, the change of ${what} cannot be estimated yet`
      : display === 'ratio'
        ? `In the canary, ${what} is ${est} the baseline's`
        : `In the canary, ${what} is ${est} against the baseline`;
  const allowedHigh = showEffect(o.allowedIncrease, display);
  const allowedLow = showEffect(-o.allowedDecrease, display);
  if (decision === 'fail') {
    const high = cs.lower !== null && cs.lower > o.allowedIncrease && o.direction !== 'decrease';
    return `${subject} (${range}): ${high ? `above the allowed ${allowedHigh}` : `below the allowed ${allowedLow}`}, a regression proven at this error rate however often the data were checked.`;
  }
  if (decision === 'pass') {
    const band =
      o.direction === 'increase'
        ? `any increase is within the allowed ${allowedHigh}`
        : o.direction === 'decrease'
          ? `any decrease is within the allowed ${allowedLow}`
          : `the change is within the allowed ${allowedLow}…${allowedHigh}`;
    return `${subject} (${range}): ${band}, proven at this error rate however often the data were checked.`;
  }
  const limit =
    o.direction === 'increase' ? `the allowed ${allowedHigh}` : o.direction === 'decrease' ? `the allowed ${allowedLow}` : `the allowed ${allowedLow}…${allowedHigh}`;
  return `${subject} (${range}): not enough data yet to tell whether it is within ${limit}; keep collecting.`;
}

/** Running intersection helpers: the larger lower end and the smaller upper end (null = unbounded). */
export function maxLower(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  if (b === null) return a;
  return Math.max(a, b);
}

/** See {@link maxLower}. */
export function minUpper(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  if (b === null) return a;
  return Math.min(a, b);
}

/** Normalises −0 to 0 so results print as plain numbers. */
export function plain(x: number): number {
  return x === 0 ? 0 : x;
}

/** A nullable plain number. */
export function plainOrNull(x: number | null): number | null {
  return x === null ? null : plain(x);
}

/**
 * The running always-valid p-value after a look with e-value E = exp(logE): min(previous, 1/E), capped at 1
 * (Ville's inequality makes the running minimum of 1/E a p-value valid at every look).
 *
 * @example
 * ```ts
 * runningPValue(0.5, Math.log(4)); // 0.25
 * runningPValue(0.5, -1);          // 0.5 (1/E > 1 is capped at 1)
 * ```
 */
export function runningPValue(previous: number, logE: number): number {
  return Math.min(previous, Math.min(1, Math.exp(-logE)));
}

/**
 * The `confidenceSequence` field of a result: plain numbers (−0 written as 0), and `note` only when there is one.
 *
 * @example
 * ```ts
 * resultConfidenceSequence({ estimate: 0.2, lower: -0, upper: null }, 'relativeChange', 'no upper bound yet');
 * // { estimate: 0.2, lower: 0, upper: null, scale: 'relativeChange', note: 'no upper bound yet' }
 * ```
 */
export function resultConfidenceSequence(
  cs: { estimate: number | null; lower: number | null; upper: number | null },
  scale: MonitorConfidenceSequence['scale'],
  note: string | undefined,
): MonitorConfidenceSequence {
  return { estimate: plainOrNull(cs.estimate), lower: plainOrNull(cs.lower), upper: plainOrNull(cs.upper), scale, ...(note ? { note } : {}) };
}

/**
 * The settings every result repeats after `looks` and `n`: `alpha`, `direction` and the `allowed` changes.
 *
 * @example
 * ```ts
 * resultSettings(resolveBaseOptions({ allowedIncrease: 0.2 }, 'the mean'));
 * // { alpha: 0.05, direction: 'increase', allowed: { increase: 0.2, decrease: 0.1 } }
 * ```
 */
export function resultSettings(o: ResolvedMonitorBaseOptions): Pick<MonitorResultBase, 'alpha' | 'direction' | 'allowed'> {
  return { alpha: o.alpha, direction: o.direction, allowed: { increase: o.allowedIncrease, decrease: o.allowedDecrease } };
}
