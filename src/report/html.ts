import type { JudgeData, SliResult, Verdict } from '../judge/types.js';
import {
  CLASSIFICATION_LABELS,
  allowedRange,
  effectKindOf,
  DASH,
  EFFECT_LABELS,
  formatAllowed,
  formatClassification,
  formatConfidence,
  formatCount,
  formatEffectValue,
  formatInterval,
  formatPValue,
  formatSamples,
  formatScore,
  formatSignificant,
  isNoVerdict,
  limitationText,
  verdictWord,
} from './format.js';
import { allowedBand, plotSide } from './plotData.js';
import { CHART_COLORS, ecdfChart, escapeXml, intervalChart, sequenceChart, seriesChart, sortedFinite, type ConfidenceSequencePoint } from './svg.js';

export type { ConfidenceSequencePoint } from './svg.js';

/** Options of {@link renderHtml}. */
export interface HtmlReportOptions {
  /** The judged data: with it the report draws each SLI's distributions (ECDFs) and time series; without, numbers only. */
  data?: JudgeData;
  /** Page title and heading (default "Canary verdict"). */
  title?: string;
  /** A paragraph under the heading (plain text). */
  description?: string;
  /**
   * Confidence sequences of sequential SLIs, by SLI name: the anytime-valid interval of the effect over time (or
   * points seen). An SLI result carrying a `sequence` array of the same shape is drawn too.
   */
  sequences?: Record<string, ConfidenceSequencePoint[]>;
}

/** One report of a page built by {@link renderHtmlPage}. */
export interface HtmlPageEntry extends HtmlReportOptions {
  verdict: Verdict;
}

const CSS = `
:root{color-scheme:light;--pass:${CHART_COLORS.pass};--fail:${CHART_COLORS.fail};--warn:${CHART_COLORS.warn};--ink:#1a202c;--muted:#4a5568;--line:#e2e8f0}
*{box-sizing:border-box}
body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--ink);background:#f7fafc}
main{max-width:1060px;margin:0 auto;padding:24px}
h1{font-size:22px;margin:0 0 4px}h2{font-size:18px;margin:0 0 8px}h3{font-size:15px;margin:0 0 6px}
.report{margin-bottom:40px}
.verdict{border-left:8px solid var(--c);background:#fff;padding:16px 20px;border-radius:6px;box-shadow:0 1px 2px rgba(0,0,0,.08);margin:12px 0 16px}
.verdict .word{font-size:30px;font-weight:700;color:var(--c);letter-spacing:.02em}
.verdict .score{font-size:16px;margin-left:12px}
.pass{--c:var(--pass)}.marginal{--c:var(--warn)}.fail{--c:var(--fail)}.none{--c:var(--muted)}
.note{background:#fffaf0;border:1px solid #f6e05e;padding:8px 12px;border-radius:4px}
table{border-collapse:collapse;background:#fff;width:100%;margin:8px 0}
th,td{border-bottom:1px solid var(--line);padding:5px 8px;text-align:left;vertical-align:top}
th{font-weight:600;background:#edf2f7}
td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.badge{display:inline-block;padding:1px 8px;border-radius:10px;color:#fff;background:var(--c);font-size:12px;font-weight:600;white-space:nowrap}
.sli{background:#fff;border-radius:6px;padding:16px 20px;margin:16px 0;box-shadow:0 1px 2px rgba(0,0,0,.08)}
.sli .reason{font-size:15px}
.charts{display:flex;flex-wrap:wrap;gap:12px}
figure{margin:0;flex:0 1 470px}figure.wide{flex-basis:100%}figcaption{color:var(--muted);font-size:12px;margin-top:2px}
svg.chart{max-width:100%;height:auto;background:#fff;font-family:inherit}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:2px 14px;margin:8px 0}
dl.facts dt{color:var(--muted)}dl.facts dd{margin:0;font-variant-numeric:tabular-nums}
ul.warnings li{color:#975a16}
footer{color:var(--muted);font-size:12px;margin-top:24px}
`;

function classOf(s: SliResult): string {
  if (s.muted) return 'none';
  if (s.classification === 'pass') return s.inconclusive ? 'marginal' : 'pass';
  if (s.classification === 'high' || s.classification === 'low' || s.classification === 'error') return 'fail';
  return 'marginal';
}

function colorOf(s: SliResult): string {
  const c = classOf(s);
  return c === 'pass' ? CHART_COLORS.pass : c === 'fail' ? CHART_COLORS.fail : c === 'marginal' ? CHART_COLORS.warn : CHART_COLORS.axis;
}

const esc = escapeXml;

function slug(text: string): string {
  return text.replace(/[^A-Za-z0-9_-]+/g, '-').slice(0, 60) || 'x';
}

function scoreMeter(v: Verdict): string {
  const w = 300;
  const h = 34;
  const x = (s: number) => 10 + (Math.max(0, Math.min(100, s)) / 100) * (w - 20);
  const cls = isNoVerdict(v) ? CHART_COLORS.axis : v.verdict === 'pass' ? CHART_COLORS.pass : v.verdict === 'marginal' ? CHART_COLORS.warn : CHART_COLORS.fail;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}" role="img" class="meter" aria-label="score ${esc(formatScore(v.score))} of 100">`
    + `<rect x="10" y="8" width="${w - 20}" height="10" rx="5" fill="#edf2f7"/>`
    + `<rect x="10" y="8" width="${Math.max(0, x(v.score) - 10).toFixed(1)}" height="10" rx="5" fill="${cls}"/>`
    + `<line x1="${x(v.thresholds.marginal).toFixed(1)}" x2="${x(v.thresholds.marginal).toFixed(1)}" y1="4" y2="22" stroke="${CHART_COLORS.warn}" stroke-width="2"/>`
    + `<line x1="${x(v.thresholds.pass).toFixed(1)}" x2="${x(v.thresholds.pass).toFixed(1)}" y1="4" y2="22" stroke="${CHART_COLORS.pass}" stroke-width="2"/>`
    + `<text x="${x(v.thresholds.marginal).toFixed(1)}" y="32" font-size="10" text-anchor="middle" fill="${CHART_COLORS.axis}">${esc(formatScore(v.thresholds.marginal))}</text>`
    + `<text x="${x(v.thresholds.pass).toFixed(1)}" y="32" font-size="10" text-anchor="middle" fill="${CHART_COLORS.axis}">${esc(formatScore(v.thresholds.pass))}</text>`
    + '</svg>';
}

function summaryTable(v: Verdict, prefix: string): string {
  const rows = v.slis.map((s) => `<tr><td><a href="#${prefix}-${slug(s.name)}">${esc(s.name)}</a></td>`
    + `<td><span class="badge ${classOf(s)}">${esc(formatClassification(s))}</span></td>`
    + `<td class="num">${esc(s.effect ? formatEffectValue(s.effect.estimate, s.effect.kind) : DASH)}</td>`
    + `<td class="num">${esc(formatInterval(s.effect))}</td>`
    + `<td class="num">${esc(formatAllowed(s))}</td>`
    + `<td class="num">${esc(formatPValue(s.adjustedPValue ?? s.pValue))}</td>`
    + `<td>${esc(s.effect ? `${EFFECT_LABELS[s.effect.kind]}, ${formatConfidence(s.effect.confidence)} CI` : s.test)}</td>`
    + `<td class="num">${esc(formatSamples(s))}</td></tr>`);
  return `<table class="summary"><thead><tr><th>SLI</th><th>Result</th><th>Effect</th><th>CI</th><th>Allowed</th><th>p-value</th><th>Measure</th><th>n (baseline / canary)</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function facts(s: SliResult): string {
  const items: Array<[string, string]> = [];
  items.push(['test', `${s.test}, direction ${s.direction}`]);
  if (s.effect) {
    items.push([`effect (${EFFECT_LABELS[s.effect.kind]})`, formatEffectValue(s.effect.estimate, s.effect.kind)]);
    items.push([`${formatConfidence(s.effect.confidence)} confidence interval`, formatInterval(s.effect)]);
    if (s.effect.note) items.push(['note', s.effect.note]);
  }
  items.push(['allowed change', formatAllowed(s)]);
  if (s.criticalLimit.increase !== null || s.criticalLimit.decrease !== null) {
    const kind = effectKindOf(s);
    const parts = [];
    if (s.criticalLimit.decrease !== null) parts.push(`below ${formatEffectValue(-s.criticalLimit.decrease, kind)}`);
    if (s.criticalLimit.increase !== null) parts.push(`above ${formatEffectValue(s.criticalLimit.increase, kind)}`);
    items.push(['fails the run', parts.join(' or ')]);
  }
  items.push(['p-value', formatPValue(s.pValue)]);
  if (s.adjustedPValue !== null && s.adjustedPValue !== s.pValue) items.push(['adjusted p-value', formatPValue(s.adjustedPValue)]);
  for (const side of ['baseline', 'canary'] as const) {
    const c = s.samples[side];
    const extra = [c.nan > 0 ? `${formatCount(c.nan)} missing values` : '', c.outliersRemoved > 0 ? `${formatCount(c.outliersRemoved)} outliers removed` : ''].filter(Boolean).join(', ');
    items.push([`${side} points`, `${formatCount(c.after)} used of ${formatCount(c.before)}${extra ? ` (${extra})` : ''}`]);
  }
  for (const [k, v] of Object.entries(s.summary)) items.push([k, formatSignificant(v, 4)]);
  for (const [k, v] of Object.entries(s.details)) {
    items.push([k, typeof v === 'number' ? formatSignificant(v, 4) : v === null ? DASH : String(v)]);
  }
  if (s.requiredSamples !== null) items.push(['points per side to decide', formatCount(s.requiredSamples)]);
  items.push(['weight', `${formatSignificant(s.weight, 3)} in ${s.groups.join(', ')}${s.configuredCritical ? ' (critical)' : ''}${s.mustHaveData ? ' (must have data)' : ''}`]);
  return `<dl class="facts">${items.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`).join('')}</dl>`;
}

function median(sorted: Float64Array): number | null {
  if (sorted.length === 0) return null;
  const m = sorted.length >> 1;
  return sorted.length % 2 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
}

function sliSection(s: SliResult, id: string, options: HtmlReportOptions): string {
  const out: string[] = [];
  out.push(`<section class="sli" id="${id}">`);
  out.push(`<h2>${esc(s.name)} <span class="badge ${classOf(s)}">${esc(formatClassification(s))}</span></h2>`);
  out.push(`<p class="reason">${esc(s.reason)}</p>`);
  const figures: string[] = [];
  const kind = effectKindOf(s);
  const range = allowedRange(s);
  const fmt = (v: number) => formatEffectValue(v, kind);
  if (s.effect && (s.effect.estimate !== null || s.effect.lower !== null || s.effect.upper !== null)) {
    const svg = intervalChart({
      id: `${id}-interval`,
      title: `${s.name}: ${EFFECT_LABELS[kind]} with its ${formatConfidence(s.effect.confidence)} confidence interval and the allowed change`,
      estimate: s.effect.estimate,
      lower: s.effect.lower,
      upper: s.effect.upper,
      allowedLower: range.lower,
      allowedUpper: range.upper,
      verdictColor: colorOf(s),
      format: fmt,
    });
    figures.push(`<figure class="wide">${svg}<figcaption>Effect (${esc(EFFECT_LABELS[kind])}) and its ${esc(formatConfidence(s.effect.confidence))} confidence interval against the allowed change (shaded).</figcaption></figure>`);
  }
  const d = options.data?.[s.name];
  const b = d ? plotSide(d.baseline) : null;
  const c = d ? plotSide(d.canary) : null;
  if ((b || c) && !(b?.rates || c?.rates)) {
    const bs = b ? sortedFinite(b.values) : new Float64Array(0);
    const cs = c ? sortedFinite(c.values) : new Float64Array(0);
    const svg = ecdfChart({
      id: `${id}-ecdf`,
      title: `${s.name}: empirical CDFs of baseline and canary`,
      baseline: bs,
      canary: cs,
      band: allowedBand(s, median(bs)),
      unitLabel: s.name,
    });
    if (svg) figures.push(`<figure>${svg}<figcaption>Distributions (empirical CDFs of the raw data, before preprocessing). The shaded band holds the distributions the allowed change permits around the baseline.</figcaption></figure>`);
  }
  if (b || c) {
    const indexed = !(b?.timestamps || c?.timestamps);
    const series = (p: typeof b) => (p ? { t: p.timestamps ?? Float64Array.from({ length: p.values.length }, (_, i) => i), v: p.values } : null);
    const svg = seriesChart({
      id: `${id}-series`,
      title: `${s.name}: baseline and canary over time`,
      baseline: series(b),
      canary: series(c),
      indexed,
      yLabel: b?.rates || c?.rates ? 'event rate' : s.name,
    });
    if (svg) figures.push(`<figure>${svg}<figcaption>${b?.rates || c?.rates ? 'Event rate per interval' : 'Values'} over ${indexed ? 'the point index (the data has no timestamps)' : 'time'}.</figcaption></figure>`);
  }
  // the judge's sequential SLIs carry `sequence` points indexed by look
  const seq = options.sequences?.[s.name] ?? s.sequence?.map((p): ConfidenceSequencePoint => ({ t: p.look, lower: p.lower, upper: p.upper, estimate: p.estimate }));
  if (Array.isArray(seq) && seq.length > 0) {
    const svg = sequenceChart({
      id: `${id}-sequence`,
      title: `${s.name}: confidence sequence of the effect over time`,
      points: seq,
      allowedLower: range.lower,
      allowedUpper: range.upper,
      format: fmt,
      indexed: !seq.some((p) => p.t >= 1e9),
    });
    if (svg) figures.push(`<figure>${svg}<figcaption>Anytime-valid confidence sequence of the effect: valid at every look, so it may be checked continuously.</figcaption></figure>`);
  }
  if (figures.length > 0) out.push(`<div class="charts">${figures.join('')}</div>`);
  out.push(facts(s));
  if (s.warnings.length > 0) out.push(`<ul class="warnings">${s.warnings.map((w) => `<li>${esc(w)}</li>`).join('')}</ul>`);
  out.push('</section>');
  return out.join('\n');
}

function reportSection(entry: HtmlPageEntry, index: number, headingTag: 'h1' | 'h2'): string {
  const v = entry.verdict;
  const prefix = `r${index}`;
  const cls = isNoVerdict(v) ? 'none' : v.verdict;
  const out: string[] = [];
  out.push(`<article class="report" id="${prefix}">`);
  out.push(`<${headingTag}>${esc(entry.title ?? 'Canary verdict')}</${headingTag}>`);
  if (entry.description) out.push(`<p class="description">${esc(entry.description)}</p>`);
  out.push(`<div class="verdict ${cls}"><span class="word">${esc(verdictWord(v))}</span><span class="score">score <b>${esc(formatScore(v.score))}</b> / 100 — pass ≥ ${esc(formatScore(v.thresholds.pass))}, marginal ≥ ${esc(formatScore(v.thresholds.marginal))}</span><div>${scoreMeter(v)}</div></div>`);
  const limitation = limitationText(v);
  if (limitation) out.push(`<p class="note">${esc(limitation)}</p>`);
  out.push(`<h3>Reasons</h3><ol class="reasons">${v.reasons.map((r) => `<li>${esc(r)}</li>`).join('')}</ol>`);
  out.push(summaryTable(v, prefix));
  if (v.groups.length > 1) {
    out.push(`<table class="groups"><thead><tr><th>Group</th><th>Score</th><th>Weight</th><th>SLIs</th><th>Counts</th></tr></thead><tbody>${v.groups.map((g) => `<tr><td>${esc(g.name)}</td><td class="num">${g.score === null ? DASH : esc(formatScore(g.score))}</td><td class="num">${esc(formatScore(g.weight))}</td><td>${esc(g.slis.join(', '))}</td><td>${esc(Object.entries(g.counts).filter(([, n]) => n > 0).map(([k, n]) => `${n} ${CLASSIFICATION_LABELS[k as keyof typeof CLASSIFICATION_LABELS] ?? k}`).join(', '))}</td></tr>`).join('')}</tbody></table>`);
  }
  v.slis.forEach((s) => out.push(sliSection(s, `${prefix}-${slug(s.name)}`, entry)));
  out.push('</article>');
  return out.join('\n');
}

/**
 * Renders several verdicts on one self-contained HTML page (used by `canary-judge demo --format html`): one
 * article per entry, each as {@link renderHtml} draws it.
 *
 * @example
 * ```ts
 * const html = renderHtmlPage([{ verdict: v1, title: 'Scenario A' }, { verdict: v2, title: 'Scenario B' }], { title: 'Demo' });
 * ```
 */
export function renderHtmlPage(entries: HtmlPageEntry[], options: { title?: string; description?: string } = {}): string {
  const title = options.title ?? (entries.length === 1 ? `${entries[0].title ?? 'Canary verdict'}: ${verdictWord(entries[0].verdict)}` : 'Canary verdicts');
  const body: string[] = [];
  if (entries.length > 1 || options.description) {
    body.push(`<h1>${esc(options.title ?? 'Canary verdicts')}</h1>`);
    if (options.description) body.push(`<p>${esc(options.description)}</p>`);
  }
  entries.forEach((e, i) => body.push(reportSection(e, i, entries.length > 1 || options.description ? 'h2' : 'h1')));
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>${CSS}</style>
</head>
<body>
<main>
${body.join('\n')}
<footer>Generated by canary-judge. Self-contained: no scripts, fonts or images are loaded from anywhere.</footer>
</main>
</body>
</html>
`;
}

/**
 * Renders a {@link Verdict} as one self-contained HTML file — inline CSS and inline SVG, no scripts, no external
 * fonts or images — with the verdict, the score against its thresholds, the reasons, a summary table and, per SLI,
 * its explanation, every number behind it and charts: the effect and its confidence interval against the allowed
 * change; with `options.data`, the baseline and canary distributions (empirical CDFs overlaid, with the allowed
 * band) and both time series; for sequential SLIs (`options.sequences`), the confidence sequence over time.
 * Without data it shows the numbers only. Large samples are thinned (ECDFs to 400 steps, series to 600 min–max
 * points per side), so the file stays small for millions of points.
 *
 * @example
 * ```ts
 * import { writeFileSync } from 'node:fs';
 * writeFileSync('report.html', renderHtml(judge(config, data), { data, title: 'checkout v2.3 canary' }));
 * ```
 */
export function renderHtml(verdict: Verdict, options: HtmlReportOptions = {}): string {
  return renderHtmlPage([{ ...options, verdict }], {});
}
