import { describe, expect, it } from 'vitest';
import { CanaryJudgeError } from '../src/errors.js';

describe('CanaryJudgeError', () => {
  it('carries a code, a path and a JSON form', () => {
    const e = new CanaryJudgeError('INVALID_CONFIG', 'direction must be increase, decrease or either', 'slis[3].direction');
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('CanaryJudgeError');
    expect(e.code).toBe('INVALID_CONFIG');
    expect(e.path).toBe('slis[3].direction');
    expect(e.problems).toEqual([{ code: 'INVALID_CONFIG', path: 'slis[3].direction', message: e.message }]);
    expect(JSON.parse(JSON.stringify(e)).code).toBe('INVALID_CONFIG');
  });
});
