import type { Evidence } from './evidence/types.js';
import { effectValue, intervalText, percent, ratio } from './explain.js';
import type { ResolvedSli } from './resolveConfig.js';

/** The classification of an SLI that had enough data for its test. */
export interface Decision {
  classification: 'pass' | 'high' | 'low';
  /** Beyond the critical limit (criticalIncrease/criticalDecrease). */
  beyondCritical: boolean;
  inconclusive: boolean;
  reason: string;
  warnings: string[];
}

function allowedText(v: number, display: 'percent' | 'ratio', side: 'increase' | 'decrease'): string {
  if (display === 'ratio') return ratio(side === 'increase' ? 1 + v : 1 - v);
  return side === 'increase' ? percent(v) : percent(-v);
}

/**
 * Classifies an SLI from its evidence with the rule "both statistically significant and practically large":
 * `high` when the p-value in the bad direction is below 1 − confidence **and** the whole confidence interval of
 * the effect lies above the allowed increase (`low` symmetrically, below minus the allowed decrease); otherwise
 * `pass` — conclusive when the interval lies inside the allowed band, `inconclusive` when it still contains
 * changes larger than allowed (too little data to tell). Without a relative effect (e.g. a zero baseline
 * median) the p-value alone decides, and the result says so.
 */
export function classifyEvidence(sli: ResolvedSli, ev: Evidence, pValue: number | null): Decision {
  const warnings: string[] = [];
  if (ev.decided) {
    const inconclusive = ev.decided.inconclusive ?? false;
    if (inconclusive) warnings.push(`${ev.label}: inconclusive — the interval still reaches beyond the allowed limit.`);
    return { classification: ev.decided.classification, beyondCritical: ev.decided.critical, inconclusive, reason: ev.decided.reason, warnings };
  }
  const alpha = 1 - sli.confidence;
  const significant = pValue !== null && pValue < alpha;
  const incOK = sli.direction !== 'decrease';
  const decOK = sli.direction !== 'increase';
  const e = ev.effect;
  const show = ev.display;
  const label = ev.label;
  const ci = e ? intervalText(e, show) : '';

  if (!e || e.estimate === null) {
    const why = e?.note ? ` (${e.note})` : '';
    if (significant && ((incOK && ev.sign > 0) || (decOK && ev.sign < 0))) {
      const dir = ev.sign > 0 ? 'higher' : 'lower';
      return {
        classification: ev.sign > 0 ? 'high' : 'low',
        beyondCritical: false,
        inconclusive: false,
        reason: `${label} is significantly ${dir} in the canary (p = ${pText(pValue)}); its size cannot be expressed relative to the baseline${why}.`,
        warnings,
      };
    }
    return {
      classification: 'pass',
      beyondCritical: false,
      inconclusive: true,
      reason: `${label} shows no significant change (p = ${pText(pValue)}), but its size cannot be measured relative to the baseline${why}.`,
      warnings: [`${label}: inconclusive — the relative change is undefined${why}.`],
    };
  }

  const est = effectValue(e.estimate, show, '?');
  if (incOK && significant && e.lower !== null && e.lower > sli.allowedIncrease) {
    const beyondCritical = sli.criticalIncrease !== null && e.lower > sli.criticalIncrease;
    const amount = show === 'ratio' ? `${ratio(1 + e.estimate)} the baseline` : `${percent(e.estimate, false)} higher`;
    let reason = show === 'ratio'
      ? `${label} in the canary is ${amount}${ci}, above the allowed ${allowedText(sli.allowedIncrease, show, 'increase')}`
      : `${label} is ${amount} in the canary${ci}, above the allowed ${allowedText(sli.allowedIncrease, show, 'increase')}`;
    if (beyondCritical) reason += `, and beyond the critical ${allowedText(sli.criticalIncrease as number, show, 'increase')}`;
    return { classification: 'high', beyondCritical, inconclusive: false, reason: reason + '.', warnings };
  }
  if (decOK && significant && e.upper !== null && e.upper < -sli.allowedDecrease) {
    const beyondCritical = sli.criticalDecrease !== null && e.upper < -sli.criticalDecrease;
    const amount = show === 'ratio' ? `${ratio(1 + e.estimate)} the baseline` : `${percent(-e.estimate, false)} lower`;
    let reason = show === 'ratio'
      ? `${label} in the canary is ${amount}${ci}, below the allowed ${allowedText(sli.allowedDecrease, show, 'decrease')}`
      : `${label} is ${amount} in the canary${ci}, beyond the allowed ${allowedText(sli.allowedDecrease, show, 'decrease')}`;
    if (beyondCritical) reason += `, and beyond the critical ${allowedText(sli.criticalDecrease as number, show, 'decrease')}`;
    return { classification: 'low', beyondCritical, inconclusive: false, reason: reason + '.', warnings };
  }
  const openUp = incOK && (e.upper === null || e.upper > sli.allowedIncrease);
  const openDown = decOK && (e.lower === null || e.lower < -sli.allowedDecrease);
  const band = [
    decOK ? allowedText(sli.allowedDecrease, show, 'decrease') : null,
    incOK ? allowedText(sli.allowedIncrease, show, 'increase') : null,
  ].filter(Boolean).join(' … ');
  const changed = show === 'ratio' ? `${label} in the canary is ${est} the baseline${ci}` : `${label} changed by ${est} in the canary${ci}`;
  if (!openUp && !openDown) {
    return { classification: 'pass', beyondCritical: false, inconclusive: false, reason: `${changed}, within the allowed ${band}.`, warnings };
  }
  const what = openUp && openDown ? 'a change' : openUp ? 'an increase' : 'a decrease';
  const limit = openUp && openDown ? band : openUp ? allowedText(sli.allowedIncrease, show, 'increase') : allowedText(sli.allowedDecrease, show, 'decrease');
  const reason = `${changed}; the data cannot rule out ${what} beyond the allowed ${limit}, so this pass is inconclusive.`;
  warnings.push(`${label}: inconclusive — the interval still contains ${what} beyond the allowed ${limit}.`);
  return { classification: 'pass', beyondCritical: false, inconclusive: true, reason, warnings };
}

/** A p-value for people: 3 significant digits, "< 1e-300" at the floor. */
export function pText(p: number | null): string {
  if (p === null) return 'n/a';
  if (p === 0) return '< 1e-300';
  if (p < 1e-4) return p.toExponential(1).replace('e-', 'e−');
  return String(Number(p.toPrecision(2)));
}
