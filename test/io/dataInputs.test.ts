import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CanaryJudgeError } from '../../src/errors.js';
import { annotateDataError, formatDataSpec, mergeDataInputs, parseDataSpec, readDataFiles, type DataInput } from '../../src/io/dataInputs.js';
import { parseCsvInput } from '../../src/io/csv.js';
import { parseJsonInput } from '../../src/io/json.js';

const plain = (v: unknown): unknown => JSON.parse(JSON.stringify(v, (_, x) => (ArrayBuffer.isView(x) ? Array.from(x as Float64Array) : x)));
const dir = mkdtempSync(join(tmpdir(), 'cj-data-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function errorOf(f: () => unknown): CanaryJudgeError {
  try {
    f();
  } catch (e) {
    if (e instanceof CanaryJudgeError) return e;
    throw e;
  }
  throw new Error('expected an error');
}

/** A query_range response (Prometheus HTTP API, "Range vectors") with one series per side, one point a line. */
function matrix(sides: Record<string, Array<[number, string]>>, label = 'track'): string {
  const series = Object.entries(sides).map(
    ([side, values]) => `    {\n      "metric": { "${label}": "${side}" },\n      "values": [\n${values.map(([t, v]) => `        [${t}, "${v}"]`).join(',\n')}\n      ]\n    }`,
  );
  return `{\n  "status": "success",\n  "data": {\n  "resultType": "matrix",\n  "result": [\n${series.join(',\n')}\n  ]\n  }\n}\n`;
}

describe('parseDataSpec', () => {
  it('reads FILE, NAME=FILE and NAME.events=FILE / NAME.total=FILE', () => {
    expect(parseDataSpec('data.json')).toEqual({ file: 'data.json' });
    expect(parseDataSpec('latency_p99=prom/p99.json')).toEqual({ file: 'prom/p99.json', sli: 'latency_p99' });
    expect(parseDataSpec('errors.events=prom/5xx.json')).toEqual({ file: 'prom/5xx.json', sli: 'errors', part: 'events' });
    expect(parseDataSpec('errors.total=-')).toEqual({ file: '-', sli: 'errors', part: 'total' });
    expect(parseDataSpec('p99 latency=a=b.json')).toEqual({ file: 'a=b.json', sli: 'p99 latency' });
  });

  it('keeps a path with "=" a path, and a config\'s own dotted names whole', () => {
    expect(parseDataSpec('./odd=name.csv')).toEqual({ file: './odd=name.csv' });
    expect(parseDataSpec('/tmp/x=1/data.json')).toEqual({ file: '/tmp/x=1/data.json' });
    expect(parseDataSpec('http.total=t.json', { knownSlis: ['http.total'] })).toEqual({ file: 't.json', sli: 'http.total' });
    expect(parseDataSpec('http.total=t.json', { knownSlis: ['http'] })).toEqual({ file: 't.json', sli: 'http', part: 'total' });
  });

  it('refuses an empty name or file', () => {
    expect(errorOf(() => parseDataSpec('=x.json')).message).toBe('"=x.json": empty SLI name before "=" (use NAME=FILE, or ./FILE for a file whose name starts with "=")');
    expect(errorOf(() => parseDataSpec('latency=')).message).toBe('"latency=": no file after "=" (use NAME=FILE)');
    expect(errorOf(() => parseDataSpec('latency=')).code).toBe('INVALID_ARGUMENT');
  });

  it('formats a spec back as written', () => {
    for (const s of ['data.json', 'latency=p99.json', 'errors.events=e.json', 'errors.total=t.json']) expect(formatDataSpec(parseDataSpec(s))).toBe(s);
  });
});

describe('mergeDataInputs', () => {
  const latency: DataInput = { sli: 'latency_ms', file: 'lat.json', input: parseJsonInput('{"baseline": [120, 118], "canary": [131, 125]}') };
  const many: DataInput = { file: 'data.csv', input: parseCsvInput('sli,side,value\ncpu,baseline,0.3\ncpu,canary,0.31\nmem,baseline,512\n') };
  const events: DataInput = { sli: 'errors', part: 'events', file: 'e.json', input: parseJsonInput('{"baseline": [1, 0], "canary": [2, 1]}') };
  const total: DataInput = { sli: 'errors', part: 'total', file: 't.json', input: parseJsonInput('{"baseline": [3000, 2990], "canary": [310, 305]}') };

  it('merges many-SLI files, named one-SLI files and counts pairs, in the order given', () => {
    const data = mergeDataInputs([latency, events, many, total]);
    expect(Object.keys(data)).toEqual(['latency_ms', 'errors', 'cpu', 'mem']);
    expect(plain(data)).toEqual({
      latency_ms: { baseline: [120, 118], canary: [131, 125] },
      errors: { baseline: { events: [1, 0], total: [3000, 2990] }, canary: { events: [2, 1], total: [310, 305] } },
      cpu: { baseline: [0.3], canary: [0.31] },
      mem: { baseline: [512], canary: null },
    });
  });

  it('gives an unnamed one-SLI file the default name', () => {
    const { sli: _, ...unnamed } = latency;
    expect(Object.keys(mergeDataInputs([unnamed], { defaultSli: 'p50' }))).toEqual(['p50']);
    expect(errorOf(() => mergeDataInputs([unnamed])).message).toBe('lat.json holds one SLI\'s data: say which SLI it is (--data NAME=lat.json)');
  });

  it('refuses misuse with INVALID_ARGUMENT, naming the file and the SLI', () => {
    const cases: Array<[DataInput[], string]> = [
      [[latency, { ...latency, file: 'again.json' }], 'SLI "latency_ms" has data in more than one input: latency_ms=lat.json and latency_ms=again.json'],
      [[many, { ...many, file: 'more.csv' }], 'SLI "cpu" has data in more than one input: data.csv and more.csv'],
      [[{ ...many, sli: 'cpu' }], 'cpu=data.csv: data.csv holds 2 SLIs (cpu, mem), not one SLI\'s data: give it without a name (--data data.csv)'],
      [[{ sli: 'p99', file: 'p99.json', input: parseJsonInput('[1, 2]') }], 'p99.json (SLI "p99") holds one side of one SLI: pass it with --baseline or --canary, or split a Prometheus response into baseline and canary with a side label (--side-label LABEL)'],
      [[events], 'SLI "errors": errors.events=e.json has no errors.total=FILE: a rate SLI from two series needs the events and the total'],
      [[total, { ...total, file: 't2.json' }], 'the total of SLI "errors" are given twice: errors.total=t.json and errors.total=t2.json'],
      [[{ ...latency, sli: 'errors' }, total], 'SLI "errors" has data in more than one input: errors=lat.json and errors.total=t.json'],
    ];
    for (const [inputs, message] of cases) {
      const e = errorOf(() => mergeDataInputs(inputs));
      expect(e.code, message).toBe('INVALID_ARGUMENT');
      expect(e.message).toBe(message);
    }
  });

  it('refuses counts that cannot be paired with INVALID_DATA naming both files', () => {
    const bad: DataInput = { ...total, input: parseJsonInput('{"baseline": [3000], "canary": [310, 305]}') };
    const e = errorOf(() => mergeDataInputs([events, bad]));
    expect(e.code).toBe('INVALID_DATA');
    expect(e.message).toBe('e.json and t.json (SLI "errors", baseline): 2 event counts for 1 totals: arrays without timestamps are paired by position and must have the same length');
  });

  it('does not modify its inputs', () => {
    const before = JSON.stringify(plain([latency, events, total]));
    mergeDataInputs([latency, events, total]);
    expect(JSON.stringify(plain([latency, events, total]))).toBe(before);
  });
});

describe('readDataFiles', () => {
  const p99 = join(dir, 'p99.json');
  writeFileSync(p99, matrix({ baseline: [[1717423200, '0.21'], [1717423230, '0.19']], canary: [[1717423200, '0.24'], [1717423230, 'NaN']] }));
  const errs = join(dir, 'errors.events.json');
  writeFileSync(errs, matrix({ canary: [[1717423230, '1.6']] }));
  const reqs = join(dir, 'errors.total.json');
  writeFileSync(reqs, matrix({ baseline: [[1717423200, '3017.4'], [1717423230, '2988.5']], canary: [[1717423200, '301.2'], [1717423230, '299.7']] }));
  const cpu = join(dir, 'cpu.csv');
  writeFileSync(cpu, 'side,value\nbaseline,0.31\ncanary,0.33\n');

  it('reads Prometheus responses split by a label, CSV and JSON into one data object', () => {
    const data = readDataFiles([`latency_p99=${p99}`, `errors.events=${errs}`, `errors.total=${reqs}`, `cpu=${cpu}`], { sideLabel: 'track' });
    expect(plain(data)).toEqual({
      latency_p99: { baseline: { timestamps: [1717423200, 1717423230], values: [0.21, 0.19] }, canary: { timestamps: [1717423200, 1717423230], values: [0.24, null] } },
      errors: { baseline: { events: [0, 0], total: [3017, 2989] }, canary: { events: [0, 2], total: [301, 300] } },
      cpu: { baseline: [0.31], canary: [0.33] },
    });
  });

  it('uses the given label values for every response', () => {
    const hashes = join(dir, 'hashes.json');
    writeFileSync(hashes, matrix({ '5d4c8b9f2': [[60, '1']], '6b8f9c7d4': [[60, '2']] }, 'rollouts_pod_template_hash'));
    const data = readDataFiles([{ sli: 'p50', file: hashes }], { sideLabel: 'rollouts_pod_template_hash', baselineValue: '5d4c8b9f2', canaryValue: '6b8f9c7d4' });
    expect(plain(data)).toEqual({ p50: { baseline: { timestamps: [60], values: [1] }, canary: { timestamps: [60], values: [2] } } });
  });

  it('names the file, line, column and SLI of bad content, and the SLI of a missing file', () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, matrix({ baseline: [[60, '0.2'], [90, '12ms']] }));
    const e = errorOf(() => readDataFiles([`latency_p99=${bad}`], { sideLabel: 'track' }));
    expect(e.code).toBe('INVALID_PROMETHEUS');
    expect(e.message).toBe(`${bad}:10:14: data.result[0].values[1][1]: "12ms" is not a number (the data of SLI "latency_p99")`);
    expect(e.path).toBe(`${bad}:10:14`);
    const other = errorOf(() => readDataFiles([`errors.total=${p99}`], { sideLabel: 'pod' }));
    expect(other.message).toBe(`${p99}:7:17: data.result[0].metric: series 0 has no label "pod" to tell baseline from canary (the total of SLI "errors")`);
    const missing = errorOf(() => readDataFiles([`cpu=${join(dir, 'nope.csv')}`]));
    expect(missing.code).toBe('FILE_NOT_FOUND');
    expect(missing.message).toBe(`${join(dir, 'nope.csv')}: no such file (the data of SLI "cpu")`);
    // unnamed files keep their message as it was
    expect(errorOf(() => readDataFiles([join(dir, 'nope.csv')])).message).toBe(`${join(dir, 'nope.csv')}: no such file`);
  });

  it('annotates only CanaryJudgeErrors of named inputs', () => {
    const plainError = new Error('boom');
    expect(annotateDataError(plainError, { file: 'a', sli: 'x' })).toBe(plainError);
    const e = new CanaryJudgeError('INVALID_CSV', 'a.csv:1:1: bad', 'a.csv:1:1');
    expect(annotateDataError(e, { file: 'a.csv' })).toBe(e);
  });
});
