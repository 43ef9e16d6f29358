/**
 * Finds the fenced code blocks of the documentation (docs/**\/*.md and README.md) and reads their info strings.
 *
 * A fence is three or more backticks or tildes, possibly indented (inside a list item); the info string is the
 * language followed by optional flags and `key=value` attributes (docs/README.md, "How the docs are tested"):
 *
 * - `no-run`: shown, never executed (installs, `kubectl`, hosts that do not exist here);
 * - `file=NAME`: the block is also written to NAME in the document's scratch folder, before its shell blocks run;
 * - `exit=N`: a shell block expected to end with status N (default 0);
 * - `session=NAME`: TypeScript blocks of one document with the same session run as one module, in order
 *   (notebook cells);
 * - `cli-error`: a shell block whose `canary-judge` calls may end with a usage or input error (64–73).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export interface CodeBlock {
  /** Path of the Markdown file, relative to the repository root (`docs/judge.md`). */
  file: string;
  /** 1-based line of the opening fence. */
  line: number;
  /** Position of the block in its file (0-based). */
  index: number;
  /** Language, lower-cased (`ts`, `sh`, `json`…); '' when the fence has none. */
  lang: string;
  /** Flags of the info string (`no-run`, `cli-error`). */
  flags: Set<string>;
  /** `key=value` attributes of the info string (`file`, `exit`, `session`). */
  attrs: Record<string, string>;
  /** The content, with the fence's indentation removed. */
  code: string;
}

/** The documentation files the test walks: README.md and every Markdown file under docs/ (docs/api/ excluded). */
export function docFiles(root: string): string[] {
  const out = ['README.md'];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) {
        if (relative(root, p) !== join('docs', 'api')) walk(p);
      } else if (name.endsWith('.md')) out.push(relative(root, p));
    }
  };
  walk(join(root, 'docs'));
  return out;
}

const FENCE = /^( {0,3}|\s*)(`{3,}|~{3,})\s*([^`]*)$/;

/** Extracts the fenced code blocks of one Markdown text. Throws on a fence that is never closed. */
export function extractBlocks(text: string, file: string): CodeBlock[] {
  const lines = text.split('\n');
  const blocks: CodeBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const m = FENCE.exec(lines[i]);
    if (!m) continue;
    const indent = m[1].length;
    const fence = m[2];
    const info = m[3].trim();
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length; j++) {
      const close = /^(\s*)(`{3,}|~{3,})\s*$/.exec(lines[j]);
      if (close && close[2][0] === fence[0] && close[2].length >= fence.length) break;
      body.push(lines[j].startsWith(' '.repeat(indent)) ? lines[j].slice(indent) : lines[j].trimStart());
    }
    if (j === lines.length) throw new Error(`${file}:${i + 1}: code fence never closed`);
    const [lang = '', ...rest] = info.split(/\s+/).filter(Boolean);
    const flags = new Set<string>();
    const attrs: Record<string, string> = {};
    for (const word of rest) {
      const eq = word.indexOf('=');
      if (eq > 0) attrs[word.slice(0, eq)] = word.slice(eq + 1);
      else flags.add(word);
    }
    blocks.push({ file, line: i + 1, index: blocks.length, lang: lang.toLowerCase(), flags, attrs, code: body.join('\n') });
    i = j;
  }
  return blocks;
}

/** Every block of every documentation file. */
export function allBlocks(root: string): CodeBlock[] {
  return docFiles(root).flatMap((f) => extractBlocks(readFileSync(join(root, f), 'utf8'), f));
}

/** Languages and what the test does with them. */
export const TS_LANGS = new Set(['ts', 'typescript', 'js', 'javascript', 'mjs']);
export const SH_LANGS = new Set(['sh', 'bash', 'shell', 'console']);
export const JSON_LANGS = new Set(['json', 'jsonc']);
export const YAML_LANGS = new Set(['yaml', 'yml']);
/** Output samples, synopses and pseudo-code: checked only to be non-empty. */
export const TEXT_LANGS = new Set(['', 'text', 'txt', 'console-output', 'http']);

/** How a block is checked: executed, parsed (json/csv/yaml), written for the shell blocks (file), shown (text), or marked `no-run`. */
export function blockKind(b: CodeBlock): 'ts' | 'sh' | 'json' | 'csv' | 'yaml' | 'text' | 'file' | 'no-run' | 'unknown' {
  if (b.flags.has('no-run')) return 'no-run';
  // a script written to a file is run by the shell blocks that use it, not on its own
  if (b.attrs.file !== undefined && (TS_LANGS.has(b.lang) || SH_LANGS.has(b.lang))) return 'file';
  if (TS_LANGS.has(b.lang)) return 'ts';
  if (SH_LANGS.has(b.lang)) return 'sh';
  if (JSON_LANGS.has(b.lang)) return 'json';
  if (b.lang === 'csv' || b.lang === 'tsv') return 'csv';
  if (YAML_LANGS.has(b.lang)) return 'yaml';
  if (TEXT_LANGS.has(b.lang)) return 'text';
  // another language written to a file that the shell blocks use (a jq program, a Dockerfile): checked by running them
  if (b.attrs.file !== undefined) return 'file';
  return 'unknown';
}
