// Reduced A/A study (bench/quality, docs/quality.md): a healthy canary judged many times with fixed seeds.
// Bounds are binomial: with R independent runs and a true rate p, a count above binom.isf(a, R, p) (or below
// binom.ppf(a, R, p)) has probability < a (scipy.stats.binom, values pasted below), so a failure means the claim
// is wrong, not bad luck. a = 0.001 where the claim has a margin over the true rate; a = 1e-5 where the claim is
// the true rate itself (a calibrated test sits exactly at its 2.5 % or 5 %), so that the check cannot flake.
import { describe, it, expect } from 'vitest';
import { rateAaCell, sampleAaCells, highAt } from '../../bench/quality/sliAa.js';
import { seriesCells } from '../../bench/quality/seriesStudy.js';
import { judge } from '../../src/judge/judge.js';

const SEED = 1234;

describe('A/A: independent data', () => {
  it('Mann–Whitney alone is calibrated: p < 0.05 in 5% of healthy runs (lognormal, 50 points, 400 runs)', () => {
    const [mw] = sampleAaCells({ seed: SEED, family: 'lognormal', n: 50, runs: 400 });
    // binom.ppf(1e-5, 400, 0.05) = 4, binom.isf(1e-5, 400, 0.05) = 41
    expect(mw.significant.k).toBeGreaterThanOrEqual(4);
    expect(mw.significant.k).toBeLessThanOrEqual(41);
    expect(mw.recomputeMismatch).toBe(0);
  });

  it('a healthy SLI fails in at most 2.5% of runs at any allowed change ≥ 0 (the interval must clear it)', () => {
    for (const family of ['normal', 'lognormal', 'pareto'] as const) {
      const [mw, , p99] = sampleAaCells({ seed: SEED, family, n: 20, runs: 400 });
      // binom.isf(1e-5, 400, 0.025) = 26
      expect(mw.highAt['0'].k).toBeLessThanOrEqual(26);
      expect(mw.high.k).toBeLessThanOrEqual(mw.highAt['0'].k);
      expect(p99.highAt['0'].k).toBeLessThanOrEqual(26);
      expect(mw.recomputeMismatch + p99.recomputeMismatch).toBe(0);
    }
  });

  it('zero-inflated counts (median 0): the default effect falls back on the mean ratio — at most 2.5% high', () => {
    const [mw, mean] = sampleAaCells({ seed: SEED, family: 'zeroInflated', n: 60, runs: 300 });
    // a zero baseline median makes the HL shift relative to it undefined: the judge measures the means instead
    expect(mw.noRelativeEffect.k).toBe(0);
    // binom.isf(1e-5, 300, 0.025) = 21
    expect(mw.high.k).toBeLessThanOrEqual(21);
    // the mean-ratio effect exists (mean > 0) and its interval must clear the margin: at most 2.5%
    // (binom.isf(1e-5, 300, 0.025) = 21)
    expect(mean.noRelativeEffect.k).toBe(0);
    expect(mean.high.k).toBeLessThanOrEqual(21);
  });

  it('the exact rate test is conservative on binomial errors (18,000 requests per side, 0.2% errors)', () => {
    const c = rateAaCell({ seed: SEED, requests: 18000, errorRate: 0.002, overdispersion: 0, runs: 300 });
    // binom.isf(1e-5, 300, 0.05) = 33
    expect(c.significant.k).toBeLessThanOrEqual(33);
    expect(c.insufficient.k).toBe(0);
  });

  it('highAt reproduces the judge’s classification at its own allowed change', () => {
    const baseline = Float64Array.from({ length: 40 }, (_, i) => 100 + i);
    const canary = Float64Array.from({ length: 40 }, (_, i) => 130 + i);
    for (const allowedIncrease of [0, 0.05, 0.1, 0.3]) {
      const r = judge({ slis: [{ name: 'x', allowedIncrease }] }, { x: { baseline, canary } }).slis[0];
      expect(highAt(r, allowedIncrease)).toBe(r.classification === 'high');
    }
  });
});

describe('A/A: autocorrelated data (AR(1), φ = 0.9)', () => {
  it('raw: Mann–Whitney rejects far more often than 5% (neighbouring points are not independent)', () => {
    const [mw] = sampleAaCells({ seed: SEED, family: 'ar1', n: 60, runs: 150 });
    // more than binom.isf(0.001, 150, 0.05) = 17 of 150: significantly above the nominal 5%
    expect(mw.significant.k).toBeGreaterThan(17);
  });

  it("the judge's aggregate: 'auto' cuts the false-fail rate (allowed 5%) from ~18% to under 10%", () => {
    // explicit allowed changes, so the claim does not move with the defaults
    const treatments = [
      { name: 'raw', sli: { allowedIncrease: 0.05, aggregate: 'none' as const } },
      { name: 'auto', sli: { allowedIncrease: 0.05, aggregate: 'auto' as const } },
    ];
    const cells = seriesCells({ seed: SEED, phi: 0.9, n: 180, shift: 0, runs: 200, treatments });
    const raw = cells.find((c) => c.treatment === 'raw');
    const blocks = cells.find((c) => c.treatment === 'auto');
    // binom.isf(0.001, 200, 0.1) = 34: raw is above 10%, blocks at or below it (full harness: 18% → 6.7%)
    expect(raw?.flaggedDefault.k).toBeGreaterThan(34);
    expect(blocks?.flaggedDefault.k).toBeLessThanOrEqual(34);
    expect(blocks?.insufficient.k).toBe(0);
    // ⌈(1 + 0.9)/(1 − 0.9)⌉ = 19, capped at 180/20 = 9 (minSamples 20 blocks)
    expect(blocks?.medianBlockSize).toBe(9);
  });
});
