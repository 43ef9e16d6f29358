/**
 * Node-only file access of the input adapters: read a data or config file (format detected from the extension or
 * the first character), and write an output file atomically (a temporary file in the same folder, then a rename),
 * so a reader never sees half a report and a failed write leaves nothing behind.
 * @module
 */
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { parseCsvInput } from './csv.js';
import { parseJsonInput, parseJsonText } from './json.js';
import { inputError } from './location.js';
import type { ParseInputOptions, ParsedInput } from './types.js';

/** The format of an input file. */
export type InputFormat = 'csv' | 'json';

/**
 * Reads a UTF-8 text file. A missing file throws `FILE_NOT_FOUND`; a folder or an unreadable file throws
 * `FILE_UNREADABLE` (the CLI exits with 66 for both). `-` reads standard input.
 *
 * @example
 * ```ts
 * const text = readTextFile('data.csv'); // throws "data.csv: no such file" (FILE_NOT_FOUND) when it is missing
 * ```
 */
export function readTextFile(path: string): string {
  try {
    return readFileSync(path === '-' ? 0 : path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw inputError('FILE_NOT_FOUND', path, null, 'no such file');
    throw inputError('FILE_UNREADABLE', path, null, `cannot read the file (${code ?? (e as Error).message})`);
  }
}

/**
 * The format of a file from its extension (`.csv`, `.tsv`, `.txt` → csv; `.json` → json), else from its first
 * non-blank character (`{` or `[` → json).
 *
 * @example
 * ```ts
 * detectInputFormat('p99.json', ''); // 'json'
 * detectInputFormat('-', '{"a": 1}'); // 'json'
 * detectInputFormat('x.dat', '1,2'); // 'csv'
 * ```
 */
export function detectInputFormat(path: string, text: string): InputFormat {
  const ext = extname(path).toLowerCase();
  if (ext === '.json') return 'json';
  if (ext === '.csv' || ext === '.tsv' || ext === '.txt') return 'csv';
  const first = /\S/.exec(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text)?.[0];
  return first === '{' || first === '[' ? 'json' : 'csv';
}

/**
 * Parses input text in a known format ({@link parseCsvInput} or {@link parseJsonInput}).
 *
 * @example
 * ```ts
 * parseInput('value\n1\n2\n', 'csv'); // { kind: 'side', side: Float64Array [1, 2] }
 * ```
 */
export function parseInput(text: string, format: InputFormat, options: ParseInputOptions = {}): ParsedInput {
  return format === 'json' ? parseJsonInput(text, options) : parseCsvInput(text, options);
}

/**
 * Reads and parses a data file: CSV (one side, one SLI or a long form with many SLIs), JSON (the judge's data
 * object, one SLI, one side) or a Prometheus `query_range` response. Errors name the file, line and column.
 *
 * @example
 * ```ts
 * const input = readInputFile('data.json');
 * if (input.kind === 'data') judge(config, input.data);
 * ```
 */
export function readInputFile(path: string, options: Omit<ParseInputOptions, 'file'> & { format?: InputFormat } = {}): ParsedInput {
  const text = readTextFile(path);
  const file = path === '-' ? '<stdin>' : path;
  return parseInput(text, options.format ?? detectInputFormat(path, text), { ...options, file });
}

/**
 * Reads a JSON file (a config), with syntax errors located as `file:line:column`.
 *
 * @example
 * ```ts
 * const { value, text } = readJsonFile('canary.json');
 * parseConfig(value);
 * ```
 */
export function readJsonFile(path: string): { value: unknown; text: string } {
  const text = readTextFile(path);
  return { value: parseJsonText(text, path === '-' ? '<stdin>' : path), text };
}

/**
 * Writes a file atomically: the content goes to a temporary file next to the target (same folder, so the rename
 * cannot cross file systems), is flushed to disk, then renamed over the target. On any error the temporary file
 * is removed and the target is left as it was.
 *
 * @example
 * ```ts
 * writeFileAtomic('report.html', renderHtml(verdict, { data }));
 * ```
 */
export function writeFileAtomic(path: string, content: string): void {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  let fd: number | null = null;
  try {
    fd = openSync(tmp, 'wx', 0o644);
    writeSync(fd, content, null, 'utf8');
    fsyncSync(fd);
    closeSync(fd);
    fd = null;
    renameSync(tmp, path);
  } catch (e) {
    if (fd !== null) {
      try {
        closeSync(fd);
      } catch {
        /* already failing */
      }
    }
    try {
      unlinkSync(tmp);
    } catch {
      /* the temporary file was never created */
    }
    const code = (e as NodeJS.ErrnoException).code;
    throw inputError('FILE_NOT_WRITABLE', path, null, `cannot write the file (${code ?? (e as Error).message})`);
  }
}
