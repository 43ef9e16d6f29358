import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CanaryJudgeError } from '../../src/errors.js';
import { countsFromSeries } from '../../src/io/counts.js';
import { judge } from '../../src/judge/index.js';

const plain = (v: unknown): unknown => JSON.parse(JSON.stringify(v, (_, x) => (ArrayBuffer.isView(x) ? Array.from(x as Float64Array) : x)));

function messageOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (e instanceof CanaryJudgeError) return `${e.code} ${e.message}`;
    throw e;
  }
  throw new Error('expected an error');
}

describe('countsFromSeries', () => {
  it('matches events to totals by timestamp; no events at a timestamp is 0; rounds per interval', () => {
    // increase() over 30 s windows: fractional (extrapolated) counts; Prometheus has no point where no 5xx happened
    const events = { timestamps: [1717423230, 1717423290], values: [2.4, 0.6] };
    const total = { timestamps: [1717423200, 1717423230, 1717423260, 1717423290], values: [3017.4, 2988.5, 3002.2, 2999.9] };
    expect(plain(countsFromSeries(events, total))).toEqual({ events: [0, 2, 0, 1], total: [3017, 2989, 3002, 3000] });
    expect(plain(countsFromSeries(events, total, { round: false }))).toEqual({ events: [0, 2.4, 0, 0.6], total: [3017.4, 2988.5, 3002.2, 2999.9] });
  });

  it('adds up series of several pods at the same timestamp, in time order', () => {
    // what a query not summed over pods gives, pooled: pod a then pod b
    const events = { timestamps: [60, 120, 60, 120], values: [1, 0, 2, 1] };
    const total = { timestamps: [120, 60, 120, 60], values: [100, 90, 110, 80] };
    expect(plain(countsFromSeries(events, total))).toEqual({ events: [3, 1], total: [170, 210] });
  });

  it('leaves out intervals with a missing total or a missing event count; caps events at their total', () => {
    const events = { timestamps: [60, 120, 180], values: [NaN, 5.4, 9] };
    const total = { timestamps: [60, 120, 180, 240], values: [100, 5.2, 8, NaN] };
    expect(plain(countsFromSeries(events, total))).toEqual({ events: [5, 8], total: [5, 8] });
  });

  it('pairs plain arrays by position', () => {
    expect(plain(countsFromSeries([1, 0, 2], [300, 310, 290]))).toEqual({ events: [1, 0, 2], total: [300, 310, 290] });
    expect(plain(countsFromSeries(null, Float64Array.from([300, 310])))).toEqual({ events: [0, 0], total: [300, 310] });
  });

  it('gives null without a total (no data), and zero events without an events series', () => {
    expect(countsFromSeries({ timestamps: [60], values: [1] }, null)).toBeNull();
    expect(countsFromSeries(null, undefined)).toBeNull();
    expect(countsFromSeries(null, { timestamps: [], values: [] })).toBeNull();
    expect(plain(countsFromSeries(undefined, { timestamps: [60, 120], values: [10, 20] }))).toEqual({ events: [0, 0], total: [10, 20] });
  });

  it('refuses other shapes, mixed shapes, unequal arrays and negative counts', () => {
    expect(messageOf(() => countsFromSeries({ events: 1, total: 10 }, [10]))).toBe('INVALID_DATA counts: events must be a time series { timestamps, values } or an array of numbers per interval');
    expect(messageOf(() => countsFromSeries([1], { timestamps: [60], values: [10] }, { path: 'errors, canary' }))).toBe(
      'INVALID_DATA errors, canary: events and total must both be time series or both plain arrays (got an array of events and a time series of totals)',
    );
    expect(messageOf(() => countsFromSeries([1, 2], [10]))).toBe('INVALID_DATA counts: 2 event counts for 1 totals: arrays without timestamps are paired by position and must have the same length');
    expect(messageOf(() => countsFromSeries(null, { timestamps: [60, 120], values: [10, -1] }))).toBe('INVALID_DATA counts: total is negative at 120 (-1): counts per interval are never negative');
    expect(messageOf(() => countsFromSeries([-1], [10]))).toBe('INVALID_DATA counts: events[0] is negative (-1): counts per interval are never negative');
  });

  it('does not modify its inputs', () => {
    const events = { timestamps: [120, 60], values: [1.6, 2] };
    const total = { timestamps: [120, 60], values: [10, 20] };
    const copy = JSON.stringify([events, total]);
    countsFromSeries(events, total);
    expect(JSON.stringify([events, total])).toBe(copy);
  });

  it('property: totals and events add up to the rounded sums of the kept intervals, events never exceed totals', () => {
    const point = fc.record({ t: fc.integer({ min: 0, max: 20 }), total: fc.double({ min: 0, max: 1e4, noNaN: true }), share: fc.double({ min: 0, max: 1, noNaN: true }) });
    fc.assert(
      fc.property(fc.uniqueArray(point, { selector: (p) => p.t, maxLength: 20 }), (points) => {
        const total = { timestamps: points.map((p) => p.t), values: points.map((p) => p.total) };
        const events = { timestamps: points.map((p) => p.t), values: points.map((p) => p.total * p.share) };
        const c = countsFromSeries(events, total);
        if (points.length === 0) return c === null;
        const ev = Array.from(c!.events as Float64Array);
        const tot = Array.from(c!.total as Float64Array);
        const sorted = [...points].sort((a, b) => a.t - b.t);
        return (
          tot.every((x, i) => x === Math.round(sorted[i].total)) &&
          ev.every((x, i) => x === Math.min(Math.round(sorted[i].total * sorted[i].share), tot[i]) && x <= tot[i] && Number.isInteger(x))
        );
      }),
    );
  });

  it('feeds the rate test: the judge reads the pairs as counts', () => {
    const total = (n: number) => ({ timestamps: Array.from({ length: 20 }, (_, i) => 60 * i), values: Array.from({ length: 20 }, () => n) });
    const errors = {
      baseline: countsFromSeries({ timestamps: [0, 600], values: [10, 10] }, total(1000)),
      canary: countsFromSeries({ timestamps: [0, 60, 120, 180, 240], values: [20, 20, 20, 20, 20] }, total(1000)),
    };
    const v = judge({ slis: [{ name: 'errors' }] }, { errors });
    expect(v.slis[0].test).toBe('rate');
    expect(v.slis[0].classification).toBe('high'); // 100 errors in 20,000 requests vs 20 in 20,000
  });
});
