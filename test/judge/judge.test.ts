import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { judge } from '../../src/judge/judge.js';
import { CanaryJudgeError } from '../../src/errors.js';
import type { JudgeConfig, Verdict } from '../../src/judge/types.js';
import { rng } from './helpers.js';

const noNaNOrInfinity = (v: Verdict) => {
  const text = JSON.stringify(v, (_k, x) => {
    if (typeof x === 'number' && !Number.isFinite(x)) throw new Error(`non-finite number in result: ${x}`);
    return x;
  });
  expect(JSON.parse(text)).toEqual(v);
};

describe('judge: the smallest useful call', () => {
  const config = {
    slis: [
      { name: 'latency_ms', direction: 'increase', allowedIncrease: 0.05, critical: true },
      { name: 'errors', test: 'rate', direction: 'increase', allowedIncrease: 0.5 },
    ],
    thresholds: { pass: 95, marginal: 75 },
  };
  const data = {
    latency_ms: { baseline: [120, 131, 118], canary: [125, 140, 122] },
    errors: { baseline: { events: 3, total: 10000 }, canary: { events: 9, total: 10000 } },
  };

  it('works exactly as documented', () => {
    const v = judge(config, data);
    noNaNOrInfinity(v);
    const [latency, errors] = v.slis;
    // 3 points per side: too few to judge (default minSamples 20) — never a pass
    expect(latency.classification).toBe('insufficient');
    expect(latency.samples.canary).toEqual({ before: 3, after: 3, nan: 0, outliersRemoved: 0 });
    expect(latency.reason).toMatch(/only 3 baseline points after preprocessing; at least 20 are needed/);
    // 9 vs 3 errors in 10,000: one-sided exact p = P(Bin(12, ½) ≥ 9) = 299/4096
    expect(errors.test).toBe('rate');
    expect(errors.pValue).toBeCloseTo(299 / 4096, 12);
    expect(errors.classification).toBe('pass');
    expect(errors.inconclusive).toBe(true);
    expect(errors.effect?.estimate).toBeCloseTo(2, 12); // ratio 3 → +200 %
    expect(errors.reason).toMatch(/cannot rule out an increase beyond the allowed 1.5×/);
    // a critical SLI that cannot be judged caps the verdict: marginal, not pass
    expect(v.verdict).toBe('marginal');
    expect(v.limitedBy).toBe('insufficient');
    expect(v.complete).toBe(false);
    expect(v.score).toBe(100);
    expect(v.reasons[0]).toMatch(/at most marginal because latency_ms could not be judged/);
  });
});

describe('judge: classification rules', () => {
  const r = rng(42);
  const base = r.lognormal(2000, Math.log(100), 0.3);
  const same = r.lognormal(2000, Math.log(100), 0.3);
  const slower = r.lognormal(2000, Math.log(100 * 1.15), 0.3);
  const cfg = (extra: object = {}): JudgeConfig => ({ slis: [{ name: 'latency', allowedIncrease: 0.05, ...extra }] });

  it('a healthy canary passes conclusively', () => {
    const v = judge(cfg(), { latency: { baseline: base, canary: same } });
    const s = v.slis[0];
    expect(s.classification).toBe('pass');
    expect(s.inconclusive).toBe(false);
    expect(s.effect?.lower).toBeGreaterThan(-0.05);
    expect(s.effect?.upper).toBeLessThan(0.05);
    expect(v.verdict).toBe('pass');
    expect(v.score).toBe(100);
    expect(s.reason).toMatch(/^latency changed by [+−]?\d.*% in the canary \(95% CI .*%….*%\), within the allowed \+5%\.$/);
  });

  it('a +15 % regression is high, with a readable reason', () => {
    const v = judge(cfg(), { latency: { baseline: base, canary: slower } });
    const s = v.slis[0];
    expect(s.classification).toBe('high');
    expect(s.effect?.estimate).toBeGreaterThan(0.1);
    expect(s.effect?.lower).toBeGreaterThan(0.05);
    expect(s.pValue).toBeLessThan(1e-20);
    expect(s.reason).toMatch(/^latency is 1\d(\.\d)?% higher in the canary \(95% CI \+1\d.*%…\+1\d.*%\), above the allowed \+5%\.$/);
    expect(v.verdict).toBe('fail');
    expect(v.score).toBe(0);
  });

  it('the practical threshold: a huge sample does not fail a tiny shift', () => {
    const big = r.lognormal(20000, Math.log(100), 0.3);
    const tiny = big.map((x) => x * 1.003);
    const v = judge(cfg(), { latency: { baseline: big, canary: tiny } });
    expect(v.slis[0].classification).toBe('pass');
    expect(v.verdict).toBe('pass');
  });

  it('a small sample with a large shift is not silently passed', () => {
    const b = r.lognormal(20, Math.log(100), 1.5);
    const c = b.map((x) => x * 1.2);
    const v = judge(cfg(), { latency: { baseline: b, canary: c } });
    const s = v.slis[0];
    if (s.classification === 'pass') {
      expect(s.inconclusive).toBe(true);
      expect(s.warnings.join(' ')).toMatch(/inconclusive/);
      expect(s.requiredSamples).toBeGreaterThan(20);
      expect(v.reasons.join(' ')).toMatch(/cannot rule out/);
    } else expect(s.classification).toBe('high');
  });

  it('direction decides which change is bad', () => {
    const faster = base.map((x) => x * 0.7);
    expect(judge(cfg({ direction: 'increase' }), { latency: { baseline: base, canary: faster } }).slis[0].classification).toBe('pass');
    expect(judge(cfg({ direction: 'decrease' }), { latency: { baseline: base, canary: faster } }).slis[0].classification).toBe('low');
    expect(judge(cfg({ direction: 'either' }), { latency: { baseline: base, canary: faster } }).slis[0].classification).toBe('low');
  });

  it('critical SLIs and critical limits force the score to 0', () => {
    const data = { latency: { baseline: base, canary: slower }, other: { baseline: base, canary: same } };
    const two = (extra: object): JudgeConfig => ({ slis: [{ name: 'latency', allowedIncrease: 0.05, ...extra }, { name: 'other', weight: 10 }] });
    const plain = judge(two({}), data);
    expect(plain.score).toBe(90.91); // 100·10/11, rounded to 2 decimals
    expect(plain.verdict).toBe('marginal');
    const crit = judge(two({ critical: true }), data);
    expect(crit.score).toBe(0);
    expect(crit.verdict).toBe('fail');
    expect(crit.slis[0].critical).toBe(true);
    expect(crit.reasons[0]).toMatch(/critical/);
    const limit = judge(two({ criticalIncrease: 0.08 }), data);
    expect(limit.score).toBe(0);
    expect(limit.slis[0].critical).toBe(true);
  });

  it('identical and constant data are judged exactly, without noise', () => {
    const v = judge(cfg(), { latency: { baseline: base, canary: [...base].reverse() } });
    expect(v.slis[0].classification).toBe('pass');
    expect(v.slis[0].pValue).toBe(1);
    const constant = new Array(50).fill(7);
    const w = judge(cfg(), { latency: { baseline: constant, canary: constant } });
    expect(w.slis[0].classification).toBe('pass');
    const up = judge(cfg(), { latency: { baseline: constant, canary: new Array(50).fill(8) } });
    expect(up.slis[0].classification).toBe('high');
    expect(up.slis[0].effect?.estimate).toBeCloseTo(1 / 7, 12);
  });
});

describe('judge: bad data is a result, bad usage is an error', () => {
  const cfg: JudgeConfig = { slis: [{ name: 'a' }, { name: 'b', mustHaveData: true }, { name: 'c', nan: 'fail' }] };
  const ok = Array.from({ length: 30 }, (_, i) => 100 + i);

  it('nodata, mustHaveData, NaN policy and malformed shapes', () => {
    const v = judge(cfg, { a: { baseline: ok, canary: [] }, b: { baseline: ok, canary: undefined }, c: { baseline: ok, canary: [...ok, NaN] } });
    expect(v.slis.map((s) => s.classification)).toEqual(['nodata', 'nodata', 'error']);
    expect(v.slis[1].reason).toMatch(/Data is required/);
    expect(v.slis[2].reason).toMatch(/NaN policy is 'fail'/);
    expect(v.verdict).toBe('fail'); // 2 of 3 without data ≥ 50 %
    expect(v.reasons.join(' ')).toMatch(/2 of 3 SLIs have no data/);
    noNaNOrInfinity(v);
    const bad = judge({ slis: [{ name: 'a' }] }, { a: { baseline: { timestamps: [1, 2], values: [1] }, canary: ok } as never });
    expect(bad.slis[0].classification).toBe('error');
    expect(bad.slis[0].reason).toMatch(/2 timestamps for 1 values/);
    expect(bad.verdict).not.toBe('pass');
  });

  it('NaN values are removed by default and counted', () => {
    const v = judge({ slis: [{ name: 'a' }] }, { a: { baseline: [...ok, NaN, NaN], canary: ok } });
    expect(v.slis[0].samples.baseline).toEqual({ before: 32, after: 30, nan: 2, outliersRemoved: 0 });
  });

  it('an invalid config or data object throws one CanaryJudgeError', () => {
    expect(() => judge({ slis: [{ name: 'a', direction: 'sideways' }] }, {})).toThrow(CanaryJudgeError);
    expect(() => judge({ slis: [{ name: 'a' }] }, null as never)).toThrow(/data must be an object/);
  });

  it('property: never throws on any numeric data, never passes without data, results are plain JSON', () => {
    const side = fc.oneof(
      fc.array(fc.double(), { maxLength: 40 }),
      fc.record({ events: fc.nat(50), total: fc.integer({ min: 50, max: 500 }) }),
      fc.constant(undefined),
    );
    fc.assert(
      fc.property(side, side, (baseline, canary) => {
        const v = judge({ slis: [{ name: 'x', minSamples: 3 }] }, { x: { baseline, canary } as never });
        noNaNOrInfinity(v);
        const s = v.slis[0];
        if (!baseline || !canary) expect(s.classification).toBe('nodata');
        if (s.classification !== 'pass' && s.classification !== 'high' && s.classification !== 'low') expect(v.verdict).not.toBe('pass');
      }),
      { numRuns: 300 },
    );
  });

  it('property: inputs are never mutated', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ noNaN: true, min: 1, max: 1e6 }), { minLength: 25, maxLength: 60 }), (xs) => {
        const baseline = [...xs];
        const canary = Float64Array.from(xs.map((x) => x * 1.1).reverse());
        const copyB = [...baseline];
        const copyC = Float64Array.from(canary);
        judge({ slis: [{ name: 'x', outliers: 'iqr', smoothing: { method: 'ewma', alpha: 0.5 } }] }, { x: { baseline, canary } });
        expect(baseline).toEqual(copyB);
        expect(canary).toEqual(copyC);
      }),
      { numRuns: 50 },
    );
  });
});

describe('judge: rate SLIs', () => {
  const cfg: JudgeConfig = { slis: [{ name: 'errors', test: 'rate', allowedIncrease: 0.5 }] };

  it('307 canary errors against a zero baseline fail (Kayenta passes this with NaN→0)', () => {
    const v = judge(cfg, { errors: { baseline: { events: 0, total: 50000 }, canary: { events: 307, total: 50000 } } });
    const s = v.slis[0];
    expect(s.classification).toBe('high');
    expect(s.effect?.estimate).toBeNull();
    expect(s.effect?.upper).toBeNull();
    expect(s.effect?.lower).toBeGreaterThan(10);
    expect(Math.abs((s.pValue as number) / Math.pow(0.5, 307) - 1)).toBeLessThan(1e-12); // P(Bin(307, ½) = 307)
    expect(v.verdict).toBe('fail');
  });

  it('per-interval counts are summed; zero errors on both sides pass', () => {
    const v = judge(cfg, {
      errors: { baseline: { events: [0, 0, 0], total: [100, 100, 100] }, canary: { events: [0, 0, 0], total: [100, 100, 100] } },
    });
    expect(v.slis[0].classification).toBe('pass');
    expect(v.slis[0].samples.canary.before).toBe(300);
  });

  it('too little traffic is insufficient, with the sample size that would do', () => {
    const v = judge(cfg, { errors: { baseline: { events: 1, total: 50 }, canary: { events: 2, total: 50 } } });
    expect(v.slis[0].classification).toBe('insufficient');
    expect(v.slis[0].reason).toMatch(/only 50 requests/);
  });
});

describe('judge: quantile SLIs catch tail-only regressions that Mann–Whitney misses', () => {
  it('p99 regression', () => {
    const r = rng(7);
    const baseline = r.lognormal(5000, Math.log(100), 0.25);
    const canary = r.lognormal(5000, Math.log(100), 0.25).map((x, i) => (i % 50 === 0 ? x * 3 : x)); // 2 % of requests 3× slower
    const v = judge(
      { slis: [{ name: 'latency', allowedIncrease: 0.05 }, { name: 'latency_p99', test: 'quantile', q: 0.99, allowedIncrease: 0.1 }] },
      { latency: { baseline, canary }, latency_p99: { baseline, canary } },
    );
    expect(v.slis[0].classification).toBe('pass');
    expect(v.slis[1].classification).toBe('high');
    expect(v.slis[1].reason).toMatch(/^latency_p99 is [\d.]+% higher in the canary/);
    expect(v.verdict).not.toBe('pass');
  });
});

describe('judge: burn-rate SLIs', () => {
  const cfg: JudgeConfig = { slis: [{ name: 'availability', test: 'burnRate', objective: 0.999, maxBurnRate: 1 }] };
  it('a canary burning 6× its budget fails even without a baseline, and says how long the budget would last', () => {
    const v = judge(cfg, { availability: { baseline: undefined, canary: { events: 60, total: 10000 } } });
    const s = v.slis[0];
    expect(s.classification).toBe('high');
    expect(s.effect?.estimate).toBeCloseTo(6, 10);
    expect(s.summary.timeToExhaustionSeconds).toBeCloseTo(5 * 86400, 6);
    expect(s.reason).toMatch(/burns the error budget of its 99.9% SLO at 6×/);
    expect(s.reason).toMatch(/at 100% of traffic the budget would last 5 days/);
    expect(v.verdict).toBe('fail');
  });
  it('a healthy canary passes conclusively; a thin one inconclusively', () => {
    expect(judge(cfg, { availability: { baseline: null, canary: { events: 0, total: 100000 } } }).slis[0]).toMatchObject({ classification: 'pass', inconclusive: false });
    expect(judge(cfg, { availability: { baseline: null, canary: { events: 5, total: 10000 } } }).slis[0]).toMatchObject({ classification: 'pass', inconclusive: true });
  });
  it('objective is required', () => {
    expect(() => judge({ slis: [{ name: 'a', test: 'burnRate' }] }, {})).toThrow(/objective/);
  });
});

describe('judge: block aggregation against autocorrelation', () => {
  // AR(1) with φ = 0.9 on both sides, same process: a healthy canary
  const ar1 = (seed: number, n: number) => {
    const r = rng(seed);
    const out: number[] = [];
    let x = 0;
    for (let i = 0; i < n; i++) {
      x = 0.9 * x + Math.sqrt(1 - 0.81) * r.normal();
      out.push(50 * (1 + 0.1 * x));
    }
    return out;
  };
  it('auto picks the block size from the lag-1 autocorrelation and reports it', () => {
    const baseline = ar1(1, 400);
    const canary = ar1(2, 400);
    const v = judge({ slis: [{ name: 'cpu', aggregate: 'auto' }] }, { cpu: { baseline, canary } });
    const s = v.slis[0];
    expect(s.details.blockSize).toBeGreaterThanOrEqual(10);
    expect(s.details.blockSize).toBeLessThanOrEqual(20); // at least minSamples = 20 blocks of 400 points
    expect(s.samples.baseline.before).toBe(400);
    expect(s.samples.baseline.after).toBe(Math.floor(400 / (s.details.blockSize as number)));
  });
  it('a fixed size averages blocks; bad specs are config errors with paths', () => {
    const v = judge({ slis: [{ name: 'cpu', aggregate: { size: 4 } }] }, { cpu: { baseline: ar1(3, 100), canary: ar1(4, 100) } });
    expect(v.slis[0].samples.canary.after).toBe(25);
    expect(() => judge({ slis: [{ name: 'cpu', aggregate: { size: 0 } }] }, {})).toThrow(/slis\[0\]\.aggregate\.size/);
  });
});
