/**
 * Every code block of the documentation (README.md, docs/**\/*.md) is executed or checked, so the docs cannot rot.
 * How each kind of block is treated, and the markers, are in docs/README.md ("How the docs are tested").
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkCsv, checkJson, checkYaml } from './checks.js';
import { startFakePrometheus, type FakePrometheus } from './fakePrometheus.js';
import { prepareCli, ROOT, runShBlock, runTsBlocks, slug, writeDocFiles, type BlockResult } from './harness.js';
import { allBlocks, blockKind, type CodeBlock } from './markdown.js';

const blocks = allBlocks(ROOT);
const docs = [...new Set(blocks.map((b) => b.file))];
const results = new Map<CodeBlock, BlockResult>();
let tmp = '';
let prometheus: FakePrometheus;
let elapsed = 0;

/** Runs the executable blocks of one document: its TypeScript blocks in one process, then its shell blocks in order. */
async function runDoc(doc: string, env: NodeJS.ProcessEnv, log: string): Promise<void> {
  const mine = blocks.filter((b) => b.file === doc);
  const work = join(tmp, 'work', slug(doc));
  writeDocFiles(doc, mine, work, blocks);
  const ts = mine.filter((b) => blockKind(b) === 'ts');
  for (const [b, r] of await runTsBlocks(doc, ts, work, env)) results.set(b, r);
  for (const b of mine.filter((x) => blockKind(x) === 'sh')) {
    writeDocFiles(doc, mine, work, blocks); // every shell block starts from the documented files (an earlier block may overwrite one)
    results.set(b, await runShBlock(b, work, { ...env, GITHUB_STEP_SUMMARY: join(work, 'github-step-summary.md') }, `${log}.${slug(doc)}`));
  }
}

beforeAll(async () => {
  const t0 = Date.now();
  tmp = mkdtempSync(join(tmpdir(), 'canary-judge-docs-'));
  prometheus = await startFakePrometheus();
  const cli = await prepareCli(join(tmp, 'cli'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PATH: `${cli.bin}:${process.env.PATH ?? ''}`,
    PROMETHEUS_URL: prometheus.url,
    PROM: prometheus.url,
    NO_COLOR: '1',
    FORCE_COLOR: '',
    NODE_OPTIONS: '',
  };
  // two documents at a time (the machine has two cores)
  const queue = docs.filter((d) => blocks.some((b) => b.file === d && (blockKind(b) === 'ts' || blockKind(b) === 'sh')));
  const workers = [0, 1].map(async () => {
    for (let d = queue.shift(); d !== undefined; d = queue.shift()) await runDoc(d, env, cli.log);
  });
  await Promise.all(workers);
  elapsed = Date.now() - t0;
}, 180_000);

afterAll(async () => {
  await prometheus?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

const normalise = (s: string) => s.split('\n').map((l) => l.trimEnd()).join('\n').trim();

/** A `text output` block must equal what the executable block before it printed. */
function checkOutput(b: CodeBlock): void {
  const before = blocks.filter((x) => x.file === b.file && x.line < b.line && (blockKind(x) === 'ts' || blockKind(x) === 'sh'));
  const source = before[before.length - 1];
  if (!source) expect.fail(`${b.file}:${b.line}: an output block must follow a ts or sh block`);
  const r = results.get(source);
  if (!r?.ok) expect.fail(`${b.file}:${b.line}: the block at line ${source.line} did not run`);
  expect(normalise(r.stdout ?? ''), `${b.file}:${b.line}: output of the block at line ${source.line}`).toBe(normalise(b.code));
}

describe.each(docs)('%s', (doc) => {
  const mine = blocks.filter((b) => b.file === doc);
  it.each(mine.map((b) => [`${blockKind(b)} block at line ${b.line}${b.lang ? ` (${b.lang})` : ''}`, b] as const))('%s', (_name, b) => {
    expect(b.code.trim(), `${b.file}:${b.line}: empty block`).not.toBe('');
    const kind = blockKind(b);
    switch (kind) {
      case 'ts':
      case 'sh': {
        const r = results.get(b);
        expect(r, `${b.file}:${b.line}: did not run`).toBeDefined();
        if (!r!.ok) expect.fail(`${b.file}:${b.line}: ${r!.message}`);
        break;
      }
      case 'json':
        checkJson(b);
        break;
      case 'csv':
        checkCsv(b);
        break;
      case 'yaml':
        checkYaml(b);
        break;
      case 'text':
        if (b.flags.has('output')) checkOutput(b);
        break;
      case 'file':
        if (b.lang === 'sh' || b.lang === 'bash') {
          const syntax = spawnSync('bash', ['-n'], { input: b.code });
          expect(syntax.status, `${b.file}:${b.line}: ${syntax.stderr}`).toBe(0);
        }
        expect(
          blocks.some((x) => x.file === b.file && x !== b && (x.lang === 'sh' || x.lang === 'bash' || x.lang === 'yaml') && x.code.includes(b.attrs.file!)),
          `${b.file}:${b.line}: no shell block or script uses ${b.attrs.file}`,
        ).toBe(true);
        break;
      case 'no-run':
        break;
      default:
        expect.fail(`${b.file}:${b.line}: unknown language "${b.lang}": use ts, sh, json, jsonc, csv, yaml or text, or mark the block no-run`);
    }
  });
});

describe('the documentation as a whole', () => {
  it('executes most of its code and stays fast', () => {
    const count = (k: string) => blocks.filter((b) => blockKind(b) === k).length;
    const executed = count('ts') + count('sh');
    const checked = count('json') + count('csv') + count('yaml') + count('file');
    const summary = `docs code blocks: ${blocks.length} in ${docs.length} files — executed ${executed} (ts ${count('ts')}, sh ${count('sh')}), parsed or used ${checked} (json ${count('json')}, csv ${count('csv')}, yaml ${count('yaml')}, other files ${count('file')}), text ${count('text')}, no-run ${count('no-run')}; ran in ${(elapsed / 1000).toFixed(1)} s`;
    console.log(summary);
    // marked blocks stay the exception
    expect(count('no-run')).toBeLessThanOrEqual(Math.ceil(0.15 * (blocks.length - count('text'))));
    expect(prometheus.queries.length).toBeGreaterThan(0);
  });
});
