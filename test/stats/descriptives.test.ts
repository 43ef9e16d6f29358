import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as ss from 'simple-statistics';
// @ts-ignore -- jstat ships no type declarations (test-only cross-check)
import jStatModule from 'jstat';
import { CanaryJudgeError } from '../../src/errors.js';
import {
  count,
  max,
  mean,
  median,
  medianSorted,
  min,
  quantile,
  quantileSorted,
  standardDeviation,
  sum,
  summary,
  summarySorted,
  variance,
} from '../../src/stats/descriptives.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const jStat: any = (jStatModule as any).jStat ?? jStatModule;

/** |got − want| ≤ rel·|want| (+ a tiny absolute floor for want = 0). */
function expectClose(got: number | null, want: number, rel: number, label = ''): void {
  expect(got, label).not.toBeNull();
  expect(Math.abs((got as number) - want), `${label}: got ${got}, want ${want}`).toBeLessThanOrEqual(
    rel * Math.abs(want) + 1e-300,
  );
}

// Reference values: numpy 2.4.6 (np.quantile / np.percentile default method='linear', np.median, np.min,
// np.max) and exact rational arithmetic (Python fractions.Fraction) for sum, mean and the sample variance
// (numpy's np.var(ddof=1) agrees with the exact values to 2e-16 relative except B: 5e-15).
// Tolerance: 1e-14 relative unless stated.
const A = {
  values: [
    48.1, 40.019, 59.725, 18.654, 64.759, 45.014, 35.317, 57.923, 16.93, 49.648, 35.206, 69.813, 71.198, 31.289, 31.19,
    22.601, 34.035, 66.132, 91.319, 62.632, 55.75, 32.445, 61.403, 33.468, 63.04, 48.349, 91.251, 61.651, 124.126, 42.737,
    85.933, 62.496, 151.099, 16.823, 92.255, 29.542, 32.421,
  ],
  sum: 2036.2930000000001,
  mean: 55.03494594594595,
  variance: 842.7440597747748,
  sd: 29.030054422525197,
  min: 16.823,
  max: 151.099,
  median: 49.648,
  q: {
    0: 16.823,
    0.01: 16.86152,
    0.1: 26.765600000000003,
    0.25: 33.468,
    0.333: 35.315668,
    0.5: 49.648,
    0.75: 64.759,
    0.9: 91.2782,
    0.95: 98.62919999999986,
    0.99: 141.38872,
    1: 151.099,
  } as Record<string, number>,
};
// Large mean, small spread: a naive Σx² − n·x̄² formula loses every digit here.
const B = {
  values: [
    999999999.981637, 999999998.489441, 999999998.805419, 999999999.494458, 999999999.677516, 999999998.096321,
    999999999.126369, 999999999.854086, 999999999.868072, 999999999.337692, 999999999.995911, 999999999.486626,
  ],
  sum: 11999999992.213549,
  mean: 999999999.351129,
  variance: 0.3767688634233223,
  sd: 0.613815007492748,
  min: 999999998.096321,
  max: 999999999.995911,
  median: 999999999.4905419,
  q: {
    0: 999999998.096321,
    0.01: 999999998.1395642,
    0.1: 999999998.5210389,
    0.25: 999999999.0461315,
    0.333: 999999999.2664762,
    0.5: 999999999.4905419,
    0.75: 999999999.8575826,
    0.9: 999999999.9702805,
    0.95: 999999999.9880604,
    0.99: 999999999.9943409,
    1: 999999999.995911,
  } as Record<string, number>,
};
// Negative values, zeros and ties.
const C = {
  values: [3.0, -1.5, 2.25, 2.25, 0.0, -7.125, 11.5, 2.25],
  sum: 12.625,
  mean: 1.578125,
  variance: 27.075613839285715,
  sd: 5.2034232808109815,
  min: -7.125,
  max: 11.5,
  median: 2.25,
  q: {
    0: -7.125,
    0.01: -6.73125,
    0.1: -3.1874999999999996,
    0.25: -0.375,
    0.333: 0.7447499999999999,
    0.5: 2.25,
    0.75: 2.4375,
    0.9: 5.549999999999999,
    0.95: 8.524999999999995,
    0.99: 10.904999999999998,
    1: 11.5,
  } as Record<string, number>,
};

describe.each([
  ['A (lognormal latencies, n=37)', A],
  ['B (mean 1e9, sd 0.6, n=12)', B],
  ['C (negatives, zero, ties, n=8)', C],
])('descriptives of %s against numpy / exact arithmetic', (_name, data) => {
  it('count, sum, mean, min, max, median', () => {
    expect(count(data.values)).toBe(data.values.length);
    expectClose(sum(data.values), data.sum, 1e-15, 'sum');
    expectClose(mean(data.values), data.mean, 1e-15, 'mean');
    expect(min(data.values)).toBe(data.min);
    expect(max(data.values)).toBe(data.max);
    expectClose(median(data.values), data.median, 1e-15, 'median');
  });
  it('sample variance and standard deviation (n − 1)', () => {
    // relative to the variance itself, even for B where the mean is 1e9 × the spread
    expectClose(variance(data.values), data.variance, 1e-13, 'variance');
    expectClose(standardDeviation(data.values), data.sd, 1e-13, 'sd');
  });
  it('type 7 quantiles equal numpy.quantile (method="linear")', () => {
    for (const [p, want] of Object.entries(data.q)) {
      expectClose(quantile(data.values, Number(p)), want, 1e-15, `p=${p}`);
    }
  });
  it('typed arrays give the same results as arrays', () => {
    const t = Float64Array.from(data.values);
    expect(summary(t)).toEqual(summary(data.values));
  });
});

describe('summary', () => {
  it('matches numpy for A (all fields)', () => {
    const s = summary(A.values)!;
    expect(s.count).toBe(37);
    expectClose(s.mean, A.mean, 1e-15, 'mean');
    expectClose(s.sd, A.sd, 1e-13, 'sd');
    expect(s.min).toBe(A.min);
    expect(s.max).toBe(A.max);
    expectClose(s.p25, A.q[0.25], 1e-15, 'p25');
    expectClose(s.median, A.median, 1e-15, 'median');
    expectClose(s.p75, A.q[0.75], 1e-15, 'p75');
    expectClose(s.p90, A.q[0.9], 1e-15, 'p90');
    expectClose(s.p95, A.q[0.95], 1e-15, 'p95');
    expectClose(s.p99, A.q[0.99], 1e-15, 'p99');
  });
  it('is plain JSON: a round trip through JSON.stringify preserves it', () => {
    const s = summary(C.values);
    expect(JSON.parse(JSON.stringify(s))).toEqual(s);
  });
  it('empty → null, one point → sd null', () => {
    expect(summary([])).toBeNull();
    expect(summarySorted(new Float64Array(0))).toBeNull();
    expect(summary([7])).toEqual({
      count: 1, mean: 7, sd: null, min: 7, p25: 7, median: 7, p75: 7, p90: 7, p95: 7, p99: 7, max: 7,
    });
  });
});

describe('edge cases and policy', () => {
  it('empty samples give null (0 for sum and count), never NaN', () => {
    expect(count([])).toBe(0);
    expect(sum([])).toBe(0);
    expect(mean([])).toBeNull();
    expect(variance([])).toBeNull();
    expect(standardDeviation([])).toBeNull();
    expect(variance([3])).toBeNull();
    expect(standardDeviation([3])).toBeNull();
    expect(min([])).toBeNull();
    expect(max([])).toBeNull();
    expect(median([])).toBeNull();
    expect(medianSorted([])).toBeNull();
    expect(quantile([], 0.5)).toBeNull();
    expect(quantileSorted([], 0.5)).toBeNull();
  });
  it('NaN throws NAN_IN_SAMPLE with the index in the path; Infinity throws INFINITE_IN_SAMPLE', () => {
    for (const f of [count, sum, mean, variance, standardDeviation, min, max, median, summary]) {
      try {
        f([1, 2, NaN, 4]);
        expect.unreachable();
      } catch (e) {
        expect(e).toBeInstanceOf(CanaryJudgeError);
        expect((e as CanaryJudgeError).code).toBe('NAN_IN_SAMPLE');
        expect((e as CanaryJudgeError).path).toBe('values[2]');
      }
      expect(() => f([1, -Infinity])).toThrow(expect.objectContaining({ code: 'INFINITE_IN_SAMPLE', path: 'values[1]' }));
    }
    expect(() => quantile([1, NaN], 0.5)).toThrow(expect.objectContaining({ code: 'NAN_IN_SAMPLE' }));
  });
  it('p outside [0, 1] throws INVALID_ARGUMENT', () => {
    for (const p of [-0.1, 1.5, NaN]) {
      expect(() => quantile([1, 2], p)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT', path: 'p' }));
      expect(() => quantileSorted([1, 2], p)).toThrow(CanaryJudgeError);
    }
  });
  it('compensated sums: exact where naive summation fails', () => {
    expect(sum([0.1, 0.2, 0.3])).toBe(0.6);
    expect(sum([1e100, 1, -1e100])).toBe(1);
    expect(mean([1e100, 1, -1e100, 3])).toBe(1);
  });
  it('extreme magnitudes do not overflow or underflow needlessly', () => {
    expect(mean([1e308, 1e308])).toBe(1e308);
    expect(sum([1e308, 1e308, -1e308])).toBe(1e308);
    expectClose(standardDeviation([1e200, -1e200]), Math.SQRT2 * 1e200, 1e-15, 'sd huge');
    expectClose(standardDeviation([1e-200, -1e-200]), Math.SQRT2 * 1e-200, 1e-15, 'sd tiny');
    expect(() => variance([1e200, -1e200])).toThrow(expect.objectContaining({ code: 'OVERFLOW' }));
    expect(() => sum([1.7e308, 1.7e308])).toThrow(expect.objectContaining({ code: 'OVERFLOW' }));
    expect(quantile([-1.7e308, 1.7e308], 0.5)).toBe(0);
    expectClose(median([1.7e308, 1.7e308, 1.6e308, 1.6e308]), 1.65e308, 1e-15, "median huge");
  });
  it('constant samples have zero variance', () => {
    expect(variance([0.1, 0.1, 0.1, 0.1, 0.1])).toBe(0);
    expect(standardDeviation(new Float64Array(1000).fill(123.456))).toBe(0);
  });
});

describe('cross-check against simple-statistics and jStat', () => {
  const sample = fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 2, maxLength: 60 });
  it('mean, sum, sample variance, sample sd, min, max, median = simple-statistics', () => {
    fc.assert(
      fc.property(sample, (xs) => {
        const scale = Math.max(1, ...xs.map(Math.abs));
        expect(Math.abs(mean(xs)! - ss.mean(xs))).toBeLessThanOrEqual(1e-12 * scale);
        expect(Math.abs(sum(xs) - ss.sum(xs))).toBeLessThanOrEqual(1e-12 * scale * xs.length);
        const v = ss.sampleVariance(xs);
        expect(Math.abs(variance(xs)! - v)).toBeLessThanOrEqual(1e-9 * v + 1e-12 * scale * scale);
        const s = ss.sampleStandardDeviation(xs);
        expect(Math.abs(standardDeviation(xs)! - s)).toBeLessThanOrEqual(1e-9 * s + 1e-6 * scale);
        expect(min(xs)).toBe(ss.min(xs));
        expect(max(xs)).toBe(ss.max(xs));
        expect(Math.abs(median(xs)! - ss.median(xs))).toBeLessThanOrEqual(1e-15 * scale);
      }),
      { numRuns: 200 },
    );
  });
  it('type 7 quantiles = jStat.quantiles(…, alphap = 1, betap = 1)', () => {
    fc.assert(
      fc.property(sample, fc.double({ min: 0, max: 1, noNaN: true }), (xs, p) => {
        const want = jStat.quantiles(xs, [p], 1, 1)[0] as number;
        const scale = Math.max(1, ...xs.map(Math.abs));
        expect(Math.abs(quantile(xs, p)! - want)).toBeLessThanOrEqual(1e-12 * scale);
      }),
      { numRuns: 200 },
    );
  });
});

describe('properties', () => {
  const sample = fc.array(fc.double({ min: -1e9, max: 1e9, noNaN: true }), { minLength: 1, maxLength: 50 });
  it('never mutates the input (arrays and typed arrays)', () => {
    fc.assert(
      fc.property(sample, fc.double({ min: 0, max: 1, noNaN: true }), (xs, p) => {
        const copy = xs.slice();
        const typed = Float64Array.from(xs);
        const typedCopy = typed.slice();
        for (const input of [xs, typed]) {
          count(input); sum(input); mean(input); variance(input); standardDeviation(input);
          min(input); max(input); quantile(input, p); median(input); summary(input);
        }
        expect(xs).toEqual(copy);
        expect(typed).toEqual(typedCopy);
      }),
      { numRuns: 100 },
    );
  });
  it('quantiles are monotone in p and lie between min and max', () => {
    fc.assert(
      fc.property(sample, fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (xs, p1, p2) => {
        const [lo, hi] = p1 <= p2 ? [p1, p2] : [p2, p1];
        const qlo = quantile(xs, lo)!;
        const qhi = quantile(xs, hi)!;
        expect(qlo).toBeLessThanOrEqual(qhi);
        expect(qlo).toBeGreaterThanOrEqual(min(xs)!);
        expect(qhi).toBeLessThanOrEqual(max(xs)!);
        expect(quantile(xs, 0)).toBe(min(xs));
        expect(quantile(xs, 1)).toBe(max(xs));
      }),
      { numRuns: 200 },
    );
  });
  it('results are finite or null, variance ≥ 0, min ≤ mean ≤ max', () => {
    fc.assert(
      fc.property(sample, (xs) => {
        const s = summary(xs)!;
        for (const v of Object.values(s)) if (v !== null) expect(Number.isFinite(v)).toBe(true);
        expect(s.min).toBeLessThanOrEqual(s.mean);
        expect(s.mean).toBeLessThanOrEqual(s.max);
        if (xs.length > 1) expect(variance(xs)!).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 200 },
    );
  });
  it('shift and scale: var(a·x + b) = a²·var(x)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 2, maxLength: 40 }),
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: -1e6, max: 1e6 }),
        (xs, a, b) => {
          const v = variance(xs)!;
          const w = variance(xs.map((x) => a * x + b))!;
          expect(Math.abs(w - a * a * v)).toBeLessThanOrEqual(1e-9 * a * a * v + 1e-9);
        },
      ),
      { numRuns: 100 },
    );
  });
});
