import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { mergeRanks, tieGroups } from '../../src/stats/mergeRanks.js';

/** Brute force from the definitions: U = #{x_i > y_j} + ½·#{x_i = y_j}; Σ (t³ − t) over pooled groups. */
function bruteForce(x: ArrayLike<number>, y: ArrayLike<number>): { u: number; tieSum: number; ties: boolean } {
  let u = 0;
  for (let i = 0; i < x.length; i++) for (let j = 0; j < y.length; j++) u += x[i] > y[j] ? 1 : x[i] === y[j] ? 0.5 : 0;
  const counts = new Map<number, number>();
  for (const v of [...Array.from(x), ...Array.from(y)]) counts.set(v === 0 ? 0 : v, (counts.get(v === 0 ? 0 : v) ?? 0) + 1);
  let tieSum = 0;
  for (const t of counts.values()) tieSum += t * t * t - t;
  return { u, tieSum, ties: tieSum > 0 };
}

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

describe('mergeRanks', () => {
  it('the TSDoc example', () => {
    expect(mergeRanks(Float64Array.of(1, 2, 2), Float64Array.of(2, 3))).toEqual({ u: 1, tieSum: 24, ties: true });
    const g = tieGroups(Float64Array.of(1, 2, 2), Float64Array.of(2, 3));
    expect([g.length, Array.from(g.xCounts), Array.from(g.yCounts)]).toEqual([3, [1, 2, 0], [0, 1, 1]]);
  });

  // Typed samples of 64 values or more take a branch-free merge when nothing is tied, and fall back to
  // the general merge on any tie (within or across samples): both must agree with the definitions.
  const kinds: Array<[string, (r: () => number) => number]> = [
    ['continuous', (r) => r() * 100],
    ['continuous, x above most of y', (r) => 50 + r() * 100],
    ['integers (ties within and across)', (r) => Math.floor(r() * 300)],
    ['±0 and a few values', (r) => [0, -0, 1, -1, 2.5][Math.floor(r() * 5)]],
    ['±Infinity', (r) => (r() < 0.1 ? (r() < 0.5 ? Infinity : -Infinity) : r())],
  ];
  for (const [name, gen] of kinds) {
    it(`${name}: typed samples of 64…700 values match the definitions`, () => {
      const r = rng(name.length);
      for (let rep = 0; rep < 20; rep++) {
        const n = 64 + Math.floor(r() * 600);
        const m = 1 + Math.floor(r() * 700);
        const x = Float64Array.from({ length: n }, () => gen(r)).sort();
        const y = Float64Array.from({ length: m }, () => (name.startsWith('continuous, x') ? r() * 100 : gen(r))).sort();
        expect(mergeRanks(x, y)).toEqual(bruteForce(x, y));
        expect(mergeRanks(Array.from(x), Array.from(y))).toEqual(bruteForce(x, y));
      }
    });
  }

  it('a single cross-sample tie in otherwise distinct data is found (the fast merge gives way)', () => {
    const r = rng(3);
    for (let rep = 0; rep < 50; rep++) {
      const x = Float64Array.from({ length: 200 }, () => r()).sort();
      const y = Float64Array.from({ length: 150 }, () => r() + 0.1).sort();
      y[Math.floor(r() * 150)] = x[Math.floor(r() * 200)];
      y.sort();
      const got = mergeRanks(x, y);
      expect(got.ties).toBe(true);
      expect(got).toEqual(bruteForce(x, y));
    }
  });

  it('property: any sorted typed samples (with duplicates) match the definitions', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -40, max: 40 }), { minLength: 64, maxLength: 200 }),
        fc.array(fc.integer({ min: -40, max: 40 }), { minLength: 1, maxLength: 200 }),
        fc.integer({ min: 1, max: 1000 }),
        (xi, yi, scale) => {
          const x = Float64Array.from(xi, (v) => v * scale + (scale % 2 ? 0.5 : 0)).sort();
          const y = Float64Array.from(yi, (v) => v * 7).sort();
          expect(mergeRanks(x, y)).toEqual(bruteForce(x, y));
        },
      ),
      { numRuns: 200 },
    );
  });
});
