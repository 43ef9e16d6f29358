import { expect } from 'vitest';
import { CanaryJudgeError } from '../../src/errors.js';
import type { RolloutSliInput, RolloutVerdictInput } from '../../src/policy/index.js';

/** A synthetic SLI result with the fields the policy reads. */
export function sli(name: string, classification: RolloutSliInput['classification'], extra: Partial<RolloutSliInput> = {}): RolloutSliInput {
  return { name, classification, critical: false, configuredCritical: false, muted: false, ...extra };
}

export const passing: RolloutVerdictInput = {
  verdict: 'pass',
  score: 100,
  complete: true,
  limitedBy: null,
  slis: [sli('latency_p99', 'pass'), sli('error_rate', 'pass')],
};

export const marginal: RolloutVerdictInput = {
  verdict: 'marginal',
  score: 80,
  complete: true,
  limitedBy: null,
  slis: [sli('latency_p99', 'pass', { reason: 'inconclusive' }), sli('error_rate', 'pass')],
};

/** A fail verdict with the given SLIs proven worse (the others pass). */
export function failing(...names: string[]): RolloutVerdictInput {
  const all = ['latency_p99', 'error_rate', 'cpu'];
  return {
    verdict: 'fail',
    score: 0,
    complete: true,
    limitedBy: null,
    slis: [...new Set([...all, ...names])].map((n) => sli(n, names.includes(n) ? 'high' : 'pass')),
  };
}

/** Fresh, fully covered telemetry at time t. */
export function fresh(t: number) {
  return { lastPointAt: t - 30, expectedPoints: 100, presentPoints: 100 };
}

/** Expect `f` to throw a CanaryJudgeError with this code and path. */
export function expectError(f: () => unknown, code: string, path: string): CanaryJudgeError {
  let caught: unknown;
  try {
    f();
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeInstanceOf(CanaryJudgeError);
  const e = caught as CanaryJudgeError;
  expect({ code: e.code, path: e.path }).toEqual({ code, path });
  return e;
}

/** Deep-freeze a value (arrays and objects), so that any write to it throws in strict mode. */
export function deepFreeze<T>(x: T): T {
  if (x !== null && typeof x === 'object' && !Object.isFrozen(x)) {
    Object.freeze(x);
    for (const v of Object.values(x as Record<string, unknown>)) deepFreeze(v);
  }
  return x;
}
