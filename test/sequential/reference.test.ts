/**
 * Every case of test/fixtures/sequential.json (a copy of the shared reference: confseq C++ outputs with
 * 40-digit mpmath re-evaluations, and closed forms evaluated with numpy/scipy) run through the exported
 * functions, with the tolerances the fixture suggests.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as seq from '../../src/sequential/index.js';

interface Case {
  args: Record<string, unknown>;
  expected: unknown;
  expected_hp?: unknown;
  confseq_unit_test_expected?: unknown;
  note?: string;
}
const fixture = JSON.parse(readFileSync(new URL('../fixtures/sequential.json', import.meta.url), 'utf8')) as {
  functions: Record<string, { signature: string; cases: Case[] }>;
};

/** snake_case → camelCase at every depth (`v_opt` → `vOpt`; `V`, `A`, `Lambda` keep their case). */
const camel = (key: string): string => key.replace(/_([a-zA-Z0-9])/g, (_, c: string) => c.toUpperCase());
function camelDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(camelDeep);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [camel(k), camelDeep(v)]));
  }
  return value;
}

type Fn = (options: never) => unknown;
const functions = seq as unknown as Record<string, Fn>;

/** Compare got against want (same shape); returns the largest scaled error and asserts `check`. */
function compare(
  got: unknown,
  want: unknown,
  path: string,
  check: (g: number, w: number, path: string) => number,
): number {
  if (want === null) {
    return 0; // handled by the caller where null is meaningful
  }
  if (typeof want === 'number') {
    expect(typeof got, path).toBe('number');
    return check(got as number, want, path);
  }
  if (Array.isArray(want)) {
    expect(Array.isArray(got), path).toBe(true);
    expect((got as unknown[]).length, path).toBe(want.length);
    return want.reduce<number>((m, w, i) => Math.max(m, compare((got as unknown[])[i], w, `${path}[${i}]`, check)), 0);
  }
  let worst = 0;
  for (const [k, w] of Object.entries(want as Record<string, unknown>)) {
    const key = camel(k);
    expect(got, path).toHaveProperty(key);
    worst = Math.max(worst, compare((got as Record<string, unknown>)[key], w, `${path}.${key}`, check));
  }
  return worst;
}

/** |got − want| ≤ tol·max(1, |want|). */
const scaled =
  (tol: number) =>
  (g: number, w: number, path: string): number => {
    const err = Math.abs(g - w) / Math.max(1, Math.abs(w));
    expect(err, `${path}: got ${g}, want ${w}`).toBeLessThanOrEqual(tol);
    return err;
  };

/** |got − want| ≤ tol·|want| (for quantities spanning many orders of magnitude, such as Λ). */
const relative =
  (tol: number) =>
  (g: number, w: number, path: string): number => {
    const err = Math.abs(g - w) / Math.abs(w);
    expect(err, `${path}: got ${g}, want ${w}`).toBeLessThanOrEqual(tol);
    return err;
  };

/** Probabilities: relative error, or the error of −log p, whichever is smaller, ≤ tol (exact 0 / 1 must match). */
const probability =
  (tol: number) =>
  (g: number, w: number, path: string): number => {
    expect(g, path).toBeGreaterThanOrEqual(0);
    expect(g, path).toBeLessThanOrEqual(1);
    if (w === 0 || w === 1) {
      expect(Math.abs(g - w), `${path}: got ${g}, want ${w}`).toBeLessThanOrEqual(tol * 1e-3);
      return Math.abs(g - w);
    }
    const rel = Math.abs(g - w) / w;
    const logErr = Math.abs(Math.log(g) - Math.log(w)) / Math.max(1, -Math.log(w));
    const err = Math.min(rel, logErr);
    expect(err, `${path}: got ${g}, want ${w}`).toBeLessThanOrEqual(tol);
    return err;
  };

/** Keys of results that are probabilities (compared relatively). */
const PROBABILITY_KEYS = new Set(['p_value', 'p_value_always_valid']);

const CONFSEQ = new Set([
  'normal_log_mixture',
  'normal_mixture_bound',
  'gamma_exponential_log_mixture',
  'gamma_exponential_mixture_bound',
  'gamma_poisson_log_mixture',
  'gamma_poisson_mixture_bound',
  'beta_binomial_log_mixture',
  'beta_binomial_mixture_bound',
  'poly_stitching_bound',
  'empirical_process_lil_bound',
  'double_stitching_bound',
  'bernoulli_confidence_interval',
]);

const worstByFunction: Record<string, { expected: number; hp: number }> = {};

describe('sequential functions reproduce the reference vectors (test/fixtures/sequential.json)', () => {
  it('covers all 17 functions', () => {
    expect(Object.keys(fixture.functions).map(camel).sort()).toEqual(
      [
        'bernoulliConfidenceInterval',
        'betaBinomialLogMixture',
        'betaBinomialMixtureBound',
        'dirichletMultinomialTest',
        'dirichletMultinomialTestSequence',
        'doubleStitchingBound',
        'empiricalProcessLilBound',
        'gammaExponentialLogMixture',
        'gammaExponentialMixtureBound',
        'gammaPoissonLogMixture',
        'gammaPoissonMixtureBound',
        'msprtNormalMixture',
        'msprtNormalMixtureSequence',
        'normalLogMixture',
        'normalMixtureBound',
        'polyStitchingBound',
        'quantileAbPValue',
      ].sort(),
    );
  });

  for (const [name, spec] of Object.entries(fixture.functions)) {
    const fnName = camel(name);
    describe(`${fnName} (${spec.cases.length} cases)`, () => {
      it('exists and is exported', () => {
        expect(typeof functions[fnName]).toBe('function');
      });

      spec.cases.forEach((c, index) => {
        it(`case ${index}${c.note ? ` — ${c.note.slice(0, 60)}` : ''}`, () => {
          const args = camelDeep(c.args) as never;
          const got = functions[fnName](args);
          const worst = (worstByFunction[fnName] ??= { expected: 0, hp: 0 });

          if (CONFSEQ.has(name)) {
            // 1e-6·max(1, |expected|), the fixture's suggested tolerance for confseq functions
            if (c.expected === null) {
              expect(got).toBeNull();
            } else {
              worst.expected = Math.max(worst.expected, compare(got, c.expected, fnName, scaled(1e-6)));
            }
            // the 40-digit re-evaluation: we are much closer to it than confseq itself (≤ 6e-8 off)
            if (c.expected_hp !== undefined && c.expected_hp !== null) {
              worst.hp = Math.max(worst.hp, compare(got, c.expected_hp, `${fnName} (hp)`, scaled(1e-9)));
            }
            // the value confseq's own unit test asserts, with that test's tolerance 1e-5
            if (c.confseq_unit_test_expected !== undefined) {
              compare(got, c.confseq_unit_test_expected, `${fnName} (confseq unit test)`, (g, w, path) => {
                expect(Math.abs(g - w), path).toBeLessThanOrEqual(1e-5);
                return 0;
              });
            }
            return;
          }

          if (name === 'quantile_ab_p_value') {
            worst.expected = Math.max(worst.expected, compare(got, c.expected, fnName, probability(1e-6)));
            if (c.confseq_unit_test_expected !== undefined) {
              expect(Math.abs((got as number) - (c.confseq_unit_test_expected as number))).toBeLessThanOrEqual(1e-5);
            }
            return;
          }

          // Dirichlet-multinomial and mSPRT: closed forms (numpy / scipy.special.gammaln)
          for (const [key, want] of Object.entries(c.expected as Record<string, unknown>)) {
            const gotValue = (got as Record<string, unknown>)[camel(key)];
            expect(got, fnName).toHaveProperty(camel(key));
            let check: (g: number, w: number, path: string) => number;
            if (PROBABILITY_KEYS.has(key)) check = probability(1e-6);
            else if (key === 'log_bayes_factor') check = scaled(1e-8);
            else if (key === 'Lambda') check = relative(1e-6);
            else check = scaled(1e-6);
            if (want === null) expect(gotValue).toBeNull();
            else worst.expected = Math.max(worst.expected, compare(gotValue, want, `${fnName}.${camel(key)}`, check));
          }
        });
      });
    });
  }
});

describe('edge conventions of the reference', () => {
  it('empiricalProcessLilBound is null (not yet valid) for t < tMin', () => {
    expect(seq.empiricalProcessLilBound({ t: 50, alpha: 0.05, tMin: 100 })).toBeNull();
    expect(seq.empiricalProcessLilBound({ t: 99, alpha: 0.05, tMin: 100 })).toBeNull();
    expect(seq.empiricalProcessLilBound({ t: 100, alpha: 0.05, tMin: 100 })).toBeCloseTo(0.24225327092462623, 12);
  });
  it('betaBinomialMixtureBound returns exactly v/g when the boundary cannot be crossed yet', () => {
    expect(seq.betaBinomialMixtureBound({ v: 0.32000000000000006, alpha: 0.05, vOpt: 100, g: 0.2, h: 0.8 })).toBe(
      0.32000000000000006 / 0.2,
    );
    expect(
      seq.betaBinomialMixtureBound({ v: 2.10349, alpha: 0.0134521, vOpt: 7978.82, g: 0.1, h: 0.9, alphaOpt: 0.0500976 }),
    ).toBe(2.10349 / 0.1);
  });
  it('bernoulliConfidenceInterval returns exact end points 0 / 1 when nothing on that side is excluded', () => {
    // confseq: { lower: 0, upper: 0.9999999999995453 } (bisection midpoint next to 1)
    expect(seq.bernoulliConfidenceInterval({ numSuccesses: 1, numTrials: 2, alpha: 0.05, tOpt: 50 })).toEqual({ lower: 0, upper: 1 });
    expect(seq.bernoulliConfidenceInterval({ numSuccesses: 0, numTrials: 1, alpha: 0.05, tOpt: 50 })).toEqual({ lower: 0, upper: 1 });
    expect(seq.bernoulliConfidenceInterval({ numSuccesses: 1, numTrials: 1, alpha: 0.05, tOpt: 50 })).toEqual({ lower: 0, upper: 1 });
    const zero = seq.bernoulliConfidenceInterval({ numSuccesses: 0, numTrials: 100, alpha: 0.05, tOpt: 100 });
    expect(zero.lower).toBe(0);
    expect(zero.upper).toBeCloseTo(0.039884215526523534, 12);
  });
});

describe('accuracy summary', () => {
  it('records the largest error per function (relative to max(1, |expected|), or relative for p-values)', () => {
    // Runs after the cases above (vitest runs tests of a file in order).
    expect(Object.keys(worstByFunction).length).toBe(17);
    for (const [fn, w] of Object.entries(worstByFunction)) {
      expect(w.expected, fn).toBeLessThanOrEqual(1e-6);
      expect(w.hp, fn).toBeLessThanOrEqual(1e-9);
    }
  });
});
