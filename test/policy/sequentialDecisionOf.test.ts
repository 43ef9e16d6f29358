import { describe, expect, it } from 'vitest';
import { judge } from '../../src/judge/judge.js';
import { decideRollout } from '../../src/policy/decideRollout.js';
import { sequentialDecisionOf } from '../../src/policy/sequentialDecisionOf.js';

const counts = (events: number[], each: number) => ({ events, total: events.map(() => each) });

describe('sequentialDecisionOf: the policy reads the judge’s sequential SLIs', () => {
  it('fail, pass and continue from real verdicts', () => {
    const config = { slis: [{ name: 'errors', test: 'sequential' as const, canaryShare: 0.5, allowedIncrease: 0.5 }] };
    const bad = judge(config, { errors: { baseline: counts(new Array(20).fill(10), 10000), canary: counts(new Array(20).fill(40), 10000) } });
    expect(sequentialDecisionOf(bad)?.decision).toBe('fail');
    const good = judge(config, { errors: { baseline: counts(new Array(60).fill(100), 10000), canary: counts(new Array(60).fill(100), 10000) } });
    expect(sequentialDecisionOf(good)?.decision).toBe('pass');
    const mixed = judge({ slis: [...config.slis, { name: 'latency' }] }, {
      errors: { baseline: counts(new Array(60).fill(100), 10000), canary: counts(new Array(60).fill(100), 10000) },
      latency: { baseline: Array.from({ length: 50 }, (_, i) => 100 + i), canary: Array.from({ length: 50 }, (_, i) => 100 + i) },
    });
    expect(sequentialDecisionOf(mixed)).toMatchObject({ decision: 'continue', reason: '1 SLI is not judged sequentially' });
    expect(sequentialDecisionOf({ verdict: 'pass', slis: [] })).toBeNull();
  });

  it('decideRollout uses it when no sequential input is given: a sequential fail rolls back', () => {
    const config = { slis: [{ name: 'errors', test: 'sequential' as const, canaryShare: 0.5, allowedIncrease: 0.5 }] };
    const bad = judge(config, { errors: { baseline: counts(new Array(20).fill(10), 10000), canary: counts(new Array(20).fill(40), 10000) } });
    const d = decideRollout({ evaluation: { verdict: bad, at: 600 }, now: 600, state: undefined, plan: undefined } as never);
    expect(d.action).toBe('rollback');
    expect(d.rules.find((r) => r.rule === 'sequentialFail')?.triggered).toBe(true);
  });
});
