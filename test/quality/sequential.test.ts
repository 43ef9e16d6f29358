// Reduced study of the judge's sequential SLIs (bench/quality/sequentialStudy.ts, docs/quality.md): a 30-minute
// stage with one look per minute, fixed seeds, binomial bounds from scipy.stats.binom.
import { describe, it, expect } from 'vitest';
import { byMinute, firstFailFraction, SEQUENTIAL_SCENARIOS, sequentialCountAa, sequentialDetection, sequentialFamilyAa } from '../../bench/quality/sequentialStudy.js';
import { judge } from '../../src/judge/judge.js';

const SEED = 777;

describe('sequential SLIs', () => {
  it('byMinute stamps evenly spread samples with their minute: 30 looks', () => {
    const s = byMinute(new Float64Array(60));
    expect(Array.from(s.timestamps).slice(0, 5)).toEqual([0, 0, 1, 1, 2]);
    expect(s.timestamps[59]).toBe(29);
    expect(new Set(Array.from(byMinute(new Float64Array(1800)).timestamps)).size).toBe(30);
  });

  it('A/A over 30 looks: the mean and count monitors fail a healthy canary at most 5% of the time', () => {
    const mean = sequentialFamilyAa({ seed: SEED, family: 'lognormal', n: 1000, runs: 60 });
    const count = sequentialCountAa({ seed: SEED, requests: 18000, errorRate: 0.002, overdispersion: 0, runs: 100 });
    // binom.isf(0.001, 60, 0.05) = 9; binom.isf(0.001, 100, 0.05) = 13
    expect(mean.failed.k).toBeLessThanOrEqual(9);
    expect(mean.failed10.k).toBeLessThanOrEqual(9);
    expect(count.failed.k).toBeLessThanOrEqual(13);
    expect(mean.mismatches + count.mismatches).toBe(0);
  });

  it('a ×10 error rate at a 1% stage is caught by the count monitor, and the sequence says when', () => {
    const scenario = SEQUENTIAL_SCENARIOS.find((s) => s.id === 'errors×10');
    if (!scenario) throw new Error('missing scenario');
    const c = sequentialDetection({ seed: SEED, scenario, size: 1800, runs: 40 });
    // the full harness measures ~75%; at least binom.ppf(0.001, 40, 0.5) = 10 of 40
    expect(c.failed.k).toBeGreaterThanOrEqual(10);
    expect(c.medianFirstFail).not.toBeNull();
    expect(c.medianFirstFail as number).toBeGreaterThan(0);
    expect(c.medianFirstFail as number).toBeLessThanOrEqual(1);
  });

  it('firstFailFraction reads the first failing look of the result’s sequence', () => {
    const baseline = { events: Array(30).fill(2), total: Array(30).fill(1000) };
    const canary = { events: Array(30).fill(20), total: Array(30).fill(1000) };
    const r = judge({ slis: [{ name: 'e', test: 'sequential' }] }, { e: { baseline, canary } }).slis[0];
    expect(r.classification).toBe('high');
    const f = firstFailFraction(r) as number;
    const first = (r.sequence ?? []).find((p) => p.decision === 'fail');
    expect(f).toBeCloseTo((first?.look as number) / 30, 12);
  });
});
