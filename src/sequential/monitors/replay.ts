/**
 * Replaying a whole series through a streaming monitor, look by look, as a deploy tool scraping every
 * interval would have seen it: the engine of `countMonitorFromSeries`, `meanMonitorFromSeries` and
 * `quantileMonitorFromSeries` (internal). How a series is cut into looks is each monitor's own business
 * (`series.ts` for value series).
 * @module
 */
import { badArgument, isRecord } from './common.js';
import type { MonitorResultBase, MonitorTracePoint } from './common.js';

/** What a replay needs of a monitor: `update` once per look, then the final `result()` and `toJSON()` state. */
export interface ReplayableMonitor<Update, Result extends MonitorResultBase, State> {
  update(data: Update): Result;
  result(): Result;
  toJSON(): State;
}

/** What a replay adds to the monitor's final result. */
export interface MonitorReplayFields<State> {
  /** What the monitor said after each look, in order. */
  trace: MonitorTracePoint[];
  /** The monitor's `toJSON()` state after the last look: pass it to `fromJSON` to continue live. */
  state: State;
}

/** The outcome of a replay: the final result, plus the trace of every look and the state to resume from. */
export type MonitorReplay<Result extends MonitorResultBase, State> = Result & MonitorReplayFields<State>;

/**
 * Splits the input of a `…FromSeries` function into its two series and the monitor's options (a fresh
 * object, safe to complete).
 *
 * @throws CanaryJudgeError `INVALID_ARGUMENT` at `input` when the input is not an object.
 *
 * @example
 * ```ts
 * seriesInput({ baseline: [1], canary: [2], alpha: 0.01 }, 'meanMonitorFromSeries');
 * // { baseline: [1], canary: [2], options: { alpha: 0.01 } }
 * ```
 */
export function seriesInput(input: unknown, fn: string): { baseline: unknown; canary: unknown; options: Record<string, unknown> } {
  if (!isRecord(input)) badArgument('input', `${fn} takes { baseline, canary, ...options }`);
  const { baseline, canary, ...options } = input;
  return { baseline, canary, options };
}

/**
 * One point of a replay's trace: the look number, sizes, confidence sequence, p-value and decision of a
 * result (copied, so later looks cannot change it).
 *
 * @example
 * ```ts
 * tracePoint(new MeanMonitor().update({ baseline: [1], canary: [2] }));
 * // { look: 1, n: { baseline: 1, canary: 1 }, estimate: null, lower: null, upper: null, pValue: 1, decision: 'continue' }
 * ```
 */
export function tracePoint(r: MonitorResultBase): MonitorTracePoint {
  return {
    look: r.looks,
    n: { ...r.n },
    estimate: r.confidenceSequence.estimate,
    lower: r.confidenceSequence.lower,
    upper: r.confidenceSequence.upper,
    pValue: r.pValue,
    decision: r.decision,
  };
}

/**
 * Feeds `looks` to `monitor` one `update` at a time and returns its final result with the trace of every
 * look and the state to resume from (`monitor.toJSON()`). The monitor is advanced in place; the function is
 * otherwise pure.
 *
 * @example
 * ```ts
 * const r = replaySeries(new CountMonitor({ canaryShare: 0.5 }), [{ baseline: 5, canary: 6 }, { baseline: 7, canary: 9 }]);
 * r.trace.length; // 2
 * r.state.state.looks; // 2
 * ```
 */
export function replaySeries<Update, Result extends MonitorResultBase, State>(
  monitor: ReplayableMonitor<Update, Result, State>,
  looks: Iterable<Update>,
): MonitorReplay<Result, State> {
  const trace: MonitorTracePoint[] = [];
  for (const look of looks) trace.push(tracePoint(monitor.update(look)));
  return { ...monitor.result(), trace, state: monitor.toJSON() };
}
