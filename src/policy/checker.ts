import { CanaryJudgeError } from '../errors.js';
import { parseDuration } from '../slo/index.js';
import { showValue } from './time.js';

/** One problem found while validating a policy or a plan. */
export interface RolloutProblem {
  code: string;
  path: string;
  message: string;
}

/** `a.b`, `a[3]`: JSON paths as the rest of the library writes them. @internal */
export function joinPath(base: string, key: string | number): string {
  if (typeof key === 'number') return `${base}[${key}]`;
  return base === '' ? key : `${base}.${key}`;
}

export const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Edit distance (Levenshtein) between two short strings, case-insensitive. */
function distance(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[y.length];
}

/** The allowed key closest to a mistyped one (at most 2 edits away), for "did you mean" hints. */
function nearest(key: string, allowed: ReadonlyArray<string>): string | undefined {
  let best: string | undefined;
  let bestD = 3;
  for (const a of allowed) {
    const d = distance(key, a);
    if (d < bestD) {
      best = a;
      bestD = d;
    }
  }
  return best;
}

/** Collects every problem instead of stopping at the first (as the judge's config validation does). @internal */
export class RolloutChecker {
  readonly problems: RolloutProblem[] = [];

  /** @param root - how a problem at the root (path `''`) is named in messages. */
  constructor(readonly root = 'policy') {}

  add(code: string, path: string, message: string): void {
    this.problems.push({ code, path, message: `${path || this.root}: ${message}` });
  }

  unknownKeys(obj: Record<string, unknown>, allowed: ReadonlyArray<string>, path: string): void {
    for (const key of Object.keys(obj)) {
      if (!allowed.includes(key)) {
        const near = nearest(key, allowed);
        this.add('UNKNOWN_FIELD', joinPath(path, key), `unknown field${near ? ` (did you mean "${near}"?)` : ''}`);
      }
    }
  }

  /** A finite number within bounds; returns it, or `null` after recording a problem. */
  number(v: unknown, path: string, opts: { min?: number; max?: number; exclusiveMin?: boolean; integer?: boolean }): number | null {
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      this.add('INVALID_TYPE', path, `must be a finite number, got ${showValue(v)}`);
      return null;
    }
    if (opts.integer && !Number.isInteger(v)) {
      this.add('INVALID_VALUE', path, `must be an integer, got ${v}`);
      return null;
    }
    const { min, max } = opts;
    if (min !== undefined && (opts.exclusiveMin ? v <= min : v < min)) {
      this.add('INVALID_VALUE', path, `must be ${opts.exclusiveMin ? '>' : '≥'} ${min}, got ${v}`);
      return null;
    }
    if (max !== undefined && v > max) {
      this.add('INVALID_VALUE', path, `must be ≤ ${max}, got ${v}`);
      return null;
    }
    return v;
  }

  boolean(v: unknown, path: string): boolean | null {
    if (typeof v !== 'boolean') {
      this.add('INVALID_TYPE', path, `must be true or false, got ${showValue(v)}`);
      return null;
    }
    return v;
  }

  oneOf<T>(v: unknown, allowed: ReadonlyArray<T>, path: string): T | null {
    if (!allowed.includes(v as T)) {
      this.add('INVALID_VALUE', path, `must be one of ${allowed.map((a) => showValue(a)).join(', ')}, got ${showValue(v)}`);
      return null;
    }
    return v as T;
  }

  /** A duration (`'5m'` or seconds) via slo's parseDuration; `positive` rejects zero. */
  duration(v: unknown, path: string, positive: boolean): number | null {
    try {
      const s = parseDuration(v as string | number, path);
      if (positive && !(s > 0)) {
        this.add('INVALID_DURATION', path, `must be a positive duration, got ${showValue(v)}`);
        return null;
      }
      return s;
    } catch (e) {
      if (e instanceof CanaryJudgeError) {
        this.add(e.code, path, e.message.startsWith(path) ? e.message.slice(path.length).replace(/^[:\s]+/, '') : e.message);
        return null;
      }
      throw e;
    }
  }

  /** Throws one error carrying every problem, when there are any. */
  throwIfAny(code: string, what: string): void {
    const problems = this.problems;
    if (problems.length === 0) return;
    const list = problems.map((p) => `  - ${p.message}`).join('\n');
    throw new CanaryJudgeError(code, `invalid ${what} (${problems.length} problem${problems.length > 1 ? 's' : ''}):\n${list}`, problems[0].path, problems);
  }
}
