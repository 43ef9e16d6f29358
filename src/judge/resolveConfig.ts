import type { NanPolicy, OutlierSpec, SmoothingSpec } from '../preprocess/index.js';
import { parseDuration } from '../slo/durations.js';
import { JUDGE_DEFAULTS } from './defaults.js';
import type { AggregateConfig, Direction, EffectKind, InconclusivePolicy, JudgeConfig, SliConfig, SliTest } from './types.js';

/** An SLI config with every default filled in (what the judge actually runs). */
export interface ResolvedSli {
  name: string;
  groups: string[];
  direction: Direction;
  /** `null`: chosen from the data's shape (samples → mannWhitney, counts → rate). */
  test: SliTest | null;
  q: number;
  confidence: number;
  effect: EffectKind | null;
  allowedIncrease: number;
  allowedDecrease: number;
  criticalIncrease: number | null;
  criticalDecrease: number | null;
  critical: boolean;
  mustHaveData: boolean;
  weight: number;
  /** `null`: the default for the test (20 points; 100 requests for rates). */
  minSamples: number | null;
  minEvents: number;
  nan: NanPolicy;
  outliers: OutlierSpec;
  smoothing: SmoothingSpec;
  muted: boolean;
  tolerance: number;
  /** burnRate SLIs: SLO objective (null for other tests). */
  objective: number | null;
  maxBurnRate: number;
  /** burnRate SLIs: the SLO period in seconds. */
  period: number;
  canaryShare: number | null;
  tuningSampleSize: number | null;
  /** null: by the data (auto for mannWhitney on time series, none otherwise). */
  aggregate: AggregateConfig | null;
}

/** A judge config with every default filled in. */
export interface ResolvedConfig {
  slis: ResolvedSli[];
  thresholds: { pass: number; marginal: number };
  groupWeights: Record<string, number>;
  multipleComparisons: 'none' | 'holm' | 'bh';
  inconclusive: InconclusivePolicy;
  nodataFailShare: number;
  insufficientCap: 'pass' | 'marginal' | 'fail';
  scoring: 'weighted' | 'kayenta';
}

function nanPolicy(c: SliConfig['nan']): NanPolicy {
  if (c === undefined || c === 'remove') return { kind: 'remove' };
  if (c === 'fail') return { kind: 'fail' };
  return { kind: 'replace', value: c.replace };
}

function outlierSpec(c: SliConfig['outliers']): OutlierSpec {
  if (c === undefined || c === 'none') return { kind: 'none' };
  if (c === 'iqr') return { kind: 'iqr' };
  if (c === 'mad') return { kind: 'mad' };
  if (c.method === 'mad') return c.k === undefined ? { kind: 'mad' } : { kind: 'mad', k: c.k };
  return c.factor === undefined ? { kind: c.method } : { kind: c.method, factor: c.factor };
}

function smoothingSpec(c: SliConfig['smoothing']): SmoothingSpec {
  if (c === undefined || c === 'none') return { kind: 'none' };
  if (c.method === 'rollingMedian') return { kind: 'rollingMedian', window: c.window };
  return c.halfLife !== undefined ? { kind: 'ewma', halfLife: c.halfLife } : { kind: 'ewma', alpha: c.alpha as number };
}

/** Fills every default of a (validated) config. */
export function resolveConfig(config: JudgeConfig): ResolvedConfig {
  const d = JUDGE_DEFAULTS;
  const confidence = config.confidence ?? d.confidence;
  const slis = config.slis.map((s): ResolvedSli => ({
    name: s.name,
    groups: s.groups ? [...s.groups] : [...d.sli.groups],
    direction: s.direction ?? d.sli.direction,
    test: s.test ?? null,
    q: s.q ?? d.sli.q,
    confidence: s.confidence ?? confidence,
    effect: s.effect ?? null,
    allowedIncrease: s.allowedIncrease ?? d.sli.allowedIncrease,
    allowedDecrease: s.allowedDecrease ?? d.sli.allowedDecrease,
    criticalIncrease: s.criticalIncrease ?? null,
    criticalDecrease: s.criticalDecrease ?? null,
    critical: s.critical ?? false,
    mustHaveData: s.mustHaveData ?? false,
    weight: s.weight ?? d.sli.weight,
    minSamples: s.minSamples ?? null,
    minEvents: s.minEvents ?? d.sli.minEvents,
    nan: nanPolicy(s.nan),
    outliers: outlierSpec(s.outliers),
    smoothing: smoothingSpec(s.smoothing),
    muted: s.muted ?? false,
    tolerance: s.tolerance ?? d.sli.tolerance,
    objective: s.objective ?? null,
    maxBurnRate: s.maxBurnRate ?? d.sli.maxBurnRate,
    period: parseDuration(s.period ?? d.sli.period, 'period'),
    canaryShare: s.canaryShare ?? null,
    tuningSampleSize: s.tuningSampleSize ?? null,
    aggregate: s.aggregate ?? null,
  }));
  return {
    slis,
    thresholds: { pass: config.thresholds?.pass ?? d.thresholds.pass, marginal: config.thresholds?.marginal ?? d.thresholds.marginal },
    groupWeights: { ...(config.groupWeights ?? {}) },
    multipleComparisons: config.multipleComparisons ?? d.multipleComparisons,
    inconclusive: config.inconclusive ?? d.inconclusive,
    nodataFailShare: config.nodataFailShare ?? d.nodataFailShare,
    insufficientCap: config.insufficientCap ?? d.insufficientCap,
    scoring: config.scoring ?? d.scoring,
  };
}
