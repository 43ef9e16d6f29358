/**
 * Where things are in a JSON text. `JSON.parse` is fast but its error messages differ between engines and
 * some carry no position; these helpers re-read the text (only after something went wrong) with a small
 * recursive-descent scanner written from RFC 8259's grammar, to find the offset of the first syntax error or
 * of the value at a JSON path.
 * @module
 */
import { positionAt, type TextPosition } from './location.js';

/** A step of a JSON path: an object key or an array index. */
export type JsonPathStep = string | number;

class Scanner {
  i = 0;
  constructor(readonly text: string) {
    if (text.charCodeAt(0) === 0xfeff) this.i = 1;
  }

  fail(message: string, at = this.i): never {
    throw new JsonSyntax(message, at);
  }

  ws(): void {
    const t = this.text;
    while (this.i < t.length) {
      const c = t.charCodeAt(this.i);
      if (c === 32 || c === 9 || c === 10 || c === 13) this.i++;
      else break;
    }
  }

  describe(at: number): string {
    if (at >= this.text.length) return 'the end of the file';
    return JSON.stringify(this.text[at]);
  }

  /** Scans one value; when `path` is non-empty, records the offset of the value it names. */
  value(path: JsonPathStep[], depth: number, found: { offset: number | null }): void {
    this.ws();
    if (depth === path.length && found.offset === null) found.offset = this.i;
    const t = this.text;
    const c = t[this.i];
    if (c === '{') {
      this.i++;
      this.ws();
      if (t[this.i] === '}') {
        this.i++;
        return;
      }
      for (;;) {
        this.ws();
        if (t[this.i] !== '"') this.fail(`expected a key in double quotes, got ${this.describe(this.i)}`);
        const keyStart = this.i;
        this.string();
        const key = JSON.parse(t.slice(keyStart, this.i)) as string;
        this.ws();
        if (t[this.i] !== ':') this.fail(`expected ":" after the key, got ${this.describe(this.i)}`);
        this.i++;
        const onPath = depth < path.length && path[depth] === key && found.offset === null;
        this.value(onPath ? path : [], onPath ? depth + 1 : 1, onPath ? found : { offset: 0 });
        this.ws();
        if (t[this.i] === ',') {
          this.i++;
          continue;
        }
        if (t[this.i] === '}') {
          this.i++;
          return;
        }
        this.fail(`expected "," or "}" in an object, got ${this.describe(this.i)}`);
      }
    }
    if (c === '[') {
      this.i++;
      this.ws();
      if (t[this.i] === ']') {
        this.i++;
        return;
      }
      for (let k = 0; ; k++) {
        const onPath = depth < path.length && path[depth] === k && found.offset === null;
        this.value(onPath ? path : [], onPath ? depth + 1 : 1, onPath ? found : { offset: 0 });
        this.ws();
        if (t[this.i] === ',') {
          this.i++;
          continue;
        }
        if (t[this.i] === ']') {
          this.i++;
          return;
        }
        this.fail(`expected "," or "]" in an array, got ${this.describe(this.i)}`);
      }
    }
    if (c === '"') return this.string();
    if (c === '-' || (c >= '0' && c <= '9')) return this.number();
    for (const word of ['true', 'false', 'null']) {
      if (t.startsWith(word, this.i)) {
        this.i += word.length;
        return;
      }
    }
    if (t.startsWith('NaN', this.i) || t.startsWith('Infinity', this.i)) this.fail('NaN and Infinity are not JSON: use null for a missing value');
    this.fail(`unexpected ${this.describe(this.i)}: expected a JSON value`);
  }

  string(): void {
    const t = this.text;
    const open = this.i;
    this.i++;
    while (this.i < t.length) {
      const c = t.charCodeAt(this.i);
      if (c === 34) {
        this.i++;
        return;
      }
      if (c === 92) {
        const e = t[this.i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(t.slice(this.i + 2, this.i + 6))) this.fail('invalid \\u escape in a string');
          this.i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) this.i += 2;
        else this.fail(`invalid escape "\\${e ?? ''}" in a string`);
        continue;
      }
      if (c < 32) this.fail(c === 10 || c === 13 ? 'a string is not closed before the line end' : 'control character in a string');
      this.i++;
    }
    this.fail('a string is never closed', open);
  }

  number(): void {
    const m = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(this.text.slice(this.i, this.i + 400));
    if (!m || m[0] === '-' || m[0] === '') this.fail(`invalid number starting with ${this.describe(this.i)}`);
    this.i += m[0].length;
    const next = this.text[this.i];
    if (next !== undefined && /[0-9A-Za-z.+-]/.test(next)) this.fail(`invalid number: unexpected ${this.describe(this.i)}`);
  }
}

class JsonSyntax extends Error {
  constructor(message: string, readonly offset: number) {
    super(message);
  }
}

/**
 * The first syntax error of a JSON text, as an offset and a message, or null when the text is valid JSON.
 *
 * @example
 * ```ts
 * jsonSyntaxError('{"a": [1, 2,, 3]}'); // { offset: 12, message: 'unexpected ",": expected a JSON value' }
 * ```
 */
export function jsonSyntaxError(text: string): { offset: number; message: string } | null {
  const s = new Scanner(text);
  try {
    s.value([], 0, { offset: 0 });
    s.ws();
    if (s.i < text.length) s.fail(`unexpected ${s.describe(s.i)} after the JSON value`);
    return null;
  } catch (e) {
    if (e instanceof JsonSyntax) return { offset: e.offset, message: e.message };
    throw e;
  }
}

/**
 * The offset of the value at a JSON path (`['latency', 'baseline', 3]`), or null when the path is absent or the
 * text is not valid JSON up to it.
 *
 * @example
 * ```ts
 * jsonPathOffset('{"a": [10, "x"]}', ['a', 1]); // 11
 * ```
 */
export function jsonPathOffset(text: string, path: JsonPathStep[]): number | null {
  const s = new Scanner(text);
  const found: { offset: number | null } = { offset: null };
  try {
    s.value(path, 0, found);
  } catch (e) {
    if (!(e instanceof JsonSyntax)) throw e;
  }
  return path.length === 0 ? (found.offset ?? 0) : found.offset;
}

/**
 * A JSON path as text: `latency.baseline[3]`, with odd keys quoted (`["p99 latency"].canary`).
 *
 * @example
 * ```ts
 * formatJsonPath(['slis', 0, 'direction']); // 'slis[0].direction'
 * formatJsonPath(['p99 latency', 'canary']); // '["p99 latency"].canary'
 * ```
 */
export function formatJsonPath(path: JsonPathStep[]): string {
  let out = '';
  for (const step of path) {
    if (typeof step === 'number') out += `[${step}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(step)) out += out === '' ? step : `.${step}`;
    else out += `[${JSON.stringify(step)}]`;
  }
  return out;
}

/**
 * The line and column of the value at a JSON path of a text; falls back to the nearest enclosing value that
 * exists, then to the start of the file.
 *
 * @example
 * ```ts
 * locateJsonPath('{\n  "slis": [\n    { "name": "a", "direction": "up" }\n  ]\n}', ['slis', 0, 'direction']);
 * // { line: 3, column: 33 }
 * ```
 */
export function locateJsonPath(text: string, path: JsonPathStep[]): TextPosition {
  for (let k = path.length; k >= 0; k--) {
    const offset = jsonPathOffset(text, path.slice(0, k));
    if (offset !== null) return positionAt(text, offset);
  }
  return { line: 1, column: 1 };
}
