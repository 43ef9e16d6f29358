import { describe, isPositiveFinite, isRecord, joinPath, type PreprocessProblem, throwIfProblems } from './internal.js';

/**
 * Options of {@link ewma}: exactly one of
 * - `alpha` ∈ (0, 1]: weight of the newest value (1 = no smoothing);
 * - `halfLife` > 0 (in samples): the number of steps after which a value's weight has halved;
 *   alpha = 1 − 2^(−1/halfLife) (pandas `ewm(halflife=…)` uses the same conversion).
 */
export type EwmaOptions = { alpha: number; halfLife?: undefined } | { halfLife: number; alpha?: undefined };

/**
 * Checks {@link EwmaOptions}; returns every problem (empty when valid), paths prefixed by `path`.
 *
 * @example
 * ```ts
 * checkEwmaOptions({ alpha: 1.5 }); // [{ code: 'INVALID_OPTION', path: 'alpha', … }]
 * ```
 */
export function checkEwmaOptions(options: unknown, path = ''): PreprocessProblem[] {
  if (!isRecord(options)) {
    return [{ code: 'INVALID_OPTION', path, message: `EWMA options must be an object with alpha or halfLife, got ${describe(options)}` }];
  }
  const hasAlpha = options.alpha !== undefined;
  const hasHalfLife = options.halfLife !== undefined;
  if (hasAlpha && hasHalfLife) {
    return [{ code: 'INVALID_OPTION', path: joinPath(path, 'halfLife'), message: 'give either alpha or halfLife, not both' }];
  }
  if (!hasAlpha && !hasHalfLife) {
    return [{ code: 'INVALID_OPTION', path: joinPath(path, 'alpha'), message: 'EWMA needs alpha (0 < alpha ≤ 1) or halfLife (> 0)' }];
  }
  if (hasAlpha) {
    const a = options.alpha;
    if (typeof a !== 'number' || !(a > 0 && a <= 1)) {
      return [{ code: 'INVALID_OPTION', path: joinPath(path, 'alpha'), message: `alpha must be in (0, 1], got ${describe(a)}` }];
    }
    return [];
  }
  if (!isPositiveFinite(options.halfLife)) {
    return [
      { code: 'INVALID_OPTION', path: joinPath(path, 'halfLife'), message: `halfLife must be a finite number > 0, got ${describe(options.halfLife)}` },
    ];
  }
  return [];
}

/**
 * The smoothing weight alpha of valid {@link EwmaOptions}: `alpha` itself, or 1 − 2^(−1/halfLife).
 *
 * @example
 * ```ts
 * ewmaAlpha({ halfLife: 1 }); // 0.5
 * ```
 */
export function ewmaAlpha(options: EwmaOptions): number {
  throwIfProblems(checkEwmaOptions(options));
  if (options.alpha !== undefined) return options.alpha;
  // 1 − 2^(−1/h) = −expm1(−ln 2 / h): accurate also for long half-lives.
  return -Math.expm1(-Math.LN2 / (options.halfLife as number));
}

/**
 * Exponentially weighted moving average, output of the same length as the input:
 *
 *     s[0] = x[0]
 *     s[t] = alpha·x[t] + (1 − alpha)·s[t−1]
 *
 * This is pandas `Series.ewm(alpha=…, adjust=False, ignore_na=True).mean()` (the "recursive" EWMA, no
 * bias adjustment). A NaN input leaves the state unchanged and outputs the last smoothed value (NaN while
 * no value has been seen yet). Never mutates `values`; never throws on data; throws
 * `CanaryJudgeError('INVALID_OPTION')` with path `alpha` or `halfLife` for bad options.
 *
 * @example
 * ```ts
 * ewma([1, 2, 3, 4], { alpha: 0.5 }); // Float64Array [1, 1.5, 2.25, 3.125]
 * ewma([1, 2, 3, 4], { halfLife: 1 }); // the same: alpha = 1 − 2^(−1) = 0.5
 * ```
 */
export function ewma(values: ArrayLike<number>, options: EwmaOptions): Float64Array {
  const alpha = ewmaAlpha(options);
  const n = values.length;
  const out = new Float64Array(n);
  let state = NaN;
  let started = false;
  for (let i = 0; i < n; i++) {
    const x = values[i];
    if (!Number.isNaN(x)) {
      if (!started) {
        state = x;
        started = true;
      } else if (alpha === 1) {
        state = x;
      } else if (x !== state) {
        // s + a·(x − s) is the same recursion; written this way a constant input stays exactly constant.
        // When x − s is not finite (infinities, or an overflowing difference) use a·x + (1 − a)·s instead.
        const d = x - state;
        state = Number.isFinite(d) ? state + alpha * d : alpha * x + (1 - alpha) * state;
      }
    }
    out[i] = state;
  }
  return out;
}
