import { describe, it, expect } from 'vitest';
import { cellRandom, formatProportion, hashName, medianOf, proportion, Tally } from '../../bench/quality/montecarlo.js';

describe('Monte Carlo bookkeeping of the quality harness', () => {
  it('proportion: Clopper–Pearson 95% interval (scipy binomtest(k, n).proportion_ci(method="exact"))', () => {
    const p = proportion(12, 1000);
    expect(p.rate).toBe(0.012);
    expect(p.lower).toBeCloseTo(0.006215525559595244, 10);
    expect(p.upper).toBeCloseTo(0.020867679591036675, 10);
    expect(p.se).toBeCloseTo(Math.sqrt((0.012 * 0.988) / 1000), 15);
    const zero = proportion(0, 500);
    expect(zero.lower).toBe(0);
    expect(zero.upper).toBeCloseTo(0.007350610051907785, 10);
    const small = proportion(3, 20);
    expect(small.lower).toBeCloseTo(0.03207093718554477, 9);
    expect(small.upper).toBeCloseTo(0.37892682654529564, 9);
    expect(proportion(0, 0)).toEqual({ k: 0, n: 0, rate: 0, lower: 0, upper: 1, se: 0 });
  });

  it('formatProportion: ± one standard error, a one-sided bound at 0 % and 100 %', () => {
    expect(formatProportion(proportion(12, 1000))).toBe('1.2% ± 0.3%');
    expect(formatProportion(proportion(0, 500))).toBe('0% (≤ 0.7%)');
    expect(formatProportion(proportion(500, 500))).toBe('100% (≥ 99.3%)');
    expect(formatProportion(proportion(0, 0))).toBe('n/a');
  });

  it('hashName is FNV-1a 32 (reference test vectors of the FNV specification)', () => {
    expect(hashName('')).toBe(0x811c9dc5);
    expect(hashName('a')).toBe(0xe40c292c);
    expect(hashName('foobar')).toBe(0xbf9cf968);
  });

  it('cellRandom: one reproducible stream per (seed, cell, run), different across runs and cells', () => {
    const a = cellRandom(7, 'cell', 3).nextUint32();
    expect(cellRandom(7, 'cell', 3).nextUint32()).toBe(a);
    expect(cellRandom(7, 'cell', 4).nextUint32()).not.toBe(a);
    expect(cellRandom(7, 'other', 3).nextUint32()).not.toBe(a);
    expect(cellRandom(8, 'cell', 3).nextUint32()).not.toBe(a);
  });

  it('Tally counts events per run; medianOf', () => {
    const t = new Tally();
    t.add(['x', 'y']);
    t.add(['x']);
    t.add([]);
    t.add(['x']);
    expect(t.runs).toBe(4);
    expect(t.get('x').k).toBe(3);
    expect(t.get('y').rate).toBe(0.25);
    expect(t.get('z').k).toBe(0);
    expect(Object.keys(t.toJSON())).toEqual(['x', 'y']);
    expect(medianOf([])).toBeNull();
    expect(medianOf([3, 1, 2])).toBe(2);
    expect(medianOf([4, 1, 3, 2])).toBe(2.5);
  });
});
