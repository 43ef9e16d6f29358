import { describe, expect, it } from 'vitest';
import { burnRatePresets, burnRateRule, burnRateRules } from '../../src/slo/index.js';
import { thrown } from './helpers.js';

const H = 3600;
const D = 86400;

function table(preset: Parameters<typeof burnRateRules>[0]['preset']) {
  return burnRateRules({ preset }).map((r) => [r.name, r.severity, r.longWindow, r.shortWindow, r.burnRateThreshold, r.budgetFraction]);
}

function closeRows(actual: unknown[][], expected: unknown[][]): void {
  expect(actual.length).toBe(expected.length);
  actual.forEach((row, i) =>
    row.forEach((v, j) => {
      const e = expected[i][j];
      if (typeof e === 'number') expect(v as number).toBeCloseTo(e, 12);
      else expect(v).toBe(e);
    }),
  );
}

describe('burn-rate presets', () => {
  it('sre-workbook: Table 5-8 (page 14.4× 1h/5m, page 6× 6h/30m, ticket 1× 3d/6h)', () => {
    closeRows(table('sre-workbook'), [
      ['page-1h', 'page', H, 5 * 60, 14.4, 0.02],
      ['page-6h', 'page', 6 * H, 30 * 60, 6, 0.05],
      ['ticket-3d', 'ticket', 3 * D, 6 * H, 1, 0.1],
    ]);
  });
  it('sloth-30d: 2%, 5%, 10%, 10% → 14.4, 6, 3, 1', () => {
    closeRows(table('sloth-30d'), [
      ['page-quick', 'page', H, 5 * 60, 14.4, 0.02],
      ['page-slow', 'page', 6 * H, 30 * 60, 6, 0.05],
      ['ticket-quick', 'ticket', D, 2 * H, 3, 0.1],
      ['ticket-slow', 'ticket', 3 * D, 6 * H, 1, 0.1],
    ]);
  });
  it('sloth-28d: 13.44, 5.6, 2.8, 0.9333…', () => {
    closeRows(table('sloth-28d'), [
      ['page-quick', 'page', H, 5 * 60, 13.44, 0.02],
      ['page-slow', 'page', 6 * H, 30 * 60, 5.6, 0.05],
      ['ticket-quick', 'ticket', D, 2 * H, 2.8, 0.1],
      ['ticket-slow', 'ticket', 3 * D, 6 * H, 0.9333333333333333, 0.1],
    ]);
  });
  it('pyrra-28d: factors 14, 7, 2, 1 over 1h/5m, 6h/30m, 1d/2h, 4d/6h (fractions 1/48, 1/16, 1/14, 1/7)', () => {
    closeRows(table('pyrra-28d'), [
      ['critical-1h', 'page', H, 5 * 60, 14, 1 / 48],
      ['critical-6h', 'page', 6 * H, 30 * 60, 7, 1 / 16],
      ['warning-1d', 'ticket', D, 2 * H, 2, 1 / 14],
      ['warning-4d', 'ticket', 4 * D, 6 * H, 1, 1 / 7],
    ]);
  });
  it('every preset rule has a short window of 1/12 of its long window (workbook recommendation), except Pyrra 4d/6h', () => {
    for (const name of ['sre-workbook', 'sloth-30d', 'sloth-28d'] as const) {
      for (const r of burnRateRules({ preset: name })) expect(r.longWindow / r.shortWindow).toBe(12);
    }
  });
  it('fills errorRatioThreshold = threshold × (1 − objective) when an objective is given', () => {
    const rules = burnRateRules({ preset: 'pyrra-28d', objective: 0.99 });
    expect(rules.map((r) => r.errorRatioThreshold)).toEqual([0.14, 0.07, 0.02, 0.01]);
    expect(burnRateRules({ preset: 'sre-workbook' })[0].errorRatioThreshold).toBeNull();
    expect(burnRateRules({ preset: 'sloth-28d', objective: 0.999 })[0].errorRatioThreshold).toBeCloseTo(0.01344, 15);
  });
  it('presets are frozen and listed', () => {
    expect(Object.keys(burnRatePresets)).toEqual(['sre-workbook', 'sloth-30d', 'sloth-28d', 'pyrra-28d']);
    expect(Object.isFrozen(burnRatePresets)).toBe(true);
    expect(Object.isFrozen(burnRatePresets['sre-workbook'].rules[0])).toBe(true);
    expect(burnRatePresets['sloth-28d'].period).toBe('28d');
  });
});

describe('burnRateRule / burnRateRules (custom rules)', () => {
  it('derives a threshold from budgetFraction and period', () => {
    expect(burnRateRule({ name: 'fast', severity: 'page', longWindow: '1h', shortWindow: '5m', budgetFraction: 0.02, period: '30d' })).toEqual({
      name: 'fast',
      severity: 'page',
      longWindow: 3600,
      shortWindow: 300,
      burnRateThreshold: 14.4,
      budgetFraction: 0.02,
      period: 2592000,
      errorRatioThreshold: null,
    });
  });
  it('derives the budget fraction from a threshold and period, or leaves it null', () => {
    const r = burnRateRule({ name: 'x', severity: 'ticket', longWindow: 3 * D, shortWindow: 6 * H, burnRateThreshold: 1, period: '30d' });
    expect(r.budgetFraction).toBeCloseTo(0.1, 15);
    const s = burnRateRule({ name: 'y', severity: 'page', longWindow: '1h', shortWindow: '1h', burnRateThreshold: 10 });
    expect(s.budgetFraction).toBeNull();
    expect(s.period).toBeNull();
  });
  it('accepts its own output (normalised rules round-trip)', () => {
    const rules = burnRateRules({ preset: 'sloth-28d', objective: 0.999 });
    expect(burnRateRules({ rules, objective: 0.999 })).toEqual(rules);
  });
  it('combines a preset and custom rules, preset first', () => {
    const rules = burnRateRules({ preset: 'sre-workbook', rules: [{ name: 'canary', severity: 'page', longWindow: '10m', shortWindow: '1m', burnRateThreshold: 20 }] });
    expect(rules.map((r) => r.name)).toEqual(['page-1h', 'page-6h', 'ticket-3d', 'canary']);
  });
  it('reports bad rules with their JSON path', () => {
    const ok = { name: 'r', severity: 'page', longWindow: '1h', shortWindow: '5m', burnRateThreshold: 14.4 } as const;
    expect(thrown(() => burnRateRules({ rules: [ok, { ...ok, name: '' }] }))).toEqual({ code: 'INVALID_RULE', path: 'rules[1].name' });
    expect(thrown(() => burnRateRules({ rules: [{ ...ok, severity: 'critical' as never }] }))).toEqual({ code: 'INVALID_RULE', path: 'rules[0].severity' });
    expect(thrown(() => burnRateRules({ rules: [{ ...ok, longWindow: '1hour' }] }))).toEqual({ code: 'INVALID_DURATION', path: 'rules[0].longWindow' });
    expect(thrown(() => burnRateRules({ rules: [{ ...ok, shortWindow: '2h' }] }))).toEqual({ code: 'INVALID_RULE', path: 'rules[0].shortWindow' });
    expect(thrown(() => burnRateRules({ rules: [{ ...ok, burnRateThreshold: -1 }] }))).toEqual({ code: 'INVALID_RULE', path: 'rules[0].burnRateThreshold' });
    expect(thrown(() => burnRateRules({ rules: [{ ...ok, burnRateThreshold: undefined }] }))).toEqual({ code: 'INVALID_RULE', path: 'rules[0].burnRateThreshold' });
    expect(thrown(() => burnRateRules({ rules: [{ ...ok, burnRateThreshold: undefined, budgetFraction: 0.02 }] }))).toEqual({ code: 'INVALID_RULE', path: 'rules[0].period' });
    expect(thrown(() => burnRateRules({ rules: [{ ...ok, burnRateThreshold: 10, budgetFraction: 0.02, period: '30d' }] }))).toEqual({ code: 'INVALID_RULE', path: 'rules[0].burnRateThreshold' });
    expect(thrown(() => burnRateRules({ rules: [ok, ok] }))).toEqual({ code: 'INVALID_RULE', path: 'rules[1].name' });
    expect(thrown(() => burnRateRules({ rules: [null as never] }))).toEqual({ code: 'INVALID_RULE', path: 'rules[0]' });
    expect(thrown(() => burnRateRules({ preset: 'google' as never }))).toEqual({ code: 'UNKNOWN_PRESET', path: 'preset' });
    expect(thrown(() => burnRateRules({ preset: 'toString' as never }))).toEqual({ code: 'UNKNOWN_PRESET', path: 'preset' });
    expect(thrown(() => burnRateRules({}))).toEqual({ code: 'INVALID_ARGUMENT', path: 'rules' });
    expect(thrown(() => burnRateRules({ rules: 'sre-workbook' as never }))).toEqual({ code: 'INVALID_ARGUMENT', path: 'rules' });
    expect(thrown(() => burnRateRules({ rules: [], objective: 99.9 }))).toEqual({ code: 'INVALID_OBJECTIVE', path: 'objective' });
  });
});
