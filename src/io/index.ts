/**
 * `canary-judge/io`: the input adapters of the `canary-judge` command, for Node programs — a Flagger webhook, a
 * deploy tool, a script — that fetch measurements and hand them to `judge()`. **Node only** (files through
 * `node:fs`); the package's main entry point `canary-judge` stays pure and does not re-export this module.
 *
 * - Prometheus `query_range` responses: {@link parsePrometheusSide} (every series pooled into one side) and
 *   {@link parsePrometheusSli} (both sides told apart by a label); {@link countsFromSeries} pairs an errors series
 *   and a requests series into the counts of a `rate` SLI.
 * - Files: {@link readDataFiles} reads and merges `--data`-style inputs (`FILE`, `NAME=FILE`,
 *   `NAME.events=FILE`/`NAME.total=FILE`) exactly as `canary-judge judge` does; {@link readInputFile} reads one file;
 *   {@link writeFileAtomic} writes a report without ever leaving half a file.
 * - Text: {@link parseCsvInput}, {@link parseJsonInput} (the formats of docs/cli.md, "Input files").
 *
 * Every problem in an input throws a `CanaryJudgeError` whose message starts with `file:line:column:` (and, for
 * JSON, the path of the bad value); `code` is `INVALID_CSV`, `INVALID_JSON`, `INVALID_DATA`, `INVALID_PROMETHEUS`,
 * `FILE_NOT_FOUND`, `FILE_UNREADABLE`, `FILE_NOT_WRITABLE` or, for a misused argument, `INVALID_ARGUMENT`.
 *
 * @example
 * ```ts
 * import { judge } from 'canary-judge';
 * import { countsFromSeries, parsePrometheusSide, parsePrometheusSli } from 'canary-judge/io';
 *
 * async function queryRange(query: string): Promise<string> {
 *   const end = Math.floor(Date.now() / 1000);
 *   const body = new URLSearchParams({ query, start: String(end - 600), end: String(end), step: '30' });
 *   return (await fetch(`${process.env.PROMETHEUS_URL}/api/v1/query_range`, { method: 'POST', body })).text();
 * }
 *
 * // both sides in one response, grouped by the `track` label
 * const latency_p99 = parsePrometheusSli(
 *   await queryRange('histogram_quantile(0.99, sum by (le, track) (rate(http_request_duration_seconds_bucket[30s])))'),
 *   { sideLabel: 'track', file: 'latency_p99' },
 * );
 * // one response per side: errors and requests per 30 s, paired into counts
 * const side = async (track: string) => countsFromSeries(
 *   parsePrometheusSide(await queryRange(`sum(increase(http_requests_total{track="${track}", code=~"5.."}[30s]))`)),
 *   parsePrometheusSide(await queryRange(`sum(increase(http_requests_total{track="${track}"}[30s]))`)),
 * );
 * const errors = { baseline: await side('baseline'), canary: await side('canary') };
 *
 * judge({ slis: [{ name: 'latency_p99', allowedIncrease: 0.1 }, { name: 'errors', test: 'rate', allowedIncrease: 0.5 }] }, { latency_p99, errors });
 * ```
 * @packageDocumentation
 */
export type { ParsedInput, ParseInputOptions } from './types.js';
export { parsePrometheusSide, parsePrometheusSli, type PrometheusSideOptions, type PrometheusSliOptions } from './prometheusResponse.js';
export { countsFromSeries, type CountsFromSeriesOptions } from './counts.js';
export {
  parseDataSpec,
  formatDataSpec,
  mergeDataInputs,
  readDataFiles,
  type DataSpec,
  type DataInput,
  type ParseDataSpecOptions,
  type MergeDataOptions,
  type ReadDataOptions,
} from './dataInputs.js';
export { readTextFile, readInputFile, readJsonFile, detectInputFormat, parseInput, writeFileAtomic, type InputFormat } from './files.js';
export { parseCsvInput, CSV_COLUMN_NAMES } from './csv.js';
export { parseJsonInput, parseJsonText, parseJsonPath } from './json.js';
export { isPrometheusResponse, prometheusInput } from './prometheus.js';
export { positionAt, inputError, type TextPosition, type InputErrorCode } from './location.js';
export { forEachCsvRecord, detectDelimiter, type CsvRecord, type CsvTokenizeOptions } from './csvRecords.js';
export { jsonSyntaxError, jsonPathOffset, locateJsonPath, formatJsonPath, type JsonPathStep } from './jsonLocate.js';
