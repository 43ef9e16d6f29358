/**
 * Properties of the confidence-sequence functions (fast-check): boundaries grow with intrinsic time and
 * shrink as α grows, log mixtures are finite on their domains and equal log(1/α) at their boundaries,
 * p-values lie in [0, 1], always-valid p-values never increase, inputs are never mutated, and valid
 * numeric input never throws.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  bernoulliConfidenceInterval,
  betaBinomialLogMixture,
  betaBinomialMixtureBound,
  dirichletMultinomialTest,
  dirichletMultinomialTestSequence,
  doubleStitchingBound,
  empiricalProcessLilBound,
  gammaExponentialLogMixture,
  gammaExponentialMixtureBound,
  gammaPoissonLogMixture,
  gammaPoissonMixtureBound,
  msprtNormalMixture,
  msprtNormalMixtureSequence,
  normalLogMixture,
  normalMixtureBound,
  polyStitchingBound,
  quantileAbPValue,
} from '../../src/sequential/index.js';

const RUNS = { numRuns: 60 };
/** Slack for comparing two root-found boundaries (each within ~1e-14 relative of the true root). */
const SLACK = 1e-11;

const vArb = fc.double({ min: 0, max: 1e5, noNaN: true });
const vOptArb = fc.double({ min: 0.5, max: 1e4, noNaN: true });
const alphaArb = fc.double({ min: 1e-6, max: 0.45, noNaN: true });
const alphaOptArb = fc.double({ min: 1e-4, max: 0.45, noNaN: true });
const scaleArb = fc.double({ min: 0.05, max: 10, noNaN: true });
const ghArb = fc.double({ min: 0.01, max: 5, noNaN: true });
const sidedArb = fc.boolean();

/** A pair a ≤ b drawn from arb. */
const ordered = (arb: fc.Arbitrary<number>) => fc.tuple(arb, arb).map(([a, b]) => (a <= b ? [a, b] : [b, a]) as [number, number]);

type BoundCase = {
  name: string;
  arb: fc.Arbitrary<Record<string, number | boolean>>;
  bound: (o: Record<string, number | boolean>, v: number, alpha: number) => number;
  logMixture?: (o: Record<string, number | boolean>, s: number, v: number) => number;
};

const boundCases: BoundCase[] = [
  {
    name: 'normalMixtureBound',
    arb: fc.record({ vOpt: vOptArb, alphaOpt: alphaOptArb, isOneSided: sidedArb }),
    bound: (o, v, alpha) => normalMixtureBound({ v, alpha, vOpt: o.vOpt as number, alphaOpt: o.alphaOpt as number, isOneSided: o.isOneSided as boolean }),
    logMixture: (o, s, v) => normalLogMixture({ s, v, vOpt: o.vOpt as number, alphaOpt: o.alphaOpt as number, isOneSided: o.isOneSided as boolean }),
  },
  {
    name: 'gammaExponentialMixtureBound',
    arb: fc.record({ vOpt: vOptArb, alphaOpt: alphaOptArb, c: scaleArb }),
    bound: (o, v, alpha) => gammaExponentialMixtureBound({ v, alpha, vOpt: o.vOpt as number, c: o.c as number, alphaOpt: o.alphaOpt as number }),
    logMixture: (o, s, v) => gammaExponentialLogMixture({ s, v, vOpt: o.vOpt as number, c: o.c as number, alphaOpt: o.alphaOpt as number }),
  },
  {
    name: 'gammaPoissonMixtureBound',
    arb: fc.record({ vOpt: vOptArb, alphaOpt: alphaOptArb, c: scaleArb }),
    bound: (o, v, alpha) => gammaPoissonMixtureBound({ v, alpha, vOpt: o.vOpt as number, c: o.c as number, alphaOpt: o.alphaOpt as number }),
    logMixture: (o, s, v) => gammaPoissonLogMixture({ s, v, vOpt: o.vOpt as number, c: o.c as number, alphaOpt: o.alphaOpt as number }),
  },
  {
    name: 'betaBinomialMixtureBound',
    arb: fc.record({ vOpt: vOptArb, alphaOpt: alphaOptArb, g: ghArb, h: ghArb, isOneSided: sidedArb }),
    bound: (o, v, alpha) =>
      betaBinomialMixtureBound({
        v,
        alpha,
        vOpt: o.vOpt as number,
        g: o.g as number,
        h: o.h as number,
        alphaOpt: o.alphaOpt as number,
        isOneSided: o.isOneSided as boolean,
      }),
    logMixture: (o, s, v) =>
      betaBinomialLogMixture({
        s,
        v,
        vOpt: o.vOpt as number,
        g: o.g as number,
        h: o.h as number,
        alphaOpt: o.alphaOpt as number,
        isOneSided: o.isOneSided as boolean,
      }),
  },
  {
    name: 'polyStitchingBound',
    arb: fc.record({
      vMin: fc.double({ min: 0.1, max: 1e3, noNaN: true }),
      c: fc.double({ min: -2, max: 5, noNaN: true }),
      s: fc.double({ min: 1.05, max: 3, noNaN: true }),
      eta: fc.double({ min: 1.1, max: 5, noNaN: true }),
    }),
    bound: (o, v, alpha) =>
      polyStitchingBound({ v, alpha, vMin: o.vMin as number, c: o.c as number, s: o.s as number, eta: o.eta as number }),
  },
];

describe('boundaries: monotone in v and in alpha', () => {
  for (const bc of boundCases) {
    it(`${bc.name} is non-decreasing in v`, () => {
      fc.assert(
        fc.property(bc.arb, ordered(vArb), alphaArb, (o, [v1, v2], alpha) => {
          const b1 = bc.bound(o, v1, alpha);
          const b2 = bc.bound(o, v2, alpha);
          expect(Number.isFinite(b1) && b1 >= 0).toBe(true);
          expect(b2).toBeGreaterThanOrEqual(b1 * (1 - SLACK));
        }),
        RUNS,
      );
    });
    it(`${bc.name} is non-increasing in alpha`, () => {
      fc.assert(
        fc.property(bc.arb, vArb, ordered(alphaArb), (o, v, [a1, a2]) => {
          expect(bc.bound(o, v, a2)).toBeLessThanOrEqual(bc.bound(o, v, a1) * (1 + SLACK));
        }),
        RUNS,
      );
    });
  }

  it('doubleStitchingBound is non-decreasing in t and non-increasing in alpha', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 0.99, noNaN: true }),
        ordered(fc.double({ min: 0, max: 1e6, noNaN: true })),
        ordered(alphaArb),
        fc.integer({ min: 1, max: 5000 }),
        fc.double({ min: 0.1, max: 2, noNaN: true }),
        (quantileP, [t1, t2], [a1, a2], tOpt, delta) => {
          const at = (t: number, alpha: number) => doubleStitchingBound({ quantileP, t, alpha, tOpt, delta });
          expect(at(t2, a1)).toBeGreaterThanOrEqual(at(t1, a1) * (1 - SLACK));
          expect(at(t1, a2)).toBeLessThanOrEqual(at(t1, a1) * (1 + SLACK));
        },
      ),
      RUNS,
    );
  });

  it('empiricalProcessLilBound shrinks with t ≥ tMin and with alpha; null before tMin', () => {
    fc.assert(
      fc.property(
        ordered(fc.integer({ min: 1, max: 1e7 })),
        ordered(alphaArb),
        fc.integer({ min: 1, max: 1000 }),
        fc.double({ min: 0.72, max: 3, noNaN: true }),
        ([t1, t2], [a1, a2], tMin, A) => {
          const at = (t: number, alpha: number) => empiricalProcessLilBound({ t, alpha, tMin, A });
          if (t1 < tMin) {
            expect(at(t1, a1)).toBeNull();
            return;
          }
          const b11 = at(t1, a1) as number;
          expect(b11).toBeGreaterThan(0);
          expect(at(t2, a1) as number).toBeLessThanOrEqual(b11 * (1 + SLACK));
          expect(at(t1, a2) as number).toBeLessThanOrEqual(b11 * (1 + SLACK));
        },
      ),
      { numRuns: 30 },
    );
  });
});

describe('log mixtures: finite on their domains, equal to log(1/α) at the boundary', () => {
  for (const bc of boundCases.filter((b) => b.logMixture)) {
    it(`${bc.name}: log M(bound(v), v) = log(1/α) unless the boundary is capped`, () => {
      fc.assert(
        fc.property(bc.arb, fc.double({ min: 0.01, max: 1e5, noNaN: true }), alphaArb, (o, v, alpha) => {
          const u = bc.bound(o, v, alpha);
          const logM = bc.logMixture!(o, u, v);
          if (bc.name === 'betaBinomialMixtureBound' && u === v / (o.g as number)) {
            expect(logM).toBeLessThanOrEqual(-Math.log(alpha) + 1e-9);
          } else {
            expect(Math.abs(logM - -Math.log(alpha))).toBeLessThanOrEqual(1e-9 * Math.max(1, -Math.log(alpha)));
          }
        }),
        RUNS,
      );
    });
  }

  it('normal, gamma-exponential and gamma-Poisson log mixtures are finite for every finite s', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e4, max: 1e4, noNaN: true }),
        vArb,
        vOptArb,
        alphaOptArb,
        scaleArb,
        sidedArb,
        (s, v, vOpt, alphaOpt, c, isOneSided) => {
          expect(Number.isFinite(normalLogMixture({ s, v, vOpt, alphaOpt, isOneSided }))).toBe(true);
          expect(Number.isFinite(gammaExponentialLogMixture({ s, v, vOpt, c, alphaOpt }))).toBe(true);
          expect(Number.isFinite(gammaPoissonLogMixture({ s, v, vOpt, c, alphaOpt }))).toBe(true);
        },
      ),
      RUNS,
    );
  });

  it('beta-binomial log mixture is finite inside −(r+v)/h < s < (r+v)/g (s drawn inside [−v/h, v/g])', () => {
    fc.assert(
      fc.property(vArb, vOptArb, alphaOptArb, ghArb, ghArb, sidedArb, fc.double({ min: 0, max: 1, noNaN: true }), (v, vOpt, alphaOpt, g, h, isOneSided, u) => {
        const s = -v / h + u * (v / g + v / h);
        expect(Number.isFinite(betaBinomialLogMixture({ s, v, vOpt, g, h, alphaOpt, isOneSided }))).toBe(true);
      }),
      RUNS,
    );
  });

  it('log mixtures at s = 0 are ≤ 0 (M(0, v) ≤ 1, the supermartingale starts at 1)', () => {
    fc.assert(
      fc.property(vArb, vOptArb, alphaOptArb, scaleArb, ghArb, ghArb, sidedArb, (v, vOpt, alphaOpt, c, g, h, isOneSided) => {
        expect(normalLogMixture({ s: 0, v, vOpt, alphaOpt, isOneSided })).toBeLessThanOrEqual(1e-12);
        expect(gammaExponentialLogMixture({ s: 0, v, vOpt, c, alphaOpt })).toBeLessThanOrEqual(1e-12);
        expect(gammaPoissonLogMixture({ s: 0, v, vOpt, c, alphaOpt })).toBeLessThanOrEqual(1e-12);
        expect(betaBinomialLogMixture({ s: 0, v, vOpt, g, h, alphaOpt, isOneSided })).toBeLessThanOrEqual(1e-12);
      }),
      RUNS,
    );
  });
});

describe('Bernoulli confidence sequence', () => {
  it('0 ≤ lower ≤ p̂ ≤ upper ≤ 1, and p on the boundary is excluded exactly at the threshold', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 1e-4, max: 0.5, noNaN: true }),
        fc.double({ min: 1, max: 1e5, noNaN: true }),
        (numTrials, fraction, alpha, tOpt) => {
          const numSuccesses = fraction * numTrials;
          const { lower, upper } = bernoulliConfidenceInterval({ numSuccesses, numTrials, alpha, tOpt });
          const pHat = numSuccesses / numTrials;
          expect(lower).toBeGreaterThanOrEqual(0);
          expect(upper).toBeLessThanOrEqual(1);
          expect(lower).toBeLessThanOrEqual(pHat);
          expect(upper).toBeGreaterThanOrEqual(pHat);
        },
      ),
      RUNS,
    );
  });
  it('a smaller alpha gives a wider interval', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), fc.double({ min: 0, max: 1, noNaN: true }), ordered(alphaArb), (n, f, [a1, a2]) => {
        const wide = bernoulliConfidenceInterval({ numSuccesses: f * n, numTrials: n, alpha: a1, tOpt: 100 });
        const narrow = bernoulliConfidenceInterval({ numSuccesses: f * n, numTrials: n, alpha: a2, tOpt: 100 });
        expect(wide.lower).toBeLessThanOrEqual(narrow.lower + 1e-12);
        expect(wide.upper).toBeGreaterThanOrEqual(narrow.upper - 1e-12);
      }),
      RUNS,
    );
  });
});

const sampleArb = fc.array(fc.integer({ min: -50, max: 50 }).map((x) => x / 4), { minLength: 1, maxLength: 120 });

describe('quantileAbPValue', () => {
  it('is in [0, 1], and 1 when both arms are the same sample', () => {
    fc.assert(
      fc.property(sampleArb, sampleArb, fc.double({ min: 0.02, max: 0.98, noNaN: true }), fc.integer({ min: 1, max: 2000 }), (a, b, quantileP, tOpt) => {
        const p = quantileAbPValue({ aValues: a, bValues: b, quantileP, tOpt });
        expect(p).toBeGreaterThanOrEqual(0);
        expect(p).toBeLessThanOrEqual(1);
        expect(quantileAbPValue({ aValues: a, bValues: a.slice(), quantileP, tOpt })).toBe(1);
      }),
      RUNS,
    );
  });
  it('depends only on ranks: unchanged by order and by a strictly increasing transform', () => {
    fc.assert(
      fc.property(sampleArb, sampleArb, fc.double({ min: 0.05, max: 0.95, noNaN: true }), (a, b, quantileP) => {
        const p = quantileAbPValue({ aValues: a, bValues: b, quantileP, tOpt: 100 });
        const f = (x: number) => Math.exp(x / 3) + 7;
        expect(quantileAbPValue({ aValues: a.map(f), bValues: b.map(f), quantileP, tOpt: 100 })).toBe(p);
        expect(quantileAbPValue({ aValues: a.slice().reverse(), bValues: Float64Array.from(b), quantileP, tOpt: 100 })).toBe(p);
      }),
      RUNS,
    );
  });
  it('never mutates its inputs (arrays and typed arrays)', () => {
    fc.assert(
      fc.property(sampleArb, sampleArb, (a, b) => {
        const aCopy = a.slice();
        const bTyped = Float32Array.from(b);
        const bCopy = Float32Array.from(bTyped);
        quantileAbPValue({ aValues: Object.freeze(a), bValues: bTyped, quantileP: 0.5, tOpt: 50 });
        expect(a).toEqual(aCopy);
        expect(bTyped).toEqual(bCopy);
      }),
      RUNS,
    );
  });
  it('handles 10⁵ values per arm well under 100 ms', () => {
    let state = 42;
    const next = () => {
      state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
      return (state + 0.5) / 4294967296;
    };
    const a = Float64Array.from({ length: 100_000 }, () => -Math.log(next()));
    const b = Float64Array.from({ length: 100_000 }, () => -Math.log(next()) * 1.02);
    quantileAbPValue({ aValues: a.subarray(0, 1000), bValues: b.subarray(0, 1000), quantileP: 0.9, tOpt: 1000 }); // warm-up
    const start = performance.now();
    const p = quantileAbPValue({ aValues: a, bValues: b, quantileP: 0.9, tOpt: 1000 });
    const elapsed = performance.now() - start;
    expect(p).toBeGreaterThanOrEqual(0);
    expect(p).toBeLessThanOrEqual(1);
    expect(elapsed).toBeLessThan(250); // typically ~25–40 ms; generous for a loaded CI machine
  });
});

const countsArb = fc.array(fc.integer({ min: 0, max: 5000 }), { minLength: 2, maxLength: 5 });

describe('Dirichlet-multinomial test', () => {
  it('p-value in [0, 1]; a single look equals the first step of the sequence', () => {
    fc.assert(
      fc.property(countsArb, fc.double({ min: 0.5, max: 1e4, noNaN: true }), (counts, k) => {
        const rho = counts.map(() => 1 / counts.length);
        const one = dirichletMultinomialTest({ counts, rho, k });
        expect(one.pValue).toBeGreaterThanOrEqual(0);
        expect(one.pValue).toBeLessThanOrEqual(1);
        expect(Number.isFinite(one.logBayesFactor)).toBe(true);
        const seq = dirichletMultinomialTestSequence({ cumulativeCounts: [counts], rho, k });
        expect(seq.logBayesFactor[0]).toBe(one.logBayesFactor);
      }),
      RUNS,
    );
  });
  it('the always-valid p-value never increases and is the running minimum of the single-look p-values', () => {
    fc.assert(
      fc.property(fc.array(countsArb.map((c) => c.slice(0, 3)).filter((c) => c.length === 3), { minLength: 1, maxLength: 15 }), (increments) => {
        const totals: number[][] = [];
        const running = [0, 0, 0];
        for (const inc of increments) {
          for (let i = 0; i < 3; i++) running[i] += inc[i];
          totals.push(running.slice());
        }
        const frozen = Object.freeze(totals.map((row) => Object.freeze(row.slice())));
        const out = dirichletMultinomialTestSequence({ cumulativeCounts: frozen, rho: [0.2, 0.3, 0.5] });
        let min = 1;
        out.pValue.forEach((p, j) => {
          min = Math.min(min, p);
          expect(out.pValueAlwaysValid[j]).toBe(min);
          if (j > 0) expect(out.pValueAlwaysValid[j]).toBeLessThanOrEqual(out.pValueAlwaysValid[j - 1]);
        });
      }),
      RUNS,
    );
  });
});

describe('mSPRT', () => {
  const settings = fc.record({
    theta0: fc.double({ min: -1, max: 1, noNaN: true }),
    V: fc.double({ min: 1e-3, max: 100, noNaN: true }),
    tau2: fc.double({ min: 1e-5, max: 10, noNaN: true }),
    alpha: fc.double({ min: 1e-4, max: 0.5, noNaN: true }),
  });
  it('p-value in [0, 1]; the interval contains θ̂ and excludes θ₀ exactly when p < α', () => {
    fc.assert(
      fc.property(settings, fc.integer({ min: 1, max: 1e6 }), fc.double({ min: -2, max: 2, noNaN: true }), (o, n, thetaHat) => {
        const r = msprtNormalMixture({ ...o, n, thetaHat });
        expect(r.pValue).toBeGreaterThanOrEqual(0);
        expect(r.pValue).toBeLessThanOrEqual(1);
        expect(r.ciLower!).toBeLessThanOrEqual(thetaHat);
        expect(r.ciUpper!).toBeGreaterThanOrEqual(thetaHat);
        const excluded = o.theta0 < r.ciLower! || o.theta0 > r.ciUpper!;
        const margin = Math.abs(Math.log(r.pValue) - Math.log(o.alpha));
        if (margin > 1e-9) expect(excluded).toBe(r.pValue < o.alpha);
      }),
      RUNS,
    );
  });
  it('sequence: always-valid p-value non-increasing, running intervals nested', () => {
    fc.assert(
      fc.property(
        settings,
        fc.array(fc.tuple(fc.integer({ min: 1, max: 500 }), fc.double({ min: -1, max: 1, noNaN: true })), { minLength: 1, maxLength: 20 }),
        (o, raw) => {
          let n = 0;
          const steps = raw.map(([dn, thetaHat]) => Object.freeze({ n: (n += dn), thetaHat }));
          const out = msprtNormalMixtureSequence({ ...o, steps: Object.freeze(steps) });
          for (let j = 1; j < steps.length; j++) {
            expect(out.pValueAlwaysValid[j]).toBeLessThanOrEqual(out.pValueAlwaysValid[j - 1]);
            expect(out.ciLowerRunning[j]!).toBeGreaterThanOrEqual(out.ciLowerRunning[j - 1]!);
            expect(out.ciUpperRunning[j]!).toBeLessThanOrEqual(out.ciUpperRunning[j - 1]!);
          }
          expect(JSON.parse(JSON.stringify(out))).toEqual(out); // plain JSON, no NaN/Infinity
        },
      ),
      RUNS,
    );
  });
  it('n = 0 is a valid "no data yet" look: Λ = 1, p = 1, no interval', () => {
    expect(msprtNormalMixture({ n: 0, thetaHat: 0, theta0: 0, V: 1, tau2: 1, alpha: 0.05 })).toEqual({
      logLambda: 0,
      Lambda: 1,
      pValue: 1,
      ciLower: null,
      ciUpper: null,
    });
  });
  it('Λ that overflows a double is reported as null, log Λ still finite', () => {
    const r = msprtNormalMixture({ n: 1e6, thetaHat: 1, theta0: 0, V: 1, tau2: 1, alpha: 0.05 });
    expect(r.Lambda).toBeNull();
    expect(Number.isFinite(r.logLambda)).toBe(true);
    expect(r.pValue).toBe(0);
  });
});

describe('no throw on valid input, no mutation of frozen options', () => {
  it('every function accepts deeply frozen options and returns finite numbers', () => {
    fc.assert(
      fc.property(vArb, vOptArb, alphaArb, alphaOptArb, scaleArb, ghArb, ghArb, (v, vOpt, alpha, alphaOpt, c, g, h) => {
        const f = <T extends object>(o: T): T => Object.freeze(o);
        const values = [
          normalMixtureBound(f({ v, alpha, vOpt, alphaOpt })),
          normalMixtureBound(f({ v, alpha, vOpt, alphaOpt, isOneSided: false })),
          gammaExponentialMixtureBound(f({ v, alpha, vOpt, c, alphaOpt })),
          gammaPoissonMixtureBound(f({ v, alpha, vOpt, c, alphaOpt })),
          betaBinomialMixtureBound(f({ v, alpha, vOpt, g, h, alphaOpt })),
          betaBinomialMixtureBound(f({ v, alpha, vOpt, g, h, alphaOpt, isOneSided: false })),
          polyStitchingBound(f({ v, alpha, vMin: vOpt, c: c - 1 })),
          doubleStitchingBound(f({ quantileP: g / (g + h), t: v, alpha, tOpt: 1 + vOpt })),
          normalLogMixture(f({ s: v / 10, v, vOpt, alphaOpt })),
          gammaExponentialLogMixture(f({ s: -v / 10, v, vOpt, c, alphaOpt })),
          gammaPoissonLogMixture(f({ s: -v / 10, v, vOpt, c, alphaOpt })),
          betaBinomialLogMixture(f({ s: v / (10 * g), v, vOpt, g, h, alphaOpt })),
        ];
        for (const x of values) expect(Number.isFinite(x)).toBe(true);
      }),
      RUNS,
    );
  });
});
