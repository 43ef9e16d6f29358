import { fisherExact } from '../../stats/fisherExact.js';
import { normalIsf } from '../../stats/normal.js';
import { alignHistograms } from '../../sketch/align.js';
import { hodgesLehmannHistogram } from '../../sketch/hodgesLehmannHistogram.js';
import type { HistogramInfo, LogHistogram } from '../../sketch/logHistogram.js';
import { mannWhitneyHistogram } from '../../sketch/mannWhitneyHistogram.js';
import { relativeShift } from '../effects.js';
import { noetherSampleSize, twoProportionSampleSize } from '../power.js';
import type { ResolvedSli } from '../resolveConfig.js';
import type { EffectEstimate } from '../types.js';
import { alternativeOf } from './mannWhitneyEvidence.js';
import type { Evidence } from './types.js';

/** "exponential scale 7 (0.27% relative accuracy), 812 buckets" — what the result says about the aggregation. */
export function resolutionText(info: HistogramInfo): string {
  const m = info.mapping as { kind: string; scale?: number; relativeAccuracy?: number };
  const grid = m.kind === 'exponential' ? `exponential scale ${m.scale}` : m.kind === 'explicit' ? 'explicit bucket bounds' : 'log buckets';
  const acc = info.relativeAccuracy === null ? '' : ` (${Math.round(info.relativeAccuracy * 1e5) / 1e3}% relative accuracy)`;
  return `${grid}${acc}, ${info.buckets} buckets${info.collapsed ? ', low buckets collapsed' : ''}`;
}

/**
 * Quantile ratio with a Price–Bonett-style interval from a histogram's order-statistic ranks
 * n·p ∓ z·√(n·p·(1−p)) (the same rule as for raw samples, quantiles read from the buckets).
 */
function histogramQuantileRatio(c: LogHistogram, b: LogHistogram, p: number, confidence: number): EffectEstimate {
  const qc = c.quantile(p);
  const qb = b.quantile(p);
  const kind = 'quantileRatio' as const;
  if (qc === null || qb === null || !(qb > 0) || !(qc >= 0)) return { kind, estimate: null, lower: null, upper: null, confidence, note: 'a ratio of quantiles needs positive values' };
  const z = normalIsf((1 - confidence) / 2);
  const se = (h: LogHistogram): number | null => {
    const n = h.count;
    const half = z * Math.sqrt(n * p * (1 - p));
    if (n * p - half < 1 || n * p + half + 1 > n) return null;
    const lo = h.quantile((n * p - half) / n);
    const hi = h.quantile(Math.min(1, (n * p + half + 1) / n));
    return lo !== null && hi !== null && lo > 0 ? (Math.log(hi) - Math.log(lo)) / (2 * z) : null;
  };
  const sc = se(c);
  const sb = se(b);
  const estimate = qc / qb - 1;
  if (sc === null || sb === null || !(qc > 0)) return { kind, estimate, lower: null, upper: null, confidence, note: 'too few points in the tail for an interval' };
  const s = Math.sqrt(sc * sc + sb * sb);
  const logR = Math.log(qc / qb);
  return { kind, estimate, lower: Math.exp(logR - z * s) - 1, upper: Math.exp(logR + z * s) - 1, confidence };
}

/**
 * Evidence from histograms (pre-aggregated OpenTelemetry / Prometheus data, or streamed {@link LogHistogram}s):
 * - `mannWhitney`: Mann–Whitney U with every bucket as a tie group (exact for the binned data, O(buckets)) and
 *   the Hodges–Lehmann shift with its interval from bucket midpoints widened by half a bucket (the
 *   quantisation of the estimate), relative to the baseline median;
 * - `quantile`: the exceedance test at the pooled q-quantile's bucket (Fisher's exact test on the counts above
 *   it) and the quantile ratio.
 * The result says the test ran on aggregated data and at what resolution.
 */
export function histogramEvidence(sli: ResolvedSli, canary: LogHistogram, baseline: LogHistogram, power: number): Evidence {
  const alpha = 1 - sli.confidence;
  const medianB = baseline.quantile(0.5);
  const summary: Record<string, number | null> = { baselineMedian: medianB, canaryMedian: canary.quantile(0.5) };
  if (sli.test === 'quantile') {
    const aligned = alignHistograms(canary, baseline);
    const n = canary.count + baseline.count;
    // walk down from the top until the pooled count above reaches (1 − q)·N: those buckets are the exceedances
    let a = 0;
    let c = 0;
    for (let k = aligned.x.length - 1; k >= 0; k--) {
      if (a + c + aligned.x[k] + aligned.y[k] > (1 - sli.q) * n) break;
      a += aligned.x[k];
      c += aligned.y[k];
    }
    const test = fisherExact(Math.round(a), Math.round(canary.count - a), Math.round(c), Math.round(baseline.count - c), { alternative: alternativeOf(sli.direction) });
    const tag = `p${Math.round(sli.q * 1000) / 10}`;
    const label = new RegExp(`(^|[^a-z0-9])${tag}([^0-9]|$)`, 'i').test(sli.name) ? sli.name : `${tag} ${sli.name}`;
    const shareC = a / canary.count;
    const shareB = c / baseline.count;
    return {
      test: 'quantile',
      display: 'percent',
      label,
      pValue: test.pValue,
      sign: shareC > shareB ? 1 : shareC < shareB ? -1 : 0,
      effect: histogramQuantileRatio(canary, baseline, sli.q, sli.confidence),
      summary: { ...summary, baselineQuantile: baseline.quantile(sli.q), canaryQuantile: canary.quantile(sli.q), q: sli.q },
      details: { aggregated: true, resolution: resolutionText(aligned.resolution), canaryAbove: a, baselineAbove: c },
      requiredSamples: (allowed: number) => twoProportionSampleSize({ p1: 1 - sli.q, p2: Math.min(0.99, (1 - sli.q) * (1 + 10 * allowed)), alpha, power }),
    };
  }
  const mw = mannWhitneyHistogram(canary, baseline, { alternative: alternativeOf(sli.direction) });
  const hl = hodgesLehmannHistogram(canary, baseline, { confidence: sli.confidence });
  // The sampling interval (bucket midpoints) is widened by the quantisation of the estimate: differences of
  // bucket midpoints sit on a grid about one bucket wide, so the median difference can be off by half a bucket
  // (relative accuracy a × the value). At 10⁸ points the sampling error vanishes and this is what remains; an
  // interval without it would claim precision the buckets do not have. (The worst case, every value at a bucket
  // edge, is [binningLower, binningUpper] in the details; explicit-bound buckets use it.)
  const accuracy = mw.resolution.relativeAccuracy;
  const quantum = hl.estimate === null ? 0 : accuracy !== null && medianB !== null
    ? accuracy * Math.abs(medianB)
    : Math.max(0, hl.lower === null ? 0 : hl.estimate - hl.lower, hl.upper === null ? 0 : hl.upper - hl.estimate);
  const effect = hl.estimate === null
    ? ({ kind: 'hlShift', estimate: null, lower: null, upper: null, confidence: sli.confidence, note: hl.reason ?? 'no estimate' } as EffectEstimate)
    : relativeShift({ estimate: hl.estimate, lower: hl.ciLower === null ? null : hl.ciLower - quantum, upper: hl.ciUpper === null ? null : hl.ciUpper + quantum }, medianB ?? 0, sli.confidence);
  const nm = canary.count * baseline.count;
  return {
    test: 'mannWhitney',
    display: 'percent',
    label: sli.name,
    pValue: mw.pValue,
    sign: mw.statistic > nm / 2 ? 1 : mw.statistic < nm / 2 ? -1 : 0,
    effect,
    summary,
    details: {
      aggregated: true, resolution: resolutionText(mw.resolution), U: mw.statistic, z: mw.z, method: 'asymptotic (histogram)',
      shift: hl.estimate, shiftLower: hl.ciLower, shiftUpper: hl.ciUpper, binningLower: hl.lower, binningUpper: hl.upper,
    },
    requiredSamples: (allowed: number) => {
      if (medianB === null || medianB === 0) return null;
      // probability of superiority of a shift by allowed·median, from the baseline's buckets
      const aligned = alignHistograms(baseline, baseline);
      const shift = allowed * Math.abs(medianB);
      const mids = aligned.lower.map((lo, i) => ((lo ?? aligned.upper[i] ?? 0) + (aligned.upper[i] ?? lo ?? 0)) / 2);
      const w = aligned.x;
      const total = baseline.count;
      let sup = 0;
      let j = 0;
      let below = 0;
      for (let i = 0; i < mids.length; i++) {
        while (j < mids.length && mids[j] < mids[i] + shift) below += w[j++];
        sup += w[i] * below;
      }
      return noetherSampleSize({ superiority: sup / (total * total), alpha, power });
    },
  };
}
