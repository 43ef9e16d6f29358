import { describe, expect, it } from 'vitest';
import { demoScenarios, type DemoScenario } from '../../datasets/scenarios.js';
import { judge } from '../../src/judge/judge.js';
import type { Classification, Verdict } from '../../src/judge/types.js';

/*
 * Every demo scenario judged end to end: the verdict must be the known right answer ('not-pass' = marginal or
 * fail), and the SLIs that make the scenario what it is must be classified as the description says.
 */
const scenarios = demoScenarios();
const verdicts = new Map<string, Verdict>(scenarios.map((s) => [s.id, judge(s.config, s.data)]));

function classOf(id: string, sli: string): { classification: Classification; inconclusive: boolean; critical: boolean } {
  const r = verdicts.get(id)?.slis.find((x) => x.name === sli);
  if (!r) throw new Error(`${id}: no SLI ${sli}`);
  return { classification: r.classification, inconclusive: r.inconclusive, critical: r.critical };
}

describe('judge(config, data) gives every demo scenario its expected verdict', () => {
  it.each(scenarios.map((s) => [s.id, s.expected, s] as const))('%s → %s', (_id, expected, s: DemoScenario) => {
    const v = verdicts.get(s.id) as Verdict;
    if (expected === 'not-pass') expect(['marginal', 'fail']).toContain(v.verdict);
    else expect(v.verdict).toBe(expected);
    // the result is plain JSON (no NaN/Infinity, no class instances)
    expect(JSON.parse(JSON.stringify(v))).toEqual(v);
  });
});

describe('the SLIs behind each verdict', () => {
  it('healthy canaries: every SLI passes, none critical', () => {
    for (const id of ['healthy-canary', 'noisy-healthy', 'nab-request-latency-aa', 'nab-idle-cpu-aa']) {
      for (const r of verdicts.get(id)?.slis ?? []) expect([id, r.name, r.classification]).toEqual([id, r.name, 'pass']);
    }
  });

  it('median-latency-regression: the Mann–Whitney latency SLI is high and critical', () => {
    expect(classOf('median-latency-regression', 'latency_ms')).toMatchObject({ classification: 'high', critical: true });
  });

  it('p99-tail-regression: Mann–Whitney on the same samples passes, the p99 quantile SLI is high and critical', () => {
    expect(classOf('p99-tail-regression', 'latency_ms')).toMatchObject({ classification: 'pass', inconclusive: false });
    expect(classOf('p99-tail-regression', 'latency_p99_ms')).toMatchObject({ classification: 'high', critical: true });
  });

  it('sparse-error-spike: the rate SLI is high and critical; latency passes', () => {
    expect(classOf('sparse-error-spike', 'error_rate')).toMatchObject({ classification: 'high', critical: true });
    expect(classOf('sparse-error-spike', 'latency_ms').classification).toBe('pass');
  });

  it('cpu-regression-only: CPU is high but not critical; score 80', () => {
    expect(classOf('cpu-regression-only', 'cpu_percent')).toMatchObject({ classification: 'high', critical: false });
    expect(verdicts.get('cpu-regression-only')?.score).toBe(80);
  });

  it('missing data: the critical error SLI has no data; the NaN latencies are insufficient and limit the verdict', () => {
    expect(classOf('canary-missing-error-metrics', 'error_rate')).toMatchObject({ classification: 'nodata', critical: true });
    expect(classOf('canary-latency-mostly-nan', 'latency_ms').classification).toBe('insufficient');
    expect(classOf('canary-latency-mostly-nan', 'latency_p99_ms').classification).toBe('insufficient');
    expect(verdicts.get('canary-latency-mostly-nan')?.complete).toBe(false);
  });

  it('real regressions: the critical CPU SLI is high', () => {
    expect(classOf('nab-asg-misconfiguration', 'cpu_percent')).toMatchObject({ classification: 'high', critical: true });
    expect(classOf('nab-rds-cpu-level-shift', 'cpu_percent')).toMatchObject({ classification: 'high', critical: true });
  });
});
