import { isRecord, joinPath, describe, type PreprocessProblem, throwIfProblems } from './internal.js';
import { applyNanPolicy, checkNanPolicy, type NanPolicy } from './nanPolicy.js';
import { checkOutlierSpec, type OutlierSpec, removeOutliers, resolveOutlierSpec, type ResolvedOutlierSpec } from './outliers.js';
import { applySmoothing, checkSmoothingSpec, type ResolvedSmoothingSpec, type SmoothingSpec } from './smoothing.js';

/**
 * Options of {@link preprocess}; every step is optional.
 * - `nan` (default `{ kind: 'remove' }`, as Kayenta): see {@link NanPolicy};
 * - `outliers` (default `{ kind: 'none' }`): see {@link OutlierSpec};
 * - `smoothing` (default `{ kind: 'none' }`): see {@link SmoothingSpec}.
 */
export interface PreprocessOptions {
  nan?: NanPolicy;
  outliers?: OutlierSpec;
  smoothing?: SmoothingSpec;
}

/** Default NaN policy of {@link preprocess}: remove NaN (Kayenta's NetflixACAJudge does the same). */
export const DEFAULT_NAN_POLICY: NanPolicy = { kind: 'remove' };

/** What the NaN step did (plain JSON). */
export interface NanStepSummary {
  policy: NanPolicy;
  nanCount: number;
  removed: number;
  replaced: number;
  failed: boolean;
  countBefore: number;
  countAfter: number;
}

/** What the outlier step did (plain JSON; fences `null` when not applicable or not finite). */
export interface OutlierStepSummary {
  spec: ResolvedOutlierSpec;
  removed: number;
  lowerFence: number | null;
  upperFence: number | null;
  countBefore: number;
  countAfter: number;
}

/** What the smoothing step did (plain JSON). */
export interface SmoothingStepSummary {
  spec: ResolvedSmoothingSpec;
  replaced: number;
  countBefore: number;
  countAfter: number;
}

/** The step-by-step account of {@link preprocess} (plain JSON: no NaN, no ±Infinity). */
export interface PreprocessSteps {
  nan: NanStepSummary;
  /** `null` when the pipeline stopped before this step (the NaN policy failed). */
  outliers: OutlierStepSummary | null;
  /** `null` when the pipeline stopped before this step (the NaN policy failed). */
  smoothing: SmoothingStepSummary | null;
  countBefore: number;
  countAfter: number;
}

/** Result of {@link preprocess}. */
export interface PreprocessResult {
  /** The preprocessed data (a new array). When `failed`, an unchanged copy of the input. */
  values: Float64Array;
  /** True when the data could not be preprocessed (NaN present under a `fail` policy). */
  failed: boolean;
  /** One plain sentence saying why, when `failed`; otherwise `null`. */
  reason: string | null;
  steps: PreprocessSteps;
}

/**
 * Checks {@link PreprocessOptions} and returns every problem (empty when valid). Paths are prefixed by
 * `path` (a judge config can pass `'slis[3].preprocess'` and get `'slis[3].preprocess.smoothing.window'`).
 *
 * @example
 * ```ts
 * checkPreprocessOptions({ nan: { kind: 'drop' }, smoothing: { kind: 'ewma', alpha: 2 } });
 * // [{ path: 'nan.kind', … }, { path: 'smoothing.alpha', … }]
 * ```
 */
export function checkPreprocessOptions(options: unknown, path = ''): PreprocessProblem[] {
  if (options === undefined) return [];
  if (!isRecord(options)) {
    return [{ code: 'INVALID_OPTION', path, message: `preprocess options must be an object, got ${describe(options)}` }];
  }
  const problems: PreprocessProblem[] = [];
  if (options.nan !== undefined) problems.push(...checkNanPolicy(options.nan, joinPath(path, 'nan')));
  if (options.outliers !== undefined) problems.push(...checkOutlierSpec(options.outliers, joinPath(path, 'outliers')));
  if (options.smoothing !== undefined) problems.push(...checkSmoothingSpec(options.smoothing, joinPath(path, 'smoothing')));
  return problems;
}

/**
 * Preprocesses one sample in a fixed order: NaN policy → outlier removal → smoothing, and returns the
 * final data with a plain-JSON account of every step (counts before/after, removed, replaced, fences,
 * the specs with defaults filled in). Outlier removal drops points, so smoothing runs on the remaining
 * points in their original order.
 *
 * Bad data is a result: a `fail` NaN policy with NaN present returns `failed: true`, a `reason`, the input
 * unchanged, and `null` for the steps not run. Bad usage is an error: all options are checked first and
 * any problem throws `CanaryJudgeError('INVALID_OPTION')` whose `path` names the option (`nan.value`,
 * `outliers.factor`, `smoothing.window`, …) and whose `problems` lists every problem found.
 *
 * The NaN → outlier shape follows Kayenta's NetflixACAJudge (`transformMetric`: removeNaNs, then IQR
 * outlier removal); to reproduce it exactly use `{ nan: { kind: 'remove' }, outliers: { kind: 'kayentaIqr' } }`.
 *
 * @example
 * ```ts
 * const r = preprocess([1, NaN, 2, 3, 4, 100], { outliers: { kind: 'iqr' } });
 * r.values;                  // Float64Array [1, 2, 3, 4]
 * r.steps.nan.removed;       // 1
 * r.steps.outliers?.removed; // 1
 * r.steps.countAfter;        // 4
 * ```
 */
export function preprocess(values: ArrayLike<number>, options: PreprocessOptions = {}): PreprocessResult {
  throwIfProblems(checkPreprocessOptions(options));
  const nanPolicy = options.nan ?? DEFAULT_NAN_POLICY;
  const outlierSpec = options.outliers ?? { kind: 'none' };
  const smoothingSpec = options.smoothing ?? { kind: 'none' };
  const countBefore = values.length;

  const nan = applyNanPolicy(values, nanPolicy);
  const nanSummary: NanStepSummary = {
    // +0 for −0: the summary must survive a JSON round trip unchanged
    policy: nanPolicy.kind === 'replace' ? { kind: 'replace', value: nanPolicy.value === 0 ? 0 : nanPolicy.value } : { kind: nanPolicy.kind },
    nanCount: nan.nanCount,
    removed: nan.removed,
    replaced: nan.replaced,
    failed: nan.failed,
    countBefore: nan.countBefore,
    countAfter: nan.countAfter,
  };
  if (nan.failed) {
    return {
      values: nan.values,
      failed: true,
      reason: `${nan.nanCount} of ${countBefore} values are missing (NaN) and the NaN policy is 'fail'`,
      steps: { nan: nanSummary, outliers: null, smoothing: null, countBefore, countAfter: nan.values.length },
    };
  }

  // `nan.values` is already a fresh array: steps of kind 'none' pass it on instead of copying it again
  const n0 = nan.values.length;
  const out = outlierSpec.kind === 'none'
    ? { values: nan.values, removed: 0, lowerFence: null, upperFence: null, countBefore: n0, countAfter: n0 }
    : removeOutliers(nan.values, outlierSpec);
  const outlierSummary: OutlierStepSummary = {
    spec: resolveOutlierSpec(outlierSpec),
    removed: out.removed,
    lowerFence: out.lowerFence,
    upperFence: out.upperFence,
    countBefore: out.countBefore,
    countAfter: out.countAfter,
  };

  const n1 = out.values.length;
  const sm = smoothingSpec.kind === 'none'
    ? { values: out.values, spec: { kind: 'none' as const }, replaced: 0, countBefore: n1, countAfter: n1 }
    : applySmoothing(out.values, smoothingSpec);
  const smoothingSummary: SmoothingStepSummary = {
    spec: sm.spec,
    replaced: sm.replaced,
    countBefore: sm.countBefore,
    countAfter: sm.countAfter,
  };

  return {
    values: sm.values,
    failed: false,
    reason: null,
    steps: { nan: nanSummary, outliers: outlierSummary, smoothing: smoothingSummary, countBefore, countAfter: sm.values.length },
  };
}
