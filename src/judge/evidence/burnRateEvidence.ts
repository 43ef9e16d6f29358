import { binomialTest, clopperPearson } from '../../stats/binomial.js';
import { errorBudget } from '../../slo/budget.js';
import { describeTimeToExhaustion, timeToExhaustion } from '../../slo/exhaustion.js';
import { confidenceText, countText, significant } from '../explain.js';
import { twoProportionSampleSize } from '../power.js';
import type { ResolvedSli } from '../resolveConfig.js';
import type { Evidence } from './types.js';

const burn = (v: number) => `${significant(v, v >= 10 ? 3 : 2)}×`;

/**
 * Evidence of a burn-rate SLI: the canary's error ratio over the stage window, expressed as a burn rate against
 * the service's SLO (error ratio / (1 − objective), Google SRE workbook, "Alerting on SLOs"), with the exact
 * (Clopper–Pearson) interval of that burn rate and the exact binomial test of H0: burn rate ≤ `maxBurnRate`.
 * The canary is `high` when the test rejects at the SLI's confidence and the whole interval lies above
 * `maxBurnRate`. The burn rate of the canary's own traffic is what the whole service would burn at 100 %
 * of traffic, so the result also says how long the budget would last then: a canary "no worse than baseline"
 * that would still exhaust the budget in two days does not pass silently.
 */
export function burnRateEvidence(sli: ResolvedSli, canary: { events: number; total: number }, power: number): Evidence {
  const objective = sli.objective as number;
  const budget = errorBudget(objective);
  const events = Math.round(canary.events);
  const total = Math.max(Math.round(canary.total), events);
  const ratio = events / total;
  const rate = ratio / budget;
  const threshold = sli.maxBurnRate;
  const alpha = 1 - sli.confidence;
  const p0 = Math.min(1, threshold * budget);
  const test = p0 >= 1 ? { pValue: 1 } : binomialTest(events, total, p0, { alternative: 'greater' });
  const ci = clopperPearson(events, total, { confidence: sli.confidence });
  const lower = ci.lower / budget;
  const upper = ci.upper / budget;
  const exhaustion = timeToExhaustion({ burnRate: rate, period: sli.period });
  const lasts = exhaustion === null ? 'would never run out' : `would last ${describeTimeToExhaustion(exhaustion)}`;
  const interval = `${confidenceText(sli.confidence)} CI ${burn(lower)}…${burn(upper)}`;
  const high = test.pValue < alpha && lower > threshold;
  const slo = `${significant(objective * 100, 5)}% SLO`;
  const lead = `${sli.name}: the canary burns the error budget of its ${slo} at ${burn(rate)} (${interval}; ${countText(events)} errors in ${countText(total)})`;
  let reason: string;
  let inconclusive = false;
  if (high) reason = `${lead}, above the allowed ${burn(threshold)}; at 100% of traffic the budget ${lasts}.`;
  else if (upper <= threshold) reason = `${lead}, within the allowed ${burn(threshold)}.`;
  else {
    inconclusive = true;
    reason = `${lead}; the data cannot rule out a burn above the allowed ${burn(threshold)}, so this pass is inconclusive (at 100% of traffic the budget ${lasts}).`;
  }
  return {
    test: 'burnRate',
    display: 'ratio',
    label: sli.name,
    pValue: test.pValue,
    sign: rate > threshold ? 1 : rate < threshold ? -1 : 0,
    effect: { kind: 'burnRate', estimate: rate, lower, upper, confidence: sli.confidence },
    summary: { canaryEvents: events, canaryTotal: total, errorRatio: ratio, errorBudget: budget, burnRate: rate, timeToExhaustionSeconds: exhaustion },
    details: { objective, maxBurnRate: threshold, period: sli.period },
    decided: { classification: high ? 'high' : 'pass', critical: false, reason, inconclusive },
    requiredSamples: () => twoProportionSampleSize({ p1: threshold * budget, p2: 2 * threshold * budget, alpha, power }),
  };
}
