/** `canary-judge judge --data NAME=FILE …` (one query_range response per SLI) and `--data` without `--config`. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { judge } from '../../src/judge/index.js';
import type { JudgeConfig, JudgeData } from '../../src/judge/types.js';
import { folder, latencies, longCsv, run } from './helpers.js';

const T0 = 1717423200;
const times = (n: number) => Array.from({ length: n }, (_, i) => T0 + 30 * i);

/** A Prometheus query_range response (HTTP API, "Range vectors"): one series per side, told apart by `label`. */
function matrix(sides: Record<string, number[] | Array<[number, number]>>, label = 'track'): string {
  const result = Object.entries(sides).map(([side, values]) => ({
    metric: { __name__: 'x', [label]: side },
    values: values.map((v, i) => (Array.isArray(v) ? [v[0], String(v[1])] : [T0 + 30 * i, String(v)])),
  }));
  return JSON.stringify({ status: 'success', data: { resultType: 'matrix', result } }, null, 1);
}

// requests and errors per 30 s as increase() gives them: fractional; the baseline has no 5xx series point where it had no errors
const requests = { baseline: latencies(0).map((v) => v * 30 + 0.4), canary: latencies(0).map((v) => v * 3 + 0.3) };
const errorPoints = {
  baseline: times(60).filter((_, i) => i % 4 === 0).map((t, k): [number, number] => [t, 1.6 + (k % 3)]),
  canary: times(60).filter((_, i) => i % 12 === 5).map((t, k): [number, number] => [t, 0.6 + (k % 2)]),
};

// Σ round(requests per interval), computed with Python: sum(floor(v*30+0.4+0.5)) and sum(floor(v*3+0.3+0.5))
const BASELINE_REQUESTS = 206550;
const CANARY_REQUESTS = 20670;

function files() {
  const dir = folder({
    'canary.json': JSON.stringify({
      slis: [
        { name: 'latency_p99', allowedIncrease: 0.1, critical: true },
        { name: 'errors', test: 'rate', allowedIncrease: 0.5, mustHaveData: true },
        { name: 'cpu', allowedIncrease: 0.2 },
      ],
    }),
    'one.json': JSON.stringify({ slis: [{ name: 'latency_p99', allowedIncrease: 0.1 }] }),
    'p99-pass.json': matrix({ baseline: latencies(), canary: latencies(0.5) }),
    'p99-fail.json': matrix({ baseline: latencies(), canary: latencies(25) }),
    'p99-hash.json': matrix({ '5d4c8b9f2': latencies(), '6b8f9c7d4': latencies(0.5) }, 'rollouts_pod_template_hash'),
    'errors.events.json': matrix(errorPoints),
    'errors.total.json': matrix(requests),
    'cpu.csv': 'side,value\n' + latencies().map((v) => `baseline,${v / 100}`).join('\n') + '\n' + latencies(1).map((v) => `canary,${v / 100}`).join('\n') + '\n',
    'many.csv': longCsv({ mem: { baseline: latencies(), canary: latencies() }, disk: { baseline: latencies(), canary: latencies() } }),
    'p99-bad.json': '{\n  "status": "success",\n  "data": {\n    "resultType": "matrix",\n    "result": [\n      {\n        "metric": { "track": "canary" },\n        "values": [[1717423200, "0.2"], [1717423230, "12ms"]]\n      }\n    ]\n  }\n}\n',
    'short-total.json': JSON.stringify({ baseline: [3000], canary: [300, 310] }),
    'short-events.json': JSON.stringify({ baseline: [1, 2], canary: [0, 1] }),
  });
  return { dir, at: (name: string) => join(dir, name) };
}

/** The data the CLI should build, written out by hand: time series as in the responses, counts rounded per interval. */
function expectedData(p99: 'pass' | 'fail'): JudgeData {
  const round = (side: 'baseline' | 'canary') => {
    const events = new Map(errorPoints[side].map(([t, v]) => [t, Math.round(v)]));
    return { events: times(60).map((t) => Math.min(events.get(t) ?? 0, Math.round(requests[side][(t - T0) / 30]))), total: requests[side].map(Math.round) };
  };
  return {
    latency_p99: { baseline: { timestamps: times(60), values: latencies() }, canary: { timestamps: times(60), values: latencies(p99 === 'pass' ? 0.5 : 25) } },
    errors: { baseline: round('baseline'), canary: round('canary') },
    cpu: { baseline: latencies().map((v) => v / 100), canary: latencies(1).map((v) => v / 100) },
  };
}

const verdictOf = (config: JudgeConfig, data: JudgeData) => JSON.parse(JSON.stringify(judge(config, data)));

describe('--data NAME=FILE: one input per SLI', () => {
  const { dir, at } = files();
  const config = JSON.parse(JSON.stringify({ slis: [{ name: 'latency_p99', allowedIncrease: 0.1, critical: true }, { name: 'errors', test: 'rate', allowedIncrease: 0.5, mustHaveData: true }, { name: 'cpu', allowedIncrease: 0.2 }] }));
  const named = (p99: string) => ['--data', `latency_p99=${at(p99)}`, '--data', `errors.events=${at('errors.events.json')}`, '--data', `errors.total=${at('errors.total.json')}`, '--data', `cpu=${at('cpu.csv')}`, '--side-label', 'track'];

  it('merges Prometheus responses, a counts pair and a CSV into one data object: the verdict of judge() on that data', async () => {
    const pass = await run(['judge', '--config', at('canary.json'), ...named('p99-pass.json'), '--format', 'json']);
    expect(pass.stderr).toBe('');
    expect(pass.code).toBe(0);
    const v = JSON.parse(pass.stdout);
    expect(v).toEqual(verdictOf(config, expectedData('pass')));
    expect(v.slis.map((s: { name: string; test: string; classification: string }) => `${s.name}:${s.test}:${s.classification}`)).toEqual([
      'latency_p99:mannWhitney:pass',
      'errors:rate:pass',
      'cpu:mannWhitney:pass',
    ]);
    // the counts: every request interval, errors matched by timestamp (none where the 5xx series has no point)
    expect([v.slis[1].samples.baseline.after, v.slis[1].samples.canary.after]).toEqual([BASELINE_REQUESTS, CANARY_REQUESTS]);
    const fail = await run(['judge', '--config', at('canary.json'), ...named('p99-fail.json')]);
    expect(fail.code).toBe(1);
    expect(fail.stdout.split('\n')[0]).toMatch(/^FAIL {2}score /);
    expect(fail.stdout).toMatch(/^latency_p99 +higher/m);
  });

  it('keeps the older forms working, alone and mixed with named inputs', async () => {
    const sli = await run(['judge', '--config', at('one.json'), '--data', at('p99-pass.json'), '--side-label', 'track', '-f', 'json']);
    expect(sli.code).toBe(0);
    const withFlag = await run(['judge', '--config', at('canary.json'), '--sli', 'latency_p99', '--data', at('p99-pass.json'), '--side-label', 'track', '-f', 'json']);
    expect(JSON.parse(withFlag.stdout).slis[0].samples.canary.after).toBe(60);
    const mixed = await run(['judge', '--config', at('canary.json'), '--data', at('many.csv'), '--data', `cpu=${at('cpu.csv')}`, '-f', 'json']);
    expect(mixed.code).toBe(1); // latency_p99 and errors have no data: half the SLIs without data fail the run
    expect(mixed.stderr).toBe('canary-judge: note: the data has SLIs the config does not list (ignored): mem, disk\n');
    expect(JSON.parse(mixed.stdout).slis.map((s: { classification: string }) => s.classification)).toEqual(['nodata', 'nodata', 'pass']);
  });

  it('applies --baseline-value and --canary-value to every response', async () => {
    const r = await run(['judge', '--data', `latency_p99=${at('p99-hash.json')}`, '--side-label', 'rollouts_pod_template_hash', '--baseline-value', '5d4c8b9f2', '--canary-value', '6b8f9c7d4', '-q', '-f', 'json']);
    expect(r.code).toBe(0);
  });

  it('exits 64 for misused inputs, naming the file and the SLI', async () => {
    const cases: Array<[string[], string]> = [
      [['--data', `mem=${at('many.csv')}`], `mem=${at('many.csv')}: ${at('many.csv')} holds 2 SLIs (mem, disk), not one SLI's data: give it without a name (--data ${at('many.csv')})`],
      [['--data', `latency_p99=${at('p99-pass.json')}`], `${at('p99-pass.json')} (SLI "latency_p99") holds one side of one SLI: pass it with --baseline or --canary, or split a Prometheus response into baseline and canary with a side label (--side-label LABEL)`],
      [['--data', `errors.total=${at('errors.total.json')}`, '--side-label', 'track'], `SLI "errors": errors.total=${at('errors.total.json')} has no errors.events=FILE: a rate SLI from two series needs the events and the total`],
      [['--data', `cpu=${at('cpu.csv')}`, '--data', `cpu=${at('cpu.csv')}`], `SLI "cpu" has data in more than one input: cpu=${at('cpu.csv')} and cpu=${at('cpu.csv')}`],
      [['--data', `=${at('cpu.csv')}`], `"=${at('cpu.csv')}": empty SLI name before "="`],
      [['--data', 'cpu='], '"cpu=": no file after "=" (use NAME=FILE)'],
      [['--config', at('canary.json'), '--data', at('cpu.csv')], `${at('cpu.csv')} holds one SLI's data and the config has 3 SLIs: say which one with --data NAME=${at('cpu.csv')} (or --sli NAME)`],
    ];
    for (const [args, message] of cases) {
      const r = await run(['judge', ...args]);
      expect(r.code, args.join(' ')).toBe(64);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(`canary-judge: ${message}`);
      expect(r.stderr).toMatch(/Run `canary-judge judge --help` for usage\.\n$/);
    }
  });

  it('exits 65 for bad content with file:line:column and the SLI', async () => {
    const bad = await run(['judge', '--data', `latency_p99=${at('p99-bad.json')}`, '--side-label', 'track']);
    expect(bad).toEqual({ code: 65, stdout: '', stderr: `canary-judge: ${at('p99-bad.json')}:8:54: data.result[0].values[1][1]: "12ms" is not a number (the data of SLI "latency_p99")\n` });
    const label = await run(['judge', '--data', `errors.events=${at('errors.events.json')}`, '--data', `errors.total=${at('errors.total.json')}`, '--side-label', 'pod']);
    expect(label.code).toBe(65);
    expect(label.stderr).toMatch(new RegExp(`^canary-judge: ${at('errors.events.json')}:\\d+:\\d+: data\\.result\\[0\\]\\.metric: series 0 has no label "pod" to tell baseline from canary \\(the events of SLI "errors"\\)\\n$`));
    const pair = await run(['judge', '--data', `errors.events=${at('short-events.json')}`, '--data', `errors.total=${at('short-total.json')}`]);
    expect(pair.code).toBe(65);
    expect(pair.stderr).toBe(`canary-judge: ${at('short-events.json')} and ${at('short-total.json')} (SLI "errors", baseline): 2 event counts for 1 totals: arrays without timestamps are paired by position and must have the same length\n`);
  });

  it('exits 66 for a missing file, naming the SLI', async () => {
    const r = await run(['judge', '--data', `cpu=${join(dir, 'nope.csv')}`]);
    expect(r).toEqual({ code: 66, stdout: '', stderr: `canary-judge: ${join(dir, 'nope.csv')}: no such file (the data of SLI "cpu")\n` });
  });
});

describe('--data without --config', () => {
  const { at } = files();

  it('judges every SLI of the data with the default config and says so on stderr', async () => {
    const args = ['judge', '--data', `latency_p99=${at('p99-fail.json')}`, '--data', `errors.events=${at('errors.events.json')}`, '--data', `errors.total=${at('errors.total.json')}`, '--side-label', 'track'];
    const r = await run([...args, '-f', 'json']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('canary-judge: note: no --config: judged the 2 SLIs of the data with the default config (latency_p99: mannWhitney, errors: rate)\n');
    const { cpu: _, ...data } = expectedData('fail');
    expect(JSON.parse(r.stdout)).toEqual(verdictOf({ slis: [{ name: 'latency_p99' }, { name: 'errors' }] }, data));
    expect(await run([...args, '--quiet'])).toEqual({ code: 1, stdout: '', stderr: '' });
  });

  it('takes the SLI names of a many-SLI file, and "value" (or --sli) for an unnamed one-SLI file', async () => {
    const many = await run(['judge', '--data', at('many.csv')]);
    expect(many.code).toBe(0);
    expect(many.stderr).toBe('canary-judge: note: no --config: judged the 2 SLIs of the data with the default config (mem: mannWhitney, disk: mannWhitney)\n');
    expect(many.stdout.split('\n')[0]).toBe('PASS  score 100 / 100  (pass ≥ 95, marginal ≥ 75)');
    const one = await run(['judge', '--data', at('cpu.csv')]);
    expect(one.stderr).toBe('canary-judge: note: no --config: judged the SLI of the data with the default config (value: mannWhitney)\n');
    const flag = await run(['judge', '--data', at('cpu.csv'), '--sli', 'cpu', '-f', 'json']);
    expect(JSON.parse(flag.stdout).slis[0].name).toBe('cpu');
  });

  it('writes the report with --output and still says which config it used', async () => {
    const { dir } = files();
    const out = join(dir, 'report.md');
    writeFileSync(out, 'old');
    const r = await run(['judge', '--data', at('many.csv'), '-f', 'markdown', '-o', out]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(`canary-judge: note: no --config: judged the 2 SLIs of the data with the default config (mem: mannWhitney, disk: mannWhitney)\ncanary-judge: PASS (score 100 / 100); report written to ${out}\n`);
  });
});
