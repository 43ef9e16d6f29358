import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/cli.js';
import type { CliIo, CliScenario } from '../../src/cli/io.js';

/** Runs the CLI in-process with captured streams. */
export async function run(argv: string[], options: { tty?: boolean; stderrTty?: boolean; env?: Record<string, string>; progressMinBytes?: number; scenarios?: CliScenario[] } = {}) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: { write: (s: string) => (stdout += s), isTTY: options.tty ?? false },
    stderr: { write: (s: string) => (stderr += s), isTTY: options.stderrTty ?? false },
    env: options.env ?? {},
    ...(options.progressMinBytes !== undefined ? { progressMinBytes: options.progressMinBytes } : {}),
    ...(options.scenarios ? { loadScenarios: async () => options.scenarios as CliScenario[] } : {}),
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

/** A fresh temporary folder with the given files. */
export function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'cj-cli-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

/** 60 deterministic latency-like values around 100 (a fixed permutation, no randomness). */
export function latencies(shift = 0, n = 60): number[] {
  return Array.from({ length: n }, (_, i) => Math.round((100 + ((i * 37) % 60) * 0.5 + shift) * 100) / 100);
}

/** A long-form CSV of one or more SLIs. */
export function longCsv(slis: Record<string, { baseline: number[]; canary: number[] }>): string {
  const lines = ['sli,side,timestamp,value'];
  for (const [name, { baseline, canary }] of Object.entries(slis)) {
    baseline.forEach((v, i) => lines.push(`${name},baseline,${1717423200 + 15 * i},${v}`));
    canary.forEach((v, i) => lines.push(`${name},canary,${1717423200 + 15 * i},${v}`));
  }
  return lines.join('\n') + '\n';
}
