import { CanaryJudgeError } from '../errors.js';
import { autoBlockSize, blockAggregate, preprocess } from '../preprocess/index.js';
import { sortFloat64InPlace } from '../stats/sortFloat64.js';
import { classifyEvidence } from './classify.js';
import { JUDGE_DEFAULTS } from './defaults.js';
import { kayentaEvidence } from './evidence/kayentaEvidence.js';
import { mannWhitneyEvidence } from './evidence/mannWhitneyEvidence.js';
import { quantileEvidence } from './evidence/quantileEvidence.js';
import { rateEvidence } from './evidence/rateEvidence.js';
import { histogramEvidence } from './evidence/histogramEvidence.js';
import { sequentialEvidence, type SequentialSamples } from './evidence/sequentialEvidence.js';
import type { LogHistogram } from '../sketch/logHistogram.js';
import { burnRateEvidence } from './evidence/burnRateEvidence.js';
import type { Evidence } from './evidence/types.js';
import { countText, percent } from './explain.js';
import { noetherSampleSize, superiorityOfShift, twoProportionSampleSize } from './power.js';
import type { ResolvedSli } from './resolveConfig.js';
import { readSide, valuesInTimeOrder, type Side } from './sides.js';
import type { Counts, SideCounts, SliData, SliResult, SliTest } from './types.js';
import { plainNumbers } from './plainNumbers.js';

/** An SLI after its data was read and tested, before the cross-SLI p-value correction classifies it. */
export type SliOutcome =
  | { kind: 'final'; result: SliResult }
  | { kind: 'evidence'; sli: ResolvedSli; evidence: Evidence; base: Omit<SliResult, 'classification' | 'critical' | 'inconclusive' | 'reason' | 'warnings' | 'adjustedPValue'>; warnings: string[] };

const zeroCounts = (before = 0): SideCounts => ({ before, after: 0, nan: 0, outliersRemoved: 0 });

function baseResult(sli: ResolvedSli, test: SliTest): Omit<SliResult, 'classification' | 'critical' | 'inconclusive' | 'reason' | 'warnings' | 'adjustedPValue'> {
  return {
    name: sli.name,
    configuredCritical: sli.critical,
    mustHaveData: sli.mustHaveData,
    muted: sli.muted,
    groups: sli.groups,
    weight: sli.weight,
    direction: sli.direction,
    test,
    pValue: null,
    effect: null,
    allowed: { increase: sli.direction === 'decrease' ? null : sli.allowedIncrease, decrease: sli.direction === 'increase' ? null : sli.allowedDecrease },
    criticalLimit: { increase: sli.criticalIncrease, decrease: sli.criticalDecrease },
    samples: { baseline: zeroCounts(), canary: zeroCounts() },
    summary: {},
    details: {},
    requiredSamples: null,
  };
}

function final(
  base: ReturnType<typeof baseResult>,
  classification: SliResult['classification'],
  reason: string,
  extra: Partial<SliResult> = {},
): SliOutcome {
  const critical = base.configuredCritical && !base.muted && (classification === 'nodata' || classification === 'high' || classification === 'low');
  return { kind: 'final', result: { ...base, classification, critical, inconclusive: false, adjustedPValue: null, reason, warnings: [], ...extra } };
}

function sideLength(side: Side): number {
  if (side.kind === 'samples') return side.values.length;
  if (side.kind === 'counts') return side.total;
  return 0;
}

/** Preprocesses one side (NaN policy → outliers → smoothing) and sorts it once for every statistic after. */
function prepareSamples(sli: ResolvedSli, side: Extract<Side, { kind: 'samples' }>) {
  const values = valuesInTimeOrder(side);
  const pre = preprocess(values, { nan: sli.nan, outliers: sli.outliers, smoothing: sli.smoothing });
  const counts: SideCounts = {
    before: values.length,
    after: pre.values.length,
    nan: pre.steps.nan.nanCount,
    outliersRemoved: pre.steps.outliers?.removed ?? 0,
  };
  return { failed: pre.failed, reason: pre.reason, counts, values: pre.values };
}

/**
 * Block aggregation (batch means) of both sides with one block size, against autocorrelation: a fixed size, or
 * `auto` from the lag-1 autocorrelation (keeping at least `minSamples` blocks per side).
 */
function aggregateSides(sli: ResolvedSli, b: Float64Array, c: Float64Array, minSamples: number, timeSeries: boolean): { b: Float64Array; c: Float64Array; size: number } {
  const spec = sli.aggregate ?? (timeSeries && (sli.test ?? 'mannWhitney') === 'mannWhitney' ? 'auto' : 'none');
  if (spec === 'none') return { b, c, size: 1 };
  const size = spec === 'auto' ? autoBlockSize(b, c, minSamples) : spec.size;
  if (size <= 1) return { b, c, size: 1 };
  const stat = spec === 'auto' ? 'mean' : spec.stat ?? 'mean';
  return {
    b: blockAggregate(b, { size, stat, remainder: 'drop' }),
    c: blockAggregate(c, { size, stat, remainder: 'drop' }),
    size,
  };
}

/**
 * Reads, preprocesses and tests one SLI. Data problems become classifications (`nodata`, `insufficient`,
 * `error`) with a sentence; only a bug could make this throw.
 */
export function judgeSli(sli: ResolvedSli, data: SliData | undefined): SliOutcome {
  const power = JUDGE_DEFAULTS.power;
  const baseline = readSide(data?.baseline, `${sli.name}.baseline`);
  const canary = readSide(data?.canary, `${sli.name}.canary`);
  const guessed: SliTest = sli.test ?? (baseline.kind === 'counts' || canary.kind === 'counts' ? 'rate' : 'mannWhitney');
  const base = baseResult(sli, guessed);
  base.samples = { baseline: zeroCounts(sideLength(baseline)), canary: zeroCounts(sideLength(canary)) };

  for (const [name, side] of [['baseline', baseline], ['canary', canary]] as const) {
    if (side.kind === 'invalid') return final(base, 'error', `${sli.name} could not be judged: the ${name} data is malformed (${side.problem}).`);
  }
  if (guessed === 'burnRate') {
    // the baseline is optional: the canary is judged against the SLO itself
    if (canary.kind === 'none') return final(base, 'nodata', `${sli.name} has no canary data.${sli.mustHaveData ? ' Data is required for this SLI, so it counts as a failure.' : ' It is not counted in the score.'}`);
    if (canary.kind !== 'counts') return final(base, 'error', `${sli.name} could not be judged: a burnRate SLI needs canary counts { events, total }.`);
    const minTotal = sli.minSamples ?? JUDGE_DEFAULTS.sli.minTotal;
    base.samples.canary = { before: canary.total, after: canary.total, nan: 0, outliersRemoved: 0 };
    if (canary.total < minTotal) {
      return final(base, 'insufficient', `${sli.name} has only ${countText(canary.total)} canary requests; at least ${countText(minTotal)} are needed.`);
    }
    return withEvidence(sli, base, burnRateEvidence(sli, canary, power));
  }
  if (baseline.kind === 'none' || canary.kind === 'none') {
    const missing = baseline.kind === 'none' && canary.kind === 'none' ? 'baseline or canary' : baseline.kind === 'none' ? 'baseline' : 'canary';
    const consequence = sli.mustHaveData ? ' Data is required for this SLI, so it counts as a failure.' : ' It is not counted in the score.';
    return final(base, 'nodata', `${sli.name} has no ${missing} data.${consequence}`);
  }
  if (guessed === 'sequential') return judgeSequential(sli, base, baseline, canary, data as SliData);
  if (guessed === 'rate') {
    if (baseline.kind !== 'counts' || canary.kind !== 'counts') {
      return final(base, 'error', `${sli.name} could not be judged: a rate SLI needs counts { events, total } on both sides.`);
    }
    const minTotal = sli.minSamples ?? JUDGE_DEFAULTS.sli.minTotal;
    base.samples = {
      baseline: { before: baseline.total, after: baseline.total, nan: 0, outliersRemoved: 0 },
      canary: { before: canary.total, after: canary.total, nan: 0, outliersRemoved: 0 },
    };
    const events = baseline.events + canary.events;
    const short = Math.min(baseline.total, canary.total) < minTotal;
    if (short || events < sli.minEvents) {
      const rateB = baseline.events / baseline.total;
      const required = twoProportionSampleSize({ p1: rateB, p2: rateB * (1 + sli.allowedIncrease), alpha: 1 - sli.confidence, power });
      const why = short
        ? `${sli.name} has only ${countText(Math.min(baseline.total, canary.total))} requests on the ${baseline.total < canary.total ? 'baseline' : 'canary'} side; at least ${countText(minTotal)} are needed`
        : `${sli.name} has only ${events} events over both sides; at least ${sli.minEvents} are needed`;
      const more = required !== null ? ` (about ${countText(required)} requests per side would detect a ${percent(sli.allowedIncrease)} change in the rate with ${Math.round(power * 100)}% power)` : '';
      return final(base, 'insufficient', `${why}${more}.`, { requiredSamples: required, summary: { baselineEvents: baseline.events, baselineTotal: baseline.total, canaryEvents: canary.events, canaryTotal: canary.total } });
    }
    const evidence = rateEvidence(sli, canary, baseline, power);
    return withEvidence(sli, base, evidence);
  }
  if (baseline.kind === 'histogram' || canary.kind === 'histogram') return judgeHistograms(sli, base, baseline, canary, power);
  if (baseline.kind !== 'samples' || canary.kind !== 'samples') {
    return final(base, 'error', `${sli.name} could not be judged: the ${guessed} test needs samples on both sides, got counts (use test "rate").`);
  }
  const b = prepareSamples(sli, baseline);
  const c = prepareSamples(sli, canary);
  base.samples = { baseline: b.counts, canary: c.counts };
  if (b.failed || c.failed) {
    return final(base, 'error', `${sli.name} could not be judged: ${b.failed ? `baseline: ${b.reason}` : `canary: ${c.reason}`}.`);
  }
  const minSamples = sli.minSamples ?? JUDGE_DEFAULTS.sli.minSamples;
  const blocks = aggregateSides(sli, b.values, c.values, minSamples, baseline.timestamps !== null && canary.timestamps !== null);
  // preprocess and blockAggregate return fresh arrays: sort them in place, no third copy
  const bSorted = sortFloat64InPlace(blocks.b);
  const cSorted = sortFloat64InPlace(blocks.c);
  if (blocks.size > 1) {
    base.samples.baseline.after = bSorted.length;
    base.samples.canary.after = cSorted.length;
  }
  if (bSorted.length === 0 || cSorted.length === 0) {
    const side = bSorted.length === 0 ? 'baseline' : 'canary';
    const consequence = sli.mustHaveData ? ' Data is required for this SLI, so it counts as a failure.' : ' It is not counted in the score.';
    return final(base, 'nodata', `${sli.name} has no ${side} data left after preprocessing.${consequence}`);
  }
  if (bSorted.length < minSamples || cSorted.length < minSamples) {
    const side = bSorted.length <= cSorted.length ? 'baseline' : 'canary';
    const n = Math.min(bSorted.length, cSorted.length);
    const medianB = bSorted[(bSorted.length - 1) >> 1];
    const required = bSorted.length >= 2 && medianB !== 0 && Number.isFinite(medianB)
      ? noetherSampleSize({ superiority: superiorityOfShift(bSorted, sli.allowedIncrease * Math.abs(medianB)), alpha: 1 - sli.confidence, power })
      : null;
    const more = required !== null ? ` (about ${countText(Math.max(required, minSamples))} per side would detect a ${percent(sli.allowedIncrease)} change with ${Math.round(power * 100)}% power)` : '';
    return final(base, 'insufficient', `${sli.name} has only ${n} ${side} point${n === 1 ? '' : 's'} after preprocessing; at least ${minSamples} are needed${more}${blocks.size > 1 ? ` (after averaging blocks of ${blocks.size} points against autocorrelation)` : ''}.`, {
      requiredSamples: required === null ? null : Math.max(required, minSamples),
    });
  }
  let evidence: Evidence;
  try {
    if (guessed === 'quantile') evidence = quantileEvidence(sli, cSorted, bSorted, power);
    else if (guessed === 'kayenta') evidence = kayentaEvidence(sli, cSorted, bSorted, power);
    else evidence = mannWhitneyEvidence(sli, cSorted, bSorted, power);
  } catch (e) {
    // a statistic that cannot be computed on this data (e.g. overflowing values) is a data problem, not a crash
    if (!(e instanceof CanaryJudgeError)) throw e;
    return final(base, 'error', `${sli.name} could not be judged: ${e.message}.`);
  }
  if (blocks.size > 1) evidence.details = { ...evidence.details, blockSize: blocks.size };
  return withEvidence(sli, base, evidence);
}

const asArray = (v: number | ArrayLike<number>): ArrayLike<number> => (typeof v === 'number' ? [v] : v);

/** Drops NaN from a sample side, keeping timestamps aligned (outliers and smoothing would use future data). */
function sequentialSamples(side: Extract<Side, { kind: 'samples' }>): { values: SequentialSamples; before: number; after: number; nan: number } {
  const keep: number[] = [];
  for (let i = 0; i < side.values.length; i++) if (!Number.isNaN(side.values[i])) keep.push(i);
  const values = Float64Array.from(keep, (i) => side.values[i]);
  const out: SequentialSamples = side.timestamps ? { timestamps: Float64Array.from(keep, (i) => (side.timestamps as ArrayLike<number>)[i]), values } : values;
  return { values: out, before: side.values.length, after: values.length, nan: side.values.length - values.length };
}

/**
 * Sequential SLIs: the stage's data replayed through an anytime-valid monitor. Counts keep their per-interval
 * arrays (one look per interval); samples keep their time order (one look per timestamp, or per point).
 */
function judgeSequential(sli: ResolvedSli, base: ReturnType<typeof baseResult>, baseline: Side, canary: Side, data: SliData): SliOutcome {
  try {
    if (baseline.kind === 'counts' && canary.kind === 'counts') {
      const b = data.baseline as Counts;
      const c = data.canary as Counts;
      base.samples = {
        baseline: { before: baseline.total, after: baseline.total, nan: 0, outliersRemoved: 0 },
        canary: { before: canary.total, after: canary.total, nan: 0, outliersRemoved: 0 },
      };
      const minTotal = sli.minSamples ?? JUDGE_DEFAULTS.sli.minTotal;
      if (Math.min(baseline.total, canary.total) < minTotal) {
        return final(base, 'insufficient', `${sli.name} has only ${countText(Math.min(baseline.total, canary.total))} requests on the ${baseline.total < canary.total ? 'baseline' : 'canary'} side; at least ${countText(minTotal)} are needed.`);
      }
      const evidence = sequentialEvidence(sli, {
        kind: 'counts',
        baseline: { events: asArray(b.events), total: asArray(b.total) },
        canary: { events: asArray(c.events), total: asArray(c.total) },
      });
      return withEvidence(sli, base, evidence);
    }
    if (baseline.kind === 'samples' && canary.kind === 'samples') {
      const b = sequentialSamples(baseline);
      const c = sequentialSamples(canary);
      base.samples = {
        baseline: { before: b.before, after: b.after, nan: b.nan, outliersRemoved: 0 },
        canary: { before: c.before, after: c.after, nan: c.nan, outliersRemoved: 0 },
      };
      const minSamples = sli.minSamples ?? JUDGE_DEFAULTS.sli.minSamples;
      if (Math.min(b.after, c.after) < minSamples) {
        const n = Math.min(b.after, c.after);
        return final(base, 'insufficient', `${sli.name} has only ${n} ${b.after <= c.after ? 'baseline' : 'canary'} point${n === 1 ? '' : 's'}; at least ${minSamples} are needed.`);
      }
      return withEvidence(sli, base, sequentialEvidence(sli, { kind: 'samples', baseline: b.values, canary: c.values }));
    }
    return final(base, 'error', `${sli.name} could not be judged: a sequential SLI needs counts on both sides or samples on both sides.`);
  } catch (e) {
    if (!(e instanceof CanaryJudgeError)) throw e;
    return final(base, 'error', `${sli.name} could not be judged: ${e.message}.`);
  }
}

/** Histograms on one or both sides: samples on the other side are binned on the histogram's grid. */
function judgeHistograms(sli: ResolvedSli, base: ReturnType<typeof baseResult>, baseline: Side, canary: Side, power: number): SliOutcome {
  const test = sli.test ?? 'mannWhitney';
  if (test !== 'mannWhitney' && test !== 'quantile') {
    return final(base, 'error', `${sli.name} could not be judged: histograms support the mannWhitney and quantile tests, not ${test}.`);
  }
  const template = baseline.kind === 'histogram' ? baseline.histogram : (canary as Extract<Side, { kind: 'histogram' }>).histogram;
  const toHistogram = (side: Side): LogHistogram | string => {
    if (side.kind === 'histogram') return side.histogram;
    if (side.kind === 'samples') {
      const h = template.cloneEmpty();
      const values = Float64Array.from(side.values).filter((v) => !Number.isNaN(v));
      h.addAll(values);
      return h;
    }
    return 'the other side is a histogram; this side must be a histogram or samples';
  };
  const b = toHistogram(baseline);
  const c = toHistogram(canary);
  if (typeof b === 'string' || typeof c === 'string') return final(base, 'error', `${sli.name} could not be judged: ${typeof b === 'string' ? b : c}.`);
  base.samples = {
    baseline: { before: b.count, after: b.count, nan: 0, outliersRemoved: 0 },
    canary: { before: c.count, after: c.count, nan: 0, outliersRemoved: 0 },
  };
  const minSamples = sli.minSamples ?? JUDGE_DEFAULTS.sli.minSamples;
  if (b.count < minSamples || c.count < minSamples) {
    const n = Math.min(b.count, c.count);
    return final(base, 'insufficient', `${sli.name} has only ${countText(n)} ${b.count <= c.count ? 'baseline' : 'canary'} points in its histogram; at least ${minSamples} are needed.`);
  }
  try {
    return withEvidence(sli, base, histogramEvidence(sli, c, b, power));
  } catch (e) {
    if (!(e instanceof CanaryJudgeError)) throw e;
    return final(base, 'error', `${sli.name} could not be judged: ${e.message}.`);
  }
}

function withEvidence(sli: ResolvedSli, base: ReturnType<typeof baseResult>, evidence: Evidence): SliOutcome {
  base.pValue = evidence.pValue;
  base.effect = evidence.effect ? plainNumbers(evidence.effect) : null;
  base.summary = plainNumbers(evidence.summary);
  base.details = plainNumbers(evidence.details);
  base.test = evidence.test;
  return { kind: 'evidence', sli, evidence, base, warnings: [] };
}

/** Classifies an SLI from its evidence and its (adjusted) p-value. */
export function finishSli(outcome: Extract<SliOutcome, { kind: 'evidence' }>, adjustedPValue: number | null): SliResult {
  const { sli, evidence, base } = outcome;
  const d = classifyEvidence(sli, evidence, adjustedPValue);
  const bad = d.classification === 'high' || d.classification === 'low';
  // a critical SLI that fails, or any change beyond its critical limit, fails the run (Kayenta's scorer too)
  const critical = !sli.muted && bad && (sli.critical || d.beyondCritical);
  let requiredSamples: number | null = null;
  let reason = d.reason;
  if (d.inconclusive) {
    const allowed = sli.direction === 'decrease' ? sli.allowedDecrease : sli.allowedIncrease;
    requiredSamples = evidence.requiredSamples(allowed);
    if (requiredSamples !== null) {
      reason += ` About ${countText(requiredSamples)} ${evidence.test === 'rate' ? 'requests' : 'points'} per side would detect a ${percent(allowed)} change with ${Math.round(JUDGE_DEFAULTS.power * 100)}% power.`;
    }
  }
  if (critical && sli.critical && !d.beyondCritical) reason += ' This SLI is critical, so the run fails.';
  else if (critical && d.beyondCritical) reason += ' A change this large fails the run.';
  if (base.details.aggregated === true) reason += ` (Judged on histograms: ${String(base.details.resolution)}.)`;
  if (sli.muted) reason += ' (muted: not counted)';
  return {
    ...base,
    classification: d.classification,
    critical,
    inconclusive: d.inconclusive,
    adjustedPValue,
    requiredSamples,
    reason,
    warnings: [...outcome.warnings, ...d.warnings],
    ...(evidence.sequence ? { sequence: evidence.sequence } : {}),
  };
}
