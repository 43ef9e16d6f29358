/**
 * Prometheus HTTP API input: the JSON of a `GET /api/v1/query_range` response, whose `data.result` is a
 * `matrix` — a list of series `{ metric: { label: value }, values: [[unixSeconds, "value"], …] }` (format as
 * documented in Prometheus' "HTTP API" page, "Range vectors"). Either the whole response is one side (every series
 * pooled, e.g. per-pod latencies), or a label tells baseline series from canary series.
 * @module
 */
import type { SliData, TimeSeries } from '../judge/types.js';
import { formatJsonPath, locateJsonPath, type JsonPathStep } from './jsonLocate.js';
import { inputError } from './location.js';
import type { ParseInputOptions, ParsedInput } from './types.js';

type Json = unknown;
/** Sample values Prometheus writes for non-finite numbers (Go's strconv.FormatFloat). */
const NON_FINITE = new Set(['NaN', '+Inf', '-Inf', 'Inf']);
const isObject = (v: Json): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);
const show = (v: Json) => {
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 40 ? `${s.slice(0, 37)}...` : s;
};

/**
 * Is this parsed JSON a Prometheus API response (`{ status, data: { resultType, result } }`, or a failed one)?
 *
 * @example
 * ```ts
 * isPrometheusResponse({ status: 'success', data: { resultType: 'matrix', result: [] } }); // true
 * isPrometheusResponse({ latency: { baseline: [1], canary: [2] } }); // false
 * ```
 */
export function isPrometheusResponse(json: unknown): boolean {
  if (!isObject(json) || typeof json.status !== 'string') return false;
  if (json.status === 'error') return 'errorType' in json || 'error' in json;
  return isObject(json.data) && 'resultType' in json.data;
}

function err(text: string, file: string, path: JsonPathStep[], message: string) {
  const pos = locateJsonPath(text, path);
  const where = formatJsonPath(path);
  return inputError('INVALID_PROMETHEUS', file, pos, `${where ? `${where}: ` : ''}${message}`);
}

interface Points {
  t: number[];
  v: number[];
}

function toSeries(p: Points): TimeSeries {
  const n = p.t.length;
  let sorted = true;
  for (let i = 1; i < n; i++) if (p.t[i] < p.t[i - 1]) { sorted = false; break; }
  if (sorted) return { timestamps: Float64Array.from(p.t), values: Float64Array.from(p.v) };
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => p.t[a] - p.t[b] || a - b);
  return { timestamps: Float64Array.from(order, (i) => p.t[i]), values: Float64Array.from(order, (i) => p.v[i]) };
}

/**
 * Reads a parsed Prometheus `query_range` response ({@link isPrometheusResponse}) into one side (all series
 * pooled into one time series, sorted by time) or, with `options.sideLabel`, into one SLI's baseline and canary.
 * Timestamps stay in Unix seconds. Sample values are strings in the API ("0.25", "NaN", "+Inf"); non-finite ones
 * become NaN (missing values, handled by the SLI's `nan` policy). `text` is the JSON text `json` was parsed from,
 * to locate errors (`parsePrometheusSide` and `parsePrometheusSli` parse the text for you).
 *
 * @example
 * ```ts
 * const text = '{"status":"success","data":{"resultType":"matrix","result":[{"metric":{"track":"canary"},"values":[[60,"1.5"]]}]}}';
 * prometheusInput(JSON.parse(text), text, { sideLabel: 'track' });
 * // { kind: 'sli', sli: { baseline: null, canary: { timestamps: Float64Array [60], values: Float64Array [1.5] } } }
 * ```
 */
export function prometheusInput(json: unknown, text: string, options: ParseInputOptions = {}): ParsedInput {
  const file = options.file ?? '<input>';
  const r = json as Record<string, Json>;
  if (r.status === 'error') {
    throw err(text, file, ['status'], `the query failed: ${String(r.errorType ?? 'error')}: ${String(r.error ?? '(no message)')}`);
  }
  if (r.status !== 'success') throw err(text, file, ['status'], `expected status "success", got ${show(r.status)}`);
  const data = r.data as Record<string, Json>;
  if (data.resultType !== 'matrix') {
    throw err(text, file, ['data', 'resultType'], `expected a "matrix" result (a query_range response), got ${show(data.resultType)}${data.resultType === 'vector' ? ': use /api/v1/query_range, not /api/v1/query' : ''}`);
  }
  if (!Array.isArray(data.result)) throw err(text, file, ['data', 'result'], `expected an array of series, got ${show(data.result)}`);
  const label = options.sideLabel;
  const baselineValue = options.baselineValue ?? 'baseline';
  const canaryValue = options.canaryValue ?? 'canary';
  const all: Points = { t: [], v: [] };
  const split: Record<'baseline' | 'canary', Points> = { baseline: { t: [], v: [] }, canary: { t: [], v: [] } };
  data.result.forEach((series: Json, i: number) => {
    const path: JsonPathStep[] = ['data', 'result', i];
    if (!isObject(series)) throw err(text, file, path, `expected a series { metric, values }, got ${show(series)}`);
    if (series.histograms !== undefined && series.values === undefined) {
      throw err(text, file, [...path, 'histograms'], 'native histogram series are not supported here: query a quantile (histogram_quantile) or a rate instead');
    }
    const metric = isObject(series.metric) ? series.metric : {};
    let target = all;
    if (label !== undefined) {
      const value = metric[label];
      if (value === baselineValue) target = split.baseline;
      else if (value === canaryValue) target = split.canary;
      else {
        throw err(text, file, [...path, 'metric'], value === undefined
          ? `series ${i} has no label ${JSON.stringify(label)} to tell baseline from canary`
          : `series ${i} has ${label}=${JSON.stringify(value)}: expected ${JSON.stringify(baselineValue)} (baseline) or ${JSON.stringify(canaryValue)} (canary)`);
      }
    }
    if (!Array.isArray(series.values)) throw err(text, file, [...path, 'values'], `expected an array of [timestamp, "value"] pairs, got ${show(series.values)}`);
    series.values.forEach((pair: Json, k: number) => {
      if (!Array.isArray(pair) || pair.length !== 2 || typeof pair[0] !== 'number' || !Number.isFinite(pair[0]) || typeof pair[1] !== 'string') {
        throw err(text, file, [...path, 'values', k], `expected [unixSeconds, "value"], got ${show(pair)}`);
      }
      const v = NON_FINITE.has(pair[1]) ? NaN : Number(pair[1]);
      if (Number.isNaN(v) && !NON_FINITE.has(pair[1])) throw err(text, file, [...path, 'values', k, 1], `${show(pair[1])} is not a number`);
      target.t.push(pair[0]);
      target.v.push(Number.isFinite(v) ? v : NaN);
    });
  });
  if (label === undefined) return { kind: 'side', side: toSeries(all) };
  const sli: SliData = {
    baseline: split.baseline.t.length > 0 ? toSeries(split.baseline) : null,
    canary: split.canary.t.length > 0 ? toSeries(split.canary) : null,
  };
  return { kind: 'sli', sli };
}
