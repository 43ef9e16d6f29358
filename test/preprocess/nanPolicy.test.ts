import { describe, expect, it } from 'vitest';
import { CanaryJudgeError } from '../../src/errors.js';
import { applyNanPolicy, applyNanPolicySeries, checkNanPolicy } from '../../src/preprocess/index.js';

describe('applyNanPolicy', () => {
  it('remove drops NaN and reports counts (Kayenta Transforms.removeNaNs)', () => {
    const input = [1, NaN, 3, NaN, 5];
    const r = applyNanPolicy(input, { kind: 'remove' });
    expect(Array.from(r.values)).toEqual([1, 3, 5]);
    expect(r).toMatchObject({ nanCount: 2, removed: 2, replaced: 0, failed: false, countBefore: 5, countAfter: 3 });
    expect(r.values).toBeInstanceOf(Float64Array);
  });

  it('replace puts the value in place of NaN (Kayenta replaceNaNs uses 0)', () => {
    const r = applyNanPolicy(new Float64Array([NaN, 2, NaN]), { kind: 'replace', value: 0 });
    expect(Array.from(r.values)).toEqual([0, 2, 0]);
    expect(r).toMatchObject({ nanCount: 2, removed: 0, replaced: 2, failed: false, countBefore: 3, countAfter: 3 });
  });

  it('fail returns a flag, not an exception, and leaves the data unchanged', () => {
    const r = applyNanPolicy([1, NaN], { kind: 'fail' });
    expect(r.failed).toBe(true);
    expect(r.nanCount).toBe(1);
    expect(r.values.length).toBe(2);
    expect(r.values[0]).toBe(1);
    expect(Number.isNaN(r.values[1])).toBe(true);
    expect(applyNanPolicy([1, 2], { kind: 'fail' }).failed).toBe(false);
  });

  it('treats ±Infinity as values, not NaN', () => {
    const r = applyNanPolicy([Infinity, NaN, -Infinity], { kind: 'remove' });
    expect(Array.from(r.values)).toEqual([Infinity, -Infinity]);
    expect(r.nanCount).toBe(1);
    expect(applyNanPolicy([Infinity, -Infinity], { kind: 'fail' }).failed).toBe(false);
  });

  it('handles empty and all-NaN input', () => {
    expect(applyNanPolicy([], { kind: 'remove' })).toMatchObject({ nanCount: 0, countBefore: 0, countAfter: 0, failed: false });
    const r = applyNanPolicy([NaN, NaN], { kind: 'remove' });
    expect(r.values.length).toBe(0);
    expect(r.removed).toBe(2);
  });

  it('does not mutate the input', () => {
    const input = [NaN, 1];
    applyNanPolicy(input, { kind: 'replace', value: 7 });
    expect(Number.isNaN(input[0])).toBe(true);
  });

  it('throws INVALID_OPTION with the path of the bad field', () => {
    const bad = (p: unknown): CanaryJudgeError => {
      try {
        applyNanPolicy([1], p as never);
      } catch (e) {
        return e as CanaryJudgeError;
      }
      throw new Error('did not throw');
    };
    expect(bad({ kind: 'replace', value: NaN })).toMatchObject({ code: 'INVALID_OPTION', path: 'value' });
    expect(bad({ kind: 'replace', value: Infinity })).toMatchObject({ code: 'INVALID_OPTION', path: 'value' });
    expect(bad({ kind: 'drop' })).toMatchObject({ code: 'INVALID_OPTION', path: 'kind' });
    expect(bad(null)).toBeInstanceOf(CanaryJudgeError);
    expect(checkNanPolicy({ kind: 'replace' }, 'slis[0].nan')[0].path).toBe('slis[0].nan.value');
  });
});

describe('applyNanPolicySeries', () => {
  it('keeps timestamps aligned with the values', () => {
    const r = applyNanPolicySeries({ timestamps: [10, 20, 30, 40], values: [1, NaN, 3, NaN] }, { kind: 'remove' });
    expect(Array.from(r.timestamps)).toEqual([10, 30]);
    expect(Array.from(r.values)).toEqual([1, 3]);
    expect(r).toMatchObject({ removed: 2, nanCount: 2, countBefore: 4, countAfter: 2 });
  });

  it('replace and fail keep every timestamp', () => {
    const s = { timestamps: [1, 2, 3], values: [NaN, 5, 6] };
    const rep = applyNanPolicySeries(s, { kind: 'replace', value: -1 });
    expect(Array.from(rep.timestamps)).toEqual([1, 2, 3]);
    expect(Array.from(rep.values)).toEqual([-1, 5, 6]);
    const f = applyNanPolicySeries(s, { kind: 'fail' });
    expect(f.failed).toBe(true);
    expect(Array.from(f.timestamps)).toEqual([1, 2, 3]);
  });

  it('throws LENGTH_MISMATCH on arrays of different length', () => {
    expect(() => applyNanPolicySeries({ timestamps: [1, 2], values: [1] }, { kind: 'remove' })).toThrowError(CanaryJudgeError);
    try {
      applyNanPolicySeries({ timestamps: [1, 2], values: [1] }, { kind: 'remove' });
    } catch (e) {
      expect((e as CanaryJudgeError).code).toBe('LENGTH_MISMATCH');
      expect((e as CanaryJudgeError).path).toBe('timestamps');
    }
  });
});
