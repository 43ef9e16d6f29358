/**
 * Runs the documentation's code blocks (see docs/README.md, "How the docs are tested"):
 *
 * - TypeScript/JavaScript blocks of one document run in one child process (`node --import tsx`), each block its
 *   own module (blocks sharing a `session=` run as one module); `canary-judge` imports resolve to src/index.ts;
 *   `value; // => expected` lines are checked (expect.ts); `console.assert` throws.
 * - Shell blocks run with bash in a scratch folder per document, in order, after the document's `file=` blocks
 *   (and test/docs/fixtures/<document>/) were written there. `canary-judge` is the CLI bundled from
 *   src/cli/main.ts; every call's exit code is logged and a usage or input error (64–73) fails the block unless
 *   it is marked `cli-error`. `$PROMETHEUS_URL` (and `$PROM`) is the fake Prometheus, `$GITHUB_STEP_SUMMARY` a file.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync, chmodSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeBlock } from './markdown.js';

export const ROOT = resolve(dirname(new URL(import.meta.url).pathname), '../..');
/** tsx's loader by absolute URL, so blocks run from a scratch folder outside the repository. */
export const TSX = pathToFileURL(join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;

export interface BlockResult {
  ok: boolean;
  message: string;
  /** What the block printed on standard output (compared with a following `text output` block). */
  stdout?: string;
}

export interface ProcessResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function run(cmd: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv; timeoutMs?: number; input?: string }): Promise<ProcessResult> {
  return new Promise((resolvePromise) => {
    const child = spawn(cmd, args, { cwd: options.cwd, env: options.env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolvePromise({ code, stdout, stderr });
    });
    child.stdin.end(options.input ?? '');
  });
}

/** A document's scratch-folder name: docs/recipes/github-actions.md → docs-recipes-github-actions. */
export function slug(file: string): string {
  return file.replace(/\.md$/, '').replace(/[^A-Za-z0-9]+/g, '-');
}

// ------------------------------------------------------------------------------------------ the CLI

/**
 * Bundles the CLI as the package ships it (esbuild, as tsup does) into `dir`, with the demo's NAB files beside it,
 * and writes the `canary-judge` and `npm` shims into `dir/bin`. Falls back to `node --import tsx` without esbuild.
 */
export async function prepareCli(dir: string): Promise<{ bin: string; log: string }> {
  const bin = join(dir, 'bin');
  mkdirSync(join(dir, 'nab'), { recursive: true });
  mkdirSync(bin, { recursive: true });
  for (const f of readdirSync(join(ROOT, 'datasets/nab'))) if (f.endsWith('.csv')) copyFileSync(join(ROOT, 'datasets/nab', f), join(dir, 'nab', f));
  let command: string;
  try {
    const esbuild = await import('esbuild');
    await esbuild.build({
      entryPoints: [join(ROOT, 'src/cli/main.ts')],
      outfile: join(dir, 'cli.mjs'),
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node18',
      logLevel: 'silent',
    });
    command = `node ${JSON.stringify(join(dir, 'cli.mjs'))}`;
  } catch {
    command = `node --import ${JSON.stringify(TSX)} ${JSON.stringify(join(ROOT, 'src/cli/main.ts'))}`;
  }
  const log = join(dir, 'cli.log');
  writeFileSync(
    join(bin, 'canary-judge'),
    `#!/usr/bin/env bash
${command} "$@"
code=$?
printf '%s\\t%s\\n' "$code" "$*" >> "\${CANARY_JUDGE_DOCS_LOG:-${log}}"
exit $code
`,
  );
  // \`npm run demo\` and \`npm run cli -- ARGS\` in the docs are the CLI; any other npm command is not run here
  writeFileSync(
    join(bin, 'npm'),
    `#!/usr/bin/env bash
if [ "$1" = run ] && [ "$2" = demo ]; then shift 2; exec canary-judge demo "$@"; fi
if [ "$1" = run ] && [ "$2" = cli ]; then shift 2; [ "$1" = -- ] && shift; exec canary-judge "$@"; fi
echo "docs test: 'npm $*' is not run here: mark the block no-run" >&2
exit 127
`,
  );
  // scripts written by the docs call `npx canary-judge …` (as a repository with it as a devDependency would)
  writeFileSync(
    join(bin, 'npx'),
    `#!/usr/bin/env bash
while [ "$1" = --yes ] || [ "$1" = -y ]; do shift; done
case "$1" in canary-judge | canary-judge@*) shift; exec canary-judge "$@" ;; esac
echo "docs test: 'npx $*' is not run here: mark the block no-run" >&2
exit 127
`,
  );
  chmodSync(join(bin, 'npx'), 0o755);
  chmodSync(join(bin, 'canary-judge'), 0o755);
  chmodSync(join(bin, 'npm'), 0o755);
  return { bin, log };
}

// ------------------------------------------------------------------------------------------ TypeScript

const STATEMENT_START = /^(const|let|var|import|export|return|if|for|while|do|switch|try|throw|function|class|type|interface|async|await\s+(?:using)|\}|\)|\]|\/\/|\/\*|\*)/;

/** Rewrites `canary-judge` and repository-relative imports to absolute file URLs, and `// =>` lines to checks. */
export function prepareTs(code: string, doc: string, firstLine: number): string {
  return wrapModule([transformTs(code, doc, firstLine)]);
}

/** One module from transformed blocks: the `docExpect` import, the blocks in order, `export {}`. */
export function wrapModule(bodies: string[]): string {
  const expectUrl = pathToFileURL(join(ROOT, 'test/docs/expect.ts')).href;
  return `import { docExpect as __docExpect } from ${JSON.stringify(expectUrl)};\n${bodies.join('\n')}\nexport {};\n`;
}

/** The block's lines with imports and `// =>` checks rewritten (see {@link prepareTs}). */
export function transformTs(code: string, doc: string, firstLine: number): string {
  const docDir = dirname(join(ROOT, doc));
  const target = (spec: string): string => {
    // the package, also as Deno writes it (npm:canary-judge@0.1)
    if (/^(npm:)?canary-judge(@[^/]*)?$/.test(spec)) return pathToFileURL(join(ROOT, 'src/index.ts')).href;
    if (/^(npm:)?canary-judge(@[^/]*)?\/io$/.test(spec)) return pathToFileURL(join(ROOT, 'src/io/index.ts')).href;
    if (spec.startsWith('./') || spec.startsWith('../')) {
      const abs = resolve(docDir, spec);
      const ts = abs.replace(/\.js$/, '.ts');
      return pathToFileURL(existsSync(ts) ? ts : abs).href;
    }
    return spec;
  };
  const lines = code
    .split('\n')
    .map((line) => line.replace(/(\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)(['"])([^'"]+)\2/g, (_m, pre: string, q: string, spec: string) => `${pre}${q}${target(spec)}${q}`));
  const where = (i: number) => JSON.stringify(`${doc}:${firstLine + 1 + i}`);
  /** Replaces the statement on lines [from, to] (ending with `;`) by itself plus a check of its value. */
  const check = (from: number, to: number, expected: string, at: number) => {
    const text = lines.slice(from, to + 1).join('\n').replace(/;\s*$/, '');
    const indent = /^\s*/.exec(lines[from])![0];
    const decl = /^\s*(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*(?::[^=]+)?=/.exec(text);
    let replacement: string;
    if (decl) replacement = `${text}; __docExpect(() => ${decl[1]}, ${JSON.stringify(expected)}, ${where(at)});`;
    else if (STATEMENT_START.test(text.trim())) throw new Error(`${doc}:${firstLine + 1 + at}: // => must follow an expression or a const declaration`);
    // evaluated in place (an `await` in the expression keeps working), then checked
    else replacement = `${indent}{ const __value = (${text.trim()}); __docExpect(() => __value, ${JSON.stringify(expected)}, ${where(at)}); }`;
    const replaced = replacement.split('\n');
    // keep the line count, so error positions stay right
    for (let k = from; k <= to; k++) lines[k] = k - from < replaced.length ? replaced[k - from] : '';
    if (replaced.length > to - from + 1) lines[to] = replaced.slice(to - from).join(' ');
  };
  const endsStatement = (l: string) => !/\S/.test(l) || /[;{}]\s*(\/\/.*)?$/.test(l) || /^\s*(\/\/|\*|\/\*)/.test(l);
  for (let i = 0; i < lines.length; i++) {
    const alone = /^\s*\/\/ => (.+)$/.exec(lines[i]);
    if (alone) {
      let to = i - 1;
      while (to >= 0 && /^\s*\/\//.test(lines[to])) to--; // several // lines may describe one value
      if (to < 0 || !/;\s*$/.test(lines[to])) throw new Error(`${doc}:${firstLine + 1 + i}: // => must follow a statement ending with ;`);
      let from = to;
      while (from > 0 && !endsStatement(lines[from - 1])) from--;
      check(from, to, alone[1].trim(), i);
      continue;
    }
    const inline = /^(.*?;)\s*\/\/ => (.+)$/.exec(lines[i]);
    if (inline) {
      let from = i;
      while (from > 0 && !endsStatement(lines[from - 1])) from--;
      const expected = inline[2].trim();
      lines[i] = inline[1];
      check(from, i, expected, i);
    }
  }
  return lines.join('\n');
}

const RUNNER = `
import { pathToFileURL } from 'node:url';
const blocks = JSON.parse(process.argv[2]);
let current = null;
const report = (id, ok, message) => process.stdout.write('\\n@@DOCBLOCK ' + JSON.stringify({ id, ok, message }) + '\\n');
const failCurrent = (e) => { if (current !== null) { report(current, false, 'after the block ended: ' + String(e && e.stack || e)); } else { process.stdout.write(String(e && e.stack || e)); } };
process.on('uncaughtException', failCurrent);
process.on('unhandledRejection', failCurrent);
console.assert = (cond, ...msg) => { if (!cond) throw new Error('console.assert failed' + (msg.length ? ': ' + msg.join(' ') : '')); };
for (const b of blocks) {
  current = b.id;
  process.stdout.write('\\n@@BEGIN ' + b.id + '\\n');
  try {
    await import(pathToFileURL(b.path).href);
    await new Promise((r) => setTimeout(r, 0));
    report(b.id, true, '');
  } catch (e) {
    report(b.id, false, String(e && e.message || e) + ' ' + String(e && e.stack || ''));
  }
}
current = null;
`;

/**
 * Runs the TypeScript blocks of one document in one process. Returns a result per block id
 * (`<line>`; a session's result is reported on every block of the session).
 */
export async function runTsBlocks(doc: string, blocks: CodeBlock[], work: string, env: NodeJS.ProcessEnv): Promise<Map<CodeBlock, BlockResult>> {
  const results = new Map<CodeBlock, BlockResult>();
  if (blocks.length === 0) return results;
  const dir = join(work, '.ts');
  mkdirSync(dir, { recursive: true });
  const units: Array<{ id: string; path: string; blocks: CodeBlock[] }> = [];
  const sessions = new Map<string, { id: string; path: string; blocks: CodeBlock[] }>();
  for (const b of blocks) {
    const session = b.attrs.session;
    if (session !== undefined && sessions.has(session)) {
      sessions.get(session)!.blocks.push(b);
      continue;
    }
    const unit = { id: String(b.line), path: join(dir, `block-${b.line}.ts`), blocks: [b] };
    units.push(unit);
    if (session !== undefined) sessions.set(session, unit);
  }
  for (const u of units) {
    // a session is one module: imports hoist, so cells may import in any cell
    writeFileSync(u.path, wrapModule(u.blocks.map((b) => transformTs(b.code, doc, b.line))));
  }
  writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n'); // blocks are ES modules (top-level await)
  const runner = join(dir, 'runner.mjs');
  writeFileSync(runner, RUNNER);
  const r = await run(process.execPath, ['--import', TSX, runner, JSON.stringify(units.map((u) => ({ id: u.id, path: u.path })))], {
    cwd: work,
    env,
    timeoutMs: 120_000,
  });
  const byId = new Map<string, BlockResult>();
  const outputs = new Map<string, string>();
  let currentId: string | null = null;
  for (const line of r.stdout.split('\n')) {
    if (line.startsWith('@@BEGIN ')) {
      currentId = line.slice(8);
      outputs.set(currentId, '');
    } else if (line.startsWith('@@DOCBLOCK ')) {
      const rec = JSON.parse(line.slice(11)) as { id: string; ok: boolean; message: string };
      const prev = byId.get(rec.id);
      if (!prev || prev.ok) byId.set(rec.id, { ok: rec.ok, message: rec.message });
    } else if (currentId !== null) outputs.set(currentId, `${outputs.get(currentId)}${line}\n`);
  }
  for (const u of units) {
    const res = byId.get(u.id) ?? {
      ok: false,
      message: `the block did not finish (exit ${r.code}):\n${r.stderr.slice(-4000)}\n${r.stdout.slice(-2000)}`,
    };
    const out = outputs.get(u.id) ?? '';
    for (const b of u.blocks) results.set(b, res.ok ? { ...res, stdout: out } : { ok: false, message: `${res.message}\n--- output ---\n${out.slice(-3000)}\n${r.stderr.slice(-2000)}` });
  }
  return results;
}

// ------------------------------------------------------------------------------------------ shell

/**
 * Files a document uses from another document's `file=` blocks, so a script shown once is the same everywhere:
 * document → [[source document, file name there, path here]].
 */
export const BORROWED_FILES: Record<string, Array<[string, string, string]>> = {
  'docs/recipes/github-actions.md': [
    ['docs/recipes/prometheus.md', 'fetch-metrics.sh', '.github/fetch-metrics.sh'],
    ['docs/recipes/prometheus.md', 'prometheus-to-data.jq', '.github/prometheus-to-data.jq'],
    ['docs/recipes/prometheus.md', 'canary.json', '.github/canary.json'],
  ],
  'docs/recipes/argo-rollouts.md': [['docs/recipes/prometheus.md', 'prometheus-to-data.jq', 'prometheus-to-data.jq']],
};

/**
 * Writes the document's fixtures (test/docs/fixtures/<slug>/), its borrowed files and its `file=` blocks into its
 * scratch folder.
 */
export function writeDocFiles(doc: string, blocks: CodeBlock[], work: string, all: CodeBlock[] = blocks): void {
  mkdirSync(work, { recursive: true });
  const fixtures = join(ROOT, 'test/docs/fixtures', slug(doc));
  if (existsSync(fixtures)) cpSync(fixtures, work, { recursive: true });
  const borrowed = (BORROWED_FILES[doc] ?? []).map(([from, name, to]) => {
    const source = all.find((b) => b.file === from && b.attrs.file === name);
    if (!source) throw new Error(`${doc} borrows ${name} from ${from}, which has no such file block`);
    return { ...source, attrs: { file: to } };
  });
  for (const b of [...borrowed, ...blocks]) {
    const name = b.attrs.file;
    if (name === undefined) continue;
    const p = join(work, name);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, b.code.endsWith('\n') ? b.code : `${b.code}\n`);
  }
}

/** Runs one shell block; checks its exit status (`exit=N`, default 0) and the exit codes of its CLI calls. */
export async function runShBlock(b: CodeBlock, work: string, env: NodeJS.ProcessEnv, log: string): Promise<BlockResult> {
  writeFileSync(log, '');
  const script = `set -o pipefail\n${b.code.replace(/\bnpx (--yes |-y )?canary-judge\b/g, 'canary-judge')}\n`;
  const r = await run('bash', ['-c', script], { cwd: work, env: { ...env, CANARY_JUDGE_DOCS_LOG: log }, timeoutMs: 120_000 });
  const expected = b.attrs.exit !== undefined ? Number(b.attrs.exit) : 0;
  const calls = readFileSync(log, 'utf8').split('\n').filter(Boolean).map((l) => {
    const tab = l.indexOf('\t');
    return { code: Number(l.slice(0, tab)), args: l.slice(tab + 1) };
  });
  const problems: string[] = [];
  if (r.code !== expected) problems.push(`exit status ${r.code}, expected ${expected}`);
  if (/command not found|No such file or directory/.test(r.stderr)) problems.push('a command or file is missing');
  if (!b.flags.has('cli-error')) {
    for (const c of calls) if (c.code >= 64) problems.push(`\`canary-judge ${c.args}\` exited ${c.code}`);
  }
  if (/^\s*(npx\s+)?canary-judge\s/m.test(b.code) && calls.length === 0) problems.push('no canary-judge call ran');
  if (problems.length === 0) return { ok: true, message: '', stdout: r.stdout };
  return { ok: false, message: `${problems.join('; ')}\n--- stdout ---\n${r.stdout.slice(-3000)}\n--- stderr ---\n${r.stderr.slice(-3000)}` };
}
