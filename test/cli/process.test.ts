/** Smoke tests of the real executable: `tsx src/cli/main.ts …` as a child process (exit codes, streams, stdin). */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { folder, latencies } from './helpers.js';

const root = new URL('../../', import.meta.url).pathname;
const tsx = join(root, 'node_modules', '.bin', 'tsx');
const cli = (args: string[], input?: string) =>
  spawnSync(tsx, [join(root, 'src/cli/main.ts'), ...args], { input: input ?? '', encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 60_000 });

describe('the canary-judge executable', () => {
  const dir = folder({
    'baseline.csv': latencies().join('\n'),
    'canary.csv': latencies(25).join('\n'),
    'bad.csv': 'value\n1\n2\nx\n',
  });

  it('prints its version and exits 0', () => {
    const r = cli(['--version']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('judges files, reads a side from standard input, and exits 1 for a failing canary', () => {
    const r = cli(['judge', '--baseline', join(dir, 'baseline.csv'), '--canary', '-', '--sli', 'latency_ms', '--format', 'json'], latencies(25).join('\n'));
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('');
    const v = JSON.parse(r.stdout);
    expect(v.verdict).toBe('fail');
    expect(v.slis[0].name).toBe('latency_ms');
  });

  it('exits 65 with file:line:column on stderr and nothing on stdout for a bad file', () => {
    const r = cli(['judge', '--baseline', join(dir, 'bad.csv'), '--canary', join(dir, 'canary.csv')]);
    expect(r.status).toBe(65);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`canary-judge: ${join(dir, 'bad.csv')}:4:1: "x" is not a number (column "value")\n`);
  });
});
