// Re-exports of src/io: input adapters (CSV, JSON, Prometheus query_range) and atomic file output. Node only:
// not re-exported by the package's pure entry point.
export type { ParsedInput, ParseInputOptions } from './types.js';
export { positionAt, inputError, type TextPosition, type InputErrorCode } from './location.js';
export { forEachCsvRecord, detectDelimiter, type CsvRecord, type CsvTokenizeOptions } from './csvRecords.js';
export { parseCsvInput, CSV_COLUMN_NAMES } from './csv.js';
export { parseJsonInput, parseJsonText, parseJsonPath } from './json.js';
export { jsonSyntaxError, jsonPathOffset, locateJsonPath, formatJsonPath, type JsonPathStep } from './jsonLocate.js';
export { isPrometheusResponse, prometheusInput } from './prometheus.js';
export { readTextFile, readInputFile, readJsonFile, detectInputFormat, parseInput, writeFileAtomic, type InputFormat } from './files.js';
