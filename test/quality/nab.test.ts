// The judge on real NAB series (bench/quality/nabStudy.ts, docs/quality.md): fixed data, so every number is
// deterministic; the assertions are the claims the documentation makes, with margin.
import { describe, it, expect } from 'vitest';
import { loadStudySeries, nabStudy, NAB_TREATMENTS, windowPairs, type Treatment } from '../../bench/quality/nabStudy.js';
import { autoBlockSize, lag1Autocorrelation } from '../../bench/quality/blocks.js';

const series = loadStudySeries();
const pairs = windowPairs(series, [6]);

describe('real series (NAB), 6-hour windows', () => {
  it('six series with their labelled windows; window pairs far from anomalies, and anomaly pairs', () => {
    expect(series.map((s) => s.values.length)).toEqual([4032, 4032, 4032, 4032, 4032, 4032]);
    expect(series.map((s) => s.windows.length)).toEqual([3, 2, 1, 3, 2, 2]);
    const count = (kind: string) => pairs.filter((p) => p.kind === kind).length;
    expect(count('adjacent')).toBe(223);
    expect(count('interleaved')).toBe(223);
    expect(count('dayApart')).toBe(183);
    expect(count('anomaly')).toBe(12);
    for (const p of pairs) {
      expect(p.baseline.values.length).toBeGreaterThanOrEqual(64);
      expect(p.canary.values.length).toBeGreaterThanOrEqual(64);
    }
  });

  it('allowed ±10%: a concurrent-like comparison (interleaved halves) fails a healthy SLI rarely; smoothing makes before/after worse', () => {
    // explicit allowed changes (the old default), so the claim does not move with the allowed-change default; the
    // pairs are time series, so both arms are judged on block means (aggregate 'auto', the default) when ρ̂ is significant
    const ten = { allowedIncrease: 0.1, allowedDecrease: 0.1 };
    const treatments = [
      { name: '±10%', sli: ten },
      { name: '±10%, EWMA α 0.3', sli: { ...ten, smoothing: { method: 'ewma' as const, alpha: 0.3 } } },
    ];
    const cells = nabStudy(pairs.filter((p) => p.kind !== 'anomaly'), treatments);
    const cell = (kind: string, t: string) => cells.find((c) => c.kind === kind && c.treatment === t);
    expect(cell('interleaved', '±10%')?.flagged.rate).toBeLessThan(0.05);
    expect(cell('adjacent', '±10%')?.flagged.rate).toBeLessThan(0.1);
    expect(cell('adjacent', '±10%, EWMA α 0.3')?.flagged.k).toBeGreaterThan(cell('adjacent', '±10%')?.flagged.k as number);
  });

  it("allowed 5%: the judge's aggregate: 'auto' cuts the false fails of every A/A kind and keeps what anomalies it catches", () => {
    const five = { allowedIncrease: 0.05, allowedDecrease: 0.05 };
    const treatments: Treatment[] = [{ name: 'raw', sli: { ...five, aggregate: 'none' } }, { name: 'auto', sli: { ...five, aggregate: 'auto' } }];
    const cells = nabStudy(pairs, treatments);
    for (const kind of ['adjacent', 'dayApart', 'interleaved', 'anomaly'] as const) {
      const raw = cells.find((c) => c.kind === kind && c.treatment === 'raw');
      const blocks = cells.find((c) => c.kind === kind && c.treatment === 'auto');
      if (kind === 'anomaly') {
        expect(raw?.flagged.k).toBeGreaterThanOrEqual(3);
        expect(blocks?.flagged.k).toBeGreaterThanOrEqual(3);
      } else expect(blocks?.flagged.k).toBeLessThan(raw?.flagged.k as number);
      expect(blocks?.insufficient.k).toBe(0);
    }
  });

  it('every treatment of the study has a distinct name', () => {
    expect(new Set(NAB_TREATMENTS.map((t) => t.name)).size).toBe(NAB_TREATMENTS.length);
  });

  it('lag-1 autocorrelation and the automatic block size', () => {
    expect(lag1Autocorrelation([1, 2, 3, 4, 5])).toBeCloseTo(0.4, 12); // numpy: sum(d[1:]*d[:-1])/sum(d*d) = 4/10
    expect(lag1Autocorrelation([1, -1, 1, -1, 1, -1])).toBeCloseTo(-5 / 6, 12);
    expect(lag1Autocorrelation([3, 3, 3])).toBe(0);
    const up = Float64Array.from({ length: 200 }, (_, i) => i);
    // ρ̂ ≈ 0.985 → clamped to 0.98 → ⌈1.98/0.02⌉ = 99; capped at ⌊200/20⌋ = 10 with 20 blocks
    expect(autoBlockSize(up, up)).toBe(99);
    expect(autoBlockSize(up, up, 20)).toBe(10);
    expect(autoBlockSize([1, -1, 1, -1], [1, -1, 1, -1])).toBe(1);
  });
});
