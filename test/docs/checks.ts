/**
 * Checks of the blocks that are read rather than run: JSON (configs validated by `parseConfig` and the JSON
 * Schema), CSV (read by the CLI's CSV reader), YAML (no parser is installed: indentation and the shell of
 * `run: |` steps are checked), text (non-empty).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { parseConfig } from '../../src/index.js';
import { parseCsvInput } from '../../src/io/index.js';
import type { CodeBlock } from './markdown.js';
import { ROOT } from './harness.js';

const schema = JSON.parse(readFileSync(join(ROOT, 'schema/judge-config.schema.json'), 'utf8'));
const ajv = new Ajv2020({ allErrors: true, strict: false });
const validateSchema = ajv.compile(schema);

/** Removes `//` line comments outside strings (JSONC as the docs use it). */
function stripComments(text: string): string {
  let out = '';
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      out += c;
      if (c === '\\') out += text[++i] ?? '';
      else if (c === '"') inString = false;
    } else if (c === '"') {
      inString = true;
      out += c;
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
      out += '\n';
    } else out += c;
  }
  return out;
}

/** Splits a text holding several JSON values one after another (as JSONC examples do) and parses each. */
export function parseJsonValues(text: string): unknown[] {
  const values: unknown[] = [];
  let depth = 0;
  let start = -1;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') {
      inString = true;
      if (depth === 0 && start < 0) {
        start = i;
      }
    } else if (c === '{' || c === '[') {
      if (depth === 0 && start < 0) start = i;
      depth++;
    } else if (c === '}' || c === ']') {
      depth--;
      if (depth === 0) {
        values.push(JSON.parse(text.slice(start, i + 1)));
        start = -1;
      }
    } else if (depth === 0 && /\S/.test(c)) throw new Error(`unexpected ${JSON.stringify(c)} between JSON values at offset ${i}`);
  }
  if (depth !== 0) throw new Error('unbalanced brackets');
  return values;
}

function isConfig(v: unknown): boolean {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && 'slis' in v;
}

/**
 * JSON blocks: parse; a judge config (an object with `slis`) must pass parseConfig and the JSON Schema — or, when
 * the block is marked `invalid`, be refused by both.
 */
export function checkJson(b: CodeBlock): void {
  const values = b.lang === 'jsonc' ? parseJsonValues(stripComments(b.code)) : [JSON.parse(b.code)];
  if (values.length === 0) throw new Error('no JSON value in the block');
  for (const v of values) {
    if (!isConfig(v)) continue;
    if (b.flags.has('invalid')) {
      // a config shown for its mistakes: both checks must refuse it
      let refused = false;
      try {
        parseConfig(v);
      } catch {
        refused = true;
      }
      if (!refused) throw new Error('marked invalid, but parseConfig accepts it');
      if (validateSchema(v)) throw new Error('marked invalid, but the JSON Schema accepts it');
      continue;
    }
    parseConfig(v);
    if (!validateSchema(v)) throw new Error(`not valid against schema/judge-config.schema.json: ${ajv.errorsText(validateSchema.errors)}`);
  }
}

/** CSV blocks: read by the CLI's reader (src/io), which names file:line:column on any problem. */
export function checkCsv(b: CodeBlock): void {
  parseCsvInput(b.code, { file: `${b.file}:${b.line}` });
}

/**
 * YAML blocks: no tabs in indentation, no odd indentation after a mapping key, and the script of every
 * `run: |` step must pass `bash -n`.
 */
export function checkYaml(b: CodeBlock): void {
  const lines = b.code.split('\n');
  if (!lines.some((l) => /\S/.test(l))) throw new Error('empty block');
  lines.forEach((l, i) => {
    if (/^\s*\t/.test(l)) throw new Error(`line ${i + 1}: tab in indentation`);
  });
  for (let i = 0; i < lines.length; i++) {
    const m = /^(\s*)(?:- )?(?:run|script|command): [|>][-+]?\s*$/.exec(lines[i]);
    if (!m) continue;
    const body: string[] = [];
    let indent = -1;
    for (let j = i + 1; j < lines.length; j++) {
      const l = lines[j];
      if (!/\S/.test(l)) {
        body.push('');
        continue;
      }
      const ind = /^\s*/.exec(l)![0].length;
      if (indent < 0) indent = ind;
      if (ind < indent || ind <= m[1].length) break;
      body.push(l.slice(indent));
    }
    const r = spawnSync('bash', ['-n'], { input: body.join('\n') });
    if (r.status !== 0) throw new Error(`line ${i + 1}: the step's script is not valid shell: ${r.stderr}`);
  }
}
