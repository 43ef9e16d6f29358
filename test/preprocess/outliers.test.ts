import { describe, expect, it } from 'vitest';
import { CanaryJudgeError } from '../../src/errors.js';
import { checkOutlierSpec, removeOutliers, resolveOutlierSpec } from '../../src/preprocess/index.js';
import ref from './fixtures/reference.json';
import { expectSeries } from './helpers.js';

const range = (a: number, b: number): number[] => Array.from({ length: b - a + 1 }, (_, i) => a + i);

describe('removeOutliers: iqr (Tukey fences, numpy type-7 quartiles)', () => {
  it('small worked example: numpy.percentile([1,2,3,4,100], [25,75]) = [2, 4]', () => {
    const r = removeOutliers([1, 2, 3, 4, 100], { kind: 'iqr' });
    expect(Array.from(r.values)).toEqual([1, 2, 3, 4]);
    expect(r).toMatchObject({ removed: 1, lowerFence: -1, upperFence: 7, countBefore: 5, countAfter: 4 });
  });

  it('1..98, 500, 1000: numpy quartiles 25.75 / 75.25 → fences -48.5 / 149.5', () => {
    const r = removeOutliers([...range(1, 98), 500, 1000], { kind: 'iqr' });
    expect(r.lowerFence).toBeCloseTo(-48.5, 12);
    expect(r.upperFence).toBeCloseTo(149.5, 12);
    expect(r.removed).toBe(2);
  });

  it('matches numpy on a 205-point latency sample', () => {
    const r = removeOutliers(ref.sample, { kind: 'iqr', factor: ref.iqr.factor });
    expect(r.lowerFence).toBeCloseTo(ref.iqr.lowerFence, 10); // 5.155
    expect(r.upperFence).toBeCloseTo(ref.iqr.upperFence, 10); // 36.075
    expectSeries(r.values, ref.iqr.kept, 0);
    expect(r.removed).toBe(5);
  });

  it('IQR = 0 removes every value different from the quartile (documented Tukey behaviour)', () => {
    const r = removeOutliers([0, 0, 0, 0, 0, 0, 1, 0, 0, 5], { kind: 'iqr' });
    expect(Array.from(r.values)).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
    expect(r).toMatchObject({ removed: 2, lowerFence: 0, upperFence: 0 });
  });
});

describe('removeOutliers: kayentaIqr (NetflixACAJudge IQRDetector(3.0, reduceSensitivity = true))', () => {
  it('worked example, n = 100: legacy percentiles P1 = 1.01, Q1 = 25.25, Q3 = 75.75, P99 = 995', () => {
    // pos = p·(n+1): Q1 at 25.25 → 25.25; Q3 at 75.75 → 75.75; IQR = 50.5; Q3 + 3·IQR = 227.25;
    // P99 at 99.99 → 500 + 0.99·(1000 − 500) = 995; P1 at 1.01 → 1.01; Q1 − 3·IQR = −126.25.
    // Fences: lower = min(1.01, −126.25) = −126.25, upper = max(995, 227.25) = 995 → only 1000 goes.
    // (numpy.percentile(x, [1, 25, 75, 99], method='weibull') gives the same four numbers.)
    const r = removeOutliers([...range(1, 98), 500, 1000], { kind: 'kayentaIqr' });
    expect(r.lowerFence).toBeCloseTo(-126.25, 12);
    // 0.99·101 = 99.99 in doubles leaves d = 0.98999…: numpy (weibull) and Java both give 994.9999999999975.
    expect(r.upperFence).toBe(994.9999999999975);
    expect(r.removed).toBe(1);
    expect(r.values[r.values.length - 1]).toBe(500);
  });

  it('with n ≤ 99 P1 and P99 are the min and max, so nothing is ever removed', () => {
    // n = 11: P1 pos 0.12 < 1 → min; P99 pos 11.88 ≥ n → max (Commons Math legacy clamping).
    const r = removeOutliers([...range(1, 10), 50], { kind: 'kayentaIqr' });
    expect(r).toMatchObject({ removed: 0, lowerFence: -15, upperFence: 50 });
  });

  it('matches numpy (method="weibull") on a 205-point latency sample', () => {
    const r = removeOutliers(ref.sample, { kind: 'kayentaIqr' });
    expect(r.lowerFence).toBeCloseTo(ref.kayentaIqr.lowerFence, 10); // -6.48
    expect(r.upperFence).toBeCloseTo(ref.kayentaIqr.upperFence, 10); // 236.87 (= P99)
    expectSeries(r.values, ref.kayentaIqr.kept, 0);
    expect(r.removed).toBe(2);
  });

  it('factor defaults to 3 and can be changed', () => {
    expect(resolveOutlierSpec({ kind: 'kayentaIqr' })).toEqual({ kind: 'kayentaIqr', factor: 3 });
    expect(resolveOutlierSpec({ kind: 'iqr' })).toEqual({ kind: 'iqr', factor: 1.5 });
    expect(resolveOutlierSpec({ kind: 'mad' })).toEqual({ kind: 'mad', k: 3 });
  });
});

describe('removeOutliers: mad (scipy median_abs_deviation, scale="normal")', () => {
  it('small example: median 3, MAD 1.482602218505602 → fences 3 ± 4.447806655516806', () => {
    const r = removeOutliers([1, 2, 3, 4, 100], { kind: 'mad' });
    expect(r.lowerFence).toBeCloseTo(3 - 4.447806655516806, 14);
    expect(r.upperFence).toBeCloseTo(3 + 4.447806655516806, 14);
    expect(Array.from(r.values)).toEqual([1, 2, 3, 4]);
  });

  it('matches scipy on a 205-point latency sample', () => {
    const r = removeOutliers(ref.sample, { kind: 'mad', k: ref.mad.k });
    expect(ref.mad.mad).toBeCloseTo(5.663540474691395, 12);
    expect(r.lowerFence).toBeCloseTo(ref.mad.lowerFence, 10);
    expect(r.upperFence).toBeCloseTo(ref.mad.upperFence, 10);
    expectSeries(r.values, ref.mad.kept, 0);
    expect(r.removed).toBe(5);
  });

  it('MAD = 0 removes nothing and reports null fences', () => {
    const r = removeOutliers([0, 0, 0, 0, 0, 0, 1, 0, 0, 5], { kind: 'mad' });
    expect(r).toMatchObject({ removed: 0, lowerFence: null, upperFence: null, countAfter: 10 });
  });
});

describe('removeOutliers: edge cases', () => {
  it('none keeps everything', () => {
    expect(removeOutliers([1, 1e9], { kind: 'none' })).toMatchObject({ removed: 0, lowerFence: null, upperFence: null });
  });

  it('empty and all-NaN input give null fences and no removal', () => {
    for (const kind of ['iqr', 'kayentaIqr', 'mad'] as const) {
      expect(removeOutliers([], { kind })).toMatchObject({ removed: 0, lowerFence: null, upperFence: null, countBefore: 0 });
      const r = removeOutliers([NaN, NaN], { kind });
      expect(r).toMatchObject({ removed: 0, lowerFence: null, upperFence: null, countAfter: 2 });
    }
  });

  it('NaN passes through and is not used for the fences', () => {
    const r = removeOutliers([1, NaN, 2, 3, 4, 100], { kind: 'iqr' });
    expect(r.lowerFence).toBe(-1);
    expect(r.upperFence).toBe(7);
    expect(r.values.length).toBe(5);
    expect(Number.isNaN(r.values[1])).toBe(true);
  });

  it('infinite data: infinite fences are reported as null and nothing on that side is removed', () => {
    const r = removeOutliers([1, 2, 3, Infinity, Infinity], { kind: 'iqr' });
    expect(r.upperFence).toBeNull();
    expect(r.removed).toBe(0);
    const m = removeOutliers([-Infinity, 1, 2, 3, 1000], { kind: 'mad' });
    expect(m.removed).toBe(2); // median 2, MAD 1.4826: both −∞ and 1000 are far away
  });

  it('throws INVALID_OPTION naming the bad option', () => {
    const catchIt = (f: () => unknown): CanaryJudgeError => {
      try {
        f();
      } catch (e) {
        return e as CanaryJudgeError;
      }
      throw new Error('did not throw');
    };
    expect(catchIt(() => removeOutliers([1], { kind: 'iqr', factor: 0 }))).toMatchObject({ code: 'INVALID_OPTION', path: 'factor' });
    expect(catchIt(() => removeOutliers([1], { kind: 'kayentaIqr', factor: NaN }))).toMatchObject({ path: 'factor' });
    expect(catchIt(() => removeOutliers([1], { kind: 'mad', k: -1 }))).toMatchObject({ path: 'k' });
    expect(catchIt(() => removeOutliers([1], { kind: 'zscore' } as never))).toMatchObject({ path: 'kind' });
    expect(checkOutlierSpec({ kind: 'iqr', factor: Infinity }, 'outliers')[0].path).toBe('outliers.factor');
  });
});
