import { fisherExact } from '../../stats/fisherExact.js';
import { quantileSorted } from '../../stats/descriptives.js';
import { quantileRatioEffect } from '../effects.js';
import { twoProportionSampleSize } from '../power.js';
import type { ResolvedSli } from '../resolveConfig.js';
import type { Evidence } from './types.js';
import { alternativeOf, sameSorted } from './mannWhitneyEvidence.js';

/** #{x > t} in a sorted array. */
function countAbove(sorted: Float64Array, t: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] <= t) lo = mid + 1;
    else hi = mid;
  }
  return sorted.length - lo;
}

/** The pooled type-7 quantile of two sorted samples, by a merge walk (no pooled copy). */
export function pooledQuantile(a: Float64Array, b: Float64Array, p: number): number {
  const n = a.length + b.length;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  let i = 0;
  let j = 0;
  const next = (): number => (j >= b.length || (i < a.length && a[i] <= b[j]) ? a[i++] : b[j++]);
  for (let k = 0; k < lo; k++) next();
  const x0 = next();
  if (lo + 1 >= n || h === lo) return x0;
  const x1 = next();
  return x0 + (h - lo) * (x1 - x0);
}

/**
 * Evidence of a quantile SLI (a tail such as p99): the exceedance test — count, on each side, the points above
 * the pooled q-quantile and compare the two proportions with Fisher's exact test (one-sided in the bad
 * direction) — and the quantile ratio with its Price–Bonett interval for size. Mann–Whitney compares whole
 * distributions and misses a regression confined to the tail; this test looks at the tail only.
 */
export function quantileEvidence(sli: ResolvedSli, canary: Float64Array, baseline: Float64Array, power: number): Evidence {
  const q = sli.q;
  const tag = `p${Math.round(q * 1000) / 10}`;
  // "p99 latency_ms", but not "p99 p99_latency_ms"
  const label = new RegExp(`(^|[^a-z0-9])${tag}([^0-9]|$)`, 'i').test(sli.name) ? sli.name : `${tag} ${sli.name}`;
  const qb = quantileSorted(baseline, q);
  const qc = quantileSorted(canary, q);
  const summary = { baselineQuantile: qb, canaryQuantile: qc, q };
  const requiredSamples = (allowed: number): number | null => {
    if (qb === null) return null;
    // if the canary were the baseline scaled by (1 + allowed), its exceedance rate of qb would be that of qb/(1+allowed) in the baseline
    const p1 = countAbove(baseline, qb) / baseline.length;
    const p2 = countAbove(baseline, qb / (1 + allowed)) / baseline.length;
    return twoProportionSampleSize({ p1: p1 > 0 ? p1 : 1 - q, p2, alpha: 1 - sli.confidence, power });
  };
  const base = { test: 'quantile' as const, display: 'percent' as const, label, summary, requiredSamples };
  if (sameSorted(canary, baseline)) {
    return {
      ...base, pValue: 1, sign: 0,
      effect: { kind: 'quantileRatio', estimate: 0, lower: 0, upper: 0, confidence: sli.confidence },
      details: { identical: true },
      decided: { classification: 'pass', critical: false, reason: `${label}: the canary and baseline data are identical.` },
    };
  }
  const threshold = pooledQuantile(canary, baseline, q);
  const a = countAbove(canary, threshold);
  const c = countAbove(baseline, threshold);
  const test = fisherExact(a, canary.length - a, c, baseline.length - c, { alternative: alternativeOf(sli.direction) });
  const effect = quantileRatioEffect(canary, baseline, q, sli.confidence);
  const shareC = a / canary.length;
  const shareB = c / baseline.length;
  return {
    ...base,
    pValue: test.pValue,
    sign: shareC > shareB ? 1 : shareC < shareB ? -1 : 0,
    effect,
    details: { threshold, canaryAbove: a, baselineAbove: c, canaryShareAbove: shareC, baselineShareAbove: shareB },
  };
}
