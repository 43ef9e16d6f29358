import { describe, it, expect } from 'vitest';
import {
  LogHistogram,
  fromOtelExponentialHistogram,
  fromOtelHistogram,
  fromPrometheusNativeHistogram,
  fromPrometheusBuckets,
} from '../../src/sketch/index.js';
import { CanaryJudgeError } from '../../src/errors.js';

function caught(f: () => unknown): CanaryJudgeError {
  try {
    f();
  } catch (e) {
    if (e instanceof CanaryJudgeError) return e;
    throw e;
  }
  throw new Error('expected a CanaryJudgeError');
}

describe('fromOtelExponentialHistogram', () => {
  it('scale 0: bucket i covers (2^i, 2^(i+1)] (hand-computed)', () => {
    const h = fromOtelExponentialHistogram({
      scale: 0,
      zeroCount: '1',
      positive: { offset: 0, bucketCounts: ['2', '3'] },
      negative: { offset: 1, bucketCounts: ['1'] },
      count: '7',
      sum: 9.5,
    });
    expect(h.count).toBe(7);
    expect(h.sum).toBe(9.5);
    expect(h.min).toBeNull(); // not given
    expect(h.mapping).toEqual({ kind: 'exponential', scale: 0 });
    expect(h.buckets()).toEqual([
      { lower: -4, upper: -2, count: 1 },
      { lower: -0, upper: 0, count: 1 },
      { lower: 1, upper: 2, count: 2 },
      { lower: 2, upper: 4, count: 3 },
    ]);
    // median: 0-based rank ⌊0.5·6⌋ = 3 lies in (1, 2]; representative 2·2/(1+2) = 4/3
    expect(h.quantile(0.5)).toBe(4 / 3);
    expect(h.toJSON().positive).toEqual({ offset: 0, counts: [2, 3] });
    expect(h.toJSON().negative).toEqual({ offset: 1, counts: [1] });
  });

  it('proto3 JSON defaults: missing scale/offset/zeroCount are 0; numbers accepted for counts', () => {
    const h = fromOtelExponentialHistogram({ positive: { bucketCounts: [1, 0, 4] }, min: 1.5, max: 7 });
    expect(h.mapping).toEqual({ kind: 'exponential', scale: 0 });
    expect(h.toJSON().positive).toEqual({ offset: 0, counts: [1, 0, 4] });
    expect(h.min).toBe(1.5);
    expect(h.max).toBe(7);
    expect(h.quantile(1)).toBe(7);
  });

  it('scale 3 with a negative offset, zero threshold', () => {
    const h = fromOtelExponentialHistogram({
      scale: 3,
      zeroThreshold: 0.001,
      zeroCount: '4',
      positive: { offset: -2, bucketCounts: ['1', '0', '2'] }, // (2^(-2/8), 2^(-1/8)], …, (1, 2^(1/8)]
      count: '7',
    });
    expect(h.zeroThreshold).toBe(0.001);
    const b = h.buckets();
    expect(b[1]).toEqual({ lower: 0.8408964152537146, upper: 0.9170040432046712, count: 1 });
    expect(b[2]).toEqual({ lower: 1, upper: 1.0905077326652577, count: 2 });
  });

  it('merging data points of different scales downscales to the coarser one (hand-computed)', () => {
    // scale 2 buckets i = 0..3 cover (1, 2]; i = 4..7 cover (2, 4] at scale 0
    const fine = fromOtelExponentialHistogram({ scale: 2, positive: { offset: 2, bucketCounts: ['1', '1', '1', '1', '5'] }, count: '9' });
    const coarse = fromOtelExponentialHistogram({ scale: 0, positive: { offset: 0, bucketCounts: ['10', '20'] }, count: '30' });
    const m = coarse.clone().merge(fine);
    expect(m.mapping).toEqual({ kind: 'exponential', scale: 0 });
    expect(m.toJSON().positive).toEqual({ offset: 0, counts: [12, 27] });
    expect(fine.clone().merge(coarse).toJSON()).toEqual(m.toJSON());
    expect(fine.mapping).toEqual({ kind: 'exponential', scale: 2 }); // inputs untouched
  });

  it('invalid input: code and JSON path of the offending field', () => {
    let e = caught(() => fromOtelExponentialHistogram({ scale: 0, positive: { offset: 0, bucketCounts: ['2', '-1'] } }));
    expect([e.code, e.path]).toEqual(['INVALID_COUNT', 'positive.bucketCounts[1]']);
    e = caught(() => fromOtelExponentialHistogram({ scale: 0, negative: { offset: 0, bucketCounts: ['1.5'] } }));
    expect([e.code, e.path]).toEqual(['INVALID_COUNT', 'negative.bucketCounts[0]']);
    e = caught(() => fromOtelExponentialHistogram({ scale: 0, positive: { bucketCounts: ['18446744073709551615'] } }));
    expect([e.code, e.path]).toEqual(['COUNT_TOO_LARGE', 'positive.bucketCounts[0]']);
    e = caught(() => fromOtelExponentialHistogram({ scale: 21 }));
    expect([e.code, e.path]).toEqual(['INVALID_SCALE', 'scale']);
    e = caught(() => fromOtelExponentialHistogram({ scale: 0, zeroCount: '1', positive: { bucketCounts: ['2'] }, count: '4' }));
    expect([e.code, e.path]).toEqual(['COUNT_MISMATCH', 'count']);
    e = caught(() => fromOtelExponentialHistogram({ scale: 0, positive: { offset: 0.5, bucketCounts: [] } }, { path: 'dataPoints[3]' }));
    expect([e.code, e.path]).toEqual(['INVALID_FIELD', 'dataPoints[3].positive.offset']);
  });
});

describe('fromOtelHistogram (explicit bounds)', () => {
  it('imports bounds and non-cumulative counts', () => {
    const h = fromOtelHistogram({ explicitBounds: [0.1, 0.5, 1], bucketCounts: ['0', '8', '2', '0'], count: '10', sum: 3 });
    expect(h.mapping).toEqual({ kind: 'explicit', bounds: [0.1, 0.5, 1] });
    expect(h.count).toBe(10);
    // rank 5 in (0.1, 0.5] holding 8: 0.1 + 0.4·5/8
    expect(h.quantile(0.5)).toBeCloseTo(0.35, 15);
    const e = caught(() => fromOtelHistogram({ explicitBounds: [1, 2], bucketCounts: ['1', '2'] }));
    expect([e.code, e.path]).toEqual(['SPAN_MISMATCH', 'bucketCounts']);
  });
});

describe('fromPrometheusNativeHistogram', () => {
  // The example of the Prometheus native histograms specification (docs/specs/native_histograms.md,
  // "Buckets" → "Examples"): positive buckets (index→population) -2→3, -1→5, 0→0, 1→0, 2→1, 3→0, 4→3, 5→2,
  // written three ways. Prometheus index i is OTel/LogHistogram index i − 1.
  const expected = { offset: -3, counts: [3, 5, 0, 0, 1, 0, 3, 2] };
  const reps = [
    { positiveDeltas: [3, 2, -4, 2, -1], positiveSpans: [{ offset: -2, length: 2 }, { offset: 2, length: 1 }, { offset: 1, length: 2 }] },
    { positiveDeltas: [3, 2, -4, -1, 3, -1], positiveSpans: [{ offset: -2, length: 2 }, { offset: 2, length: 4 }] },
    { positiveDeltas: [3, 2, -5, 0, 1, -1, 3, -1], positiveSpans: [{ offset: -2, length: 8 }] },
  ];
  for (const [k, rep] of reps.entries()) {
    it(`spec example, representation ${k + 1}`, () => {
      const h = fromPrometheusNativeHistogram({ schema: 0, ...rep, count: '14', sum: 100 });
      expect(h.toJSON().positive).toEqual(expected);
      expect(h.count).toBe(14);
      // Prometheus bucket -2 is (2^-3, 2^-2]
      expect(h.buckets()[0]).toEqual({ lower: 0.125, upper: 0.25, count: 3 });
      expect(h.buckets()[4]).toEqual({ lower: 16, upper: 32, count: 2 });
    });
  }

  it('equals the OTel exponential data point with the same buckets (Prom index i = OTel index i − 1)', () => {
    const p = fromPrometheusNativeHistogram({ schema: 0, ...reps[0] });
    const o = fromOtelExponentialHistogram({ scale: 0, positive: { offset: -3, bucketCounts: ['3', '5', '0', '0', '1', '0', '3', '2'] } });
    expect(p.toJSON()).toEqual(o.toJSON());
  });

  it('float histograms (positiveCounts), negative buckets and the zero bucket', () => {
    const h = fromPrometheusNativeHistogram({
      schema: 1,
      zeroThreshold: 0.25,
      zeroCount: 2.5,
      positiveSpans: [{ offset: 1, length: 2 }],
      positiveCounts: [1.5, 0.5],
      negativeSpans: [{ offset: 0, length: 1 }],
      negativeCounts: ['3'],
    });
    expect(h.count).toBe(7.5);
    expect(h.zeroThreshold).toBe(0.25);
    expect(h.toJSON().positive).toEqual({ offset: 0, counts: [1.5, 0.5] });
    expect(h.toJSON().negative).toEqual({ offset: -1, counts: [3] });
    expect(h.buckets()[0]).toEqual({ lower: -1, upper: -0.7071067811865476, count: 3 });
  });

  it('custom buckets (schema -53) become explicit bounds', () => {
    const h = fromPrometheusNativeHistogram({
      schema: -53,
      customValues: [0.1, 0.5, 1],
      positiveSpans: [{ offset: 0, length: 2 }, { offset: 1, length: 1 }],
      positiveDeltas: [2, 3, -4],
    });
    expect(h.mapping).toEqual({ kind: 'explicit', bounds: [0.1, 0.5, 1] });
    expect(h.buckets()).toEqual([
      { lower: null, upper: 0.1, count: 2 }, // (−∞, 0.1]
      { lower: 0.1, upper: 0.5, count: 5 },
      { lower: 1, upper: null, count: 1 }, // (1, +∞)
    ]);
  });

  it('the HTTP API form: schema inferred from the edges, same histogram as the structured form', () => {
    const api = {
      count: '14',
      sum: '100',
      buckets: [
        [0, '0.125', '0.25', '3'],
        [0, '0.25', '0.5', '5'],
        [0, '2', '4', '1'],
        [0, '8', '16', '3'],
        [0, '16', '32', '2'],
      ] as Array<[number, string, string, string]>,
    };
    const h = fromPrometheusNativeHistogram(api);
    const s = fromPrometheusNativeHistogram({ schema: 0, ...reps[0], sum: 100 });
    expect(h.toJSON()).toEqual(s.toJSON());
  });

  it('the HTTP API form at schema 3 with a zero bucket and negative buckets', () => {
    const h = fromPrometheusNativeHistogram({
      count: '10',
      sum: '3.5',
      buckets: [
        [1, '-1.0905077326652577', '-1', '2'],
        [3, '-0.001', '0.001', '1'],
        [0, '0.9170040432046712', '1', '4'],
        [0, '1.189207115002721', '1.2968395546510096', '3'],
      ],
    });
    expect(h.mapping).toEqual({ kind: 'exponential', scale: 3 });
    expect(h.zeroThreshold).toBe(0.001);
    expect(h.zeroCount).toBe(1);
    expect(h.toJSON().positive).toEqual({ offset: -1, counts: [4, 0, 0, 3] });
    expect(h.toJSON().negative).toEqual({ offset: 0, counts: [2] });
  });

  it('the HTTP API form of custom buckets falls back to explicit bounds', () => {
    const h = fromPrometheusNativeHistogram({
      count: '8',
      buckets: [
        [0, '-Inf', '0.1', '2'],
        [0, '0.1', '0.5', '5'],
        [0, '1', '+Inf', '1'],
      ],
    });
    expect(h.mapping).toEqual({ kind: 'explicit', bounds: [0.1, 0.5, 1] });
    expect(h.buckets().map((b) => b.count)).toEqual([2, 5, 1]);
  });

  it('invalid input: code and JSON path', () => {
    let e = caught(() => fromPrometheusNativeHistogram({ schema: 0, positiveSpans: [{ offset: 0, length: 3 }], positiveDeltas: [1, 1] }));
    expect([e.code, e.path]).toEqual(['SPAN_MISMATCH', 'positiveSpans']);
    e = caught(() => fromPrometheusNativeHistogram({ schema: 0, positiveSpans: [{ offset: 0, length: 3 }], positiveDeltas: [1, 1, -3] }));
    expect([e.code, e.path]).toEqual(['INVALID_COUNT', 'positiveDeltas[2]']);
    e = caught(() => fromPrometheusNativeHistogram({ schema: 0, negativeSpans: [{ offset: 0, length: 1 }, { offset: -2, length: 1 }], negativeDeltas: [1, 0] }));
    expect([e.code, e.path]).toEqual(['SPAN_MISMATCH', 'negativeSpans[1].offset']);
    e = caught(() => fromPrometheusNativeHistogram({ schema: 0, positiveSpans: [{ offset: 0, length: 1 }], positiveCounts: [-0.5] }));
    expect([e.code, e.path]).toEqual(['INVALID_COUNT', 'positiveCounts[0]']);
    e = caught(() => fromPrometheusNativeHistogram({ schema: 9.5 } as never));
    expect([e.code, e.path]).toEqual(['INVALID_SCALE', 'schema']);
    e = caught(() => fromPrometheusNativeHistogram({ schema: 0, zeroCount: 5, count: 3 }));
    expect([e.code, e.path]).toEqual(['COUNT_MISMATCH', 'count']);
    e = caught(() => fromPrometheusNativeHistogram({ buckets: [[0, '1', '2', 'x']] } as never, { path: 'data.result[0].histogram[1]' }));
    expect([e.code, e.path]).toEqual(['INVALID_COUNT', 'data.result[0].histogram[1].buckets[0][3]']);
  });
});

describe('fromPrometheusBuckets (classic le)', () => {
  const buckets = [
    { le: '1', count: '9' },
    { le: '0.1', count: '2' },
    { le: '+Inf', count: '10' },
    { le: '0.5', count: '7' },
  ];
  it('converts cumulative counts to explicit buckets (any input order)', () => {
    const h = fromPrometheusBuckets(buckets);
    expect(h.mapping).toEqual({ kind: 'explicit', bounds: [0.1, 0.5, 1] });
    expect(h.buckets().map((b) => b.count)).toEqual([2, 5, 2, 1]);
    // histogram_quantile(0.5): rank 5 in (0.1, 0.5] (5 values, 2 before): 0.1 + 0.4·3/5
    expect(h.quantile(0.5)).toBeCloseTo(0.34, 15);
    // rank 9.9 lands in +Inf: the largest finite bound (Prometheus)
    expect(h.quantile(0.99)).toBe(1);
    expect(buckets[0].le).toBe('1'); // input untouched
  });

  it('histograms with different bounds merge on the shared bounds', () => {
    const a = fromPrometheusBuckets(buckets);
    const b = fromPrometheusBuckets([{ le: 0.5, count: 4 }, { le: 1, count: 4 }, { le: 2, count: 6 }, { le: '+Inf', count: 6 }]);
    const m = a.clone().merge(b);
    expect(m.mapping).toEqual({ kind: 'explicit', bounds: [0.5, 1] });
    expect(m.buckets().map((x) => x.count)).toEqual([7 + 4, 2 + 0, 1 + 2]);
    expect(m.toJSON()).toEqual(b.clone().merge(a).toJSON());
  });

  it('invalid input: non-monotonic, duplicate, missing +Inf, negative', () => {
    let e = caught(() => fromPrometheusBuckets([{ le: 0.1, count: 5 }, { le: 0.5, count: 4 }, { le: '+Inf', count: 6 }]));
    expect([e.code, e.path]).toEqual(['NON_MONOTONIC_BUCKETS', 'buckets[1].count']);
    e = caught(() => fromPrometheusBuckets([{ le: 0.1, count: 5 }, { le: '0.1', count: 5 }, { le: '+Inf', count: 6 }]));
    expect([e.code, e.path]).toEqual(['DUPLICATE_BOUND', 'buckets[1].le']);
    e = caught(() => fromPrometheusBuckets([{ le: 0.1, count: 5 }]));
    expect(e.code).toBe('MISSING_INF_BUCKET');
    e = caught(() => fromPrometheusBuckets([{ le: 0.1, count: -1 }, { le: '+Inf', count: 6 }], { path: 'series' }));
    expect([e.code, e.path]).toEqual(['INVALID_COUNT', 'series[0].count']);
  });

  it('explicit-bounds histograms do not merge with log-bucket ones', () => {
    const e = caught(() => fromPrometheusBuckets(buckets).merge(new LogHistogram().add(1)));
    expect(e.code).toBe('SKETCH_MAPPING_MISMATCH');
  });
});
