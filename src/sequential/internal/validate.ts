/**
 * Argument checks shared by the sequential functions (internal). Every failure throws the library's one
 * error class with code `INVALID_ARGUMENT` and the option's name as `path`.
 * @module
 */
import { CanaryJudgeError } from '../../errors.js';

const CODE = 'INVALID_ARGUMENT';

function fail(path: string, message: string): never {
  throw new CanaryJudgeError(CODE, `${path}: ${message}`, path);
}

/** Throws unless the options argument is a non-null object. */
export function requireOptions(options: unknown, fn: string): void {
  if (options === null || typeof options !== 'object') fail('options', `${fn} takes one options object`);
}

/** A finite number. */
export function finite(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) fail(path, `must be a finite number (got ${String(value)})`);
  return value;
}

/** A finite number > 0. */
export function positive(value: unknown, path: string): number {
  const x = finite(value, path);
  if (!(x > 0)) fail(path, `must be > 0 (got ${x})`);
  return x;
}

/** A finite number ≥ 0. */
export function nonNegative(value: unknown, path: string): number {
  const x = finite(value, path);
  if (!(x >= 0)) fail(path, `must be ≥ 0 (got ${x})`);
  return x;
}

/** A finite number strictly between lo and hi. */
export function openInterval(value: unknown, path: string, lo: number, hi: number): number {
  const x = finite(value, path);
  if (!(x > lo && x < hi)) fail(path, `must be in (${lo}, ${hi}) (got ${x})`);
  return x;
}

/** A finite number > lo. */
export function greaterThan(value: unknown, path: string, lo: number, label = String(lo)): number {
  const x = finite(value, path);
  if (!(x > lo)) fail(path, `must be > ${label} (got ${x})`);
  return x;
}

/** A finite number ≥ lo. */
export function atLeast(value: unknown, path: string, lo: number): number {
  const x = finite(value, path);
  if (!(x >= lo)) fail(path, `must be ≥ ${lo} (got ${x})`);
  return x;
}

/** An integer ≥ lo. */
export function integerAtLeast(value: unknown, path: string, lo: number): number {
  const x = finite(value, path);
  if (!Number.isInteger(x) || x < lo) fail(path, `must be an integer ≥ ${lo} (got ${x})`);
  return x;
}

/** A boolean. */
export function bool(value: unknown, path: string): boolean {
  if (typeof value !== 'boolean') fail(path, `must be a boolean (got ${String(value)})`);
  return value;
}

/** An array-like of numbers (arrays or typed arrays). */
export function arrayLike(value: unknown, path: string): ArrayLike<number> {
  if (
    value === null ||
    typeof value !== 'object' ||
    typeof (value as { length?: unknown }).length !== 'number' ||
    !Number.isInteger((value as { length: number }).length)
  ) {
    fail(path, 'must be an array or typed array of numbers');
  }
  return value as ArrayLike<number>;
}

/** Throws with a custom message. */
export function invalid(path: string, message: string): never {
  return fail(path, message);
}
