import type { SliResult, Verdict } from '../judge/types.js';
import {
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
  DASH,
} from './format.js';

/** Options of {@link renderMarkdown}. */
export interface MarkdownReportOptions {
  /** Heading text (default "Canary verdict"). */
  title?: string;
  /** Heading level 1–6 (default 3, which fits a GitHub Actions job summary or a PR comment). */
  headingLevel?: number;
  /** Put each SLI's explanation in a collapsed `<details>` block (default true). */
  details?: boolean;
}

/** Escapes text for a GitHub-flavoured Markdown table cell or paragraph (pipes, emphasis, links, HTML). */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>|#~]/g, (c) => `\\${c}`).replace(/\r?\n/g, ' ');
}

const ICON: Record<string, string> = { pass: '✅', marginal: '⚠️', fail: '❌', none: '❔' };

function classificationIcon(s: SliResult): string {
  if (s.muted) return '🔇';
  switch (s.classification) {
    case 'pass':
      return s.inconclusive ? '🟡' : '🟢';
    case 'high':
    case 'low':
      return '🔴';
    case 'error':
      return '⛔';
    default:
      return '⚪';
  }
}

/**
 * Renders a {@link Verdict} as GitHub-flavoured Markdown: a heading with the verdict and score, a table with one
 * row per SLI (result, effect, confidence interval, allowed change, p-value, measure, points per side), the reasons
 * as a numbered list and, collapsed, each SLI's explanation. Suited to `$GITHUB_STEP_SUMMARY` (GitHub Actions job
 * summaries) or a pull-request comment. Names and sentences are escaped so they cannot break the table.
 *
 * @example
 * ```ts
 * const md = renderMarkdown(judge(config, data));
 * // ### ❌ Canary verdict: FAIL — score 0 / 100
 * // | | SLI | Result | Effect | CI | Allowed | p-value | Measure | n (baseline / canary) |
 * ```
 */
export function renderMarkdown(verdict: Verdict, options: MarkdownReportOptions = {}): string {
  const level = Math.min(6, Math.max(1, Math.round(options.headingLevel ?? 3)));
  const h = '#'.repeat(level);
  const title = escapeMarkdown(options.title ?? 'Canary verdict');
  const icon = isNoVerdict(verdict) ? ICON.none : ICON[verdict.verdict];
  const out: string[] = [];
  out.push(`${h} ${icon} ${title}: **${verdictWord(verdict)}** — score ${formatScore(verdict.score)} / 100`);
  out.push('');
  out.push(`Thresholds: pass ≥ ${formatScore(verdict.thresholds.pass)}, marginal ≥ ${formatScore(verdict.thresholds.marginal)}.`);
  const limitation = limitationText(verdict);
  if (limitation) {
    out.push('');
    out.push(`> **Note:** ${escapeMarkdown(limitation)}`);
  }
  out.push('');
  out.push('| | SLI | Result | Effect | CI | Allowed | p-value | Measure | n (baseline / canary) |');
  out.push('|---|---|---|---:|---|---|---:|---|---:|');
  for (const s of verdict.slis) {
    const cells = [
      classificationIcon(s),
      s.critical || s.configuredCritical ? `**${escapeMarkdown(s.name)}**` : escapeMarkdown(s.name),
      escapeMarkdown(formatClassification(s)),
      s.effect ? formatEffectValue(s.effect.estimate, s.effect.kind) : DASH,
      formatInterval(s.effect),
      formatAllowed(s),
      formatPValue(s.adjustedPValue ?? s.pValue),
      s.effect ? `${EFFECT_LABELS[s.effect.kind]}, ${formatConfidence(s.effect.confidence)}` : escapeMarkdown(s.test),
      formatSamples(s),
    ];
    out.push(`| ${cells.join(' | ')} |`);
  }
  out.push('');
  out.push('**Reasons**');
  out.push('');
  verdict.reasons.forEach((r, i) => out.push(`${i + 1}. ${escapeMarkdown(r)}`));
  if (verdict.groups.length > 1) {
    out.push('');
    out.push('| Group | Score | Weight | SLIs |');
    out.push('|---|---:|---:|---|');
    for (const g of verdict.groups) {
      out.push(`| ${escapeMarkdown(g.name)} | ${g.score === null ? DASH : formatScore(g.score)} | ${formatScore(g.weight)} | ${g.slis.map(escapeMarkdown).join(', ')} |`);
    }
  }
  if (options.details !== false) {
    out.push('');
    out.push('<details><summary>Details per SLI</summary>');
    out.push('');
    for (const s of verdict.slis) {
      out.push(`- **${escapeMarkdown(s.name)}**: ${escapeMarkdown(s.reason)}`);
      for (const w of s.warnings) out.push(`  - ⚠️ ${escapeMarkdown(w)}`);
    }
    out.push('');
    out.push('</details>');
  }
  return out.join('\n') + '\n';
}
