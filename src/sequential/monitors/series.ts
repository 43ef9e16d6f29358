/**
 * Splitting two value series into looks, for the `…FromSeries` replays of the mean and quantile monitors
 * (internal).
 * @module
 */
import { badArgument, isRecord } from './common.js';

/** A side of a replayed series: values in time order (one per look), or a time series. */
export type SeriesSide = ArrayLike<number> | { timestamps: ArrayLike<number>; values: ArrayLike<number> };

/** The two value series of a `…FromSeries` input. */
export interface SeriesPair {
  baseline: SeriesSide;
  canary: SeriesSide;
}

/** The new values of each side at one look. */
export interface LookBatch {
  baseline: Float64Array;
  canary: Float64Array;
}

interface Normalised {
  times: ArrayLike<number> | null;
  values: ArrayLike<number>;
}

function isArrayLike(value: unknown): value is ArrayLike<unknown> {
  return value !== null && typeof value === 'object' && typeof (value as { length?: unknown }).length === 'number';
}

function normalise(value: unknown, path: string): Normalised {
  if (isArrayLike(value)) return { times: null, values: value as ArrayLike<number> };
  if (!isRecord(value) || !isArrayLike(value.values) || !isArrayLike(value.timestamps)) {
    badArgument(path, 'must be an array of values or { timestamps, values }');
  }
  const times = value.timestamps as ArrayLike<number>;
  const values = value.values as ArrayLike<number>;
  if (times.length !== values.length) badArgument(`${path}.timestamps`, `must have one timestamp per value (${values.length}, got ${times.length})`);
  for (let i = 0; i < times.length; i++) {
    const t = times[i];
    if (typeof t !== 'number' || !Number.isFinite(t)) badArgument(`${path}.timestamps[${i}]`, `must be a finite number (got ${String(t)})`);
    if (i > 0 && t < times[i - 1]) badArgument(`${path}.timestamps[${i}]`, `must not decrease (${times[i - 1]} → ${t})`);
  }
  return { times, values };
}

function slice(values: ArrayLike<number>, start: number, end: number, path: string): Float64Array {
  const out = new Float64Array(Math.max(0, end - start));
  for (let i = start; i < end; i++) {
    const x = values[i];
    if (typeof x !== 'number') badArgument(`${path}[${i}]`, `must be a number (got ${String(x)})`);
    out[i - start] = x;
  }
  return out;
}

/**
 * The looks of a replay. Plain arrays: look j holds baseline[j] and canary[j] (a shorter side contributes
 * nothing once exhausted). Time series: one look per distinct timestamp of either side, holding every value
 * stamped with it. Mixing a plain array with a time series is an error.
 */
export function lookRanges(baseline: unknown, canary: unknown): LookBatch[] {
  const b = normalise(baseline, 'baseline');
  const c = normalise(canary, 'canary');
  const looks: LookBatch[] = [];
  if ((b.times === null) !== (c.times === null)) badArgument('canary', 'both sides must be plain arrays or both { timestamps, values }');
  if (b.times === null || c.times === null) {
    const n = Math.max(b.values.length, c.values.length);
    for (let j = 0; j < n; j++) {
      looks.push({
        baseline: j < b.values.length ? slice(b.values, j, j + 1, 'baseline') : new Float64Array(0),
        canary: j < c.values.length ? slice(c.values, j, j + 1, 'canary') : new Float64Array(0),
      });
    }
    return looks;
  }
  const bt = b.times;
  const ct = c.times;
  let i = 0;
  let k = 0;
  while (i < bt.length || k < ct.length) {
    const t = i < bt.length && (k >= ct.length || bt[i] <= ct[k]) ? bt[i] : ct[k];
    const i0 = i;
    const k0 = k;
    while (i < bt.length && bt[i] === t) i++;
    while (k < ct.length && ct[k] === t) k++;
    looks.push({ baseline: slice(b.values, i0, i, 'baseline.values'), canary: slice(c.values, k0, k, 'canary.values') });
  }
  return looks;
}
