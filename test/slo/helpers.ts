import { expect } from 'vitest';
import { CanaryJudgeError } from '../../src/errors.js';

/** Run `f`, expect a CanaryJudgeError, return its code and path. */
export function thrown(f: () => unknown): { code: string; path: string } {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(CanaryJudgeError);
    const err = e as CanaryJudgeError;
    return { code: err.code, path: err.path };
  }
  throw new Error('expected a CanaryJudgeError, nothing was thrown');
}
