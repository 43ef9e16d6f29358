import { describe, expect, it } from 'vitest';
import { renderJson } from '../../src/report/json.js';
import { renderReport, REPORT_FORMATS } from '../../src/report/render.js';
import { CanaryJudgeError } from '../../src/errors.js';
import { failVerdict, passVerdict } from './fixtures.js';

describe('renderJson', () => {
  it('is the Verdict object itself', () => {
    const text = renderJson(failVerdict);
    expect(JSON.parse(text)).toEqual(failVerdict);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.split('\n')[1]).toBe('  "verdict": "fail",');
    expect(renderJson(passVerdict, { indent: 0 }).split('\n').length).toBe(2);
  });

  it('prints non-finite numbers of a hand-made verdict as null, so the output stays JSON', () => {
    const broken = { ...passVerdict, score: NaN };
    expect(JSON.parse(renderJson(broken)).score).toBeNull();
  });
});

describe('renderReport', () => {
  it('dispatches on the format and rejects unknown ones', () => {
    expect(REPORT_FORMATS).toEqual(['text', 'json', 'markdown', 'html']);
    expect(renderReport(passVerdict, 'text').startsWith('PASS')).toBe(true);
    expect(renderReport(passVerdict, 'markdown').startsWith('### ✅')).toBe(true);
    expect(JSON.parse(renderReport(passVerdict, 'json')).verdict).toBe('pass');
    expect(renderReport(passVerdict, 'html').startsWith('<!DOCTYPE html>')).toBe(true);
    expect(() => renderReport(passVerdict, 'pdf' as never)).toThrow(CanaryJudgeError);
  });
});
