/**
 * The persisted JSON state of the streaming monitors ({@link CountMonitor}, {@link MeanMonitor},
 * {@link QuantileMonitor}): the `{ kind, version, options, state }` envelope written by `toJSON()` and the
 * checks `fromJSON()` applies when reading it back (internal). Every check throws `INVALID_STATE` with the
 * JSON path of the bad field, so a corrupted or hand-edited state file says exactly what is wrong.
 * @module
 */
import { CanaryJudgeError } from '../../errors.js';
import { badState, isRecord } from './common.js';
import type { MonitorDirection, ResolvedMonitorBaseOptions } from './common.js';

/** The version every monitor writes and the only one `fromJSON` reads. */
const STATE_VERSION = 1;

/** The envelope of a monitor's JSON state. */
export interface MonitorStateEnvelope<K extends string, O, S> {
  kind: K;
  version: 1;
  options: O;
  state: S;
}

/** The shared options as stored in a state file, in their stored order. */
export interface BaseOptionsState {
  alpha: number;
  direction: MonitorDirection;
  allowedIncrease: number;
  allowedDecrease: number;
  label: string;
}

/**
 * Wraps a monitor's options and running state in the versioned envelope that `fromJSON` expects.
 *
 * @example
 * ```ts
 * writeEnvelope('CountMonitor', { alpha: 0.05 }, { looks: 0 });
 * // { kind: 'CountMonitor', version: 1, options: { alpha: 0.05 }, state: { looks: 0 } }
 * ```
 */
export function writeEnvelope<K extends string, O, S>(kind: K, options: O, state: S): MonitorStateEnvelope<K, O, S> {
  return { kind, version: STATE_VERSION, options, state };
}

/**
 * The shared options of a monitor as stored in its state file (alpha, direction, allowed changes, label);
 * each monitor appends its own options after them.
 *
 * @example
 * ```ts
 * baseOptionsState(resolveBaseOptions({}, 'the mean'));
 * // { alpha: 0.05, direction: 'increase', allowedIncrease: 0.1, allowedDecrease: 0.1, label: 'the mean' }
 * ```
 */
export function baseOptionsState(o: ResolvedMonitorBaseOptions): BaseOptionsState {
  return { alpha: o.alpha, direction: o.direction, allowedIncrease: o.allowedIncrease, allowedDecrease: o.allowedDecrease, label: o.label };
}

/**
 * Validates the common envelope of a monitor's JSON state (the object, or its JSON text) and returns its
 * `options` and `state` records.
 *
 * @throws CanaryJudgeError `INVALID_STATE` for bad JSON text, another `kind` or a missing part;
 * `UNSUPPORTED_STATE_VERSION` for another version.
 *
 * @example
 * ```ts
 * readEnvelope('{"kind":"MeanMonitor","version":1,"options":{},"state":{}}', 'MeanMonitor');
 * // { options: {}, state: {} }
 * ```
 */
export function readEnvelope(json: unknown, kind: string): { options: Record<string, unknown>; state: Record<string, unknown> } {
  let value = json;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      badState('', `${kind}.fromJSON: not valid JSON text`);
    }
  }
  if (!isRecord(value)) badState('', `${kind}.fromJSON expects the object returned by toJSON()`);
  if (value.kind !== kind) badState('kind', `expected '${kind}' (got ${String(value.kind)})`);
  if (value.version !== STATE_VERSION) {
    throw new CanaryJudgeError(
      'UNSUPPORTED_STATE_VERSION',
      `version: ${kind} state version ${String(value.version)} is not supported (expected ${STATE_VERSION})`,
      'version',
    );
  }
  if (!isRecord(value.options)) badState('options', 'must be an object');
  if (!isRecord(value.state)) badState('state', 'must be an object');
  return { options: value.options, state: value.state };
}

/**
 * Options stored in a state file are validated by the same code as fresh options: this runs `fn` (a
 * constructor call) and re-throws its errors as `INVALID_STATE` with paths under `options.`.
 *
 * @example
 * ```ts
 * withOptionsPath(() => new MeanMonitor({ alpha: 0.7 })); // throws INVALID_STATE at 'options.alpha'
 * ```
 */
export function withOptionsPath<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof CanaryJudgeError) {
      const path = e.path === '' || e.path === 'options' ? 'options' : `options.${e.path}`;
      throw new CanaryJudgeError('INVALID_STATE', `${path}: ${e.message.replace(/^[^:]*: /, '')}`, path);
    }
    throw e;
  }
}

/**
 * The first steps of every `fromJSON`: reads the envelope, builds a fresh monitor from the stored options
 * (through {@link withOptionsPath}) and reads the look count. The caller then restores its own state fields.
 *
 * @example
 * ```ts
 * const { monitor, state, looks } = restoreMonitor(json, 'MeanMonitor', (o) => new MeanMonitor(o));
 * ```
 */
export function restoreMonitor<M>(
  json: unknown,
  kind: string,
  create: (options: Record<string, unknown>) => M,
): { monitor: M; state: Record<string, unknown>; looks: number } {
  const { options, state } = readEnvelope(json, kind);
  const monitor = withOptionsPath(() => create(options));
  const looks = stateCount(state.looks, 'state.looks');
  return { monitor, state, looks };
}

/**
 * A state number: finite, optionally within [min, max], optionally an integer.
 *
 * @example
 * ```ts
 * stateNumber(3, 'state.looks', { min: 0, integer: true }); // 3
 * stateNumber(-1, 'state.looks', { min: 0 });                // throws INVALID_STATE at 'state.looks'
 * ```
 */
export function stateNumber(value: unknown, path: string, rule: { min?: number; integer?: boolean; max?: number } = {}): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) badState(path, `must be a finite number (got ${String(value)})`);
  if (rule.min !== undefined && value < rule.min) badState(path, `must be ≥ ${rule.min} (got ${value})`);
  if (rule.max !== undefined && value > rule.max) badState(path, `must be ≤ ${rule.max} (got ${value})`);
  if (rule.integer && !Number.isInteger(value)) badState(path, `must be an integer (got ${value})`);
  return value;
}

/**
 * A state number or null.
 *
 * @example
 * ```ts
 * stateNullableNumber(null, 'state.upper'); // null
 * ```
 */
export function stateNullableNumber(value: unknown, path: string): number | null {
  if (value === null) return null;
  return stateNumber(value, path);
}

/**
 * A stored count (looks, values, skipped values): an integer ≥ 0.
 *
 * @example
 * ```ts
 * stateCount(12, 'state.baseline.n'); // 12
 * ```
 */
export function stateCount(value: unknown, path: string): number {
  return stateNumber(value, path, { min: 0, integer: true });
}

/**
 * A stored running p-value: a number in [0, 1].
 *
 * @example
 * ```ts
 * stateProbability(0.2, 'state.pValue'); // 0.2
 * ```
 */
export function stateProbability(value: unknown, path: string): number {
  return stateNumber(value, path, { min: 0, max: 1 });
}

/**
 * A stored object (not null, not an array); `message` says what it should hold.
 *
 * @example
 * ```ts
 * stateObject({ baseline: 0, canary: 0 }, 'state.skipped', 'must be { baseline, canary }'); // the object
 * ```
 */
export function stateObject(value: unknown, path: string, message = 'must be an object'): Record<string, unknown> {
  if (!isRecord(value)) badState(path, message);
  return value;
}
