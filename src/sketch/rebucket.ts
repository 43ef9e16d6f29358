/**
 * Lossy conversion of a histogram onto another grid (γ ↔ exponential, explicit → log buckets).
 * @module
 */
import { LogHistogram, type LogHistogramOptions } from './logHistogram.js';

/**
 * Re-buckets `h` onto the grid described by `options` (as for `new LogHistogram(options)`): every
 * source bucket's count goes to the target bucket holding the source bucket's representative value
 * (log buckets: the relative-accuracy representative 2·b^(i+1)/(1 + b); explicit buckets: the midpoint,
 * or the finite edge of an unbounded end bucket; the zero bucket: 0). `count`, `sum`, `min`, `max` are
 * kept. Returns a new histogram; `h` is not modified.
 *
 * **Loss** (documented, not hidden): a value v ends in a target bucket whose representative is within
 * relative error about a_source + a_target of v (both relative accuracies; e.g. 1% γ → scale 6 gives
 * ≤ 1.55%), and values that shared a source bucket stay together. From explicit (classic `le`)
 * buckets there is no relative bound: all of a bucket's mass moves to the target bucket of its midpoint.
 * Use it to compare a γ-mapped histogram with an OTel/Prometheus one, never to merge histograms that
 * share a grid (use `merge`, which is exact).
 * @example
 * ```ts
 * const g = new LogHistogram({ relativeAccuracy: 0.01 }).addAll([10, 20, 30]);
 * const e = rebucketHistogram(g, { scale: 6 });  // now mergeable with OTel scale ≤ 6 data
 * e.count; // 3
 * ```
 */
export function rebucketHistogram(h: LogHistogram, options: LogHistogramOptions): LogHistogram {
  const maxBuckets = options.maxBuckets;
  const out = new LogHistogram(maxBuckets === undefined ? options : { ...options, maxBuckets });
  const o = h._ordered();
  for (let k = 0; k < o.n; k++) {
    let v = o.value[k];
    if (v === Infinity || v === -Infinity || Number.isNaN(v)) v = Number.isFinite(o.lower[k]) ? o.lower[k] : o.upper[k];
    if (h._hasExtremes && h.count > 0) {
      const mn = h.min as number;
      const mx = h.max as number;
      if (v < mn) v = mn;
      if (v > mx) v = mx;
    }
    out._addCounted(v, o.count[k]);
  }
  out._count = h._count;
  out._sum = h._sum;
  out._hasSum = h._hasSum;
  out._min = h._min;
  out._max = h._max;
  out._hasExtremes = h._hasExtremes;
  return out;
}
