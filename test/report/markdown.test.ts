import { describe, expect, it } from 'vitest';
import { escapeMarkdown, renderMarkdown } from '../../src/report/markdown.js';
import { failVerdict, noVerdict, passVerdict } from './fixtures.js';

describe('renderMarkdown', () => {
  it('renders a heading, a table with one row per SLI, and the reasons', () => {
    const md = renderMarkdown(failVerdict);
    const lines = md.split('\n');
    expect(lines[0]).toBe('### ❌ Canary verdict: **FAIL** — score 0 / 100');
    expect(lines).toContain('| | SLI | Result | Effect | CI | Allowed | p-value | Measure | n (baseline / canary) |');
    expect(lines).toContain('| 🔴 | **latency\\_ms** | higher (critical) | +12.0% | +8.0% … +16.0% | ≤ +5.0% | 3.2e-7 | HL shift, 95% | 1,200 / 1,180 |');
    expect(lines).toContain('| 🟡 | error\\_rate | pass (inconclusive) | 1.03× | 0.8× … 1.45× | ≤ 1.3× | 0.4100 | rate ratio, 95% | 10,000 / 10,000 |');
    // the pipe in "cpu|%" is escaped so the row keeps its 9 cells
    expect(lines).toContain('| ⚪ | cpu\\|% | no data | — | — | ≤ +10.0% | — | mannWhitney | 60 / 0 |');
    expect(lines).toContain('1. latency\\_ms is 12.0% higher in the canary (95% CI +8.0%…+16.0%); allowed: +5%. This SLI is critical, so the run fails.');
    expect(md).toContain('| latency | 0 | 0.5 | latency\\_ms |');
    expect(md).toContain('<details><summary>Details per SLI</summary>');
    expect(md).toContain('  - ⚠️ error\\_rate: inconclusive — more data is needed to rule out a +30% change.');
  });

  it('keeps every table row at the header cell count', () => {
    for (const v of [failVerdict, passVerdict, noVerdict]) {
      const rows = renderMarkdown(v).split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| Group') && l.split(/(?<!\\)\|/).length - 2 >= 8);
      for (const r of rows) expect(r.split(/(?<!\\)\|/).length - 2).toBe(9);
    }
  });

  it('takes a title and heading level, and marks a verdict without evidence', () => {
    const md = renderMarkdown(noVerdict, { title: 'checkout <v2>', headingLevel: 2, details: false });
    expect(md.split('\n')[0]).toBe('## ❔ checkout \\<v2\\>: **NO VERDICT** — score 0 / 100');
    expect(md).toContain('> **Note:** No SLI could be judged (too little data): the verdict "marginal" is a placeholder, not evidence.');
    expect(md).not.toContain('<details>');
  });

  it('escapes Markdown and HTML so names cannot break the table', () => {
    expect(escapeMarkdown('a|b *c* _d_ <script> [x](y)')).toBe('a\\|b \\*c\\* \\_d\\_ \\<script\\> \\[x\\](y)');
    expect(escapeMarkdown('two\nlines')).toBe('two lines');
  });

  it('never prints NaN or undefined', () => {
    for (const v of [failVerdict, passVerdict, noVerdict]) expect(renderMarkdown(v)).not.toMatch(/NaN|undefined|Infinity/);
  });
});
