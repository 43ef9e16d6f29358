/**
 * Properties of the streaming monitors (fast-check):
 * - resume-then-continue equals an uninterrupted run: persisting with toJSON → JSON text → fromJSON at any
 *   look and continuing gives exactly (bit for bit) the results and states of the monitor that never stopped;
 * - results are plain JSON (a JSON round trip changes nothing: no NaN, no ±Infinity, no −0);
 * - the always-valid p-value never increases and the confidence sequence only shrinks;
 * - update never mutates its input.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CountMonitor, MeanMonitor, QuantileMonitor } from '../../src/sequential/index.js';
import type { MonitorResultBase } from '../../src/sequential/index.js';
import { rateRatioInterval, rateRatioLogEValue } from '../../src/sequential/monitors/rateRatioTest.js';

const RUNS = { numRuns: 40 };

const directionArb = fc.constantFrom('increase' as const, 'decrease' as const, 'either' as const);
const alphaArb = fc.constantFrom(0.01, 0.05, 0.1, 0.2);

interface Monitor<U> {
  update(u: U): MonitorResultBase;
  result(): MonitorResultBase;
  toJSON(): unknown;
}

function checkRun<U>(make: () => Monitor<U>, restore: (text: string) => Monitor<U>, updates: U[], cut: number, nested: boolean): void {
  const straight = make();
  const first = make();
  const straightResults: MonitorResultBase[] = [];
  for (const u of updates) straightResults.push(straight.update(structuredClone(u)));
  for (let i = 0; i < cut; i++) first.update(structuredClone(updates[i]));
  let resumed = restore(JSON.stringify(first));
  expect(resumed.result()).toEqual(first.result());
  const resumedResults: MonitorResultBase[] = straightResults.slice(0, cut);
  for (let i = cut; i < updates.length; i++) {
    resumedResults.push(resumed.update(structuredClone(updates[i])));
    // a second round trip in the middle changes nothing either
    resumed = restore(JSON.stringify(resumed));
  }
  expect(resumedResults.map((r) => JSON.stringify(r))).toEqual(straightResults.map((r) => JSON.stringify(r)));
  expect(JSON.stringify(resumed)).toBe(JSON.stringify(straight));
  // plain JSON, monotone p-value, nested intervals
  let prev: MonitorResultBase | null = null;
  for (const r of straightResults) {
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
    if (prev !== null) {
      if (prev.pValue !== null && r.pValue !== null) expect(r.pValue).toBeLessThanOrEqual(prev.pValue);
      const a = prev.confidenceSequence;
      const b = r.confidenceSequence;
      if (nested && a.lower !== null) expect(b.lower as number).toBeGreaterThanOrEqual(a.lower);
      if (nested && a.upper !== null) expect(b.upper as number).toBeLessThanOrEqual(a.upper);
    }
    prev = r;
  }
}

describe('CountMonitor properties', () => {
  it('resume-then-continue equals an uninterrupted run; plain JSON; monotone', () => {
    fc.assert(
      fc.property(
        fc.record({
          share: fc.double({ min: 0.005, max: 0.6, noNaN: true }),
          direction: directionArb,
          alpha: alphaArb,
          concentration: fc.constantFrom(1, 20, 100, 1000),
          updates: fc.array(fc.record({ baseline: fc.nat(300), canary: fc.nat(40) }), { minLength: 1, maxLength: 10 }),
          cutFraction: fc.double({ min: 0, max: 1, noNaN: true }),
        }),
        ({ share, direction, alpha, concentration, updates, cutFraction }) => {
          const options = { canaryShare: share, direction, alpha, concentration };
          checkRun(() => new CountMonitor(options), (t) => CountMonitor.fromJSON(t), updates, Math.floor(cutFraction * updates.length), true);
        },
      ),
      RUNS,
    );
  });
});

describe('rate-ratio test: the shape that makes the inversion an interval', () => {
  it('log E₊ falls and log E₋ rises with the null ratio, log E₂ is unimodal, and the ends solve log E = log(1/α)', () => {
    fc.assert(
      fc.property(
        fc.record({
          share: fc.double({ min: 0.001, max: 0.5, noNaN: true }),
          k: fc.double({ min: 1, max: 1000, noNaN: true }),
          baseline: fc.integer({ min: 0, max: 30000 }),
          canary: fc.integer({ min: 0, max: 3000 }),
          alpha: alphaArb,
        }),
        ({ share, k, baseline, canary, alpha }) => {
          const logit = Math.log(share / (1 - share));
          const grid = Array.from({ length: 241 }, (_, i) => -6 + i * 0.05);
          // only the range that matters for α ≥ 1e-6 (log E in (0, 14)); tolerance for rounding
          const relevant = (v: number): boolean => v > 0 && v < 14;
          const g = grid.map((u) => rateRatioLogEValue(baseline, canary, logit, k, u, 'greater'));
          const l = grid.map((u) => rateRatioLogEValue(baseline, canary, logit, k, u, 'less'));
          const t = grid.map((u) => rateRatioLogEValue(baseline, canary, logit, k, u, 'two'));
          for (let i = 1; i < grid.length; i++) {
            if (relevant(g[i]) && relevant(g[i - 1])) expect(g[i]).toBeLessThanOrEqual(g[i - 1] + 1e-9);
            if (relevant(l[i]) && relevant(l[i - 1])) expect(l[i]).toBeGreaterThanOrEqual(l[i - 1] - 1e-9);
          }
          const iMin = t.indexOf(Math.min(...t));
          for (let i = 1; i < grid.length; i++) {
            if (!relevant(t[i]) || !relevant(t[i - 1])) continue;
            if (i <= iMin) expect(t[i]).toBeLessThanOrEqual(t[i - 1] + 1e-9);
            else expect(t[i]).toBeGreaterThanOrEqual(t[i - 1] - 1e-9);
          }
          const threshold = -Math.log(alpha);
          const one = rateRatioInterval(baseline, canary, logit, k, alpha, true);
          if (one.lower > 0) expect(rateRatioLogEValue(baseline, canary, logit, k, Math.log(one.lower), 'greater')).toBeCloseTo(threshold, 6);
          if (one.upper !== null) expect(rateRatioLogEValue(baseline, canary, logit, k, Math.log(one.upper), 'less')).toBeCloseTo(threshold, 6);
          const two = rateRatioInterval(baseline, canary, logit, k, alpha, false);
          if (two.lower > 0) expect(rateRatioLogEValue(baseline, canary, logit, k, Math.log(two.lower), 'two')).toBeCloseTo(threshold, 6);
          if (two.upper !== null) expect(rateRatioLogEValue(baseline, canary, logit, k, Math.log(two.upper), 'two')).toBeCloseTo(threshold, 6);
          // the one-sided ends are never looser than the two-sided ones
          expect(one.lower).toBeGreaterThanOrEqual(two.lower * (1 - 1e-9));
          if (one.upper !== null && two.upper !== null) expect(one.upper).toBeLessThanOrEqual(two.upper * (1 + 1e-9));
        },
      ),
      { numRuns: 60 },
    );
  });
});

const valuesArb = fc.array(fc.double({ min: 1, max: 1000, noNaN: true }), { minLength: 0, maxLength: 25 });

describe('MeanMonitor properties', () => {
  it('resume-then-continue equals an uninterrupted run; plain JSON; monotone; inputs untouched', () => {
    fc.assert(
      fc.property(
        fc.record({
          direction: directionArb,
          alpha: alphaArb,
          effect: fc.constantFrom('relative' as const, 'absolute' as const),
          minSamples: fc.integer({ min: 2, max: 6 }),
          updates: fc.array(fc.record({ baseline: valuesArb, canary: valuesArb }), { minLength: 1, maxLength: 8 }),
          cutFraction: fc.double({ min: 0, max: 1, noNaN: true }),
        }),
        ({ direction, alpha, effect, minSamples, updates, cutFraction }) => {
          const options = { direction, alpha, effect, minSamples, tuningSampleSize: 50 };
          const before = JSON.stringify(updates);
          checkRun(() => new MeanMonitor(options), (t) => MeanMonitor.fromJSON(t), updates, Math.floor(cutFraction * updates.length), true);
          const m = new MeanMonitor(options);
          for (const x of updates) m.update(x);
          expect(JSON.stringify(updates)).toBe(before);
        },
      ),
      RUNS,
    );
  });
});

describe('QuantileMonitor properties', () => {
  it('resume-then-continue equals an uninterrupted run; plain JSON; monotone; inputs untouched', () => {
    fc.assert(
      fc.property(
        fc.record({
          direction: directionArb,
          alpha: alphaArb,
          bound: fc.constantFrom('fixed' as const, 'uniform' as const),
          quantiles: fc.constantFrom([0.5], [0.5, 0.9, 0.99], [0.1, 0.75]),
          minSamples: fc.integer({ min: 1, max: 12 }),
          pValues: fc.boolean(),
          updates: fc.array(fc.record({ baseline: valuesArb, canary: valuesArb }), { minLength: 1, maxLength: 6 }),
          cutFraction: fc.double({ min: 0, max: 1, noNaN: true }),
        }),
        ({ direction, alpha, bound, quantiles, minSamples, pValues, updates, cutFraction }) => {
          const options = { direction, alpha, bound, quantiles, minSamples, pValues, tuningSampleSize: 30 };
          const before = JSON.stringify(updates);
          checkRun(() => new QuantileMonitor(options), (t) => QuantileMonitor.fromJSON(t), updates, Math.floor(cutFraction * updates.length), false);
          expect(JSON.stringify(updates)).toBe(before);
          // per-side quantile intervals only shrink
          const m = new QuantileMonitor(options);
          let prev = m.result().quantiles;
          for (const x of updates) {
            const q = m.update(x).quantiles;
            q.forEach((cur, i) => {
              for (const side of ['baseline', 'canary'] as const) {
                const a = prev[i][side];
                const b = cur[side];
                if (a.lower !== null) expect(b.lower as number).toBeGreaterThanOrEqual(a.lower);
                if (a.upper !== null) expect(b.upper as number).toBeLessThanOrEqual(a.upper);
              }
            });
            prev = q;
          }
        },
      ),
      { numRuns: 30 },
    );
  });

  it('typed-array input is not mutated and NaN is skipped', () => {
    const b = new Float64Array([5, 3, NaN, 1]);
    const c = new Float64Array([2, 9, 4]);
    const m = new QuantileMonitor({ minSamples: 1, pValues: false });
    m.update({ baseline: b, canary: c });
    expect(Array.from(b)).toEqual([5, 3, NaN, 1]);
    expect(Array.from(c)).toEqual([2, 9, 4]);
    expect(m.result().n).toEqual({ baseline: 3, canary: 3 });
  });
});
