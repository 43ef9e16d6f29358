import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CanaryJudgeError } from '../../src/errors.js';
import {
  cliffsDelta,
  cliffsDeltaSorted,
  commonLanguageEffectSize,
  commonLanguageEffectSizeSorted,
  meanRatio,
  medianRatio,
  medianRatioSorted,
  quantileRatio,
  quantileRatioSorted,
  relativeHodgesLehmannShift,
  relativeHodgesLehmannShiftSorted,
} from '../../src/stats/effectSizes.js';

function relErr(got: number | null, want: number): number {
  expect(got).not.toBeNull();
  if (got === want) return 0;
  return Math.abs((got as number) - want) / Math.abs(want);
}

const sorted = (a: number[]): number[] => [...a].sort((p, q) => p - q);

// Continuous data (no ties; numpy.random.default_rng(7), lognormal, rounded to 3 decimals).
const X = [
  60.377, 70.061, 52.611, 38.656, 48.07, 36.751, 62.182, 117.932, 47.177, 44.246, 77.086, 72.128, 63.606, 37.893, 59.464,
  85.426, 30.812, 48.0, 23.322, 31.666, 24.026, 53.649, 32.017, 69.105, 65.26, 54.956, 17.144, 46.093, 58.895, 63.858,
];
const Y = [
  25.405, 42.997, 33.473, 36.437, 92.8, 36.461, 53.718, 84.961, 40.78, 51.632, 57.699, 56.367, 29.591, 56.717, 107.707,
  25.19, 83.906, 57.956, 39.617, 148.444, 79.928, 29.975, 56.671, 72.846, 49.68,
];
// Small integer data with many ties (same generator).
const XI = [2, 4, 2, 2, 3, 5, 2, 3, 2, 3, 2, 3, 3, 4, 5, 0, 3, 2, 2, 1, 0, 2, 4, 0, 2, 5, 5, 1, 0, 4, 0, 1, 2, 5, 0, 3, 3, 0, 5, 5];
const YI = [2, 4, 3, 4, 4, 2, 1, 0, 2, 0, 3, 4, 1, 2, 0, 0, 1, 4, 4, 3, 2, 2, 0, 1, 4, 2, 1, 1, 3, 0, 4, 4, 2, 2, 3];

// scipy 1.17 / numpy 2.4: CLES = mannwhitneyu(x, y).statistic / (n·m); Cliff's delta = mean(sign(x_i − y_j))
// over all pairs; ratios of np.mean, np.median, np.quantile (linear). Tolerance 1e-15 relative.
const REF = {
  continuous: { U: 365.0, cles: 0.4866666666666667, clesYX: 0.5133333333333333, cliff: -0.02666666666666667, meanRatio: 0.9146077970554627, medianRatio: 0.9890539483971852, q99: 0.7824872976376817, q90: 0.8099513296246893 },
  ties: { U: 784.5, cles: 0.5603571428571429, clesYX: 0.43964285714285717, cliff: 0.12071428571428572, meanRatio: 1.1666666666666667, medianRatio: 1.0, q99: 1.25, q90: 1.25 },
};

describe.each([
  ['continuous', X, Y, REF.continuous],
  ['ties', XI, YI, REF.ties],
])('effect sizes (%s data) against scipy / numpy', (_name, x, y, ref) => {
  it('common-language effect size = U/(n·m) and CLES(y, x) = 1 − CLES(x, y)', () => {
    const r = commonLanguageEffectSize(x, y);
    expect(relErr(r.value, ref.cles)).toBeLessThanOrEqual(1e-15);
    expect(r.counts.greater + r.counts.ties / 2).toBe(ref.U);
    expect(r.counts.pairs).toBe(x.length * y.length);
    expect(relErr(commonLanguageEffectSize(y, x).value, ref.clesYX)).toBeLessThanOrEqual(1e-15);
    expect(commonLanguageEffectSizeSorted(sorted(x), sorted(y))).toEqual(r);
  });
  it("Cliff's delta = mean sign of the pairwise differences", () => {
    expect(relErr(cliffsDelta(x, y).value, ref.cliff)).toBeLessThanOrEqual(1e-14);
    expect(cliffsDelta(y, x).value).toBe(-cliffsDelta(x, y).value!);
    expect(cliffsDeltaSorted(sorted(x), sorted(y)).value).toBe(cliffsDelta(x, y).value);
  });
  it('ratios of means, medians and quantiles', () => {
    expect(relErr(meanRatio(x, y).value, ref.meanRatio)).toBeLessThanOrEqual(1e-15);
    expect(relErr(medianRatio(x, y).value, ref.medianRatio)).toBeLessThanOrEqual(1e-15);
    expect(relErr(medianRatioSorted(sorted(x), sorted(y)).value, ref.medianRatio)).toBeLessThanOrEqual(1e-15);
    expect(relErr(quantileRatio(x, y, 0.99).value, ref.q99)).toBeLessThanOrEqual(1e-15);
    expect(relErr(quantileRatio(x, y, 0.9).value, ref.q90)).toBeLessThanOrEqual(1e-15);
    expect(relErr(quantileRatioSorted(sorted(x), sorted(y), 0.9).value, ref.q90)).toBeLessThanOrEqual(1e-15);
  });
});

describe('relativeHodgesLehmannShift against R wilcox.test', () => {
  // R 4.2: t <- wilcox.test(X, Y, conf.int = TRUE, exact = TRUE): estimate −1.6975 (= numpy median of the
  // 750 differences), conf.int [−13.951, 10.652]; median(Y) = 53.718; relative: −0.031600208496220965,
  // [−0.25970810529059157, 0.19829479876391526]. One-sided: wilcox.test(…, alternative = "greater",
  // conf.level = 0.9)$conf.int = [−9.629, Inf].
  it('two-sided exact', () => {
    const r = relativeHodgesLehmannShift(X, Y, { method: 'exact' });
    expect(relErr(r.value, -0.031600208496220965)).toBeLessThanOrEqual(1e-14);
    expect(relErr(r.lower, -0.25970810529059157)).toBeLessThanOrEqual(1e-14);
    expect(relErr(r.upper, 0.19829479876391526)).toBeLessThanOrEqual(1e-14);
    expect(r.denominator).toBe(53.718);
    expect(relErr(r.hodgesLehmann!.estimate, -1.697499999999998)).toBeLessThanOrEqual(1e-14);
    expect(r.reason).toBeUndefined();
    expect(relativeHodgesLehmannShiftSorted(sorted(X), sorted(Y), { method: 'exact' })).toEqual(r);
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });
  it('one-sided: the unbounded end is null', () => {
    const r = relativeHodgesLehmannShift(X, Y, { method: 'exact', alternative: 'greater', confidence: 0.9 });
    expect(relErr(r.lower, -9.629 / 53.718)).toBeLessThanOrEqual(1e-14);
    expect(r.upper).toBeNull();
  });
  it('non-positive baseline median and empty samples give null with a reason', () => {
    expect(relativeHodgesLehmannShift([1, 2, 3], [-1, 0, 1])).toMatchObject({ value: null, reason: 'ZERO_DENOMINATOR', lower: null, upper: null, denominator: 0 });
    expect(relativeHodgesLehmannShift([1, 2, 3], [-3, -2, -1])).toMatchObject({ value: null, reason: 'NEGATIVE_DENOMINATOR' });
    expect(relativeHodgesLehmannShift([], [1, 2])).toEqual({ value: null, reason: 'EMPTY_SAMPLE', lower: null, upper: null, denominator: 1.5, hodgesLehmann: null });
    expect(relativeHodgesLehmannShift([1, 2], [])).toMatchObject({ value: null, reason: 'EMPTY_SAMPLE', denominator: null });
  });
});

describe('null results and reasons (never NaN)', () => {
  it('empty samples', () => {
    for (const r of [meanRatio([], [1]), medianRatio([1], []), quantileRatio([], [], 0.5)]) {
      expect(r.value).toBeNull();
      expect(r.reason).toBe('EMPTY_SAMPLE');
    }
    expect(meanRatio([], [2])).toEqual({ value: null, reason: 'EMPTY_SAMPLE', numerator: null, denominator: 2 });
    expect(commonLanguageEffectSize([], [1, 2])).toEqual({ value: null, reason: 'EMPTY_SAMPLE', counts: { greater: 0, ties: 0, less: 0, pairs: 0 } });
    expect(cliffsDelta([1], []).value).toBeNull();
  });
  it('zero, negative and tiny denominators', () => {
    expect(meanRatio([1, 2], [-1, 1])).toEqual({ value: null, reason: 'ZERO_DENOMINATOR', numerator: 1.5, denominator: 0 });
    expect(medianRatio([1, 2], [-5, -1]).reason).toBe('NEGATIVE_DENOMINATOR');
    expect(quantileRatio([1e300], [1e-300], 0.5).reason).toBe('OVERFLOW');
    // a negative numerator over a positive denominator is a (negative) ratio
    expect(meanRatio([-2, -4], [1, 3]).value).toBe(-1.5);
    expect(Object.is(meanRatio([-0], [5]).value, 0)).toBe(true);
  });
  it('NaN throws NAN_IN_SAMPLE naming the sample; unsorted input to …Sorted throws NOT_SORTED', () => {
    expect(() => cliffsDelta([1, NaN], [1])).toThrow(expect.objectContaining({ code: 'NAN_IN_SAMPLE', path: 'x[1]' }));
    expect(() => meanRatio([1], [2, NaN])).toThrow(expect.objectContaining({ code: 'NAN_IN_SAMPLE', path: 'y[1]' }));
    expect(() => commonLanguageEffectSize([Infinity], [1])).toThrow(expect.objectContaining({ code: 'INFINITE_IN_SAMPLE' }));
    expect(() => commonLanguageEffectSizeSorted([2, 1], [1])).toThrow(expect.objectContaining({ code: 'NOT_SORTED', path: 'x' }));
    expect(() => medianRatioSorted([1], [3, 2])).toThrow(expect.objectContaining({ code: 'NOT_SORTED', path: 'y' }));
    expect(() => quantileRatio([1], [1], 2)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT', path: 'p' }));
  });
});

describe('dominance counts scale: O(n + m), not n·m', () => {
  it('n = m = 200 000 with heavy ties in well under a second', () => {
    const n = 200_000;
    const x = new Float64Array(n);
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      x[i] = (i * 7919) % 1000;
      y[i] = (i * 104729) % 997;
    }
    const t0 = performance.now();
    const r = commonLanguageEffectSize(x, y);
    expect(performance.now() - t0).toBeLessThan(1000);
    // brute force over the value histograms (1000 × 997 cells) as the reference
    const hx = new Float64Array(1000);
    const hy = new Float64Array(1000);
    for (let i = 0; i < n; i++) {
      hx[x[i]]++;
      hy[y[i]]++;
    }
    let greater = 0;
    let ties = 0;
    for (let a = 0; a < 1000; a++) for (let b = 0; b < 1000; b++) {
      if (a > b) greater += hx[a] * hy[b];
      else if (a === b) ties += hx[a] * hy[b];
    }
    expect(r.counts.greater).toBe(greater);
    expect(r.counts.ties).toBe(ties);
    expect(r.value).toBe((2 * greater + ties) / (2 * n * n));
  });
});

describe('properties', () => {
  const sample = fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 40 });
  const tieSample = fc.array(fc.integer({ min: -5, max: 5 }), { minLength: 1, maxLength: 40 });
  const anySample = fc.oneof(sample, tieSample);
  it('no input mutation', () => {
    fc.assert(
      fc.property(anySample, anySample, (x, y) => {
        const xc = x.slice();
        const yc = y.slice();
        const xt = Float64Array.from(x);
        const yt = Float64Array.from(y);
        for (const [a, b] of [[x, y], [xt, yt]] as const) {
          meanRatio(a, b); medianRatio(a, b); quantileRatio(a, b, 0.9);
          commonLanguageEffectSize(a, b); cliffsDelta(a, b); relativeHodgesLehmannShift(a, b);
        }
        expect(x).toEqual(xc);
        expect(y).toEqual(yc);
        expect(Array.from(xt)).toEqual(xc);
        expect(Array.from(yt)).toEqual(yc);
      }),
      { numRuns: 100 },
    );
  });
  it('CLES(x, y) + CLES(y, x) = 1; CLES in [0, 1]; Cliff = 2·CLES − 1', () => {
    fc.assert(
      fc.property(anySample, anySample, (x, y) => {
        const a = commonLanguageEffectSize(x, y).value!;
        const b = commonLanguageEffectSize(y, x).value!;
        expect(Math.abs(a + b - 1)).toBeLessThanOrEqual(2e-16);
        expect(a).toBeGreaterThanOrEqual(0);
        expect(a).toBeLessThanOrEqual(1);
        expect(Math.abs(cliffsDelta(x, y).value! - (2 * a - 1))).toBeLessThanOrEqual(4e-16);
      }),
      { numRuns: 300 },
    );
  });
  it("Cliff's delta is antisymmetric and in [−1, 1]; both match brute force", () => {
    fc.assert(
      fc.property(anySample, anySample, (x, y) => {
        const d = cliffsDelta(x, y).value!;
        expect(cliffsDelta(y, x).value).toBe(d === 0 ? 0 : -d);
        expect(d).toBeGreaterThanOrEqual(-1);
        expect(d).toBeLessThanOrEqual(1);
        let s = 0;
        for (const a of x) for (const b of y) s += Math.sign(a - b);
        expect(Math.abs(d - s / (x.length * y.length))).toBeLessThanOrEqual(1e-15);
      }),
      { numRuns: 300 },
    );
  });
  it('ratios and the relative HL shift are scale-invariant (c·x, c·y)', () => {
    const positive = fc.array(fc.double({ min: 0.001, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 30 });
    fc.assert(
      fc.property(positive, positive, fc.constantFrom(0.001, 0.5, 3, 1000, 2 ** 20), (x, y, c) => {
        const cx = x.map((v) => v * c);
        const cy = y.map((v) => v * c);
        const close = (a: number | null, b: number | null): void => {
          expect(a === null).toBe(b === null);
          if (a !== null && b !== null) expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-12 * Math.max(Math.abs(a), Math.abs(b), 1e-300));
        };
        close(meanRatio(cx, cy).value, meanRatio(x, y).value);
        close(medianRatio(cx, cy).value, medianRatio(x, y).value);
        close(quantileRatio(cx, cy, 0.95).value, quantileRatio(x, y, 0.95).value);
        const r1 = relativeHodgesLehmannShift(cx, cy, { method: 'asymptotic' });
        const r0 = relativeHodgesLehmannShift(x, y, { method: 'asymptotic' });
        // the HL estimate is scale-equivariant up to rounding of the differences
        expect(Math.abs(r1.value! - r0.value!)).toBeLessThanOrEqual(1e-12 * (Math.abs(r0.value!) + Math.max(...x, ...y) / r0.denominator!));
        // dominance measures are invariant under any increasing transformation
        expect(commonLanguageEffectSize(cx, cy).value).toBe(commonLanguageEffectSize(x, y).value);
      }),
      { numRuns: 150 },
    );
  });
  it('never throws on numeric input except CanaryJudgeError, never returns NaN or Infinity', () => {
    const wild = fc.array(fc.double(), { maxLength: 20 });
    fc.assert(
      fc.property(wild, wild, fc.double(), (x, y, p) => {
        const calls = [
          () => meanRatio(x, y), () => medianRatio(x, y), () => quantileRatio(x, y, p),
          () => commonLanguageEffectSize(x, y), () => cliffsDelta(x, y), () => relativeHodgesLehmannShift(x, y),
        ];
        for (const call of calls) {
          try {
            const r = call() as { value: number | null; lower?: number | null; upper?: number | null };
            for (const v of [r.value, r.lower ?? null, r.upper ?? null]) if (v !== null) expect(Number.isFinite(v)).toBe(true);
          } catch (e) {
            expect(e).toBeInstanceOf(CanaryJudgeError);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
