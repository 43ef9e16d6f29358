/**
 * Internal argument checks shared by `slo/` (not re-exported). Each throws a `CanaryJudgeError` whose
 * `path` is the argument name or JSON path of the offending field.
 */
import { CanaryJudgeError } from '../errors.js';
import { parseDuration, type DurationInput } from './durations.js';

/** Show a value in an error message without ever throwing (symbols, bigint, objects). */
export function show(x: unknown): string {
  if (typeof x === 'string') return `'${x}'`;
  try {
    return String(x);
  } catch {
    return typeof x;
  }
}

export function finiteNumber(x: unknown, path: string, code = 'INVALID_ARGUMENT'): number {
  if (typeof x !== 'number' || !Number.isFinite(x)) {
    throw new CanaryJudgeError(code, `${path} must be a finite number, got ${show(x)}`, path);
  }
  return x;
}

export function nonNegative(x: unknown, path: string, code = 'INVALID_ARGUMENT'): number {
  const v = finiteNumber(x, path, code);
  if (v < 0) throw new CanaryJudgeError(code, `${path} must be ≥ 0, got ${v}`, path);
  return v;
}

export function positive(x: unknown, path: string, code = 'INVALID_ARGUMENT'): number {
  const v = finiteNumber(x, path, code);
  if (!(v > 0)) throw new CanaryJudgeError(code, `${path} must be > 0, got ${v}`, path);
  return v;
}

export function fraction(x: unknown, path: string, code = 'INVALID_ARGUMENT'): number {
  const v = finiteNumber(x, path, code);
  if (v < 0 || v > 1) {
    throw new CanaryJudgeError(code, `${path} must be a fraction between 0 and 1 (0.02, not 2), got ${v}`, path);
  }
  return v;
}

/** A duration that must be strictly positive (windows and periods). */
export function positiveDuration(d: unknown, path: string): number {
  const s = parseDuration(d as DurationInput, path);
  if (!(s > 0)) throw new CanaryJudgeError('INVALID_DURATION', `${path} must be a positive duration, got ${show(d)}`, path);
  return s;
}

/** The options object itself: a plain object, else `INVALID_ARGUMENT`. */
export function optionsObject<T>(x: T, path: string): T {
  if (x === null || typeof x !== 'object') {
    throw new CanaryJudgeError('INVALID_ARGUMENT', `${path} must be an options object, got ${show(x)}`, path);
  }
  return x;
}

/** Results never hold Infinity: a result too large for a double is a usage error (`'OUT_OF_RANGE'`). */
export function finiteResult(x: number, what: string, path: string): number {
  if (!Number.isFinite(x)) {
    throw new CanaryJudgeError('OUT_OF_RANGE', `${what} is too large to represent (inputs out of range)`, path);
  }
  return x;
}
