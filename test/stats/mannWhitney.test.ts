import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { mannWhitney, mannWhitneySorted, chooseMannWhitneyMethod } from '../../src/stats/mannWhitney.js';
import { mannWhitneyNullHalf, mannWhitneyExactTiesDistribution, nullHalfQuantile } from '../../src/stats/mannWhitneyExact.js';
import { mergeRanks, tieGroups } from '../../src/stats/mergeRanks.js';
import { CanaryJudgeError } from '../../src/errors.js';
import fixture from '../fixtures/mann-whitney.json';

type Alt = 'two-sided' | 'less' | 'greater';
interface Case {
  name: string;
  x: number[];
  y: number[];
  alternative: Alt;
  method: 'exact' | 'asymptotic';
  continuity: boolean;
  expected: { U: number; p: number };
}

/** Deterministic generator (mulberry32). */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function relErr(a: number, b: number): number {
  return Math.abs(a - b) / Math.abs(b);
}

/** U by definition, O(nm). */
function bruteU(x: ArrayLike<number>, y: ArrayLike<number>): number {
  let u = 0;
  for (let i = 0; i < x.length; i++) for (let j = 0; j < y.length; j++) u += x[i] > y[j] ? 1 : x[i] === y[j] ? 0.5 : 0;
  return u;
}

describe('mannWhitney: reference cases (scipy 1.17.1, test/fixtures/mann-whitney.json)', () => {
  const cases = (fixture as unknown as { cases: Case[] }).cases;
  it('has all the cases', () => {
    expect(cases.length).toBe(69);
  });
  for (const c of cases) {
    it(`${c.name}: U exact, p within 1e-9 relative`, () => {
      const r = mannWhitney(c.x, c.y, { alternative: c.alternative, method: c.method, continuity: c.continuity });
      expect(r.statistic).toBe(c.expected.U);
      expect(r.method).toBe(c.method);
      if (c.expected.p === 0) {
        expect(r.pValue).toBeLessThan(1e-300);
      } else {
        expect(relErr(r.pValue, c.expected.p)).toBeLessThan(1e-9);
      }
      expect(JSON.parse(JSON.stringify(r))).toEqual(r);
    });
  }
});

describe('mannWhitney: worked examples', () => {
  // scipy.stats.mannwhitneyu docstring (scipy 1.17.1): males vs females ages at diagnosis.
  const males = [19, 22, 16, 29, 24];
  const females = [20, 11, 17, 12];
  it('exact two-sided: U = 17, p = 0.1111111111111111 (scipy)', () => {
    const r = mannWhitney(males, females, { method: 'exact' });
    expect(r.statistic).toBe(17);
    expect(relErr(r.pValue, 0.1111111111111111)).toBeLessThan(1e-12);
    expect(r.z).toBeNull();
  });
  it('asymptotic with and without continuity (scipy: 0.11134688653314041, 0.0864107329737)', () => {
    const a = mannWhitney(males, females, { method: 'asymptotic' });
    expect(relErr(a.pValue, 0.11134688653314041)).toBeLessThan(1e-12);
    const b = mannWhitney(males, females, { method: 'asymptotic', continuity: false });
    expect(relErr(b.pValue, 0.0864107329737)).toBeLessThan(1e-11);
    // z with R's continuity correction toward the mean: (17 − 10 − 0.5)/sqrt(20·10/12)
    expect(a.z).toBeCloseTo((17 - 10 - 0.5) / Math.sqrt((20 * 10) / 12), 14);
    expect(a.meanU).toBe(10);
    expect(a.sdU).toBeCloseTo(Math.sqrt((20 * 10) / 12), 14);
  });
  it("females 'less' than males, exact: U = 3, p = 0.05555555555555555 (scipy)", () => {
    const r = mannWhitney(females, males, { alternative: 'less', method: 'exact' });
    expect(r.statistic).toBe(3);
    expect(relErr(r.pValue, 0.05555555555555555)).toBeLessThan(1e-12);
  });

  // scipy 1.17.1 mannwhitneyu(method='exact') on x_i = (7919 i mod 100003)/100, y_j = ((104729 j + 13) mod 100003)/100 + shift
  const large: Array<{ n: number; m: number; shift: number; alternative: Alt; U: number; p: number }> = [
    { n: 150, m: 150, shift: 60, alternative: 'two-sided', U: 9914.0, p: 0.07542859390300141 },
    { n: 150, m: 150, shift: 60, alternative: 'less', U: 9914.0, p: 0.037714296951500706 },
    { n: 150, m: 150, shift: 60, alternative: 'greater', U: 9914.0, p: 0.9623952701756091 },
    { n: 300, m: 200, shift: 40, alternative: 'two-sided', U: 28128.0, p: 0.23726237635122005 },
    { n: 300, m: 200, shift: 40, alternative: 'less', U: 28128.0, p: 0.11863118817561003 },
    { n: 200, m: 200, shift: 300, alternative: 'two-sided', U: 10044.0, p: 7.403188125462796e-19 },
    { n: 200, m: 200, shift: 300, alternative: 'less', U: 10044.0, p: 3.701594062731398e-19 },
    { n: 200, m: 200, shift: 300, alternative: 'greater', U: 10044.0, p: 1.0 },
    { n: 130, m: 131, shift: 0, alternative: 'two-sided', U: 8653.0, p: 0.8218928116157469 },
    { n: 130, m: 131, shift: 0, alternative: 'greater', U: 8653.0, p: 0.41094640580787345 },
  ];
  for (const c of large) {
    it(`exact at ${c.n} × ${c.m} (${c.alternative}) matches scipy within 1e-9`, () => {
      const x = Array.from({ length: c.n }, (_, i) => ((i * 7919) % 100003) / 100);
      const y = Array.from({ length: c.m }, (_, j) => ((j * 104729 + 13) % 100003) / 100 + c.shift);
      const r = mannWhitney(x, y, { alternative: c.alternative, method: 'exact' });
      expect(r.statistic).toBe(c.U);
      expect(relErr(r.pValue, c.p)).toBeLessThan(1e-9);
    });
  }

  it('reports far-tail asymptotic p-values without underflow to 0 (p ≈ 1e-200 territory)', () => {
    const n = 1500;
    const x = Array.from({ length: n }, (_, i) => i / n + 0.393);
    const y = Array.from({ length: n }, (_, i) => (i + 0.5) / n);
    const r = mannWhitney(x, y, { method: 'asymptotic', alternative: 'greater' });
    const u = bruteU(x, y);
    expect(r.statistic).toBe(u);
    // (a few x_i − y_j coincide after rounding, so the tie-corrected sd is a hair below the untied one)
    expect(relErr(r.sdU, Math.sqrt((n * n * (2 * n + 1)) / 12))).toBeLessThan(1e-6);
    const z = (u - (n * n) / 2 - 0.5) / r.sdU;
    expect(r.z).toBeCloseTo(z, 12);
    expect(z).toBeGreaterThan(29);
    // scipy 1.17.1: norm.sf(30) = 4.906713927148187e-198; p is of that order, not 0
    expect(r.pValue).toBeGreaterThan(1e-205);
    expect(r.pValue).toBeLessThan(1e-185);
  });
});

describe('exact null distribution without ties', () => {
  /** Exact counts of U by the same Gaussian-binomial recursion in BigInt. */
  function bigCounts(n: number, m: number): bigint[] {
    const H = Math.floor((n * m) / 2);
    const c: bigint[] = new Array(H + 1).fill(0n);
    c[0] = 1n;
    for (let i = 1; i <= n; i++) {
      const top = Math.min(H, i * m);
      for (let k = i; k <= top; k++) c[k] += c[k - i];
      for (let k = top; k >= m + i; k--) c[k] -= c[k - m - i];
    }
    return c;
  }
  function ratio(a: bigint, b: bigint): number {
    const sh = BigInt(Math.max(0, b.toString(2).length - 1000));
    return Number(a >> sh) / Number(b >> sh);
  }
  for (const [n, m] of [[2, 2], [7, 30], [60, 60], [130, 140], [20, 900]] as const) {
    it(`matches exact BigInt counts at ${n} × ${m} (pmf and cdf to 1e-13 relative)`, () => {
      const d = mannWhitneyNullHalf(n, m);
      const c = bigCounts(n, m);
      let total = 0n;
      for (let k = 0; k < c.length; k++) total += k < n * m - k ? 2n * c[k] : c[k];
      let acc = 0n;
      for (let k = 0; k < c.length; k++) {
        acc += c[k];
        const p = ratio(c[k], total);
        if (p < 1e-290) continue;
        expect(relErr(d.pmf[k], p)).toBeLessThan(1e-13);
        expect(relErr(d.cdf[k], ratio(acc, total))).toBeLessThan(1e-13);
      }
    });
  }
  it('2 × 2: U counts 1, 1, 2, 1, 1 out of 6', () => {
    const d = mannWhitneyNullHalf(2, 2);
    expect(Array.from(d.pmf)).toEqual([1 / 6, 1 / 6, 2 / 6]);
    expect(nullHalfQuantile(d, 0.2)).toBe(1);
  });
  it('U = 0 at 100 × 100 gives 1/C(200, 100) ≈ 2.2e-59 one-sided (no underflow, no cancellation)', () => {
    const x = Array.from({ length: 100 }, (_, i) => i);
    const y = Array.from({ length: 100 }, (_, i) => i + 1000);
    const r = mannWhitney(x, y, { method: 'exact', alternative: 'less' });
    // 1 / C(200, 100) = 1 / 90548514656103281165404177077484163874504589675413336841320
    expect(relErr(r.pValue, 1 / 9.054851465610328e58)).toBeLessThan(1e-13);
  });
});

describe('exact distribution with ties', () => {
  /** Brute force over all C(N, n) splits of the pooled values. */
  function brute(x: number[], y: number[]): { less: number; greater: number } {
    const z = [...x, ...y];
    const N = z.length;
    const n = x.length;
    const u0 = bruteU(x, y);
    let le = 0;
    let ge = 0;
    let tot = 0;
    for (let mask = 0; mask < 1 << N; mask++) {
      let c = 0;
      for (let b = mask; b; b &= b - 1) c++;
      if (c !== n) continue;
      const xa: number[] = [];
      const ya: number[] = [];
      for (let i = 0; i < N; i++) ((mask >> i) & 1 ? xa : ya).push(z[i]);
      const u = bruteU(xa, ya);
      tot++;
      if (u <= u0) le++;
      if (u >= u0) ge++;
    }
    return { less: le / tot, greater: ge / tot };
  }

  it('equals brute-force enumeration of all splits for n + m ≤ 14 (150 random tie patterns)', () => {
    const r = rng(42);
    for (let t = 0; t < 150; t++) {
      const n = 1 + Math.floor(r() * 7);
      const m = 1 + Math.floor(r() * (14 - n));
      const k = 1 + Math.floor(r() * 5);
      const x = Array.from({ length: n }, () => Math.floor(r() * k));
      const y = Array.from({ length: m }, () => Math.floor(r() * k));
      const b = brute(x, y);
      for (const alternative of ['less', 'greater', 'two-sided'] as const) {
        const res = mannWhitney(x, y, { method: 'exact', alternative });
        const e = alternative === 'less' ? b.less : alternative === 'greater' ? b.greater : Math.min(1, 2 * Math.min(b.less, b.greater));
        expect(res.statistic).toBe(bruteU(x, y));
        expect(relErr(res.pValue, e)).toBeLessThan(1e-12);
      }
    }
  });

  it('reduces to the classic distribution when there are no ties', () => {
    const x = [0.3, 1.7, 2.2, 5.1, 6.4, 7.0, 9.9];
    const y = [0.1, 0.2, 1.1, 3.3, 4.4, 8.8, 10.5, 11.2, 12.1];
    const g = tieGroups(Float64Array.from(x).sort(), Float64Array.from(y).sort());
    const { weights, total } = mannWhitneyExactTiesDistribution(g, x.length, y.length);
    const d = mannWhitneyNullHalf(x.length, y.length);
    for (let u = 0; u < d.pmf.length; u++) {
      expect(weights[2 * u + 1]).toBe(0);
      expect(relErr(weights[2 * u] / total, d.pmf[u])).toBeLessThan(1e-13);
    }
  });

  it('the doc example: x = {1, 2}, y = {2, 3}', () => {
    const g = tieGroups(Float64Array.of(1, 2), Float64Array.of(2, 3));
    const { weights, total } = mannWhitneyExactTiesDistribution(g, 2, 2);
    expect(total).toBe(6);
    expect(Array.from(weights)).toEqual([0, 2, 0, 0, 2, 0, 0, 2, 0]); // {1,2}×2: U=½; {1,3},{2,2}: U=2; {2,3}×2: U=3½
  });

  it('is used by auto for small tied samples, and the asymptotic method for large ones', () => {
    expect(mannWhitney([1, 2, 2, 3], [2, 3, 3, 4, 5]).method).toBe('exact');
    const big = Array.from({ length: 200 }, (_, i) => i % 7);
    expect(mannWhitney(big, big).method).toBe('asymptotic');
  });
});

describe('mannWhitney: edge cases and errors', () => {
  it('all values identical: p = 1 for every method and alternative, z = null', () => {
    for (const method of ['auto', 'exact', 'asymptotic'] as const) {
      for (const alternative of ['two-sided', 'less', 'greater'] as const) {
        const r = mannWhitney([3, 3, 3], [3, 3], { method, alternative });
        expect(r.pValue).toBe(1);
        expect(r.z).toBeNull();
        expect(r.statistic).toBe(3);
        expect(r.sdU).toBe(0);
        expect(r.tieCorrection).toBe(0);
      }
    }
  });

  it('±Infinity are ordinary ordered values; −0 and +0 tie', () => {
    const r = mannWhitney([Infinity, -Infinity, 0], [Infinity, 1, -0], { method: 'exact' });
    expect(r.statistic).toBe(bruteU([Infinity, -Infinity, 0], [Infinity, 1, -0]));
    expect(r.statistic).toBe(3); // +Inf beats 1 and -0 and ties +Inf (2.5), 0 ties -0 (0.5), -Inf 0
    expect(r.ties).toBe(true);
  });

  it('throws CanaryJudgeError for NaN (NAN_IN_SAMPLE, path x / y), empty samples and bad options', () => {
    const codeOf = (f: () => unknown): [string, string] => {
      try {
        f();
      } catch (e) {
        expect(e).toBeInstanceOf(CanaryJudgeError);
        return [(e as CanaryJudgeError).code, (e as CanaryJudgeError).path];
      }
      throw new Error('did not throw');
    };
    expect(codeOf(() => mannWhitney([1, NaN], [2]))).toEqual(['NAN_IN_SAMPLE', 'x']);
    expect(codeOf(() => mannWhitney([1], [2, NaN]))).toEqual(['NAN_IN_SAMPLE', 'y']);
    expect(codeOf(() => mannWhitney([], [2]))).toEqual(['EMPTY_SAMPLE', 'x']);
    expect(codeOf(() => mannWhitney([1], []))).toEqual(['EMPTY_SAMPLE', 'y']);
    expect(codeOf(() => mannWhitney([1], [2], { alternative: 'bigger' as Alt }))).toEqual(['INVALID_OPTION', 'alternative']);
    expect(codeOf(() => mannWhitney([1], [2], { method: 'fast' as 'exact' }))).toEqual(['INVALID_OPTION', 'method']);
    expect(codeOf(() => mannWhitney([1], [2], { continuity: 1 as unknown as boolean }))).toEqual(['INVALID_OPTION', 'continuity']);
    expect(codeOf(() => mannWhitneySorted([2, 1], [3]))).toEqual(['NOT_SORTED', 'x']);
    expect(codeOf(() => mannWhitneySorted([1, 2], [NaN]))).toEqual(['NAN_IN_SAMPLE', 'y']);
    const big = Array.from({ length: 20000 }, (_, i) => i);
    expect(codeOf(() => mannWhitney(big, big.map((v) => v + 0.5), { method: 'exact' }))).toEqual(['EXACT_TOO_LARGE', 'method']);
  });

  it('mannWhitneySorted equals mannWhitney and does not copy-sort', () => {
    const r = rng(3);
    const x = Array.from({ length: 50 }, () => Math.round(r() * 30));
    const y = Array.from({ length: 40 }, () => Math.round(r() * 30) + 3);
    const a = mannWhitney(x, y);
    const b = mannWhitneySorted([...x].sort((p, q) => p - q), Float64Array.from(y).sort());
    expect(b).toEqual(a);
  });

  it('mergeRanks and tieGroups: the doc examples', () => {
    expect(mergeRanks(Float64Array.of(1, 2, 2), Float64Array.of(2, 3))).toEqual({ u: 1, tieSum: 24, ties: true });
    const g = tieGroups(Float64Array.of(1, 2, 2), Float64Array.of(2, 3));
    expect(g.length).toBe(3);
    expect(Array.from(g.xCounts)).toEqual([1, 2, 0]);
    expect(Array.from(g.yCounts)).toEqual([0, 1, 1]);
  });

  it('auto rule: exact for min(n, m) ≤ 8 or n·m ≤ 10⁴ without ties', () => {
    expect(chooseMannWhitneyMethod(5, 1000, false)).toBe('exact');
    expect(chooseMannWhitneyMethod(100, 100, false)).toBe('exact');
    expect(chooseMannWhitneyMethod(101, 100, false)).toBe('asymptotic');
    expect(chooseMannWhitneyMethod(8, 10_000_000, false)).toBe('asymptotic');
  });
});

describe('mannWhitney: properties', () => {
  const sample = fc.array(fc.integer({ min: -20, max: 20 }), { minLength: 1, maxLength: 25 });
  const alt = fc.constantFrom<Alt>('two-sided', 'less', 'greater');
  const method = fc.constantFrom<'auto' | 'exact' | 'asymptotic'>('auto', 'exact', 'asymptotic');

  it('U(x, y) + U(y, x) = n·m, U equals its definition, p ∈ [0, 1], inputs unchanged', () => {
    fc.assert(
      fc.property(sample, sample, alt, method, fc.boolean(), (x, y, alternative, m, continuity) => {
        const xc = [...x];
        const yc = [...y];
        const a = mannWhitney(x, y, { alternative, method: m, continuity });
        const b = mannWhitney(y, x, { alternative, method: m, continuity });
        expect(x).toEqual(xc);
        expect(y).toEqual(yc);
        expect(a.statistic + b.statistic).toBe(x.length * y.length);
        expect(a.statistic).toBe(bruteU(x, y));
        expect(a.pValue).toBeGreaterThanOrEqual(0);
        expect(a.pValue).toBeLessThanOrEqual(1);
      }),
      { numRuns: 300 },
    );
  });

  it('two-sided p = min(1, 2 × the smaller one-sided p), for every method', () => {
    fc.assert(
      fc.property(sample, sample, method, fc.boolean(), (x, y, m, continuity) => {
        const two = mannWhitney(x, y, { method: m, continuity }).pValue;
        const less = mannWhitney(x, y, { method: m, continuity, alternative: 'less' }).pValue;
        const greater = mannWhitney(x, y, { method: m, continuity, alternative: 'greater' }).pValue;
        expect(two).toBeCloseTo(Math.min(1, 2 * Math.min(less, greater)), 14);
      }),
      { numRuns: 200 },
    );
  });

  it('invariant under shifting or positively scaling both samples, and under reordering', () => {
    fc.assert(
      fc.property(sample, sample, fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: 1, max: 1000 }), alt, method, (x, y, shift, scale, alternative, m) => {
        const base = mannWhitney(x, y, { alternative, method: m });
        const moved = mannWhitney(x.map((v) => v * scale + shift), y.map((v) => v * scale + shift), { alternative, method: m });
        const reordered = mannWhitney([...x].reverse(), [...y].sort((p, q) => q - p), { alternative, method: m });
        expect(moved.statistic).toBe(base.statistic);
        expect(moved.pValue).toBe(base.pValue);
        expect(reordered).toEqual(base);
      }),
      { numRuns: 200 },
    );
  });

  it('no finite input throws anything but a CanaryJudgeError', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ noNaN: true }), { maxLength: 12 }),
        fc.array(fc.double({ noNaN: true }), { maxLength: 12 }),
        alt,
        method,
        (x, y, alternative, m) => {
          try {
            const r = mannWhitney(x, y, { alternative, method: m });
            expect(Number.isFinite(r.pValue)).toBe(true);
          } catch (e) {
            expect(e).toBeInstanceOf(CanaryJudgeError);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('exact and asymptotic p-values converge as n grows', () => {
    // Same standardised location (z ≈ −2) at growing n = m; no ties.
    const gaps: number[] = [];
    for (const n of [5, 20, 80, 320]) {
      const mean = (n * n) / 2;
      const sd = Math.sqrt((n * n * (2 * n + 1)) / 12);
      const target = Math.round(mean - 2 * sd);
      // Build samples whose U equals `target`: x = 0..n−1 shifted so that exactly `target` pairs have x > y.
      const y = Array.from({ length: n }, (_, j) => j * n);
      const x: number[] = [];
      let remaining = target;
      for (let i = 0; i < n; i++) {
        const k = Math.min(n, Math.floor(remaining / (n - i))); // how many y below x_i
        remaining -= k;
        x.push(k === 0 ? -1 - i / (n + 1) : (k - 1) * n + 0.5 + i / (n + 1));
      }
      const ex = mannWhitney(x, y, { method: 'exact', alternative: 'less' });
      const as = mannWhitney(x, y, { method: 'asymptotic', alternative: 'less' });
      expect(ex.statistic).toBe(target);
      gaps.push(Math.abs(ex.pValue - as.pValue) / ex.pValue);
    }
    for (let i = 1; i < gaps.length; i++) expect(gaps[i]).toBeLessThan(gaps[i - 1]);
    expect(gaps[gaps.length - 1]).toBeLessThan(0.01);
  });
});
