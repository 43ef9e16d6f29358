/**
 * `HistogramWindow`: a ring of per-interval {@link LogHistogram}s (e.g. 60 one-minute histograms) that
 * answers "the last N minutes" by merging, with checkpoint/restore. Pure: timestamps are passed in by
 * the caller (no clock is read).
 * @module
 */
import { CanaryJudgeError } from '../errors.js';
import { LogHistogram, type LogHistogramJSON, type LogHistogramOptions } from './logHistogram.js';
import type { HistogramMappingSpec } from './mapping.js';

/** Options of `new HistogramWindow(options)`. */
export interface HistogramWindowOptions {
  /** Length of one interval in milliseconds (default 60 000: one minute). */
  intervalMs?: number;
  /** Number of intervals kept (default 60: one hour of one-minute histograms). */
  intervals?: number;
  /** Options of every interval's histogram (default: γ-mapping, 1% relative accuracy). */
  histogram?: LogHistogramOptions;
}

/** The plain-JSON checkpoint of a {@link HistogramWindow}. */
export interface HistogramWindowJSON {
  type: 'HistogramWindow';
  version: 1;
  intervalMs: number;
  intervals: number;
  /** The per-interval histogram grid (mapping, bucket cap, overflow rule, zero threshold). */
  histogram: { mapping: HistogramMappingSpec; maxBuckets: number; overflow: 'collapseLowest' | 'downscale'; zeroThreshold: number };
  /** Index (⌊t / intervalMs⌋) of the newest interval seen, or null when nothing was added. */
  head: number | null;
  /** Values dropped because they were older than the window. */
  dropped: number;
  /** Non-empty intervals still in the window, oldest first. */
  slots: Array<{ interval: number; histogram: LogHistogramJSON }>;
}

function checkTime(t: number, path: string): void {
  if (typeof t !== 'number' || !Number.isFinite(t)) {
    throw new CanaryJudgeError('INVALID_ARGUMENT', `${path} must be a finite number of milliseconds, got ${String(t)}`, path);
  }
}

/**
 * A time window of mergeable histograms: one {@link LogHistogram} per interval in a ring of
 * `intervals` slots. Adding a value at time t puts it in interval ⌊t / intervalMs⌋; a newer interval
 * evicts the oldest; values older than the window are dropped (and counted in `dropped`). Queries merge
 * the intervals they cover — exact, because histogram merges are exact.
 *
 * Memory: each interval's histogram is capped at 2 × maxBuckets counts (2 × 16 KiB at the default
 * 2048), whatever the number of values.
 * @example
 * ```ts
 * const w = new HistogramWindow({ intervalMs: 60_000, intervals: 60 });
 * w.add(Date.parse('2024-05-01T12:00:10Z'), 120);
 * w.addAll(Date.parse('2024-05-01T12:01:30Z'), new Float64Array([110, 130]));
 * w.last(5).count;                           // 3 (the last five minutes up to the newest interval)
 * const restored = HistogramWindow.fromJSON(w.toJSON());
 * restored.last(1).count;                    // 2
 * ```
 */
export class HistogramWindow {
  /** Length of one interval (ms). */
  readonly intervalMs: number;
  /** Number of intervals kept. */
  readonly intervals: number;
  private readonly template: LogHistogram;
  private readonly slots: Array<LogHistogram | null>;
  private readonly slotInterval: Array<number | null>;
  private _head: number | null = null;
  private _dropped = 0;

  constructor(options: HistogramWindowOptions = {}) {
    const intervalMs = options.intervalMs ?? 60_000;
    if (typeof intervalMs !== 'number' || !(intervalMs > 0) || !Number.isFinite(intervalMs)) {
      throw new CanaryJudgeError('INVALID_ARGUMENT', `options.intervalMs must be a positive number, got ${String(intervalMs)}`, 'options.intervalMs');
    }
    const intervals = options.intervals ?? 60;
    if (!Number.isInteger(intervals) || intervals < 1 || intervals > 1_000_000) {
      throw new CanaryJudgeError('INVALID_ARGUMENT', `options.intervals must be an integer in [1, 10^6], got ${String(intervals)}`, 'options.intervals');
    }
    this.intervalMs = intervalMs;
    this.intervals = intervals;
    this.template = new LogHistogram(options.histogram ?? {});
    this.slots = new Array(intervals).fill(null);
    this.slotInterval = new Array(intervals).fill(null);
  }

  /** Index ⌊t / intervalMs⌋ of the newest interval seen, or null. */
  get head(): number | null {
    return this._head;
  }

  /** Number of values dropped for being older than the window. */
  get dropped(): number {
    return this._dropped;
  }

  private slotOf(k: number): number {
    const c = this.intervals;
    return ((k % c) + c) % c;
  }

  /** Moves the window so that the interval holding `timestampMs` is the newest (evicting older ones). */
  advance(timestampMs: number): this {
    checkTime(timestampMs, 'timestampMs');
    const k = Math.floor(timestampMs / this.intervalMs);
    if (this._head === null || k > this._head) {
      if (this._head !== null) {
        const from = Math.max(this._head + 1, k - this.intervals + 1);
        for (let kk = from; kk <= k; kk++) {
          const s = this.slotOf(kk);
          this.slots[s] = null;
          this.slotInterval[s] = null;
        }
      }
      this._head = k;
    }
    return this;
  }

  private slotFor(timestampMs: number, count: number): LogHistogram | null {
    checkTime(timestampMs, 'timestampMs');
    this.advance(timestampMs);
    const k = Math.floor(timestampMs / this.intervalMs);
    if (k <= (this._head as number) - this.intervals) {
      this._dropped += count;
      return null;
    }
    const s = this.slotOf(k);
    if (this.slotInterval[s] !== k || this.slots[s] === null) {
      this.slots[s] = this.template.cloneEmpty();
      this.slotInterval[s] = k;
    }
    return this.slots[s];
  }

  /** Adds one value observed at `timestampMs`. Returns false when it was older than the window (dropped). */
  add(timestampMs: number, value: number, count = 1): boolean {
    const h = this.slotFor(timestampMs, count);
    if (!h) return false;
    h.add(value, count);
    return true;
  }

  /** Adds many values observed in the interval of `timestampMs` (typed-array fast path). */
  addAll(timestampMs: number, values: ArrayLike<number>): boolean {
    const h = this.slotFor(timestampMs, values.length);
    if (!h) return false;
    h.addAll(values);
    return true;
  }

  /** Merges a whole histogram (e.g. an imported OTel data point) into the interval of `timestampMs`. */
  addHistogram(timestampMs: number, histogram: LogHistogram): boolean {
    const h = this.slotFor(timestampMs, histogram.count);
    if (!h) return false;
    h.merge(histogram);
    return true;
  }

  /**
   * The merge of the `n` most recent intervals (default: all) ending with the interval holding
   * `options.now` (default: the newest interval seen). Intervals are [k·intervalMs, (k+1)·intervalMs).
   * Returns a new histogram (empty when nothing falls in the range).
   */
  last(n: number = this.intervals, options: { now?: number } = {}): LogHistogram {
    if (!Number.isInteger(n) || n < 1) throw new CanaryJudgeError('INVALID_ARGUMENT', `n must be a positive integer, got ${String(n)}`, 'n');
    let end: number;
    if (options.now !== undefined) {
      checkTime(options.now, 'options.now');
      end = Math.floor(options.now / this.intervalMs);
    } else if (this._head !== null) end = this._head;
    else return this.template.cloneEmpty();
    return this.mergeIntervals(end - n + 1, end);
  }

  /** The merge of the intervals overlapping [startMs, endMs) (clipped to the window). */
  range(startMs: number, endMs: number): LogHistogram {
    checkTime(startMs, 'startMs');
    checkTime(endMs, 'endMs');
    if (!(endMs > startMs)) throw new CanaryJudgeError('INVALID_ARGUMENT', 'endMs must be after startMs', 'endMs');
    return this.mergeIntervals(Math.floor(startMs / this.intervalMs), Math.ceil(endMs / this.intervalMs) - 1);
  }

  private mergeIntervals(from: number, to: number): LogHistogram {
    const out = this.template.cloneEmpty();
    if (this._head === null) return out;
    const lo = Math.max(from, this._head - this.intervals + 1);
    const hi = Math.min(to, this._head);
    for (let k = lo; k <= hi; k++) {
      const s = this.slotOf(k);
      const h = this.slots[s];
      if (h && this.slotInterval[s] === k) out.merge(h);
    }
    return out;
  }

  /** Bytes held by the interval histograms (typed arrays plus a fixed overhead each). */
  byteLength(): number {
    let b = 0;
    for (const h of this.slots) if (h) b += h.byteLength();
    return b;
  }

  /** Checkpoint as plain JSON; restore with {@link HistogramWindow.fromJSON}. */
  toJSON(): HistogramWindowJSON {
    const slots: HistogramWindowJSON['slots'] = [];
    if (this._head !== null) {
      for (let k = this._head - this.intervals + 1; k <= this._head; k++) {
        const s = this.slotOf(k);
        const h = this.slots[s];
        if (h && this.slotInterval[s] === k && h.count > 0) slots.push({ interval: k, histogram: h.toJSON() });
      }
    }
    return {
      type: 'HistogramWindow',
      version: 1,
      intervalMs: this.intervalMs,
      intervals: this.intervals,
      histogram: {
        mapping: this.template.mapping,
        maxBuckets: this.template.maxBuckets,
        overflow: this.template.overflow,
        zeroThreshold: this.template.zeroThreshold,
      },
      head: this._head,
      dropped: this._dropped,
      slots,
    };
  }

  /** Restores a window from {@link HistogramWindow.toJSON} output (validated; errors carry JSON paths). */
  static fromJSON(json: HistogramWindowJSON): HistogramWindow {
    if (json === null || typeof json !== 'object') throw new CanaryJudgeError('INVALID_WINDOW_JSON', 'window JSON must be an object', '');
    if (json.type !== 'HistogramWindow') throw new CanaryJudgeError('INVALID_WINDOW_JSON', "type must be 'HistogramWindow'", 'type');
    const hj = json.histogram;
    if (hj === null || typeof hj !== 'object') throw new CanaryJudgeError('INVALID_WINDOW_JSON', 'histogram must be an object', 'histogram');
    const w = new HistogramWindow({
      intervalMs: json.intervalMs,
      intervals: json.intervals,
      histogram: { mapping: hj.mapping, maxBuckets: hj.maxBuckets, overflow: hj.overflow, zeroThreshold: hj.zeroThreshold },
    });
    if (json.head !== null && !Number.isInteger(json.head)) throw new CanaryJudgeError('INVALID_WINDOW_JSON', 'head must be an integer or null', 'head');
    w._head = json.head;
    if (typeof json.dropped !== 'number' || !(json.dropped >= 0)) throw new CanaryJudgeError('INVALID_WINDOW_JSON', 'dropped must be a number ≥ 0', 'dropped');
    w._dropped = json.dropped;
    if (!Array.isArray(json.slots)) throw new CanaryJudgeError('INVALID_WINDOW_JSON', 'slots must be an array', 'slots');
    json.slots.forEach((slot, i) => {
      const k = slot?.interval;
      if (!Number.isInteger(k) || w._head === null || k > w._head || k <= w._head - w.intervals) {
        throw new CanaryJudgeError('INVALID_WINDOW_JSON', `slots[${i}].interval must be an integer inside the window`, `slots[${i}].interval`);
      }
      let h: LogHistogram;
      try {
        h = LogHistogram.fromJSON(slot.histogram);
      } catch (e) {
        if (e instanceof CanaryJudgeError) {
          throw new CanaryJudgeError(e.code, e.message, e.path ? `slots[${i}].histogram.${e.path}` : `slots[${i}].histogram`);
        }
        throw e;
      }
      const s = w.slotOf(k);
      w.slots[s] = h;
      w.slotInterval[s] = k;
    });
    return w;
  }
}
