/**
 * Counts for a `rate` SLI from two series: the events (errors) and the total (requests) of one side per interval,
 * as two Prometheus `increase(…)` queries give them.
 * @module
 */
import { CanaryJudgeError } from '../errors.js';
import type { Counts, SideData, TimeSeries } from '../judge/types.js';

/** Options of {@link countsFromSeries}. */
export interface CountsFromSeriesOptions {
  /**
   * Round each interval's counts to whole numbers (default `true`): Prometheus' `increase()` extrapolates to the
   * edges of the range and gives fractional counts (3017.4 requests).
   */
  round?: boolean;
  /** Where the data comes from, for error messages (default "counts"). */
  path?: string;
}

const isArrayLike = (v: unknown): v is ArrayLike<number> =>
  Array.isArray(v) || (ArrayBuffer.isView(v) && !(v instanceof DataView));
const isSeries = (v: unknown): v is TimeSeries =>
  typeof v === 'object' && v !== null && 'values' in v && isArrayLike((v as TimeSeries).values) && isArrayLike((v as TimeSeries).timestamps);

/** Sums the values of each timestamp (series of several pods add up); a NaN makes the whole interval missing. */
function sumByTime(s: TimeSeries, what: string, path: string): Map<number, number> {
  if (s.timestamps.length !== s.values.length) {
    throw new CanaryJudgeError('INVALID_DATA', `${path}: ${what} has ${s.timestamps.length} timestamps for ${s.values.length} values`, path);
  }
  const out = new Map<number, number>();
  for (let i = 0; i < s.values.length; i++) {
    const t = s.timestamps[i];
    const v = s.values[i];
    if (v < 0) throw new CanaryJudgeError('INVALID_DATA', `${path}: ${what} is negative at ${t} (${v}): counts per interval are never negative`, path);
    out.set(t, (out.get(t) ?? 0) + v);
  }
  return out;
}

/**
 * Pairs two series of one side — events (errors) and total (requests) per interval — into the `{ events, total }`
 * counts the `rate` test reads, as `canary-judge judge --data errors.events=FILE --data errors.total=FILE` does.
 *
 * - **Time series** are matched by timestamp; values at the same timestamp add up (a query not summed over pods
 *   gives one series per pod). Each interval of the total is kept: no events at its timestamp means **0 events**
 *   (Prometheus returns no series for a counter that never moved, e.g. no 5xx at all); intervals without a total,
 *   or with a missing value (NaN) on either side, are left out.
 * - **Plain arrays** (no timestamps) are paired by index and must have the same length.
 * - Counts are rounded per interval (`round`, default true), and events are capped at the total of their
 *   interval (extrapolated counts can disagree by a fraction).
 *
 * `total` null, undefined or empty gives `null` (no data: the judge classifies the side `nodata`); `events` null or
 * undefined with a total gives zero events. Other shapes (counts, histograms) and negative values throw an
 * `INVALID_DATA` `CanaryJudgeError`.
 *
 * @example
 * ```ts
 * import { countsFromSeries } from 'canary-judge/io';
 *
 * countsFromSeries(
 *   { timestamps: [60], values: [2.4] }, // errors: none after t=60, so Prometheus returned no later point
 *   { timestamps: [60, 120, 180], values: [3017.4, 2988.9, NaN] },
 * );
 * // { events: Float64Array [2, 0], total: Float64Array [3017, 2989] }
 * ```
 */
export function countsFromSeries(
  events: SideData | null | undefined,
  total: SideData | null | undefined,
  options: CountsFromSeriesOptions = {},
): Counts | null {
  const round = options.round ?? true;
  const path = options.path ?? 'counts';
  if (total === null || total === undefined) return null;
  const kindOf = (v: unknown) => (isSeries(v) ? 'series' : isArrayLike(v) ? 'array' : 'other');
  const tk = kindOf(total);
  const ek = events === null || events === undefined ? 'none' : kindOf(events);
  if (tk === 'other' || ek === 'other') {
    throw new CanaryJudgeError('INVALID_DATA', `${path}: ${tk === 'other' ? 'total' : 'events'} must be a time series { timestamps, values } or an array of numbers per interval`, path);
  }
  if (ek !== 'none' && ek !== tk) {
    throw new CanaryJudgeError('INVALID_DATA', `${path}: events and total must both be time series or both plain arrays (got ${ek === 'series' ? 'a time series' : 'an array'} of events and ${tk === 'series' ? 'a time series' : 'an array'} of totals)`, path);
  }
  const outEvents: number[] = [];
  const outTotal: number[] = [];
  const push = (e: number, t: number) => {
    if (Number.isNaN(e) || Number.isNaN(t) || !Number.isFinite(t)) return;
    const tt = round ? Math.round(t) : t;
    const ee = Math.min(round ? Math.round(e) : e, tt);
    outEvents.push(ee);
    outTotal.push(tt);
  };
  if (tk === 'series') {
    const totals = sumByTime(total as TimeSeries, 'total', path);
    const errs = ek === 'none' ? new Map<number, number>() : sumByTime(events as TimeSeries, 'events', path);
    const times = [...totals.keys()].sort((a, b) => a - b);
    for (const t of times) push(errs.get(t) ?? 0, totals.get(t) as number);
  } else {
    const tot = total as ArrayLike<number>;
    const ev = ek === 'none' ? null : (events as ArrayLike<number>);
    if (ev && ev.length !== tot.length) {
      throw new CanaryJudgeError('INVALID_DATA', `${path}: ${ev.length} event counts for ${tot.length} totals: arrays without timestamps are paired by position and must have the same length`, path);
    }
    for (let i = 0; i < tot.length; i++) {
      const e = ev ? ev[i] : 0;
      if (e < 0 || tot[i] < 0) throw new CanaryJudgeError('INVALID_DATA', `${path}: ${e < 0 ? 'events' : 'total'}[${i}] is negative (${e < 0 ? e : tot[i]}): counts per interval are never negative`, path);
      push(e, tot[i]);
    }
  }
  if (outTotal.length === 0) return null;
  return { events: Float64Array.from(outEvents), total: Float64Array.from(outTotal) };
}
