/**
 * A small RFC 4180 CSV tokenizer that remembers where every cell starts, so later checks can say
 * `file:line:column`. Written from the RFC's grammar (quoted fields with doubled quotes, CRLF or LF);
 * it also accepts a byte order mark, lone CR line ends, blank lines and `#` comment lines (skipped), and
 * a tab or semicolon delimiter detected from the first line.
 * @module
 */
import { inputError, positionAt } from './location.js';

/** One record: its cells, the offset in the text where each cell starts, and the offset where the record ends. */
export interface CsvRecord {
  cells: string[];
  offsets: number[];
  end: number;
}

/** Options of {@link forEachCsvRecord}. */
export interface CsvTokenizeOptions {
  /** File name for error messages (default "<input>"). */
  file?: string;
  /** The delimiter; default: whichever of `,` `\t` `;` is most frequent on the first non-blank line (`,` on ties or none). */
  delimiter?: string;
  /** Called with the share of the text read so far (0–1), about every 65,536 records. */
  onProgress?: (fraction: number) => void;
}

/**
 * Detects the delimiter from the first non-blank, non-comment line: whichever of `,` `\t` `;` it holds most often
 * (`,` on ties or none).
 *
 * @example
 * ```ts
 * detectDelimiter('t;v\n1;2\n'); // ';'
 * ```
 */
export function detectDelimiter(text: string): string {
  let start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (start < text.length) {
    let end = start;
    while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
    const line = text.slice(start, end);
    if (line.trim() !== '' && !line.startsWith('#')) {
      let best = ',';
      let bestCount = 0;
      for (const d of [',', '\t', ';']) {
        const n = line.split(d).length - 1;
        if (n > bestCount) {
          best = d;
          bestCount = n;
        }
      }
      return best;
    }
    start = end + 1;
  }
  return ',';
}

/**
 * Calls `onRecord` for every record of a CSV text, in order, with its cells (unquoted) and cell start offsets.
 * Blank lines and lines whose first character is `#` are skipped. A malformed quote throws an `INVALID_CSV`
 * error naming the file, line and column.
 *
 * @example
 * ```ts
 * forEachCsvRecord('t,v\n1,"2"\n', (r) => console.log(r.cells)); // ['t','v'] then ['1','2']
 * ```
 */
export function forEachCsvRecord(text: string, onRecord: (record: CsvRecord) => void, options: CsvTokenizeOptions = {}): void {
  const file = options.file ?? '<input>';
  const delim = options.delimiter ?? detectDelimiter(text);
  const d = delim.charCodeAt(0);
  const n = text.length;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let count = 0;
  while (i < n) {
    // start of a line
    const c0 = text.charCodeAt(i);
    if (c0 === 10 || c0 === 13) {
      i += c0 === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
      continue;
    }
    if (c0 === 35 /* # */) {
      while (i < n && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) i++;
      continue;
    }
    const cells: string[] = [];
    const offsets: number[] = [];
    let blank = true;
    for (;;) {
      offsets.push(i);
      let cell: string;
      if (text.charCodeAt(i) === 34 /* " */) {
        const open = i;
        i++;
        let out = '';
        let from = i;
        for (;;) {
          if (i >= n) throw inputError('INVALID_CSV', file, positionAt(text, open), 'unterminated quoted field (a " is never closed)');
          if (text.charCodeAt(i) === 34) {
            if (text.charCodeAt(i + 1) === 34) {
              out += text.slice(from, i + 1);
              i += 2;
              from = i;
              continue;
            }
            out += text.slice(from, i);
            i++;
            break;
          }
          i++;
        }
        const next = text.charCodeAt(i);
        if (i < n && next !== d && next !== 10 && next !== 13) {
          throw inputError('INVALID_CSV', file, positionAt(text, i), `unexpected ${JSON.stringify(text[i])} after a closing quote (expected ${JSON.stringify(delim)} or a line end)`);
        }
        cell = out;
        blank = false;
      } else {
        const from = i;
        while (i < n) {
          const c = text.charCodeAt(i);
          if (c === d || c === 10 || c === 13) break;
          i++;
        }
        cell = text.slice(from, i);
        if (cell.trim() !== '') blank = false;
      }
      cells.push(cell);
      if (i < n && text.charCodeAt(i) === d) {
        i++;
        blank = false;
        continue;
      }
      break;
    }
    // line end
    const end = i;
    if (i < n) i += text.charCodeAt(i) === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
    if (blank) continue; // a line of spaces only
    onRecord({ cells, offsets, end });
    count++;
    if (options.onProgress && (count & 0xffff) === 0) options.onProgress(i / n);
  }
  if (options.onProgress) options.onProgress(1);
}
