// Reduced detection study (bench/quality, docs/quality.md): regressions of known size, fixed seeds, binomial
// bounds from scipy.stats.binom (a count below binom.ppf(0.001, R, p) has probability < 0.1 % when the true
// detection rate is p; above binom.isf(0.001, R, p) likewise). The allowed change is set explicitly in every
// config, so the claims hold whatever the judge's defaults are.
import { describe, it, expect } from 'vitest';
import { SLI_SCENARIOS, sliDetectionCell } from '../../bench/quality/sliDetection.js';
import { judgeStudy } from '../../bench/quality/judgeStudy.js';
import { REFERENCE_STAGES } from '../../bench/quality/service.js';
import { ALLOWED_5_SETTINGS } from '../../bench/quality/settings.js';

const SEED = 4321;
const scenario = (id: string) => {
  const s = SLI_SCENARIOS.find((x) => x.id === id);
  if (!s) throw new Error(`no scenario ${id}`);
  return s;
};

describe('detection of one SLI', () => {
  it('+10% latency with 1,800 points per side: caught ≥ 90% with allowed 5%, rarely with allowed 10% (a change at the limit is not beyond it)', () => {
    const c = sliDetectionCell({ seed: SEED, scenario: scenario('latency+10%'), size: 1800, runs: 60 });
    // caught: at least binom.ppf(0.001, 60, 0.9) = 46 of 60
    expect(c.detectedAt['0.05'].k).toBeGreaterThanOrEqual(46);
    // a change exactly at the allowed limit is caught like an A/A false fail: at most binom.isf(0.001, 60, 0.05) = 9
    expect(c.detectedAt['0.1'].k).toBeLessThanOrEqual(9);
    expect(c.medianEstimate).toBeGreaterThan(0.08);
    expect(c.medianEstimate).toBeLessThan(0.12);
  });

  it('a p99-only regression: the quantile test catches it with enough samples, Mann–Whitney never does', () => {
    const q = sliDetectionCell({ seed: SEED, scenario: scenario('p99-tail'), size: 18000, runs: 40 });
    // at least binom.ppf(0.001, 40, 0.9) = 29 of 40 (allowed 5%)
    expect(q.detectedAt['0.05'].k).toBeGreaterThanOrEqual(29);
    const mw = sliDetectionCell({ seed: SEED, scenario: scenario('p99-tail/mannWhitney'), size: 1800, runs: 40 });
    // at most binom.isf(0.001, 40, 0.05) = 7 of 40: the median does not move
    expect(mw.detectedAt['0.05'].k).toBeLessThanOrEqual(7);
    expect(Math.abs(mw.medianEstimate as number)).toBeLessThan(0.02);
  });

  it('errors ×10 at a 1% stage (1,800 requests per side, 0.2% → 2% errors): caught ≥ 90%, within 10 minutes', () => {
    const c = sliDetectionCell({ seed: SEED, scenario: scenario('errors×10'), size: 1800, runs: 60, looks: [1 / 3, 2 / 3, 1] });
    // binom.ppf(0.001, 60, 0.9) = 46
    expect(c.detectedAt['0.1'].k).toBeGreaterThanOrEqual(46);
    expect(c.medianFirstLookAt['0.1']).toBeCloseTo(1 / 3, 10);
  });

  it('a memory leak reaching +20% at the end of the stage: caught with allowed 5%, missed with allowed 10% (the window averages the drift to ~+10%)', () => {
    const c = sliDetectionCell({ seed: SEED, scenario: scenario('memory-leak'), size: 180, runs: 60 });
    // binom.ppf(0.001, 60, 0.9) = 46
    expect(c.detectedAt['0.05'].k).toBeGreaterThanOrEqual(46);
    expect(c.detectedAt['0.1'].rate).toBeLessThan(0.5);
  });
});

describe('detection by the whole judge (15-SLI service)', () => {
  it('+10% checkout latency at the 10% stage: allowed ±5% (the default) fails the run ≥ 90% of the time', () => {
    const [v] = judgeStudy({
      seed: SEED,
      name: 'test/latency+10%',
      size: REFERENCE_STAGES.tenPercent,
      regression: { checkoutLatency: { scale: 1.1 } },
      variants: [ALLOWED_5_SETTINGS],
      runs: 30,
    });
    // binom.ppf(0.001, 30, 0.9) = 21
    expect(v.fail.k).toBeGreaterThanOrEqual(21);
    expect(v.sliFlagged.checkout_latency_ms.k).toBeGreaterThanOrEqual(21);
  });
});
