/**
 * The TypeScript blocks of the documentation type-check against the library's types (strict mode, as users
 * compile): running them (code-blocks.test.ts) proves they work; this proves they are written the way the types
 * say, so copying a block into a typed project does not produce errors.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from './harness.js';
import { allBlocks, blockKind, type CodeBlock } from './markdown.js';

const dir = mkdtempSync(join(tmpdir(), 'canary-judge-docs-types-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** One file per block (one per session), with repository-relative imports made absolute. */
function unitsOf(blocks: CodeBlock[]): Array<{ name: string; blocks: CodeBlock[]; path: string; offsets: number[] }> {
  const units: Array<{ name: string; blocks: CodeBlock[]; path: string; offsets: number[] }> = [];
  const sessions = new Map<string, (typeof units)[number]>();
  for (const b of blocks) {
    const key = b.attrs.session !== undefined ? `${b.file}#${b.attrs.session}` : null;
    const existing = key !== null ? sessions.get(key) : undefined;
    if (existing) {
      existing.blocks.push(b);
      continue;
    }
    const name = `${b.file}:${b.line}`;
    const unit = { name, blocks: [b], path: join(dir, `${b.file.replace(/[^A-Za-z0-9]+/g, '-')}-${b.line}.ts`), offsets: [] as number[] };
    units.push(unit);
    if (key !== null) sessions.set(key, unit);
  }
  for (const u of units) {
    let text = '';
    for (const b of u.blocks) {
      u.offsets.push(text.split('\n').length - 1);
      text += `${b.code.replace(/(from\s*|import\s*\(\s*)(['"])(\.{1,2}\/[^'"]+)\2/g, (_m, pre: string, q: string, spec: string) => `${pre}${q}${resolve(dirname(join(ROOT, b.file)), spec)}${q}`)}\n`;
    }
    writeFileSync(u.path, `${text}export {};\n`);
  }
  return units;
}

const blocks = allBlocks(ROOT).filter((b) => blockKind(b) === 'ts' && (b.lang === 'ts' || b.lang === 'typescript'));
const units = unitsOf(blocks);
const index = join(ROOT, 'src/index.ts');
const program = ts.createProgram(
  units.map((u) => u.path),
  {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    esModuleInterop: true,
    resolveJsonModule: true,
    allowImportingTsExtensions: true,
    types: ['node'],
    typeRoots: [join(ROOT, 'node_modules/@types')],
    paths: { 'canary-judge': [index], 'npm:canary-judge@0.1': [index], 'canary-judge/io': [join(ROOT, 'src/io/index.ts')] },
  },
);

describe('documentation TypeScript blocks type-check', () => {
  it.each(units.map((u) => [u.name, u] as const))('%s', (_name, u) => {
    const source = program.getSourceFile(u.path)!;
    const problems = ts.getPreEmitDiagnostics(program, source).map((d) => {
      const line = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line : 0;
      // map the line back to the Markdown file
      let k = u.offsets.length - 1;
      while (k > 0 && u.offsets[k] > line) k--;
      const b = u.blocks[k];
      return `${b.file}:${b.line + 1 + line - u.offsets[k]}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
    });
    expect(problems).toEqual([]);
  });
});
