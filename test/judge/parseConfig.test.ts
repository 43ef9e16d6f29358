import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Ajv2020 from 'ajv/dist/2020.js';
import { parseConfig, validateConfig, CONFIG_KEYS } from '../../src/judge/parseConfig.js';
import type { JudgeConfig, SliConfig } from '../../src/judge/types.js';
import { CanaryJudgeError } from '../../src/errors.js';
import schema from '../../schema/judge-config.schema.json';

const minimal = {
  slis: [
    { name: 'latency_ms', direction: 'increase', allowedIncrease: 0.05, critical: true },
    { name: 'errors', test: 'rate', direction: 'increase', allowedIncrease: 0.5 },
  ],
  thresholds: { pass: 95, marginal: 75 },
};

describe('parseConfig', () => {
  it('accepts the smallest useful config, from an object or a JSON string', () => {
    expect(parseConfig(minimal)).toEqual(minimal);
    expect(parseConfig(JSON.stringify(minimal))).toEqual(minimal);
  });

  it('lists every problem at once, each with its JSON path', () => {
    const bad = {
      slis: [
        { name: 'a', direction: 'up' },
        { name: 'a', confidence: 1.5, weight: -1 },
        { direction: 'increase', nan: 'drop', smoothing: { method: 'ewma' } },
        { name: 'd', allowedIncrease: 0.5, criticalIncrease: 0.2, test: 'rate', effect: 'cles' },
      ],
      thresholds: { pass: 70, marginal: 80 },
      multipleComparisons: 'bonferroni',
      extra: true,
    };
    let error: CanaryJudgeError | undefined;
    try {
      parseConfig(bad);
    } catch (e) {
      error = e as CanaryJudgeError;
    }
    expect(error).toBeInstanceOf(CanaryJudgeError);
    expect(error?.code).toBe('INVALID_CONFIG');
    const paths = error?.problems.map((p) => p.path);
    expect(paths).toEqual([
      'extra',
      'slis[0].direction',
      'slis[1].name',
      'slis[1].confidence',
      'slis[1].weight',
      'slis[2].name',
      'slis[2].nan',
      'slis[2].smoothing.alpha',
      'slis[3].effect',
      'slis[3].criticalIncrease',
      'thresholds.marginal',
      'multipleComparisons',
    ]);
    expect(error?.path).toBe('extra');
    expect(error?.problems.find((p) => p.path === 'slis[1].name')?.code).toBe('DUPLICATE_NAME');
    expect(error?.problems.find((p) => p.path === 'slis[2].name')?.code).toBe('REQUIRED');
    expect(error?.message).toContain('slis[0].direction: must be one of "increase", "decrease", "either", got "up"');
  });

  it('suggests the right spelling of a mistyped field', () => {
    const problems = validateConfig({ slis: [{ name: 'x', allowedincrease: 0.1 }] });
    expect(problems[0].message).toContain('did you mean "allowedIncrease"');
  });

  it('rejects invalid JSON and non-objects with a CanaryJudgeError', () => {
    expect(() => parseConfig('{')).toThrow(CanaryJudgeError);
    expect(() => parseConfig(42)).toThrow(/must be a JSON object/);
    expect(() => parseConfig({ slis: [] })).toThrow(/non-empty array/);
  });
});

describe('the published JSON Schema', () => {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  const validate = ajv.compile(schema);

  it('names exactly the fields of the TypeScript types', () => {
    // compile-time: CONFIG_KEYS.sli lists every key of SliConfig and nothing else
    type SliKeys = (typeof CONFIG_KEYS.sli)[number];
    const exhaustive: Record<keyof SliConfig, true> = Object.fromEntries(CONFIG_KEYS.sli.map((k) => [k, true])) as Record<SliKeys, true>;
    const rootExhaustive: Record<keyof JudgeConfig, true> = {
      slis: true, thresholds: true, groupWeights: true, confidence: true, multipleComparisons: true,
      inconclusive: true, nodataFailShare: true, insufficientCap: true, scoring: true,
    };
    expect(Object.keys(schema.$defs.sli.properties).sort()).toEqual(Object.keys(exhaustive).sort());
    expect(Object.keys(schema.properties).filter((k) => k !== '$schema').sort()).toEqual(Object.keys(rootExhaustive).sort());
    expect([...CONFIG_KEYS.root].filter((k) => k !== '$schema').sort()).toEqual(Object.keys(rootExhaustive).sort());
  });

  it('accepts the configs parseConfig accepts', () => {
    expect(validate(minimal)).toBe(true);
    const sliArb = fc.record(
      {
        name: fc.string({ minLength: 1 }).filter((s) => s.trim() !== ''),
        direction: fc.constantFrom('increase', 'decrease', 'either'),
        test: fc.constantFrom('mannWhitney', 'quantile', 'kayenta'),
        q: fc.double({ min: 0.01, max: 0.99, noNaN: true }),
        confidence: fc.double({ min: 0.5, max: 0.999, noNaN: true }),
        allowedIncrease: fc.double({ min: 0, max: 2, noNaN: true }),
        weight: fc.double({ min: 0.1, max: 10, noNaN: true }),
        minSamples: fc.integer({ min: 1, max: 100 }),
        nan: fc.constantFrom('remove', 'fail', { replace: 0 }),
        outliers: fc.constantFrom('none', 'iqr', 'mad', { method: 'iqr', factor: 3 }, { method: 'mad', k: 2 }),
        smoothing: fc.constantFrom('none', { method: 'ewma', alpha: 0.3 }, { method: 'ewma', halfLife: 5 }, { method: 'rollingMedian', window: 3 }),
        muted: fc.boolean(),
      },
      { requiredKeys: ['name'] },
    );
    fc.assert(
      fc.property(fc.array(sliArb, { minLength: 1, maxLength: 4 }), (slis) => {
        const config = { slis: slis.map((s, i) => ({ ...s, name: `${s.name}-${i}` })) };
        expect(validateConfig(config)).toEqual([]);
        expect(validate(config)).toBe(true);
      }),
    );
  });

  it('rejects what parseConfig rejects field by field', () => {
    const bad: unknown[] = [
      { slis: [] },
      { slis: [{ name: 'x', direction: 'up' }] },
      { slis: [{ name: 'x', confidence: 1 }] },
      { slis: [{ name: 'x', weight: 0 }] },
      { slis: [{ name: 'x', nan: 'drop' }] },
      { slis: [{ name: 'x', outliers: { method: 'iqr', k: 3 } }] },
      { slis: [{ name: 'x', smoothing: { method: 'ewma' } }] },
      { slis: [{ name: 'x', minSamples: 2.5 }] },
      { slis: [{ name: 'x' }], thresholds: { pass: 101 } },
      { slis: [{ name: 'x' }], other: 1 },
      { slis: [{ name: '' }] },
    ];
    for (const config of bad) {
      expect(validateConfig(config).length, JSON.stringify(config)).toBeGreaterThan(0);
      expect(validate(config), JSON.stringify(config)).toBe(false);
    }
  });
});
