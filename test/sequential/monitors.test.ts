/**
 * The streaming monitors against outside references:
 * - CountMonitor: its e-values and confidence-sequence ends against 30–40-digit mpmath evaluations of the
 *   beta-binomial mixtures (log B via mpmath.beta, incomplete beta tails by a 30-digit continued fraction,
 *   roots by mpmath.findroot), and the two-sided e-value at θ = 1 against dirichletMultinomialTest;
 * - MeanMonitor: against GrowthBook's formulas (sequentialRho / sequentialIntervalHalfwidth and the
 *   e-value of its SequentialTwoSidedTTest) and the one-sided normal mixture of Howard et al. (2021),
 *   evaluated in mpmath from numpy moments;
 * - QuantileMonitor: the fixed-quantile intervals against an mpmath bisection of the two-sided
 *   beta-binomial mixture (confseq's formula) and confseq's order-statistic indices; the uniform band
 *   against empiricalProcessLilBound.
 * Plus decisions, reasons, validation paths and the JSON state checks.
 */
import { describe, expect, it } from 'vitest';
import {
  CountMonitor,
  MeanMonitor,
  QuantileMonitor,
  countMonitorFromSeries,
  dirichletMultinomialTest,
  empiricalProcessLilBound,
  meanMonitorFromSeries,
  quantileMonitorFromSeries,
} from '../../src/sequential/index.js';
import { CanaryJudgeError } from '../../src/errors.js';
import { rateRatioInterval, rateRatioLogEValue } from '../../src/sequential/monitors/rateRatioTest.js';

function rel(got: number, want: number): number {
  return Math.abs(got - want) / Math.max(1, Math.abs(want));
}

function expectError(fn: () => unknown, code: string, path: string): void {
  let caught: unknown = null;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeInstanceOf(CanaryJudgeError);
  expect((caught as CanaryJudgeError).code).toBe(code);
  expect((caught as CanaryJudgeError).path).toBe(path);
}

// mpmath (dps 30–40): [B, C, share, k] → log E at θ = 1 (two, greater, less) and the α = 0.05 ends
const COUNT_CASES: Array<{
  B: number;
  C: number;
  share: number;
  k: number;
  logE: [number, number, number];
  one: [number | null, number];
  two: [number | null, number];
}> = [
  { B: 990, C: 30, share: 0.01, k: 100, logE: [10.151759682450628, 11.146742228946408, -3.554541984035375], one: [1.7097961477164692, 4.825177988471004], two: [1.5839788686791387, 4.996612250854288] },
  { B: 10, C: 12, share: 0.5, k: 100, logE: [-0.08334692837610569, 0.0513398971689421, -0.2390402650739168], one: [0.1549784668367789, 9.676659039992924], two: [0.12071294242309016, 12.628160167783163] },
  { B: 2000000, C: 25000, share: 0.01, k: 100, logE: [518.4901526263957, 519.4851358758924, -9.010213505890153], one: [1.2081250651216842, 1.2683007996309505], two: [1.2062017211819287, 1.2692856520483133] },
  { B: 3, C: 0, share: 0.2, k: 10, logE: [0.06329485037231374, -0.39849643879207103, 0.3149488250112785], one: [null, 54.06095296944032], two: [null, 111.67086187704113] },
  { B: 400, C: 9, share: 0.05, k: 20, logE: [2.739869539053654, -2.6132770034751185, 3.2118583407278445], one: [0.13827318457318172, 0.9807755013389242], two: [0.10399505832538924, 1.0227472404784967] },
];

describe('CountMonitor: the rate-ratio test against mpmath', () => {
  for (const c of COUNT_CASES) {
    const logit = Math.log(c.share / (1 - c.share));
    it(`log E at θ = 1 for B = ${c.B}, C = ${c.C}, ρ = ${c.share}, k = ${c.k}`, () => {
      const sides = ['two', 'greater', 'less'] as const;
      sides.forEach((side, i) => {
        expect(rel(rateRatioLogEValue(c.B, c.C, logit, c.k, 0, side), c.logE[i])).toBeLessThan(1e-9);
      });
      // the two-sided e-value at θ = 1 is the Dirichlet-multinomial test with rho = [1 − share, share]
      const dm = dirichletMultinomialTest({ counts: [c.B, c.C], rho: [1 - c.share, c.share], k: c.k });
      expect(rel(rateRatioLogEValue(c.B, c.C, logit, c.k, 0, 'two'), dm.logBayesFactor)).toBeLessThan(1e-10);
    });
    it(`confidence ends (α = 0.05) for B = ${c.B}, C = ${c.C}`, () => {
      const one = rateRatioInterval(c.B, c.C, logit, c.k, 0.05, true);
      const two = rateRatioInterval(c.B, c.C, logit, c.k, 0.05, false);
      const check = (got: number | null, want: number | null): void => {
        if (want === null) expect(got).toBe(0);
        else expect(Math.abs((got as number) - want) / want).toBeLessThan(1e-9);
      };
      check(one.lower, c.one[0]);
      check(one.upper, c.one[1]);
      check(two.lower, c.two[0]);
      check(two.upper, c.two[1]);
    });
  }

  it('no baseline events: the ratio has no upper end; no events at all: [0, ∞)', () => {
    const logit = Math.log(0.1 / 0.9);
    expect(rateRatioInterval(0, 7, logit, 100, 0.05, true).upper).toBeNull();
    expect(rateRatioInterval(0, 0, logit, 100, 0.05, false)).toEqual({ lower: 0, upper: null });
  });
});

describe('CountMonitor', () => {
  it('1% stage, 30 canary errors where ~10 were expected: fail, with the mpmath bounds', () => {
    const m = new CountMonitor({ canaryShare: 0.01, allowedIncrease: 0.2 });
    const r = m.update({ baseline: { events: 990, total: 99000 }, canary: { events: 30, total: 1000 } });
    expect(r.decision).toBe('fail');
    expect(r.rateRatio.estimate).toBeCloseTo(3, 12);
    expect(rel(r.rateRatio.lower, 1.7097961477164692)).toBeLessThan(1e-9);
    expect(rel(r.rateRatio.upper as number, 4.825177988471004)).toBeLessThan(1e-9);
    expect(rel(r.confidenceSequence.lower as number, 0.7097961477164692)).toBeLessThan(1e-9);
    // one-sided p-value: exp(−11.146742228946408)
    expect(rel(r.pValue as number, Math.exp(-11.146742228946408))).toBeLessThan(1e-8);
    expect(r.rates).toEqual({ baseline: 0.01, canary: 0.03 });
    expect(r.reason).toBe(
      "In the canary, the event rate is 3× the baseline's (anytime-valid 95% bounds 1.71×…4.83×): above the allowed 1.2×, a regression proven at this error rate however often the data were checked.",
    );
  });

  it('pass: a large equal-rate sample proves the ratio below the allowed 1.1', () => {
    const m = new CountMonitor({ canaryShare: 0.5, allowedIncrease: 0.1 });
    const r = m.update({ baseline: 20000, canary: 20000 });
    expect(r.decision).toBe('pass');
    expect(r.rateRatio.upper as number).toBeLessThan(1.1);
    expect(r.reason).toContain('any increase is within the allowed 1.1×');
  });

  it('direction either uses the two-sided set; decrease fails on a proven drop', () => {
    const e = new CountMonitor({ canaryShare: 0.01, direction: 'either' }).update({ baseline: 990, canary: 30 });
    expect(rel(e.rateRatio.lower, 1.5839788686791387)).toBeLessThan(1e-9);
    expect(rel(e.pValue as number, Math.exp(-10.151759682450628))).toBeLessThan(1e-8);
    const d = new CountMonitor({ canaryShare: 0.05, direction: 'decrease', concentration: 20 }).update({ baseline: 400, canary: 9 });
    expect(rel(d.rateRatio.upper as number, 0.9807755013389242)).toBeLessThan(1e-9);
    expect(d.decision).toBe('continue'); // 0.98 is not below 1 − 0.1
    const d2 = new CountMonitor({ canaryShare: 0.05, direction: 'decrease', concentration: 20, allowedDecrease: 0 }).update({ baseline: 400, canary: 9 });
    expect(d2.decision).toBe('fail');
  });

  it('before any data and with no events: continue, p = 1, unbounded upper end', () => {
    const m = new CountMonitor({ canaryShare: 0.1 });
    expect(m.result()).toMatchObject({ decision: 'continue', pValue: 1, looks: 0, reason: 'No data yet.' });
    const r = m.update({ baseline: 0, canary: 0 });
    expect(r.confidenceSequence).toMatchObject({ lower: -1, upper: null, estimate: null });
    expect(r.reason).toMatch(/^No events yet/);
  });

  it('the running ends only shrink and the p-value never increases', () => {
    const m = new CountMonitor({ canaryShare: 0.2, direction: 'either' });
    const steps = [[40, 9], [35, 14], [44, 6], [39, 12], [41, 13], [38, 9]];
    let prev = m.result();
    for (const [b, c] of steps) {
      const r = m.update({ baseline: b, canary: c });
      expect(r.pValue as number).toBeLessThanOrEqual(prev.pValue as number);
      expect(r.rateRatio.lower).toBeGreaterThanOrEqual(prev.rateRatio.lower);
      if (prev.rateRatio.upper !== null) expect(r.rateRatio.upper as number).toBeLessThanOrEqual(prev.rateRatio.upper);
      prev = r;
    }
  });

  it('countMonitorFromSeries replays look by look, and can estimate the share from totals', () => {
    const r = countMonitorFromSeries({
      baseline: { events: [5, 7, 6, 8], total: [1000, 1100, 1000, 1200] },
      canary: { events: [6, 9, 7, 10], total: [1000, 1100, 1000, 1200] },
    });
    expect(r.shareSource).toBe('totals');
    expect(r.canaryShare).toBe(0.5);
    expect(r.trace.map((t) => t.n.canary)).toEqual([6, 15, 22, 32]);
    const m = new CountMonitor({ canaryShare: 0.5 });
    for (const [b, c] of [[5, 6], [7, 9], [6, 7], [8, 10]]) m.update({ baseline: b, canary: c });
    expect(r.pValue).toBe(m.result().pValue);
    expect(r.rateRatio).toEqual(m.result().rateRatio);
    expect(CountMonitor.fromJSON(r.state).result().rateRatio).toEqual(m.result().rateRatio);
  });

  it('bad options and data throw with the path', () => {
    expectError(() => new CountMonitor({} as never), 'INVALID_OPTION', 'canaryShare');
    expectError(() => new CountMonitor({ canaryShare: 1 }), 'INVALID_OPTION', 'canaryShare');
    expectError(() => new CountMonitor({ canaryShare: 0.1, alpha: 0.5 }), 'INVALID_OPTION', 'alpha');
    expectError(() => new CountMonitor({ canaryShare: 0.1, direction: 'up' as never }), 'INVALID_OPTION', 'direction');
    expectError(() => new CountMonitor({ canaryShare: 0.1, allowedIncrease: -0.1 }), 'INVALID_OPTION', 'allowedIncrease');
    expectError(() => new CountMonitor({ canaryShare: 0.1, concentration: 0 }), 'INVALID_OPTION', 'concentration');
    expectError(() => new CountMonitor({ canaryShare: 0.1, tau: 3 } as never), 'INVALID_OPTION', 'tau');
    const m = new CountMonitor({ canaryShare: 0.1 });
    expectError(() => m.update({ baseline: -1 }), 'INVALID_ARGUMENT', 'baseline');
    expectError(() => m.update({ canary: { events: NaN } }), 'INVALID_ARGUMENT', 'canary.events');
    expectError(() => m.update({ canary: { events: 1, total: -3 } }), 'INVALID_ARGUMENT', 'canary.total');
    expect(m.result().looks).toBe(0); // a rejected update changes nothing
    expectError(() => countMonitorFromSeries({ baseline: [1, 2], canary: [1] }), 'INVALID_ARGUMENT', 'canary.events');
    expectError(() => countMonitorFromSeries({ baseline: [1, 2], canary: [1, -2], canaryShare: 0.1 }), 'INVALID_ARGUMENT', 'canary[1]');
    expectError(() => countMonitorFromSeries({ baseline: [1], canary: [1] }), 'INVALID_OPTION', 'canaryShare');
  });

  it('fromJSON rejects malformed state with the path of the field', () => {
    const json = new CountMonitor({ canaryShare: 0.1 }).toJSON();
    expectError(() => CountMonitor.fromJSON({ ...json, kind: 'MeanMonitor' }), 'INVALID_STATE', 'kind');
    expectError(() => CountMonitor.fromJSON({ ...json, version: 2 }), 'UNSUPPORTED_STATE_VERSION', 'version');
    expectError(() => CountMonitor.fromJSON({ ...json, state: { ...json.state, canaryEvents: -1 } }), 'INVALID_STATE', 'state.canaryEvents');
    expectError(() => CountMonitor.fromJSON({ ...json, state: { ...json.state, pValue: 2 } }), 'INVALID_STATE', 'state.pValue');
    expectError(() => CountMonitor.fromJSON({ ...json, options: { ...json.options, canaryShare: 2 } }), 'INVALID_STATE', 'options.canaryShare');
    expectError(() => CountMonitor.fromJSON('{not json'), 'INVALID_STATE', '');
  });
});

// GrowthBook / Howard et al. formulas in mpmath (numpy moments, ddof = 1), N* = 5000, α = 0.05
const MEAN_BASELINE = Array.from({ length: 80 }, (_, i) => 100 + ((i * 37) % 23) - 11 + 0.25 * (i % 7));
const MEAN_CANARY = Array.from({ length: 60 }, (_, i) => 104 + ((i * 41) % 29) - 14 + 0.5 * (i % 5));
const MEAN_REF = {
  relative: { theta: 0.042057915137947544, two: [-0.03674028757395632, 0.12085611784985141], p2: 0.4576378579338828, one: [-0.03416370919425355, 0.11827953947014865], p1: 0.29480115504085597 },
  absolute: { theta: 4.22708333333334, two: [-3.586925404038066, 12.041092070704746], p2: 0.4467746059349993, one: [-3.331419500621335, 11.785586167288015], p1: 0.287984648233748 },
};

describe('MeanMonitor against GrowthBook and the one-sided normal mixture', () => {
  for (const effect of ['relative', 'absolute'] as const) {
    it(`${effect}: two-sided (either) interval and e-value`, () => {
      const r = new MeanMonitor({ effect, direction: 'either' }).update({ baseline: MEAN_BASELINE, canary: MEAN_CANARY });
      const ref = MEAN_REF[effect];
      expect(rel(r.confidenceSequence.estimate as number, ref.theta)).toBeLessThan(1e-12);
      expect(rel(r.confidenceSequence.lower as number, ref.two[0])).toBeLessThan(1e-12);
      expect(rel(r.confidenceSequence.upper as number, ref.two[1])).toBeLessThan(1e-12);
      expect(rel(r.pValue as number, ref.p2)).toBeLessThan(1e-12);
    });
    it(`${effect}: one-sided (increase) ends and e-value`, () => {
      const r = new MeanMonitor({ effect }).update({ baseline: MEAN_BASELINE, canary: MEAN_CANARY });
      const ref = MEAN_REF[effect];
      expect(rel(r.confidenceSequence.lower as number, ref.one[0])).toBeLessThan(1e-11);
      expect(rel(r.confidenceSequence.upper as number, ref.one[1])).toBeLessThan(1e-11);
      expect(rel(r.pValue as number, ref.p1)).toBeLessThan(1e-11);
    });
  }

  it('batch summaries give the same result as raw values', () => {
    const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
    const variance = (xs: number[]): number => {
      const m = mean(xs);
      return xs.reduce((a, b) => a + (b - m) ** 2, 0) / (xs.length - 1);
    };
    const a = new MeanMonitor({ direction: 'either' });
    a.update({ baseline: MEAN_BASELINE.slice(0, 40), canary: MEAN_CANARY.slice(0, 30) });
    const ra = a.update({ baseline: MEAN_BASELINE.slice(40), canary: MEAN_CANARY.slice(30) });
    const s = new MeanMonitor({ direction: 'either' });
    for (const [lo, hi, clo, chi] of [[0, 40, 0, 30], [40, 80, 30, 60]]) {
      const b = MEAN_BASELINE.slice(lo, hi);
      const c = MEAN_CANARY.slice(clo, chi);
      s.update({ baseline: { count: b.length, mean: mean(b), variance: variance(b) }, canary: { count: c.length, mean: mean(c), variance: variance(c) } });
    }
    const rs = s.result();
    expect(rel(rs.confidenceSequence.lower as number, ra.confidenceSequence.lower as number)).toBeLessThan(1e-12);
    expect(rel(rs.pValue as number, ra.pValue as number)).toBeLessThan(1e-10);
  });

  it('waits for minSamples, skips NaN and counts it, needs a positive baseline mean for relative effects', () => {
    const m = new MeanMonitor({ minSamples: 5 });
    const r = m.update({ baseline: [1, 2, 3, NaN], canary: [1, 2, 3, 4, 5] });
    expect(r.decision).toBe('continue');
    expect(r.pValue).toBe(1);
    expect(r.confidenceSequence.lower).toBeNull();
    expect(r.summary.baseline.skipped).toBe(1);
    expect(r.reason).toBe('Not judged yet: waiting for 5 values on each side (baseline 3, canary 5).');
    const neg = new MeanMonitor({ minSamples: 2 }).update({ baseline: [-1, -2, -3], canary: [1, 2, 3] });
    expect(neg.confidenceSequence.note).toMatch(/baseline mean is not positive/);
    const abs = new MeanMonitor({ minSamples: 2, effect: 'absolute' }).update({ baseline: [-1, -2, -3], canary: [1, 2, 3] });
    expect(abs.confidenceSequence.estimate).toBe(4);
  });

  it('a +20% shift of 500 values per side fails; a tiny shift passes; the series replay matches', () => {
    const base = Array.from({ length: 500 }, (_, i) => 100 + ((i * 37) % 21) - 10);
    const f = new MeanMonitor({ allowedIncrease: 0.05, tuningSampleSize: 2000 }).update({ baseline: base, canary: base.map((x) => x * 1.2) });
    expect(f.decision).toBe('fail');
    const baseline = Array.from({ length: 200 }, (_, i) => 50 + (i % 10));
    const series = meanMonitorFromSeries({ baseline, canary: baseline.map((x) => x + 0.1), allowedIncrease: 0.05 });
    expect(series.decision).toBe('pass');
    expect(series.trace).toHaveLength(200);
    expect(series.trace[28].decision).toBe('continue'); // 29 values per side: below minSamples
    const timed = meanMonitorFromSeries({
      baseline: { timestamps: [1, 1, 2, 3], values: [1, 2, 3, 4] },
      canary: { timestamps: [2, 3, 3], values: [5, 6, 7] },
      minSamples: 2,
    });
    expect(timed.trace.map((t) => [t.n.baseline, t.n.canary])).toEqual([[2, 0], [3, 1], [4, 3]]);
  });

  it('bad options, data and state throw with the path', () => {
    expectError(() => new MeanMonitor({ tuningSampleSize: 0 }), 'INVALID_OPTION', 'tuningSampleSize');
    expectError(() => new MeanMonitor({ minSamples: 1 }), 'INVALID_OPTION', 'minSamples');
    expectError(() => new MeanMonitor({ effect: 'ratio' as never }), 'INVALID_OPTION', 'effect');
    const m = new MeanMonitor();
    expectError(() => m.update({ baseline: ['1'] as never }), 'INVALID_ARGUMENT', 'baseline[0]');
    expectError(() => m.update({ canary: { count: 3, mean: 1 } }), 'INVALID_ARGUMENT', 'canary.variance');
    expectError(() => m.update({ canary: { count: 1.5, mean: 1 } }), 'INVALID_ARGUMENT', 'canary.count');
    expectError(() => meanMonitorFromSeries({ baseline: [1], canary: { timestamps: [1], values: [1] } }), 'INVALID_ARGUMENT', 'canary');
    expectError(() => meanMonitorFromSeries({ baseline: { timestamps: [2, 1], values: [1, 1] }, canary: { timestamps: [1], values: [1] } }), 'INVALID_ARGUMENT', 'baseline.timestamps[1]');
    const json = m.toJSON();
    expectError(() => MeanMonitor.fromJSON({ ...json, state: { ...json.state, baseline: { n: 1.5, mean: 0, m2: 0, skipped: 0 } } }), 'INVALID_STATE', 'state.baseline.n');
    expectError(() => MeanMonitor.fromJSON({ ...json, options: { ...json.options, alpha: 0.7 } }), 'INVALID_STATE', 'options.alpha');
  });
});

// mpmath bisection (200 halvings, 40 digits) of the two-sided beta-binomial mixture, confseq's indices:
// K = 2 quantiles → α/(2K) = 0.0125 per side and quantile, t_opt = 1000
const Q_BASELINE = Array.from({ length: 500 }, (_, i) => 50 + ((i * 37) % 101) + 0.5 * (i % 3));
const Q_CANARY = Array.from({ length: 400 }, (_, i) => 55 + ((i * 53) % 107) + 0.25 * (i % 5));

describe('QuantileMonitor', () => {
  it('fixed-quantile intervals match the mpmath beta-binomial mixture', () => {
    const r = new QuantileMonitor({ quantiles: [0.5, 0.9] }).update({ baseline: Q_BASELINE, canary: Q_CANARY });
    expect(r.quantiles[0].baseline).toEqual({ estimate: 100, lower: 92.5, upper: 108.5 });
    expect(r.quantiles[0].canary).toEqual({ estimate: 108.25, lower: 99.75, upper: 120.25 });
    expect(r.quantiles[1].baseline).toMatchObject({ lower: 135.5, upper: 145 });
    expect(r.quantiles[1].canary).toMatchObject({ lower: 146.25, upper: 157 });
    expect(r.quantiles[1].relativeChange.lower).toBeCloseTo(146.25 / 145 - 1, 14);
    expect(r.quantiles[1].relativeChange.upper).toBeCloseTo(157 / 135.5 - 1, 14);
    expect(r.decision).toBe('continue');
    expect(r.quantile).toBe(0.5);
    expect(r.pValue).toBe(Math.min(1, 2 * Math.min(r.quantiles[0].pValue as number, r.quantiles[1].pValue as number)));
  });

  it('uniform band: indices from empiricalProcessLilBound at α/2 per side', () => {
    const r = new QuantileMonitor({ quantiles: [0.5], bound: 'uniform' }).update({ baseline: Q_BASELINE, canary: Q_CANARY });
    const sb = [...Q_BASELINE].sort((a, b) => a - b);
    const eps = empiricalProcessLilBound({ t: 500, alpha: 0.025, tMin: 100, A: 0.85 }) as number;
    expect(r.quantiles[0].baseline.lower).toBe(sb[Math.floor(500 * (0.5 - eps) + 1) - 1]);
    expect(r.quantiles[0].baseline.upper).toBe(sb[Math.ceil(500 * (0.5 + eps)) - 1]);
    expect(r.distribution).not.toBeNull();
  });

  it('uniform scan fails on a regression at a quantile nobody listed', () => {
    const baseline = Array.from({ length: 4000 }, (_, i) => 100 + (i % 100));
    // the canary is slower only between p40 and p80 (values 140…179 become 180); p25 and p99 are unchanged
    const canary = baseline.map((x) => (x >= 140 && x < 180 ? 180 : x));
    const listed = new QuantileMonitor({ quantiles: [0.25, 0.99], bound: 'uniform', pValues: false }).update({ baseline, canary });
    expect(listed.quantiles.map((q) => q.decision)).not.toContain('fail');
    expect(listed.decision).toBe('fail');
    expect(listed.reason).toMatch(/^Somewhere in the distribution \(around p\d+/);
    expect(listed.distribution?.lower as number).toBeGreaterThan(0.1);
    const fixed = new QuantileMonitor({ quantiles: [0.25, 0.99], pValues: false }).update({ baseline, canary });
    expect(fixed.decision).not.toBe('fail');
  });

  it('decisions: a 1.5× slowdown fails, identical samples pass', () => {
    const baseline = Array.from({ length: 2000 }, (_, i) => 100 + (i % 100));
    expect(new QuantileMonitor({ quantiles: [0.5, 0.9] }).update({ baseline, canary: baseline.map((x) => 1.5 * x) }).decision).toBe('fail');
    const same = new QuantileMonitor({ quantiles: [0.5, 0.9], allowedIncrease: 0.1, pValues: false }).update({ baseline, canary: baseline });
    expect(same.decision).toBe('pass');
    expect(same.reason).toMatch(/\(and so are both listed quantiles\)\.$/);
  });

  it('series replay, validation and state checks', () => {
    const r = quantileMonitorFromSeries({ baseline: { timestamps: [1, 1, 2, 2], values: [10, 12, 11, 13] }, canary: { timestamps: [1, 2], values: [11, 12] }, minSamples: 1, pValues: false });
    expect(r.trace.map((t) => t.n)).toEqual([{ baseline: 2, canary: 1 }, { baseline: 4, canary: 2 }]);
    expect(r.pValue).toBeNull();
    expectError(() => new QuantileMonitor({ quantiles: [0.5, 1] }), 'INVALID_OPTION', 'quantiles[1]');
    expectError(() => new QuantileMonitor({ quantiles: [0.5, 0.5] }), 'INVALID_OPTION', 'quantiles[1]');
    expectError(() => new QuantileMonitor({ bound: 'dkw' as never }), 'INVALID_OPTION', 'bound');
    expectError(() => new QuantileMonitor({ pValues: 1 as never }), 'INVALID_OPTION', 'pValues');
    const m = new QuantileMonitor({ minSamples: 2 });
    expectError(() => m.update({ baseline: [1, 'x'] as never }), 'INVALID_ARGUMENT', 'baseline[1]');
    expectError(() => m.update({ canary: [1], baseline: [2], extra: [] } as never), 'INVALID_ARGUMENT', 'extra');
    m.update({ baseline: [1, Infinity, 2], canary: [3, 4] });
    expect(m.result().skipped).toEqual({ baseline: 1, canary: 0 });
    const json = m.toJSON();
    expect(json.state.baseline).toEqual([1, 2]);
    expectError(() => QuantileMonitor.fromJSON({ ...json, state: { ...json.state, baseline: [2, 1] } }), 'INVALID_STATE', 'state.baseline[1]');
    expectError(() => QuantileMonitor.fromJSON({ ...json, state: { ...json.state, quantiles: [] } }), 'INVALID_STATE', 'state.quantiles');
  });
});
