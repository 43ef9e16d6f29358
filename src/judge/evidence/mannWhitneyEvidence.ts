import { CanaryJudgeError } from '../../errors.js';
import { mannWhitneySorted } from '../../stats/mannWhitney.js';
import { hodgesLehmannSorted } from '../../stats/hodgesLehmann.js';
import { medianSorted, quantileSorted } from '../../stats/descriptives.js';
import { clesEffect, meanRatioEffect, quantileRatioEffect, relativeShift } from '../effects.js';
import { noetherSampleSize, superiorityOfShift } from '../power.js';
import type { ResolvedSli } from '../resolveConfig.js';
import type { Direction, EffectEstimate } from '../types.js';
import type { Evidence } from './types.js';

/** The scipy-style alternative that tests the bad direction with x = canary, y = baseline. */
export function alternativeOf(direction: Direction): 'greater' | 'less' | 'two-sided' {
  return direction === 'increase' ? 'greater' : direction === 'decrease' ? 'less' : 'two-sided';
}

/** Are the two sorted samples the same multiset? */
export function sameSorted(a: Float64Array, b: Float64Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i]) && a[i] !== b[i]) return false;
  return true;
}

/**
 * Evidence of the default sample test: Mann–Whitney U (canary vs baseline, in the bad direction) for
 * significance, and the configured relative effect (default: Hodges–Lehmann shift over the baseline median,
 * with its distribution-free interval) for size. Identical data is a pass without any test.
 */
export function mannWhitneyEvidence(sli: ResolvedSli, canary: Float64Array, baseline: Float64Array, power: number): Evidence {
  const alpha = 1 - sli.confidence;
  const medianBaseline = medianSorted(baseline) as number;
  const medianCanary = medianSorted(canary) as number;
  const summary = { baselineMedian: medianBaseline, canaryMedian: medianCanary };
  const effectKind = sli.effect ?? 'hlShift';
  const requiredSamples = (allowed: number): number | null => {
    if (!(medianBaseline !== 0 && Number.isFinite(medianBaseline))) return null;
    const superiority = superiorityOfShift(baseline, allowed * Math.abs(medianBaseline));
    return noetherSampleSize({ superiority, alpha, power });
  };
  const base = { test: 'mannWhitney' as const, display: 'percent' as const, label: sli.name, summary, requiredSamples };

  if (sameSorted(canary, baseline)) {
    return {
      ...base,
      pValue: 1,
      sign: 0,
      effect: { kind: effectKind, estimate: 0, lower: 0, upper: 0, confidence: sli.confidence },
      details: { identical: true },
      decided: { classification: 'pass', critical: false, reason: `${sli.name}: the canary and baseline data are identical.` },
    };
  }
  const mw = mannWhitneySorted(canary, baseline, { alternative: alternativeOf(sli.direction) });
  const nm = canary.length * baseline.length;
  const sign = mw.statistic > nm / 2 ? 1 : mw.statistic < nm / 2 ? -1 : 0;
  let effect: EffectEstimate;
  const details: Evidence['details'] = { U: mw.statistic, z: mw.z, method: mw.method };
  switch (effectKind) {
    case 'meanRatio':
      effect = meanRatioEffect(canary, baseline, sli.confidence);
      break;
    case 'medianRatio':
      effect = quantileRatioEffect(canary, baseline, 0.5, sli.confidence, 'medianRatio');
      break;
    case 'quantileRatio':
      effect = quantileRatioEffect(canary, baseline, sli.q, sli.confidence);
      Object.assign(summary, { baselineQuantile: quantileSorted(baseline, sli.q), canaryQuantile: quantileSorted(canary, sli.q) });
      break;
    case 'cles':
      effect = clesEffect(mw.statistic, canary.length, baseline.length, sli.confidence);
      break;
    default: {
      const finite = (a: Float64Array) => Number.isFinite(a[0]) && Number.isFinite(a[a.length - 1]);
      if (!finite(canary) || !finite(baseline)) {
        effect = { kind: 'hlShift', estimate: null, lower: null, upper: null, confidence: sli.confidence, note: 'the data contains infinite values, so the shift is undefined' };
        break;
      }
      let hl;
      try {
        hl = hodgesLehmannSorted(canary, baseline, { confidence: sli.confidence, alternative: 'two-sided' });
      } catch (e) {
        if (!(e instanceof CanaryJudgeError)) throw e;
        effect = { kind: 'hlShift', estimate: null, lower: null, upper: null, confidence: sli.confidence, note: e.message };
        break;
      }
      details.shift = hl.estimate;
      details.shiftLower = hl.lower;
      details.shiftUpper = hl.upper;
      details.intervalMethod = hl.method;
      if (medianBaseline === 0) {
        // mostly-zero SLIs (error counts per interval): a shift relative to a zero median is undefined, so the
        // size is measured on the means instead (docs/quality.md: 2 % false fails instead of 5 %)
        const byMean = meanRatioEffect(canary, baseline, sli.confidence);
        effect = { ...byMean, note: 'the baseline median is 0, so the change is measured on the means' };
      } else effect = relativeShift(hl, medianBaseline, sli.confidence);
    }
  }
  return { ...base, pValue: mw.pValue, sign, effect, details };
}
