import { type BlockAggregateOptions, blockAggregate, checkBlockAggregateOptions } from './blockAggregate.js';
import { checkEwmaOptions, type EwmaOptions, ewma, ewmaAlpha } from './ewma.js';
import { checkHampelOptions, DEFAULT_HAMPEL_K, type HampelOptions, hampelFilter } from './hampel.js';
import { describe, isRecord, joinPath, type PreprocessProblem, throwIfProblems } from './internal.js';
import { checkRollingMedianOptions, type RollingMedianOptions, rollingMedian } from './rollingMedian.js';

/**
 * Which smoothing to apply (the last preprocessing step):
 * - `none`: keep the series as it is;
 * - `ewma`: {@link ewma} with `alpha` or `halfLife`;
 * - `rollingMedian`: {@link rollingMedian} with `window` and optional `center`;
 * - `hampel`: {@link hampelFilter} with `window` and optional `k`;
 * - `blockAggregate`: {@link blockAggregate} with `size`, `stat` and optional `remainder`.
 */
export type SmoothingSpec =
  | { kind: 'none' }
  | ({ kind: 'ewma' } & EwmaOptions)
  | ({ kind: 'rollingMedian' } & RollingMedianOptions)
  | ({ kind: 'hampel' } & HampelOptions)
  | ({ kind: 'blockAggregate' } & BlockAggregateOptions);

/** A {@link SmoothingSpec} with every default filled in (plain JSON; `ewma` always carries its alpha). */
export type ResolvedSmoothingSpec =
  | { kind: 'none' }
  | { kind: 'ewma'; alpha: number; halfLife: number | null }
  | { kind: 'rollingMedian'; window: number; center: boolean }
  | { kind: 'hampel'; window: number; k: number }
  | { kind: 'blockAggregate'; size: number; stat: 'mean' | 'median' | 'max'; remainder: 'keep' | 'drop' };

/** Result of {@link applySmoothing}. */
export interface SmoothingResult {
  /** The smoothed series (a new array). */
  values: Float64Array;
  /** The spec that was applied, defaults filled in. */
  spec: ResolvedSmoothingSpec;
  /** Points replaced by the Hampel filter (0 for every other kind). */
  replaced: number;
  /** Length of the input. */
  countBefore: number;
  /** Length of `values` (differs from `countBefore` only for `blockAggregate`). */
  countAfter: number;
}

/**
 * Checks a {@link SmoothingSpec}; returns every problem (empty when valid), paths prefixed by `path`
 * (`'smoothing'` gives `'smoothing.window'`).
 *
 * @example
 * ```ts
 * checkSmoothingSpec({ kind: 'rollingMedian', window: 0 }, 'smoothing');
 * // [{ code: 'INVALID_OPTION', path: 'smoothing.window', … }]
 * ```
 */
export function checkSmoothingSpec(spec: unknown, path = ''): PreprocessProblem[] {
  if (!isRecord(spec)) {
    return [{ code: 'INVALID_OPTION', path, message: `smoothing spec must be an object with a kind, got ${describe(spec)}` }];
  }
  switch (spec.kind) {
    case 'none':
      return [];
    case 'ewma':
      return checkEwmaOptions(spec, path);
    case 'rollingMedian':
      return checkRollingMedianOptions(spec, path);
    case 'hampel':
      return checkHampelOptions(spec, path);
    case 'blockAggregate':
      return checkBlockAggregateOptions(spec, path);
    default:
      return [
        {
          code: 'INVALID_OPTION',
          path: joinPath(path, 'kind'),
          message: `smoothing kind must be 'none', 'ewma', 'rollingMedian', 'hampel' or 'blockAggregate', got ${describe(spec.kind)}`,
        },
      ];
  }
}

/**
 * Fills in the defaults of a (valid) {@link SmoothingSpec}; an `ewma` half-life is converted to its alpha.
 *
 * @example
 * ```ts
 * resolveSmoothingSpec({ kind: 'ewma', halfLife: 1 }); // { kind: 'ewma', alpha: 0.5, halfLife: 1 }
 * ```
 */
export function resolveSmoothingSpec(spec: SmoothingSpec): ResolvedSmoothingSpec {
  throwIfProblems(checkSmoothingSpec(spec));
  switch (spec.kind) {
    case 'none':
      return { kind: 'none' };
    case 'ewma':
      return { kind: 'ewma', alpha: ewmaAlpha(spec), halfLife: spec.halfLife ?? null };
    case 'rollingMedian':
      return { kind: 'rollingMedian', window: spec.window, center: spec.center ?? false };
    case 'hampel':
      return { kind: 'hampel', window: spec.window, k: spec.k ?? DEFAULT_HAMPEL_K };
    case 'blockAggregate':
      return { kind: 'blockAggregate', size: spec.size, stat: spec.stat, remainder: spec.remainder ?? 'keep' };
  }
}

/**
 * Applies one {@link SmoothingSpec} and reports what it did. Never mutates `values`; never throws on data;
 * throws `CanaryJudgeError('INVALID_OPTION')` for a malformed spec.
 *
 * @example
 * ```ts
 * applySmoothing([1, 2, 3, 4], { kind: 'ewma', alpha: 0.5 }).values; // Float64Array [1, 1.5, 2.25, 3.125]
 * applySmoothing([1, 2, 3, 4], { kind: 'blockAggregate', size: 2, stat: 'mean' }).countAfter; // 2
 * ```
 */
export function applySmoothing(values: ArrayLike<number>, spec: SmoothingSpec): SmoothingResult {
  const r = resolveSmoothingSpec(spec);
  const n = values.length;
  let out: Float64Array;
  let replaced = 0;
  switch (r.kind) {
    case 'none':
      out = Float64Array.from(values);
      break;
    case 'ewma':
      out = ewma(values, { alpha: r.alpha });
      break;
    case 'rollingMedian':
      out = rollingMedian(values, { window: r.window, center: r.center });
      break;
    case 'hampel': {
      const h = hampelFilter(values, { window: r.window, k: r.k });
      out = h.values;
      replaced = h.replaced;
      break;
    }
    case 'blockAggregate':
      out = blockAggregate(values, { size: r.size, stat: r.stat, remainder: r.remainder });
      break;
  }
  return { values: out, spec: r, replaced, countBefore: n, countAfter: out.length };
}
