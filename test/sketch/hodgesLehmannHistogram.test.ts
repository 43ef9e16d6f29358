import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { LogHistogram, hodgesLehmannHistogram, quantileRatioHistogram, alignHistograms, rebucketHistogram } from '../../src/sketch/index.js';
import { CanaryJudgeError } from '../../src/errors.js';
import { mulberry32, lognormals, normals } from './rng.js';

const X = [3, 5, 5, 7, 8, 8, 8, 12, 15, 15, 20, 22, 25, 3, 9, 11, 11, 30];
const Y = [1, 2, 2, 4, 5, 5, 6, 7, 7, 8, 10, 12, 12, 13, 14, 2, 6, 9, 9, 16, 18];

/** Brute-force Hodges–Lehmann (median of all pairwise differences), for small samples. */
function bruteHL(x: ArrayLike<number>, y: ArrayLike<number>, log = false): number {
  const d: number[] = [];
  for (let i = 0; i < x.length; i++) for (let j = 0; j < y.length; j++) d.push(log ? Math.log(x[i]) - Math.log(y[j]) : x[i] - y[j]);
  d.sort((a, b) => a - b);
  const n = d.length;
  const m = n % 2 ? d[(n - 1) / 2] : (d[n / 2 - 1] + d[n / 2]) / 2;
  return log ? Math.exp(m) : m;
}

describe('hodgesLehmannHistogram', () => {
  it('integer data in buckets centred on the integers: equals numpy (median of np.subtract.outer) = 3', () => {
    const opts = { bounds: Array.from({ length: 32 }, (_, k) => k - 0.5) };
    const r = hodgesLehmannHistogram(new LogHistogram(opts).addAll(X), new LogHistogram(opts).addAll(Y));
    expect(r.estimate).toBe(3);
    expect(r.lower as number).toBeLessThanOrEqual(3);
    expect(r.upper as number).toBeGreaterThanOrEqual(3);
    expect(r.upper! - r.lower!).toBeLessThanOrEqual(2 + 1e-12); // each edge is ½ away from the value
    expect(bruteHL(X, Y)).toBe(3);
  });

  it('log scale at 1%: the ratio 1.5 of numpy (exp median of log differences) within the bounds', () => {
    const r = hodgesLehmannHistogram(new LogHistogram().addAll(X), new LogHistogram().addAll(Y), { scale: 'log' });
    // numpy: exp(median(subtract.outer(log x, log y))) = 1.5000000000000002
    expect(r.lower as number).toBeLessThanOrEqual(1.5000000000000002);
    expect(r.upper as number).toBeGreaterThanOrEqual(1.5000000000000002);
    expect(Math.abs((r.estimate as number) / 1.5 - 1)).toBeLessThan(0.021);
    expect((r.upper as number) / (r.lower as number)).toBeLessThan(1.09);
  });

  it('property: the bounds contain the raw-data estimate (linear and log, several grids)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1e6 }),
        fc.constantFrom<object>({}, { relativeAccuracy: 0.1 }, { scale: 1 }, { scale: -1 }, { bounds: [0.5, 1, 2, 4] }),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 40 }),
        fc.boolean(),
        (seed, opts, n, m, log) => {
          const rand = mulberry32(seed);
          const x = lognormals(rand, n, 0.2, 1);
          const y = lognormals(rand, m, 0, 1);
          const r = hodgesLehmannHistogram(new LogHistogram(opts).addAll(x), new LogHistogram(opts).addAll(y), { scale: log ? 'log' : 'linear' });
          const exact = bruteHL(x, y, log);
          const tol = 1e-12 * Math.max(1, Math.abs(exact));
          expect(r.lower as number).toBeLessThanOrEqual(exact + tol);
          expect(r.upper as number).toBeGreaterThanOrEqual(exact - tol);
          expect(r.estimate as number).toBeGreaterThanOrEqual((r.lower as number) - tol);
          expect(r.estimate as number).toBeLessThanOrEqual((r.upper as number) + tol);
          return true;
        },
      ),
      { numRuns: 200, seed: 29 },
    );
  });

  it('signed data on the linear scale; log scale on data with zeros gives nulls and a reason', () => {
    const rand = mulberry32(4);
    const x = normals(rand, 30).map((v) => v + 1);
    const y = normals(rand, 25);
    const r = hodgesLehmannHistogram(new LogHistogram({ relativeAccuracy: 0.02 }).addAll(x), new LogHistogram({ relativeAccuracy: 0.02 }).addAll(y));
    const exact = bruteHL(x, y);
    expect(r.lower as number).toBeLessThanOrEqual(exact);
    expect(r.upper as number).toBeGreaterThanOrEqual(exact);
    const z = hodgesLehmannHistogram(new LogHistogram().addAll([0, 1, 2]), new LogHistogram().addAll([1, 2]), { scale: 'log' });
    expect(z.estimate).toBeNull();
    expect(z.reason).toMatch(/≤ 0/);
  });

  it('unbounded explicit end buckets without min/max give null bounds with a reason', () => {
    const h = new LogHistogram({ bounds: [1, 2] }).addAll([0.5, 1.5, 3]);
    const j = h.toJSON();
    const noExtremes = LogHistogram.fromJSON({ ...j, min: null, max: null });
    const r = hodgesLehmannHistogram(noExtremes, noExtremes);
    expect(r.estimate).toBe(0);
    expect(r.lower).toBeNull();
    expect(r.reason).toMatch(/unbounded/);
  });

  it('~2,000-bucket histograms: fast (bisection over bucket pairs, no n·m work)', () => {
    const rand = mulberry32(8);
    const opts = { relativeAccuracy: 0.001 };
    const x = new LogHistogram(opts).addAll(lognormals(rand, 200000, 0.01, 0.6));
    const y = new LogHistogram(opts).addAll(lognormals(rand, 200000, 0, 0.6));
    const t0 = performance.now();
    const r = hodgesLehmannHistogram(x, y, { scale: 'log' });
    const ms = performance.now() - t0;
    expect(r.resolution.buckets).toBeGreaterThan(1500);
    expect(ms).toBeLessThan(2000);
    expect(r.lower as number).toBeLessThan(1.02);
    expect(r.upper as number).toBeGreaterThan(1.0);
  });

  it('errors', () => {
    const h = new LogHistogram().add(1);
    expect(() => hodgesLehmannHistogram(new LogHistogram(), h)).toThrow(CanaryJudgeError);
    expect(() => hodgesLehmannHistogram(h, h, { scale: 'sqrt' as never })).toThrow(/scale/);
  });
});

describe('quantileRatioHistogram, alignHistograms, rebucketHistogram', () => {
  it('quantile ratio with bounds containing the raw ratio', () => {
    const rand = mulberry32(12);
    const c = lognormals(rand, 20000, Math.log(1.1), 0.8);
    const b = lognormals(rand, 20000, 0, 0.8);
    const r = quantileRatioHistogram(new LogHistogram().addAll(c), new LogHistogram().addAll(b), 0.99);
    const q = (a: Float64Array) => Float64Array.from(a).sort()[Math.floor(0.99 * (a.length - 1))];
    const raw = q(c) / q(b);
    expect(r.lower as number).toBeLessThanOrEqual(raw);
    expect(r.upper as number).toBeGreaterThanOrEqual(raw);
    expect(Math.abs((r.ratio as number) / raw - 1)).toBeLessThan(0.0202);
    const empty = quantileRatioHistogram(new LogHistogram(), new LogHistogram().add(1), 0.5);
    expect(empty.ratio).toBeNull();
    expect(empty.reason).toBe('x is empty');
  });

  it('alignHistograms lists both counts per bucket of the shared grid', () => {
    const a = new LogHistogram({ scale: 0 }).addAll([1.5, 3, 3]);
    const b = new LogHistogram({ scale: 1 }).addAll([3, 6]);
    const al = alignHistograms(a, b);
    expect(al.lower).toEqual([1, 2, 4]);
    expect(al.upper).toEqual([2, 4, 8]);
    expect(al.x).toEqual([1, 2, 0]);
    expect(al.y).toEqual([0, 1, 1]);
    expect(al.resolution.mapping).toEqual({ kind: 'exponential', scale: 0 });
  });

  it('rebucketHistogram moves a γ histogram onto an exponential grid within a_src + a_tgt', () => {
    const rand = mulberry32(21);
    const data = lognormals(rand, 10000, 2, 1);
    const g = new LogHistogram().addAll(data);
    const e = rebucketHistogram(g, { scale: 6 });
    expect(e.mapping).toEqual({ kind: 'exponential', scale: 6 });
    expect(e.count).toBe(10000);
    expect(e.sum).toBe(g.sum);
    const sorted = Float64Array.from(data).sort();
    const tol = 0.01 + 0.0054 + 1e-9;
    for (const q of [0.01, 0.5, 0.9, 0.99]) {
      const exact = sorted[Math.floor(q * 9999)];
      expect(Math.abs((e.quantile(q) as number) / exact - 1)).toBeLessThanOrEqual(tol);
    }
    // now comparable with OTel data of scale ≤ 6
    expect(() => e.clone().merge(new LogHistogram({ scale: 3 }).add(5))).not.toThrow();
  });
});
