import { describe, expect, it } from 'vitest';
import { renderText } from '../../src/report/text.js';
import { failVerdict, marginalVerdict, noVerdict, passVerdict } from './fixtures.js';

const stripAnsi = (s: string) => s.replace(/\x1b\[[0-9;]*m/g, '');

describe('renderText', () => {
  it('prints the verdict, the score and one aligned line per SLI', () => {
    expect(renderText(failVerdict, { details: false })).toBe([
      'FAIL  score 0 / 100  (pass ≥ 95, marginal ≥ 75)',
      'Some SLIs had no data or too little data: the verdict rests on part of the evidence.',
      '',
      'SLI         result               effect  CI              allowed   p-value  measure             n (baseline / canary)',
      'latency_ms  higher (critical)    +12.0%  +8.0% … +16.0%  ≤ +5.0%    3.2e-7  HL shift, 95% CI            1,200 / 1,180',
      'error_rate  pass (inconclusive)   1.03×  0.8× … 1.45×    ≤ 1.3×     0.4100  rate ratio, 95% CI        10,000 / 10,000',
      'cpu|%       no data                   —  —               ≤ +10.0%        —  mannWhitney                        60 / 0',
      '',
      'Groups',
      '  latency  score     0  weight 0.5',
      '  errors   score   100  weight 0.5',
      '  system   score     —  weight 0',
      '',
      'Reasons',
      '  1. latency_ms is 12.0% higher in the canary (95% CI +8.0%…+16.0%); allowed: +5%. This SLI is critical, so the run fails.',
      '  2. cpu|% has no canary data. It is not counted in the score.',
      '  3. error_rate shows no significant change (+3.1%, 95% CI −20%…+45%), but the interval still contains changes larger than allowed (+30%).',
      '',
      'Warnings',
      '  - error_rate: inconclusive — more data is needed to rule out a +30% change.',
      '',
    ].join('\n'));
  });

  it('aligns columns: every table line has its cells at the header offsets', () => {
    const lines = renderText(passVerdict, { details: false }).split('\n');
    const header = lines[2];
    expect(header.startsWith('SLI')).toBe(true);
    // right-aligned numeric columns end where their header ends
    const effectEnd = header.indexOf('effect') + 'effect'.length;
    const pEnd = header.indexOf('p-value') + 'p-value'.length;
    for (const row of lines.slice(3, 5)) {
      expect(row[effectEnd - 1]).toMatch(/[%×—]/);
      expect(row[effectEnd]).toBe(' ');
      expect(row.slice(0, pEnd).trimEnd().length).toBe(pEnd);
    }
    expect(lines[3]).toContain('−0.40%');
    expect(lines[3]).toContain('0.6123');
    expect(lines[4]).toContain('+0.40% … +3.8%');
    expect(lines[4]).toContain('90% CI');
  });

  it('names a verdict that rests on no evidence and a limited one', () => {
    expect(renderText(noVerdict).split('\n')[0]).toBe('NO VERDICT  score 0 / 100  (pass ≥ 95, marginal ≥ 75)');
    expect(renderText(noVerdict)).toContain('No SLI could be judged (too little data)');
    expect(renderText(marginalVerdict).split('\n').slice(0, 2)).toEqual([
      'MARGINAL  score 100 / 100  (pass ≥ 95, marginal ≥ 75)',
      'The verdict was limited by too little data.',
    ]);
  });

  it('adds each SLI explanation under Details by default', () => {
    const text = renderText(passVerdict);
    expect(text).toContain('Details\n  latency_ms: latency_ms changed by −0.40% (95% CI −2.1%…+1.3%), within the allowed ±10%.');
  });

  it('colours with ANSI codes only when asked, without changing the layout', () => {
    const plain = renderText(failVerdict);
    const coloured = renderText(failVerdict, { color: true });
    expect(plain).not.toContain('\x1b[');
    expect(coloured.startsWith('\x1b[1m\x1b[31mFAIL\x1b[0m')).toBe(true);
    expect(coloured).toContain('\x1b[1m\x1b[31mhigher (critical)  \x1b[0m');
    expect(stripAnsi(coloured)).toBe(plain);
  });

  it('never prints NaN or undefined, even for a verdict full of nulls', () => {
    const empty = {
      ...noVerdict,
      slis: [{ ...noVerdict.slis[0], effect: { kind: 'meanRatio' as const, estimate: null, lower: null, upper: null, confidence: 0.95, note: 'a mean is not finite' }, summary: { baselineMean: null } }],
    };
    for (const v of [failVerdict, passVerdict, marginalVerdict, noVerdict, empty]) {
      const t = renderText(v);
      expect(t).not.toMatch(/NaN|undefined|Infinity|null/);
    }
  });
});
