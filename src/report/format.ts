/**
 * Number and label formatting shared by every report: locale-independent, never "NaN" or "undefined"
 * (a missing number prints as an em dash), relative changes as signed percentages.
 * @module
 */
import type { Classification, EffectEstimate, EffectKind, SliResult, Verdict } from '../judge/types.js';

/** The minus sign used in reports (U+2212, the typographic minus: it lines up with "+"). */
export const MINUS = '−';
/** What a missing number prints as. */
export const DASH = '—';

const finite = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v);

/**
 * Rounds to `digits` significant digits without exponent notation for ordinary magnitudes; a missing or
 * non-finite number gives "—".
 */
export function formatSignificant(v: number | null | undefined, digits = 3): string {
  if (!finite(v)) return DASH;
  if (v === 0) return '0';
  const abs = Math.abs(v);
  if (abs >= 1e15 || abs < 1e-6) return (v < 0 ? MINUS : '') + abs.toExponential(digits - 1);
  const decimals = Math.max(0, Math.min(8, digits - 1 - Math.floor(Math.log10(abs))));
  let s = abs.toFixed(decimals);
  if (s.includes('.')) s = s.replace(/\.?0+$/, '');
  return (v < 0 && s !== '0' ? MINUS : '') + s;
}

/**
 * A relative change as a signed percentage with one decimal (two below 1 %, none from 1000 %): 0.123 → "+12.3%",
 * −0.004 → "−0.40%", 0 → "0.0%"; null → "—".
 */
export function formatPercent(v: number | null | undefined): string {
  if (!finite(v)) return DASH;
  const p = v * 100;
  const abs = Math.abs(p);
  const decimals = abs >= 1000 ? 0 : abs >= 1 || abs === 0 ? 1 : 2;
  const s = abs.toFixed(decimals);
  if (Number(s) === 0) return (0).toFixed(decimals) + '%';
  return `${p > 0 ? '+' : MINUS}${s}%`;
}

/**
 * An effect value in the unit of its kind: a percentage, except the CLES difference (P − ½, signed, 3 decimals)
 * the burn rate (a multiple of the error budget's sustainable rate, "2.5×") and the rate ratio, shown as the ratio
 * itself as the judge's sentences do (+17 % → "1.17×").
 */
export function formatEffectValue(v: number | null | undefined, kind: EffectKind): string {
  if (!finite(v)) return DASH;
  if (kind === 'burnRate') return `${formatSignificant(v, Math.abs(v) >= 10 ? 3 : 2)}×`;
  if (kind === 'rateRatio') return `${formatSignificant(1 + v, 1 + v >= 10 ? 4 : 3)}×`;
  if (kind === 'cles') {
    const s = Math.abs(v).toFixed(3);
    if (Number(s) === 0) return '0.000';
    return `${v > 0 ? '+' : MINUS}${s}`;
  }
  return formatPercent(v);
}

/**
 * A p-value: four decimals down to 0.0001, then two significant digits in exponent form ("3.2e-7");
 * exactly 0 (underflow) prints "< 1e-300"; null → "—".
 */
export function formatPValue(p: number | null | undefined): string {
  if (!finite(p)) return DASH;
  if (p === 0) return '< 1e-300';
  if (p >= 0.0001) return p.toFixed(4);
  return p.toExponential(1);
}

/** A confidence level as a percentage: 0.95 → "95%", 0.975 → "97.5%". */
export function formatConfidence(c: number): string {
  return `${formatSignificant(c * 100, 4)}%`;
}

/** An integer count with thousands separators: 12345 → "12,345". */
export function formatCount(v: number | null | undefined): string {
  if (!finite(v)) return DASH;
  return Math.round(v).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** The interval of an effect, "+8.0% … +16.0%", with open ends as "−∞"/"+∞"; "—" without an interval. */
export function formatInterval(e: EffectEstimate | null): string {
  if (!e || (e.lower === null && e.upper === null)) return DASH;
  const ratio = e.kind === 'burnRate' || e.kind === 'rateRatio';
  const lo = e.lower === null ? (ratio ? '0×' : `${MINUS}∞`) : formatEffectValue(e.lower, e.kind);
  const hi = e.upper === null ? (ratio ? '∞' : '+∞') : formatEffectValue(e.upper, e.kind);
  return `${lo} … ${hi}`;
}

/** Short names of the effect kinds, for column headers and legends. */
export const EFFECT_LABELS: Readonly<Record<EffectKind, string>> = Object.freeze({
  hlShift: 'HL shift',
  meanRatio: 'mean ratio',
  medianRatio: 'median ratio',
  quantileRatio: 'quantile ratio',
  cles: 'CLES − ½',
  rateRatio: 'rate ratio',
  burnRate: 'burn rate',
});

/** The effect kind an SLI is judged on (from its effect, or its test when it has none). */
export function effectKindOf(s: SliResult): EffectKind {
  if (s.effect) return s.effect.kind;
  return s.test === 'rate' ? 'rateRatio' : s.test === 'burnRate' ? 'burnRate' : 'hlShift';
}

/**
 * The allowed range of an SLI's effect, on the effect's own scale: `[−allowedDecrease, +allowedIncrease]` for
 * relative effects (null ends are unbounded); for burn rates `[null, maxBurnRate]`.
 */
export function allowedRange(s: SliResult): { lower: number | null; upper: number | null } {
  if (effectKindOf(s) === 'burnRate') {
    const max = s.details.maxBurnRate;
    return { lower: null, upper: typeof max === 'number' && Number.isFinite(max) ? max : null };
  }
  return { lower: s.allowed.decrease === null ? null : -s.allowed.decrease, upper: s.allowed.increase };
}

/** The allowed band of an SLI, e.g. "≤ +10.0%", "≥ −5.0%", "−5.0% … +10.0%", "≤ 1×"; "—" when nothing is allowed either way. */
export function formatAllowed(s: SliResult): string {
  const kind = effectKindOf(s);
  const { lower, upper } = allowedRange(s);
  if (lower !== null && upper !== null) return `${formatEffectValue(lower, kind)} … ${formatEffectValue(upper, kind)}`;
  if (upper !== null) return `≤ ${formatEffectValue(upper, kind)}`;
  if (lower !== null) return `≥ ${formatEffectValue(lower, kind)}`;
  return DASH;
}

/** Plain-language label of a classification as printed in reports ("higher", "no data" …). */
export const CLASSIFICATION_LABELS: Readonly<Record<Classification, string>> = Object.freeze({
  pass: 'pass',
  high: 'higher',
  low: 'lower',
  nodata: 'no data',
  insufficient: 'too little data',
  error: 'error',
});

/** The classification of an SLI with its flags: "higher, critical", "pass (inconclusive)", "pass (muted)". */
export function formatClassification(s: SliResult): string {
  let label = CLASSIFICATION_LABELS[s.classification] ?? String(s.classification);
  const flags: string[] = [];
  if (s.critical) flags.push('critical');
  if (s.inconclusive) flags.push('inconclusive');
  if (s.muted) flags.push('muted');
  if (flags.length > 0) label += ` (${flags.join(', ')})`;
  return label;
}

/** Samples per side after preprocessing, "1,200 / 1,180" (requests for rate SLIs). */
export function formatSamples(s: SliResult): string {
  return `${formatCount(s.samples.baseline.after)} / ${formatCount(s.samples.canary.after)}`;
}

/** The score with at most two decimals: 97.5 → "97.5", 100 → "100". */
export function formatScore(score: number): string {
  return finite(score) ? String(Math.round(score * 100) / 100) : DASH;
}

/**
 * Whether a verdict is a real decision or a placeholder because no SLI could be judged: true when the verdict
 * is not `fail` and no counted (non-muted) SLI was classified pass, high or low — every one had no data, too
 * little data or an error. The CLI exits with code 3 for such verdicts.
 *
 * @example
 * ```ts
 * isNoVerdict({ verdict: 'marginal', slis: [{ muted: false, classification: 'insufficient' }] } as Verdict); // true
 * ```
 */
export function isNoVerdict(v: Pick<Verdict, 'verdict' | 'slis'>): boolean {
  if (v.verdict === 'fail') return false;
  return !v.slis.some((s) => !s.muted && (s.classification === 'pass' || s.classification === 'high' || s.classification === 'low'));
}

/** The headline word of a verdict ("PASS", "MARGINAL", "FAIL", or "NO VERDICT" when nothing could be judged). */
export function verdictWord(v: Pick<Verdict, 'verdict' | 'slis'>): string {
  return isNoVerdict(v) ? 'NO VERDICT' : v.verdict.toUpperCase();
}

/** The sentence under the headline about completeness, or '' when the verdict rests on all the evidence. */
export function limitationText(v: Verdict): string {
  if (isNoVerdict(v)) return `No SLI could be judged (${limitedWord(v.limitedBy ?? 'nodata')}): the verdict "${v.verdict}" is a placeholder, not evidence.`;
  if (v.limitedBy !== null) return `The verdict was limited by ${limitedWord(v.limitedBy)}.`;
  if (!v.complete) return 'Some SLIs had no data or too little data: the verdict rests on part of the evidence.';
  return '';
}

function limitedWord(l: NonNullable<Verdict['limitedBy']>): string {
  return l === 'insufficient' ? 'too little data' : l === 'nodata' ? 'missing data' : 'errors in the data';
}
