/**
 * The anytime-validity guarantee, guarded in CI by a small seeded Monte Carlo (the full study with error
 * bars is bench/sequential-simulation.ts and docs/sequential.md).
 *
 * A/A: baseline and canary come from the same distribution and every monitor is checked after every batch;
 * a "false positive" is a run in which the always-valid p-value ever drops below α = 0.05. With R runs the
 * number X of false positives is Binomial(R, π). The guarantee says π ≤ α; the test fails when the exact
 * one-sided binomial test of H₀: π ≤ α rejects at level 0.001, i.e. when P(Binomial(R, α) ≥ X) < 0.001 —
 * so a monitor that keeps its promise fails this test (for a fresh seed) with probability below 0.1 %.
 * At R = 200 that allows at most 19 false positives (9.5 %); repeated fixed-horizon Mann–Whitney tests, the
 * peeking mistake, are shown to fail the same check by a wide margin.
 *
 * Boundary: the true change is exactly the allowed change (rate ratio 1.2 with allowedIncrease 0.2, mean
 * +10 % with allowedIncrease 0.1); a `fail` decision is then a false fail, and the same bound applies.
 */
import { describe, expect, it } from 'vitest';
import { createRandom } from '../../datasets/random.js';
import { CountMonitor, MeanMonitor, QuantileMonitor } from '../../src/sequential/index.js';
import { binomialAtLeast, mannWhitney } from '../../src/stats/index.js';

const ALPHA = 0.05;
const RUNS = 200;
/** Level of the exact binomial check: a correct monitor fails this file with probability < 0.1 %. */
const CHECK_LEVEL = 0.001;

function withinGuarantee(falsePositives: number): boolean {
  return binomialAtLeast(falsePositives, RUNS, ALPHA) >= CHECK_LEVEL;
}

describe('A/A: checking after every batch keeps the false-positive rate at or below α', () => {
  it('counts at a 1% stage (CountMonitor, one- and two-sided)', () => {
    const rng = createRandom(20240501);
    let inc = 0;
    let either = 0;
    for (let r = 0; r < RUNS; r++) {
      const a = new CountMonitor({ canaryShare: 0.01 });
      const b = new CountMonitor({ canaryShare: 0.01, direction: 'either' });
      let hitA = false;
      let hitB = false;
      for (let look = 0; look < 60; look++) {
        const events = rng.poisson(150);
        const canary = rng.binomial(events, 0.01);
        const baseline = events - canary;
        if ((a.update({ baseline, canary }).pValue as number) < ALPHA) hitA = true;
        if ((b.update({ baseline, canary }).pValue as number) < ALPHA) hitB = true;
      }
      inc += +hitA;
      either += +hitB;
    }
    expect(withinGuarantee(inc)).toBe(true);
    expect(withinGuarantee(either)).toBe(true);
  });

  it('latency (lognormal): MeanMonitor and QuantileMonitor hold α, repeated Mann–Whitney does not', () => {
    const rng = createRandom(777);
    const batch = 20;
    const looks = 40;
    let mean = 0;
    let quantile = 0;
    let mw = 0;
    const b = new Float64Array(batch * looks);
    const c = new Float64Array(batch * looks);
    for (let r = 0; r < RUNS; r++) {
      const mm = new MeanMonitor({ direction: 'either' });
      const qm = new QuantileMonitor({ minSamples: 20 });
      let hitMean = false;
      let hitQ = false;
      let hitMw = false;
      for (let look = 0; look < looks; look++) {
        const nb = b.subarray(look * batch, (look + 1) * batch);
        const nc = c.subarray(look * batch, (look + 1) * batch);
        for (let i = 0; i < batch; i++) {
          nb[i] = rng.lognormal(Math.log(100), 0.5);
          nc[i] = rng.lognormal(Math.log(100), 0.5);
        }
        if ((mm.update({ baseline: nb, canary: nc }).pValue as number) < ALPHA) hitMean = true;
        if ((qm.update({ baseline: nb, canary: nc }).pValue as number) < ALPHA) hitQ = true;
        const end = (look + 1) * batch;
        if (mannWhitney(c.subarray(0, end), b.subarray(0, end)).pValue < ALPHA) hitMw = true;
      }
      mean += +hitMean;
      quantile += +hitQ;
      mw += +hitMw;
    }
    expect(withinGuarantee(mean)).toBe(true);
    expect(withinGuarantee(quantile)).toBe(true);
    // the peeking mistake: far more than α (typically 25–40 % with 40 looks)
    expect(binomialAtLeast(mw, RUNS, ALPHA)).toBeLessThan(1e-6);
  });
});

describe('at the allowed change, a fail is a false fail and stays below α', () => {
  it('CountMonitor: true rate ratio 1.2, allowed +20%', () => {
    const rng = createRandom(99);
    const share = 0.05;
    const p = (1.2 * share) / (1.2 * share + 1 - share);
    let fails = 0;
    for (let r = 0; r < RUNS; r++) {
      const m = new CountMonitor({ canaryShare: share, allowedIncrease: 0.2 });
      let hit = false;
      for (let look = 0; look < 60; look++) {
        const events = rng.poisson(80);
        const canary = rng.binomial(events, p);
        if (m.update({ baseline: events - canary, canary }).decision === 'fail') hit = true;
      }
      fails += +hit;
    }
    expect(withinGuarantee(fails)).toBe(true);
  });

  it('MeanMonitor: true mean +10%, allowed +10%', () => {
    const rng = createRandom(4242);
    let fails = 0;
    for (let r = 0; r < RUNS; r++) {
      const m = new MeanMonitor({ allowedIncrease: 0.1 });
      let hit = false;
      for (let look = 0; look < 40; look++) {
        const nb = rng.sample(25, (g) => g.lognormal(Math.log(100), 0.5));
        const nc = rng.sample(25, (g) => 1.1 * g.lognormal(Math.log(100), 0.5));
        if (m.update({ baseline: nb, canary: nc }).decision === 'fail') hit = true;
      }
      fails += +hit;
    }
    expect(withinGuarantee(fails)).toBe(true);
  });
});
