/** Hand-made verdicts with realistic numbers, shaped exactly as src/judge/types.ts describes. */
import type { JudgeData, SideCounts, SliResult, Verdict } from '../../src/judge/types.js';

const counts = (n: number, extra: Partial<SideCounts> = {}): SideCounts => ({ before: n, after: n, nan: 0, outliersRemoved: 0, ...extra });

function sli(partial: Partial<SliResult> & Pick<SliResult, 'name' | 'classification' | 'reason'>): SliResult {
  return {
    critical: false,
    configuredCritical: false,
    mustHaveData: false,
    muted: false,
    groups: ['default'],
    weight: 1,
    direction: 'increase',
    test: 'mannWhitney',
    inconclusive: false,
    pValue: null,
    adjustedPValue: null,
    effect: null,
    allowed: { increase: 0.1, decrease: null },
    criticalLimit: { increase: null, decrease: null },
    samples: { baseline: counts(0), canary: counts(0) },
    summary: {},
    details: {},
    requiredSamples: null,
    warnings: [],
    ...partial,
  };
}

export const latencyHigh: SliResult = sli({
  name: 'latency_ms',
  classification: 'high',
  critical: true,
  configuredCritical: true,
  groups: ['latency'],
  pValue: 3.2e-7,
  adjustedPValue: 3.2e-7,
  effect: { kind: 'hlShift', estimate: 0.12, lower: 0.08, upper: 0.16, confidence: 0.95 },
  allowed: { increase: 0.05, decrease: null },
  samples: { baseline: counts(1200, { before: 1210, nan: 10 }), canary: counts(1180) },
  summary: { baselineMedian: 120, canaryMedian: 134.4 },
  details: { U: 873_500, z: 4.98, method: 'asymptotic' },
  reason: 'latency_ms is 12.0% higher in the canary (95% CI +8.0%…+16.0%); allowed: +5%. This SLI is critical, so the run fails.',
});

export const errorsInconclusive: SliResult = sli({
  name: 'error_rate',
  classification: 'pass',
  inconclusive: true,
  test: 'rate',
  groups: ['errors'],
  pValue: 0.41,
  adjustedPValue: 0.41,
  effect: { kind: 'rateRatio', estimate: 0.031, lower: -0.2, upper: 0.45, confidence: 0.95 },
  allowed: { increase: 0.3, decrease: null },
  samples: { baseline: counts(10000), canary: counts(10000) },
  summary: { baselineEvents: 32, baselineTotal: 10000, canaryEvents: 33, canaryTotal: 10000 },
  details: { method: 'exact conditional binomial' },
  requiredSamples: 54321,
  reason: 'error_rate shows no significant change (+3.1%, 95% CI −20%…+45%), but the interval still contains changes larger than allowed (+30%).',
  warnings: ['error_rate: inconclusive — more data is needed to rule out a +30% change.'],
});

export const cpuNodata: SliResult = sli({
  name: 'cpu|%',
  classification: 'nodata',
  groups: ['system'],
  reason: 'cpu|% has no canary data. It is not counted in the score.',
  samples: { baseline: counts(60), canary: counts(0) },
});

export const failVerdict: Verdict = {
  verdict: 'fail',
  score: 0,
  reasons: [latencyHigh.reason, cpuNodata.reason, errorsInconclusive.reason],
  complete: false,
  limitedBy: null,
  thresholds: { pass: 95, marginal: 75 },
  groups: [
    { name: 'latency', score: 0, weight: 0.5, counts: { pass: 0, high: 1, low: 0, nodata: 0, insufficient: 0, error: 0 }, slis: ['latency_ms'] },
    { name: 'errors', score: 100, weight: 0.5, counts: { pass: 1, high: 0, low: 0, nodata: 0, insufficient: 0, error: 0 }, slis: ['error_rate'] },
    { name: 'system', score: null, weight: 0, counts: { pass: 0, high: 0, low: 0, nodata: 1, insufficient: 0, error: 0 }, slis: ['cpu|%'] },
  ],
  slis: [latencyHigh, errorsInconclusive, cpuNodata],
};

export const latencyPass: SliResult = sli({
  name: 'latency_ms',
  classification: 'pass',
  pValue: 0.6123,
  adjustedPValue: 0.6123,
  direction: 'either',
  effect: { kind: 'hlShift', estimate: -0.004, lower: -0.021, upper: 0.013, confidence: 0.95 },
  allowed: { increase: 0.1, decrease: 0.1 },
  samples: { baseline: counts(500), canary: counts(480, { before: 490, outliersRemoved: 10 }) },
  summary: { baselineMedian: 100, canaryMedian: 99.6 },
  reason: 'latency_ms changed by −0.40% (95% CI −2.1%…+1.3%), within the allowed ±10%.',
});

export const throughputPass: SliResult = sli({
  name: 'throughput',
  classification: 'pass',
  direction: 'decrease',
  pValue: 0.97,
  adjustedPValue: 0.97,
  effect: { kind: 'meanRatio', estimate: 0.021, lower: 0.004, upper: 0.038, confidence: 0.9 },
  allowed: { increase: null, decrease: 0.05 },
  samples: { baseline: counts(300), canary: counts(300) },
  summary: { baselineMean: 1520.5, canaryMean: 1552.4 },
  reason: 'throughput is 2.1% higher in the canary (90% CI +0.4%…+3.8%); a decrease of up to 5% is allowed.',
});

export const passVerdict: Verdict = {
  verdict: 'pass',
  score: 100,
  reasons: ['All 2 SLIs are within their allowed changes.'],
  complete: true,
  limitedBy: null,
  thresholds: { pass: 95, marginal: 75 },
  groups: [{ name: 'default', score: 100, weight: 1, counts: { pass: 2, high: 0, low: 0, nodata: 0, insufficient: 0, error: 0 }, slis: ['latency_ms', 'throughput'] }],
  slis: [latencyPass, throughputPass],
};

export const memInsufficient: SliResult = sli({
  name: 'memory_mb',
  classification: 'insufficient',
  samples: { baseline: counts(12), canary: counts(9) },
  requiredSamples: 85,
  reason: 'memory_mb has only 9 canary points after preprocessing; at least 20 are needed (about 85 per side would detect a +10% change with 80% power).',
});

export const marginalVerdict: Verdict = {
  verdict: 'marginal',
  score: 100,
  reasons: ['The verdict is at most marginal because memory_mb could not be judged.', memInsufficient.reason],
  complete: false,
  limitedBy: 'insufficient',
  thresholds: { pass: 95, marginal: 75 },
  groups: [{ name: 'default', score: 100, weight: 1, counts: { pass: 1, high: 0, low: 0, nodata: 0, insufficient: 1, error: 0 }, slis: ['latency_ms', 'memory_mb'] }],
  slis: [latencyPass, memInsufficient],
};

export const noVerdict: Verdict = {
  verdict: 'marginal',
  score: 0,
  reasons: ['No SLI could be judged, so there is no evidence either way.', memInsufficient.reason],
  complete: false,
  limitedBy: 'insufficient',
  thresholds: { pass: 95, marginal: 75 },
  groups: [{ name: 'default', score: null, weight: 1, counts: { pass: 0, high: 0, low: 0, nodata: 0, insufficient: 1, error: 0 }, slis: ['memory_mb'] }],
  slis: [memInsufficient],
};

/** A deterministic data set: baseline i/10 + 100, canary the same shifted by +12. */
export function shiftedData(): JudgeData {
  const base = Array.from({ length: 200 }, (_, i) => 100 + ((i * 37) % 200) / 10);
  return {
    latency_ms: {
      baseline: { timestamps: base.map((_, i) => 1_700_000_000 + 15 * i), values: base },
      canary: { timestamps: base.map((_, i) => 1_700_000_000 + 15 * i), values: base.map((v) => v + 12) },
    },
    error_rate: { baseline: { events: [3, 2, 4, 3], total: [1000, 1000, 1000, 1000] }, canary: { events: [3, 5, 4, 2], total: [1000, 1000, 1000, 1000] } },
    'cpu|%': { baseline: Array.from({ length: 60 }, (_, i) => 40 + (i % 7)), canary: [] },
  };
}

