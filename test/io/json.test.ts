import { describe, expect, it } from 'vitest';
import { CanaryJudgeError } from '../../src/errors.js';
import { parseJsonInput, parseJsonPath, parseJsonText } from '../../src/io/json.js';
import { formatJsonPath, jsonPathOffset, jsonSyntaxError, locateJsonPath } from '../../src/io/jsonLocate.js';
import { positionAt } from '../../src/io/location.js';

const plain = (v: unknown): unknown => JSON.parse(JSON.stringify(v, (_, x) => (ArrayBuffer.isView(x) ? Array.from(x as Float64Array) : x)));

function messageOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (e instanceof CanaryJudgeError) return `${e.code} ${e.message}`;
    throw e;
  }
  throw new Error('expected an error');
}

describe('JSON positions', () => {
  it('finds the first syntax error (RFC 8259 grammar)', () => {
    expect(jsonSyntaxError('{"a": [1, 2,, 3]}')).toEqual({ offset: 12, message: 'unexpected ",": expected a JSON value' });
    expect(jsonSyntaxError('{"a": NaN}')).toEqual({ offset: 6, message: 'NaN and Infinity are not JSON: use null for a missing value' });
    expect(jsonSyntaxError('{"a": 1} x')).toEqual({ offset: 9, message: 'unexpected "x" after the JSON value' });
    expect(jsonSyntaxError('{"a": "b')).toEqual({ offset: 6, message: 'a string is never closed' });
    expect(jsonSyntaxError("{'a': 1}")).toEqual({ offset: 1, message: 'expected a key in double quotes, got "\'"' });
    expect(jsonSyntaxError('[01]')).toEqual({ offset: 2, message: 'invalid number: unexpected "1"' });
    expect(jsonSyntaxError('{"a": [1, {"b": true}], "c": "\\u00e9"}')).toBeNull();
  });

  it('agrees with JSON.parse on what is valid', () => {
    for (const t of ['1', '"x"', '[]', '{}', ' {"a":[null,false,-0.5e-3]} ', '[1,]', '{"a":1,}', '-', '1.', '.5', '[1 2]', '"\t"']) {
      let valid = true;
      try {
        JSON.parse(t);
      } catch {
        valid = false;
      }
      expect(jsonSyntaxError(t) === null, t).toBe(valid);
    }
  });

  it('finds the value at a JSON path and turns offsets into lines and columns', () => {
    const text = '{\n  "slis": [\n    { "name": "a" },\n    { "name": "b", "direction": "up" }\n  ]\n}';
    expect(jsonPathOffset(text, ['slis', 1, 'direction'])).toBe(text.indexOf('"up"'));
    expect(locateJsonPath(text, ['slis', 1, 'direction'])).toEqual({ line: 4, column: 33 });
    expect(locateJsonPath(text, ['slis', 1, 'missing'])).toEqual({ line: 4, column: 5 }); // nearest existing parent
    expect(positionAt('a\r\nb\rc\nd', 7)).toEqual({ line: 4, column: 1 });
    expect(parseJsonPath('slis[3].direction')).toEqual(['slis', 3, 'direction']);
    expect(parseJsonPath('groupWeights["a b"]')).toEqual(['groupWeights', 'a b']);
    expect(formatJsonPath(['latency', 'baseline', 3])).toBe('latency.baseline[3]');
    expect(formatJsonPath(['p99 latency', 'canary'])).toBe('["p99 latency"].canary');
  });

  it('locates syntax errors in files', () => {
    expect(messageOf(() => parseJsonText('{\n  "slis": [\n    {"name": "a"},\n  ]\n}', 'canary.json'))).toBe('INVALID_JSON canary.json:4:3: unexpected "]": expected a JSON value');
  });
});

describe('parseJsonInput', () => {
  it('recognises data, one SLI and one side by shape', () => {
    expect(plain(parseJsonInput('{"latency_ms": {"baseline": [120, 131], "canary": [125, null]}, "errors": {"baseline": {"events": 3, "total": 1000}, "canary": null}}'))).toEqual({
      kind: 'data',
      data: { latency_ms: { baseline: [120, 131], canary: [125, null] }, errors: { baseline: { events: 3, total: 1000 }, canary: null } },
    });
    expect(plain(parseJsonInput('{"baseline": {"timestamps": ["2024-06-03T14:00:00Z", 1717423215000], "values": [1, 2]}, "canary": [3]}'))).toEqual({
      kind: 'sli', sli: { baseline: { timestamps: [1717423200000, 1717423215000], values: [1, 2] }, canary: [3] },
    });
    expect(plain(parseJsonInput('[1, 2, null]'))).toEqual({ kind: 'side', side: [1, 2, null] });
    expect(plain(parseJsonInput('{"events": [1, 2], "total": [100, 90]}'))).toEqual({ kind: 'side', side: { events: [1, 2], total: [100, 90] } });
    expect(plain(parseJsonInput('{"values": [5, 6]}'))).toEqual({ kind: 'side', side: [5, 6] });
  });

  it('names the file, line, column and JSON path of a bad value', () => {
    const text = '{\n  "latency_ms": {\n    "baseline": [120, "131ms", 118],\n    "canary": [1]\n  }\n}';
    expect(messageOf(() => parseJsonInput(text, { file: 'data.json' }))).toBe('INVALID_DATA data.json:3:23: latency_ms.baseline[1]: expected a number or null (a missing value), got "131ms"');
    expect(messageOf(() => parseJsonInput('{"a": {"baseline": [1], "canry": [2]}}', { file: 'd.json' }))).toBe('INVALID_DATA d.json:1:34: a.canry: unknown field: an SLI has "baseline" and "canary"');
    expect(messageOf(() => parseJsonInput('{"a": {"baseline": {"timestamps": [1, 2], "values": [1]}}}', { file: 'd.json' }))).toBe('INVALID_DATA d.json:1:35: a.baseline.timestamps: 2 timestamps for 1 values');
    expect(messageOf(() => parseJsonInput('{"a": {"baseline": {"events": [1], "total": 5}}}', { file: 'd.json' }))).toBe('INVALID_DATA d.json:1:45: a.baseline.total: events and total must both be numbers or arrays of the same length');
    expect(messageOf(() => parseJsonInput('{"a": {"baseline": {"events": -1, "total": 5}}}', { file: 'd.json' }))).toBe('INVALID_DATA d.json:1:31: a.baseline.events: events must be a non-negative number, got -1');
    expect(messageOf(() => parseJsonInput('"x"', { file: 'd.json' }))).toBe('INVALID_DATA d.json:1:1: expected data (an object or an array), got "x"');
    expect(messageOf(() => parseJsonInput('{}', { file: 'd.json' }))).toBe('INVALID_DATA d.json:1:1: the data object has no SLIs');
  });
});
