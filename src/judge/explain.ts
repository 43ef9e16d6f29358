import type { EffectEstimate } from './types.js';

/**
 * Number formatting for the sentences of a verdict: relative changes as percentages ("+12%", "−0.4%"),
 * rate ratios as multiples ("3.0×"), counts with thousands separators. Pure, locale-independent.
 * @module
 */

const MINUS = '−';

/** Rounds to `digits` significant digits, without exponent notation for ordinary magnitudes. */
export function significant(v: number, digits = 3): string {
  if (v === 0) return '0';
  const abs = Math.abs(v);
  const decimals = Math.max(0, Math.min(6, digits - 1 - Math.floor(Math.log10(abs))));
  const s = abs.toFixed(decimals);
  const trimmed = s.includes('.') ? s.replace(/\.?0+$/, '') : s;
  return (v < 0 ? MINUS : '') + trimmed;
}

/** A relative change as a signed percentage: 0.123 → "+12.3%", −0.004 → "−0.4%". */
export function percent(v: number, signed = true): string {
  const s = significant(v * 100, Math.abs(v) >= 1 ? 4 : 2 + (Math.abs(v * 100) >= 10 ? 1 : 0));
  return `${signed && v > 0 ? '+' : ''}${s}%`;
}

/** A ratio as a multiple: 2.5 → "2.5×". */
export function ratio(v: number): string {
  return `${significant(v, v >= 10 ? 3 : 2)}×`;
}

/** An integer count with thin thousands separators: 10000 → "10,000". */
export function countText(v: number): string {
  return Math.round(v).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** A confidence level as a percentage: 0.95 → "95%". */
export function confidenceText(c: number): string {
  return `${significant(c * 100, 4)}%`;
}

/** An effect value in its display form (a relative change, or 1 + change as a ratio). */
export function effectValue(v: number | null, display: 'percent' | 'ratio', unbounded: string): string {
  if (v === null) return unbounded;
  return display === 'ratio' ? ratio(1 + v) : percent(v);
}

/** "(95% CI +8%…+16%)", or "" when there is no interval at all. */
export function intervalText(e: EffectEstimate, display: 'percent' | 'ratio'): string {
  if (e.lower === null && e.upper === null) return '';
  const lo = effectValue(e.lower, display, display === 'ratio' ? '0×' : `${MINUS}∞`);
  const hi = effectValue(e.upper, display, '∞');
  return ` (${confidenceText(e.confidence)} CI ${lo}…${hi})`;
}
