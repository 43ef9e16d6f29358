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
  it('worked example, n = 100: type-7 percentiles P1 = 1.99, Q1 = 25.75, Q3 = 75.25, P99 = 505', () => {
    // h = (n − 1)·p: Q1 at 24.75 → 25.75; Q3 at 74.25 → 75.25; IQR = 49.5; Q1 − 3·IQR = −122.75;
    // Q3 + 3·IQR = 223.75; P1 at 0.99 → 1.99; P99 at 98.01 → 500 + 0.01·(1000 − 500) = 505.
    // Fences: lower = min(1.99, −122.75) = −122.75, upper = max(505, 223.75) = 505 → only 1000 goes.
    // numpy.percentile(x, [1, 25, 75, 99]) (method='linear') = [1.99, 25.75, 75.25, 505.00000000000256].
    const r = removeOutliers([...range(1, 98), 500, 1000], { kind: 'kayentaIqr' });
    expect(r.lowerFence).toBeCloseTo(-122.75, 12);
    // 0.99·99 = 98.01 in doubles leaves a fraction 0.0100000000000051…, as in numpy.
    expect(r.upperFence).toBeCloseTo(505.00000000000256, 10);
    expect(r.removed).toBe(1);
    expect(r.values[r.values.length - 1]).toBe(500);
  });

  it('removes a lone extreme point from a small sample (P99 interpolates, it is not the maximum)', () => {
    // n = 11, 1..10, 50: numpy.percentile(x, [1, 25, 75, 99]) = [1.1, 3.5, 8.5, 46.000000000000014];
    // lower = min(1.1, 3.5 − 15) = −11.5, upper = max(46, 8.5 + 15) = 46 → 50 is removed.
    const r = removeOutliers([...range(1, 10), 50], { kind: 'kayentaIqr' });
    expect(r.lowerFence).toBeCloseTo(-11.5, 12);
    expect(r.upperFence).toBeCloseTo(46.000000000000014, 12);
    expect(r.removed).toBe(1);
    expect(Array.from(r.values)).toEqual(range(1, 10));
  });

  it('matches numpy (method="linear") on a 205-point latency sample', () => {
    const r = removeOutliers(ref.sample, { kind: 'kayentaIqr' });
    expect(r.lowerFence).toBeCloseTo(ref.kayentaIqr.lowerFence, 10); // -6.44
    expect(r.upperFence).toBeCloseTo(ref.kayentaIqr.upperFence, 10); // 176.6 (= P99)
    expectSeries(r.values, ref.kayentaIqr.kept, 0);
    expect(r.removed).toBe(3); // 180, 240.5, 310
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
