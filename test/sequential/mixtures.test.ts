/**
 * Mixture values beyond the fixture: the gamma mixtures continued below s = −(v+ρ)/c (checked against
 * 40-digit mpmath evaluations of the defining integrals, done offline), precision for huge intrinsic time,
 * and argument validation (one error class, code INVALID_ARGUMENT / EMPTY_SAMPLE, path = option name).
 */
import { describe, expect, it } from 'vitest';
import { CanaryJudgeError } from '../../src/errors.js';
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

describe('gamma mixtures on the whole real line (mpmath: lead + log ∫₀¹u^(w−1)e^(−yu)du + (cs+v)/c², and log Γ(a, w))', () => {
  // [s, v, vOpt, c, alphaOpt, gamma-exponential, gamma-Poisson]; −(v+ρ)/c = −5.790 for the v = 10 rows
  const rows: number[][] = [
    [10, 100, 100, 2, 0.05, -0.24901647897554106, -0.069912185317052804],
    [-30, 10, 10, 2, 0.05, -3.8684881469120579, -3.0803715386944524],
    [-12, 10, 10, 2, 0.05, -2.9211996248060357, -2.227800751001967],
    [-100, 50, 20, 1, 0.05, -4.4167355048114836, -4.1250909851143231],
    [-6.5, 3, 10, 1.5, 0.05, -2.1269041279175216, -1.7092455658324454],
    [-5.79, 10, 10, 2, 0.05, -2.2813651884786537, -1.6691358080058173],
    [-5.7901, 10, 10, 2, 0.05, -2.2813780253790258, -1.6691471239443074],
  ];
  it('matches to 1e-12 inside and outside confseq’s documented range', () => {
    for (const [s, v, vOpt, c, alphaOpt, ge, gp] of rows) {
      expect(Math.abs(gammaExponentialLogMixture({ s, v, vOpt, c, alphaOpt }) - ge), `GE s=${s}`).toBeLessThanOrEqual(1e-12);
      expect(Math.abs(gammaPoissonLogMixture({ s, v, vOpt, c, alphaOpt }) - gp), `GP s=${s}`).toBeLessThanOrEqual(1e-12);
    }
  });
  it('far below the range (mpmath via 1F1): s = −1e4 and −1e6', () => {
    // (1/w)·1F1(w; w+1; z) = ∫₀¹u^(w−1)e^(zu)du. Here log M is a small difference of terms of size
    // |c·s|/c² (5e3 and 5e5), so ~1e-15 of those is the attainable absolute accuracy.
    expect(gammaExponentialLogMixture({ s: -1e4, v: 10, vOpt: 10, c: 2 })).toBeCloseTo(-9.7353719170841527, 10);
    expect(gammaExponentialLogMixture({ s: -1e6, v: 10, vOpt: 10, c: 2 })).toBeCloseTo(-14.340740047219185, 8);
    expect(gammaExponentialLogMixture({ s: -100, v: 10, vOpt: 10, c: 2 })).toBeCloseTo(-5.1110207808640898, 12);
  });
});

describe('beta-binomial mixture keeps its precision when v/(gh) is in the millions', () => {
  it('log M at the boundary equals log(1/α) to 1e-11 (confseq’s direct form loses ~8 digits here)', () => {
    const o = { vOpt: 0.5, alphaOpt: 0.0001, g: 0.01, h: 0.01, isOneSided: false };
    const v = 926.2179119232339;
    const alpha = 0.31679496815201774;
    const u = betaBinomialMixtureBound({ ...o, v, alpha });
    expect(Math.abs(betaBinomialLogMixture({ ...o, s: u, v }) + Math.log(alpha))).toBeLessThanOrEqual(1e-11);
  });
});

function expectInvalid(fn: () => unknown, path: string, code = 'INVALID_ARGUMENT'): void {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(CanaryJudgeError);
    expect((e as CanaryJudgeError).code).toBe(code);
    expect((e as CanaryJudgeError).path).toBe(path);
    return;
  }
  throw new Error(`expected a CanaryJudgeError at ${path}`);
}

describe('argument validation', () => {
  it('mixtures and bounds', () => {
    expectInvalid(() => normalLogMixture({ s: NaN, v: 1, vOpt: 1 }), 's');
    expectInvalid(() => normalLogMixture({ s: 1, v: -1, vOpt: 1 }), 'v');
    expectInvalid(() => normalLogMixture({ s: 1, v: 1, vOpt: 0 }), 'vOpt');
    expectInvalid(() => normalLogMixture({ s: 1, v: 1, vOpt: 1, alphaOpt: 0.5 }), 'alphaOpt'); // one-sided needs < 0.5
    expect(() => normalLogMixture({ s: 1, v: 1, vOpt: 1, alphaOpt: 0.5, isOneSided: false })).not.toThrow();
    expectInvalid(() => normalMixtureBound({ v: 1, alpha: 1, vOpt: 1 }), 'alpha');
    expectInvalid(() => normalMixtureBound({ v: 1, alpha: 0, vOpt: 1 }), 'alpha');
    expectInvalid(() => gammaExponentialMixtureBound({ v: 1, alpha: 0.05, vOpt: 1, c: 0 }), 'c');
    expectInvalid(() => gammaPoissonMixtureBound({ v: 1, alpha: 0.05, vOpt: 1, c: -1 }), 'c');
    expectInvalid(() => gammaPoissonLogMixture({ s: Infinity, v: 1, vOpt: 1, c: 1 }), 's');
    expectInvalid(() => betaBinomialMixtureBound({ v: 1, alpha: 0.05, vOpt: 1, g: 0, h: 1 }), 'g');
    expectInvalid(() => betaBinomialLogMixture({ s: 1e9, v: 1, vOpt: 1, g: 0.5, h: 0.5 }), 's');
    expectInvalid(() => normalLogMixture({ s: 1, v: 1, vOpt: 1, isOneSided: 'yes' as unknown as boolean }), 'isOneSided');
    expectInvalid(() => polyStitchingBound({ v: 1, alpha: 0.05, vMin: 1, s: 1 }), 's');
    expectInvalid(() => polyStitchingBound({ v: 1, alpha: 0.05, vMin: 1, eta: 1 }), 'eta');
    expectInvalid(() => doubleStitchingBound({ quantileP: 1, t: 10, alpha: 0.05, tOpt: 10 }), 'quantileP');
    expectInvalid(() => doubleStitchingBound({ quantileP: 0.5, t: 10, alpha: 0.05, tOpt: 0.5 }), 'tOpt');
    expectInvalid(() => empiricalProcessLilBound({ t: 10.5, alpha: 0.05, tMin: 1 }), 't');
    expectInvalid(() => empiricalProcessLilBound({ t: 10, alpha: 0.05, tMin: 1, A: 0.7 }), 'A');
    expectInvalid(() => empiricalProcessLilBound({ t: 10, alpha: 0.05, tMin: 0.5 }), 'tMin');
    expectInvalid(() => normalLogMixture(null as never), 'options');
  });
  it('Bernoulli, quantile, Dirichlet, mSPRT', () => {
    expectInvalid(() => bernoulliConfidenceInterval({ numSuccesses: 3, numTrials: 2, alpha: 0.05, tOpt: 10 }), 'numSuccesses');
    expectInvalid(() => bernoulliConfidenceInterval({ numSuccesses: 1, numTrials: 2.5, alpha: 0.05, tOpt: 10 }), 'numTrials');
    expectInvalid(() => bernoulliConfidenceInterval({ numSuccesses: 1, numTrials: 0, alpha: 0.05, tOpt: 10 }), 'numTrials');
    expectInvalid(() => quantileAbPValue({ aValues: [], bValues: [1], quantileP: 0.5, tOpt: 10 }), 'aValues', 'EMPTY_SAMPLE');
    expectInvalid(() => quantileAbPValue({ aValues: [1, NaN], bValues: [1], quantileP: 0.5, tOpt: 10 }), 'aValues[1]');
    expectInvalid(() => quantileAbPValue({ aValues: [1], bValues: [1], quantileP: 0, tOpt: 10 }), 'quantileP');
    expectInvalid(() => dirichletMultinomialTest({ counts: [1, 2.5], rho: [0.5, 0.5] }), 'counts[1]');
    expectInvalid(() => dirichletMultinomialTest({ counts: [1, 2], rho: [0.5, 0.6] }), 'rho');
    expectInvalid(() => dirichletMultinomialTest({ counts: [1, 2, 3], rho: [0.5, 0.5] }), 'counts');
    expectInvalid(() => dirichletMultinomialTest({ counts: [1, 2], rho: [0.5, 0.5], k: 0 }), 'k');
    expectInvalid(() => dirichletMultinomialTestSequence({ cumulativeCounts: [[5, 5], [4, 6]], rho: [0.5, 0.5] }), 'cumulativeCounts[1][0]');
    expectInvalid(() => msprtNormalMixture({ n: 10, thetaHat: 0, theta0: 0, V: 0, tau2: 1, alpha: 0.05 }), 'V');
    expectInvalid(() => msprtNormalMixture({ n: -1, thetaHat: 0, theta0: 0, V: 1, tau2: 1, alpha: 0.05 }), 'n');
    expectInvalid(
      () => msprtNormalMixtureSequence({ steps: [{ n: 10, thetaHat: 0 }, { n: 5, thetaHat: 0 }], theta0: 0, V: 1, tau2: 1, alpha: 0.05 }),
      'steps[1].n',
    );
  });
});
