import { describe, expect, it } from 'vitest';
import { CanaryJudgeError } from '../../src/errors.js';
import {
  applySmoothing,
  blockAggregate,
  checkSmoothingSpec,
  ewma,
  ewmaAlpha,
  hampelFilter,
  resolveSmoothingSpec,
  rollingMedian,
} from '../../src/preprocess/index.js';
import ref from './fixtures/reference.json';
import { expectSeries, fromJson } from './helpers.js';

const inputs: Record<string, number[]> = { series: ref.series, nanSeries: fromJson(ref.nanSeries) };

const errorOf = (f: () => unknown): CanaryJudgeError => {
  try {
    f();
  } catch (e) {
    if (e instanceof CanaryJudgeError) return e;
    throw e;
  }
  throw new Error('did not throw');
};

describe('ewma', () => {
  it('follows the recursion s0 = x0, s_t = a·x_t + (1 − a)·s_{t−1}', () => {
    expect(Array.from(ewma([1, 2, 3, 4], { alpha: 0.5 }))).toEqual([1, 1.5, 2.25, 3.125]);
    expect(Array.from(ewma([], { alpha: 0.5 }))).toEqual([]);
  });

  it('halfLife h gives alpha = 1 − 2^(−1/h) (pandas halflife)', () => {
    expect(ewmaAlpha({ halfLife: 1 })).toBe(0.5);
    expect(ewmaAlpha({ halfLife: 5 })).toBeCloseTo(1 - 2 ** (-1 / 5), 15); // 0.12944943670387588
    expect(ewmaAlpha({ alpha: 0.3 })).toBe(0.3);
  });

  it('matches pandas ewm(adjust=False).mean(), including ignore_na=True on NaN input', () => {
    for (const c of ref.ewma) {
      const opts = c.halfLife !== undefined ? { halfLife: c.halfLife } : { alpha: c.alpha as number };
      expectSeries(ewma(inputs[c.input], opts), c.expected, 1e-12);
    }
  });

  it('rejects alpha outside (0, 1], bad halfLife, and both or neither', () => {
    expect(errorOf(() => ewma([1], { alpha: 0 }))).toMatchObject({ code: 'INVALID_OPTION', path: 'alpha' });
    expect(errorOf(() => ewma([1], { alpha: 1.01 }))).toMatchObject({ code: 'INVALID_OPTION', path: 'alpha' });
    expect(errorOf(() => ewma([1], { alpha: NaN }))).toMatchObject({ path: 'alpha' });
    expect(errorOf(() => ewma([1], { halfLife: 0 }))).toMatchObject({ path: 'halfLife' });
    expect(errorOf(() => ewma([1], { halfLife: Infinity }))).toMatchObject({ path: 'halfLife' });
    expect(errorOf(() => ewma([1], { alpha: 0.5, halfLife: 2 } as never))).toMatchObject({ path: 'halfLife' });
    expect(errorOf(() => ewma([1], {} as never))).toMatchObject({ path: 'alpha' });
  });
});

describe('rollingMedian', () => {
  it('small examples, trailing and centred', () => {
    expect(Array.from(rollingMedian([1, 5, 2, 8, 3], { window: 3 }))).toEqual([1, 3, 2, 5, 3]);
    expect(Array.from(rollingMedian([1, 5, 2, 8, 3], { window: 3, center: true }))).toEqual([3, 2, 5, 3, 5.5]);
    // pandas: Series([1,5,2,8,3,9,4,7]).rolling(4, center=True, min_periods=1).median()
    expect(Array.from(rollingMedian([1, 5, 2, 8, 3, 9, 4, 7], { window: 4, center: true }))).toEqual([3, 2, 3.5, 4, 5.5, 6, 5.5, 7]);
    expect(Array.from(rollingMedian([], { window: 3 }))).toEqual([]);
  });

  it('matches pandas rolling(window, center, min_periods=1).median() (windows 1…100, with NaN)', () => {
    expect(ref.rollingMedian.length).toBe(28);
    for (const c of ref.rollingMedian) {
      expectSeries(rollingMedian(inputs[c.input], { window: c.window, center: c.center }), c.expected, 1e-12);
    }
  });

  it('agrees with a naive sort-each-window median on random data with ties', () => {
    let seed = 12345;
    const rand = (): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const x = Array.from({ length: 500 }, () => Math.floor(rand() * 20));
    for (const w of [1, 2, 3, 10, 33]) {
      for (const center of [false, true]) {
        const got = rollingMedian(x, { window: w, center });
        const off = center ? (w - 1) >> 1 : 0;
        for (let i = 0; i < x.length; i++) {
          const end = Math.min(x.length, i + 1 + off);
          const win = x.slice(Math.max(0, i + 1 + off - w), end).sort((a, b) => a - b);
          const h = win.length >> 1;
          const med = win.length % 2 ? win[h] : (win[h - 1] + win[h]) / 2;
          expect(got[i]).toBe(med);
        }
      }
    }
  });

  it('is fast on a million points (O(n log w))', () => {
    const n = 1_000_000;
    const x = new Float64Array(n);
    for (let i = 0; i < n; i++) x[i] = Math.sin(i) * 100 + (i % 7);
    const t0 = performance.now();
    const out = rollingMedian(x, { window: 501, center: true });
    const ms = performance.now() - t0;
    expect(out.length).toBe(n);
    expect(ms).toBeLessThan(5000);
  });

  it('rejects bad windows', () => {
    expect(errorOf(() => rollingMedian([1], { window: 0 }))).toMatchObject({ code: 'INVALID_OPTION', path: 'window' });
    expect(errorOf(() => rollingMedian([1], { window: 2.5 }))).toMatchObject({ path: 'window' });
    expect(errorOf(() => rollingMedian([1], { window: 3, center: 'yes' } as never))).toMatchObject({ path: 'center' });
  });
});

describe('hampelFilter', () => {
  it('replaces a spike by the window median', () => {
    const r = hampelFilter([1, 2, 1, 50, 2, 1, 2], { window: 5 });
    expect(Array.from(r.values)).toEqual([1, 2, 1, 2, 2, 1, 2]);
    expect(r).toMatchObject({ replaced: 1, replacedIndices: [3], countBefore: 7, countAfter: 7 });
  });

  it('matches a direct numpy.median / scipy MAD(scale="normal") loop (odd and even windows, NaN)', () => {
    for (const c of ref.hampel) {
      const r = hampelFilter(inputs[c.input], { window: c.window, k: c.k });
      expectSeries(r.values, c.expected, 1e-12);
      expect(r.replacedIndices).toEqual(c.replacedIndices);
      expect(r.replaced).toBe(c.replacedIndices.length);
    }
  });

  it('is fast on a million points (sorted window, O(log w) median and MAD)', () => {
    const n = 1_000_000;
    const x = new Float64Array(n);
    for (let i = 0; i < n; i++) x[i] = Math.sin(i) * 100 + (i % 7);
    const t0 = performance.now();
    const r = hampelFilter(x, { window: 101 });
    expect(r.values.length).toBe(n);
    expect(performance.now() - t0).toBeLessThan(5000);
  });

  it('leaves NaN as NaN and constant series untouched', () => {
    const r = hampelFilter([NaN, 3, 3, 3, NaN], { window: 3 });
    expect(Number.isNaN(r.values[0]) && Number.isNaN(r.values[4])).toBe(true);
    expect(r.replaced).toBe(0);
  });

  it('rejects bad options', () => {
    expect(errorOf(() => hampelFilter([1], { window: 0 }))).toMatchObject({ code: 'INVALID_OPTION', path: 'window' });
    expect(errorOf(() => hampelFilter([1], { window: 3, k: 0 }))).toMatchObject({ path: 'k' });
  });
});

describe('blockAggregate', () => {
  it('small examples with keep and drop of the partial block', () => {
    expect(Array.from(blockAggregate([1, 2, 3, 4, 5, 6, 7], { size: 3, stat: 'mean' }))).toEqual([2, 5, 7]);
    expect(Array.from(blockAggregate([1, 2, 3, 4, 5, 6, 7], { size: 3, stat: 'max', remainder: 'drop' }))).toEqual([3, 6]);
    expect(Array.from(blockAggregate([4, 1, 3, 2], { size: 4, stat: 'median' }))).toEqual([2.5]);
    expect(Array.from(blockAggregate([1, NaN, 3, NaN, NaN], { size: 2, stat: 'mean' }))).toEqual([1, 3, NaN]);
  });

  it('matches numpy mean / median / max of reshaped blocks', () => {
    for (const c of ref.blockAggregate) {
      const stat = c.stat as 'mean' | 'median' | 'max';
      expectSeries(blockAggregate(ref.series, { size: c.size, stat }), c.keep, 1e-12);
      expectSeries(blockAggregate(ref.series, { size: c.size, stat, remainder: 'drop' }), c.drop, 1e-12);
    }
  });

  it('rejects bad options', () => {
    expect(errorOf(() => blockAggregate([1], { size: 0, stat: 'mean' }))).toMatchObject({ code: 'INVALID_OPTION', path: 'size' });
    expect(errorOf(() => blockAggregate([1], { size: 2, stat: 'p99' } as never))).toMatchObject({ path: 'stat' });
    expect(errorOf(() => blockAggregate([1], { size: 2, stat: 'max', remainder: 'pad' } as never))).toMatchObject({ path: 'remainder' });
  });
});

describe('applySmoothing / SmoothingSpec', () => {
  it('resolves defaults and reports counts', () => {
    expect(resolveSmoothingSpec({ kind: 'ewma', halfLife: 1 })).toEqual({ kind: 'ewma', alpha: 0.5, halfLife: 1 });
    expect(resolveSmoothingSpec({ kind: 'rollingMedian', window: 5 })).toEqual({ kind: 'rollingMedian', window: 5, center: false });
    expect(resolveSmoothingSpec({ kind: 'hampel', window: 7 })).toEqual({ kind: 'hampel', window: 7, k: 3 });
    expect(resolveSmoothingSpec({ kind: 'blockAggregate', size: 5, stat: 'mean' })).toEqual({
      kind: 'blockAggregate',
      size: 5,
      stat: 'mean',
      remainder: 'keep',
    });
    const r = applySmoothing([1, 2, 1, 50, 2, 1, 2], { kind: 'hampel', window: 5 });
    expect(r).toMatchObject({ replaced: 1, countBefore: 7, countAfter: 7 });
    expect(applySmoothing([1, 2, 3, 4, 5], { kind: 'blockAggregate', size: 2, stat: 'mean' }).countAfter).toBe(3);
  });

  it('prefixes problem paths', () => {
    expect(checkSmoothingSpec({ kind: 'rollingMedian', window: -1 }, 'smoothing')[0].path).toBe('smoothing.window');
    expect(checkSmoothingSpec({ kind: 'spline' }, 'smoothing')[0].path).toBe('smoothing.kind');
    expect(checkSmoothingSpec({ kind: 'blockAggregate', size: 0, stat: 'x' }, 's').map((p) => p.path)).toEqual(['s.size', 's.stat']);
  });
});
