import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CanaryJudgeError } from '../../src/errors.js';
import {
  applyNanPolicy,
  applyNanPolicySeries,
  blockAggregate,
  ewma,
  hampelFilter,
  type NanPolicy,
  type OutlierSpec,
  preprocess,
  removeOutliers,
  rollingMedian,
  type SmoothingSpec,
} from '../../src/preprocess/index.js';

// Any double: NaN, ±Infinity, −0, subnormals, huge values.
const anyValues = fc.array(fc.double(), { maxLength: 60 });
const window = fc.integer({ min: 1, max: 12 });
const nanPolicy: fc.Arbitrary<NanPolicy> = fc.oneof(
  fc.constant({ kind: 'remove' as const }),
  fc.constant({ kind: 'fail' as const }),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((value) => ({ kind: 'replace' as const, value })),
);
const outlierSpec: fc.Arbitrary<OutlierSpec> = fc.oneof(
  fc.constant({ kind: 'none' as const }),
  fc.double({ min: 0.1, max: 5, noNaN: true }).map((factor) => ({ kind: 'iqr' as const, factor })),
  fc.constant({ kind: 'kayentaIqr' as const }),
  fc.double({ min: 0.5, max: 5, noNaN: true }).map((k) => ({ kind: 'mad' as const, k })),
);
const smoothingSpec: fc.Arbitrary<SmoothingSpec> = fc.oneof(
  fc.constant({ kind: 'none' as const }),
  fc.double({ min: 0.01, max: 1, noNaN: true }).map((alpha) => ({ kind: 'ewma' as const, alpha })),
  fc.double({ min: 0.1, max: 50, noNaN: true }).map((halfLife) => ({ kind: 'ewma' as const, halfLife })),
  fc.record({ window, center: fc.boolean() }).map((o) => ({ kind: 'rollingMedian' as const, ...o })),
  fc.record({ window, k: fc.double({ min: 0.5, max: 5, noNaN: true }) }).map((o) => ({ kind: 'hampel' as const, ...o })),
  fc
    .record({ size: window, stat: fc.constantFrom('mean' as const, 'median' as const, 'max' as const), remainder: fc.constantFrom('keep' as const, 'drop' as const) })
    .map((o) => ({ kind: 'blockAggregate' as const, ...o })),
);

const same = (a: ArrayLike<number>, b: ArrayLike<number>): boolean =>
  a.length === b.length && Array.from(a).every((v, i) => Object.is(v, b[i]));

describe('preprocess properties (fast-check)', () => {
  it('never throws on any numeric input, never mutates it, and keeps the length rules', () => {
    fc.assert(
      fc.property(anyValues, nanPolicy, outlierSpec, smoothingSpec, (values, nan, outliers, smoothing) => {
        const copy = values.slice();
        const r = preprocess(values, { nan, outliers, smoothing });
        expect(same(values, copy)).toBe(true);
        expect(r.values.length).toBe(r.steps.countAfter);
        expect(r.steps.countBefore).toBe(values.length);
        // the summary is plain JSON: a JSON round trip changes nothing
        expect(JSON.parse(JSON.stringify(r.steps))).toEqual(r.steps);
        if (!r.failed) {
          const s = r.steps;
          expect(s.nan.countAfter).toBe(s.outliers?.countBefore);
          expect(s.outliers?.countAfter).toBe(s.smoothing?.countBefore);
          expect(s.outliers!.countAfter).toBe(s.outliers!.countBefore - s.outliers!.removed);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('NaN policy: output lengths and counts', () => {
    fc.assert(
      fc.property(anyValues, nanPolicy, (values, policy) => {
        const copy = values.slice();
        const r = applyNanPolicy(values, policy);
        const nanCount = values.filter((v) => Number.isNaN(v)).length;
        expect(r.nanCount).toBe(nanCount);
        expect(r.values.length).toBe(policy.kind === 'remove' ? values.length - nanCount : values.length);
        expect(r.failed).toBe(policy.kind === 'fail' && nanCount > 0);
        if (policy.kind !== 'fail') expect(r.values.some((v) => Number.isNaN(v))).toBe(false);
        expect(same(values, copy)).toBe(true);
        const ts = values.map((_, i) => i * 10);
        const s = applyNanPolicySeries({ timestamps: ts, values }, policy);
        expect(s.timestamps.length).toBe(s.values.length);
        for (let i = 0; i < s.values.length; i++) {
          const orig = s.timestamps[i] / 10;
          if (!Number.isNaN(values[orig])) expect(Object.is(s.values[i], values[orig])).toBe(true);
        }
      }),
    );
  });

  it('outlier removal keeps a subsequence and never increases the range', () => {
    fc.assert(
      fc.property(anyValues, outlierSpec, (values, spec) => {
        const copy = values.slice();
        const r = removeOutliers(values, spec);
        expect(same(values, copy)).toBe(true);
        expect(r.values.length + r.removed).toBe(values.length);
        // subsequence
        let j = 0;
        for (let i = 0; i < values.length && j < r.values.length; i++) if (Object.is(values[i], r.values[j])) j++;
        expect(j).toBe(r.values.length);
        const finite = (a: ArrayLike<number>): number[] => Array.from(a).filter((v) => !Number.isNaN(v));
        const before = finite(values);
        const after = finite(r.values);
        if (after.length > 0) {
          expect(Math.min(...after)).toBeGreaterThanOrEqual(Math.min(...before));
          expect(Math.max(...after)).toBeLessThanOrEqual(Math.max(...before));
        }
        for (const f of [r.lowerFence, r.upperFence]) if (f !== null) expect(Number.isFinite(f)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('kayentaIqr never removes a point between P1 and P99 (type 7), so at most the points beyond them go', () => {
    // With h = (n − 1)·p, the type-7 P1 lies in [x(⌊h₁⌋), x(⌊h₁⌋+1)] and P99 in [x(⌊h₉₉⌋), x(⌊h₉₉⌋+1)]
    // (0-based order statistics), and the fences are min(P1, …) ≤ P1 and max(P99, …) ≥ P99. So every
    // removed value is below x(⌊h₁⌋+1) or above x(⌊h₉₉⌋): at most ⌊h₁⌋ + 1 low and n − 1 − ⌊h₉₉⌋ high.
    const finite = fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 });
    fc.assert(
      fc.property(fc.array(finite, { minLength: 1, maxLength: 400 }), fc.double({ min: 0.01, max: 5, noNaN: true }), (values, factor) => {
        const n = values.length;
        const sorted = Float64Array.from(values).sort();
        const lowBound = sorted[Math.min(n - 1, Math.floor((n - 1) * 0.01) + 1)];
        const highBound = sorted[Math.floor((n - 1) * 0.99)];
        const r = removeOutliers(values, { kind: 'kayentaIqr', factor });
        const kept = new Map<number, number>();
        for (const v of r.values) kept.set(v, (kept.get(v) ?? 0) + 1);
        let low = 0;
        let high = 0;
        for (const v of values) {
          const k = kept.get(v) ?? 0;
          if (k > 0) {
            kept.set(v, k - 1);
            continue;
          }
          // a removed value
          expect(v < lowBound || v > highBound).toBe(true);
          if (v < lowBound) low++;
          else high++;
        }
        expect(low).toBeLessThanOrEqual(Math.floor((n - 1) * 0.01) + 1);
        expect(high).toBeLessThanOrEqual(n - 1 - Math.floor((n - 1) * 0.99));
        expect(r.removed).toBe(low + high);
      }),
      { numRuns: 200 },
    );
  });

  it('smoothing a constant series gives the same constant', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true }), fc.integer({ min: 0, max: 40 }), window, fc.double({ min: 0.01, max: 1, noNaN: true }), (c, n, w, alpha) => {
        const x = new Array<number>(n).fill(c);
        const isC = (a: ArrayLike<number>): boolean => Array.from(a).every((v) => v === c);
        expect(isC(ewma(x, { alpha }))).toBe(true);
        expect(isC(rollingMedian(x, { window: w }))).toBe(true);
        expect(isC(rollingMedian(x, { window: w, center: true }))).toBe(true);
        const h = hampelFilter(x, { window: w });
        expect(isC(h.values)).toBe(true);
        expect(h.replaced).toBe(0);
        for (const stat of ['mean', 'median', 'max'] as const) expect(isC(blockAggregate(x, { size: w, stat }))).toBe(true);
      }),
    );
  });

  it('smoothing output lengths and no mutation, on any doubles', () => {
    fc.assert(
      fc.property(anyValues, window, fc.boolean(), (values, w, center) => {
        const copy = values.slice();
        expect(ewma(values, { halfLife: w }).length).toBe(values.length);
        expect(rollingMedian(values, { window: w, center }).length).toBe(values.length);
        const h = hampelFilter(values, { window: w });
        expect(h.values.length).toBe(values.length);
        expect(h.replacedIndices.length).toBe(h.replaced);
        expect(blockAggregate(values, { size: w, stat: 'median' }).length).toBe(Math.ceil(values.length / w));
        expect(blockAggregate(values, { size: w, stat: 'mean', remainder: 'drop' }).length).toBe(Math.floor(values.length / w));
        expect(same(values, copy)).toBe(true);
      }),
    );
  });

  it('rolling median equals the median of each (partial) window, NaN skipped', () => {
    const small = fc.array(fc.oneof(fc.integer({ min: -5, max: 5 }), fc.constant(NaN)), { maxLength: 40 });
    fc.assert(
      fc.property(small, window, fc.boolean(), (x, w, center) => {
        const got = rollingMedian(x, { window: w, center });
        const off = center ? (w - 1) >> 1 : 0;
        for (let i = 0; i < x.length; i++) {
          const end = Math.min(x.length, i + 1 + off);
          const win = x.slice(Math.max(0, i + 1 + off - w), end).filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);
          const h = win.length >> 1;
          const med = win.length === 0 ? NaN : win.length % 2 ? win[h] : (win[h - 1] + win[h]) / 2;
          expect(Object.is(got[i] + 0, med + 0)).toBe(true);
        }
      }),
    );
  });

  it('invalid options throw CanaryJudgeError INVALID_OPTION naming the option', () => {
    const path = (f: () => unknown): string => {
      try {
        f();
      } catch (e) {
        if (e instanceof CanaryJudgeError && e.code === 'INVALID_OPTION') return e.path;
        throw e;
      }
      return '(no error)';
    };
    fc.assert(
      fc.property(fc.oneof(fc.integer({ max: 0 }), fc.double({ min: 1.01, max: 1e6, noNaN: true }).filter((v) => !Number.isInteger(v))), (w) => {
        expect(path(() => rollingMedian([1, 2], { window: w }))).toBe('window');
        expect(path(() => hampelFilter([1, 2], { window: w }))).toBe('window');
        expect(path(() => blockAggregate([1, 2], { size: w, stat: 'max' }))).toBe('size');
        expect(path(() => preprocess([1, 2], { smoothing: { kind: 'rollingMedian', window: w } }))).toBe('smoothing.window');
      }),
    );
    fc.assert(
      fc.property(fc.oneof(fc.double({ max: 0 }), fc.double({ min: Number.MIN_VALUE }).filter((a) => a > 1), fc.constant(NaN)), (alpha) => {
        expect(path(() => ewma([1], { alpha }))).toBe('alpha');
        expect(path(() => preprocess([1], { smoothing: { kind: 'ewma', alpha } }))).toBe('smoothing.alpha');
      }),
    );
  });
});
