/**
 * Reads the raw data of one side of an SLI (samples, a time series or counts) into what the HTML charts draw.
 * Pure and non-mutating; malformed shapes give null (the verdict already explains them).
 * @module
 */
import type { SideData, SliResult } from '../judge/types.js';
import { effectKindOf } from './format.js';
import type { AllowedBand } from './svg.js';

/** One side as the charts see it: values in the given order, with timestamps when the data has them. */
export interface PlotSide {
  values: Float64Array;
  timestamps: Float64Array | null;
  /** true when the values are per-interval event rates computed from counts. */
  rates: boolean;
}

const isArrayLike = (v: unknown): v is ArrayLike<unknown> =>
  Array.isArray(v) || (ArrayBuffer.isView(v) && !(v instanceof DataView));

function toFloat64(v: ArrayLike<unknown>): Float64Array {
  const out = new Float64Array(v.length);
  for (let i = 0; i < v.length; i++) {
    const x = v[i];
    out[i] = typeof x === 'number' ? x : NaN;
  }
  return out;
}

/** The plot form of one side, or null when there is nothing to draw (no data, scalar counts, malformed). */
export function plotSide(side: SideData | null | undefined): PlotSide | null {
  if (side === null || side === undefined || typeof side !== 'object') return null;
  if (isArrayLike(side)) return side.length === 0 ? null : { values: toFloat64(side), timestamps: null, rates: false };
  const obj = side as unknown as Record<string, unknown>;
  if (isArrayLike(obj.values)) {
    const values = toFloat64(obj.values);
    if (values.length === 0) return null;
    const ts = isArrayLike(obj.timestamps) && obj.timestamps.length === values.length ? toFloat64(obj.timestamps) : null;
    return { values, timestamps: ts, rates: false };
  }
  if (isArrayLike(obj.events) && isArrayLike(obj.total) && obj.events.length === obj.total.length && obj.events.length > 0) {
    const e = toFloat64(obj.events);
    const t = toFloat64(obj.total);
    const values = new Float64Array(e.length);
    for (let i = 0; i < e.length; i++) values[i] = t[i] > 0 ? e[i] / t[i] : NaN;
    return { values, timestamps: null, rates: true };
  }
  return null;
}

/**
 * The allowed band of an SLI in data units, for the ECDF chart: a Hodges–Lehmann shift moves every quantile by the
 * allowed fraction of the baseline median; a ratio effect (mean, median, quantile) scales every value by 1 ± the
 * allowed fraction. CLES and rate ratios have no band in data units (null).
 */
export function allowedBand(s: SliResult, baselineMedian: number | null): AllowedBand | null {
  const kind = effectKindOf(s);
  const inc = s.allowed.increase;
  const dec = s.allowed.decrease;
  if (inc === null && dec === null) return null;
  if (kind === 'hlShift') {
    const m = typeof s.summary.baselineMedian === 'number' && Number.isFinite(s.summary.baselineMedian) ? s.summary.baselineMedian : baselineMedian;
    if (m === null || m === 0 || !Number.isFinite(m)) return null;
    const scale = Math.abs(m);
    return {
      upper: inc === null ? null : (x) => x + inc * scale,
      lower: dec === null ? null : (x) => x - dec * scale,
    };
  }
  if (kind === 'meanRatio' || kind === 'medianRatio' || kind === 'quantileRatio') {
    return {
      upper: inc === null ? null : (x) => x + inc * Math.abs(x),
      lower: dec === null ? null : (x) => x - dec * Math.abs(x),
    };
  }
  return null;
}
