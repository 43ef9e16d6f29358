import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CanaryJudgeError } from '../../src/errors.js';
import {
  betaIsf,
  betaQuantile,
  binomialAtLeast,
  binomialCdf,
  binomialPmf,
  binomialSf,
  binomialTest,
  clopperPearson,
  incompleteBetaRegularized,
  incompleteBetaRegularizedComplement,
  poissonRateRatioTest,
  type BinomialAlternative,
} from '../../src/stats/binomial.js';

function relErr(got: number, want: number): number {
  if (got === want) return 0;
  return Math.abs(got - want) / Math.abs(want);
}

// [x, a, b, I_x(a, b), 1 − I_x(a, b)] computed with mpmath 1.3 at 40 digits (integer a, b: the exact
// binomial sum P(Binomial(a + b − 1, x) ≥ a), each tail summed separately; otherwise mpmath.betainc).
// scipy 1.17 special.betainc / betaincc agree with every row to ≤ 7e-15 relative.
const INCOMPLETE_BETA: Array<[number, number, number, number, number]> = [
  [0.5, 2, 3, 0.6875, 0.3125],
  [0.001, 5, 50, 3.0359946363576077e-9, 0.9999999969640053],
  [0.999, 50, 5, 0.9999999969640053, 3.035994636357621e-9],
  [0.3, 0.5, 0.5, 0.36901011956554536, 0.6309898804344546],
  [0.9, 30.5, 2.25, 0.20631596342514744, 0.7936840365748525],
  [0.4, 0.01, 1, 0.9908789441918076, 0.009121055808192438],
  [0.2, 10000.0, 40000.0, 0.500892064957114, 0.49910793504288603],
  [0.2001, 100000.0, 400000.0, 0.5704270883280016, 0.42957291167199846],
  [1e-7, 1, 1000000.0, 0.0951625864882278, 0.9048374135117722],
  [0.05, 1, 1, 0.05, 0.95],
  [0.75, 3.7, 0.8, 0.2698342176604776, 0.7301657823395225],
  [0.01, 0.2, 7.5, 0.6349476748746721, 0.3650523251253279],
  [0.6, 120, 80, 0.49615829847575205, 0.5038417015242479],
  [0.35, 200.5, 300.25, 0.009801466204847521, 0.9901985337951524],
  [0.999999, 2, 2, 0.999999999997, 2.999998000172534e-12],
  [1e-10, 3, 4, 1.9999999995500004e-29, 1.0],
  [0.5, 1000.0, 1000.0, 0.5, 0.5],
  [0.45, 1000, 1000, 3.683198869007578e-6, 0.999996316801131],
  [0.03, 10, 20, 7.001995178784419e-9, 0.9999999929980048],
  [0.97, 20, 10, 0.9999999929980048, 7.0019951787844805e-9],
  [0.123, 1.5, 40.5, 0.9865094353419852, 0.013490564658014756],
  [0.8, 0.5, 3, 0.9972863179649062, 0.0027136820350937936],
  // regressions: a ≫ b with x just past the switch point (the plain continued fraction lost 11 digits here);
  // a tiny shape with x ≈ 1e-6 (mpmath: x^a y^b/(a B) · 2F1(a+b, 1; a+1; x) at 60 digits)
  [7.2246687943803141e-6, 3, 999998, 0.97499999999999994497, 0.025000000000000055027],
  [1.1746122393920477e-6, 0.010902318883937471, 10345.888535682281, 0.9588533412542992, 0.04114665874570082],
];

describe('incompleteBetaRegularized and its complement', () => {
  it('match mpmath (40 digits) to 1e-13 relative, both tails', () => {
    for (const [x, a, b, lower, upper] of INCOMPLETE_BETA) {
      expect(relErr(incompleteBetaRegularized(x, a, b), lower), `I(${x}, ${a}, ${b})`).toBeLessThanOrEqual(1e-13);
      expect(relErr(incompleteBetaRegularizedComplement(x, a, b), upper), `Ic(${x}, ${a}, ${b})`).toBeLessThanOrEqual(1e-13);
    }
  });
  it('end points and validation', () => {
    expect(incompleteBetaRegularized(0, 2, 3)).toBe(0);
    expect(incompleteBetaRegularized(1, 2, 3)).toBe(1);
    expect(incompleteBetaRegularizedComplement(0, 2, 3)).toBe(1);
    expect(incompleteBetaRegularizedComplement(1, 2, 3)).toBe(0);
    expect(() => incompleteBetaRegularized(1.5, 2, 3)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT', path: 'x' }));
    expect(() => incompleteBetaRegularized(0.5, 0, 3)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT', path: 'a' }));
    expect(() => incompleteBetaRegularized(0.5, 2, NaN)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT', path: 'b' }));
  });
  it('symmetry I_x(a, b) = 1 − I_{1−x}(b, a) and I + Ic = 1', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0.05, max: 500, noNaN: true }),
        fc.double({ min: 0.05, max: 500, noNaN: true }),
        (x, a, b) => {
          const lower = incompleteBetaRegularized(x, a, b);
          const upper = incompleteBetaRegularizedComplement(x, a, b);
          expect(lower).toBeGreaterThanOrEqual(0);
          expect(lower).toBeLessThanOrEqual(1);
          expect(Math.abs(lower + upper - 1)).toBeLessThanOrEqual(1e-15);
          const y = 1 - x;
          if (1 - y === x) expect(Math.abs(incompleteBetaRegularizedComplement(y, b, a) - lower)).toBeLessThanOrEqual(1e-13);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('betaQuantile / betaIsf', () => {
  // R 4.2 qbeta (TOMS 708 inversion); the first agrees with the mpmath root 0.032070937185463706275.
  const cases: Array<[string, number, number]> = [
    ['betaQuantile(0.025, 3, 18)', betaQuantile(0.025, 3, 18), 0.032070937185463708],
    ['betaIsf(0.025, 4, 17)', betaIsf(0.025, 4, 17), 0.37892682654531396],
    ['betaQuantile(1e-10, 30.5, 2.25)', betaQuantile(1e-10, 30.5, 2.25), 0.41848413673570295],
    ['betaIsf(1e-20, 2, 30)', betaIsf(1e-20, 2, 30), 0.80652609167603329],
    ['betaQuantile(0.3, 0.5, 0.5)', betaQuantile(0.3, 0.5, 0.5), 0.20610737385376351],
    ['betaQuantile(1e-5, 0.2, 7.5)', betaQuantile(1e-5, 0.2, 7.5), 9.1835527394647467e-27],
    ['betaQuantile(0.999, 1000, 1000)', betaQuantile(0.999, 1000, 1000), 0.53451294847906372],
    ['betaQuantile(1e-100, 5, 5)', betaQuantile(1e-100, 5, 5), 3.8012452545008422e-21],
    // p near 1 is solved in the upper tail (mpmath bisection at 40 digits: 0.053533752608641032825)
    ['betaQuantile(0.999999, 0.3, 200)', betaQuantile(0.999999, 0.3, 200), 0.053533752608641016],
    ['betaIsf(0.999999, 200, 0.3)', betaIsf(0.999999, 200, 0.3), 1 - 0.053533752608641032825],
  ];
  it.each(cases)('%s = R qbeta to 1e-13 relative', (_label, got, want) => {
    expect(relErr(got, want)).toBeLessThanOrEqual(1e-13);
  });
  it('end points', () => {
    expect(betaQuantile(0, 2, 3)).toBe(0);
    expect(betaQuantile(1, 2, 3)).toBe(1);
    expect(betaIsf(0, 2, 3)).toBe(1);
    expect(betaIsf(1, 2, 3)).toBe(0);
  });
  it('round trip: I(betaQuantile(p)) = p', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-12, max: 1 - 1e-12, noNaN: true }),
        fc.double({ min: 0.5, max: 2000, noNaN: true }),
        fc.double({ min: 0.5, max: 2000, noNaN: true }),
        (p, a, b) => {
          const x = betaQuantile(p, a, b);
          expect(x).toBeGreaterThanOrEqual(0);
          expect(x).toBeLessThanOrEqual(1);
          // |I(x) − p| is bounded by the density times the spacing of doubles around x
          const lower = incompleteBetaRegularized(x, a, b);
          const slack = 1e-12 * p + 1e-15;
          const bracketed =
            Math.abs(lower - p) <= slack ||
            (incompleteBetaRegularized(Math.max(0, x * (1 - 4e-16)), a, b) <= p + slack &&
              incompleteBetaRegularized(Math.min(1, x * (1 + 4e-16)), a, b) >= p - slack);
          expect(bracketed, `p=${p} a=${a} b=${b} x=${x} I=${lower}`).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('binomial pmf, cdf and tails against R dbinom / pbinom', () => {
  it('values (1e-13 relative)', () => {
    const cases: Array<[string, number, number]> = [
      ['dbinom(5e5, 1e6, 0.5)', binomialPmf(5e5, 1e6, 0.5), 0.0007978843613317499],
      ['pbinom(499000, 1e6, 0.5)', binomialCdf(499000, 1e6, 0.5), 0.022804149932691052],
      ['pbinom(501000, 1e6, 0.5, lower = F)', binomialSf(501000, 1e6, 0.5), 0.022696167954672136],
      ['dbinom(100, 1000, 0.07)', binomialPmf(100, 1000, 0.07), 8.9047572250787382e-5],
      ['pbinom(100, 1000, 0.07)', binomialCdf(100, 1000, 0.07), 0.99982884888992474],
      ['pbinom(100, 1000, 0.07, lower = F)', binomialSf(100, 1000, 0.07), 0.00017115111007529177],
      ['pbinom(0, 1000, 0.01)', binomialCdf(0, 1000, 0.01), 4.3171247410658195e-5],
      ['pbinom(99, 100, 0.01, lower = F)', binomialSf(99, 100, 0.01), 1.0000000000000156e-200],
      ['P(X ≥ 101) = pbinom(100, 1000, 0.07, lower = F)', binomialAtLeast(101, 1000, 0.07), 0.00017115111007529177],
    ];
    for (const [label, got, want] of cases) expect(relErr(got, want), label).toBeLessThanOrEqual(1e-13);
  });
  it('exact small cases and conventions', () => {
    expect(binomialPmf(3, 10, 0.5)).toBeCloseTo(120 / 1024, 15);
    expect(binomialCdf(3, 10, 0.5)).toBeCloseTo(176 / 1024, 15);
    expect(binomialSf(7, 10, 0.5)).toBeCloseTo(56 / 1024, 15); // P(X > 7)
    expect(binomialAtLeast(8, 10, 0.5)).toBeCloseTo(56 / 1024, 15); // P(X ≥ 8)
    expect(binomialAtLeast(0, 10, 0.5)).toBe(1);
    expect(binomialCdf(-1, 10, 0.5)).toBe(0);
    expect(binomialCdf(10, 10, 0.5)).toBe(1);
    expect(binomialSf(10, 10, 0.5)).toBe(0);
    expect(binomialPmf(2.5, 10, 0.5)).toBe(0);
    expect(binomialPmf(11, 10, 0.5)).toBe(0);
    expect(binomialCdf(3.7, 10, 0.5)).toBe(binomialCdf(3, 10, 0.5));
    expect(binomialPmf(0, 5, 0)).toBe(1);
    expect(binomialPmf(5, 5, 1)).toBe(1);
    expect(binomialCdf(2, 5, 0)).toBe(1);
    expect(binomialCdf(4, 5, 1)).toBe(0);
    expect(binomialPmf(0, 0, 0.3)).toBe(1);
    expect(() => binomialCdf(1, 2.5, 0.5)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT', path: 'n' }));
    expect(() => binomialCdf(1, 5, 1.2)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT', path: 'p' }));
    expect(() => binomialCdf(NaN, 5, 0.2)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT', path: 'k' }));
  });
  it('cdf is monotone in k, non-increasing in p, and cdf + sf = 1', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 5000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (n, u, p1, p2) => {
          const k = Math.floor(u * n);
          const c0 = binomialCdf(k, n, p1);
          const c1 = binomialCdf(k + 1, n, p1);
          expect(c1 + 1e-15).toBeGreaterThanOrEqual(c0);
          expect(Math.abs(c0 + binomialSf(k, n, p1) - 1)).toBeLessThanOrEqual(1e-14);
          const [lo, hi] = p1 <= p2 ? [p1, p2] : [p2, p1];
          expect(binomialCdf(k, n, lo) + 1e-14).toBeGreaterThanOrEqual(binomialCdf(k, n, hi));
          for (const v of [c0, c1, binomialPmf(k, n, p1), binomialAtLeast(k, n, p1)]) {
            expect(v).toBeGreaterThanOrEqual(0);
            expect(v).toBeLessThanOrEqual(1);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
  it('pmf sums to the cdf', () => {
    let total = 0;
    for (let i = 0; i <= 40; i++) {
      total += binomialPmf(i, 200, 0.13);
      expect(relErr(binomialCdf(i, 200, 0.13), total)).toBeLessThanOrEqual(1e-13);
    }
  });
});

// R 4.2: binom.test(k, n, p) (two-sided, 95%), binom.test(…, alternative = "less", conf.level = 0.9),
// binom.test(…, alternative = "greater", conf.level = 0.99):
// [k, n, p, p two-sided, p less, p greater, CI95 lower, CI95 upper, CI90-less upper, CI99-greater lower]
const BINOM_TEST: number[][] = [
  [7, 20, 0.2, 0.098221728613468728, 0.96785733691912479, 0.086692513567400251, 0.15390920478454115, 0.59218853453282816, 0.51803075731820525, 0.12917878429650659],
  [682, 925, 0.75, 0.38249155957485192, 0.19600926705388305, 0.82408912235242271, 0.70766826407903904, 0.76540655824152526, 0.75599245345107868, 0.7021143695775045],
  [0, 10, 0.3, 0.038839603299999984, 0.028247524899999987, 1, 0, 0.30849710781876083, 0.20567176527571862, 0],
  [10, 10, 0.3, 5.9048999999999915e-6, 1, 5.9048999999999915e-6, 0.69150289218123917, 1, 1, 0.63095734448019325],
  [3, 1000, 0.001, 0.080209342840201078, 0.9810731665496395, 0.080209342840201078, 0.00061909993164957196, 0.0087420232384782803, 0.0066684953370681607, 0.00043638656407612672],
  [1500, 3000, 0.48, 0.029660195905445642, 0.98645468191222885, 0.014864187361544294, 0.48194876932698499, 0.51805123067301495, 0.51186292288059521, 0.47860834127566371],
  [25, 35, 0.5, 0.016673847800120739, 0.99700593971647322, 0.0083369239000603695, 0.53695535544557993, 0.85364525472094077, 0.8143116447288048, 0.50574275725729434],
  [12, 40, 0.25, 0.46680976110246941, 0.82086575765395842, 0.28485560710188662, 0.16562720439323556, 0.46531628525412339, 0.41160100048511505, 0.14655218263098432],
  [1, 1, 0.5, 1, 1, 0.5, 0.025000000000000022, 1, 1, 0.010000000000000009],
  [0, 1, 0.5, 1, 0.5, 1, 0, 0.97499999999999998, 0.90000000000000002, 0],
  [57, 100, 0.5, 0.1933479044956426, 0.93339469039639333, 0.096673952247821299, 0.46713373832484617, 0.66860898336861685, 0.63688084801960843, 0.44896588416467637],
  [50, 100, 0.5, 1, 0.53979461869358913, 0.53979461869358913, 0.39832112950330101, 0.60167887049669899, 0.56858317440621919, 0.38071746690695246],
  [3, 10, 0.3, 1, 0.64961071840000018, 0.61721721360000026, 0.066739511177734495, 0.65245285005999731, 0.5517308323835991, 0.047506998951161249],
  [400, 100000, 0.005, 3.8302819943926685e-6, 1.9726458767208779e-6, 0.99999843793658905, 0.0036182373927022712, 0.0044109571603347403, 0.0042681024405412426, 0.0035502672809058912],
  [2, 1000000, 1e-6, 0.2642411176570838, 0.91969869489855016, 0.2642411176570838, 2.4220937031600363e-7, 7.2246687943803141e-6, 5.3223114966139177e-6, 1.4855480349642713e-7],
  [4, 25, 0.1, 0.30819844121601336, 0.90200637880453516, 0.2364086424468281, 0.04537945237170958, 0.36082845445927214, 0.29467063540234284, 0.034470047646341713],
];

describe('binomialTest and clopperPearson against R binom.test', () => {
  it.each(BINOM_TEST)('binom.test(%i, %i, %d)', (k, n, p, two, less, greater, lo95, hi95, hi90less, lo99greater) => {
    const t = binomialTest(k, n, p);
    expect(relErr(t.pValue, two), 'two-sided p').toBeLessThanOrEqual(1e-13);
    expect(relErr(binomialTest(k, n, p, { alternative: 'less', confidence: 0.9 }).pValue, less), 'less p').toBeLessThanOrEqual(1e-13);
    expect(relErr(binomialTest(k, n, p, { alternative: 'greater', confidence: 0.99 }).pValue, greater), 'greater p').toBeLessThanOrEqual(1e-13);
    expect(relErr(t.lower, lo95), 'lower 95').toBeLessThanOrEqual(1e-13);
    expect(relErr(t.upper, hi95), 'upper 95').toBeLessThanOrEqual(1e-13);
    const less90 = clopperPearson(k, n, { confidence: 0.9, alternative: 'less' });
    expect(less90.lower).toBe(0);
    expect(relErr(less90.upper, hi90less), 'upper 90 less').toBeLessThanOrEqual(1e-13);
    const greater99 = clopperPearson(k, n, { confidence: 0.99, alternative: 'greater' });
    expect(greater99.upper).toBe(1);
    expect(relErr(greater99.lower, lo99greater), 'lower 99 greater').toBeLessThanOrEqual(1e-13);
    expect(t.estimate).toBe(k / n);
  });
  it('n = 0: p-value 1, estimate null, interval [0, 1]', () => {
    const t = binomialTest(0, 0, 0.3);
    expect(t.pValue).toBe(1);
    expect(t.estimate).toBeNull();
    expect(t.estimateReason).toBe('NO_TRIALS');
    expect([t.lower, t.upper]).toEqual([0, 1]);
    expect(JSON.parse(JSON.stringify(t))).toEqual(t);
  });
  it('boundary null probabilities 0 and 1', () => {
    expect(binomialTest(0, 10, 0).pValue).toBe(1);
    expect(binomialTest(1, 10, 0).pValue).toBe(0);
    expect(binomialTest(10, 10, 1).pValue).toBe(1);
    expect(binomialTest(9, 10, 1).pValue).toBe(0);
  });
  it('validates its arguments', () => {
    expect(() => binomialTest(5, 4, 0.5)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT', path: 'k' }));
    expect(() => binomialTest(-1, 4, 0.5)).toThrow(expect.objectContaining({ path: 'k' }));
    expect(() => binomialTest(1, 4, 0.5, { confidence: 1 })).toThrow(expect.objectContaining({ path: 'confidence' }));
    expect(() => binomialTest(1, 4, 0.5, { alternative: 'bigger' as BinomialAlternative })).toThrow(
      expect.objectContaining({ path: 'alternative' }),
    );
  });
  it('p-values lie in [0, 1] and the interval contains k/n', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.constantFrom<BinomialAlternative>('two-sided', 'less', 'greater'),
        fc.double({ min: 0.5, max: 0.999, noNaN: true }),
        (n, u, p, alternative, confidence) => {
          const k = Math.floor(u * n);
          const t = binomialTest(k, n, p, { alternative, confidence });
          expect(t.pValue).toBeGreaterThanOrEqual(0);
          expect(t.pValue).toBeLessThanOrEqual(1);
          expect(t.lower).toBeGreaterThanOrEqual(0);
          expect(t.upper).toBeLessThanOrEqual(1);
          if (n > 0) {
            expect(t.lower).toBeLessThanOrEqual(k / n);
            expect(t.upper).toBeGreaterThanOrEqual(k / n);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

// R 4.2: poisson.test(c(x1, x2), c(t1, t2), r, alternative): [x1, t1, x2, t2, r, alternative, p-value,
// estimate, CI lower, CI upper (Infinity = unbounded), expected count1]. The first row is the example of
// R's ?poisson.test (p-value 0.07967, rate ratio 1.971488, 95% CI 0.8584264…4.2772659).
const POISSON_TEST: Array<[number, number, number, number, number, string, number, number, number, number, number]> = [
  [11, 800, 21, 3011, 1, 'two.sided', 0.079668633033329522, 1.9714880952380953, 0.85842640339163923, 4.2772659436540712, 6.7173970086591446],
  [11, 800, 21, 3011, 1, 'less', 0.97593182322731198, 1.9714880952380953, 0, 3.827386407850879, 6.7173970086591446],
  [11, 800, 21, 3011, 1, 'greater', 0.056008659787699693, 1.9714880952380953, 0.97758434749674539, Infinity, 6.7173970086591446],
  [25, 1000, 10, 1000, 1, 'two.sided', 0.016673847800120739, 2.5, 1.1596189735922393, 5.8327132003357205, 17.5],
  [25, 1000, 10, 1000, 1, 'less', 0.99700593971647322, 2.5, 0, 5.0991617993994378, 17.5],
  [25, 1000, 10, 1000, 1, 'greater', 0.0083369239000603695, 2.5, 1.2922121196018392, Infinity, 17.5],
  [9, 1000, 0, 1000, 1, 'two.sided', 0.0039062500000000035, Infinity, 1.9738263118871324, Infinity, 4.5],
  [9, 1000, 0, 1000, 1, 'less', 1, Infinity, 0, Infinity, 4.5],
  [9, 1000, 0, 1000, 1, 'greater', 0.0019531250000000017, Infinity, 2.5319609816891488, Infinity, 4.5],
  [0, 1000, 9, 1000, 1, 'two.sided', 0.0039062500000000035, 0, 0, 0.50663019029466771, 4.5],
  [0, 1000, 9, 1000, 1, 'less', 0.0019531250000000017, 0, 0, 0.39495079396242094, 4.5],
  [0, 1000, 9, 1000, 1, 'greater', 1, 0, 0, Infinity, 4.5],
  [120, 50000, 100, 50000, 1, 'two.sided', 0.20009222902827098, 1.2, 0.91260577834652223, 1.5807420070202769, 110],
  [120, 50000, 100, 50000, 1, 'less', 0.9216645438859129, 1.2, 0, 1.5140210790800448, 110],
  [120, 50000, 100, 50000, 1, 'greater', 0.10004611451413549, 1.2, 0.95218908766945931, Infinity, 110],
  [30, 2000, 12, 1000, 1.5, 'two.sided', 0.59419852993688183, 1.25, 0.62148156753107575, 2.6808342417538831, 36],
  [30, 2000, 12, 1000, 1.5, 'less', 0.35129601650448222, 1.25, 0, 2.3754527948873423, 36],
  [30, 2000, 12, 1000, 1.5, 'greater', 0.76641014089394344, 1.25, 0.68643939109064467, Infinity, 36],
  [3, 10, 4, 7, 1, 'two.sided', 0.45666832138924418, 0.52500000000000002, 0.076904432264185724, 3.1032819224276631, 4.117647058823529],
  [3, 10, 4, 7, 1, 'less', 0.31288465223457007, 0.52500000000000002, 0, 2.4066708633612093, 4.117647058823529],
  [3, 10, 4, 7, 1, 'greater', 0.89190959585717633, 0.52500000000000002, 0.10344922386640712, Infinity, 4.117647058823529],
  [5000, 1e6, 4800, 1e6, 1, 'two.sided', 0.044404148799846284, 1.0416666666666667, 1.0010165693017057, 1.0839762509660023, 4900],
  [5000, 1e6, 4800, 1e6, 1, 'less', 0.97884512550529978, 1.0416666666666667, 0, 1.0770938254692684, 4900],
  [5000, 1e6, 4800, 1e6, 1, 'greater', 0.022202074399923142, 1.0416666666666667, 1.0074096702499078, Infinity, 4900],
  [1, 1, 1, 1, 1, 'two.sided', 1, 1, 0.012739367083666625, 78.496835316262846, 1],
  [1, 1, 1, 1, 1, 'less', 0.75, 1, 0, 38.493588689617837, 1],
  [1, 1, 1, 1, 1, 'greater', 0.75, 1, 0.025978352085154116, Infinity, 1],
  [0, 5, 3, 2, 2, 'two.sided', 0.0046296296296296294, 0, 0, 0.96798075734135691, 3.3333333333333335],
  [0, 5, 3, 2, 2, 'less', 0.0046296296296296294, 0, 0, 0.68576704663796229, 3.3333333333333335],
  [0, 5, 3, 2, 2, 'greater', 1, 0, 0, Infinity, 3.3333333333333335],
];

describe('poissonRateRatioTest against R poisson.test', () => {
  it.each(POISSON_TEST)('poisson.test(c(%d, %d), c(%d, %d), r = %d, %s)', (events1, exposure1, events2, exposure2, ratio, alt, p, estimate, lower, upper, expected1) => {
    const alternative = (alt === 'two.sided' ? 'two-sided' : alt) as BinomialAlternative;
    const r = poissonRateRatioTest({ events1, exposure1, events2, exposure2, ratio, alternative });
    expect(relErr(r.pValue, p), 'p-value').toBeLessThanOrEqual(1e-13);
    if (estimate === Infinity) {
      expect(r.estimate).toBeNull();
      expect(r.estimateReason).toBe('INFINITE');
    } else expect(relErr(r.estimate!, estimate), 'estimate').toBeLessThanOrEqual(1e-15);
    expect(relErr(r.lower, lower), 'lower').toBeLessThanOrEqual(1e-13);
    if (upper === Infinity) {
      expect(r.upper).toBeNull();
      expect(r.upperReason).toBe('UNBOUNDED');
    } else expect(relErr(r.upper!, upper), 'upper').toBeLessThanOrEqual(1e-13);
    if (ratio === 1) expect(relErr(r.expectedEvents1, expected1), 'expected count1').toBeLessThanOrEqual(1e-15);
    // For r ≠ 1, R 4.2 reports "expected count1" as n·r·t1/(t1 + r·t2), which is not the mean of the
    // binomial it tests (its own p = r·t1/(r·t1 + t2)); we report n·p, e.g. 42·0.75 = 31.5 instead of 36.
    else expect(relErr(r.expectedEvents1, (events1 + events2) * r.nullProbability)).toBeLessThanOrEqual(1e-15);
    expect(relErr(r.nullProbability, (ratio * exposure1) / (ratio * exposure1 + exposure2))).toBeLessThanOrEqual(1e-15);
    expect(r.alternative).toBe(alternative);
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });
  it('0 vs 0 events: p-value 1, estimate null, interval [0, ∞)', () => {
    const r = poissonRateRatioTest({ events1: 0, exposure1: 100, events2: 0, exposure2: 50 });
    expect(r).toMatchObject({ pValue: 1, estimate: null, estimateReason: 'NO_EVENTS', lower: 0, upper: null, upperReason: 'UNBOUNDED' });
  });
  it('extreme exposure ratios stay finite (no 0 · ∞)', () => {
    const r = poissonRateRatioTest({ events1: 0, exposure1: 5e-324, events2: 1, exposure2: 0.001 });
    expect(r).toMatchObject({ estimate: 0, pValue: 1, lower: 0, upper: null, upperReason: 'UNBOUNDED' });
  });
  it('validates its input', () => {
    const ok = { events1: 1, exposure1: 1, events2: 1, exposure2: 1 };
    expect(() => poissonRateRatioTest({ ...ok, events1: 1.5 })).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT', path: 'events1' }));
    expect(() => poissonRateRatioTest({ ...ok, events2: -1 })).toThrow(expect.objectContaining({ path: 'events2' }));
    expect(() => poissonRateRatioTest({ ...ok, exposure1: 0 })).toThrow(expect.objectContaining({ path: 'exposure1' }));
    expect(() => poissonRateRatioTest({ ...ok, exposure2: Infinity })).toThrow(expect.objectContaining({ path: 'exposure2' }));
    expect(() => poissonRateRatioTest({ ...ok, ratio: 0 })).toThrow(expect.objectContaining({ path: 'ratio' }));
    expect(() => poissonRateRatioTest({ ...ok, confidence: 0 })).toThrow(expect.objectContaining({ path: 'confidence' }));
  });
  it('never throws anything but CanaryJudgeError, never returns NaN/Infinity, p in [0, 1]', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.nat({ max: 2000 }), fc.double()),
        fc.oneof(fc.double({ min: 1e-3, max: 1e6, noNaN: true }), fc.double()),
        fc.oneof(fc.nat({ max: 2000 }), fc.double()),
        fc.double({ min: 1e-3, max: 1e6, noNaN: true }),
        fc.constantFrom<BinomialAlternative>('two-sided', 'less', 'greater'),
        (events1, exposure1, events2, exposure2, alternative) => {
          try {
            const r = poissonRateRatioTest({ events1, exposure1, events2, exposure2, alternative });
            expect(r.pValue).toBeGreaterThanOrEqual(0);
            expect(r.pValue).toBeLessThanOrEqual(1);
            for (const v of [r.estimate, r.lower, r.upper, r.expectedEvents1, r.nullProbability]) {
              if (v !== null) expect(Number.isFinite(v)).toBe(true);
            }
            expect(r.lower).toBeLessThanOrEqual(r.upper ?? Infinity);
            if (r.estimate !== null) {
              expect(r.lower).toBeLessThanOrEqual(r.estimate * (1 + 1e-12));
              expect(r.upper ?? Infinity).toBeGreaterThanOrEqual(r.estimate * (1 - 1e-12));
            }
          } catch (e) {
            expect(e).toBeInstanceOf(CanaryJudgeError);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
