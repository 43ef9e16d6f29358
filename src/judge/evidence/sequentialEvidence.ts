import { countMonitorFromSeries } from '../../sequential/monitors/CountMonitor.js';
import { meanMonitorFromSeries } from '../../sequential/monitors/MeanMonitor.js';
import { quantileMonitorFromSeries } from '../../sequential/monitors/QuantileMonitor.js';
import type { MonitorResultBase, MonitorTracePoint } from '../../sequential/monitors/common.js';
import type { ResolvedSli } from '../resolveConfig.js';
import type { EffectKind, SequencePoint } from '../types.js';
import type { Evidence } from './types.js';

/** At most this many points of the confidence sequence are kept in a result (evenly thinned, last kept). */
const MAX_TRACE = 200;

function thin(trace: MonitorTracePoint[]): SequencePoint[] {
  const step = Math.max(1, Math.ceil(trace.length / MAX_TRACE));
  const out: SequencePoint[] = [];
  for (let i = 0; i < trace.length; i++) {
    if (i % step !== 0 && i !== trace.length - 1) continue;
    const t = trace[i];
    out.push({ look: t.look, nBaseline: t.n.baseline, nCanary: t.n.canary, estimate: t.estimate, lower: t.lower, upper: t.upper, pValue: t.pValue, decision: t.decision });
  }
  return out;
}

/** A side of a sequential sample SLI: values in time order, as a series when timestamps exist (NaN dropped). */
export type SequentialSamples = ArrayLike<number> | { timestamps: ArrayLike<number>; values: ArrayLike<number> };

/**
 * Evidence of a `sequential` SLI: the whole stage replayed through an anytime-valid monitor — look by look,
 * as a deploy tool scraping every interval sees it — so that calling `judge()` again and again as data
 * arrives keeps the false-fail rate at or below 1 − confidence (src/sequential: Lindon & Malek's count test,
 * the GrowthBook/Eppo mean sequence, Howard & Ramdas' quantile sequences).
 * - counts (`{ events[], total[] }` per interval) → the count monitor (rate ratio; `canaryShare` from the
 *   config or estimated from the totals);
 * - samples → the mean monitor (relative change of the mean), or the quantile monitor at `q` when the SLI's
 *   effect is `quantileRatio`.
 * `fail` → high/low, `pass` → a proven pass (early promotion), `continue` → an inconclusive pass.
 */
export function sequentialEvidence(
  sli: ResolvedSli,
  data: { kind: 'counts'; baseline: { events: ArrayLike<number>; total: ArrayLike<number> }; canary: { events: ArrayLike<number>; total: ArrayLike<number> } } | { kind: 'samples'; baseline: SequentialSamples; canary: SequentialSamples },
): Evidence {
  const common = {
    alpha: Number((1 - sli.confidence).toPrecision(15)), // 0.05, not 0.050000000000000044
    direction: sli.direction,
    allowedIncrease: sli.allowedIncrease,
    allowedDecrease: sli.allowedDecrease,
    label: sli.name,
  };
  let result: MonitorResultBase & { trace: MonitorTracePoint[] };
  let kind: EffectKind;
  let monitor: string;
  const details: Evidence['details'] = {};
  if (data.kind === 'counts') {
    const r = countMonitorFromSeries({ ...common, baseline: data.baseline, canary: data.canary, ...(sli.canaryShare !== null ? { canaryShare: sli.canaryShare } : {}) });
    result = r;
    kind = 'rateRatio';
    monitor = 'count';
    details.canaryShare = r.canaryShare;
    details.shareSource = r.shareSource;
  } else if (sli.effect === 'quantileRatio') {
    const r = quantileMonitorFromSeries({ ...common, baseline: data.baseline, canary: data.canary, quantiles: [sli.q], minSamples: sli.minSamples ?? 20, pValues: false, ...(sli.tuningSampleSize !== null ? { tuningSampleSize: sli.tuningSampleSize } : {}) });
    result = r;
    kind = 'quantileRatio';
    monitor = 'quantile';
  } else {
    const r = meanMonitorFromSeries({ ...common, baseline: data.baseline, canary: data.canary, minSamples: Math.max(2, sli.minSamples ?? 20), ...(sli.tuningSampleSize !== null ? { tuningSampleSize: sli.tuningSampleSize } : {}) });
    result = r;
    kind = 'meanRatio';
    monitor = 'mean';
  }
  const cs = result.confidenceSequence;
  const classification = result.decision === 'fail' ? ((cs.estimate ?? 0) < 0 ? 'low' : 'high') : 'pass';
  const early = result.decision === 'pass' ? ' (proven: early promotion is safe)' : '';
  return {
    test: 'sequential',
    display: kind === 'rateRatio' ? 'ratio' : 'percent',
    label: sli.name,
    pValue: result.pValue,
    sign: (cs.estimate ?? 0) > 0 ? 1 : (cs.estimate ?? 0) < 0 ? -1 : 0,
    effect: { kind, estimate: cs.estimate, lower: cs.lower, upper: cs.upper, confidence: sli.confidence, ...(cs.note ? { note: cs.note } : {}) },
    summary: { looks: result.looks, baselineN: result.n.baseline, canaryN: result.n.canary },
    details: { ...details, monitor, decision: result.decision, looks: result.looks, anytimeValid: true },
    decided: {
      classification,
      critical: false,
      inconclusive: result.decision === 'continue',
      reason: `${result.reason}${early} (anytime-valid ${monitor} monitor, ${result.looks} looks)`,
    },
    sequence: thin(result.trace),
    requiredSamples: () => null,
  };
}
