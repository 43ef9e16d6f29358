import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CanaryJudgeError } from '../../src/errors.js';
import { detectInputFormat, readInputFile, readJsonFile, writeFileAtomic } from '../../src/io/files.js';

const dir = mkdtempSync(join(tmpdir(), 'cj-io-'));
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

describe('reading files', () => {
  it('detects the format from the extension, else the first character', () => {
    expect(detectInputFormat('a.json', '1,2')).toBe('json');
    expect(detectInputFormat('a.CSV', '[1]')).toBe('csv');
    expect(detectInputFormat('a.dat', '  [1, 2]')).toBe('json');
    expect(detectInputFormat('a.dat', '\uFEFF{"a":1}')).toBe('json');
    expect(detectInputFormat('-', 'timestamp,value')).toBe('csv');
  });

  it('reads CSV and JSON files and names them in errors', () => {
    const csv = join(dir, 'b.csv');
    writeFileSync(csv, 'value\n1\n2\n');
    expect(readInputFile(csv).kind).toBe('side');
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{"a": {"baseline": [1, true]}}');
    expect(errorOf(() => readInputFile(bad)).message).toBe(`${bad}:1:24: a.baseline[1]: expected a number or null (a missing value), got true`);
  });

  it('reports a missing file and a folder with their own codes', () => {
    const missing = errorOf(() => readInputFile(join(dir, 'nope.csv')));
    expect(missing.code).toBe('FILE_NOT_FOUND');
    expect(missing.message).toBe(`${join(dir, 'nope.csv')}: no such file`);
    expect(errorOf(() => readJsonFile(dir)).code).toBe('FILE_UNREADABLE');
  });
});

describe('writeFileAtomic', () => {
  it('replaces the target in one step and leaves no temporary file', () => {
    const target = join(dir, 'report.html');
    writeFileSync(target, 'old');
    writeFileAtomic(target, '<!DOCTYPE html>new');
    expect(readFileSync(target, 'utf8')).toBe('<!DOCTYPE html>new');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('leaves the old file and nothing else behind when the write fails', () => {
    const missingDir = join(dir, 'no-such-dir', 'out.txt');
    const e = errorOf(() => writeFileAtomic(missingDir, 'x'));
    expect(e.code).toBe('FILE_NOT_WRITABLE');
    expect(e.message).toBe(`${missingDir}: cannot write the file (ENOENT)`);
    // renaming onto a folder fails after the temporary file was written: it must be removed
    const folder = join(dir, 'a-folder');
    mkdirSync(folder);
    writeFileSync(join(folder, 'keep'), 'k');
    expect(errorOf(() => writeFileAtomic(folder, 'x')).code).toBe('FILE_NOT_WRITABLE');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(readFileSync(join(folder, 'keep'), 'utf8')).toBe('k');
  });
});
