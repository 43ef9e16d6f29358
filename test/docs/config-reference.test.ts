import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { JUDGE_DEFAULTS, CONFIG_KEYS } from '../../src/index.js';
import { generateConfigReference, REFERENCE_PATH, rows, RUN_NOTES, SCHEMA_PATH } from '../../scripts/gen-config-reference.js';

const schema = JSON.parse(readFileSync(SCHEMA_PATH, 'utf8'));

describe('docs/config-reference.md', () => {
  it('is the output of scripts/gen-config-reference.ts for the current schema (run it after changing the schema)', () => {
    expect(readFileSync(REFERENCE_PATH, 'utf8')).toBe(generateConfigReference(schema));
  });

  it('documents every field parseConfig accepts', () => {
    const doc = readFileSync(REFERENCE_PATH, 'utf8');
    for (const key of CONFIG_KEYS.root) expect(doc, key).toContain(`| \`${key}\` |`);
    for (const key of CONFIG_KEYS.sli) expect(doc, key).toContain(`| \`${key}\` |`);
  });

  it('has no note for a field the schema no longer has', () => {
    const paths = new Set(rows(schema.properties, schema.required).map((r) => r.path));
    for (const key of Object.keys(RUN_NOTES)) expect(paths.has(key), key).toBe(true);
  });

  it('states the defaults the judge applies (schema defaults = JUDGE_DEFAULTS)', () => {
    const p = schema.properties;
    expect(p.confidence.default).toBe(JUDGE_DEFAULTS.confidence);
    expect(p.thresholds.properties.pass.default).toBe(JUDGE_DEFAULTS.thresholds.pass);
    expect(p.thresholds.properties.marginal.default).toBe(JUDGE_DEFAULTS.thresholds.marginal);
    for (const k of ['multipleComparisons', 'inconclusive', 'nodataFailShare', 'insufficientCap', 'scoring'] as const) {
      expect(p[k].default, k).toBe(JUDGE_DEFAULTS[k]);
    }
    const s = schema.$defs.sli.properties;
    for (const k of ['direction', 'q', 'allowedIncrease', 'allowedDecrease', 'weight', 'minEvents', 'nan', 'outliers', 'smoothing', 'tolerance', 'maxBurnRate', 'period'] as const) {
      expect(s[k].default, k).toBe(JUDGE_DEFAULTS.sli[k]);
    }
    // documented in the description where the schema gives no single default
    expect(s.minSamples.description).toContain(`default ${JUDGE_DEFAULTS.sli.minSamples}`);
    expect(s.minSamples.description).toContain(`default ${JUDGE_DEFAULTS.sli.minTotal}`);
    expect(s.groups.description).toContain(JSON.stringify(JUDGE_DEFAULTS.sli.groups));
  });

  it('renders types, bounds and alternatives from the schema', () => {
    const doc = generateConfigReference(schema);
    expect(doc).toContain('| `confidence` | number 0 < x < 1 | `0.95` |');
    expect(doc).toContain('| `weight` | number > 0 | `1` |');
    expect(doc).toContain('| `nan` | `"remove"` \\| `"fail"` or { "replace": number } | `"remove"` |');
    expect(() => generateConfigReference({ properties: { x: { type: 'number' } }, $defs: { sli: { properties: {} } } })).toThrow(
      'config.x has no description',
    );
  });
});
