import { CanaryJudgeError } from '../errors.js';
import { findMinimum } from './internal/roots.js';
import { arrayLike, atLeast, invalid, openInterval, requireOptions } from './internal/validate.js';
import { makeBetaBinomialLogMixture } from './betaBinomialLogMixture.js';

/** Options of {@link quantileAbPValue}. */
export interface QuantileAbPValueOptions {
  /** Sample of arm A (array or typed array; ties allowed, order irrelevant, never mutated). */
  readonly aValues: ArrayLike<number>;
  /** Sample of arm B. */
  readonly bValues: ArrayLike<number>;
  /** The quantile level p in (0, 1) whose equality is tested (0.5 = median, 0.99 = p99). */
  readonly quantileP: number;
  /** Per-arm sample size at which the test is tuned to be most powerful (≥ 1; truncated to an integer, as in confseq). */
  readonly tOpt: number;
  /** Crossing probability the mixture is tuned for, in (0, 1) (default 0.05). */
  readonly alphaOpt?: number;
}

/** Relative / absolute tolerance of the per-arm minimiser (confseq: Boost Brent at 20 bits ≈ 1e-6). */
const MINIMIZER_REL_TOL = 1e-10;
const MINIMIZER_ABS_TOL = 1e-12;

function sortedCopy(values: ArrayLike<number>, path: string): Float64Array {
  const n = values.length;
  if (n === 0) throw new CanaryJudgeError('EMPTY_SAMPLE', `${path}: needs at least one value`, path);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const x = values[i];
    if (typeof x !== 'number' || Number.isNaN(x)) invalid(`${path}[${i}]`, `must be a number (got ${String(x)})`);
    out[i] = x;
  }
  out.sort();
  return out;
}

/** #{values < x} in a sorted array. */
function countLess(sorted: Float64Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** #{values ≤ x} in a sorted array. */
function countLessOrEqual(sorted: Float64Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

interface Arm {
  readonly sorted: Float64Array;
  /** G(x): the arm's smallest log mixture among CDFs compatible with x being its p-quantile. */
  readonly G: (x: number) => number;
  /** Order statistic at ceil(m·N) (1-based), where m minimises the arm's log mixture. */
  readonly xLo: number;
  /** Order statistic at floor(m·N) + 1. */
  readonly xHi: number;
}

function makeArm(sorted: Float64Array, p: number, logMixture: (s: number, v: number) => number): Arm {
  const N = sorted.length;
  const v = p * (1 - p) * N;
  const L = (prop: number): number => logMixture((prop - p) * N, v);
  const { x: m, fx: Lm } = findMinimum(L, 0, 1, { relTol: MINIMIZER_REL_TOL, absTol: MINIMIZER_ABS_TOL });
  const loIndex = Math.min(Math.max(Math.ceil(m * N), 1), N);
  const hiIndex = Math.min(Math.max(Math.floor(m * N) + 1, 1), N);
  const xLo = sorted[loIndex - 1];
  const xHi = sorted[hiIndex - 1];
  const G = (x: number): number => {
    if (x < xLo) return L(countLessOrEqual(sorted, x) / N);
    if (x > xHi) return L(countLess(sorted, x) / N);
    return Lm;
  };
  return { sorted, G, xLo, xHi };
}

/**
 * Always-valid two-sided p-value for "arms A and B have the same p-quantile", from Howard & Ramdas
 * (2022), "Sequential estimation of quantiles with applications to A/B-testing and best-arm
 * identification" (§ on A/B testing; confseq's `quantile_ab_p_value` / `QuantileABTest::p_value`).
 * Recompute it on the growing samples as often as you like: rejecting when it drops below α keeps the
 * false-positive rate at or below α.
 *
 * Each arm (N values) gets the two-sided beta-binomial mixture with g = p, h = 1 − p,
 * v_opt = t_opt·p(1−p), tuned for alphaOpt; L(prop) is its log at s = (prop − p)·N, v = p(1−p)·N. The
 * minimiser m of L on [0, 1] (Brent, relative tolerance 1e-10) gives x_lo = X₍⌈mN⌉₎ and x_hi = X₍⌊mN⌋+1₎;
 * G(x) = L(#{X ≤ x}/N) below x_lo, L(#{X < x}/N) above x_hi and L(m) between. The p-value is
 * min(1, exp(−min_x (G_A(x) + G_B(x)))), the minimum taken over the candidate points confseq uses (the
 * first arm's x_hi, the second arm's x_lo, and the distinct order statistics of the second arm between
 * them). Cost: O(N log N) for the sorts plus O(K log N) for K candidate points.
 *
 * @throws CanaryJudgeError `EMPTY_SAMPLE` when an arm is empty; `INVALID_ARGUMENT` for NaN values,
 * quantileP outside (0, 1), tOpt < 1, alphaOpt outside (0, 1).
 *
 * @example
 * ```ts
 * const a = Array.from({ length: 1000 }, (_, i) => i + 1);
 * const b = a.map((x) => x + 100);
 * quantileAbPValue({ aValues: a, bValues: b, quantileP: 0.5, tOpt: 100 }); // 0.005494701248082438 (confseq: 0.005494701248072736)
 * ```
 */
export function quantileAbPValue(options: QuantileAbPValueOptions): number {
  requireOptions(options, 'quantileAbPValue');
  const aSorted = sortedCopy(arrayLike(options.aValues, 'aValues'), 'aValues');
  const bSorted = sortedCopy(arrayLike(options.bValues, 'bValues'), 'bValues');
  const p = openInterval(options.quantileP, 'quantileP', 0, 1);
  const tOpt = Math.trunc(atLeast(options.tOpt, 'tOpt', 1));
  const alphaOpt = openInterval(options.alphaOpt ?? 0.05, 'alphaOpt', 0, 1);

  const mixture = makeBetaBinomialLogMixture(tOpt * p * (1 - p), p, 1 - p, alphaOpt, false);
  const armA = makeArm(aSorted, p, mixture);
  const armB = makeArm(bSorted, p, mixture);
  const [first, second] = armA.xHi <= armB.xHi ? [armA, armB] : [armB, armA];
  const objective = (x: number): number => first.G(x) + second.G(x);

  let minValue = Math.min(objective(first.xHi), objective(second.xLo));
  const sorted = second.sorted;
  const start = Math.max(1, countLessOrEqual(sorted, first.xHi));
  const end = countLessOrEqual(sorted, second.xLo);
  for (let i = start; i <= end; i++) {
    const x = sorted[i - 1];
    // skip to the last of a run of ties: every distinct value is visited once
    while (i < end && sorted[i] === x) i++;
    const value = objective(x);
    if (value < minValue) minValue = value;
  }
  return Math.min(1, Math.exp(-minValue));
}
