// Reduced study of the judge's block aggregation (bench/quality/aggregateStudy.ts, docs/quality.md, "Block
// aggregation"): `aggregate: 'auto'` through judge(), paired with 'none' on the same data, fixed seeds. Bounds
// from scipy.stats.binom: a count above binom.isf(a, R, p) (or below binom.ppf(a, R, p)) has probability < a
// when the true rate is p.
import { describe, it, expect } from 'vitest';
import { aggregateAaCell, aggregateDetectionCell, AGGREGATE_SERVICE_VARIANTS, UNGATED_ARM } from '../../bench/quality/aggregateStudy.js';
import { aggregateSides, autoBlockSize, lag1Autocorrelation, ungatedAutoBlockSize } from '../../bench/quality/blocks.js';
import { serviceJudgeConfig } from '../../bench/quality/service.js';
import { SLI_SCENARIOS } from '../../bench/quality/sliDetection.js';
import { judge } from '../../src/judge/judge.js';
import { createRandom } from '../../datasets/index.js';

const SEED = 2468;
const scenario = (id: string) => {
  const s = SLI_SCENARIOS.find((x) => x.id === id);
  if (!s) throw new Error(`no scenario ${id}`);
  return s;
};

describe("aggregate: 'auto' through judge()", () => {
  it('is the harness batch means with at least minSamples blocks: same block size, same p-value, same classification', () => {
    for (const [seed, phi] of [[1, 0.9], [2, 0.6], [3, 0]] as const) {
      const rng = createRandom(seed);
      const baseline = rng.ar1({ length: 240, phi, mean: 50, sd: 10 });
      const canary = rng.ar1({ length: 240, phi, mean: 53, sd: 10 });
      const viaJudge = judge({ slis: [{ name: 'm', aggregate: 'auto' }] }, { m: { baseline, canary } }).slis[0];
      const agg = aggregateSides(baseline, canary, { size: 'auto', stat: 'mean', minBlocks: 20 });
      const viaHarness = judge({ slis: [{ name: 'm' }] }, { m: { baseline: agg.baseline, canary: agg.canary } }).slis[0];
      expect(viaJudge.details.blockSize ?? 1).toBe(agg.size);
      expect(viaJudge.pValue).toBe(viaHarness.pValue);
      expect(viaJudge.classification).toBe(viaHarness.classification);
      expect(viaJudge.samples.canary.after).toBe(agg.canary.length);
    }
  });

  it('independent data: auto, gated on a significant ρ̂, almost never aggregates and does not raise false fails', () => {
    const c = aggregateAaCell({ seed: SEED, family: 'lognormal', n: 100, runs: 200 });
    // the judge's auto has the gate ρ̂ > 1.96/√(n_b + n_c): at most binom.isf(1e-5, 200, 0.03) = 19 runs aggregated
    expect(c.mannWhitney.auto.aggregated.k).toBeLessThanOrEqual(19);
    // before the gate, ⌈(1 + ρ̂)/(1 − ρ̂)⌉ = 2 for any ρ̂ > 0: more than binom.ppf(1e-5, 200, 0.3) = 38 runs aggregated
    expect(c.mannWhitney[UNGATED_ARM].aggregated.k).toBeGreaterThan(38);
    expect(c.mannWhitney[UNGATED_ARM].medianBlockSize).toBeLessThanOrEqual(2);
    // false fails at ±5 %: at most binom.isf(0.001, 200, 0.025) = 13, with or without aggregation
    expect(c.mannWhitney.none.flagged.k).toBeLessThanOrEqual(13);
    expect(c.mannWhitney.auto.flagged.k).toBeLessThanOrEqual(13);
    expect(c.quantile.auto.flagged.k).toBeLessThanOrEqual(13);
  });

  it('+10% latency at the 10% stage (1,800 samples per side, in time order): still caught ≥ 90% with auto', () => {
    const c = aggregateDetectionCell({ seed: SEED, scenario: scenario('latency+10%'), size: 1800, runs: 40 });
    // binom.ppf(0.001, 40, 0.9) = 29
    expect(c.arms.none.flagged.k).toBeGreaterThanOrEqual(29);
    expect(c.arms.auto.flagged.k).toBeGreaterThanOrEqual(29);
  });

  it('samples handed over sorted by value: auto sees ρ̂ ≈ 1, averages 20 blocks of quantiles and loses the regression', () => {
    const c = aggregateDetectionCell({ seed: SEED, scenario: scenario('latency+10%'), size: 1800, runs: 20, sorted: true });
    expect(c.arms.none.flagged.k).toBeGreaterThanOrEqual(15); // the order does not matter without aggregation
    expect(c.arms.auto.aggregated.k).toBe(20);
    expect(c.arms.auto.medianBlockSize).toBeGreaterThanOrEqual(60); // capped at ⌊1800/20⌋ = 90
    expect(c.arms.auto.flagged.k).toBeLessThanOrEqual(2);
  });

  it('the automatic size with and without the significance gate, and the service variants', () => {
    const up = Float64Array.from({ length: 200 }, (_, i) => i);
    expect(autoBlockSize(up, up, 20)).toBe(10);
    expect(ungatedAutoBlockSize(up, up, 20)).toBe(10);
    // ρ̂ = 0.5 (numpy: sum(d[1:]*d[:-1])/sum(d*d) = 8.75/17.5 on both sides): ⌈1.5/0.5⌉ = 3 without the gate; with
    // it, 0.5 < 1.96/√12 = 0.566, so no blocks
    expect(ungatedAutoBlockSize([1, 2, 3, 4, 5, 6], [6, 5, 4, 3, 2, 1])).toBe(3);
    expect(autoBlockSize([1, 2, 3, 4, 5, 6], [6, 5, 4, 3, 2, 1])).toBe(1);
    // any small positive ρ̂ gives blocks of 2 without the gate (⌈(1 + ρ̂)/(1 − ρ̂)⌉ = 2 for 0 < ρ̂ ≤ 1/3): the first 16
    // digits of π have ρ̂ = 21/116 ≈ 0.181 (numpy, as above), below 1.96/√32 = 0.346
    const pi = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8, 9, 7, 9, 3];
    expect(lag1Autocorrelation(pi)).toBeCloseTo(21 / 116, 12);
    expect(ungatedAutoBlockSize(pi, pi)).toBe(2);
    expect(autoBlockSize(pi, pi)).toBe(1);
    const old = serviceJudgeConfig(AGGREGATE_SERVICE_VARIANTS[1]);
    expect(old.slis.filter((s) => s.aggregate === 'none').map((s) => s.name)).toEqual(['cpu_percent', 'memory_mb', 'threadpool_queue', 'cache_hit_ratio']);
    expect(serviceJudgeConfig(AGGREGATE_SERVICE_VARIANTS[0]).slis.every((s) => s.aggregate === undefined)).toBe(true);
    const samples = serviceJudgeConfig(AGGREGATE_SERVICE_VARIANTS[2]);
    expect(samples.slis.filter((s) => s.aggregate === 'auto')).toHaveLength(12);
    expect(samples.slis.filter((s) => s.test === 'rate').every((s) => s.aggregate === undefined)).toBe(true);
  });
});
