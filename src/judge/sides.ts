import { CanaryJudgeError } from '../errors.js';
import type { LogHistogram } from '../sketch/logHistogram.js';
import { isHistogramSide, toLogHistogram } from './histogramSide.js';
import type { Counts, SideData, TimeSeries } from './types.js';

/** One side of an SLI, recognised from its shape. */
export type Side =
  | { kind: 'none' }
  | { kind: 'samples'; values: ArrayLike<number>; timestamps: ArrayLike<number> | null }
  | { kind: 'counts'; events: number; total: number; intervals: number }
  | { kind: 'histogram'; histogram: LogHistogram }
  | { kind: 'invalid'; problem: string };

const isArrayLike = (v: unknown): v is ArrayLike<number> =>
  Array.isArray(v) || ArrayBuffer.isView(v) || (typeof v === 'object' && v !== null && typeof (v as { length?: unknown }).length === 'number' && !('values' in v) && !('events' in v));

function sumCounts(v: number | ArrayLike<number>, what: string): { value: number; intervals: number } | string {
  if (typeof v === 'number') {
    if (!Number.isFinite(v) || v < 0) return `${what} must be a non-negative number, got ${v}`;
    return { value: v, intervals: 1 };
  }
  if (!isArrayLike(v)) return `${what} must be a number or an array of numbers`;
  let s = 0;
  let n = 0;
  for (let i = 0; i < v.length; i++) {
    const x = v[i];
    if (Number.isNaN(x)) continue; // a missing interval: skipped (counted in the reason by the caller)
    if (typeof x !== 'number' || !Number.isFinite(x) || x < 0) return `${what}[${i}] must be a non-negative number, got ${x}`;
    s += x;
    n++;
  }
  return { value: s, intervals: n };
}

/**
 * Recognises one side's data: raw samples, a time series `{ timestamps, values }`, or counts
 * `{ events, total }` (totals or per-interval arrays, summed). `null`/`undefined`/empty → `none`.
 * Malformed shapes are reported as `invalid` with a sentence, never thrown (bad data is a result).
 */
export function readSide(data: SideData | null | undefined, path = ''): Side {
  if (data === null || data === undefined) return { kind: 'none' };
  if (isHistogramSide(data)) {
    try {
      const histogram = 'histogram' in data ? toLogHistogram(data, `${path}.histogram`) : data;
      return histogram.count > 0 ? { kind: 'histogram', histogram } : { kind: 'none' };
    } catch (e) {
      if (e instanceof CanaryJudgeError) return { kind: 'invalid', problem: `${e.path ? `${e.path}: ` : ''}${e.message}` };
      throw e;
    }
  }
  if (isArrayLike(data)) return data.length === 0 ? { kind: 'none' } : { kind: 'samples', values: data, timestamps: null };
  if (typeof data !== 'object') return { kind: 'invalid', problem: `expected samples, a time series or counts, got ${typeof data}` };
  if ('events' in data || 'total' in data) {
    const c = data as Counts;
    if (c.events === undefined || c.total === undefined) return { kind: 'invalid', problem: 'counts need both "events" and "total"' };
    const events = sumCounts(c.events, 'events');
    if (typeof events === 'string') return { kind: 'invalid', problem: events };
    const total = sumCounts(c.total, 'total');
    if (typeof total === 'string') return { kind: 'invalid', problem: total };
    if (typeof c.events !== 'number' && typeof c.total !== 'number' && c.events.length !== c.total.length) {
      return { kind: 'invalid', problem: `events has ${c.events.length} intervals but total has ${c.total.length}` };
    }
    if (events.value > total.value) return { kind: 'invalid', problem: `events (${events.value}) exceed total (${total.value})` };
    if (total.value === 0) return { kind: 'none' };
    return { kind: 'counts', events: events.value, total: total.value, intervals: Math.max(events.intervals, total.intervals) };
  }
  if ('values' in data) {
    const ts = data as TimeSeries;
    if (!isArrayLike(ts.values)) return { kind: 'invalid', problem: '"values" must be an array of numbers' };
    if (ts.timestamps !== undefined && !isArrayLike(ts.timestamps)) return { kind: 'invalid', problem: '"timestamps" must be an array of numbers' };
    if (ts.timestamps !== undefined && ts.timestamps.length !== ts.values.length) {
      return { kind: 'invalid', problem: `${ts.timestamps.length} timestamps for ${ts.values.length} values` };
    }
    if (ts.values.length === 0) return { kind: 'none' };
    return { kind: 'samples', values: ts.values, timestamps: ts.timestamps ?? null };
  }
  return { kind: 'invalid', problem: 'expected samples (an array), a time series { timestamps, values } or counts { events, total }' };
}

/**
 * Orders a time series by timestamp (smoothing needs time order); returns the values in that order.
 * Samples without timestamps are kept in the given order.
 */
export function valuesInTimeOrder(side: Extract<Side, { kind: 'samples' }>): ArrayLike<number> {
  const { values, timestamps } = side;
  if (!timestamps) return values;
  let sorted = true;
  for (let i = 1; i < timestamps.length; i++) {
    if (!(timestamps[i - 1] <= timestamps[i])) {
      sorted = false;
      break;
    }
  }
  if (sorted) return values;
  const order = Array.from({ length: values.length }, (_, i) => i).sort((a, b) => timestamps[a] - timestamps[b]);
  const out = new Float64Array(values.length);
  for (let i = 0; i < order.length; i++) out[i] = values[order[i]];
  return out;
}
