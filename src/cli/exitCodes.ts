import { CanaryJudgeError } from '../errors.js';
import type { Verdict } from '../judge/types.js';
import { isNoVerdict } from '../report/format.js';

/**
 * Exit codes of `canary-judge` (64–73 follow BSD's sysexits.h: EX_USAGE, EX_DATAERR, EX_NOINPUT, EX_SOFTWARE,
 * EX_CANTCREAT).
 */
export const EXIT_CODES = Object.freeze({
  /** The canary passed (and, for `validate`, the config is valid; for `demo`, every scenario gave its expected verdict). */
  pass: 0,
  /** The canary failed (`demo`: some scenario did not give its expected verdict). */
  fail: 1,
  /** The canary is marginal. */
  marginal: 2,
  /** No verdict is possible: no counted SLI could be judged (no data, too little data, errors) and the run did not fail. */
  noVerdict: 3,
  /** Bad command line: unknown command or option, a missing or malformed argument. */
  usage: 64,
  /** Bad input: a malformed config, data file or Kayenta config (the message names file:line:column). */
  dataError: 65,
  /** An input file is missing or cannot be read. */
  noInput: 66,
  /** An internal error (a bug: please report it). */
  software: 70,
  /** The output file cannot be written. */
  cannotCreate: 73,
});

/**
 * The exit code of a verdict: 0 pass, 1 fail, 2 marginal, 3 no verdict possible. "No verdict" means the verdict is
 * not `fail` and no counted (non-muted) SLI was classified pass, high or low — every one had no data, too little
 * data or an error — so the `marginal` the judge returns is a placeholder, not evidence (see `isNoVerdict`).
 * A verdict merely *limited* by some insufficient SLIs while others were judged keeps its own code (2 when capped
 * at marginal), and a run failed by the no-data rule keeps 1: a pipeline treats both as real answers.
 *
 * @example
 * ```ts
 * exitCodeOf(judge(config, data)); // 0, 1, 2 or 3
 * ```
 */
export function exitCodeOf(verdict: Verdict): number {
  if (isNoVerdict(verdict)) return EXIT_CODES.noVerdict;
  return verdict.verdict === 'pass' ? EXIT_CODES.pass : verdict.verdict === 'fail' ? EXIT_CODES.fail : EXIT_CODES.marginal;
}

/** A command-line mistake (exit code 64). */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** The exit code for an error thrown while running a command. */
export function exitCodeOfError(e: unknown): number {
  if (e instanceof UsageError) return EXIT_CODES.usage;
  if (e instanceof CanaryJudgeError) {
    if (e.code === 'FILE_NOT_FOUND' || e.code === 'FILE_UNREADABLE') return EXIT_CODES.noInput;
    if (e.code === 'FILE_NOT_WRITABLE') return EXIT_CODES.cannotCreate;
    if (e.code === 'INVALID_ARGUMENT') return EXIT_CODES.usage;
    return EXIT_CODES.dataError;
  }
  return EXIT_CODES.software;
}
