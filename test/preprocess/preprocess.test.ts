import { describe, expect, it } from 'vitest';
import { CanaryJudgeError } from '../../src/errors.js';
import { checkPreprocessOptions, preprocess } from '../../src/preprocess/index.js';
import ref from './fixtures/reference.json';

describe('preprocess', () => {
  it('runs NaN → outliers → smoothing and accounts for every step', () => {
    const r = preprocess([1, NaN, 2, 3, 4, 100, NaN], {
      nan: { kind: 'remove' },
      outliers: { kind: 'iqr' },
      smoothing: { kind: 'ewma', alpha: 0.5 },
    });
    // NaN removed → [1, 2, 3, 4, 100]; IQR fences −1 / 7 drop 100; EWMA(0.5) of [1, 2, 3, 4].
    expect(Array.from(r.values)).toEqual([1, 1.5, 2.25, 3.125]);
    expect(r.failed).toBe(false);
    expect(r.reason).toBeNull();
    expect(r.steps).toEqual({
      nan: { policy: { kind: 'remove' }, nanCount: 2, removed: 2, replaced: 0, failed: false, countBefore: 7, countAfter: 5 },
      outliers: { spec: { kind: 'iqr', factor: 1.5 }, removed: 1, lowerFence: -1, upperFence: 7, countBefore: 5, countAfter: 4 },
      smoothing: { spec: { kind: 'ewma', alpha: 0.5, halfLife: null }, replaced: 0, countBefore: 4, countAfter: 4 },
      countBefore: 7,
      countAfter: 4,
    });
  });

  it('order matters: replacing NaN by 0 before outlier removal lets the zeros be judged as outliers', () => {
    const r = preprocess([10, 11, NaN, 12, 10, 11, 12, 10, 11], { nan: { kind: 'replace', value: 0 }, outliers: { kind: 'iqr' } });
    expect(r.steps.nan.replaced).toBe(1);
    expect(r.steps.outliers?.removed).toBe(1);
    expect(Array.from(r.values)).toEqual([10, 11, 12, 10, 11, 12, 10, 11]);
  });

  it('defaults: NaN removed, no outlier removal, no smoothing', () => {
    const r = preprocess([3, NaN, 1e9]);
    expect(Array.from(r.values)).toEqual([3, 1e9]);
    expect(r.steps.outliers?.spec).toEqual({ kind: 'none' });
    expect(r.steps.smoothing?.spec).toEqual({ kind: 'none' });
  });

  it('reproduces Kayenta NetflixACAJudge.transformMetric (removeNaNs, IQRDetector(3, true)) on the reference sample', () => {
    const input = [NaN, ...ref.sample, NaN];
    const r = preprocess(input, { nan: { kind: 'remove' }, outliers: { kind: 'kayentaIqr' } });
    expect(Array.from(r.values)).toEqual(ref.kayentaIqr.kept);
    expect(r.steps.outliers?.upperFence).toBeCloseTo(176.60000000000068, 10); // P99, numpy linear
    expect(r.steps.countAfter).toBe(ref.sample.length - 3);
  });

  it('a failing NaN policy is a result with a reason, not an exception', () => {
    const r = preprocess([1, NaN, 3], { nan: { kind: 'fail' }, outliers: { kind: 'mad' } });
    expect(r.failed).toBe(true);
    expect(r.reason).toBe("1 of 3 values are missing (NaN) and the NaN policy is 'fail'");
    expect(r.steps.outliers).toBeNull();
    expect(r.steps.smoothing).toBeNull();
    expect(r.steps.nan.failed).toBe(true);
    expect(r.values.length).toBe(3);
  });

  it('the steps summary is plain JSON even with infinite data (fences null)', () => {
    const r = preprocess([1, 2, 3, Infinity, Infinity, -Infinity], { outliers: { kind: 'iqr' }, smoothing: { kind: 'rollingMedian', window: 2 } });
    expect(JSON.parse(JSON.stringify(r.steps))).toEqual(r.steps);
    expect(r.steps.outliers?.lowerFence).toBeNull();
    expect(r.steps.outliers?.upperFence).toBeNull();
  });

  it('checks every option before running and reports all problems with their paths', () => {
    let err: CanaryJudgeError | undefined;
    try {
      preprocess([1, 2], { nan: { kind: 'replace', value: NaN }, outliers: { kind: 'iqr', factor: -2 }, smoothing: { kind: 'rollingMedian', window: 0 } });
    } catch (e) {
      err = e as CanaryJudgeError;
    }
    expect(err).toBeInstanceOf(CanaryJudgeError);
    expect(err?.code).toBe('INVALID_OPTION');
    expect(err?.path).toBe('nan.value');
    expect(err?.problems.map((p) => p.path)).toEqual(['nan.value', 'outliers.factor', 'smoothing.window']);
    expect(checkPreprocessOptions({ smoothing: { kind: 'ewma', alpha: 0 } }, 'slis[2].preprocess')[0].path).toBe('slis[2].preprocess.smoothing.alpha');
    expect(checkPreprocessOptions(undefined)).toEqual([]);
    expect(checkPreprocessOptions(42)[0].code).toBe('INVALID_OPTION');
  });
});
