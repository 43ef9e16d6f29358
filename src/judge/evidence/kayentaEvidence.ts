import { mannWhitneySorted } from '../../stats/mannWhitney.js';
import { hodgesLehmannSorted } from '../../stats/hodgesLehmann.js';
import { medianSorted } from '../../stats/descriptives.js';
import { noetherSampleSize, superiorityOfShift } from '../power.js';
import type { ResolvedSli } from '../resolveConfig.js';
import type { Evidence } from './types.js';
import { sameSorted } from './mannWhitneyEvidence.js';

function mean(a: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i];
  return s / a.length;
}

/**
 * Kayenta's metric classifier (NetflixACAJudge's MannWhitneyClassifier, spinnaker/kayenta `kayenta-judge`),
 * reproduced deterministically:
 * 1. identical data (as multisets), or a single distinct value overall → pass;
 * 2. the Hodges–Lehmann shift of canary − baseline and its asymptotic interval with continuity correction
 *    (R's `wilcox.test(canary, baseline, conf.int = TRUE, exact = FALSE)`, which Kayenta calls);
 * 3. `high` when the interval's lower end exceeds tolerance·|estimate| and the effect size (mean ratio, or CLES)
 *    reaches the allowed increase; `low` symmetrically; otherwise pass;
 * 4. a high/low beyond the critical effect size fails the run.
 * Effect thresholds are stored relative (mean ratio 1.1 → 0.1; CLES 0.6 → 0.1), as everywhere in canary-judge.
 * Unlike Kayenta, no random noise is added to constant data: ties are handled exactly.
 */
export function kayentaEvidence(sli: ResolvedSli, canary: Float64Array, baseline: Float64Array, power: number): Evidence {
  const measure = sli.effect === 'cles' ? 'cles' : 'meanRatio';
  const meanB = mean(baseline);
  const meanC = mean(canary);
  const summary = { baselineMean: meanB, canaryMean: meanC, baselineMedian: medianSorted(baseline), canaryMedian: medianSorted(canary) };
  const medianBaseline = summary.baselineMedian as number;
  const requiredSamples = (allowed: number) =>
    medianBaseline !== 0 && Number.isFinite(medianBaseline)
      ? noetherSampleSize({ superiority: superiorityOfShift(baseline, allowed * Math.abs(medianBaseline)), alpha: 1 - sli.confidence, power })
      : null;
  const base = { test: 'kayenta' as const, display: 'percent' as const, label: sli.name, summary, requiredSamples };
  const identical = sameSorted(canary, baseline);
  const singleValue = !identical && canary[0] === canary[canary.length - 1] && baseline[0] === baseline[baseline.length - 1] && canary[0] === baseline[0];
  if (identical || singleValue) {
    return {
      ...base, pValue: 1, sign: 0,
      effect: { kind: measure, estimate: 0, lower: null, upper: null, confidence: sli.confidence },
      details: { identical },
      decided: { classification: 'pass', critical: false, reason: `${sli.name}: the canary and baseline data are ${identical ? 'identical' : 'one and the same constant'}.` },
    };
  }
  const finite = (a: Float64Array) => Number.isFinite(a[0]) && Number.isFinite(a[a.length - 1]);
  if (!finite(canary) || !finite(baseline)) {
    return {
      ...base, pValue: null, sign: 0, effect: null, details: {},
      decided: { classification: 'pass', critical: false, reason: `${sli.name}: the data contains infinite values, which Kayenta's classifier cannot judge; counted as a pass.` },
    };
  }
  const hl = hodgesLehmannSorted(canary, baseline, { confidence: sli.confidence, alternative: 'two-sided', method: 'asymptotic', continuity: true });
  const mw = mannWhitneySorted(canary, baseline, { alternative: 'two-sided', method: 'asymptotic', continuity: true });
  // effect size in Kayenta's own scale: mean ratio, or CLES = P(canary > baseline) + ties/2
  let effectSize: number;
  if (measure === 'cles') effectSize = mw.statistic / (canary.length * baseline.length);
  else effectSize = meanB === 0 ? (meanC > 0 ? Infinity : meanC < 0 ? -Infinity : 1) : meanC / meanB;
  const neutral = measure === 'cles' ? 0.5 : 1;
  const bound = sli.tolerance * Math.abs(hl.estimate);
  const lower = hl.lower ?? -Infinity;
  const upper = hl.upper ?? Infinity;
  const incOK = sli.direction !== 'decrease';
  const decOK = sli.direction !== 'increase';
  const relEffect = Number.isFinite(effectSize) ? effectSize - neutral : null;
  const details: Evidence['details'] = {
    shift: hl.estimate, shiftLower: hl.lower, shiftUpper: hl.upper, tolerance: sli.tolerance, bound,
    effectSize: Number.isFinite(effectSize) ? effectSize : null, measure, U: mw.statistic, z: mw.z,
  };
  let classification: 'pass' | 'high' | 'low' = 'pass';
  let critical = false;
  if (incOK && lower > bound && effectSize >= neutral + sli.allowedIncrease) {
    classification = 'high';
    critical = sli.criticalIncrease !== null && effectSize >= neutral + sli.criticalIncrease;
  } else if (decOK && upper < -bound && effectSize <= neutral - sli.allowedDecrease) {
    classification = 'low';
    critical = sli.criticalDecrease !== null && effectSize <= neutral - sli.criticalDecrease;
  }
  const fmt = (v: number | null) => (v === null ? '−∞/∞' : String(Math.round(v * 1e4) / 1e4));
  const what = classification === 'pass' ? 'passes' : `is ${classification}`;
  const reason =
    `${sli.name} ${what} (Kayenta classifier): shift ${fmt(hl.estimate)} with ${Math.round(sli.confidence * 100)}% interval ` +
    `[${fmt(hl.lower)}, ${fmt(hl.upper)}] against ±${fmt(bound)}; ${measure === 'cles' ? 'CLES' : 'mean ratio'} ${Number.isFinite(effectSize) ? fmt(effectSize) : '∞'}.`;
  return {
    ...base,
    pValue: mw.pValue,
    sign: hl.estimate > 0 ? 1 : hl.estimate < 0 ? -1 : 0,
    effect: { kind: measure, estimate: relEffect, lower: null, upper: null, confidence: sli.confidence, note: 'Kayenta judges the shift interval and the effect size separately' },
    details,
    decided: { classification, critical, reason },
  };
}
