/**
 * The one error class of canary-judge. Bad *usage* (a malformed config, an invalid argument, NaN where a
 * number is required) throws a `CanaryJudgeError`; bad *data* (empty, too small) is a classified result.
 *
 * @example
 * ```ts
 * import { CanaryJudgeError } from 'canary-judge';
 * try { mannWhitney([], [1]); } catch (e) {
 *   if (e instanceof CanaryJudgeError) console.log(e.code, e.path); // 'EMPTY_SAMPLE' 'x'
 * }
 * ```
 */
export class CanaryJudgeError extends Error {
  /** A stable, machine-readable code such as `'EMPTY_SAMPLE'` or `'INVALID_CONFIG'`. */
  readonly code: string;
  /** The JSON path (or argument name) of the offending field, e.g. `slis[3].direction`; `''` when none applies. */
  readonly path: string;
  /** For errors that gather several problems (config validation): every problem found. */
  readonly problems: ReadonlyArray<{ code: string; path: string; message: string }>;

  constructor(
    code: string,
    message: string,
    path = '',
    problems?: ReadonlyArray<{ code: string; path: string; message: string }>,
  ) {
    super(message);
    this.name = 'CanaryJudgeError';
    this.code = code;
    this.path = path;
    this.problems = problems ?? [{ code, path, message }];
  }

  /** A plain JSON form (errors can be reported by a CLI or over an API). */
  toJSON(): { name: string; code: string; path: string; message: string; problems: Array<{ code: string; path: string; message: string }> } {
    return { name: this.name, code: this.code, path: this.path, message: this.message, problems: [...this.problems] };
  }
}
