import type { JudgeConfig, JudgeData } from '../judge/types.js';

/** A writable stream as the CLI sees it. */
export interface CliStream {
  write(text: string): unknown;
  /** Is this stream a terminal? (colour for stdout, progress for stderr) */
  isTTY?: boolean;
}

/** A demo scenario as `datasets/` provides it (the fields the CLI uses). */
export interface CliScenario {
  id: string;
  title: string;
  description: string;
  expected: string;
  config: JudgeConfig;
  data: JudgeData;
}

/**
 * What the CLI touches outside its arguments, injectable for tests: output streams, the environment, and the demo
 * scenarios. Files are read and written through `node:fs` with paths as given (relative to the working directory).
 */
export interface CliIo {
  stdout: CliStream;
  stderr: CliStream;
  env: Record<string, string | undefined>;
  /** Inputs at least this large (in characters) show progress on a terminal's stderr (default 1 MiB). */
  progressMinBytes?: number;
  /** Loads the demo scenarios (default: `demoScenarios()` of datasets/). */
  loadScenarios?: () => Promise<CliScenario[]>;
}

/** The real process: `process.stdout`, `process.stderr`, `process.env`. */
export function nodeIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, env: process.env };
}
