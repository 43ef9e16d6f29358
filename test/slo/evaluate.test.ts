import { describe, expect, it } from 'vitest';
import { evaluateBurnRateRules, windowBurnRate, type BurnRateSeries } from '../../src/slo/index.js';
import { thrown } from './helpers.js';

const MIN = 60;
const H = 3600;
const D = 86400;

/** 1-minute samples ending at `minutes` minutes, 1000 requests each, errors given per minute index. */
function perMinute(minutes: number, errorsAt: (i: number) => number, totalAt: (i: number) => number = () => 1000): BurnRateSeries {
  const timestamps = new Float64Array(minutes);
  const errors = new Float64Array(minutes);
  const total = new Float64Array(minutes);
  for (let i = 0; i < minutes; i++) {
    timestamps[i] = (i + 1) * MIN;
    total[i] = totalAt(i);
    errors[i] = errorsAt(i);
  }
  return { timestamps, errors, total };
}

const threeDaysPlus = 3 * 24 * 60 + 6 * 60; // minutes: enough history for every sre-workbook window

describe('evaluateBurnRateRules: sre-workbook rules on synthetic traffic', () => {
  it('a steady 0.05% error ratio (burn rate 0.5) fires nothing, with complete coverage', () => {
    const series = perMinute(threeDaysPlus, () => 0.5);
    const r = evaluateBurnRateRules({ rules: 'sre-workbook', objective: 0.999, series });
    expect(r.firing).toBe(false);
    expect(r.severity).toBeNull();
    expect(r.firingRules).toEqual([]);
    expect(r.complete).toBe(true);
    for (const rule of r.rules) {
      expect(rule.long.burnRate).toBeCloseTo(0.5, 12);
      expect(rule.short.burnRate).toBeCloseTo(0.5, 12);
      expect(rule.long.coverage).toBe(1);
    }
    // Budget each rule's long window consumes at 0.5×: 0.5 × window / 30d.
    expect(r.rules[0].budgetConsumed).toBeCloseTo(0.5 / 720, 15);
    expect(r.rules[1].budgetConsumed).toBeCloseTo(0.5 / 120, 15);
    expect(r.rules[2].budgetConsumed).toBeCloseTo(0.05, 15);
    expect(r.summary).toBe('No burn-rate rule fires for the 99.9% SLO (3 rules evaluated).');
  });

  it('a 10-minute total outage pages (all three rules fire)', () => {
    const n = threeDaysPlus;
    const series = perMinute(n, (i) => (i >= n - 10 ? 1000 : 0));
    const r = evaluateBurnRateRules({ rules: 'sre-workbook', objective: 0.999, series });
    expect(r.firingRules).toEqual(['page-1h', 'page-6h', 'ticket-3d']);
    expect(r.severity).toBe('page');
    const [p1, p6, t3] = r.rules;
    // 1h: 10 000 errors / 60 000 requests = 1/6 → 166.7×; 5m: 100% → 1000×.
    expect(p1.long.errors).toBe(10000);
    expect(p1.long.total).toBe(60000);
    expect(p1.long.burnRate).toBeCloseTo(1000 / 6, 10);
    expect(p1.short.burnRate).toBe(1000);
    // 6h: 10 000 / 360 000 → 27.78×; 30m: 1/3 → 333.3×.
    expect(p6.long.burnRate).toBeCloseTo(1000 / 36, 10);
    expect(p6.short.burnRate).toBeCloseTo(1000 / 3, 10);
    // 3d: 10 000 / 4 320 000 → 2.315×; 6h: 27.78×.
    expect(t3.long.burnRate).toBeCloseTo(10000 / 4320, 10);
    // Budget consumed over the long window: 10 000 errors of the 30-day allowance (0.1% × 43.2M) = 23.1%.
    expect(p1.budgetConsumed).toBeCloseTo(10000 / 43200, 12);
    expect(p6.budgetConsumed).toBeCloseTo(10000 / 43200, 12);
    expect(t3.budgetConsumed).toBeCloseTo(10000 / 43200, 12);
    expect(p1.reason).toBe('page-1h fires: burn rate 167× over 1h and 1000× over 5m both exceed 14.4×; at this 1h burn rate 23.1% of the 30d budget is spent every 1h.');
    expect(r.summary).toBe('Page: page-1h, page-6h, ticket-3d fire for the 99.9% SLO.');
  });

  it('the short window resets the page quickly once the outage ends (workbook: reset time)', () => {
    const n = threeDaysPlus;
    // Outage of 10 minutes that ended 6 minutes ago.
    const series = perMinute(n, (i) => (i >= n - 16 && i < n - 6 ? 1000 : 0));
    const r = evaluateBurnRateRules({ rules: 'sre-workbook', objective: 0.999, series });
    const p1 = r.rules[0];
    expect(p1.long.burnRate).toBeCloseTo(1000 / 6, 10);
    expect(p1.short.burnRate).toBe(0);
    expect(p1.firing).toBe(false);
    expect(p1.reason).toContain('burn rate 167× over 1h exceeds 14.4× but 0× over 5m does not');
    // The 6h rule's 30m window still holds the outage.
    expect(r.firingRules).toEqual(['page-6h', 'ticket-3d']);
  });
});

describe('evaluateBurnRateRules: detection time (SRE workbook approach 4)', () => {
  // Workbook: time to fire = (1 − SLO) / error ratio × window × burn-rate threshold.
  // 1h window, 14.4×, 99.9%: 100% errors → 51.84 s; 10% errors → 518.4 s. With 1-second samples the
  // rule first fires at the next whole second: 52 s and 519 s.
  const rule = [{ name: 'page-1h', severity: 'page' as const, longWindow: '1h', shortWindow: '5m', burnRateThreshold: 14.4 }];
  function firstFiring(errorRatio: number): number {
    const start = 2 * H; // outage starts at t = 7200 s, with two hours of clean history
    const n = start + 700;
    const timestamps = new Float64Array(n);
    const total = new Float64Array(n).fill(100);
    const errors = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      timestamps[i] = i + 1;
      errors[i] = i + 1 > start ? 100 * errorRatio : 0;
    }
    const series = { timestamps, errors, total };
    for (let s = 1; s <= 700; s++) {
      if (evaluateBurnRateRules({ rules: rule, objective: 0.999, series, at: start + s }).firing) return s;
    }
    return -1;
  }
  it('fires 52 s into a total outage (51.84 s in the workbook)', () => {
    expect(firstFiring(1)).toBe(52);
  });
  it('fires 519 s into a 10% error ratio (518.4 s in the workbook)', () => {
    expect(firstFiring(0.1)).toBe(519);
  });
});

describe('evaluateBurnRateRules: data problems are results', () => {
  it('a window without traffic has burnRate null with a reason, never NaN', () => {
    const n = 120;
    const series = perMinute(n, (i) => (i < 100 ? 50 : 0), (i) => (i < 100 ? 1000 : 0));
    const r = evaluateBurnRateRules({ rules: 'sre-workbook', objective: 0.999, series });
    const p1 = r.rules[0];
    expect(p1.short.burnRate).toBeNull();
    expect(p1.short.errorRatio).toBeNull();
    expect(p1.short.reason).toBe('no traffic in the 5m window (0 events)');
    expect(p1.long.burnRate).toBeCloseTo(50, 10); // 40 busy minutes at 5%
    expect(p1.firing).toBe(false);
    expect(p1.reason).toBe('page-1h does not fire: no traffic in the 5m window (0 events); at this 1h burn rate 6.94% of the 30d budget is spent every 1h.');
    const json = JSON.stringify(r);
    expect(json).not.toContain('NaN');
    expect(JSON.parse(json)).toEqual(r);
  });

  it('flags windows that reach back before the first sample (incomplete coverage)', () => {
    const series = perMinute(120, (i) => (i >= 90 ? 30 : 0));
    const r = evaluateBurnRateRules({ rules: 'sre-workbook', objective: 0.999, series });
    expect(r.rules[0].long.burnRate).toBeCloseTo(15, 12);
    expect(r.rules[0].short.burnRate).toBeCloseTo(30, 12);
    expect(r.rules[0].long.complete).toBe(true);
    const p6 = r.rules[1];
    expect(p6.long.complete).toBe(false);
    expect(p6.long.coverage).toBeCloseTo(1 / 3, 15);
    expect(p6.long.incompleteReason).toBe("the 6h window reaches back 4h before the first sample's interval: data covers 2h of 6h");
    expect(p6.long.burnRate).toBeCloseTo(7.5, 12);
    expect(r.complete).toBe(false);
    expect(r.firingRules).toEqual(['page-1h', 'page-6h', 'ticket-3d']);
    const strict = evaluateBurnRateRules({ rules: 'sre-workbook', objective: 0.999, series, requireCompleteCoverage: true });
    expect(strict.firingRules).toEqual(['page-1h']);
    expect(strict.rules[1].reason).toContain('requireCompleteCoverage');
  });

  it('flags windows that end after the last sample, and evaluates between samples', () => {
    const series = perMinute(120, () => 1);
    const late = windowBurnRate({ series, window: '1h', objective: 0.999, at: 120 * MIN + 600 });
    expect(late.complete).toBe(false);
    expect(late.coverage).toBeCloseTo(50 / 60, 15);
    expect(late.incompleteReason).toBe('the 1h window ends 10m after the last sample: data covers 50m of 1h');
    expect(late.samples).toBe(50);
    const mid = windowBurnRate({ series, window: '5m', objective: 0.999, at: 100 * MIN + 30 });
    expect(mid.samples).toBe(5); // timestamps 96..100 minutes
    expect(mid.start).toBe(95 * MIN + 30);
  });

  it('an empty series gives no-data windows when `at` is given, and needs `at` otherwise', () => {
    const series = { timestamps: [], errors: [], total: [] };
    const r = evaluateBurnRateRules({ rules: 'sre-workbook', objective: 0.999, series, at: 1000 });
    expect(r.firing).toBe(false);
    expect(r.rules[0].long.burnRate).toBeNull();
    expect(r.rules[0].long.reason).toBe('no samples: the series is empty');
    expect(r.rules[0].long.complete).toBe(false);
    expect(r.rules[0].long.coverage).toBe(0);
    expect(thrown(() => evaluateBurnRateRules({ rules: 'sre-workbook', objective: 0.999, series }))).toEqual({ code: 'INVALID_ARGUMENT', path: 'at' });
  });

  it('minTotal turns thin windows into null burn rates', () => {
    const series = perMinute(60, (i) => (i === 59 ? 1 : 0), () => 2);
    const r = evaluateBurnRateRules({ rules: 'sre-workbook', objective: 0.999, series, minTotal: 100 });
    expect(r.rules[0].short.burnRate).toBeNull();
    expect(r.rules[0].short.reason).toBe('too little traffic in the 5m window: 10 events, fewer than minTotal = 100');
    expect(r.rules[0].short.errorRatio).toBeCloseTo(0.1, 15);
    expect(r.rules[0].firing).toBe(false);
    // The 30m window (60 events) is thin too; 3d and 6h hold 120 events: 1/120 = 8.3× > 1×.
    expect(r.firingRules).toEqual(['ticket-3d']);
    // Without minTotal the 30m window counts: 1/60 = 16.7× and 6h 1/120 = 8.3×, both above 6×.
    expect(evaluateBurnRateRules({ rules: 'sre-workbook', objective: 0.999, series }).firingRules).toEqual(['page-6h', 'ticket-3d']);
  });

  it('uses `step` for coverage, defaulting to the smallest gap', () => {
    const base = { timestamps: [600, 1200], errors: [0, 0], total: [10, 10] };
    expect(windowBurnRate({ series: base, window: '20m', objective: 0.99 }).complete).toBe(true); // covers (0, 1200]
    expect(windowBurnRate({ series: { ...base, step: '5m' }, window: '20m', objective: 0.99 }).complete).toBe(false);
    const one = { timestamps: [600], errors: [0], total: [10] };
    expect(windowBurnRate({ series: one, window: '1m', objective: 0.99 }).complete).toBe(false);
    expect(windowBurnRate({ series: { ...one, step: 60 }, window: '1m', objective: 0.99 }).complete).toBe(true);
  });
});

describe('evaluateBurnRateRules: periods, custom rules, inputs', () => {
  it('budgetConsumed uses the rule period, the period option, or is null', () => {
    const series = perMinute(120, () => 10); // 1% → 10×
    const custom = [{ name: 'c', severity: 'ticket' as const, longWindow: '1h', shortWindow: '5m', burnRateThreshold: 5 }];
    const a = evaluateBurnRateRules({ rules: custom, objective: 0.999, series });
    expect(a.rules[0].budgetConsumed).toBeNull();
    expect(a.rules[0].period).toBeNull();
    expect(a.rules[0].firing).toBe(true);
    expect(a.severity).toBe('ticket');
    const b = evaluateBurnRateRules({ rules: custom, objective: 0.999, series, period: '28d' });
    expect(b.rules[0].budgetConsumed).toBeCloseTo(10 / 672, 15);
    const c = evaluateBurnRateRules({ rules: 'sloth-30d', objective: 0.999, series, period: '28d' });
    expect(c.rules[0].period).toBe(28 * D);
  });

  it('accepts typed and frozen arrays and never mutates its input', () => {
    const timestamps = Object.freeze([60, 120, 180, 240, 300, 360]);
    const errors = Object.freeze([0, 2, 2, 2, 2, 2]);
    const total = Object.freeze([100, 100, 100, 100, 100, 100]);
    const rules = Object.freeze([Object.freeze({ name: 'r', severity: 'page' as const, longWindow: '5m', shortWindow: '1m', burnRateThreshold: 1.5 })]);
    const series = Object.freeze({ timestamps, errors, total });
    const r = evaluateBurnRateRules({ rules, objective: 0.99, series });
    expect(r.rules[0].long.burnRate).toBeCloseTo(2, 14);
    expect(r.firing).toBe(true);
    expect(evaluateBurnRateRules({ rules, objective: 0.99, series: { timestamps: Float64Array.from(timestamps), errors: Uint32Array.from(errors), total: Int32Array.from(total) } })).toEqual(r);
  });

  it('reports invalid series values with their JSON path', () => {
    const ok = { timestamps: [60, 120, 180], errors: [0, 1, 0], total: [10, 10, 10] };
    const evalWith = (series: unknown) => () => evaluateBurnRateRules({ rules: 'sre-workbook', objective: 0.999, series: series as BurnRateSeries });
    expect(thrown(evalWith({ ...ok, timestamps: [60, 120, 120] }))).toEqual({ code: 'INVALID_SERIES', path: 'series.timestamps[2]' });
    expect(thrown(evalWith({ ...ok, timestamps: [60, Number.NaN, 180] }))).toEqual({ code: 'INVALID_SERIES', path: 'series.timestamps[1]' });
    expect(thrown(evalWith({ ...ok, errors: [0, 11, 0] }))).toEqual({ code: 'INVALID_SERIES', path: 'series.errors[1]' });
    expect(thrown(evalWith({ ...ok, errors: [0, -1, 0] }))).toEqual({ code: 'INVALID_SERIES', path: 'series.errors[1]' });
    expect(thrown(evalWith({ ...ok, total: [Infinity, 10, 10] }))).toEqual({ code: 'INVALID_SERIES', path: 'series.total[0]' });
    expect(thrown(evalWith({ ...ok, total: [10, 10] }))).toEqual({ code: 'INVALID_SERIES', path: 'series.total' });
    expect(thrown(evalWith({ ...ok, errors: 'x' }))).toEqual({ code: 'INVALID_SERIES', path: 'series.errors' });
    expect(thrown(evalWith(null))).toEqual({ code: 'INVALID_SERIES', path: 'series' });
    expect(thrown(evalWith({ ...ok, step: '1 minute' }))).toEqual({ code: 'INVALID_DURATION', path: 'series.step' });
    expect(thrown(evalWith({ ...ok, step: 0 }))).toEqual({ code: 'INVALID_DURATION', path: 'series.step' });
    expect(thrown(() => evaluateBurnRateRules({ rules: 'google' as never, objective: 0.999, series: ok }))).toEqual({ code: 'UNKNOWN_PRESET', path: 'rules' });
    expect(thrown(() => evaluateBurnRateRules({ rules: 42 as never, objective: 0.999, series: ok }))).toEqual({ code: 'INVALID_ARGUMENT', path: 'rules' });
    expect(thrown(() => evaluateBurnRateRules({ rules: 'sre-workbook', objective: 99.9, series: ok }))).toEqual({ code: 'INVALID_OBJECTIVE', path: 'objective' });
    expect(thrown(() => evaluateBurnRateRules({ rules: 'sre-workbook', objective: 0.999, series: ok, at: Number.NaN }))).toEqual({ code: 'INVALID_ARGUMENT', path: 'at' });
    expect(thrown(() => evaluateBurnRateRules({ rules: 'sre-workbook', objective: 0.999, series: ok, minTotal: -1 }))).toEqual({ code: 'INVALID_ARGUMENT', path: 'minTotal' });
    expect(thrown(() => evaluateBurnRateRules({ rules: 'sre-workbook', objective: 0.999, series: ok, requireCompleteCoverage: 'yes' as never }))).toEqual({ code: 'INVALID_ARGUMENT', path: 'requireCompleteCoverage' });
    expect(thrown(() => evaluateBurnRateRules({ rules: [{ name: 'a', severity: 'page', longWindow: '5m', shortWindow: '1h', burnRateThreshold: 2 }], objective: 0.999, series: ok }))).toEqual({ code: 'INVALID_RULE', path: 'rules[0].shortWindow' });
  });

  it('reproduces the TSDoc example', () => {
    const n = 120;
    const timestamps = Array.from({ length: n }, (_, i) => (i + 1) * 60);
    const total = timestamps.map(() => 1000);
    const errors = timestamps.map((_, i) => (i >= 90 ? 30 : 0));
    const series = { timestamps, errors, total };
    const result = evaluateBurnRateRules({ rules: 'sre-workbook', objective: 0.999, series });
    expect(result.rules[0].long.burnRate).toBe(15);
    expect(result.rules[0].short.burnRate).toBe(30);
    expect(result.firingRules).toEqual(['page-1h', 'page-6h', 'ticket-3d']);
    expect(result.complete).toBe(false);
    expect(evaluateBurnRateRules({ rules: 'sre-workbook', objective: 0.999, series, requireCompleteCoverage: true }).firingRules).toEqual(['page-1h']);
  });
});
