import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CanaryJudgeError } from '../../src/errors.js';
import { parseJsonInput } from '../../src/io/json.js';
import { isPrometheusResponse } from '../../src/io/prometheus.js';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const plain = (v: unknown): unknown => JSON.parse(JSON.stringify(v, (_, x) => (ArrayBuffer.isView(x) ? Array.from(x as Float64Array) : x)));

function messageOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (e instanceof CanaryJudgeError) return `${e.code} ${e.message}`;
    throw e;
  }
  throw new Error('expected an error');
}

describe('Prometheus query_range (matrix) responses', () => {
  it('recognises API responses', () => {
    expect(isPrometheusResponse(JSON.parse(fixture('prometheus-canary.json')))).toBe(true);
    expect(isPrometheusResponse(JSON.parse(fixture('prometheus-error.json')))).toBe(true);
    expect(isPrometheusResponse({ status: 'success' })).toBe(false);
    expect(isPrometheusResponse({ latency: { baseline: [1], canary: [2] } })).toBe(false);
  });

  it('pools every series of a one-side file into one time series sorted by time', () => {
    expect(plain(parseJsonInput(fixture('prometheus-canary.json'), { file: 'canary.json' }))).toEqual({
      kind: 'side',
      side: { timestamps: [1717423200, 1717423200.5, 1717423215, 1717423215.5, 1717423230.5], values: [125, 120.5, 100, 131, 118.25] },
    });
  });

  it('splits baseline and canary series by a label; NaN and ±Inf samples become missing values', () => {
    expect(plain(parseJsonInput(fixture('prometheus-split.json'), { file: 'p99.json', sideLabel: 'track' }))).toEqual({
      kind: 'sli',
      sli: {
        baseline: { timestamps: [1717423200, 1717423230, 1717423260, 1717423290, 1717423320], values: [0.212, 0.199, 0.208, null, 0.215] },
        canary: { timestamps: [1717423200, 1717423260, 1717423320], values: [0.231, null, 0.24] },
      },
    });
    // every series must belong to a side: a third pod is an error, not silently dropped
    expect(messageOf(() => parseJsonInput(fixture('prometheus-split.json'), { sideLabel: 'pod', baselineValue: 'checkout-7d9f-abc', canaryValue: 'checkout-canary-0' }))).toBe(
      'INVALID_PROMETHEUS <input>:15:19: data.result[2].metric: series 2 has pod="checkout-7d9f-def": expected "checkout-7d9f-abc" (baseline) or "checkout-canary-0" (canary)',
    );
  });

  it('names the file, line and column of what is wrong', () => {
    expect(messageOf(() => parseJsonInput(fixture('prometheus-vector.json'), { file: 'q.json' }))).toBe(
      'INVALID_PROMETHEUS q.json:4:19: data.resultType: expected a "matrix" result (a query_range response), got "vector": use /api/v1/query_range, not /api/v1/query',
    );
    expect(messageOf(() => parseJsonInput(fixture('prometheus-error.json'), { file: 'q.json' }))).toBe(
      'INVALID_PROMETHEUS q.json:1:11: status: the query failed: bad_data: invalid parameter "query": 1:12: parse error: unexpected ")"',
    );
    expect(messageOf(() => parseJsonInput(fixture('prometheus-bad-value.json'), { file: 'q.json' }))).toBe(
      'INVALID_PROMETHEUS q.json:10:24: data.result[0].values[1][1]: "fast" is not a number',
    );
    expect(messageOf(() => parseJsonInput(fixture('prometheus-split.json'), { file: 'p.json', sideLabel: 'job' }))).toBe(
      'INVALID_PROMETHEUS p.json:7:19: data.result[0].metric: series 0 has job="checkout": expected "baseline" (baseline) or "canary" (canary)',
    );
    expect(messageOf(() => parseJsonInput(fixture('prometheus-canary.json'), { file: 'p.json', sideLabel: 'track' }))).toMatch(
      /^INVALID_PROMETHEUS p\.json:1:\d+: data\.result\[0\]\.metric: series 0 has no label "track" to tell baseline from canary$/,
    );
  });
});
