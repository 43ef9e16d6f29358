import { describe, expect, it } from 'vitest';
import { decimateSeries, ecdfChart, ecdfPoints, escapeXml, intervalChart, linearScale, logTicks, niceTicks, sequenceChart, sortedFinite, tickLabel } from '../../src/report/svg.js';

describe('scales and ticks', () => {
  it('picks 1-2-5 ticks (Heckbert nice numbers)', () => {
    expect(niceTicks(0, 1, 5)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(niceTicks(0, 100, 5)).toEqual([0, 20, 40, 60, 80, 100]);
    expect(niceTicks(-0.2, 0.45, 6)).toEqual([-0.2, -0.1, 0, 0.1, 0.2, 0.3, 0.4]);
    expect(niceTicks(37, 1234, 5)).toEqual([200, 400, 600, 800, 1000, 1200]);
    expect(niceTicks(3, 3)).toEqual([3]);
    expect(niceTicks(NaN, 1)).toEqual([]);
    expect(logTicks(40, 1500)).toEqual([50, 100, 200, 500, 1000]);
  });

  it('maps the domain onto the range', () => {
    const x = linearScale([0, 10], [100, 200]);
    expect(x(0)).toBe(100);
    expect(x(5)).toBe(150);
    expect(x(10)).toBe(200);
    const flat = linearScale([5, 5], [0, 100]);
    expect(flat(5)).toBe(50);
  });

  it('labels ticks compactly', () => {
    expect(tickLabel(1200)).toBe('1.2k');
    expect(tickLabel(2e9)).toBe('2G');
    expect(tickLabel(-0.25)).toBe('−0.25');
    expect(tickLabel(0)).toBe('0');
  });
});

describe('data thinning', () => {
  it('gives the exact ECDF steps of a small sample, ties at their last index', () => {
    expect(ecdfPoints(Float64Array.from([1, 2, 2, 3]))).toEqual([[1, 0.25], [2, 0.75], [3, 1]]);
  });

  it('thins a large ECDF to at most 400 steps and keeps both ends', () => {
    const x = sortedFinite(Array.from({ length: 100_000 }, (_, i) => (i * 7919) % 100_000));
    const pts = ecdfPoints(x);
    expect(pts.length).toBeLessThanOrEqual(400);
    expect(pts[0]).toEqual([0, 1e-5]);
    expect(pts[pts.length - 1]).toEqual([99_999, 1]);
  });

  it('copies and drops non-finite values without touching the input', () => {
    const input = [3, NaN, 1, Infinity, 2];
    expect(Array.from(sortedFinite(input))).toEqual([1, 2, 3]);
    expect(input).toEqual([3, NaN, 1, Infinity, 2]);
  });

  it('keeps every bucket minimum and maximum when decimating (spikes survive)', () => {
    const n = 10_000;
    const t = Array.from({ length: n }, (_, i) => i);
    const v = Array.from({ length: n }, (_, i) => (i === 4321 ? 1000 : i === 777 ? -50 : Math.sin(i)));
    const out = decimateSeries(t, v, 100);
    expect(out.length).toBeLessThanOrEqual(200);
    expect(out).toContainEqual([4321, 1000]);
    expect(out).toContainEqual([777, -50]);
    for (let i = 1; i < out.length; i++) expect(out[i][0]).toBeGreaterThan(out[i - 1][0]);
  });
});

describe('charts', () => {
  it('draws both ECDFs and the allowed band', () => {
    const b = Float64Array.from({ length: 100 }, (_, i) => 100 + i);
    const c = Float64Array.from({ length: 100 }, (_, i) => 110 + i);
    const svg = ecdfChart({ id: 'e', title: 'lat <ms>', baseline: b, canary: c, band: { lower: null, upper: (x) => x + 5 } });
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toContain('<title id="e-t">lat &lt;ms&gt;</title>');
    expect(svg).toContain('class="ecdf baseline"');
    expect(svg).toContain('class="ecdf canary"');
    expect(svg).toContain('class="band"');
    expect(svg).toContain('allowed increase');
    expect(svg).not.toMatch(/NaN|undefined|Infinity/);
  });

  it('draws an interval with open ends as arrows and the band', () => {
    const svg = intervalChart({ id: 'i', title: 't', estimate: 0.12, lower: 0.08, upper: null, allowedLower: null, allowedUpper: 0.05, verdictColor: '#c00', format: (v) => `${v}` });
    expect(svg).toContain('class="ci"');
    expect(svg).toContain('class="estimate"');
    expect(svg).toContain('<path d="M444,44l-8,-6v12z"'); // arrow at the right edge (460 − 16)
    expect(svg).not.toMatch(/NaN|undefined|Infinity/);
  });

  it('draws a confidence sequence and skips empty input', () => {
    const points = Array.from({ length: 20 }, (_, i) => ({ t: i + 1, lower: i === 0 ? null : 0.1 - 1 / (i + 1), upper: 0.1 + 1 / (i + 1), estimate: 0.1 }));
    const svg = sequenceChart({ id: 's', title: 'cs', points, allowedLower: null, allowedUpper: 0.05, format: String, indexed: true });
    expect(svg).toContain('class="sequence"');
    expect(svg).toContain('class="allowed"');
    expect(svg).not.toMatch(/NaN|undefined|Infinity/);
    expect(sequenceChart({ id: 's', title: 'cs', points: [], allowedLower: null, allowedUpper: null, format: String, indexed: true })).toBe('');
  });

  it('escapes markup', () => {
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});
