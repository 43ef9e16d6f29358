import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CanaryJudgeError } from '../../src/errors.js';
import {
  budgetConsumed,
  budgetRemaining,
  burnRate,
  burnRateThreshold,
  describeTimeToExhaustion,
  errorBudget,
  evaluateBurnRateRules,
  formatDuration,
  parseDuration,
  projectedBurnRate,
  timeToExhaustion,
  windowBurnRate,
} from '../../src/slo/index.js';

const objective = fc.double({ min: 0.5, max: 0.99999, noNaN: true });
const ratio = fc.double({ min: 0, max: 1, noNaN: true });
const seconds = fc.integer({ min: 1, max: 400 * 86400 });
const anyNumber = fc.oneof(fc.double(), fc.integer(), fc.constantFrom(0, -0, 1, -1, 0.5, 1e-320, 1e308, -1e308));

function close(a: number, b: number, rel = 1e-12): boolean {
  return Math.abs(a - b) <= rel * Math.max(Math.abs(a), Math.abs(b), 1e-300);
}

/** Call f; it must return a JSON-safe value (finite numbers or null) or throw a CanaryJudgeError. */
function safe(f: () => unknown): void {
  let out: unknown;
  try {
    out = f();
  } catch (e) {
    expect(e).toBeInstanceOf(CanaryJudgeError);
    return;
  }
  const json = JSON.stringify(out);
  expect(json).not.toMatch(/NaN|Infinity/);
  if (typeof out === 'number') expect(Number.isFinite(out)).toBe(true);
}

describe('slo properties (fast-check)', () => {
  it('burnRate is monotone in the error ratio', () => {
    fc.assert(
      fc.property(ratio, ratio, objective, (a, b, o) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(burnRate(lo, o)).toBeLessThanOrEqual(burnRate(hi, o));
      }),
    );
  });

  it('burnRate × errorBudget = errorRatio', () => {
    fc.assert(fc.property(ratio, objective, (r, o) => close(burnRate(r, o) * errorBudget(o), r, 1e-12) || r < 1e-300));
  });

  it('budgetConsumed · period / window = burnRate', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e6, noNaN: true }), seconds, seconds, (rate, window, period) => {
        const consumed = budgetConsumed({ burnRate: rate, window, period });
        return close((consumed * period) / window, rate, 1e-12);
      }),
    );
  });

  it('burnRateThreshold round-trips through budgetConsumed', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-6, max: 10, noNaN: true }), seconds, seconds, (fraction, window, period) => {
        const k = burnRateThreshold({ budgetFraction: fraction, window, period });
        return close(budgetConsumed({ burnRate: k, window, period }), fraction, 1e-12);
      }),
    );
  });

  it('timeToExhaustion × burnRate = remaining × period', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-3, max: 1e6, noNaN: true }), seconds, fc.double({ min: 1e-3, max: 1, noNaN: true }), (rate, period, remaining) => {
        const t = timeToExhaustion({ burnRate: rate, period, remaining });
        return t !== null && close(t * rate, remaining * period, 1e-12);
      }),
    );
  });

  it('formatDuration and parseDuration round-trip whole milliseconds', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 289 * 365 * 86400 * 1000 }), (ms) => {
        const s = ms / 1000;
        expect(parseDuration(formatDuration(s))).toBe(s);
      }),
    );
  });

  it('parseDuration accepts exactly the Prometheus grammar', () => {
    const unit = fc.constantFrom('y', 'w', 'd', 'h', 'm', 's', 'ms');
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat({ max: 20 }), unit), { minLength: 1, maxLength: 4 }), (parts) => {
        const order = ['y', 'w', 'd', 'h', 'm', 's', 'ms'];
        const text = parts.map(([n, u]) => `${n}${u}`).join('');
        const ordered = parts.every(([, u], i) => i === 0 || order.indexOf(u) > order.indexOf(parts[i - 1][1]));
        if (ordered) {
          const ms = { y: 31536e6, w: 6048e5, d: 864e5, h: 36e5, m: 6e4, s: 1e3, ms: 1 } as Record<string, number>;
          expect(parseDuration(text)).toBe(parts.reduce((acc, [n, u]) => acc + n * ms[u], 0) / 1000);
        } else {
          expect(() => parseDuration(text)).toThrow(CanaryJudgeError);
        }
      }),
    );
  });

  it('never throws anything but CanaryJudgeError, never returns NaN or Infinity, on any numeric input', () => {
    fc.assert(
      fc.property(anyNumber, anyNumber, anyNumber, (a, b, c) => {
        safe(() => errorBudget(a));
        safe(() => burnRate(a, b));
        safe(() => budgetConsumed({ burnRate: a, window: b, period: c }));
        safe(() => burnRateThreshold({ budgetFraction: a, window: b, period: c }));
        safe(() => timeToExhaustion({ burnRate: a, period: b, remaining: c }));
        safe(() => budgetRemaining({ errors: a, total: b, objective: c }));
        safe(() => projectedBurnRate({ canaryErrorRatio: a, objective: b, period: c }));
        safe(() => parseDuration(a));
        safe(() => formatDuration(a));
        safe(() => describeTimeToExhaustion(a));
      }),
      { numRuns: 300 },
    );
  });

  it('evaluateBurnRateRules throws only CanaryJudgeError on arbitrary numeric series', () => {
    // Same-length arrays (so validation reaches the values), with a sorted variant half of the time.
    const columns = fc.integer({ min: 0, max: 6 }).chain((n) => {
      const col = fc.array(anyNumber, { minLength: n, maxLength: n });
      return fc.tuple(col, col, col, fc.boolean());
    });
    fc.assert(
      fc.property(columns, anyNumber, anyNumber, ([ts, errors, total, sort], at, o) => {
        const timestamps = sort ? [...new Set(ts)].sort((x, y) => x - y).concat(ts).slice(0, ts.length) : ts;
        safe(() => evaluateBurnRateRules({ rules: 'sre-workbook', objective: o, series: { timestamps, errors, total }, at }));
        safe(() => evaluateBurnRateRules({ rules: 'pyrra-28d', objective: 0.99, series: { timestamps, errors, total } }));
      }),
      { numRuns: 300 },
    );
  });

  // Random per-minute series: timestamps strictly increasing, 0 ≤ errors ≤ total.
  const seriesArb = fc
    .array(fc.tuple(fc.integer({ min: 1, max: 5 }), fc.nat({ max: 1000 }), fc.double({ min: 0, max: 1, noNaN: true })), { minLength: 0, maxLength: 300 })
    .map((rows) => {
      let t = 1_700_000_000;
      const timestamps: number[] = [];
      const errors: number[] = [];
      const total: number[] = [];
      for (const [gap, n, r] of rows) {
        t += gap * 60;
        timestamps.push(t);
        total.push(n);
        errors.push(Math.floor(n * r * r * r));
      }
      return { timestamps, errors, total };
    });

  it('evaluateBurnRateRules: AND within a rule, OR across rules, no NaN, no input mutation', () => {
    fc.assert(
      fc.property(seriesArb, fc.constantFrom('sre-workbook', 'sloth-30d', 'sloth-28d', 'pyrra-28d') as fc.Arbitrary<'sre-workbook'>, objective, fc.boolean(), (series, preset, o, strict) => {
        const before = JSON.stringify(series);
        const at = series.timestamps.length > 0 ? series.timestamps[series.timestamps.length - 1] : 1_700_000_000;
        const r = evaluateBurnRateRules({ rules: preset, objective: o, series, at, requireCompleteCoverage: strict });
        expect(JSON.stringify(series)).toBe(before);
        const json = JSON.stringify(r);
        expect(json).not.toMatch(/NaN|Infinity/);
        for (const rule of r.rules) {
          const k = rule.burnRateThreshold;
          const both = rule.long.burnRate !== null && rule.long.burnRate > k && rule.short.burnRate !== null && rule.short.burnRate > k;
          const covered = rule.long.complete && rule.short.complete;
          expect(rule.firing).toBe(both && (covered || !strict));
          for (const w of [rule.long, rule.short]) {
            expect(w.burnRate === null).toBe(w.reason !== null);
            expect(w.complete).toBe(w.incompleteReason === null);
            expect(w.coverage).toBeGreaterThanOrEqual(0);
            expect(w.coverage).toBeLessThanOrEqual(1);
          }
        }
        expect(r.firing).toBe(r.rules.some((x) => x.firing));
        expect(r.firingRules).toEqual(r.rules.filter((x) => x.firing).map((x) => x.name));
      }),
      { numRuns: 60 },
    );
  });

  it('windowBurnRate matches a naive sum over (at − window, at]', () => {
    fc.assert(
      fc.property(seriesArb, fc.integer({ min: 1, max: 600 }), fc.integer({ min: -100, max: 100 }), objective, (series, minutes, shift, o) => {
        if (series.timestamps.length === 0) return;
        const at = series.timestamps[series.timestamps.length - 1] + shift * 60;
        const w = windowBurnRate({ series, window: minutes * 60, objective: o, at });
        let e = 0;
        let n = 0;
        series.timestamps.forEach((t, i) => {
          if (t > at - minutes * 60 && t <= at) {
            e += series.errors[i];
            n += series.total[i];
          }
        });
        expect(w.errors).toBe(e);
        expect(w.total).toBe(n);
        if (n > 0) expect(w.burnRate).toBeCloseTo(e / n / errorBudget(o), 6);
        else expect(w.burnRate).toBeNull();
      }),
      { numRuns: 100 },
    );
  });
});
