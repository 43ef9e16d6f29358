import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CanaryJudgeError } from '../../src/errors.js';
import { parsePrometheusSide, parsePrometheusSli } from '../../src/io/prometheusResponse.js';

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

// Shapes from Prometheus' HTTP API documentation ("Range vectors"): data.result is a list of
// { metric: { label: value }, values: [[unixSeconds, "value"], ...] }.
describe('parsePrometheusSide', () => {
  it('pools every series of a response body into one time series sorted by time', () => {
    expect(plain(parsePrometheusSide(fixture('prometheus-canary.json')))).toEqual({
      timestamps: [1717423200, 1717423200.5, 1717423215, 1717423215.5, 1717423230.5],
      values: [125, 120.5, 100, 131, 118.25],
    });
  });

  it('accepts an already parsed object (what res.json() gives), with the same result', () => {
    const text = fixture('prometheus-canary.json');
    expect(plain(parsePrometheusSide(JSON.parse(text)))).toEqual(plain(parsePrometheusSide(text)));
  });

  it('gives an empty series for a response without series (the judge then says nodata)', () => {
    expect(plain(parsePrometheusSide('{"status":"success","data":{"resultType":"matrix","result":[]}}'))).toEqual({ timestamps: [], values: [] });
  });

  it('names the response, line and column of what is wrong', () => {
    expect(messageOf(() => parsePrometheusSide(fixture('prometheus-bad-value.json'), { file: 'p99 query' }))).toBe(
      'INVALID_PROMETHEUS p99 query:10:24: data.result[0].values[1][1]: "fast" is not a number',
    );
    expect(messageOf(() => parsePrometheusSide(fixture('prometheus-vector.json')))).toBe(
      'INVALID_PROMETHEUS <response>:4:19: data.resultType: expected a "matrix" result (a query_range response), got "vector": use /api/v1/query_range, not /api/v1/query',
    );
    expect(messageOf(() => parsePrometheusSide('{"status": "success", "data": [1, 2]'))).toBe('INVALID_JSON <response>:1:37: expected "," or "}" in an object, got the end of the file');
    expect(messageOf(() => parsePrometheusSide('{"baseline": [1], "canary": [2]}'))).toBe(
      'INVALID_PROMETHEUS <response>:1:1: expected a Prometheus HTTP API response { "status": "success", "data": { "resultType": "matrix", "result": [...] } }',
    );
    // a failed query (HTTP 400 bodies are API responses too)
    expect(messageOf(() => parsePrometheusSide(fixture('prometheus-error.json')))).toMatch(/^INVALID_PROMETHEUS <response>:1:11: status: the query failed: bad_data: /);
  });
});

describe('parsePrometheusSli', () => {
  it('splits the series by a label into baseline and canary', () => {
    expect(plain(parsePrometheusSli(fixture('prometheus-split.json'), { sideLabel: 'track' }))).toEqual({
      baseline: { timestamps: [1717423200, 1717423230, 1717423260, 1717423290, 1717423320], values: [0.212, 0.199, 0.208, null, 0.215] },
      canary: { timestamps: [1717423200, 1717423260, 1717423320], values: [0.231, null, 0.24] },
    });
  });

  it('takes the label values of the two sides (e.g. pod-template hashes); a side without series is null', () => {
    const hashes = JSON.stringify({
      status: 'success',
      data: {
        resultType: 'matrix',
        result: [
          { metric: { rollouts_pod_template_hash: '6b8f9c7d4' }, values: [[1717423230, '0.5'], [1717423200, '0.4']] },
          { metric: { rollouts_pod_template_hash: '5d4c8b9f2' }, values: [[1717423200, '0.45'], [1717423230, '+Inf']] },
        ],
      },
    });
    const sli = parsePrometheusSli(hashes, { sideLabel: 'rollouts_pod_template_hash', baselineValue: '5d4c8b9f2', canaryValue: '6b8f9c7d4' });
    expect(plain(sli)).toEqual({
      baseline: { timestamps: [1717423200, 1717423230], values: [0.45, null] },
      canary: { timestamps: [1717423200, 1717423230], values: [0.4, 0.5] },
    });
    const text = '{"status":"success","data":{"resultType":"matrix","result":[{"metric":{"track":"canary"},"values":[[60,"1.5"]]}]}}';
    expect(plain(parsePrometheusSli(text, { sideLabel: 'track' }))).toEqual({ baseline: null, canary: { timestamps: [60], values: [1.5] } });
  });

  it('refuses a series of neither side, and a call without sideLabel', () => {
    expect(messageOf(() => parsePrometheusSli(fixture('prometheus-split.json'), { sideLabel: 'job', file: 'p99.json' }))).toBe(
      'INVALID_PROMETHEUS p99.json:7:19: data.result[0].metric: series 0 has job="checkout": expected "baseline" (baseline) or "canary" (canary)',
    );
    expect(messageOf(() => parsePrometheusSli(fixture('prometheus-split.json'), {} as { sideLabel: string }))).toBe(
      'INVALID_ARGUMENT parsePrometheusSli needs options.sideLabel: the label that tells baseline from canary (use parsePrometheusSide for a one-side response)',
    );
  });
});
