import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CanaryJudgeError } from '../../src/errors.js';
import { parseCsvInput } from '../../src/io/csv.js';
import { detectDelimiter, forEachCsvRecord } from '../../src/io/csvRecords.js';

const plain = (v: unknown): unknown => JSON.parse(JSON.stringify(v, (_, x) => (ArrayBuffer.isView(x) ? Array.from(x as Float64Array) : x)));

function errorOf(f: () => unknown): CanaryJudgeError {
  try {
    f();
  } catch (e) {
    if (e instanceof CanaryJudgeError) return e;
    throw e;
  }
  throw new Error('expected an error');
}

describe('CSV tokenizer (RFC 4180)', () => {
  it('splits quoted cells with doubled quotes, delimiters and line breaks inside', () => {
    const records: string[][] = [];
    forEachCsvRecord('a,"b ""x"", y",c\r\n"multi\nline",2,3\n\n# comment\n4,,6', (r) => records.push(r.cells));
    expect(records).toEqual([['a', 'b "x", y', 'c'], ['multi\nline', '2', '3'], ['4', '', '6']]);
  });

  it('records where each cell starts', () => {
    const offsets: number[][] = [];
    forEachCsvRecord('ab,c\n"d",ef', (r) => offsets.push(r.offsets));
    expect(offsets).toEqual([[0, 3], [5, 9]]);
  });

  it('detects tab and semicolon delimiters from the first line', () => {
    expect(detectDelimiter('t\tv\n1\t2')).toBe('\t');
    expect(detectDelimiter('# note; x\nt;v\n1;2')).toBe(';');
    expect(detectDelimiter('value\n1')).toBe(',');
  });

  it('round-trips any table of quoted cells (fast-check)', () => {
    fc.assert(fc.property(fc.array(fc.array(fc.string({ minLength: 1 }), { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 6 }), (rows) => {
      const text = rows.map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(',')).join('\n');
      const out: string[][] = [];
      forEachCsvRecord(text, (r) => out.push(r.cells), { delimiter: ',' });
      expect(out).toEqual(rows);
    }));
  });
});

describe('parseCsvInput', () => {
  it('reads one column of values, with or without a header; missing values become NaN', () => {
    expect(plain(parseCsvInput('latency_ms\n120\n131.5\n\nNaN\n-\n'.replace('-\n', 'NA\n')))).toEqual({ kind: 'side', side: [120, 131.5, null, null] });
    expect(plain(parseCsvInput('1e3\n-2.5\n.5\n'))).toEqual({ kind: 'side', side: [1000, -2.5, 0.5] });
  });

  it('reads timestamp,value (numbers or ISO dates) into a time series', () => {
    expect(plain(parseCsvInput('timestamp,value\n1717423200,120\n1717423215,131\n'))).toEqual({
      kind: 'side', side: { timestamps: [1717423200, 1717423215], values: [120, 131] },
    });
    expect(plain(parseCsvInput('2024-06-03T14:00:00Z,120\n2024-06-03 14:00:15,131\n2024-06-03T16:00:30+02:00,,\n'.replace(',,', ',')))).toEqual({
      kind: 'side', side: { timestamps: [Date.UTC(2024, 5, 3, 14, 0, 0), Date.UTC(2024, 5, 3, 14, 0, 15), Date.UTC(2024, 5, 3, 14, 0, 30)], values: [120, 131, null] },
    });
    // a header naming only the value column
    expect(plain(parseCsvInput('time,p99_ms\n1,2\n'))).toEqual({ kind: 'side', side: { timestamps: [1], values: [2] } });
  });

  it('reads counts per interval', () => {
    expect(plain(parseCsvInput('timestamp,events,total\n1,3,1000\n2,0,980\n'))).toEqual({ kind: 'side', side: { events: [3, 0], total: [1000, 980] } });
  });

  it('reads both sides of one SLI from a side column', () => {
    expect(plain(parseCsvInput('side,value\nbaseline,1\ncanary,2\nBaseline,3\n'))).toEqual({ kind: 'sli', sli: { baseline: [1, 3], canary: [2] } });
  });

  it('reads the long form sli,side,timestamp,value for many SLIs, with or without a header', () => {
    const text = 'sli,side,timestamp,value\nlatency_ms,baseline,1,120\nlatency_ms,canary,1,131\ncpu,baseline,1,40\nlatency_ms,baseline,2,118\n';
    expect(plain(parseCsvInput(text))).toEqual({
      kind: 'data',
      data: {
        latency_ms: { baseline: { timestamps: [1, 2], values: [120, 118] }, canary: { timestamps: [1], values: [131] } },
        cpu: { baseline: { timestamps: [1], values: [40] }, canary: null },
      },
    });
    expect(plain(parseCsvInput('latency_ms,baseline,120\nlatency_ms,canary,131\n'))).toEqual({ kind: 'data', data: { latency_ms: { baseline: [120], canary: [131] } } });
    expect(plain(parseCsvInput('metric\tside\tevents\ttotal\nerrors\tbaseline\t3\t1000\nerrors\tcanary\t9\t1000\n'))).toEqual({
      kind: 'data', data: { errors: { baseline: { events: [3], total: [1000] }, canary: { events: [9], total: [1000] } } },
    });
  });

  it('names the file, line and column of a bad cell', () => {
    const e = errorOf(() => parseCsvInput('timestamp,value\n1,120\n2,12ms\n', { file: 'canary.csv' }));
    expect(e.code).toBe('INVALID_CSV');
    expect(e.message).toBe('canary.csv:3:3: "12ms" is not a number (column "value")');
    expect(e.path).toBe('canary.csv:3:3');
    expect(errorOf(() => parseCsvInput('t,v\r\n1,2\r\nyesterday,3\r\n', { file: 'b.csv' })).message).toBe('b.csv:3:1: "yesterday" is not a timestamp (a number or an ISO 8601 date)');
    expect(errorOf(() => parseCsvInput('\uFEFFt,v\n1,2\n2,3,4\n', { file: 'b.csv' })).message).toBe('b.csv:3:5: expected 2 columns (as on the header line), got 3');
    expect(errorOf(() => parseCsvInput('t,v\n1,2\n3\n', { file: 'b.csv' })).message).toBe('b.csv:3:2: expected 2 columns (as on the header line), got 1');
    expect(errorOf(() => parseCsvInput('t,v\n1,"2\n3,4\n', { file: 'b.csv' })).message).toBe('b.csv:2:3: unterminated quoted field (a " is never closed)');
    expect(errorOf(() => parseCsvInput('t,v\n1,"2"x\n', { file: 'b.csv' })).message).toBe('b.csv:2:6: unexpected "x" after a closing quote (expected "," or a line end)');
    expect(errorOf(() => parseCsvInput('sli,side,value\nlat,blue,3\n', { file: 'd.csv' })).message).toBe('d.csv:2:5: side must be "baseline" or "canary", got "blue"');
    expect(errorOf(() => parseCsvInput('sli,side,colour,size\n', { file: 'd.csv' })).message).toBe('d.csv:1:10: unknown column "colour": expected sli, side, timestamp, value, events, total');
    expect(errorOf(() => parseCsvInput('events,total\n5,3\n', { file: 'e.csv' })).message).toBe('e.csv:2:1: events (5) exceed total (3)');
    expect(errorOf(() => parseCsvInput('1,2,3,4,5\n', { file: 'w.csv' })).message).toMatch(/^w\.csv:1:1: 5 columns without a header/);
    expect(errorOf(() => parseCsvInput('\n\n', { file: 'empty.csv' })).message).toBe('empty.csv: the file is empty');
    expect(errorOf(() => parseCsvInput('value\n', { file: 'h.csv' })).message).toBe('h.csv: the file has a header but no data lines');
  });

  it('reports progress on large inputs and never returns partial data on error', () => {
    const lines = Array.from({ length: 70_000 }, (_, i) => `${i},${i % 97}`);
    const seen: number[] = [];
    const out = parseCsvInput(lines.join('\n'), { onProgress: (f) => seen.push(f) });
    expect(out.kind).toBe('side');
    expect(seen.length).toBe(2);
    expect(seen[0]).toBeGreaterThan(0.9);
    expect(seen[1]).toBe(1);
    lines[69_999] = '69999,oops';
    expect(errorOf(() => parseCsvInput(lines.join('\n'), { file: 'big.csv' })).message).toBe('big.csv:70000:7: "oops" is not a number (column "value")');
  });
});
