import { describe, expect, it } from 'vitest';
import { judge } from '../../src/judge/judge.js';
import { countMonitorFromSeries } from '../../src/sequential/monitors/CountMonitor.js';
import { meanMonitorFromSeries } from '../../src/sequential/monitors/MeanMonitor.js';
import type { JudgeConfig } from '../../src/judge/types.js';
import { rng } from './helpers.js';

describe('judge: sequential SLIs (anytime-valid, safe to re-run after every scrape)', () => {
  it('counts: a 3× error rate at a 10% stage fails, and the result is the monitor replayed over the intervals', () => {
    const minutes = 30;
    const baseline = { events: Array.from({ length: minutes }, (_, i) => 9 + (i % 3)), total: new Array(minutes).fill(9000) };
    const canary = { events: Array.from({ length: minutes }, (_, i) => 3 + (i % 2)), total: new Array(minutes).fill(1000) };
    const config: JudgeConfig = { slis: [{ name: 'errors', test: 'sequential', canaryShare: 0.1, allowedIncrease: 0.5 }] };
    const v = judge(config, { errors: { baseline, canary } });
    const s = v.slis[0];
    const direct = countMonitorFromSeries({ baseline, canary, canaryShare: 0.1, allowedIncrease: 0.5, alpha: 0.05, direction: 'increase', allowedDecrease: 0.1, label: 'errors' });
    expect(s.test).toBe('sequential');
    expect(s.classification).toBe(direct.decision === 'fail' ? 'high' : 'pass');
    expect(s.classification).toBe('high');
    expect(s.pValue).toBe(direct.pValue);
    expect(s.effect?.lower).toBe(direct.confidenceSequence.lower);
    expect(s.details).toMatchObject({ monitor: 'count', decision: 'fail', looks: 30, anytimeValid: true, canaryShare: 0.1 });
    expect(s.sequence?.length).toBe(30);
    expect(s.sequence?.[29].decision).toBe('fail');
    expect(v.verdict).toBe('fail');
  });

  it('samples: a healthy canary is proven within the allowed change (early promotion), a regression fails', () => {
    const r = rng(3);
    const baseline = r.lognormal(4000, Math.log(100), 0.3);
    const same = r.lognormal(4000, Math.log(100), 0.3);
    const slower = r.lognormal(4000, Math.log(125), 0.3);
    const config: JudgeConfig = { slis: [{ name: 'latency', test: 'sequential', allowedIncrease: 0.1 }] };
    const ok = judge(config, { latency: { baseline, canary: same } }).slis[0];
    expect(ok.classification).toBe('pass');
    expect(ok.inconclusive).toBe(false);
    expect(ok.details.decision).toBe('pass');
    expect(ok.reason).toMatch(/early promotion is safe/);
    const direct = meanMonitorFromSeries({ baseline, canary: same, allowedIncrease: 0.1, minSamples: 20 });
    expect(ok.effect?.estimate).toBe(direct.confidenceSequence.estimate);
    const bad = judge(config, { latency: { baseline, canary: slower } }).slis[0];
    expect(bad.classification).toBe('high');
    expect(bad.effect?.lower).toBeGreaterThan(0.1);
  });

  it('minimum samples still apply, and bad data is a result', () => {
    const config: JudgeConfig = { slis: [{ name: 'latency', test: 'sequential' }] };
    expect(judge(config, { latency: { baseline: [1, 2, 3], canary: [1, 2, 3] } }).slis[0].classification).toBe('insufficient');
    const mixed = judge(config, { latency: { baseline: { events: 1, total: 1000 }, canary: [1, 2, 3] } }).slis[0];
    expect(mixed.classification).toBe('error');
  });
});

describe('sequential SLIs in the HTML report', () => {
  it('draws the confidence sequence the judge returns', async () => {
    const { renderHtml } = await import('../../src/report/index.js');
    const minutes = 10;
    const v = judge({ slis: [{ name: 'errors', test: 'sequential', canaryShare: 0.5 }] }, {
      errors: { baseline: { events: new Array(minutes).fill(5), total: new Array(minutes).fill(1000) }, canary: { events: new Array(minutes).fill(6), total: new Array(minutes).fill(1000) } },
    });
    const html = renderHtml(v);
    expect(html).toContain('errors: confidence sequence of the effect over time');
    expect(html).not.toMatch(/NaN|undefined/);
  });
});
