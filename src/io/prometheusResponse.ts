/**
 * Prometheus `query_range` responses as a Node program receives them (the body of an HTTP answer): one side with
 * every series pooled, or one SLI's two sides told apart by a label. For a webhook or a deploy tool that queries
 * Prometheus itself and hands the result to `judge()`.
 * @module
 */
import { CanaryJudgeError } from '../errors.js';
import type { SliData, TimeSeries } from '../judge/types.js';
import { parseJsonText } from './json.js';
import { inputError } from './location.js';
import { isPrometheusResponse, prometheusInput } from './prometheus.js';

/** Options of {@link parsePrometheusSide}. */
export interface PrometheusSideOptions {
  /** Name of the response in error messages (default "<response>"), e.g. the query or a file name. */
  file?: string;
}

/** Options of {@link parsePrometheusSli}. */
export interface PrometheusSliOptions extends PrometheusSideOptions {
  /** The series label whose value tells baseline from canary (e.g. `track`, `rollouts_pod_template_hash`). */
  sideLabel: string;
  /** Value of `sideLabel` on baseline series (default "baseline"). */
  baselineValue?: string;
  /** Value of `sideLabel` on canary series (default "canary"). */
  canaryValue?: string;
}

/** The parsed JSON and a text to locate errors in: the text itself, or a pretty-printed copy of an object. */
function responseOf(response: unknown, file: string): { json: unknown; text: string } {
  const text = typeof response === 'string' ? response : (JSON.stringify(response, null, 2) ?? '');
  const json = typeof response === 'string' ? parseJsonText(response, file) : response;
  if (!isPrometheusResponse(json)) {
    throw inputError('INVALID_PROMETHEUS', file, { line: 1, column: 1 },
      'expected a Prometheus HTTP API response { "status": "success", "data": { "resultType": "matrix", "result": [...] } }');
  }
  return { json, text };
}

/**
 * Reads a Prometheus `GET|POST /api/v1/query_range` response into **one side**: every series of the result pooled
 * into one time series sorted by time (e.g. the per-pod latencies of the canary, or one `sum(…)` series).
 * Timestamps stay in Unix seconds; `"NaN"` and `"±Inf"` samples become NaN (missing values, removed by the SLI's
 * `nan` policy). A response without series gives an empty series (the judge classifies it `nodata`).
 *
 * Pass the body as text (`await res.text()`) so errors say `file:line:column`; a parsed object is accepted too (its
 * errors are then located in a pretty-printed copy, but carry the same JSON path). A failed query
 * (`"status": "error"`), an instant query (`"resultType": "vector"`) or native-histogram series throw an
 * `INVALID_PROMETHEUS` `CanaryJudgeError`. Format: Prometheus' "HTTP API" documentation, "Range vectors".
 *
 * @example
 * ```ts
 * import { parsePrometheusSide } from 'canary-judge/io';
 *
 * const body = '{"status":"success","data":{"resultType":"matrix","result":[' +
 *   '{"metric":{"pod":"a"},"values":[[1717423200,"0.21"],[1717423230,"0.19"]]},' +
 *   '{"metric":{"pod":"b"},"values":[[1717423215,"NaN"]]}]}}';
 * parsePrometheusSide(body, { file: 'canary p99' });
 * // { timestamps: Float64Array [1717423200, 1717423215, 1717423230], values: Float64Array [0.21, NaN, 0.19] }
 * ```
 */
export function parsePrometheusSide(response: unknown, options: PrometheusSideOptions = {}): TimeSeries {
  const file = options.file ?? '<response>';
  const { json, text } = responseOf(response, file);
  const input = prometheusInput(json, text, { file });
  return (input as { kind: 'side'; side: TimeSeries }).side;
}

/**
 * Reads a Prometheus `query_range` response holding **both sides of one SLI** (a query grouped `by (track)`, say):
 * each series goes to the side named by its `sideLabel` value; the series of a side are pooled and sorted by time.
 * A series without the label or with another value is an error (`INVALID_PROMETHEUS`, with `file:line:column` and
 * the JSON path), never silently dropped. A side without series is `null` (the judge classifies it `nodata`).
 * The same reader as `canary-judge judge --data NAME=FILE --side-label LABEL`.
 *
 * @example
 * ```ts
 * import { parsePrometheusSli } from 'canary-judge/io';
 * import { judge } from 'canary-judge';
 *
 * const res = await fetch(`${prometheusUrl}/api/v1/query_range`, {
 *   method: 'POST',
 *   body: new URLSearchParams({ query: 'histogram_quantile(0.99, sum by (le, track) (rate(http_request_duration_seconds_bucket[30s])))', start, end, step: '30' }),
 * });
 * const latency_p99 = parsePrometheusSli(await res.text(), { sideLabel: 'track', file: 'p99 query' });
 * judge({ slis: [{ name: 'latency_p99', allowedIncrease: 0.1 }] }, { latency_p99 });
 * ```
 */
export function parsePrometheusSli(response: unknown, options: PrometheusSliOptions): SliData {
  if (typeof options?.sideLabel !== 'string' || options.sideLabel === '') {
    throw new CanaryJudgeError('INVALID_ARGUMENT', 'parsePrometheusSli needs options.sideLabel: the label that tells baseline from canary (use parsePrometheusSide for a one-side response)', 'sideLabel');
  }
  const file = options.file ?? '<response>';
  const { json, text } = responseOf(response, file);
  const input = prometheusInput(json, text, { file, sideLabel: options.sideLabel, baselineValue: options.baselineValue, canaryValue: options.canaryValue });
  return (input as { kind: 'sli'; sli: SliData }).sli;
}
