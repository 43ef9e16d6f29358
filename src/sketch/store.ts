/**
 * A dense, contiguous bucket store: `counts[k]` is the count of bucket index `offset + k`. Grows
 * geometrically (capacity doubles) but never beyond `maxBuckets`; when a store would need more than
 * `maxBuckets` consecutive indices, the owner either collapses the lowest indices ({@link collapseLowest},
 * the DDSketch `CollapsingLowestDenseStore` rule) or downscales the whole histogram ({@link shiftDown},
 * the OpenTelemetry SDK rule). Internal to `src/sketch`.
 * @internal
 * @module
 */

const INITIAL_CAPACITY = 64;

/** @internal */
export class DenseStore {
  /** Bucket counts; `counts[k]` belongs to index `offset + k`. Capacity = `counts.length`. */
  counts: Float64Array;
  /** Index of `counts[0]`. */
  offset: number;
  /**
   * When the store has been collapsed: every index below this one has been (and will be) counted in
   * this index. `null` when never collapsed.
   */
  collapsedBelow: number | null;

  constructor() {
    this.counts = new Float64Array(0);
    this.offset = 0;
    this.collapsedBelow = null;
  }

  clone(): DenseStore {
    const s = new DenseStore();
    s.counts = this.counts.slice();
    s.offset = this.offset;
    s.collapsedBelow = this.collapsedBelow;
    return s;
  }

  get(i: number): number {
    const k = i - this.offset;
    return k >= 0 && k < this.counts.length ? this.counts[k] : 0;
  }

  /** Smallest index with a positive count, or null when empty. O(capacity). */
  minIndex(): number | null {
    const c = this.counts;
    for (let k = 0; k < c.length; k++) if (c[k] > 0) return this.offset + k;
    return null;
  }

  /** Largest index with a positive count, or null when empty. O(capacity). */
  maxIndex(): number | null {
    const c = this.counts;
    for (let k = c.length - 1; k >= 0; k--) if (c[k] > 0) return this.offset + k;
    return null;
  }

  total(): number {
    let t = 0;
    const c = this.counts;
    for (let k = 0; k < c.length; k++) t += c[k];
    return t;
  }

  /** Number of buckets with a positive count. */
  nonEmptyBuckets(): number {
    let t = 0;
    const c = this.counts;
    for (let k = 0; k < c.length; k++) if (c[k] > 0) t++;
    return t;
  }

  /**
   * Re-allocates so that indices [lo, hi] are addressable (hi − lo + 1 ≤ maxBuckets is the caller's
   * duty). Capacity grows geometrically, capped at maxBuckets; the occupied range is centred so that
   * growth in either direction has room.
   */
  ensure(lo: number, hi: number, maxBuckets: number): void {
    const c = this.counts;
    if (c.length > 0 && lo >= this.offset && hi < this.offset + c.length) return;
    const curMin = this.minIndex();
    const curMax = this.maxIndex();
    const newLo = curMin === null ? lo : Math.min(lo, curMin);
    const newHi = curMax === null ? hi : Math.max(hi, curMax);
    const span = newHi - newLo + 1;
    let cap = Math.max(INITIAL_CAPACITY, c.length);
    while (cap < span) cap *= 2;
    if (cap < 2 * span && cap < maxBuckets) cap *= 2; // headroom
    if (cap > maxBuckets) cap = Math.max(maxBuckets, span);
    const slack = cap - span;
    const newOffset = newLo - Math.floor(slack / 2);
    const next = new Float64Array(cap);
    if (curMin !== null && curMax !== null) {
      next.set(c.subarray(curMin - this.offset, curMax - this.offset + 1), curMin - newOffset);
    }
    this.counts = next;
    this.offset = newOffset;
  }

  /**
   * DDSketch's collapsing-lowest rule: keep the `maxBuckets` highest indices up to `top` (the largest
   * index that is or will be populated); every count below `L = top − maxBuckets + 1` moves into bucket L.
   * Returns L. Applying it with a larger `top` later composes (clamping to L then L' ≥ L is clamping to
   * L'), which is what makes merging with collapse associative.
   */
  collapseLowest(top: number, maxBuckets: number): number {
    const L = top - maxBuckets + 1;
    if (this.collapsedBelow !== null && this.collapsedBelow >= L) return this.collapsedBelow;
    const c = this.counts;
    let moved = 0;
    const next = new Float64Array(maxBuckets);
    for (let k = 0; k < c.length; k++) {
      const v = c[k];
      if (v === 0) continue;
      const i = this.offset + k;
      if (i < L) moved += v;
      else if (i <= top) next[i - L] += v;
    }
    next[0] += moved;
    this.counts = next;
    this.offset = L;
    this.collapsedBelow = L;
    return L;
  }

  /** Downscale by k ≥ 1: index i becomes ⌊i / 2^k⌋ (buckets of a coarser exponential scale). */
  shiftDown(k: number): void {
    if (k <= 0) return;
    const lo = this.minIndex();
    const hi = this.maxIndex();
    const d = Math.pow(2, k);
    if (this.collapsedBelow !== null) this.collapsedBelow = Math.floor(this.collapsedBelow / d);
    if (lo === null || hi === null) {
      this.counts = new Float64Array(0);
      this.offset = 0;
      return;
    }
    const nlo = Math.floor(lo / d);
    const nhi = Math.floor(hi / d);
    const cap = Math.min(this.counts.length, Math.max(INITIAL_CAPACITY, nhi - nlo + 1));
    const next = new Float64Array(Math.max(cap, nhi - nlo + 1));
    for (let i = lo; i <= hi; i++) {
      const v = this.counts[i - this.offset];
      if (v !== 0) next[Math.floor(i / d) - nlo] += v;
    }
    this.counts = next;
    this.offset = nlo;
  }

  /**
   * Restores the invariant capacity ≤ maxBuckets (which is what keeps the fast path of `add` from ever
   * exceeding the cap): re-allocates when a temporary operation left a larger array. The populated range
   * must already fit.
   */
  fit(maxBuckets: number): void {
    if (this.counts.length <= maxBuckets) return;
    const lo = this.minIndex();
    const hi = this.maxIndex();
    if (lo === null || hi === null) {
      this.counts = new Float64Array(0);
      this.offset = 0;
      return;
    }
    if (hi - lo + 1 > maxBuckets) throw new Error('internal: store range exceeds maxBuckets');
    const cap = maxBuckets;
    const newOffset = lo - Math.floor((cap - (hi - lo + 1)) / 2);
    const next = new Float64Array(cap);
    next.set(this.counts.subarray(lo - this.offset, hi - this.offset + 1), lo - newOffset);
    this.counts = next;
    this.offset = newOffset;
  }

  /** Removes and returns the total count of indices < limit (used when widening the zero bucket). */
  takeBelow(limit: number): { count: number; highest: number | null } {
    const c = this.counts;
    let count = 0;
    let highest: number | null = null;
    for (let k = 0; k < c.length; k++) {
      const i = this.offset + k;
      if (i >= limit) break;
      if (c[k] > 0) {
        count += c[k];
        highest = i;
        c[k] = 0;
      }
    }
    return { count, highest };
  }

  /** Bytes held by the counts array. */
  byteLength(): number {
    return this.counts.byteLength;
  }
}
