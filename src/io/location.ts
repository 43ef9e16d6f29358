/**
 * Errors of the input adapters: every problem in a file names the file, the line and the column
 * (`data.csv:14:9: "12ms" is not a number`), so an editor or a CI log can jump to it.
 * @module
 */
import { CanaryJudgeError } from '../errors.js';

/** A 1-based line and column in a text. */
export interface TextPosition {
  line: number;
  column: number;
}

/**
 * The 1-based line and column of a UTF-16 offset in `text`. Lines end at "\n", "\r\n" or a lone "\r"; a byte
 * order mark at the start is not counted as a column.
 *
 * @example
 * ```ts
 * positionAt('a,b\n1,x\n', 6); // { line: 2, column: 3 }
 * ```
 */
export function positionAt(text: string, offset: number): TextPosition {
  const end = Math.max(0, Math.min(offset, text.length));
  let line = 1;
  let lineStart = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (let i = lineStart; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      line++;
      lineStart = i + 1;
    } else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

/**
 * Codes of file errors. The CLI exits with 65 for bad content (`INVALID_*`), 66 for a missing or unreadable input
 * file and 73 for an output file it cannot write.
 */
export type InputErrorCode = 'INVALID_CSV' | 'INVALID_JSON' | 'INVALID_DATA' | 'INVALID_PROMETHEUS' | 'FILE_NOT_FOUND' | 'FILE_UNREADABLE' | 'FILE_NOT_WRITABLE';

/**
 * A `CanaryJudgeError` for a problem at a place in a file: the message starts with `file:line:column:` and the
 * error's `path` is that same `file:line:column`.
 *
 * @example
 * ```ts
 * inputError('INVALID_CSV', 'data.csv', { line: 2, column: 3 }, '"x" is not a number').message;
 * // 'data.csv:2:3: "x" is not a number'
 * ```
 */
export function inputError(code: InputErrorCode, file: string, pos: TextPosition | null, message: string): CanaryJudgeError {
  const where = pos ? `${file}:${pos.line}:${pos.column}` : file;
  return new CanaryJudgeError(code, `${where}: ${message}`, where);
}

/** Shows a cell of a file in a message: quoted, cut to 40 characters. */
export function showCell(text: string): string {
  const cut = text.length > 40 ? `${text.slice(0, 37)}...` : text;
  return JSON.stringify(cut);
}
