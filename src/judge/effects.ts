import { normalIsf } from '../stats/normal.js';
import { quantileSorted } from '../stats/descriptives.js';
import type { EffectEstimate } from './types.js';

/**
 * Relative effects with confidence intervals, for the judge. Every function takes sorted samples
 * (canary and baseline, sorted once by the caller) and returns an {@link EffectEstimate} whose
 * numbers are relative changes (0.12 = +12 %), with null plus a note where undefined.
 * @module
 */

const none = (kind: EffectEstimate['kind'], confidence: number, note: string): EffectEstimate => ({
  kind, estimate: null, lower: null, upper: null, confidence, note,
});

/**
 * Hodges–Lehmann shift relative to the baseline median: HL/|median(baseline)| with the HL interval
 * scaled the same way (the scale is treated as known, as Kayenta and every canary tool do).
 */
export function relativeShift(
  hl: { estimate: number; lower: number | null; upper: number | null },
  baselineMedian: number,
  confidence: number,
): EffectEstimate {
  if (!(baselineMedian !== 0 && Number.isFinite(baselineMedian))) {
    return none('hlShift', confidence, `the baseline median is ${baselineMedian}, so a relative shift is undefined`);
  }
  const scale = Math.abs(baselineMedian);
  const rel = (v: number | null) => (v === null || !Number.isFinite(v) ? null : v / scale);
  return { kind: 'hlShift', estimate: rel(hl.estimate), lower: rel(hl.lower), upper: rel(hl.upper), confidence };
}

function meanVar(sorted: Float64Array): { mean: number; variance: number } {
  let m = 0;
  let s = 0;
  for (let i = 0; i < sorted.length; i++) {
    const d = sorted[i] - m;
    m += d / (i + 1);
    s += d * (sorted[i] - m);
  }
  return { mean: m, variance: sorted.length > 1 ? s / (sorted.length - 1) : NaN };
}

/**
 * mean(canary)/mean(baseline) − 1 with a delta-method interval on the log scale:
 * log r ± z·√(s²_c/(n_c·m²_c) + s²_b/(n_b·m²_b)) (the large-sample interval for a ratio of independent means).
 */
export function meanRatioEffect(canary: Float64Array, baseline: Float64Array, confidence: number): EffectEstimate {
  const c = meanVar(canary);
  const b = meanVar(baseline);
  if (!Number.isFinite(c.mean) || !Number.isFinite(b.mean)) return none('meanRatio', confidence, 'a mean is not finite');
  if (b.mean <= 0 || c.mean < 0) return none('meanRatio', confidence, 'a ratio of means needs positive means');
  const estimate = c.mean / b.mean - 1;
  if (c.mean === 0 || !(c.variance >= 0) || !(b.variance >= 0)) return { kind: 'meanRatio', estimate, lower: null, upper: null, confidence, note: 'too few points or a zero mean for an interval' };
  const se = Math.sqrt(c.variance / (canary.length * c.mean * c.mean) + b.variance / (baseline.length * b.mean * b.mean));
  const z = normalIsf((1 - confidence) / 2);
  const logR = Math.log(c.mean / b.mean);
  return { kind: 'meanRatio', estimate, lower: Math.exp(logR - z * se) - 1, upper: Math.exp(logR + z * se) - 1, confidence };
}

/**
 * Standard error of log(quantile) from a distribution-free order-statistic interval (binomial ranks
 * n·p ∓ z·√(n·p·(1−p))), as in Price & Bonett (2002) for medians, generalised to any quantile. null when the
 * interval's ranks fall outside the sample or a bound is not positive.
 */
function logQuantileSe(sorted: Float64Array, p: number, z: number): number | null {
  const n = sorted.length;
  const half = z * Math.sqrt(n * p * (1 - p));
  const lo = Math.floor(n * p - half); // 1-based rank
  const hi = Math.ceil(n * p + half) + 1;
  if (lo < 1 || hi > n) return null;
  const a = sorted[lo - 1];
  const b = sorted[hi - 1];
  if (!(a > 0 && b > 0) || !Number.isFinite(b)) return null;
  return (Math.log(b) - Math.log(a)) / (2 * z);
}

/**
 * quantile_p(canary)/quantile_p(baseline) − 1 (type-7 quantiles) with the Price–Bonett interval on the log scale:
 * log r ± z·√(se²_c + se²_b), each se from the order-statistic interval of its quantile
 * (Price & Bonett 2002, "Distribution-free confidence intervals for difference and ratio of medians",
 * J. Statist. Comput. Simul. 72). `kind` is `medianRatio` for p = 0.5 when asked.
 */
export function quantileRatioEffect(
  canary: Float64Array,
  baseline: Float64Array,
  p: number,
  confidence: number,
  kind: 'quantileRatio' | 'medianRatio' = 'quantileRatio',
): EffectEstimate {
  const qc = quantileSorted(canary, p);
  const qb = quantileSorted(baseline, p);
  if (qc === null || qb === null) return none(kind, confidence, 'no data');
  if (!(qb > 0) || !(qc >= 0) || !Number.isFinite(qb) || !Number.isFinite(qc)) {
    return none(kind, confidence, `a ratio of quantiles needs positive values (baseline ${qb}, canary ${qc})`);
  }
  const estimate = qc / qb - 1;
  const z = normalIsf((1 - confidence) / 2);
  const sc = qc > 0 ? logQuantileSe(canary, p, z) : null;
  const sb = logQuantileSe(baseline, p, z);
  if (sc === null || sb === null) {
    return { kind, estimate, lower: null, upper: null, confidence, note: `too few points beyond the ${Math.round(p * 1000) / 10}th percentile for an interval` };
  }
  const logR = Math.log(qc / qb);
  const se = Math.sqrt(sc * sc + sb * sb);
  return { kind, estimate, lower: Math.exp(logR - z * se) - 1, upper: Math.exp(logR + z * se) - 1, confidence };
}

/**
 * Common-language effect size minus ½: P(canary > baseline) + ½·P(tie) − ½, from Mann–Whitney's U of the canary,
 * with the Hanley–McNeil (1982) standard error; ends clipped to [−½, ½].
 */
export function clesEffect(uCanary: number, nCanary: number, nBaseline: number, confidence: number): EffectEstimate {
  const a = uCanary / (nCanary * nBaseline);
  const q1 = a / (2 - a);
  const q2 = (2 * a * a) / (1 + a);
  const variance = (a * (1 - a) + (nCanary - 1) * (q1 - a * a) + (nBaseline - 1) * (q2 - a * a)) / (nCanary * nBaseline);
  const z = normalIsf((1 - confidence) / 2);
  const se = Math.sqrt(Math.max(variance, 0));
  const clip = (v: number) => Math.min(0.5, Math.max(-0.5, v));
  return { kind: 'cles', estimate: a - 0.5, lower: clip(a - 0.5 - z * se), upper: clip(a - 0.5 + z * se), confidence };
}
