import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import cdfStdlib from '@stdlib/stats-base-dists-normal-cdf';
import quantileStdlib from '@stdlib/stats-base-dists-normal-quantile';
import {
  normalCdf,
  normalIsf,
  normalLogCdf,
  normalLogSf,
  normalPdf,
  normalQuantile,
  normalSf,
} from '../../src/stats/normal.js';
import fixture from '../fixtures/special-functions.json';

const rel = (got: number, want: number) => Math.abs(got - want) / Math.abs(want);

describe('normalSf against scipy.stats.norm.sf', () => {
  it('relative error ≤ 1e-12 for z in [-10, 37]', () => {
    let worst = 0;
    for (const [z, sf] of fixture.sf as number[][]) {
      if (z > 37) continue;
      const e = rel(normalSf(z), sf);
      worst = Math.max(worst, e);
      expect(e, `z=${z}`).toBeLessThanOrEqual(1e-12);
    }
    expect(worst).toBeLessThan(1e-12);
  });
  it('underflows correctly past z = 37', () => {
    for (const [z, sf] of fixture.sf as number[][]) {
      if (z <= 37) continue;
      if (sf > 1e-305) expect(rel(normalSf(z), sf), `z=${z}`).toBeLessThanOrEqual(1e-10);
      else expect(Math.abs(normalSf(z) - sf), `z=${z}`).toBeLessThan(1e-310);
    }
    expect(normalSf(40)).toBe(0);
    expect(normalSf(Infinity)).toBe(0);
    expect(normalSf(-Infinity)).toBe(1);
  });
  it('log survival matches scipy.stats.norm.logsf to 1e-12 everywhere, including past underflow', () => {
    for (const [z, , logsf] of fixture.sf as number[][]) {
      expect(rel(normalLogSf(z), logsf), `z=${z}`).toBeLessThanOrEqual(1e-12);
      expect(rel(normalLogCdf(-z), logsf), `z=${z}`).toBeLessThanOrEqual(1e-12);
    }
  });
  it('cdf agrees with @stdlib', () => {
    for (let z = -8; z <= 8; z += 0.37) expect(normalCdf(z)).toBeCloseTo(cdfStdlib(z, 0, 1), 15);
  });
  it('pdf at 0 and symmetry', () => {
    expect(normalPdf(0)).toBeCloseTo(0.3989422804014327, 16);
    expect(normalPdf(1.3)).toBe(normalPdf(-1.3));
  });
});

describe('normalQuantile against scipy.stats.norm.ppf / isf', () => {
  it('relative error ≤ 1e-12 for p in [1e-300, 1 - 1e-16]', () => {
    for (const [p, ppf, isf] of fixture.ppf as number[][]) {
      if (ppf === 0) expect(normalQuantile(p)).toBe(0);
      else expect(rel(normalQuantile(p), ppf), `p=${p}`).toBeLessThanOrEqual(1e-12);
      if (isf === 0) expect(normalIsf(p)).toBe(0);
      else expect(rel(normalIsf(p), isf), `q=${p}`).toBeLessThanOrEqual(1e-12);
    }
  });
  it('edges', () => {
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(-0.1)).toBeNaN();
    expect(normalQuantile(NaN)).toBeNaN();
    expect(normalIsf(0)).toBe(Infinity);
  });
  it('agrees with @stdlib in the body', () => {
    for (let p = 0.001; p < 1; p += 0.0371) expect(rel(normalQuantile(p), quantileStdlib(p, 0, 1))).toBeLessThan(1e-13);
  });
  it('property: quantile inverts the cdf', () => {
    fc.assert(
      fc.property(fc.double({ min: -30, max: 30, noNaN: true }), (z) => {
        const p = normalCdf(z);
        if (p === 0 || p === 1 || p > 0.999999) return;
        // the cdf itself loses relative precision as p → 1, so compare in the lower half only
        if (z > 0) return;
        expect(Math.abs(normalQuantile(p) - z)).toBeLessThan(1e-12 * Math.max(1, Math.abs(z)));
      }),
    );
  });
  it('property: never throws on any number, monotone', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true }), fc.double({ noNaN: true }), (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(normalCdf(lo)).toBeLessThanOrEqual(normalCdf(hi));
        normalQuantile(a);
        normalIsf(a);
      }),
    );
  });
});
