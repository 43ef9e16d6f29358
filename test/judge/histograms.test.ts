import { describe, expect, it } from 'vitest';
import { judge } from '../../src/judge/judge.js';
import { LogHistogram } from '../../src/sketch/logHistogram.js';
import type { JudgeConfig } from '../../src/judge/types.js';
import { rng } from './helpers.js';

describe('judge on histograms (pre-aggregated data)', () => {
  const r = rng(11);
  const baseline = r.lognormal(20000, Math.log(100), 0.3);
  const healthy = r.lognormal(20000, Math.log(100), 0.3);
  const slower = r.lognormal(20000, Math.log(100 * 1.12), 0.3);
  const config: JudgeConfig = { slis: [{ name: 'latency', allowedIncrease: 0.05 }] };
  const hist = (v: number[]) => new LogHistogram().addAll(Float64Array.from(v));

  it('agrees with the raw-data judge and says it ran on aggregated data', () => {
    for (const canary of [healthy, slower]) {
      const raw = judge(config, { latency: { baseline, canary } }).slis[0];
      const agg = judge(config, { latency: { baseline: hist(baseline), canary: { histogram: hist(canary).toJSON() } } }).slis[0];
      expect(agg.classification).toBe(raw.classification);
      expect(agg.details.aggregated).toBe(true);
      expect(agg.details.resolution).toMatch(/log buckets \(1% relative accuracy\), \d+ buckets/);
      expect(agg.reason).toMatch(/Judged on histograms/);
      expect(Math.abs((agg.effect?.estimate as number) - (raw.effect?.estimate as number))).toBeLessThan(0.01);
      expect(Math.abs((agg.details.z as number) - (raw.details.z as number))).toBeLessThan(0.05 * Math.max(1, Math.abs(raw.details.z as number)));
      expect(agg.samples.canary.after).toBe(20000);
    }
  });

  it('reads OpenTelemetry exponential histogram data points and bins samples on the other side', () => {
    // an OTLP data point at scale 3: bucket i covers (2^(i/8), 2^((i+1)/8)]
    const otel = (values: number[]) => {
      const idx = values.map((v) => Math.ceil(Math.log2(v) * 8) - 1);
      const offset = Math.min(...idx);
      const counts = new Array(Math.max(...idx) - offset + 1).fill(0);
      for (const i of idx) counts[i - offset]++;
      return { scale: 3, zeroCount: '0', positive: { offset, bucketCounts: counts.map(String) } };
    };
    const v = judge(config, { latency: { baseline: { histogram: otel(baseline) }, canary: { histogram: otel(slower) } } });
    expect(v.slis[0].classification).toBe('high');
    expect(v.slis[0].details.resolution).toMatch(/^exponential scale 3 \(4\.329% relative accuracy\)/);
    expect(v.slis[0].effect?.estimate).toBeGreaterThan(0.09);
    const mixed = judge(config, { latency: { baseline: { histogram: otel(baseline) }, canary: healthy.slice(0, 500) } });
    expect(mixed.slis[0].samples.canary.after).toBe(500);
    expect(mixed.slis[0].classification).toBe('pass');
  });

  it('coarse buckets cannot resolve a shift smaller than a bucket: significant but inconclusive, said plainly', () => {
    // scale 0: buckets (64,128], (128,256], (256,512]; the canary moves mass up one bucket
    const base = { scale: 0, zeroCount: '0', positive: { offset: 6, bucketCounts: ['100', '300', '100'] } };
    const canary = { scale: 0, zeroCount: 0, positive: { offset: 6, bucketCounts: [20, 240, 240] } };
    const s = judge(config, { latency: { baseline: { histogram: base }, canary: { histogram: canary } } }).slis[0];
    expect(s.pValue).toBeLessThan(1e-20);
    expect(s.classification).toBe('pass');
    expect(s.inconclusive).toBe(true);
    expect(s.details.resolution).toBe('exponential scale 0 (33.333% relative accuracy), 3 buckets');
  });

  it('a malformed histogram is an error result naming the field', () => {
    const v = judge({ slis: [{ name: 'latency' }] }, { latency: { baseline: { histogram: { scale: 0, positive: { offset: 0, bucketCounts: [1, -2] } } }, canary: healthy } });
    expect(v.slis[0].classification).toBe('error');
    expect(v.slis[0].reason).toMatch(/bucketCounts\[1\]/);
  });

  it('quantile SLIs on histograms', () => {
    const tail = r.lognormal(20000, Math.log(100), 0.3).map((x, i) => (i % 40 === 0 ? x * 3 : x));
    const v = judge({ slis: [{ name: 'p99', test: 'quantile', q: 0.99, allowedIncrease: 0.1 }] }, { p99: { baseline: hist(baseline), canary: hist(tail) } });
    expect(v.slis[0].classification).toBe('high');
    expect(v.slis[0].details.aggregated).toBe(true);
  });
});
