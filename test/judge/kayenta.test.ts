import { describe, expect, it } from 'vitest';
import { judge } from '../../src/judge/judge.js';
import { fromKayentaConfig } from '../../src/judge/kayenta.js';
import { hodgesLehmann } from '../../src/stats/hodgesLehmann.js';
import { CanaryJudgeError } from '../../src/errors.js';

/** A Kayenta canary config with one metric per entry. */
function kayentaConfig(metrics: Array<{ name: string; group?: string; canary?: Record<string, unknown> }>, groupWeights?: Record<string, number>) {
  return {
    name: 'test',
    metrics: metrics.map((m) => ({
      name: m.name,
      groups: [m.group ?? 'default'],
      analysisConfigurations: { canary: { direction: 'either', ...(m.canary ?? {}) } },
    })),
    classifier: groupWeights ? { groupWeights } : {},
  };
}
const opts = { pass: 95, marginal: 75, tolerance: 0.1, confidence: 0.95 };

function classify(canary: number[], baseline: number[], canaryConfig: Record<string, unknown> = {}) {
  const config = fromKayentaConfig(kayentaConfig([{ name: 'm', canary: canaryConfig }]), opts);
  return judge(config, { m: { baseline, canary } }).slis[0];
}

describe("Kayenta's published classifier outcomes (tolerance 0.10, confidence 0.95)", () => {
  it('much higher canary, direction either → high', () => {
    expect(classify([20, 22, 21, 25, 30], [1, 2.2, 1.1, 2.5, 3]).classification).toBe('high');
  });
  it('lower canary within the effect-size thresholds (0.5, 1.0) → pass', () => {
    const s = classify([10, 12.2, 10.1, 12.5, 23], [20, 22, 21, 25, 30], { effectSize: { allowedDecrease: 0.5, allowedIncrease: 1.0 } });
    expect(s.classification).toBe('pass');
    expect(s.details.effectSize).toBeCloseTo(67.8 / 118, 12); // mean ratio 13.56 / 23.6
  });
  it('constant data 10 vs 1 → high (no random noise needed)', () => {
    expect(classify([10, 10, 10, 10, 10], [1, 1, 1, 1, 1]).classification).toBe('high');
  });
  it('no canary data → nodata', () => {
    expect(classify([], [1, 2, 3, 4, 5]).classification).toBe('nodata');
  });
  it('identical data → pass', () => {
    const s = classify([1, 2, 3, 4, 5], [5, 4, 3, 2, 1]);
    expect(s.classification).toBe('pass');
    expect(s.reason).toMatch(/identical/);
  });
  it("Kayenta's own Mann–Whitney case: [10,20,30,40] vs [1,2,3,4] → interval [6, 39], estimate 22.5", () => {
    const hl = hodgesLehmann([10, 20, 30, 40], [1, 2, 3, 4], { confidence: 0.95, method: 'asymptotic', continuity: true });
    expect(hl.lower).toBe(6);
    expect(hl.upper).toBe(39);
    expect(hl.estimate).toBe(22.5);
    const s = classify([10, 20, 30, 40], [1, 2, 3, 4]);
    expect(s.details.shiftLower).toBe(6);
    expect(s.details.shiftUpper).toBe(39);
  });
});

describe("Kayenta's scorer", () => {
  const PASS = { baseline: [1, 2, 3, 4, 5], canary: [1, 2, 3, 4, 5] };
  const HIGH = { baseline: [1, 1, 1, 1, 1], canary: [10, 10, 10, 10, 10] };
  const LOW = { baseline: [10, 10, 10, 10, 10], canary: [1, 1, 1, 1, 1] };
  const run = (metrics: Array<{ name: string; group?: string; critical?: boolean }>, data: Record<string, object>, weights?: Record<string, number>) => {
    const config = fromKayentaConfig(
      kayentaConfig(metrics.map((m) => ({ name: m.name, group: m.group, canary: m.critical ? { critical: true } : {} })), weights),
      opts,
    );
    return judge(config, data as never);
  };

  it('pass + high → 50', () => {
    expect(run([{ name: 'a' }, { name: 'b' }], { a: PASS, b: HIGH }).score).toBe(50);
  });
  it('pass + high + low → 33.33', () => {
    expect(run([{ name: 'a' }, { name: 'b' }, { name: 'c' }], { a: PASS, b: HIGH, c: LOW }).score).toBeCloseTo(33.33, 2);
  });
  it('weights 75/25 with {pass, pass} and {high} → 75', () => {
    const v = run([{ name: 'a', group: 'g1' }, { name: 'b', group: 'g1' }, { name: 'c', group: 'g2' }], { a: PASS, b: PASS, c: HIGH }, { g1: 75, g2: 25 });
    expect(v.score).toBe(75);
    expect(v.verdict).toBe('marginal');
  });
  it('weights 50/50 with {pass, high} and {high} → 25', () => {
    const v = run([{ name: 'a', group: 'g1' }, { name: 'b', group: 'g1' }, { name: 'c', group: 'g2' }], { a: PASS, b: HIGH, c: HIGH }, { g1: 50, g2: 50 });
    expect(v.score).toBe(25);
    expect(v.verdict).toBe('fail');
  });
  it('pass + critical high → 0', () => {
    const v = run([{ name: 'a' }, { name: 'b', critical: true }], { a: PASS, b: HIGH });
    expect(v.score).toBe(0);
    expect(v.slis[1].critical).toBe(true);
    expect(v.verdict).toBe('fail');
  });
  it('half or more nodata → 0', () => {
    expect(run([{ name: 'a' }, { name: 'b' }], { a: PASS, b: { baseline: [1, 2], canary: [] } }).score).toBe(0);
  });
});

describe('fromKayentaConfig', () => {
  it('maps every field of analysisConfigurations.canary', () => {
    const config = fromKayentaConfig(
      {
        metrics: [
          {
            name: 'cpu',
            groups: ['system'],
            analysisConfigurations: {
              canary: {
                direction: 'increase', nanStrategy: 'replace', critical: true, mustHaveData: true,
                outliers: { strategy: 'remove', outlierFactor: 3 },
                effectSize: { allowedIncrease: 1.1, criticalIncrease: 1.5, measure: 'meanRatio' },
              },
            },
          },
          { name: 'errors', groups: ['requests'], analysisConfigurations: { canary: { muted: true, effectSize: { measure: 'cles', allowedIncrease: 0.6 } } } },
        ],
        classifier: { groupWeights: { system: 66.6, requests: 33.4 } },
      },
      { pass: 90, marginal: 70 },
    );
    expect(config.thresholds).toEqual({ pass: 90, marginal: 70 });
    expect(config.scoring).toBe('kayenta');
    expect(config.groupWeights).toEqual({ system: 66.6, requests: 33.4 });
    const [cpu, errors] = config.slis;
    expect(cpu).toMatchObject({
      name: 'cpu', test: 'kayenta', effect: 'meanRatio', direction: 'increase', groups: ['system'], confidence: 0.98, tolerance: 0.25,
      critical: true, mustHaveData: true, nan: { replace: 0 }, outliers: { method: 'kayentaIqr', factor: 3 },
    });
    expect(cpu.allowedIncrease).toBeCloseTo(0.1, 12);
    expect(cpu.criticalIncrease).toBeCloseTo(0.5, 12);
    expect(errors).toMatchObject({ name: 'errors', effect: 'cles', muted: true, direction: 'either', nan: 'remove', outliers: 'none' });
    expect(errors.allowedIncrease).toBeCloseTo(0.1, 12);
  });
  it('reports malformed Kayenta configs with paths', () => {
    expect(() => fromKayentaConfig({ metrics: [] }, { pass: 95, marginal: 75 })).toThrow(CanaryJudgeError);
    try {
      fromKayentaConfig({ metrics: [{ name: 'x', analysisConfigurations: { canary: { direction: 'up' } } }] }, { pass: 95, marginal: 75 });
    } catch (e) {
      expect((e as CanaryJudgeError).path).toBe('metrics[0].analysisConfigurations.canary.direction');
    }
  });
});
