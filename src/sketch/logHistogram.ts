/**
 * `LogHistogram`: a mergeable histogram with relative-accuracy (logarithmic) buckets, in the style of
 * DDSketch (Masson, Rim & Lee, VLDB 2019), that can also hold OpenTelemetry exponential histograms /
 * Prometheus native histograms without loss (exponential "scale" mapping) and classic `le` buckets
 * (explicit-bounds mapping). See `mapping.ts` for the three grids and `docs/sketches.md` for when to use
 * which.
 *
 * Layout: a positive store (buckets of magnitudes of values > zeroThreshold), a negative store (buckets of
 * magnitudes of values < −zeroThreshold) and a zero bucket counting values in [−zeroThreshold,
 * +zeroThreshold] (Prometheus' zero bucket; with the default threshold 0 it counts exact zeros). Stores
 * are contiguous `Float64Array`s with an index offset that grow geometrically, capped at `maxBuckets`
 * (default 2048: at 1% accuracy that spans a ratio of 10^17 between smallest and largest value, and caps
 * the memory at 2 × 16 KiB whatever the count).
 *
 * **Overflow rule** (a store would need more than `maxBuckets` consecutive indices):
 * - `'collapseLowest'` (default for γ-mappings; DDSketch's `CollapsingLowestDenseStore`): the buckets of
 *   smallest magnitude are merged into the lowest retained bucket `L = maxIndex − maxBuckets + 1`. Upper
 *   quantiles keep their accuracy; quantiles falling in the collapsed bucket are over-estimated;
 *   `info().collapsed` says that it happened.
 * - `'downscale'` (default for exponential mappings; the OpenTelemetry SDK rule): the scale drops by as
 *   many steps as needed (each step merges neighbouring buckets pairwise and halves the resolution), so
 *   every value keeps a guarantee, at the coarser accuracy.
 *
 * **Merging** (`merge(other)`, in place) is exact, associative and commutative (property-tested): counts,
 * zero count, min and max exactly; `sum` up to floating-point rounding. Exponential histograms of
 * different scales meet at the finest scale ≤ both at which the union fits `maxBuckets`; different zero
 * thresholds meet at the larger one rounded up to the next bucket edge, every bucket below it joining the
 * zero bucket (the Prometheus rule, made order-independent by rounding whether or not the cut bucket is
 * populated); explicit-bounds histograms with different bounds meet on the bounds they share (nested
 * buckets, no loss beyond the coarser grid). Documented exceptions to associativity: histograms with
 * different `maxBuckets` (the smaller cap wins), and a larger zero threshold absorbing the very buckets
 * that forced a downscale earlier in one merge order (that order ends at a coarser scale). A
 * γ-mapping never merges with an exponential one or with another accuracy: `CanaryJudgeError
 * ('SKETCH_MAPPING_MISMATCH')`; {@link rebucketHistogram} converts with a documented loss.
 * @module
 */
import { CanaryJudgeError } from '../errors.js';
import { compileMapping, isPowerOfTwo, sameMapping, type HistogramMappingSpec, type Mapping } from './mapping.js';
import { DenseStore } from './store.js';
import { ByteReader, ByteWriter, base64ToBytes, bytesToBase64 } from './codec.js';

/** What to do when a store would exceed `maxBuckets` consecutive buckets. */
export type HistogramOverflowRule = 'collapseLowest' | 'downscale';

/**
 * Options of `new LogHistogram(options)`. Give at most one of `relativeAccuracy`, `scale`, `bounds`,
 * `mapping`; with none, the γ-mapping with 1% relative accuracy is used.
 */
export interface LogHistogramOptions {
  /** γ-mapping (DDSketch) with this relative accuracy a ∈ (0, 1): γ = (1 + a)/(1 − a). Default 0.01. */
  relativeAccuracy?: number;
  /** Exponential mapping (OTel scale / Prometheus schema): base = 2^(2^−scale), integer in [−10, 20]. */
  scale?: number;
  /** Explicit upper bounds (classic `le` buckets without +Inf), strictly increasing and finite. */
  bounds?: ArrayLike<number>;
  /** A mapping spec as written by `toJSON().mapping`. */
  mapping?: HistogramMappingSpec;
  /** Maximum number of consecutive buckets per store (positive, negative). Default 2048, minimum 16. */
  maxBuckets?: number;
  /** Values with |v| ≤ zeroThreshold are counted in the zero bucket. Default 0 (must be 0 for explicit bounds). */
  zeroThreshold?: number;
  /** Overflow rule; default `'collapseLowest'` for γ-mappings, `'downscale'` for exponential ones. */
  overflow?: HistogramOverflowRule;
}

/** The plain-JSON state of a {@link LogHistogram}; `LogHistogram.fromJSON(h.toJSON())` restores it exactly. */
export interface LogHistogramJSON {
  type: 'LogHistogram';
  version: 1;
  mapping: HistogramMappingSpec;
  maxBuckets: number;
  overflow: HistogramOverflowRule;
  zeroThreshold: number;
  zeroCount: number;
  count: number;
  /** Sum of the values; null when unknown (e.g. imported without a sum). */
  sum: number | null;
  /** Smallest value; null when empty or unknown. */
  min: number | null;
  /** Largest value; null when empty or unknown. */
  max: number | null;
  /** Positive-value buckets: `counts[k]` is the count of bucket index `offset + k`. */
  positive: { offset: number; counts: number[]; collapsedBelow?: number };
  /** Negative-value buckets, indexed by magnitude like `positive`. */
  negative: { offset: number; counts: number[]; collapsedBelow?: number };
}

/** @internal Non-empty buckets in value order (see `LogHistogram._ordered`). */
export interface OrderedBuckets {
  n: number;
  lower: Float64Array;
  upper: Float64Array;
  count: Float64Array;
  value: Float64Array;
  closedLower: Uint8Array;
}

/** One bucket in value order, as returned by {@link LogHistogram.buckets}. */
export interface HistogramBucket {
  /**
   * Lower edge (exclusive, except for the zero bucket and negative buckets, whose lower edge is
   * inclusive); null for the unbounded first bucket of explicit bounds (−∞).
   */
  lower: number | null;
  /**
   * Upper edge (inclusive, except for negative buckets, whose upper edge is exclusive); null for the
   * unbounded last bucket of explicit bounds (+∞).
   */
  upper: number | null;
  count: number;
}

/** Description of a histogram's resolution, as carried in test results. */
export interface HistogramInfo {
  mapping: HistogramMappingSpec;
  /** Relative accuracy of bucket representatives (null for explicit bounds). */
  relativeAccuracy: number | null;
  zeroThreshold: number;
  /** Number of non-empty buckets (zero bucket included). */
  buckets: number;
  /** True when the collapsing rule has merged low-magnitude buckets. */
  collapsed: boolean;
}

export const DEFAULT_RELATIVE_ACCURACY = 0.01;
export const DEFAULT_MAX_BUCKETS = 2048;
const MIN_MAX_BUCKETS = 16;
const MAGIC0 = 0x4c; // 'L'
const MAGIC1 = 0x48; // 'H'
const BINARY_VERSION = 1;

function invalid(message: string, path: string): CanaryJudgeError {
  return new CanaryJudgeError('INVALID_ARGUMENT', message, path);
}

function checkCount(c: number, path: string): void {
  if (typeof c !== 'number' || !(c >= 0) || c === Infinity) {
    throw new CanaryJudgeError('INVALID_COUNT', `${path} must be a finite number ≥ 0, got ${String(c)}`, path);
  }
}

/**
 * A mergeable log-bucket histogram (relative-accuracy quantiles, exact merges, Mann–Whitney-ready).
 *
 * Follows DDSketch (Masson, Rim & Lee, VLDB 2019) for the γ-mapping and quantile estimate, and the
 * OpenTelemetry exponential histogram data model / Prometheus native histogram spec for the exponential
 * mapping, zero bucket and downscaling. Streaming state: `toJSON()`/`fromJSON()` and a compact binary form.
 *
 * `count`, `sum`, `min`, `max`, `zeroCount`, `zeroThreshold` are read-only properties.
 * @example
 * ```ts
 * const h = new LogHistogram();            // γ-mapping, 1% relative accuracy
 * h.addAll(new Float64Array([12, 15, 9, 230, 14]));
 * h.count;                                  // 5
 * h.quantile(0.5);                          // ≈ 14 (within 1%)
 * const other = new LogHistogram(); other.add(11);
 * h.merge(other);                           // in place; other unchanged
 * LogHistogram.fromJSON(h.toJSON()).count;  // 6
 * ```
 */
export class LogHistogram {
  /** @internal */ _map: Mapping;
  /** @internal */ _pos: DenseStore;
  /** @internal */ _neg: DenseStore;
  /** @internal */ _zero: number;
  /** @internal */ _zt: number;
  /** @internal */ _count: number;
  /** @internal */ _sum: number;
  /** @internal */ _hasSum: boolean;
  /** @internal */ _min: number;
  /** @internal */ _max: number;
  /** @internal */ _hasExtremes: boolean;
  /** @internal */ _maxBuckets: number;
  /** @internal */ _overflow: HistogramOverflowRule;

  constructor(options: LogHistogramOptions = {}) {
    if (options === null || typeof options !== 'object') throw invalid('options must be an object', 'options');
    const given = ['relativeAccuracy', 'scale', 'bounds', 'mapping'].filter(
      (k) => (options as Record<string, unknown>)[k] !== undefined,
    );
    if (given.length > 1) {
      throw invalid(`give only one of relativeAccuracy, scale, bounds, mapping (got ${given.join(', ')})`, `options.${given[1]}`);
    }
    let spec: HistogramMappingSpec;
    if (options.mapping !== undefined) spec = options.mapping;
    else if (options.scale !== undefined) spec = { kind: 'exponential', scale: options.scale };
    else if (options.bounds !== undefined) spec = { kind: 'explicit', bounds: Array.from(options.bounds) };
    else spec = { kind: 'gamma', relativeAccuracy: options.relativeAccuracy ?? DEFAULT_RELATIVE_ACCURACY };
    this._map = compileMapping(spec, options.mapping !== undefined ? 'options.mapping' : 'options');

    const mb = options.maxBuckets ?? DEFAULT_MAX_BUCKETS;
    if (typeof mb !== 'number' || !Number.isInteger(mb) || mb < MIN_MAX_BUCKETS) {
      throw invalid(`options.maxBuckets must be an integer ≥ ${MIN_MAX_BUCKETS}, got ${String(mb)}`, 'options.maxBuckets');
    }
    this._maxBuckets = mb;

    const zt = options.zeroThreshold ?? 0;
    if (typeof zt !== 'number' || !(zt >= 0) || zt === Infinity) {
      throw invalid(`options.zeroThreshold must be a finite number ≥ 0, got ${String(zt)}`, 'options.zeroThreshold');
    }
    if (spec.kind === 'explicit' && zt !== 0) {
      throw invalid('options.zeroThreshold must be 0 with explicit bounds (they have no zero bucket)', 'options.zeroThreshold');
    }
    this._zt = zt;

    const ov = options.overflow ?? (spec.kind === 'exponential' ? 'downscale' : 'collapseLowest');
    if (ov !== 'collapseLowest' && ov !== 'downscale') {
      throw invalid(`options.overflow must be 'collapseLowest' or 'downscale', got ${String(ov)}`, 'options.overflow');
    }
    if (ov === 'downscale' && spec.kind !== 'exponential') {
      throw invalid("options.overflow 'downscale' needs an exponential mapping (options.scale)", 'options.overflow');
    }
    this._overflow = ov;

    this._pos = new DenseStore();
    this._neg = new DenseStore();
    this._zero = 0;
    this._count = 0;
    this._sum = 0;
    this._hasSum = true;
    this._min = Infinity;
    this._max = -Infinity;
    this._hasExtremes = true;
  }

  // ---------------------------------------------------------------- read-only properties

  /** Total number of values (sum of all bucket counts). */
  get count(): number {
    return this._count;
  }
  /** Sum of the values, or null when unknown (imported without a sum). 0 when empty. */
  get sum(): number | null {
    return this._hasSum ? this._sum : null;
  }
  /** Smallest value, or null when empty or unknown. */
  get min(): number | null {
    return this._hasExtremes && this._count > 0 ? this._min : null;
  }
  /** Largest value, or null when empty or unknown. */
  get max(): number | null {
    return this._hasExtremes && this._count > 0 ? this._max : null;
  }
  /** Mean (sum / count), or null when empty or the sum is unknown. */
  get mean(): number | null {
    return this._hasSum && this._count > 0 ? this._sum / this._count : null;
  }
  /** Count in the zero bucket [−zeroThreshold, zeroThreshold]. */
  get zeroCount(): number {
    return this._zero;
  }
  /** Half-width of the zero bucket. */
  get zeroThreshold(): number {
    return this._zt;
  }
  /** A copy of the mapping spec (kind and parameter). */
  get mapping(): HistogramMappingSpec {
    const s = this._map.spec;
    return s.kind === 'explicit' ? { kind: 'explicit', bounds: s.bounds.slice() } : { ...s };
  }
  /** Relative accuracy of quantile estimates (null for explicit bounds). */
  get relativeAccuracy(): number | null {
    return this._map.relativeAccuracy;
  }
  /** The per-store bucket cap. */
  get maxBuckets(): number {
    return this._maxBuckets;
  }
  /** The overflow rule. */
  get overflow(): HistogramOverflowRule {
    return this._overflow;
  }

  /** Resolution summary (mapping, accuracy, non-empty buckets, whether collapsing happened). */
  info(): HistogramInfo {
    return {
      mapping: this.mapping,
      relativeAccuracy: this._map.relativeAccuracy,
      zeroThreshold: this._zt,
      buckets: this._pos.nonEmptyBuckets() + this._neg.nonEmptyBuckets() + (this._zero > 0 ? 1 : 0),
      collapsed: this._pos.collapsedBelow !== null || this._neg.collapsedBelow !== null,
    };
  }

  /** Approximate memory held, in bytes: the two typed arrays plus a fixed object overhead. */
  byteLength(): number {
    return this._pos.byteLength() + this._neg.byteLength() + 256;
  }

  // ---------------------------------------------------------------- ingestion

  /**
   * Adds one value `count` times (default once). `count` may be fractional (weighted / float
   * histograms) but must be finite and ≥ 0. Throws `NAN_IN_SAMPLE` / `INFINITE_IN_SAMPLE` for a
   * non-finite value.
   */
  add(value: number, count = 1): this {
    if (typeof value !== 'number' || Number.isNaN(value)) {
      throw new CanaryJudgeError('NAN_IN_SAMPLE', `value is ${String(value)}: histograms take finite numbers`, 'value');
    }
    if (value === Infinity || value === -Infinity) {
      throw new CanaryJudgeError('INFINITE_IN_SAMPLE', `value is ${value}: histograms take finite numbers`, 'value');
    }
    checkCount(count, 'count');
    if (count === 0) return this;
    this._addCounted(value, count);
    this._count += count;
    this._sum += value * count;
    if (value < this._min) this._min = value;
    if (value > this._max) this._max = value;
    return this;
  }

  /** @internal Buckets one finite value (no count/sum/min/max bookkeeping). */
  _addCounted(value: number, count: number): void {
    const map = this._map;
    if (map.spec.kind === 'explicit') {
      this._storeAdd(this._pos, map.index(value), count);
    } else if (value > this._zt) {
      this._storeAdd(this._pos, map.index(value), count);
    } else if (value < -this._zt) {
      this._storeAdd(this._neg, map.index(-value), count);
    } else {
      this._zero += count;
    }
  }

  /** @internal Adds `count` at index `idx` of `store`, handling growth, collapse and downscale. */
  _storeAdd(store: DenseStore, idx: number, count: number): void {
    const k = idx - store.offset;
    if (k >= 0 && k < store.counts.length) {
      store.counts[k] += count;
      return;
    }
    this._slowAdd(store, idx, count);
  }

  /** @internal Slow path of `_storeAdd`: returns nothing; may replace store arrays or the mapping. */
  _slowAdd(store: DenseStore, idx: number, count: number): void {
    if (this._map.spec.kind === 'explicit') {
      store.ensure(idx, idx, Number.MAX_SAFE_INTEGER);
      store.counts[idx - store.offset] += count;
      return;
    }
    if (store.collapsedBelow !== null && idx < store.collapsedBelow) idx = store.collapsedBelow;
    const mn = store.minIndex();
    const mx = store.maxIndex();
    const lo = mn === null ? idx : Math.min(mn, idx);
    const hi = mx === null ? idx : Math.max(mx, idx);
    const B = this._maxBuckets;
    if (hi - lo + 1 <= B) {
      store.ensure(idx, idx, B);
      store.counts[idx - store.offset] += count;
      return;
    }
    if (this._overflow === 'collapseLowest') {
      const L = store.collapseLowest(hi, B);
      if (idx < L) idx = L;
      store.ensure(idx, idx, B);
      store.counts[idx - store.offset] += count;
      return;
    }
    // downscale: the finest coarser scale at which both stores (this one with idx) fit, the zero
    // bucket's absorption included (as in merge).
    const scale = (this._map.spec as { scale: number }).scale;
    const side = store === this._pos ? 0 : 1;
    const stores: Array<[DenseStore, number]> = [
      [this._pos, scale],
      [this._pos, scale],
      [this._neg, scale],
      [this._neg, scale],
    ];
    let s = scale - 1;
    while (!fitsAtScale(stores, s, this._zt, B, { side, index: idx, scale })) s--;
    this._downscaleBy(scale - s);
    this._widenZero(this._zt);
    const j = Math.floor(idx / Math.pow(2, scale - s));
    if (j < zeroLimit(this._map, this._zt)) this._zero += count;
    else this._storeAdd(store, j, count);
  }

  /**
   * Adds every value of `values` (typed-array fast path: pass a `Float64Array`). The input is scanned
   * once for NaN/±Infinity first, so on error nothing has been added. Returns `this`.
   */
  addAll(values: ArrayLike<number>): this {
    const n = values.length;
    if (n === 0) return this;
    const a = values instanceof Float64Array ? values : Float64Array.from(values as ArrayLike<number>);
    // validation + min/max/sum pass
    let min = this._min;
    let max = this._max;
    let sum = 0;
    for (let i = 0; i < n; i++) {
      const v = a[i];
      if (v - v !== 0) {
        const isNaN = v !== v;
        throw new CanaryJudgeError(
          isNaN ? 'NAN_IN_SAMPLE' : 'INFINITE_IN_SAMPLE',
          `values[${i}] is ${isNaN ? 'NaN' : v}: histograms take finite numbers`,
          `values[${i}]`,
        );
      }
      sum += v;
      if (v < min) min = v;
      if (v > max) max = v;
    }
    const kind = this._map.spec.kind;
    if (kind === 'explicit') {
      const map = this._map;
      for (let i = 0; i < n; i++) this._storeAdd(this._pos, map.index(a[i]), 1);
    } else if (kind === 'gamma' || (this._map.spec as { scale: number }).scale > 0) {
      this._ingestLog(a);
    } else {
      this._ingestGeneric(a, 0);
    }
    this._count += n;
    this._sum += sum;
    this._min = min;
    this._max = max;
    return this;
  }

  /**
   * @internal Hot loop for γ-mappings and exponential mappings of positive scale (Math.log based): runs
   * the monomorphic fast loop until a value needs the slow path (store growth, collapse, downscale),
   * handles that one value, and resumes with fresh locals.
   */
  _ingestLog(a: Float64Array): void {
    const n = a.length;
    const acc = { zero: 0 };
    let i = 0;
    while (i < n) {
      const spec = this._map.spec;
      const pos = this._pos;
      const neg = this._neg;
      if (spec.kind === 'gamma') {
        const ra = spec.relativeAccuracy;
        const factor = 1 / Math.log1p((2 * ra) / (1 - ra));
        i = runGamma(a, i, factor, this._zt, pos.counts, pos.offset, neg.counts, neg.offset, acc);
      } else if (spec.kind === 'exponential' && spec.scale > 0) {
        const factor = Math.pow(2, spec.scale) / Math.LN2;
        i = runExponential(a, i, factor, this._zt, pos.counts, pos.offset, neg.counts, neg.offset, acc);
      } else {
        this._ingestGeneric(a, i);
        break;
      }
      if (i < n) this._addCounted(a[i++], 1); // the value that needed the slow path
    }
    this._zero += acc.zero;
  }

  /** @internal Generic loop (exponential scale ≤ 0 via exponent bits), from index `start`. */
  _ingestGeneric(a: Float64Array, start: number): void {
    for (let i = start; i < a.length; i++) this._addCounted(a[i], 1);
  }

  // ---------------------------------------------------------------- scale changes, zero bucket

  /** @internal Downscale an exponential histogram by k ≥ 1 steps (no zero-bucket widening). */
  _downscaleBy(k: number): void {
    if (k <= 0) return;
    const spec = this._map.spec;
    if (spec.kind !== 'exponential') throw new Error('internal: downscale of a non-exponential histogram');
    const target = spec.scale - k;
    this._map = compileMapping({ kind: 'exponential', scale: target });
    this._pos.shiftDown(k);
    this._neg.shiftDown(k);
    this._pos.fit(this._maxBuckets);
    this._neg.fit(this._maxBuckets);
  }

  /**
   * Lowers the resolution of an exponential histogram to `scale` (≤ the current scale): neighbouring
   * buckets merge, exactly as OpenTelemetry and Prometheus downscale. In place; returns `this`.
   */
  downscale(scale: number): this {
    const spec = this._map.spec;
    if (spec.kind !== 'exponential') {
      throw new CanaryJudgeError('SKETCH_MAPPING_MISMATCH', 'downscale needs an exponential (scale) mapping', 'scale');
    }
    if (!Number.isInteger(scale) || scale > spec.scale || scale < -10) {
      throw invalid(`scale must be an integer in [-10, ${spec.scale}], got ${String(scale)}`, 'scale');
    }
    if (scale < spec.scale) {
      this._downscaleBy(spec.scale - scale);
      this._widenZero(this._zt);
    }
    return this;
  }

  /**
   * @internal Zero-bucket widening (the Prometheus merge rule, made order-independent): the threshold
   * becomes max(current, t) rounded up to the next bucket edge of the current grid, and every bucket
   * below that edge moves into the zero bucket. Rounding up whether or not the bucket cut by the
   * threshold is populated (Prometheus rounds only when it is) makes the result a function of the final
   * grid and the largest threshold alone, so merges stay associative. No-op for explicit mappings.
   */
  _widenZero(t: number): void {
    if (this._map.spec.kind === 'explicit') return;
    const target = Math.max(this._zt, t);
    if (!(target > 0)) return;
    const map = this._map;
    const limit = zeroLimit(map, target);
    const edge = map.lower(limit);
    this._zt = Number.isFinite(edge) ? edge : Number.MAX_VALUE;
    for (const store of [this._pos, this._neg]) {
      const { count } = store.takeBelow(limit);
      this._zero += count;
    }
  }

  // ---------------------------------------------------------------- merge

  /**
   * Merges `other` into this histogram (in place; `other` is not modified). Exact for counts; see the
   * module notes for mapping rules. Throws `SKETCH_MAPPING_MISMATCH` when the grids cannot meet.
   */
  merge(other: LogHistogram): this {
    if (!(other instanceof LogHistogram)) throw invalid('other must be a LogHistogram', 'other');
    const a = this._map.spec;
    const b = other._map.spec;
    if (a.kind !== b.kind || (a.kind === 'gamma' && a.relativeAccuracy !== (b as typeof a).relativeAccuracy)) {
      throw new CanaryJudgeError(
        'SKETCH_MAPPING_MISMATCH',
        `cannot merge a ${describe(b)} histogram into a ${describe(a)} one without loss; convert one with rebucketHistogram() first`,
        'other.mapping',
      );
    }
    if (this._overflow !== other._overflow) {
      throw new CanaryJudgeError(
        'SKETCH_OPTIONS_MISMATCH',
        `cannot merge histograms with different overflow rules (${this._overflow} vs ${other._overflow})`,
        'other.overflow',
      );
    }
    if (other === this) other = this.clone();
    if (a.kind === 'explicit') {
      this._mergeExplicit(other);
    } else {
      this._mergeLog(other);
    }
    // bookkeeping
    if (other._count > 0) {
      if (this._count === 0) {
        this._hasExtremes = other._hasExtremes;
        this._min = other._min;
        this._max = other._max;
      } else {
        this._hasExtremes = this._hasExtremes && other._hasExtremes;
        if (other._min < this._min) this._min = other._min;
        if (other._max > this._max) this._max = other._max;
      }
    }
    this._hasSum = this._hasSum && other._hasSum;
    this._sum += other._sum;
    this._count += other._count;
    return this;
  }

  /** @internal */
  _mergeLog(other: LogHistogram): void {
    const B = Math.min(this._maxBuckets, other._maxBuckets);
    this._maxBuckets = B;
    const t = Math.max(this._zt, other._zt);
    const thresholdsDiffer = this._zt !== other._zt;
    let shiftOther = 0;
    let widen = thresholdsDiffer;
    if (this._map.spec.kind === 'exponential') {
      const sa = this._map.spec.scale;
      const sb = (other._map.spec as { scale: number }).scale;
      const s0 = Math.min(sa, sb);
      const w0 = thresholdsDiffer || sa !== sb;
      let s = s0;
      if (this._overflow === 'downscale') {
        // The scale is a function of the union alone (what makes merging associative): the finest scale
        // ≤ s0 at which the buckets that survive the zero bucket fit in B consecutive indices.
        const stores: Array<[DenseStore, number]> = [
          [this._pos, sa],
          [other._pos, sb],
          [this._neg, sa],
          [other._neg, sb],
        ];
        if (!fitsAtScale(stores, s0, w0 ? t : 0, B)) {
          s = s0 - 1;
          while (!fitsAtScale(stores, s, t, B)) s--;
        }
      }
      widen = w0 || s < s0;
      if (sa > s) this._downscaleBy(sa - s);
      shiftOther = sb - s;
    }
    const d = Math.pow(2, shiftOther);
    // The zero bucket first (the Prometheus rule, order-independent form): what falls below the widened
    // threshold goes to the zero bucket before any range or collapse decision.
    const map = this._map;
    const limit = widen ? zeroLimit(map, t) : -Infinity;
    if (widen) this._widenZero(t);
    for (const [mine, theirs] of [
      [this._pos, other._pos],
      [this._neg, other._neg],
    ] as const) {
      // populated range of the union that survives the zero bucket
      let lo = Infinity;
      let hi = -Infinity;
      const mlo = mine.minIndex();
      const mhi = mine.maxIndex();
      if (mlo !== null && mhi !== null) {
        lo = mlo;
        hi = mhi;
      }
      const tc = theirs.counts;
      const to = theirs.offset;
      for (let k = 0; k < tc.length; k++) {
        if (tc[k] > 0) {
          const j = Math.floor((to + k) / d);
          if (j >= limit) {
            if (j < lo) lo = j;
            break;
          }
        }
      }
      const thi = theirs.maxIndex();
      if (thi !== null && Math.floor(thi / d) >= limit) hi = Math.max(hi, Math.floor(thi / d));
      // collapse markers: the larger wins; the collapsing rule when the union is too wide
      let marker = mine.collapsedBelow;
      if (theirs.collapsedBelow !== null) {
        const m = Math.floor(theirs.collapsedBelow / d);
        if (marker === null || m > marker) marker = m;
      }
      if (hi !== -Infinity) {
        if (marker !== null && lo < marker) lo = Math.min(marker, hi);
        if (hi - lo + 1 > B) {
          const L = hi - B + 1;
          if (marker === null || L > marker) marker = L;
          lo = marker;
        }
      }
      if (marker !== null) clampStore(mine, marker, B);
      if (hi === -Infinity) {
        // nothing of theirs survives: only the zero bucket receives their counts
        for (let k = 0; k < tc.length; k++) this._zero += tc[k];
        continue;
      }
      mine.ensure(lo, hi, B);
      for (let k = 0; k < tc.length; k++) {
        const v = tc[k];
        if (v === 0) continue;
        let j = Math.floor((to + k) / d);
        if (j < limit) {
          this._zero += v;
          continue;
        }
        if (marker !== null && j < marker) j = marker;
        mine.counts[j - mine.offset] += v;
      }
      mine.fit(B);
    }
    this._zero += other._zero;
  }

  /** @internal Explicit bounds: meet on the shared bounds. */
  _mergeExplicit(other: LogHistogram): void {
    const ba = (this._map.spec as { bounds: number[] }).bounds;
    const bb = (other._map.spec as { bounds: number[] }).bounds;
    if (sameMapping(this._map.spec, other._map.spec)) {
      addStore(this._pos, other._pos, (i) => i);
      return;
    }
    const setB = new Set(bb);
    const common = ba.filter((x) => setB.has(x));
    if (common.length === 0) {
      throw new CanaryJudgeError(
        'SKETCH_MAPPING_MISMATCH',
        'explicit-bounds histograms share no bucket boundary; they cannot be merged',
        'other.mapping.bounds',
      );
    }
    const remap = (bounds: number[]) => (i: number) => {
      if (i >= bounds.length) return common.length;
      const up = bounds[i];
      // first common bound ≥ up
      let lo = 0;
      let hi = common.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (common[mid] >= up) hi = mid;
        else lo = mid + 1;
      }
      return lo;
    };
    const mine = new DenseStore();
    addStore(mine, this._pos, remap(ba));
    addStore(mine, other._pos, remap(bb));
    this._pos = mine;
    this._map = compileMapping({ kind: 'explicit', bounds: common });
  }

  // ---------------------------------------------------------------- queries

  /**
   * The q-quantile estimate, or null when empty.
   *
   * γ / exponential mappings (DDSketch): the bucket holding the order statistic of 0-based rank
   * ⌊q(n − 1)⌋ of the sorted values; its representative value is returned, clamped to [min, max] when
   * known (q = 0 and q = 1 return the exact min and max when known). It is within relative error
   * `relativeAccuracy` of that order statistic for normal (non-subnormal) doubles; values in the zero
   * bucket are reported as 0, an absolute error ≤ zeroThreshold. Collapsed buckets (see the overflow
   * rule) lose the guarantee for the quantiles that fall in them.
   *
   * Explicit bounds: Prometheus `histogram_quantile` (linear interpolation inside the bucket at rank qn;
   * the first bucket starts at 0 when its upper bound is positive; the +Inf bucket returns the largest
   * finite bound) — no relative-error guarantee.
   */
  quantile(q: number): number | null {
    if (typeof q !== 'number' || !(q >= 0 && q <= 1)) throw invalid(`q must be a number in [0, 1], got ${String(q)}`, 'q');
    if (this._count === 0) return null;
    if (this._hasExtremes && (q === 0 || q === 1)) return q === 0 ? this._min : this._max;
    let r: number;
    if (this._map.spec.kind === 'explicit') r = this._explicitQuantile(q);
    else {
      const loc = this._locateRank(Math.floor(q * (this._count - 1)));
      r = loc.value;
    }
    if (this._hasExtremes) {
      if (r < this._min) r = this._min;
      if (r > this._max) r = this._max;
    }
    return r;
  }

  /**
   * Bounds on the sample quantile of 0-based rank ⌊q(n − 1)⌋: the edges of the bucket that holds it
   * (clamped to [min, max] when known), plus the point estimate of {@link quantile}. Null when empty.
   * For the first/last explicit bucket an edge is null (unbounded) unless min/max are known.
   */
  quantileBounds(q: number): { estimate: number; lower: number | null; upper: number | null } | null {
    if (typeof q !== 'number' || !(q >= 0 && q <= 1)) throw invalid(`q must be a number in [0, 1], got ${String(q)}`, 'q');
    if (this._count === 0) return null;
    if (this._hasExtremes && (q === 0 || q === 1)) {
      const v = q === 0 ? this._min : this._max;
      return { estimate: v, lower: v, upper: v };
    }
    const loc = this._locateRank(Math.floor(q * (this._count - 1)));
    let lo = loc.lower;
    let hi = loc.upper;
    if (this._hasExtremes) {
      lo = Math.max(lo, this._min);
      hi = Math.min(hi, this._max);
    }
    const est = this.quantile(q) as number;
    return { estimate: est, lower: Number.isFinite(lo) ? lo : null, upper: Number.isFinite(hi) ? hi : null };
  }

  /**
   * Bounds on the number of values ≤ t: `lower` counts the buckets lying entirely at or below t, `upper`
   * adds the bucket that straddles t (when min/max are known they settle the extremes). The input of
   * threshold-count tests (e.g. the sequential quantile test: "how many canary values exceed the
   * baseline p99?").
   */
  countAtMost(t: number): { lower: number; upper: number } {
    if (typeof t !== 'number' || Number.isNaN(t)) throw invalid('t must be a number', 't');
    if (this._count === 0) return { lower: 0, upper: 0 };
    if (this._hasExtremes) {
      if (t >= this._max) return { lower: this._count, upper: this._count };
      if (t < this._min) return { lower: 0, upper: 0 };
    }
    const o = this._ordered();
    let lower = 0;
    let upper = 0;
    for (let k = 0; k < o.n; k++) {
      if (o.upper[k] <= t) lower += o.count[k];
      if (o.lower[k] < t || (o.closedLower[k] === 1 && o.lower[k] === t)) upper += o.count[k];
    }
    return { lower, upper };
  }

  /** Every non-empty bucket in increasing value order (edges in value space). */
  buckets(): HistogramBucket[] {
    const o = this._ordered();
    const out: HistogramBucket[] = [];
    const fin = (v: number) => (Number.isFinite(v) ? v : null);
    for (let k = 0; k < o.n; k++) out.push({ lower: fin(o.lower[k]), upper: fin(o.upper[k]), count: o.count[k] });
    return out;
  }

  /**
   * @internal The non-empty buckets in increasing value order: value-space edges, counts,
   * representatives, and whether the lower edge is inclusive (negative and zero buckets).
   */
  _ordered(): OrderedBuckets {
    const map = this._map;
    const cap = this._pos.counts.length + this._neg.counts.length + 1;
    const lower = new Float64Array(cap);
    const upper = new Float64Array(cap);
    const count = new Float64Array(cap);
    const value = new Float64Array(cap);
    const closedLower = new Uint8Array(cap);
    let n = 0;
    if (map.spec.kind !== 'explicit') {
      const nc = this._neg.counts;
      for (let k = nc.length - 1; k >= 0; k--) {
        if (nc[k] > 0) {
          const i = this._neg.offset + k;
          lower[n] = -map.upper(i);
          upper[n] = -map.lower(i);
          count[n] = nc[k];
          value[n] = -finiteRep(map.value(i), lower[n] === -Infinity ? -upper[n] : -lower[n]);
          closedLower[n] = 1;
          n++;
        }
      }
      if (this._zero > 0) {
        lower[n] = -this._zt;
        upper[n] = this._zt;
        count[n] = this._zero;
        value[n] = 0;
        closedLower[n] = 1;
        n++;
      }
    }
    const pc = this._pos.counts;
    for (let k = 0; k < pc.length; k++) {
      if (pc[k] > 0) {
        const i = this._pos.offset + k;
        lower[n] = map.lower(i);
        upper[n] = map.upper(i);
        count[n] = pc[k];
        value[n] = finiteRep(map.value(i), Number.isFinite(lower[n]) ? lower[n] : upper[n]);
        n++;
      }
    }
    return { n, lower, upper, count, value, closedLower };
  }

  /** @internal The bucket holding 0-based rank r (the last bucket if r ≥ count). */
  _locateRank(r: number): { lower: number; upper: number; value: number } {
    const o = this._ordered();
    let cum = 0;
    let k = 0;
    for (; k < o.n - 1; k++) {
      cum += o.count[k];
      if (cum > r) break;
    }
    return { lower: o.lower[k], upper: o.upper[k], value: o.value[k] };
  }

  /** @internal Prometheus histogram_quantile on explicit buckets. */
  _explicitQuantile(q: number): number {
    const map = this._map;
    const nb = (map.spec as { bounds: number[] }).bounds.length;
    const rank = q * this._count;
    const c = this._pos.counts;
    let cum = 0;
    for (let k = 0; k < c.length; k++) {
      const cnt = c[k];
      if (cnt <= 0) continue;
      const before = cum;
      cum += cnt;
      if (cum >= rank) {
        const i = this._pos.offset + k;
        if (i >= nb) return map.lower(i);
        let lo = map.lower(i);
        const hi = map.upper(i);
        if (lo === -Infinity) {
          if (hi <= 0) return hi;
          lo = 0;
        }
        return lo + ((hi - lo) * (rank - before)) / cnt;
      }
    }
    const maxI = this._pos.maxIndex() as number;
    return maxI >= nb ? map.lower(maxI) : map.upper(maxI);
  }

  // ---------------------------------------------------------------- copies and serialisation

  /** A deep copy. */
  clone(): LogHistogram {
    const h = this.cloneEmpty();
    h._pos = this._pos.clone();
    h._neg = this._neg.clone();
    h._zero = this._zero;
    h._count = this._count;
    h._sum = this._sum;
    h._hasSum = this._hasSum;
    h._min = this._min;
    h._max = this._max;
    h._hasExtremes = this._hasExtremes;
    return h;
  }

  /**
   * An empty histogram on exactly this one's grid (mapping, zero threshold, bucket cap, overflow rule and
   * collapse markers). Merging it into another histogram moves that one onto this grid.
   */
  cloneEmpty(): LogHistogram {
    const h = new LogHistogram({ mapping: this._map.spec, maxBuckets: this._maxBuckets, overflow: this._overflow });
    h._zt = this._zt;
    h._pos.collapsedBelow = this._pos.collapsedBelow;
    h._neg.collapsedBelow = this._neg.collapsedBelow;
    return h;
  }

  /** The plain-JSON state; see {@link LogHistogramJSON}. Round-trips exactly through `fromJSON`. */
  toJSON(): LogHistogramJSON {
    return {
      type: 'LogHistogram',
      version: 1,
      mapping: this.mapping,
      maxBuckets: this._maxBuckets,
      overflow: this._overflow,
      zeroThreshold: this._zt,
      zeroCount: this._zero,
      count: this._count,
      sum: this._hasSum ? this._sum : null,
      min: this.min,
      max: this.max,
      positive: storeToJSON(this._pos),
      negative: storeToJSON(this._neg),
    };
  }

  /**
   * Restores a histogram from `toJSON()` output (or hand-written JSON of that shape). Validates every
   * field; errors carry the JSON path (`CanaryJudgeError` code `INVALID_HISTOGRAM_JSON` or
   * `INVALID_COUNT`).
   */
  static fromJSON(json: LogHistogramJSON): LogHistogram {
    const bad = (msg: string, path: string) => new CanaryJudgeError('INVALID_HISTOGRAM_JSON', msg, path);
    if (json === null || typeof json !== 'object') throw bad('histogram JSON must be an object', '');
    if (json.type !== undefined && json.type !== 'LogHistogram') throw bad(`type must be 'LogHistogram'`, 'type');
    if (json.version !== undefined && json.version !== 1) throw bad(`unsupported version ${String(json.version)}`, 'version');
    compileMapping(json.mapping, 'mapping'); // validates with the JSON path of the field
    const h = new LogHistogram({
      mapping: json.mapping,
      maxBuckets: json.maxBuckets ?? DEFAULT_MAX_BUCKETS,
      overflow: json.overflow,
    });
    const zt = json.zeroThreshold ?? 0;
    if (typeof zt !== 'number' || !(zt >= 0) || zt === Infinity) throw bad('zeroThreshold must be a finite number ≥ 0', 'zeroThreshold');
    h._zt = zt;
    const zc = json.zeroCount ?? 0;
    checkCount(zc, 'zeroCount');
    h._zero = zc;
    h._pos = storeFromJSON(json.positive, 'positive');
    h._neg = storeFromJSON(json.negative, 'negative');
    if (h._map.spec.kind === 'explicit' && (h._neg.maxIndex() !== null || zc !== 0)) {
      throw bad('explicit-bounds histograms use only the positive store', h._neg.maxIndex() !== null ? 'negative' : 'zeroCount');
    }
    const total = h._pos.total() + h._neg.total() + zc;
    const count = json.count ?? total;
    checkCount(count, 'count');
    if (Math.abs(count - total) > 1e-9 * Math.max(1, total)) {
      throw new CanaryJudgeError('COUNT_MISMATCH', `count ${count} differs from the sum of the bucket counts ${total}`, 'count');
    }
    h._count = count;
    if (json.sum === null) {
      h._hasSum = false;
      h._sum = 0;
    } else {
      const s = json.sum ?? 0;
      if (typeof s !== 'number' || !Number.isFinite(s)) throw bad('sum must be a finite number or null', 'sum');
      h._sum = s;
    }
    const mn = json.min;
    const mx = json.max;
    if (count > 0 && (mn === null || mn === undefined || mx === null || mx === undefined)) {
      h._hasExtremes = false;
    } else if (count > 0) {
      if (typeof mn !== 'number' || !Number.isFinite(mn)) throw bad('min must be a finite number or null', 'min');
      if (typeof mx !== 'number' || !Number.isFinite(mx) || mx < mn) throw bad('max must be a finite number ≥ min, or null', 'max');
      h._min = mn;
      h._max = mx;
    }
    for (const [store, name] of [
      [h._pos, 'positive'],
      [h._neg, 'negative'],
    ] as const) {
      const lo = store.minIndex();
      const hi = store.maxIndex();
      if (h._map.spec.kind !== 'explicit' && lo !== null && hi !== null && hi - lo + 1 > h._maxBuckets) {
        throw bad(`${name} spans ${hi - lo + 1} buckets, more than maxBuckets = ${h._maxBuckets}`, `${name}.counts`);
      }
    }
    return h;
  }

  /**
   * Compact binary encoding (varint counts when all counts are integers, float64 otherwise; typically
   * 1–3 bytes per non-empty bucket). Round-trips exactly through {@link LogHistogram.fromBinary}.
   */
  toBinary(): Uint8Array {
    const w = new ByteWriter();
    w.u8(MAGIC0);
    w.u8(MAGIC1);
    w.u8(BINARY_VERSION);
    const spec = this._map.spec;
    w.u8(spec.kind === 'gamma' ? 0 : spec.kind === 'exponential' ? 1 : 2);
    const integer = allIntegers(this);
    let flags = 0;
    if (this._hasSum) flags |= 1;
    if (this.min !== null) flags |= 2;
    if (integer) flags |= 4;
    if (this._overflow === 'downscale') flags |= 8;
    if (this._pos.collapsedBelow !== null) flags |= 16;
    if (this._neg.collapsedBelow !== null) flags |= 32;
    w.u8(flags);
    if (spec.kind === 'gamma') w.f64(spec.relativeAccuracy);
    else if (spec.kind === 'exponential') w.svar(spec.scale);
    else {
      w.uvar(spec.bounds.length);
      for (const b of spec.bounds) w.f64(b);
    }
    w.uvar(this._maxBuckets);
    w.f64(this._zt);
    const num = (v: number) => (integer ? w.uvar(v) : w.f64(v));
    num(this._zero);
    num(this._count);
    if (this._hasSum) w.f64(this._sum);
    if (this.min !== null) {
      w.f64(this._min);
      w.f64(this._max);
    }
    for (const s of [this._pos, this._neg]) {
      const lo = s.minIndex();
      const hi = s.maxIndex();
      if (lo === null || hi === null) {
        w.svar(0);
        w.uvar(0);
      } else {
        w.svar(lo);
        w.uvar(hi - lo + 1);
        for (let i = lo; i <= hi; i++) num(s.counts[i - s.offset]);
      }
      if (s.collapsedBelow !== null) w.svar(s.collapsedBelow);
    }
    return w.bytes();
  }

  /** Decodes {@link LogHistogram.toBinary} output; throws `INVALID_ENCODING` on malformed bytes. */
  static fromBinary(bytes: Uint8Array): LogHistogram {
    if (!(bytes instanceof Uint8Array)) throw new CanaryJudgeError('INVALID_ENCODING', 'bytes must be a Uint8Array', 'bytes');
    const r = new ByteReader(bytes);
    if (r.u8() !== MAGIC0 || r.u8() !== MAGIC1) throw new CanaryJudgeError('INVALID_ENCODING', 'not a LogHistogram encoding (bad magic)', 'bytes');
    const version = r.u8();
    if (version !== BINARY_VERSION) throw new CanaryJudgeError('INVALID_ENCODING', `unsupported encoding version ${version}`, 'bytes');
    const kind = r.u8();
    const flags = r.u8();
    let mapping: HistogramMappingSpec;
    if (kind === 0) mapping = { kind: 'gamma', relativeAccuracy: r.f64() };
    else if (kind === 1) mapping = { kind: 'exponential', scale: r.svar() };
    else if (kind === 2) {
      const n = r.uvar();
      if (n > bytes.length) throw new CanaryJudgeError('INVALID_ENCODING', 'bounds length exceeds the encoding', 'bytes');
      const bounds: number[] = [];
      for (let i = 0; i < n; i++) bounds.push(r.f64());
      mapping = { kind: 'explicit', bounds };
    } else throw new CanaryJudgeError('INVALID_ENCODING', `unknown mapping kind ${kind}`, 'bytes');
    const integer = (flags & 4) !== 0;
    const num = () => (integer ? r.uvar() : r.f64());
    const json: LogHistogramJSON = {
      type: 'LogHistogram',
      version: 1,
      mapping,
      maxBuckets: r.uvar(),
      overflow: (flags & 8) !== 0 ? 'downscale' : 'collapseLowest',
      zeroThreshold: r.f64(),
      zeroCount: 0,
      count: 0,
      sum: null,
      min: null,
      max: null,
      positive: { offset: 0, counts: [] },
      negative: { offset: 0, counts: [] },
    };
    json.zeroCount = num();
    json.count = num();
    if (flags & 1) json.sum = r.f64();
    if (flags & 2) {
      json.min = r.f64();
      json.max = r.f64();
    }
    for (const [name, bit] of [
      ['positive', 16],
      ['negative', 32],
    ] as const) {
      const offset = r.svar();
      const len = r.uvar();
      if (len > bytes.length) throw new CanaryJudgeError('INVALID_ENCODING', `${name} length exceeds the encoding`, 'bytes');
      const counts: number[] = new Array(len);
      for (let i = 0; i < len; i++) counts[i] = num();
      const st: LogHistogramJSON['positive'] = { offset, counts };
      if (flags & bit) st.collapsedBelow = r.svar();
      json[name] = st;
    }
    if (!r.done()) throw new CanaryJudgeError('INVALID_ENCODING', 'trailing bytes after the histogram', 'bytes');
    return LogHistogram.fromJSON(json);
  }

  /** Base64 (RFC 4648) of {@link LogHistogram.toBinary}: a compact string for JSON payloads and URLs. */
  toBase64(): string {
    return bytesToBase64(this.toBinary());
  }

  /** Decodes {@link LogHistogram.toBase64} output. */
  static fromBase64(text: string): LogHistogram {
    return LogHistogram.fromBinary(base64ToBytes(text));
  }
}

/**
 * The fast loop of `addAll` for γ-mappings: from index i, buckets values while they land inside the
 * allocated stores; returns the index of the first value that does not (or a.length).
 */
function runGamma(
  a: Float64Array, i: number, factor: number, zt: number,
  pc: Float64Array, po: number, nc: Float64Array, no: number, acc: { zero: number },
): number {
  const n = a.length;
  const pn = pc.length;
  const nn = nc.length;
  const nzt = -zt;
  let zero = 0;
  for (; i < n; i++) {
    const v = a[i];
    if (v > zt) {
      const k = Math.ceil(Math.log(v) * factor) - 1 - po;
      if (k >= 0 && k < pn) pc[k]++;
      else break;
    } else if (v < nzt) {
      const k = Math.ceil(Math.log(-v) * factor) - 1 - no;
      if (k >= 0 && k < nn) nc[k]++;
      else break;
    } else zero++;
  }
  acc.zero += zero;
  return i;
}

/** The fast loop for exponential mappings of positive scale (exact at powers of two). See runGamma. */
function runExponential(
  a: Float64Array, i: number, factor: number, zt: number,
  pc: Float64Array, po: number, nc: Float64Array, no: number, acc: { zero: number },
): number {
  const n = a.length;
  const pn = pc.length;
  const nn = nc.length;
  const nzt = -zt;
  let zero = 0;
  for (; i < n; i++) {
    const v = a[i];
    if (v > zt) {
      const x = Math.log(v) * factor;
      const c = Math.ceil(x);
      // an exact power of two is the upper edge of its bucket; log() may land a hair above the integer
      const k = (c - x > 0.999999 && isPowerOfTwo(v) ? c - 2 : c - 1) - po;
      if (k >= 0 && k < pn) pc[k]++;
      else break;
    } else if (v < nzt) {
      const x = Math.log(-v) * factor;
      const c = Math.ceil(x);
      const k = (c - x > 0.999999 && isPowerOfTwo(-v) ? c - 2 : c - 1) - no;
      if (k >= 0 && k < nn) nc[k]++;
      else break;
    } else zero++;
  }
  acc.zero += zero;
  return i;
}

/** A representative that is a finite number (edge buckets near ±MAX_VALUE or explicit ends). */
function finiteRep(v: number, fallback: number): number {
  if (Number.isFinite(v)) return v;
  return Number.isFinite(fallback) ? fallback : Number.MAX_VALUE;
}

function describe(s: HistogramMappingSpec): string {
  if (s.kind === 'gamma') return `γ-mapped (relative accuracy ${s.relativeAccuracy})`;
  if (s.kind === 'exponential') return `exponential (scale ${s.scale})`;
  return `explicit-bounds (${s.bounds.length} bounds)`;
}

/**
 * Smallest index whose bucket lies entirely above the zero bucket [−t, t] (lower edge ≥ t), computed
 * with the mapping's own edge function so that edges compare exactly. −Infinity when t = 0.
 */
function zeroLimit(map: Mapping, t: number): number {
  if (!(t > 0)) return -Infinity;
  let limit = map.index(t) + 1;
  while (map.lower(limit - 1) >= t) limit--;
  while (map.lower(limit) < t) limit++;
  return limit;
}

/**
 * Whether the populated buckets of the given stores (each at its own scale), moved to `scale` and
 * without those the zero bucket [−t, t] absorbs, fit in B consecutive indices per sign. Stores come in
 * pairs of the same sign: [pos, pos, neg, neg].
 */
function fitsAtScale(
  stores: Array<[DenseStore, number]>,
  scale: number,
  t: number,
  B: number,
  extra?: { side: number; index: number; scale: number },
): boolean {
  const limit = zeroLimit(compileMapping({ kind: 'exponential', scale }), t);
  for (let side = 0; side < 2; side++) {
    let lo = Infinity;
    let hi = -Infinity;
    if (extra && extra.side === side) {
      const j = Math.floor(extra.index / Math.pow(2, extra.scale - scale));
      if (j >= limit) lo = hi = j;
    }
    for (const [s, sc] of stores.slice(side * 2, side * 2 + 2)) {
      const d = Math.pow(2, sc - scale);
      const c = s.counts;
      for (let k = 0; k < c.length; k++) {
        if (c[k] > 0) {
          const j = Math.floor((s.offset + k) / d);
          if (j >= limit) {
            if (j < lo) lo = j;
            break;
          }
        }
      }
      const mx = s.maxIndex();
      if (mx !== null) {
        const j = Math.floor(mx / d);
        if (j >= limit && j > hi) hi = j;
      }
    }
    if (hi !== -Infinity && hi - lo + 1 > B) return false;
  }
  return true;
}

/** Moves every count below `marker` into `marker` and records the marker. */
function clampStore(s: DenseStore, marker: number, B: number): void {
  const mx = s.maxIndex();
  s.collapsedBelow = marker;
  if (mx === null) return;
  let moved = 0;
  const c = s.counts;
  for (let k = 0; k < c.length; k++) {
    const i = s.offset + k;
    if (i >= marker) break;
    moved += c[k];
    c[k] = 0;
  }
  if (moved > 0) {
    s.ensure(marker, Math.max(marker, mx), Math.max(B, mx - marker + 1));
    s.counts[marker - s.offset] += moved;
  }
}

function addStore(target: DenseStore, src: DenseStore, remap: (i: number) => number): void {
  const lo = src.minIndex();
  const hi = src.maxIndex();
  if (lo === null || hi === null) return;
  const a = remap(lo);
  const b = remap(hi);
  target.ensure(a, b, Number.MAX_SAFE_INTEGER);
  for (let i = lo; i <= hi; i++) {
    const v = src.counts[i - src.offset];
    if (v !== 0) target.counts[remap(i) - target.offset] += v;
  }
}

function storeToJSON(s: DenseStore): LogHistogramJSON['positive'] {
  const lo = s.minIndex();
  const hi = s.maxIndex();
  const out: LogHistogramJSON['positive'] =
    lo === null || hi === null
      ? { offset: 0, counts: [] }
      : { offset: lo, counts: Array.from(s.counts.subarray(lo - s.offset, hi - s.offset + 1)) };
  if (s.collapsedBelow !== null) out.collapsedBelow = s.collapsedBelow;
  return out;
}

function storeFromJSON(j: LogHistogramJSON['positive'] | undefined, path: string): DenseStore {
  const s = new DenseStore();
  if (j === undefined) return s;
  if (j === null || typeof j !== 'object') throw new CanaryJudgeError('INVALID_HISTOGRAM_JSON', `${path} must be an object`, path);
  const { offset, counts } = j;
  if (typeof offset !== 'number' || !Number.isInteger(offset)) {
    throw new CanaryJudgeError('INVALID_HISTOGRAM_JSON', `${path}.offset must be an integer`, `${path}.offset`);
  }
  if (!Array.isArray(counts)) throw new CanaryJudgeError('INVALID_HISTOGRAM_JSON', `${path}.counts must be an array`, `${path}.counts`);
  for (let i = 0; i < counts.length; i++) checkCount(counts[i], `${path}.counts[${i}]`);
  if (counts.length > 0) {
    s.counts = Float64Array.from(counts);
    s.offset = offset;
  }
  if (j.collapsedBelow !== undefined) {
    if (typeof j.collapsedBelow !== 'number' || !Number.isInteger(j.collapsedBelow)) {
      throw new CanaryJudgeError('INVALID_HISTOGRAM_JSON', `${path}.collapsedBelow must be an integer`, `${path}.collapsedBelow`);
    }
    s.collapsedBelow = j.collapsedBelow;
  }
  return s;
}

function allIntegers(h: LogHistogram): boolean {
  if (!Number.isInteger(h._zero) || !Number.isInteger(h._count) || h._count > Number.MAX_SAFE_INTEGER) return false;
  for (const s of [h._pos, h._neg]) {
    const c = s.counts;
    for (let k = 0; k < c.length; k++) if (!Number.isInteger(c[k])) return false;
  }
  return true;
}
