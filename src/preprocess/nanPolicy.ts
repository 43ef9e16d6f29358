import { CanaryJudgeError } from '../errors.js';
import { describe, isRecord, joinPath, type PreprocessProblem, throwIfProblems } from './internal.js';

/**
 * What to do with NaN (missing) measurements.
 * - `remove`: drop them (Kayenta's NetflixACAJudge default, `Transforms.removeNaNs`).
 * - `replace`: put a finite `value` in their place (Kayenta's `replaceNaNs` uses 0; useful for counters
 *   where "no sample" means "no event").
 * - `fail`: leave the data alone and report `failed: true` when any NaN is present (bad data is a result).
 *
 * ±Infinity are values, not NaN: no policy touches them.
 */
export type NanPolicy = { kind: 'remove' } | { kind: 'replace'; value: number } | { kind: 'fail' };

/** Result of {@link applyNanPolicy}. */
export interface NanPolicyResult {
  /** The data after the policy (a new array; for `fail` with NaN present, an unchanged copy). */
  values: Float64Array;
  /** How many NaN the input held. */
  nanCount: number;
  /** How many values were removed (`remove` only). */
  removed: number;
  /** How many values were replaced (`replace` only). */
  replaced: number;
  /** True when the policy is `fail` and at least one NaN is present. */
  failed: boolean;
  /** Length of the input. */
  countBefore: number;
  /** Length of `values`. */
  countAfter: number;
}

/** A time series: `timestamps[i]` is the time of `values[i]` (any unit; the two arrays have equal length). */
export interface PreprocessTimeSeries {
  timestamps: ArrayLike<number>;
  values: ArrayLike<number>;
}

/** Result of {@link applyNanPolicySeries}: like {@link NanPolicyResult}, plus the aligned timestamps. */
export interface NanPolicySeriesResult extends NanPolicyResult {
  /** `timestamps[i]` is the time of `values[i]`, after the same removals. */
  timestamps: Float64Array;
}

/**
 * Checks a {@link NanPolicy} and returns every problem found (empty when valid). `path` is the JSON path of
 * the policy inside a larger config, used to prefix problem paths (`'nan'` gives `'nan.value'`).
 *
 * @example
 * ```ts
 * checkNanPolicy({ kind: 'replace', value: NaN }, 'nan');
 * // [{ code: 'INVALID_OPTION', path: 'nan.value', message: '…' }]
 * ```
 */
export function checkNanPolicy(policy: unknown, path = ''): PreprocessProblem[] {
  if (!isRecord(policy)) {
    return [{ code: 'INVALID_OPTION', path, message: `NaN policy must be an object with a kind, got ${describe(policy)}` }];
  }
  switch (policy.kind) {
    case 'remove':
    case 'fail':
      return [];
    case 'replace':
      if (typeof policy.value !== 'number' || !Number.isFinite(policy.value)) {
        return [
          {
            code: 'INVALID_OPTION',
            path: joinPath(path, 'value'),
            message: `NaN replacement value must be a finite number, got ${describe(policy.value)}`,
          },
        ];
      }
      return [];
    default:
      return [
        {
          code: 'INVALID_OPTION',
          path: joinPath(path, 'kind'),
          message: `NaN policy kind must be 'remove', 'replace' or 'fail', got ${describe(policy.kind)}`,
        },
      ];
  }
}

function countNaN(values: ArrayLike<number>): number {
  let c = 0;
  for (let i = 0; i < values.length; i++) if (Number.isNaN(values[i])) c++;
  return c;
}

/** Shared core: applies the policy and, if `timestamps` is given, keeps it aligned. */
function applyCore(
  values: ArrayLike<number>,
  timestamps: ArrayLike<number> | null,
  policy: NanPolicy,
): { values: Float64Array; timestamps: Float64Array; nanCount: number; removed: number; replaced: number; failed: boolean } {
  const n = values.length;
  const nanCount = countNaN(values);
  const copyTs = (): Float64Array => {
    const t = new Float64Array(timestamps === null ? 0 : n);
    if (timestamps !== null) for (let i = 0; i < n; i++) t[i] = timestamps[i];
    return t;
  };
  if (policy.kind === 'remove') {
    const out = new Float64Array(n - nanCount);
    const ts = new Float64Array(timestamps === null ? 0 : n - nanCount);
    let j = 0;
    for (let i = 0; i < n; i++) {
      const v = values[i];
      if (Number.isNaN(v)) continue;
      if (timestamps !== null) ts[j] = timestamps[i];
      out[j++] = v;
    }
    return { values: out, timestamps: ts, nanCount, removed: nanCount, replaced: 0, failed: false };
  }
  const out = new Float64Array(n);
  if (policy.kind === 'replace') {
    for (let i = 0; i < n; i++) {
      const v = values[i];
      out[i] = Number.isNaN(v) ? policy.value : v;
    }
    return { values: out, timestamps: copyTs(), nanCount, removed: 0, replaced: nanCount, failed: false };
  }
  for (let i = 0; i < n; i++) out[i] = values[i];
  return { values: out, timestamps: copyTs(), nanCount, removed: 0, replaced: 0, failed: nanCount > 0 };
}

/**
 * Applies a NaN policy to a sample. Never mutates `values`; never throws on any data (NaN, ±Infinity,
 * empty): a `fail` policy with NaN present returns `failed: true` instead of throwing. Throws
 * `CanaryJudgeError('INVALID_OPTION')` only for a malformed policy (path `kind` or `value`).
 *
 * Follows Kayenta's NetflixACAJudge preprocessing (`Transforms.removeNaNs` / `replaceNaNs`,
 * spinnaker/kayenta `kayenta-judge/.../preprocessing/Transforms.scala`), plus an explicit `fail` policy.
 *
 * @example
 * ```ts
 * applyNanPolicy([1, NaN, 3], { kind: 'remove' });
 * // { values: Float64Array [1, 3], nanCount: 1, removed: 1, replaced: 0, failed: false, countBefore: 3, countAfter: 2 }
 * applyNanPolicy([1, NaN, 3], { kind: 'replace', value: 0 }).values; // Float64Array [1, 0, 3]
 * applyNanPolicy([1, NaN, 3], { kind: 'fail' }).failed;               // true
 * ```
 */
export function applyNanPolicy(values: ArrayLike<number>, policy: NanPolicy): NanPolicyResult {
  throwIfProblems(checkNanPolicy(policy));
  const r = applyCore(values, null, policy);
  return {
    values: r.values,
    nanCount: r.nanCount,
    removed: r.removed,
    replaced: r.replaced,
    failed: r.failed,
    countBefore: values.length,
    countAfter: r.values.length,
  };
}

/**
 * {@link applyNanPolicy} for a time series: a removed value takes its timestamp with it, so
 * `timestamps[i]` stays the time of `values[i]`. Only NaN in `values` count; timestamps are copied as they
 * are. Throws `CanaryJudgeError('LENGTH_MISMATCH', …, 'timestamps')` when the two arrays differ in length,
 * and `INVALID_OPTION` for a malformed policy.
 *
 * @example
 * ```ts
 * applyNanPolicySeries({ timestamps: [10, 20, 30], values: [1, NaN, 3] }, { kind: 'remove' });
 * // { timestamps: Float64Array [10, 30], values: Float64Array [1, 3], removed: 1, … }
 * ```
 */
export function applyNanPolicySeries(series: PreprocessTimeSeries, policy: NanPolicy): NanPolicySeriesResult {
  throwIfProblems(checkNanPolicy(policy));
  const { timestamps, values } = series;
  if (timestamps.length !== values.length) {
    throw new CanaryJudgeError(
      'LENGTH_MISMATCH',
      `timestamps (${timestamps.length}) and values (${values.length}) must have the same length`,
      'timestamps',
    );
  }
  const r = applyCore(values, timestamps, policy);
  return {
    timestamps: r.timestamps,
    values: r.values,
    nanCount: r.nanCount,
    removed: r.removed,
    replaced: r.replaced,
    failed: r.failed,
    countBefore: values.length,
    countAfter: r.values.length,
  };
}
