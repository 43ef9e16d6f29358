import { poissonRateRatioTest } from '../../stats/binomial.js';
import { twoProportionSampleSize } from '../power.js';
import type { ResolvedSli } from '../resolveConfig.js';
import type { Evidence } from './types.js';
import { alternativeOf } from './mannWhitneyEvidence.js';

/**
 * Evidence of a rate SLI (errors out of requests): the exact conditional binomial test of the ratio of the
 * canary's event rate to the baseline's (R's two-sample `poisson.test`), one-sided in the bad direction,
 * and the exact (Clopper–Pearson based) confidence interval of the rate ratio. Zero baseline events are
 * handled exactly: the interval is unbounded above but its lower end still proves a large increase.
 */
export function rateEvidence(
  sli: ResolvedSli,
  canary: { events: number; total: number },
  baseline: { events: number; total: number },
  power: number,
): Evidence {
  // exact tests need whole events: counts from Prometheus' increase() are extrapolated and may be fractional
  const input = { events1: Math.round(canary.events), exposure1: canary.total, events2: Math.round(baseline.events), exposure2: baseline.total };
  const test = poissonRateRatioTest({ ...input, alternative: alternativeOf(sli.direction), confidence: sli.confidence });
  const interval = poissonRateRatioTest({ ...input, alternative: 'two-sided', confidence: sli.confidence });
  const rateC = canary.events / canary.total;
  const rateB = baseline.events / baseline.total;
  const sign = rateC > rateB ? 1 : rateC < rateB ? -1 : 0;
  const minus1 = (v: number | null) => (v === null ? null : v - 1);
  let note: string | undefined;
  if (interval.estimateReason === 'NO_EVENTS') note = 'no events on either side';
  else if (interval.estimateReason === 'INFINITE') note = 'no baseline events, so the ratio is unbounded';
  return {
    test: 'rate',
    display: 'ratio',
    label: sli.name,
    pValue: test.pValue,
    sign,
    effect: {
      kind: 'rateRatio',
      estimate: minus1(interval.estimate),
      lower: interval.lower > 0 ? interval.lower - 1 : -1,
      upper: minus1(interval.upper),
      confidence: sli.confidence,
      ...(note ? { note } : {}),
    },
    summary: {
      baselineEvents: baseline.events,
      baselineTotal: baseline.total,
      baselineRate: rateB,
      canaryEvents: canary.events,
      canaryTotal: canary.total,
      canaryRate: rateC,
    },
    details: { statistic: test.statistic, totalEvents: test.totalEvents, nullProbability: test.nullProbability },
    requiredSamples: (allowed: number) => twoProportionSampleSize({ p1: rateB, p2: rateB * (1 + allowed), alpha: 1 - sli.confidence, power }),
  };
}
