import type { SliResult, Verdict } from '../judge/types.js';
import {
  DASH,
  EFFECT_LABELS,
  formatAllowed,
  formatClassification,
  formatConfidence,
  formatEffectValue,
  formatInterval,
  formatPValue,
  formatSamples,
  formatScore,
  isNoVerdict,
  limitationText,
  verdictWord,
} from './format.js';

/** Options of {@link renderText}. */
export interface TextReportOptions {
  /** Colour the verdict and classifications with ANSI escape codes (default false: the CLI turns it on for terminals). */
  color?: boolean;
  /** Print each SLI's explanation sentence under the table (default true). */
  details?: boolean;
}

const ANSI = { reset: '\x1b[0m', bold: '\x1b[1m', dim: '\x1b[2m', red: '\x1b[31m', green: '\x1b[32m', yellow: '\x1b[33m', magenta: '\x1b[35m' };

type Paint = (s: string, ...codes: Array<keyof typeof ANSI>) => string;

function classificationColor(s: SliResult): Array<keyof typeof ANSI> {
  if (s.muted) return ['dim'];
  switch (s.classification) {
    case 'pass':
      return s.inconclusive ? ['yellow'] : ['green'];
    case 'high':
    case 'low':
      return s.critical ? ['bold', 'red'] : ['red'];
    case 'error':
      return ['magenta'];
    default:
      return ['yellow'];
  }
}

/** Columns of the SLI table: header, cell text, alignment. */
const COLUMNS: Array<{ header: string; cell: (s: SliResult) => string; right?: boolean }> = [
  { header: 'SLI', cell: (s) => s.name },
  { header: 'result', cell: formatClassification },
  { header: 'effect', cell: (s) => (s.effect ? formatEffectValue(s.effect.estimate, s.effect.kind) : DASH), right: true },
  { header: 'CI', cell: (s) => formatInterval(s.effect) },
  { header: 'allowed', cell: formatAllowed },
  { header: 'p-value', cell: (s) => formatPValue(s.adjustedPValue ?? s.pValue), right: true },
  { header: 'measure', cell: (s) => (s.effect ? `${EFFECT_LABELS[s.effect.kind]}, ${formatConfidence(s.effect.confidence)} CI` : s.test) },
  { header: 'n (baseline / canary)', cell: formatSamples, right: true },
];

/**
 * Renders a {@link Verdict} as plain text for a terminal or a log: the verdict and score, one aligned line per SLI
 * (classification, effect with its confidence interval, allowed change, p-value, measure, points per side), the
 * reasons in order of importance, and each SLI's explanation. Missing numbers print as "—", never NaN.
 *
 * Columns are padded by character count (every symbol used — "−", "…", "≤", "∞" — is one column wide), and the
 * ANSI colour codes are added after padding so coloured output stays aligned. Layout follows the tabular
 * summaries of Kayenta's report and `cargo test`-style headers; written from scratch.
 *
 * @example
 * ```ts
 * const text = renderText(judge(config, data));
 * // FAIL  score 0 / 100  (pass ≥ 95, marginal ≥ 75)
 * //
 * // SLI         result             effect  CI               allowed  p-value  …
 * // latency_ms  higher (critical)  +12.0%  +8.0% … +16.0%   ≤ +5.0%  < 0.0001 …
 * ```
 */
export function renderText(verdict: Verdict, options: TextReportOptions = {}): string {
  const color = options.color === true;
  const details = options.details !== false;
  const paint: Paint = (s, ...codes) => (color && codes.length > 0 ? codes.map((c) => ANSI[c]).join('') + s + ANSI.reset : s);
  const lines: string[] = [];
  const word = verdictWord(verdict);
  const headColor: Array<keyof typeof ANSI> = isNoVerdict(verdict) ? ['bold', 'yellow'] : verdict.verdict === 'pass' ? ['bold', 'green'] : verdict.verdict === 'marginal' ? ['bold', 'yellow'] : ['bold', 'red'];
  lines.push(`${paint(word, ...headColor)}  score ${formatScore(verdict.score)} / 100  (pass ≥ ${formatScore(verdict.thresholds.pass)}, marginal ≥ ${formatScore(verdict.thresholds.marginal)})`);
  const limitation = limitationText(verdict);
  if (limitation) lines.push(paint(limitation, 'yellow'));
  lines.push('');

  const rows = verdict.slis.map((s) => COLUMNS.map((c) => c.cell(s)));
  const widths = COLUMNS.map((c, i) => Math.max(c.header.length, ...rows.map((r) => r[i].length)));
  const pad = (text: string, i: number) => (COLUMNS[i].right ? text.padStart(widths[i]) : text.padEnd(widths[i]));
  const trimEnd = (s: string) => s.replace(/\s+$/, '');
  lines.push(trimEnd(COLUMNS.map((c, i) => paint(pad(c.header, i), 'bold')).join('  ')));
  verdict.slis.forEach((s, k) => {
    const cells = rows[k].map((text, i) => {
      const padded = pad(text, i);
      if (i === 1) return paint(padded, ...classificationColor(s));
      if (s.muted) return paint(padded, 'dim');
      return padded;
    });
    lines.push(trimEnd(cells.join('  ')));
  });

  if (verdict.groups.length > 1) {
    lines.push('');
    lines.push(paint('Groups', 'bold'));
    const gw = Math.max(...verdict.groups.map((g) => g.name.length));
    for (const g of verdict.groups) {
      lines.push(`  ${g.name.padEnd(gw)}  score ${(g.score === null ? DASH : formatScore(g.score)).padStart(5)}  weight ${formatScore(g.weight)}`);
    }
  }

  lines.push('');
  lines.push(paint('Reasons', 'bold'));
  verdict.reasons.forEach((r, i) => lines.push(`  ${i + 1}. ${r}`));

  const warnings = [...new Set(verdict.slis.flatMap((s) => s.warnings))];
  if (warnings.length > 0) {
    lines.push('');
    lines.push(paint('Warnings', 'bold'));
    for (const w of warnings) lines.push(`  - ${w}`);
  }
  if (details) {
    lines.push('');
    lines.push(paint('Details', 'bold'));
    for (const s of verdict.slis) lines.push(`  ${s.name}: ${s.reason}`);
  }
  return lines.join('\n') + '\n';
}
