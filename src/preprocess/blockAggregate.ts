import { describe, isPositiveInteger, isRecord, joinPath, medianSorted, type PreprocessProblem, throwIfProblems } from './internal.js';

/**
 * Options of {@link blockAggregate}.
 * - `size`: integer ≥ 1, points per block.
 * - `stat`: `'mean'`, `'median'` or `'max'` of each block.
 * - `remainder` (default `'keep'`): what to do with a last block shorter than `size`: `'keep'` aggregates
 *   it over its fewer points, `'drop'` leaves it out (all blocks then have equal weight).
 */
export interface BlockAggregateOptions {
  size: number;
  stat: 'mean' | 'median' | 'max';
  remainder?: 'keep' | 'drop';
}

/**
 * Checks {@link BlockAggregateOptions}; returns every problem (empty when valid), paths prefixed by `path`.
 *
 * @example
 * ```ts
 * checkBlockAggregateOptions({ size: 5, stat: 'p99' }); // [{ code: 'INVALID_OPTION', path: 'stat', … }]
 * ```
 */
export function checkBlockAggregateOptions(options: unknown, path = ''): PreprocessProblem[] {
  if (!isRecord(options)) {
    return [{ code: 'INVALID_OPTION', path, message: `block options must be an object with size and stat, got ${describe(options)}` }];
  }
  const problems: PreprocessProblem[] = [];
  if (!isPositiveInteger(options.size)) {
    problems.push({ code: 'INVALID_OPTION', path: joinPath(path, 'size'), message: `size must be an integer ≥ 1, got ${describe(options.size)}` });
  }
  if (options.stat !== 'mean' && options.stat !== 'median' && options.stat !== 'max') {
    problems.push({
      code: 'INVALID_OPTION',
      path: joinPath(path, 'stat'),
      message: `stat must be 'mean', 'median' or 'max', got ${describe(options.stat)}`,
    });
  }
  if (options.remainder !== undefined && options.remainder !== 'keep' && options.remainder !== 'drop') {
    problems.push({
      code: 'INVALID_OPTION',
      path: joinPath(path, 'remainder'),
      message: `remainder must be 'keep' or 'drop', got ${describe(options.remainder)}`,
    });
  }
  return problems;
}

/**
 * Aggregates consecutive, non-overlapping blocks of `size` points into one value each (mean, median or
 * max). Neighbouring measurements of a service are autocorrelated, which makes rank tests over-confident;
 * block means (or medians) of a suitable size are close to independent — the batch-means idea of
 * simulation output analysis (e.g. Law & Kelton, "Simulation Modeling and Analysis", batch means).
 *
 * Output length: ⌈n / size⌉ with `remainder: 'keep'` (default), ⌊n / size⌋ with `'drop'`. NaN values
 * are skipped inside a block; a block of only NaN gives NaN. ±Infinity are ordinary values. Never mutates
 * `values`; never throws on data; throws `CanaryJudgeError('INVALID_OPTION')` with path `size`, `stat` or
 * `remainder` for bad options.
 *
 * @example
 * ```ts
 * blockAggregate([1, 2, 3, 4, 5, 6, 7], { size: 3, stat: 'mean' });                      // Float64Array [2, 5, 7]
 * blockAggregate([1, 2, 3, 4, 5, 6, 7], { size: 3, stat: 'max', remainder: 'drop' });   // Float64Array [3, 6]
 * ```
 */
export function blockAggregate(values: ArrayLike<number>, options: BlockAggregateOptions): Float64Array {
  throwIfProblems(checkBlockAggregateOptions(options));
  const { size, stat } = options;
  const remainder = options.remainder ?? 'keep';
  const n = values.length;
  const blocks = remainder === 'keep' ? Math.ceil(n / size) : Math.floor(n / size);
  const out = new Float64Array(blocks);
  const scratch = new Float64Array(Math.min(size, n));
  for (let b = 0; b < blocks; b++) {
    const from = b * size;
    const to = Math.min(n, from + size);
    let count = 0;
    if (stat === 'mean') {
      let sum = 0;
      let min = Infinity;
      let max = -Infinity;
      for (let i = from; i < to; i++) {
        const v = values[i];
        if (Number.isNaN(v)) continue;
        sum += v;
        if (v < min) min = v;
        if (v > max) max = v;
        count++;
      }
      if (count === 0) out[b] = NaN;
      else if (min === max) out[b] = min; // a constant block averages to itself exactly
      else if (!Number.isFinite(sum) && Number.isFinite(min) && Number.isFinite(max)) {
        // the sum of large finite values overflowed: average the scaled values instead
        let m = 0;
        for (let i = from; i < to; i++) {
          const v = values[i];
          if (!Number.isNaN(v)) m += v / count;
        }
        out[b] = m;
      } else out[b] = sum / count;
    } else if (stat === 'max') {
      let max = -Infinity;
      for (let i = from; i < to; i++) {
        const v = values[i];
        if (Number.isNaN(v)) continue;
        if (v > max) max = v;
        count++;
      }
      out[b] = count === 0 ? NaN : max;
    } else {
      for (let i = from; i < to; i++) {
        const v = values[i];
        if (!Number.isNaN(v)) scratch[count++] = v;
      }
      const part = scratch.subarray(0, count);
      part.sort();
      out[b] = medianSorted(part);
    }
  }
  return out;
}
