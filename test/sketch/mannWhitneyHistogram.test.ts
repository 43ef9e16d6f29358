import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { LogHistogram, mannWhitneyHistogram, fromPrometheusNativeHistogram } from '../../src/sketch/index.js';
import { mannWhitney } from '../../src/stats/mannWhitney.js';
import { normalSf } from '../../src/stats/normal.js';
import { CanaryJudgeError } from '../../src/errors.js';
import { mulberry32, lognormals } from './rng.js';

// Integer-valued data with ties; every distinct value falls in its own bucket under each grid below
// (γ 1%: consecutive integers ≤ 30 differ by ≥ 3.3% > the 2.02% bucket ratio; scale 5: 2.19%;
// explicit bounds at k + 0.5), so binning is lossless and the histogram test must equal scipy on the raw data.
const X = [3, 5, 5, 7, 8, 8, 8, 12, 15, 15, 20, 22, 25, 3, 9, 11, 11, 30];
const Y = [1, 2, 2, 4, 5, 5, 6, 7, 7, 8, 10, 12, 12, 13, 14, 2, 6, 9, 9, 16, 18];
// scipy 1.17: mannwhitneyu(X, Y, alternative=alt, method='asymptotic', use_continuity=cc)
const SCIPY = [
  { alternative: 'two-sided', continuity: true, statistic: 245.5, pValue: 0.11391815484089048 },
  { alternative: 'two-sided', continuity: false, statistic: 245.5, pValue: 0.11072586035696957 },
  { alternative: 'greater', continuity: true, statistic: 245.5, pValue: 0.05695907742044524 },
  { alternative: 'greater', continuity: false, statistic: 245.5, pValue: 0.05536293017848479 },
  { alternative: 'less', continuity: true, statistic: 245.5, pValue: 0.9461976869678468 },
  { alternative: 'less', continuity: false, statistic: 245.5, pValue: 0.9446370698215152 },
] as const;

const GRIDS = [
  { name: 'γ 1%', opts: {} },
  { name: 'exponential scale 5', opts: { scale: 5 } },
  { name: 'explicit bounds k + 0.5', opts: { bounds: Array.from({ length: 31 }, (_, k) => k + 0.5) } },
];

describe('mannWhitneyHistogram equals scipy on lossless (integer) data', () => {
  for (const g of GRIDS) {
    it(g.name, () => {
      const hx = new LogHistogram(g.opts).addAll(X);
      const hy = new LogHistogram(g.opts).addAll(Y);
      const distinct = new Set([...X, ...Y]).size;
      expect(mannWhitneyHistogram(hx, hy).resolution.buckets).toBe(distinct);
      for (const ref of SCIPY) {
        const r = mannWhitneyHistogram(hx, hy, { alternative: ref.alternative, continuity: ref.continuity });
        expect(r.statistic).toBe(ref.statistic);
        expect(r.pValue).toBeCloseTo(ref.pValue, 14);
        expect(r.method).toBe('asymptotic');
        expect([r.nx, r.ny]).toEqual([18, 21]);
        // same shape and numbers as the raw-data test of src/stats
        const raw = mannWhitney(X, Y, { alternative: ref.alternative, continuity: ref.continuity, method: 'asymptotic' });
        expect(r.z).toBeCloseTo(raw.z as number, 12);
        expect(r.sdU).toBeCloseTo(raw.sdU, 10);
        expect(r.tieCorrection).toBeCloseTo(raw.tieCorrection, 14);
        expect(r.ties).toBe(true);
        const { resolution, ...shape } = r;
        expect(Object.keys(shape).sort()).toEqual(Object.keys(raw).sort());
        expect(resolution.converted).toBe(false);
      }
    });
  }
});

describe('mannWhitneyHistogram is the tie-corrected test of the binned data', () => {
  it('property: equals mannWhitney on the bucket representatives (random lognormal data, several grids)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1e6 }),
        fc.constantFrom<object>({}, { relativeAccuracy: 0.05 }, { scale: 2 }, { scale: -1 }),
        fc.integer({ min: 1, max: 300 }),
        fc.integer({ min: 1, max: 300 }),
        fc.double({ min: -0.3, max: 0.3, noNaN: true }),
        (seed, opts, n, m, shift) => {
          const rand = mulberry32(seed);
          const hx = new LogHistogram(opts).addAll(lognormals(rand, n, shift, 1));
          const hy = new LogHistogram(opts).addAll(lognormals(rand, m, 0, 1));
          const expand = (h: LogHistogram) => {
            const o = h._ordered();
            const out: number[] = [];
            for (let k = 0; k < o.n; k++) for (let c = 0; c < o.count[k]; c++) out.push(o.value[k]);
            return out;
          };
          const r = mannWhitneyHistogram(hx, hy);
          const raw = mannWhitney(expand(hx), expand(hy), { method: 'asymptotic' });
          expect(r.statistic).toBe(raw.statistic);
          expect(r.pValue).toBeCloseTo(raw.pValue, 12);
          if (raw.z === null) expect(r.z).toBeNull();
          else expect(r.z as number).toBeCloseTo(raw.z, 10);
          return true;
        },
      ),
      { numRuns: 200, seed: 23 },
    );
  });

  it('is close to the raw-data test at 1% accuracy (n = m = 5000, 2% shift)', () => {
    const rand = mulberry32(99);
    const x = lognormals(rand, 5000, Math.log(1.02), 0.5);
    const y = lognormals(rand, 5000, 0, 0.5);
    const r = mannWhitneyHistogram(new LogHistogram().addAll(x), new LogHistogram().addAll(y));
    const raw = mannWhitney(x, y, { method: 'asymptotic' });
    expect(Math.abs((r.z as number) - (raw.z as number))).toBeLessThan(0.05);
    expect(Math.abs(r.statistic - raw.statistic) / (5000 * 5000)).toBeLessThan(0.003);
  });
});

describe('mannWhitneyHistogram: grids, edge cases and errors', () => {
  it('meets at the coarser scale for OTel/Prometheus histograms of different schemas', () => {
    const a = fromPrometheusNativeHistogram({ schema: 2, positiveSpans: [{ offset: 0, length: 4 }], positiveDeltas: [5, 0, 0, 0] });
    const b = fromPrometheusNativeHistogram({ schema: 0, positiveSpans: [{ offset: 0, length: 2 }], positiveDeltas: [2, 6] });
    // schema 2, Prom buckets 0..3 = OTel −1..2 → at scale 0: ⌊i/4⌋ = −1, 0, 0, 0 → (0.5,1]: 5, (1,2]: 15
    // schema 0: (0.5,1]: 2, (1,2]: 8. U = 5·(0 + 2/2) + 15·(2 + 8/2) = 95
    const r = mannWhitneyHistogram(a, b);
    expect(r.statistic).toBe(95);
    expect(r.resolution.converted).toBe(true);
    expect(r.resolution.mapping).toEqual({ kind: 'exponential', scale: 0 });
    expect(r.resolution.buckets).toBe(2);
    expect(a.mapping).toEqual({ kind: 'exponential', scale: 2 }); // not modified
  });

  it('all values in one bucket: p = 1, z = null', () => {
    const r = mannWhitneyHistogram(new LogHistogram().addAll([5, 5.01]), new LogHistogram().add(5.02));
    expect(r.pValue).toBe(1);
    expect(r.z).toBeNull();
    expect(r.sdU).toBe(0);
  });

  it('errors: empty histogram, exact method, incompatible grids', () => {
    const h = new LogHistogram().add(1);
    const grab = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return e as CanaryJudgeError;
      }
      throw new Error('no error');
    };
    expect([grab(() => mannWhitneyHistogram(new LogHistogram(), h)).code, grab(() => mannWhitneyHistogram(new LogHistogram(), h)).path]).toEqual(['EMPTY_SAMPLE', 'x']);
    expect(grab(() => mannWhitneyHistogram(h, new LogHistogram())).path).toBe('y');
    expect(grab(() => mannWhitneyHistogram(h, h, { method: 'exact' })).code).toBe('INVALID_OPTION');
    expect(grab(() => mannWhitneyHistogram(h, new LogHistogram({ scale: 6 }).add(1))).code).toBe('SKETCH_MAPPING_MISMATCH');
  });

  it('p-values deep in the tail come from the normal survival function', () => {
    const rand = mulberry32(7);
    const x = new LogHistogram().addAll(lognormals(rand, 100000, 0.07, 0.5));
    const y = new LogHistogram().addAll(lognormals(rand, 100000, 0, 0.5));
    const r = mannWhitneyHistogram(x, y, { alternative: 'greater' });
    expect(r.z as number).toBeGreaterThan(25);
    expect(r.pValue).toBe(normalSf(r.z as number));
    expect(r.pValue).toBeGreaterThan(0);
    expect(r.pValue).toBeLessThan(1e-100);
  });
});
