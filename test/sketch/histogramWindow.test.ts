import { describe, it, expect } from 'vitest';
import { HistogramWindow, LogHistogram, fromOtelExponentialHistogram } from '../../src/sketch/index.js';
import { CanaryJudgeError } from '../../src/errors.js';
import { mulberry32, lognormals } from './rng.js';

const MIN = 60_000;
const T0 = Date.UTC(2024, 4, 1, 12, 0, 0);

describe('HistogramWindow', () => {
  it('answers "the last N minutes" by merging per-minute histograms', () => {
    const w = new HistogramWindow({ intervalMs: MIN, intervals: 60 });
    for (let m = 0; m < 10; m++) w.addAll(T0 + m * MIN + 5_000, new Float64Array(m + 1).fill(100 + m));
    expect(w.last(1).count).toBe(10);
    expect(w.last(3).count).toBe(10 + 9 + 8);
    expect(w.last().count).toBe(55);
    expect(w.last(5, { now: T0 + 4 * MIN + 1 }).count).toBe(1 + 2 + 3 + 4 + 5);
    expect(w.range(T0 + 2 * MIN, T0 + 4 * MIN).count).toBe(3 + 4);
    expect(w.last(1).quantile(0.5)).toBe(109);
  });

  it('evicts intervals older than the window and drops late values', () => {
    const w = new HistogramWindow({ intervalMs: MIN, intervals: 5 });
    w.add(T0, 1);
    w.add(T0 + 4 * MIN, 2);
    expect(w.last().count).toBe(2);
    w.add(T0 + 5 * MIN, 3); // T0's minute leaves the window
    expect(w.last().count).toBe(2);
    expect(w.add(T0 + 30_000, 4)).toBe(false);
    expect(w.dropped).toBe(1);
    w.add(T0 + 100 * MIN, 5); // a long gap clears everything
    expect(w.last().count).toBe(1);
  });

  it('checkpoint/restore: toJSON → fromJSON gives the same answers and state', () => {
    const rand = mulberry32(3);
    const w = new HistogramWindow({ intervalMs: MIN, intervals: 30, histogram: { scale: 5 } });
    for (let m = 0; m < 40; m++) w.addAll(T0 + m * MIN, lognormals(rand, 200, 3, 0.5));
    w.addHistogram(T0 + 39 * MIN, fromOtelExponentialHistogram({ scale: 3, positive: { offset: 40, bucketCounts: ['7'] } }));
    const json = JSON.parse(JSON.stringify(w.toJSON()));
    const r = HistogramWindow.fromJSON(json);
    expect(r.toJSON()).toEqual(w.toJSON());
    for (const n of [1, 7, 30]) expect(r.last(n).toJSON()).toEqual(w.last(n).toJSON());
    expect(r.last(1).mapping).toEqual({ kind: 'exponential', scale: 3 });
    // and it keeps working after restore
    r.add(T0 + 41 * MIN, 10);
    w.add(T0 + 41 * MIN, 10);
    expect(r.toJSON()).toEqual(w.toJSON());
  });

  it('memory per interval stays ≤ 64 KiB at 1% accuracy whatever the count', () => {
    const rand = mulberry32(5);
    const w = new HistogramWindow({ intervalMs: MIN, intervals: 2 });
    for (let k = 0; k < 20; k++) w.addAll(T0, lognormals(rand, 50_000, 0, 3)); // 10^6 values, 20 decades
    w.addAll(T0, Float64Array.of(1e-300, 1e300, -1e-300, -1e300));
    expect(w.last().count).toBe(1_000_004);
    expect(w.byteLength()).toBeLessThanOrEqual(64 * 1024);
  });

  it('validates its arguments and checkpoint', () => {
    expect(() => new HistogramWindow({ intervalMs: 0 })).toThrow(CanaryJudgeError);
    const w = new HistogramWindow();
    expect(() => w.add(NaN, 1)).toThrow(/timestampMs/);
    w.add(T0, 1);
    const j = w.toJSON();
    const bad = { ...j, slots: [{ interval: (j.head as number) + 1, histogram: new LogHistogram().toJSON() }] };
    try {
      HistogramWindow.fromJSON(bad);
      throw new Error('no error');
    } catch (e) {
      expect((e as CanaryJudgeError).path).toBe('slots[0].interval');
    }
  });
});
