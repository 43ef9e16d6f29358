import { describe, expect, it } from 'vitest';
import {
  formatAllowed,
  formatClassification,
  formatCount,
  formatEffectValue,
  formatInterval,
  formatPercent,
  formatPValue,
  formatScore,
  formatSignificant,
  isNoVerdict,
  verdictWord,
} from '../../src/report/format.js';
import { cpuNodata, errorsInconclusive, failVerdict, latencyHigh, marginalVerdict, noVerdict, passVerdict, throughputPass } from './fixtures.js';

describe('number formatting', () => {
  it('prints relative changes as signed percentages with the typographic minus', () => {
    expect(formatPercent(0.123)).toBe('+12.3%');
    expect(formatPercent(-0.004)).toBe('−0.40%');
    expect(formatPercent(0)).toBe('0.0%');
    expect(formatPercent(-0.00001)).toBe('0.00%');
    expect(formatPercent(12.5)).toBe('+1250%');
    expect(formatPercent(null)).toBe('—');
    expect(formatPercent(NaN)).toBe('—');
    expect(formatPercent(Infinity)).toBe('—');
  });

  it('prints p-values with four decimals, then in exponent form', () => {
    expect(formatPValue(0.04)).toBe('0.0400');
    expect(formatPValue(0.0001)).toBe('0.0001');
    expect(formatPValue(3.2e-7)).toBe('3.2e-7');
    expect(formatPValue(1)).toBe('1.0000');
    expect(formatPValue(0)).toBe('< 1e-300');
    expect(formatPValue(null)).toBe('—');
  });

  it('prints significant digits, counts and scores without exponent noise', () => {
    expect(formatSignificant(134.4, 4)).toBe('134.4');
    expect(formatSignificant(0.000245, 3)).toBe('0.000245');
    expect(formatSignificant(-2.2, 3)).toBe('−2.2');
    expect(formatSignificant(1e-9, 2)).toBe('1.0e-9');
    expect(formatCount(1234567)).toBe('1,234,567');
    expect(formatCount(999)).toBe('999');
    expect(formatScore(97.456)).toBe('97.46');
    expect(formatScore(100)).toBe('100');
  });

  it('prints each effect kind in its own unit', () => {
    expect(formatEffectValue(0.12, 'hlShift')).toBe('+12.0%');
    expect(formatEffectValue(0.031, 'rateRatio')).toBe('1.03×');
    expect(formatEffectValue(-0.2, 'rateRatio')).toBe('0.8×');
    expect(formatEffectValue(2.5, 'burnRate')).toBe('2.5×');
    expect(formatEffectValue(0.1234, 'cles')).toBe('+0.123');
    expect(formatEffectValue(-0.05, 'cles')).toBe('−0.050');
    expect(formatInterval(latencyHigh.effect)).toBe('+8.0% … +16.0%');
    expect(formatInterval(errorsInconclusive.effect)).toBe('0.8× … 1.45×');
    expect(formatInterval({ kind: 'hlShift', estimate: 0.1, lower: 0.02, upper: null, confidence: 0.95 })).toBe('+2.0% … +∞');
    expect(formatInterval({ kind: 'rateRatio', estimate: 0.1, lower: null, upper: null, confidence: 0.95 })).toBe('—');
    expect(formatInterval(null)).toBe('—');
  });

  it('prints the allowed band and the classification with its flags', () => {
    expect(formatAllowed(latencyHigh)).toBe('≤ +5.0%');
    expect(formatAllowed(throughputPass)).toBe('≥ −5.0%');
    expect(formatAllowed(passVerdict.slis[0])).toBe('−10.0% … +10.0%');
    expect(formatAllowed(errorsInconclusive)).toBe('≤ 1.3×');
    expect(formatClassification(latencyHigh)).toBe('higher (critical)');
    expect(formatClassification(errorsInconclusive)).toBe('pass (inconclusive)');
    expect(formatClassification(cpuNodata)).toBe('no data');
  });
});

describe('isNoVerdict', () => {
  it('is true only when no counted SLI could be judged and the run did not fail', () => {
    expect(isNoVerdict(noVerdict)).toBe(true);
    expect(isNoVerdict(marginalVerdict)).toBe(false); // latency was judged: a real (capped) marginal
    expect(isNoVerdict(passVerdict)).toBe(false);
    expect(isNoVerdict(failVerdict)).toBe(false);
    // a run failed by the no-data rule stays a fail
    expect(isNoVerdict({ verdict: 'fail', slis: [cpuNodata] })).toBe(false);
    // muted SLIs do not count as judged
    expect(isNoVerdict({ verdict: 'pass', slis: [{ ...latencyHigh, muted: true }, cpuNodata] })).toBe(true);
    expect(verdictWord(noVerdict)).toBe('NO VERDICT');
    expect(verdictWord(marginalVerdict)).toBe('MARGINAL');
  });
});
