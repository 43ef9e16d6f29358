import { CanaryJudgeError } from '../errors.js';
import { isPlainObject } from './checker.js';
import { defaultRolloutPlan } from './defaults.js';
import { parseTime, showValue } from './time.js';
import type { ResolvedRolloutStage } from './validateRolloutPlan.js';
import { validateRolloutPlan } from './validateRolloutPlan.js';
import type { RolloutHistoryEntry, RolloutPlan, RolloutState, RolloutTime } from './types.js';

/** The version of {@link RolloutState} this library writes and reads. */
export const ROLLOUT_STATE_VERSION = 1;

const VERDICTS = ['pass', 'marginal', 'fail', null];
const SEQUENTIAL = ['pass', 'fail', 'continue', null];
const ACTIONS = ['promote', 'hold', 'rollback', 'complete'];
const STATUSES = ['inProgress', 'rolledBack', 'completed'];

/**
 * The state of a rollout that has just begun its first stage: give it the time the canary started
 * receiving the first stage's traffic, so that `minStageDuration` counts from then. Without it,
 * {@link decideRollout} starts the clock at the first evaluation, which only makes the first stage longer.
 *
 * @param options.startedAt - when the first stage began (seconds or ISO 8601 with a zone).
 * @param options.plan - the stage plan (default `[1, 10, 50, 100]`); only its first stage is read.
 * @throws CanaryJudgeError `'INVALID_TIME'` (path `startedAt`), `'INVALID_PLAN'`.
 *
 * @example
 * ```ts
 * const state = createRolloutState({ startedAt: '2024-05-01T12:00:00Z' });
 * state.stageStartedAt; // 1714564800
 * state.trafficPercent; // 1
 * JSON.parse(JSON.stringify(state)); // an equal state: plain JSON, version 1
 * ```
 */
export function createRolloutState(options: { startedAt: RolloutTime; plan?: RolloutPlan }): RolloutState {
  if (!isPlainObject(options)) {
    throw new CanaryJudgeError('INVALID_ARGUMENT', `createRolloutState needs an options object { startedAt, plan? }, got ${showValue(options)}`, '');
  }
  const stages = validateRolloutPlan(options.plan ?? defaultRolloutPlan, 'plan');
  return initialState(stages[0], parseTime(options.startedAt, 'startedAt'));
}

/** @internal */
export function initialState(first: ResolvedRolloutStage, startedAt: number): RolloutState {
  return {
    version: ROLLOUT_STATE_VERSION,
    status: 'inProgress',
    stageIndex: 0,
    trafficPercent: first.trafficPercent,
    stageStartedAt: startedAt,
    stageEvaluations: 0,
    stagePasses: 0,
    lastEvaluationAt: null,
    endedAt: null,
    history: [],
  };
}

function fail(path: string, message: string, code = 'INVALID_STATE'): never {
  throw new CanaryJudgeError(code, `${path}: ${message}`, path);
}

function num(v: unknown, path: string, opts: { integer?: boolean; min?: number } = {}): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) fail(path, `must be a finite number, got ${showValue(v)}`);
  if (opts.integer && !Number.isInteger(v)) fail(path, `must be an integer, got ${v}`);
  if (opts.min !== undefined && v < opts.min) fail(path, `must be ≥ ${opts.min}, got ${v}`);
  return v;
}

function oneOf<T>(v: unknown, allowed: ReadonlyArray<T>, path: string): T {
  if (!allowed.includes(v as T)) fail(path, `must be one of ${allowed.map(showValue).join(', ')}, got ${showValue(v)}`);
  return v as T;
}

function checkEntry(e: unknown, path: string): RolloutHistoryEntry {
  if (!isPlainObject(e)) fail(path, `must be a history entry object, got ${showValue(e)}`);
  const failing = e.failingSlis;
  if (!Array.isArray(failing) || failing.some((n) => typeof n !== 'string')) fail(`${path}.failingSlis`, 'must be an array of SLI names');
  return {
    at: num(e.at, `${path}.at`),
    decidedAt: num(e.decidedAt, `${path}.decidedAt`),
    stageIndex: num(e.stageIndex, `${path}.stageIndex`, { integer: true, min: 0 }),
    verdict: oneOf(e.verdict, VERDICTS, `${path}.verdict`) as RolloutHistoryEntry['verdict'],
    score: e.score === null ? null : num(e.score, `${path}.score`),
    failingSlis: [...(failing as string[])],
    sequential: oneOf(e.sequential, SEQUENTIAL, `${path}.sequential`) as RolloutHistoryEntry['sequential'],
    action: oneOf(e.action, ACTIONS, `${path}.action`) as RolloutHistoryEntry['action'],
  };
}

/**
 * Checks a state passed back by the caller (after a JSON round trip, from a database…) and returns a
 * fresh copy of it; the caller's object is never modified. A state written for another plan (its stage's
 * traffic differs from the plan's) throws `'PLAN_MISMATCH'`; another version throws
 * `'UNSUPPORTED_STATE_VERSION'`; anything malformed throws `'INVALID_STATE'` with the path of the field.
 * @internal
 */
export function checkRolloutState(state: unknown, stages: ReadonlyArray<ResolvedRolloutStage>, path = 'state'): RolloutState {
  if (!isPlainObject(state)) fail(path, `must be a rollout state object (from a previous decision), got ${showValue(state)}`);
  if (state.version !== ROLLOUT_STATE_VERSION) {
    fail(`${path}.version`, `unsupported state version ${showValue(state.version)} (this library reads version ${ROLLOUT_STATE_VERSION})`, 'UNSUPPORTED_STATE_VERSION');
  }
  const status = oneOf(state.status, STATUSES, `${path}.status`) as RolloutState['status'];
  const stageIndex = num(state.stageIndex, `${path}.stageIndex`, { integer: true, min: 0 });
  const trafficPercent = num(state.trafficPercent, `${path}.trafficPercent`);
  if (stageIndex >= stages.length) {
    fail(`${path}.stageIndex`, `stage ${stageIndex} does not exist in a plan of ${stages.length} stages (was the state written for another plan?)`, 'PLAN_MISMATCH');
  }
  if (stages[stageIndex].trafficPercent !== trafficPercent) {
    fail(
      `${path}.trafficPercent`,
      `the state is at ${trafficPercent}% but stage ${stageIndex} of the plan is ${stages[stageIndex].trafficPercent}% (was the state written for another plan?)`,
      'PLAN_MISMATCH',
    );
  }
  const stageStartedAt = num(state.stageStartedAt, `${path}.stageStartedAt`);
  const stageEvaluations = num(state.stageEvaluations, `${path}.stageEvaluations`, { integer: true, min: 0 });
  const stagePasses = num(state.stagePasses, `${path}.stagePasses`, { integer: true, min: 0 });
  if (stagePasses > stageEvaluations) fail(`${path}.stagePasses`, `must be ≤ stageEvaluations (${stageEvaluations}), got ${stagePasses}`);
  const lastEvaluationAt = state.lastEvaluationAt === null ? null : num(state.lastEvaluationAt, `${path}.lastEvaluationAt`);
  const endedAt = state.endedAt === null ? null : num(state.endedAt, `${path}.endedAt`);
  if (!Array.isArray(state.history)) fail(`${path}.history`, `must be an array, got ${showValue(state.history)}`);
  const history = state.history.map((e, i) => checkEntry(e, `${path}.history[${i}]`));
  return {
    version: ROLLOUT_STATE_VERSION,
    status,
    stageIndex,
    trafficPercent,
    stageStartedAt,
    stageEvaluations,
    stagePasses,
    lastEvaluationAt,
    endedAt,
    history,
  };
}
