import { sequentialDecisionOf } from './sequentialDecisionOf.js';
import type { RolloutVerdictInput } from './types.js';
import { CanaryJudgeError } from '../errors.js';
import { isPlainObject } from './checker.js';
import { parseTime, showValue } from './time.js';

const CLASSIFICATIONS = ['pass', 'high', 'low', 'nodata', 'insufficient', 'error'] as const;
const LIMITED_BY = ['insufficient', 'nodata', 'error', null] as const;

/** One SLI as the policy sees it. @internal */
export interface SliView {
  name: string;
  classification: (typeof CLASSIFICATIONS)[number];
  critical: boolean;
  canarySamples: number | null;
  reason: string | null;
}

/** An evaluation, checked and normalised (times in seconds, absent parts as `null`). @internal */
export interface EvaluationView {
  at: number;
  verdict: null | {
    label: 'pass' | 'marginal' | 'fail';
    score: number | null;
    complete: boolean | null;
    limitedBy: 'insufficient' | 'nodata' | 'error' | null;
    /** Unmuted SLIs only. */
    slis: SliView[];
  };
  telemetry: null | { lastPointAt: number | null; expectedPoints: number; presentPoints: number };
  budgetRemaining: number | null;
  burnRate: null | { firing: boolean; severity: 'page' | 'ticket' | null; firingRules: string[]; summary: string | null };
  sequential: null | { decision: 'pass' | 'fail' | 'continue'; reason: string | null };
}

function bad(path: string, message: string): never {
  throw new CanaryJudgeError('INVALID_ARGUMENT', `${path} ${message}`, path);
}

function finite(v: unknown, path: string, opts: { min?: number; max?: number } = {}): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) bad(path, `must be a finite number, got ${showValue(v)}`);
  if (opts.min !== undefined && v < opts.min) bad(path, `must be ≥ ${opts.min}, got ${v}`);
  if (opts.max !== undefined && v > opts.max) bad(path, `must be ≤ ${opts.max}, got ${v}`);
  return v;
}

function optionalBoolean(v: unknown, path: string): boolean | null {
  if (v === undefined || v === null) return null;
  if (typeof v !== 'boolean') bad(path, `must be true or false, got ${showValue(v)}`);
  return v;
}

function checkSli(s: unknown, path: string): (SliView & { muted: boolean }) {
  if (!isPlainObject(s)) bad(path, `must be an SLI result object, got ${showValue(s)}`);
  if (typeof s.name !== 'string') bad(`${path}.name`, `must be a string, got ${showValue(s.name)}`);
  if (!CLASSIFICATIONS.includes(s.classification as SliView['classification'])) {
    bad(`${path}.classification`, `must be one of ${CLASSIFICATIONS.map((c) => `'${c}'`).join(', ')}, got ${showValue(s.classification)}`);
  }
  const critical = optionalBoolean(s.critical, `${path}.critical`) ?? false;
  const configuredCritical = optionalBoolean(s.configuredCritical, `${path}.configuredCritical`) ?? false;
  const muted = optionalBoolean(s.muted, `${path}.muted`) ?? false;
  let canarySamples: number | null = null;
  if (isPlainObject(s.samples) && isPlainObject(s.samples.canary) && s.samples.canary.after !== undefined && s.samples.canary.after !== null) {
    canarySamples = finite(s.samples.canary.after, `${path}.samples.canary.after`, { min: 0 });
  }
  return {
    name: s.name,
    classification: s.classification as SliView['classification'],
    critical: critical || configuredCritical,
    canarySamples,
    reason: typeof s.reason === 'string' ? s.reason : null,
    muted,
  };
}

/**
 * Checks one evaluation (bad usage throws `CanaryJudgeError` with the JSON path of the field; bad data —
 * a missing verdict, no telemetry points — is kept for the rules to judge).
 * @internal
 */
export function checkEvaluation(e: unknown, path = 'evaluation'): EvaluationView {
  if (!isPlainObject(e)) bad(path, `must be an object { verdict, at, telemetry?, slo?, sequential? }, got ${showValue(e)}`);
  const at = parseTime(e.at, `${path}.at`);

  let verdict: EvaluationView['verdict'] = null;
  if (e.verdict !== undefined && e.verdict !== null) {
    const v = e.verdict;
    const vp = `${path}.verdict`;
    if (!isPlainObject(v)) bad(vp, `must be a verdict object (from judge) or null, got ${showValue(v)}`);
    if (v.verdict !== 'pass' && v.verdict !== 'marginal' && v.verdict !== 'fail') {
      bad(`${vp}.verdict`, `must be 'pass', 'marginal' or 'fail', got ${showValue(v.verdict)}`);
    }
    const score = v.score === undefined || v.score === null ? null : finite(v.score, `${vp}.score`);
    const complete = optionalBoolean(v.complete, `${vp}.complete`);
    if (v.limitedBy !== undefined && !LIMITED_BY.includes(v.limitedBy as (typeof LIMITED_BY)[number])) {
      bad(`${vp}.limitedBy`, `must be 'insufficient', 'nodata', 'error' or null, got ${showValue(v.limitedBy)}`);
    }
    let slis: SliView[] = [];
    if (v.slis !== undefined && v.slis !== null) {
      if (!Array.isArray(v.slis)) bad(`${vp}.slis`, `must be an array of SLI results, got ${showValue(v.slis)}`);
      slis = v.slis
        .map((s, i) => checkSli(s, `${vp}.slis[${i}]`))
        .filter((s) => !s.muted)
        .map(({ muted: _muted, ...rest }) => rest);
    }
    verdict = {
      label: v.verdict,
      score,
      complete,
      limitedBy: (v.limitedBy ?? null) as 'insufficient' | 'nodata' | 'error' | null,
      slis,
    };
  }

  let telemetry: EvaluationView['telemetry'] = null;
  if (e.telemetry !== undefined && e.telemetry !== null) {
    const t = e.telemetry;
    const tp = `${path}.telemetry`;
    if (!isPlainObject(t)) bad(tp, `must be { lastPointAt, expectedPoints, presentPoints } or null, got ${showValue(t)}`);
    telemetry = {
      lastPointAt: t.lastPointAt === null ? null : parseTime(t.lastPointAt, `${tp}.lastPointAt`),
      expectedPoints: finite(t.expectedPoints, `${tp}.expectedPoints`, { min: 0 }),
      presentPoints: finite(t.presentPoints, `${tp}.presentPoints`, { min: 0 }),
    };
  }

  let budgetRemaining: number | null = null;
  let burnRate: EvaluationView['burnRate'] = null;
  if (e.slo !== undefined && e.slo !== null) {
    const s = e.slo;
    const sp = `${path}.slo`;
    if (!isPlainObject(s)) bad(sp, `must be { budgetRemaining?, burnRateEvaluation? } or null, got ${showValue(s)}`);
    if (s.budgetRemaining !== undefined && s.budgetRemaining !== null) {
      budgetRemaining = finite(s.budgetRemaining, `${sp}.budgetRemaining`, { max: 1 });
    }
    const b = s.burnRateEvaluation;
    if (b !== undefined && b !== null) {
      const bp = `${sp}.burnRateEvaluation`;
      if (!isPlainObject(b)) bad(bp, `must be the result of evaluateBurnRateRules or null, got ${showValue(b)}`);
      if (typeof b.firing !== 'boolean') bad(`${bp}.firing`, `must be true or false, got ${showValue(b.firing)}`);
      if (b.severity !== 'page' && b.severity !== 'ticket' && b.severity !== null) {
        bad(`${bp}.severity`, `must be 'page', 'ticket' or null, got ${showValue(b.severity)}`);
      }
      if (!Array.isArray(b.firingRules) || b.firingRules.some((r) => typeof r !== 'string')) {
        bad(`${bp}.firingRules`, 'must be an array of rule names');
      }
      burnRate = {
        firing: b.firing,
        severity: b.severity,
        firingRules: [...(b.firingRules as string[])],
        summary: typeof b.summary === 'string' ? b.summary : null,
      };
    }
  }

  let sequential: EvaluationView['sequential'] = null;
  if (e.sequential !== undefined && e.sequential !== null) {
    const q = e.sequential;
    const qp = `${path}.sequential`;
    if (!isPlainObject(q)) bad(qp, `must be { decision: 'pass' | 'fail' | 'continue' } or null, got ${showValue(q)}`);
    if (q.decision !== 'pass' && q.decision !== 'fail' && q.decision !== 'continue') {
      bad(`${qp}.decision`, `must be 'pass', 'fail' or 'continue', got ${showValue(q.decision)}`);
    }
    if (q.reason !== undefined && typeof q.reason !== 'string') bad(`${qp}.reason`, `must be a string, got ${showValue(q.reason)}`);
    sequential = { decision: q.decision, reason: typeof q.reason === 'string' ? q.reason : null };
  } else if (e.sequential === undefined && isPlainObject(e.verdict)) {
    // no explicit input: read the verdict's own sequential SLIs, if it has any
    const derived = sequentialDecisionOf(e.verdict as RolloutVerdictInput);
    if (derived) sequential = { decision: derived.decision, reason: derived.reason ?? null };
  }

  return { at, verdict, telemetry, budgetRemaining, burnRate, sequential };
}
