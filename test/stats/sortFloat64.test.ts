import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { sortFloat64, sortFloat64InPlace } from '../../src/stats/sortFloat64.js';

/** The reference order: Float64Array.prototype.sort (−0 before +0, NaN last). */
function nativeSorted(values: ArrayLike<number>): Float64Array {
  return Float64Array.from(values).sort();
}

function expectSameOrder(actual: Float64Array, expected: Float64Array): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    if (!Object.is(actual[i], expected[i])) {
      throw new Error(`index ${i}: got ${actual[i]}, expected ${expected[i]}`);
    }
  }
}

/** Deterministic generator (mulberry32) so the tests are reproducible. */
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

const SPECIALS = [0, -0, Infinity, -Infinity, Number.MIN_VALUE, -Number.MIN_VALUE, 2.2250738585072014e-308,
  -2.2250738585072014e-308, 2.225073858507201e-308, Number.MAX_VALUE, -Number.MAX_VALUE, 1, -1, 0.5, -0.5];

describe('sortFloat64', () => {
  it('orders the worked example like Float64Array.prototype.sort (−0 before +0)', () => {
    const s = sortFloat64([3, -0, 0, -Infinity, 1e-310, -2]);
    expectSameOrder(s, Float64Array.of(-Infinity, -2, -0, 0, 1e-310, 3));
    expect(Object.is(s[2], -0)).toBe(true);
    expect(Object.is(s[3], 0)).toBe(true);
  });

  it('does not mutate its input and returns a copy', () => {
    const input = [3, 1, 2];
    const typed = Float64Array.of(3, 1, 2);
    expect(Array.from(sortFloat64(input))).toEqual([1, 2, 3]);
    expect(input).toEqual([3, 1, 2]);
    const out = sortFloat64(typed);
    expect(Array.from(typed)).toEqual([3, 1, 2]);
    expect(out).not.toBe(typed);
  });

  it('handles empty and one-element inputs', () => {
    expect(sortFloat64([]).length).toBe(0);
    expectSameOrder(sortFloat64([-0]), Float64Array.of(-0));
  });

  for (const n of [10, 383, 384, 1000, 5000, 100_000]) {
    it(`matches the native sort on random data of length ${n} (radix path and fallback)`, () => {
      const r = rng(n);
      const a = new Float64Array(n);
      for (let i = 0; i < n; i++) a[i] = (r() - 0.5) * 1e6;
      expectSameOrder(sortFloat64(a), nativeSorted(a));
    });

    it(`matches the native sort on tied, negative, ±0, ±Infinity and subnormal data, length ${n}`, () => {
      const r = rng(n + 17);
      const a = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        const u = r();
        if (u < 0.3) a[i] = SPECIALS[Math.floor(r() * SPECIALS.length)];
        else if (u < 0.5) a[i] = (r() - 0.5) * 1e-310; // subnormals of both signs
        else if (u < 0.8) a[i] = Math.round((r() - 0.5) * 20); // heavy ties, negatives
        else a[i] = (r() - 0.5) * 1e300;
      }
      expectSameOrder(sortFloat64(a), nativeSorted(a));
    });
  }

  it('puts every NaN last, like the native sort (sign and payload of NaN are not kept)', () => {
    const n = 2000;
    const a = new Float64Array(n);
    const bits = new Uint32Array(a.buffer);
    const r = rng(5);
    for (let i = 0; i < n; i++) a[i] = (r() - 0.5) * 10;
    a[3] = NaN;
    // a negative NaN with a payload
    bits[2 * 10] = 1;
    bits[2 * 10 + 1] = 0xfff80000;
    a[500] = NaN;
    const s = sortFloat64(a);
    const expected = nativeSorted(a);
    for (let i = 0; i < n - 3; i++) expect(Object.is(s[i], expected[i])).toBe(true);
    expect(Number.isNaN(s[n - 1]) && Number.isNaN(s[n - 2]) && Number.isNaN(s[n - 3])).toBe(true);
    expect(Number.isNaN(s[n - 4])).toBe(false);
  });

  it('sorts data of a single sign and narrow range (constant digits are skipped)', () => {
    const n = 3000;
    const a = new Float64Array(n);
    for (let i = 0; i < n; i++) a[i] = 1 + ((i * 7919) % n) / n;
    expectSameOrder(sortFloat64(a), nativeSorted(a));
    const same = new Float64Array(n).fill(-7.25);
    expectSameOrder(sortFloat64(same), nativeSorted(same));
  });

  it('sorts a subarray view in place without touching the rest of the buffer', () => {
    const big = new Float64Array(1200);
    for (let i = 0; i < big.length; i++) big[i] = big.length - i;
    const view = big.subarray(100, 1100);
    const expected = nativeSorted(view);
    sortFloat64InPlace(view);
    expectSameOrder(view, expected);
    expect(big[0]).toBe(1200);
    expect(big[1199]).toBe(1);
  });

  it('property: equals Float64Array.prototype.sort for any doubles', () => {
    fc.assert(
      fc.property(fc.array(fc.double(), { minLength: 0, maxLength: 1500 }), (xs) => {
        const s = sortFloat64(xs);
        const e = nativeSorted(xs);
        for (let i = 0; i < e.length; i++) {
          if (Number.isNaN(e[i])) {
            if (!Number.isNaN(s[i])) return false;
          } else if (!Object.is(s[i], e[i])) return false;
        }
        return s.length === e.length;
      }),
      { numRuns: 200 },
    );
  });

  describe('short-key path (512 … 65 536 values) and its fall-backs', () => {
    const cases: Array<[string, (r: () => number, i: number) => number]> = [
      ['lognormal latencies', (r) => 100 * Math.exp(0.4 * Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r()))],
      ['both signs around zero with many −0 and +0', (r) => (r() < 0.2 ? (r() < 0.5 ? -0 : 0) : (r() - 0.5) * 10)],
      ['only −0 and +0 and one other value', (r, i) => (i === 7 ? 3 : r() < 0.5 ? -0 : 0)],
      ['values crowded near 1 with a huge outlier (insertion budget exceeded)', (r, i) => (i === 3 ? 1e300 : 1 + r() * 1e-9)],
      ['denormals, ±0 and ±Infinity (short keys collide)', (r) => [0, -0, Infinity, -Infinity, 5e-324, -5e-324, 1e-310, 2][Math.floor(r() * 8)]],
      ['rounded to 2 decimals (ties)', (r) => Math.round(r() * 50000) / 100],
      ['tiny range: top 32 key bits all equal', (r) => 1 + Math.floor(r() * 1000) * Number.EPSILON],
      ['with NaN', (r, i) => (i % 97 === 0 ? NaN : r() - 0.5)],
    ];
    for (const n of [512, 3000, 65536]) {
      for (const [name, gen] of cases) {
        it(`${name}, length ${n}: same order as the native sort (copy and in place)`, () => {
          const r = rng(n + name.length);
          const a = Float64Array.from({ length: n }, (_, i) => gen(r, i));
          const expected = nativeSorted(a);
          const copy = Float64Array.from(a);
          const s = sortFloat64(a);
          expect(Array.from(a)).toEqual(Array.from(copy)); // input untouched
          const inPlace = sortFloat64InPlace(Float64Array.from(a));
          for (let i = 0; i < n; i++) {
            if (Number.isNaN(expected[i])) {
              expect(Number.isNaN(s[i]) && Number.isNaN(inPlace[i])).toBe(true);
            } else {
              if (!Object.is(s[i], expected[i])) throw new Error(`copy, index ${i}: got ${s[i]}, expected ${expected[i]}`);
              if (!Object.is(inPlace[i], expected[i])) throw new Error(`in place, index ${i}: got ${inPlace[i]}, expected ${expected[i]}`);
            }
          }
        });
      }
    }
  });
});
