import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { LogHistogram, scaleRelativeAccuracy, scaleForRelativeAccuracy } from '../../src/sketch/index.js';
import { CanaryJudgeError } from '../../src/errors.js';
import type { LogHistogramJSON } from '../../src/sketch/index.js';
import { mulberry32, lognormals, normals } from './rng.js';

function exactQuantile(sorted: Float64Array, q: number): number {
  return sorted[Math.floor(q * (sorted.length - 1))];
}

function withoutSum(j: LogHistogramJSON): Omit<LogHistogramJSON, 'sum'> {
  const { sum: _sum, ...rest } = j;
  return rest;
}

const QS = [0, 0.001, 0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 0.999, 1];

describe('LogHistogram: construction and basics', () => {
  it('defaults to the γ-mapping with 1% relative accuracy and 2048 buckets', () => {
    const h = new LogHistogram();
    expect(h.mapping).toEqual({ kind: 'gamma', relativeAccuracy: 0.01 });
    expect(h.relativeAccuracy).toBe(0.01);
    expect(h.maxBuckets).toBe(2048);
    expect(h.overflow).toBe('collapseLowest');
    expect(h.count).toBe(0);
    expect(h.quantile(0.5)).toBeNull();
    expect(h.min).toBeNull();
  });

  it('rejects contradictory or invalid options with the path of the field', () => {
    const err = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return e as CanaryJudgeError;
      }
      throw new Error('no error');
    };
    expect(err(() => new LogHistogram({ relativeAccuracy: 0.01, scale: 3 })).path).toBe('options.scale');
    expect(err(() => new LogHistogram({ relativeAccuracy: 1 })).path).toBe('options.relativeAccuracy');
    expect(err(() => new LogHistogram({ scale: 21 })).path).toBe('options.scale');
    expect(err(() => new LogHistogram({ bounds: [1, 1] })).path).toBe('options.bounds[1]');
    expect(err(() => new LogHistogram({ maxBuckets: 3 })).path).toBe('options.maxBuckets');
    expect(err(() => new LogHistogram({ overflow: 'downscale' })).path).toBe('options.overflow');
  });

  it('rejects NaN and infinite values before adding anything', () => {
    const h = new LogHistogram();
    expect(() => h.add(NaN)).toThrow(CanaryJudgeError);
    const e = (() => {
      try {
        h.addAll([1, 2, Infinity, 3]);
      } catch (x) {
        return x as CanaryJudgeError;
      }
    })();
    expect(e?.code).toBe('INFINITE_IN_SAMPLE');
    expect(e?.path).toBe('values[2]');
    expect(h.count).toBe(0);
  });

  it('keeps count, sum, min, max, mean; zero, negative and positive values', () => {
    const h = new LogHistogram();
    h.addAll([-3, 0, 0, 2.5, 10]);
    h.add(4, 2);
    expect(h.count).toBe(7);
    expect(h.sum).toBe(17.5);
    expect(h.min).toBe(-3);
    expect(h.max).toBe(10);
    expect(h.zeroCount).toBe(2);
    expect(h.mean).toBeCloseTo(2.5, 12);
    expect(h.quantile(0)).toBe(-3);
    expect(h.quantile(1)).toBe(10);
    expect(h.quantile(0.25)).toBe(0); // rank 1 → a zero
  });

  it('exponential scale 0 buckets are (1,2], (2,4], …, exact at powers of two', () => {
    const h = new LogHistogram({ scale: 0 });
    h.addAll([1, 2, 2.0000000000000004, 4, 0.5, 3, 1024, 1025]);
    const b = h.buckets();
    expect(b).toEqual([
      { lower: 0.25, upper: 0.5, count: 1 },
      { lower: 0.5, upper: 1, count: 1 },
      { lower: 1, upper: 2, count: 1 },
      { lower: 2, upper: 4, count: 3 },
      { lower: 512, upper: 1024, count: 1 },
      { lower: 1024, upper: 2048, count: 1 },
    ]);
    expect(scaleRelativeAccuracy(0)).toBeCloseTo(1 / 3, 15);
    expect(scaleForRelativeAccuracy(0.01)).toBe(6);
  });

  it('exponential positive scales put exact powers of two at the top of their bucket', () => {
    for (const scale of [1, 3, 5, 8, 20]) {
      const h = new LogHistogram({ scale });
      for (const e of [-1030, -20, -1, 0, 1, 7, 100, 1000]) {
        const v = Math.pow(2, e);
        const one = new LogHistogram({ scale }).add(v);
        const idx = one.toJSON().positive.offset;
        expect(idx).toBe(e * Math.pow(2, scale) - 1);
        h.add(v);
      }
      // a value just above a power of two starts the next bucket
      const above = new LogHistogram({ scale }).add(8 * (1 + 2 ** -40)).toJSON().positive.offset;
      expect(above).toBe(3 * Math.pow(2, scale));
    }
  });

  it('negative scales group powers of two', () => {
    const h = new LogHistogram({ scale: -1 }); // buckets (1,4], (4,16], …
    h.addAll([1.5, 4, 4.5, 16, 17]);
    expect(h.buckets().map((b) => [b.lower, b.upper, b.count])).toEqual([
      [1, 4, 2],
      [4, 16, 2],
      [16, 64, 1],
    ]);
  });

  it('explicit bounds: bucket i is (b[i-1], b[i]], Prometheus quantile interpolation', () => {
    const h = new LogHistogram({ bounds: [0.1, 0.5, 1] });
    h.addAll([0.05, 0.1, 0.2, 0.3, 0.5, 0.7, 2, -1]);
    expect(h.buckets().map((b) => b.count)).toEqual([3, 3, 1, 1]);
    // rank 0.5*8 = 4 falls in (0.1, 0.5] with 3 before: 0.1 + 0.4*(1/3)
    expect(h.quantile(0.5)).toBeCloseTo(0.1 + 0.4 / 3, 12);
  });
});

describe('LogHistogram: quantile relative error ≤ a against exact sorted quantiles', () => {
  const cases: Array<{ name: string; opts: ConstructorParameters<typeof LogHistogram>[0]; a: number }> = [
    // bucket caps large enough that no collapsing/downscaling happens (that is tested separately)
    { name: 'γ 1%', opts: { maxBuckets: 1 << 16 }, a: 0.01 },
    { name: 'γ 0.1%', opts: { relativeAccuracy: 0.001, maxBuckets: 1 << 16 }, a: 0.001 },
    { name: 'γ 5%', opts: { relativeAccuracy: 0.05 }, a: 0.05 },
    { name: 'scale 3', opts: { scale: 3 }, a: scaleRelativeAccuracy(3) },
    { name: 'scale 6', opts: { scale: 6, maxBuckets: 1 << 16 }, a: scaleRelativeAccuracy(6) },
    { name: 'scale 0', opts: { scale: 0 }, a: 1 / 3 },
  ];
  for (const c of cases) {
    it(`${c.name}: lognormal, normal (signed) and wide-range data`, () => {
      const rand = mulberry32(42);
      const datasets = [
        lognormals(rand, 20000, 3, 1),
        normals(rand, 20000).map((v) => v * 100),
        Float64Array.from({ length: 5000 }, () => Math.exp((rand() - 0.5) * 80)),
      ];
      for (const data of datasets) {
        const h = new LogHistogram(c.opts);
        h.addAll(data);
        const sorted = Float64Array.from(data).sort();
        for (const q of QS) {
          const exact = exactQuantile(sorted, q);
          const est = h.quantile(q) as number;
          expect(Math.abs(est - exact)).toBeLessThanOrEqual(c.a * Math.abs(exact) * (1 + 1e-12));
        }
      }
    });
  }

  it('property: any finite data, any q (fast-check)', () => {
    // normal doubles (the guarantee does not extend to subnormals, whose representatives round) and zeros
    const value = fc.double({ min: -1e12, max: 1e12, noNaN: true, noDefaultInfinity: true }).map((v) => (Math.abs(v) < 1e-300 ? 0 : v));
    fc.assert(
      fc.property(
        fc.array(value, { minLength: 1, maxLength: 200 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.constantFrom(0.01, 0.02, 0.005),
        (values, q, a) => {
          const h = new LogHistogram({ relativeAccuracy: a, maxBuckets: 1 << 18 });
          h.addAll(values);
          const exact = exactQuantile(Float64Array.from(values).sort(), q);
          const est = h.quantile(q) as number;
          return Math.abs(est - exact) <= a * Math.abs(exact) * (1 + 1e-12);
        },
      ),
      { numRuns: 300, seed: 7 },
    );
  });

  it('quantileBounds bracket the exact order statistic', () => {
    const rand = mulberry32(3);
    const data = lognormals(rand, 5000, 0, 2);
    const h = new LogHistogram({ scale: 4 }).addAll(data);
    const sorted = Float64Array.from(data).sort();
    for (const q of QS) {
      const b = h.quantileBounds(q)!;
      const exact = exactQuantile(sorted, q);
      expect(b.lower!).toBeLessThanOrEqual(exact);
      expect(b.upper!).toBeGreaterThanOrEqual(exact);
    }
  });

  it('countAtMost brackets the exact count', () => {
    const rand = mulberry32(5);
    const data = normals(rand, 3000).map((v) => v * 10);
    const h = new LogHistogram({ relativeAccuracy: 0.02 }).addAll(data);
    for (const t of [-25, -3, -0.01, 0, 0.5, 7, 12, 40]) {
      const exact = data.filter((v) => v <= t).length;
      const c = h.countAtMost(t);
      expect(c.lower).toBeLessThanOrEqual(exact);
      expect(c.upper).toBeGreaterThanOrEqual(exact);
    }
  });
});

describe('LogHistogram: merge is exact, associative and commutative', () => {
  const values = fc.array(fc.double({ min: -1e9, max: 1e9, noNaN: true, noDefaultInfinity: true }), { maxLength: 60 });
  const optsArb = fc.oneof(
    fc.record({ relativeAccuracy: fc.constantFrom(0.01, 0.05), maxBuckets: fc.constantFrom(16, 64, 2048) }),
    fc.record({ scale: fc.constant(3), maxBuckets: fc.constantFrom(16, 2048) }),
  );

  function build(opts: object, xs: number[]): LogHistogram {
    return new LogHistogram(opts).addAll(xs);
  }

  function same(a: LogHistogram, b: LogHistogram): boolean {
    expect(withoutSum(a.toJSON())).toEqual(withoutSum(b.toJSON()));
    const sa = a.sum as number;
    const sb = b.sum as number;
    expect(Math.abs(sa - sb)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(sa)));
    return true;
  }

  it('same grid: (a∪b)∪c = a∪(b∪c), a∪b = b∪a, merge = adding all values', () => {
    fc.assert(
      fc.property(optsArb, values, values, values, (opts, xa, xb, xc) => {
        const [a, b, c] = [build(opts, xa), build(opts, xb), build(opts, xc)];
        const left = a.clone().merge(b).merge(c);
        const right = a.clone().merge(b.clone().merge(c));
        same(left, right);
        same(a.clone().merge(b), b.clone().merge(a));
        if (opts.maxBuckets === 2048) same(left, build(opts, [...xa, ...xb, ...xc]));
        // inputs untouched
        same(a, build(opts, xa));
        return true;
      }),
      { numRuns: 300, seed: 11 },
    );
  });

  // Exponential histograms of different scales and zero thresholds. The one documented exception to
  // exact associativity: when a larger zero threshold absorbs the very buckets that forced a downscale
  // earlier in one merge order, that order ends at a coarser scale. The two properties below therefore
  // vary thresholds without forcing downscales, and force downscales with a common threshold.
  const magnitudes = fc.array(
    fc.tuple(fc.boolean(), fc.double({ min: -3, max: 3, noNaN: true })).map(([neg, e]) => (neg ? -1 : 1) * Math.pow(10, e)),
    { maxLength: 60 },
  );
  it('different scales and zero thresholds: associative and commutative', () => {
    const histArb = fc.record({
      scale: fc.integer({ min: -1, max: 6 }),
      zeroThreshold: fc.constantFrom(0, 0.001, 0.3, 1),
      xs: magnitudes,
    });
    fc.assert(
      fc.property(histArb, histArb, histArb, (pa, pb, pc) => {
        const mk = (p: typeof pa) => new LogHistogram({ scale: p.scale, zeroThreshold: p.zeroThreshold }).addAll(p.xs);
        const [a, b, c] = [mk(pa), mk(pb), mk(pc)];
        same(a.clone().merge(b).merge(c), a.clone().merge(b.clone().merge(c)));
        same(a.clone().merge(b), b.clone().merge(a));
        const m = a.clone().merge(b).merge(c);
        expect(m.count).toBe(pa.xs.length + pb.xs.length + pc.xs.length);
        expect(m.zeroThreshold).toBeGreaterThanOrEqual(Math.max(pa.zeroThreshold, pb.zeroThreshold, pc.zeroThreshold));
        return true;
      }),
      { numRuns: 400, seed: 13 },
    );
  });

  it('different scales under a small bucket cap (downscaling): associative and commutative', () => {
    const histArb = fc.record({ scale: fc.integer({ min: -1, max: 8 }), xs: values });
    fc.assert(
      fc.property(fc.constantFrom(16, 40), fc.constantFrom(0, 0.5), histArb, histArb, histArb, (maxBuckets, zeroThreshold, pa, pb, pc) => {
        const mk = (p: typeof pa) => new LogHistogram({ scale: p.scale, zeroThreshold, maxBuckets }).addAll(p.xs);
        const [a, b, c] = [mk(pa), mk(pb), mk(pc)];
        same(a.clone().merge(b).merge(c), a.clone().merge(b.clone().merge(c)));
        same(a.clone().merge(b), b.clone().merge(a));
        for (const h of [a, b, c]) {
          expect(h.toJSON().positive.counts.length).toBeLessThanOrEqual(maxBuckets);
          expect(h.toJSON().negative.counts.length).toBeLessThanOrEqual(maxBuckets);
        }
        return true;
      }),
      { numRuns: 400, seed: 19 },
    );
  });

  it('merging scales downscales the finer one (hand-computed)', () => {
    // scale 1 buckets (√2^i, √2^(i+1)]; indices -1..2 map to scale-0 indices ⌊i/2⌋ = -1, 0, 0, 1
    const fine = LogHistogram.fromJSON({
      type: 'LogHistogram', version: 1, mapping: { kind: 'exponential', scale: 1 }, maxBuckets: 2048, overflow: 'downscale',
      zeroThreshold: 0, zeroCount: 0, count: 10, sum: null, min: null, max: null,
      positive: { offset: -1, counts: [1, 2, 3, 4] }, negative: { offset: 0, counts: [] },
    });
    const coarse = new LogHistogram({ scale: 0 });
    coarse.merge(fine);
    expect(coarse.toJSON().positive).toEqual({ offset: -1, counts: [1, 5, 4] });
    expect(coarse.sum).toBeNull();
    expect(coarse.min).toBeNull();
  });

  it('γ-mapped and scale-mapped histograms do not merge', () => {
    const g = new LogHistogram().add(1);
    const e = new LogHistogram({ scale: 5 }).add(1);
    expect(() => g.merge(e)).toThrow(/rebucketHistogram/);
    try {
      g.merge(new LogHistogram({ relativeAccuracy: 0.02 }));
    } catch (x) {
      expect((x as CanaryJudgeError).code).toBe('SKETCH_MAPPING_MISMATCH');
    }
  });

  it('collapsing keeps the top maxBuckets buckets and says so', () => {
    const h = new LogHistogram({ relativeAccuracy: 0.01, maxBuckets: 100 });
    h.addAll(Float64Array.from({ length: 1000 }, (_, i) => Math.pow(1.05, i - 500)));
    expect(h.count).toBe(1000);
    expect(h.info().collapsed).toBe(true);
    const j = h.toJSON();
    expect(j.positive.counts.length).toBeLessThanOrEqual(100);
    // the upper quantiles keep their accuracy
    const sorted = Float64Array.from({ length: 1000 }, (_, i) => Math.pow(1.05, i - 500));
    for (const q of [0.99, 0.999, 1]) {
      const exact = exactQuantile(sorted, q);
      expect(Math.abs((h.quantile(q) as number) - exact)).toBeLessThanOrEqual(0.01 * exact * (1 + 1e-12));
    }
  });

  it('downscale rule keeps every value within the coarser accuracy', () => {
    const h = new LogHistogram({ scale: 8, maxBuckets: 160 });
    const data = Float64Array.from({ length: 2000 }, (_, i) => Math.exp((i / 2000) * 20));
    h.addAll(data);
    const s = (h.mapping as { scale: number }).scale;
    expect(s).toBeLessThan(8);
    expect(h.toJSON().positive.counts.length).toBeLessThanOrEqual(160);
    const a = scaleRelativeAccuracy(s);
    for (const q of QS) {
      const exact = exactQuantile(data, q);
      expect(Math.abs((h.quantile(q) as number) - exact)).toBeLessThanOrEqual(a * exact * (1 + 1e-12));
    }
  });
});

describe('LogHistogram: JSON and binary round trips are exact', () => {
  const arb = fc.record({
    kind: fc.constantFrom('gamma', 'scale', 'bounds'),
    xs: fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }), { maxLength: 80 }),
    weights: fc.boolean(),
  });
  it('toJSON → fromJSON and toBinary → fromBinary and base64 reproduce the state', () => {
    fc.assert(
      fc.property(arb, ({ kind, xs, weights }) => {
        const opts = kind === 'gamma' ? { relativeAccuracy: 0.02, maxBuckets: 32 } : kind === 'scale' ? { scale: 4, zeroThreshold: 0.01 } : { bounds: [-10, 0, 0.5, 3, 100] };
        const h = new LogHistogram(opts);
        if (weights) xs.forEach((v, i) => h.add(v, (i % 3) + 0.25));
        else h.addAll(xs);
        const j = h.toJSON();
        const fromJson = LogHistogram.fromJSON(JSON.parse(JSON.stringify(j)));
        expect(fromJson.toJSON()).toEqual(j);
        expect(LogHistogram.fromBinary(h.toBinary()).toJSON()).toEqual(j);
        expect(LogHistogram.fromBase64(h.toBase64()).toJSON()).toEqual(j);
        // restored state behaves the same
        const more = [1, -2, 1e5, 0];
        expect(fromJson.clone().addAll(more).toJSON()).toEqual(h.clone().addAll(more).toJSON());
        return true;
      }),
      { numRuns: 300, seed: 17 },
    );
  });

  it('binary is compact: 1% histogram of 10^5 lognormal values in a few hundred bytes', () => {
    const h = new LogHistogram().addAll(lognormals(mulberry32(1), 100000, 3, 0.5));
    const bytes = h.toBinary();
    const buckets = h.info().buckets;
    expect(bytes.length).toBeLessThan(40 + 3 * (h.toJSON().positive.counts.length));
    expect(buckets).toBeGreaterThan(100);
  });

  it('fromJSON reports the path of a bad field', () => {
    const j = new LogHistogram().addAll([1, 2, 3]).toJSON();
    const bad = { ...j, positive: { ...j.positive, counts: [1, -1, 1] } };
    try {
      LogHistogram.fromJSON(bad);
      throw new Error('no error');
    } catch (e) {
      expect((e as CanaryJudgeError).code).toBe('INVALID_COUNT');
      expect((e as CanaryJudgeError).path).toBe('positive.counts[1]');
    }
    expect(() => LogHistogram.fromJSON({ ...j, count: 4 })).toThrow(/count/);
    try {
      LogHistogram.fromJSON({ ...j, mapping: { kind: 'gamma', relativeAccuracy: 2 } });
      throw new Error('no error');
    } catch (e) {
      expect((e as CanaryJudgeError).path).toBe('mapping.relativeAccuracy');
    }
    expect(() => LogHistogram.fromBase64('TEgB')).toThrow(CanaryJudgeError);
  });
});
