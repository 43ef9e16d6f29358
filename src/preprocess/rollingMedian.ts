import { describe, isPositiveInteger, isRecord, joinPath, mean2, type PreprocessProblem, throwIfProblems } from './internal.js';

/**
 * Options of {@link rollingMedian}.
 * - `window`: integer ≥ 1, the number of consecutive samples in each window.
 * - `center` (default `false`): `false` puts the window at and before each point (trailing, causal);
 *   `true` centres it, as pandas `rolling(window, center=True)`: the window of point i is
 *   [i − ⌊window/2⌋, i + ⌊(window−1)/2⌋] (one more point before than after when the window is even).
 */
export interface RollingMedianOptions {
  window: number;
  center?: boolean;
}

/**
 * Checks {@link RollingMedianOptions}; returns every problem (empty when valid), paths prefixed by `path`.
 *
 * @example
 * ```ts
 * checkRollingMedianOptions({ window: 0 }); // [{ code: 'INVALID_OPTION', path: 'window', … }]
 * ```
 */
export function checkRollingMedianOptions(options: unknown, path = ''): PreprocessProblem[] {
  if (!isRecord(options)) {
    return [{ code: 'INVALID_OPTION', path, message: `rolling median options must be an object with a window, got ${describe(options)}` }];
  }
  const problems: PreprocessProblem[] = [];
  if (!isPositiveInteger(options.window)) {
    problems.push({ code: 'INVALID_OPTION', path: joinPath(path, 'window'), message: `window must be an integer ≥ 1, got ${describe(options.window)}` });
  }
  if (options.center !== undefined && typeof options.center !== 'boolean') {
    problems.push({ code: 'INVALID_OPTION', path: joinPath(path, 'center'), message: `center must be true or false, got ${describe(options.center)}` });
  }
  return problems;
}

/**
 * A binary heap of element indices ordered by `values[index]`, with a position table so any element can
 * be removed in O(log size). `sign` = 1 gives a max-heap, −1 a min-heap. The two heaps of a rolling
 * median share `pos` (each element is in at most one heap at a time).
 */
class IndexHeap {
  readonly items: Int32Array;
  size = 0;
  constructor(
    capacity: number,
    private readonly values: Float64Array,
    private readonly pos: Int32Array,
    private readonly sign: 1 | -1,
  ) {
    this.items = new Int32Array(Math.max(1, capacity));
  }
  /** True when element a should sit above element b. */
  private above(a: number, b: number): boolean {
    const va = this.values[a];
    const vb = this.values[b];
    return this.sign === 1 ? va > vb : va < vb;
  }
  private place(k: number, idx: number): void {
    this.items[k] = idx;
    this.pos[idx] = k;
  }
  private up(k: number): void {
    const idx = this.items[k];
    while (k > 0) {
      const parent = (k - 1) >> 1;
      const p = this.items[parent];
      if (!this.above(idx, p)) break;
      this.place(k, p);
      k = parent;
    }
    this.place(k, idx);
  }
  private down(k: number): void {
    const idx = this.items[k];
    const size = this.size;
    for (;;) {
      const l = 2 * k + 1;
      if (l >= size) break;
      const r = l + 1;
      const c = r < size && this.above(this.items[r], this.items[l]) ? r : l;
      if (!this.above(this.items[c], idx)) break;
      this.place(k, this.items[c]);
      k = c;
    }
    this.place(k, idx);
  }
  top(): number {
    return this.items[0];
  }
  push(idx: number): void {
    this.place(this.size, idx);
    this.size++;
    this.up(this.size - 1);
  }
  pop(): number {
    const t = this.items[0];
    this.removeAt(0);
    return t;
  }
  remove(idx: number): void {
    this.removeAt(this.pos[idx]);
  }
  private removeAt(k: number): void {
    this.size--;
    if (k === this.size) return;
    const last = this.items[this.size];
    this.place(k, last);
    this.down(k);
    this.up(this.pos[last]);
  }
}

/**
 * Rolling (moving) median, output of the same length as the input. Windows are clipped at the ends
 * (partial windows): the first outputs of a trailing window use the points seen so far, and a centred
 * window uses whatever part of it lies inside the series. This is pandas
 * `Series.rolling(window, center=…, min_periods=1).median()`. NaN values are skipped (the median of the
 * other values in the window; NaN when a window holds only NaN). ±Infinity are ordinary values.
 *
 * Runs in O(n log window) time and O(n) memory with two indexed heaps (lower half as a max-heap, upper
 * half as a min-heap, any element removable in O(log window)). Never mutates `values`; never throws on
 * data; throws `CanaryJudgeError('INVALID_OPTION')` with path `window` or `center` for bad options.
 *
 * @example
 * ```ts
 * rollingMedian([1, 5, 2, 8, 3], { window: 3 });               // Float64Array [1, 3, 2, 5, 3]
 * rollingMedian([1, 5, 2, 8, 3], { window: 3, center: true }); // Float64Array [3, 2, 5, 3, 5.5]
 * ```
 */
export function rollingMedian(values: ArrayLike<number>, options: RollingMedianOptions): Float64Array {
  throwIfProblems(checkRollingMedianOptions(options));
  const w = options.window;
  const center = options.center ?? false;
  const n = values.length;
  const out = new Float64Array(n);
  if (n === 0) return out;
  const v = new Float64Array(n);
  for (let i = 0; i < n; i++) v[i] = values[i];

  const pos = new Int32Array(n);
  const side = new Int8Array(n); // 0: not in a heap, 1: lower (max-heap), 2: upper (min-heap)
  // A heap never holds more than the window plus the one point added before the oldest is dropped.
  const cap = Math.min(w, n) + 2;
  const lower = new IndexHeap(cap, v, pos, 1);
  const upper = new IndexHeap(cap, v, pos, -1);

  const rebalance = (): void => {
    while (lower.size > upper.size + 1) {
      const t = lower.pop();
      upper.push(t);
      side[t] = 2;
    }
    while (upper.size > lower.size) {
      const t = upper.pop();
      lower.push(t);
      side[t] = 1;
    }
  };
  const add = (i: number): void => {
    if (Number.isNaN(v[i])) return;
    if (lower.size === 0 || v[i] <= v[lower.top()]) {
      lower.push(i);
      side[i] = 1;
    } else {
      upper.push(i);
      side[i] = 2;
    }
    rebalance();
  };
  const drop = (i: number): void => {
    if (side[i] === 1) lower.remove(i);
    else if (side[i] === 2) upper.remove(i);
    else return;
    side[i] = 0;
    rebalance();
  };

  // Window of output i: [end − w, end) with end = i + 1 + offset, clipped to [0, n).
  const offset = center ? (w - 1) >> 1 : 0;
  let start = 0;
  let end = 0;
  for (let i = 0; i < n; i++) {
    const targetEnd = Math.min(n, i + 1 + offset);
    const targetStart = Math.max(0, i + 1 + offset - w);
    while (end < targetEnd) add(end++);
    while (start < targetStart) drop(start++);
    const count = lower.size + upper.size;
    if (count === 0) out[i] = NaN;
    else if (count % 2 === 1) out[i] = v[lower.top()];
    else out[i] = mean2(v[lower.top()], v[upper.top()]);
  }
  return out;
}
