/**
 * Importers: OpenTelemetry exponential and explicit-bounds histogram data points, Prometheus native
 * histograms (protobuf-style spans/deltas, and the HTTP query API's bucket list), and classic cumulative
 * `le` buckets — each converted to a {@link LogHistogram} without loss where the schema allows:
 *
 * | source | mapping | loss |
 * |---|---|---|
 * | OTel `ExponentialHistogramDataPoint` (scale s) | exponential, scale s | none (index i ↔ i) |
 * | Prometheus native histogram (schema n ∈ [−10, 20]) | exponential, scale n | none (Prom index i ↔ i − 1) |
 * | Prometheus native histogram, custom buckets (schema −53) | explicit bounds = custom values | none |
 * | Prometheus HTTP API native histogram (`buckets: [[rule, l, r, c]]`) | exponential (schema inferred from the edges), else explicit | none |
 * | classic `le` buckets / OTel explicit-bounds `HistogramDataPoint` | explicit bounds | none as a histogram; quantiles interpolate (no relative-error guarantee) |
 *
 * Validation: every malformed field raises `CanaryJudgeError(code, message, path)` where `path` is the
 * JSON path of the field (prefixed by `options.path`), e.g. `positive.bucketCounts[3]`:
 * `INVALID_FIELD` (wrong type or shape), `INVALID_COUNT` (negative, fractional where integers are
 * required, not a number), `COUNT_TOO_LARGE` (a 64-bit count beyond 2^53, not representable exactly),
 * `INVALID_SCALE`, `SPAN_MISMATCH` (span lengths ≠ number of bucket counts), `COUNT_MISMATCH` (count ≠
 * sum of buckets), `NON_MONOTONIC_BUCKETS`, `DUPLICATE_BOUND`, `MISSING_INF_BUCKET`.
 *
 * 64-bit counts may be JSON numbers or decimal strings (the OTLP JSON encoding writes int64/uint64 as
 * strings). Fields omitted by proto3 JSON take their default (`scale` 0, `offset` 0, `zeroCount` 0).
 * @module
 */
import { CanaryJudgeError } from '../errors.js';
import { LogHistogram, DEFAULT_MAX_BUCKETS } from './logHistogram.js';
import { MAX_SCALE, MIN_SCALE } from './mapping.js';

/** A 64-bit count as OTLP/Prometheus JSON carries it: a number or a decimal string. */
export type WireCount = number | string;

/** Options shared by the importers. */
export interface HistogramImportOptions {
  /** Prefix for error paths, e.g. `'resourceMetrics[0].scopeMetrics[0].metrics[2].exponentialHistogram.dataPoints[5]'`. */
  path?: string;
  /**
   * Bucket cap of the resulting histogram; default max(2048, span of the imported buckets), so that an
   * import never loses resolution.
   */
  maxBuckets?: number;
}

/** OTLP `ExponentialHistogramDataPoint.Buckets`. */
export interface OtelExponentialBuckets {
  offset?: number;
  bucketCounts?: WireCount[];
}

/** The fields of an OTLP `ExponentialHistogramDataPoint` (JSON encoding) that carry the distribution. */
export interface OtelExponentialHistogramDataPoint {
  scale?: number;
  count?: WireCount;
  sum?: number;
  zeroCount?: WireCount;
  zeroThreshold?: number;
  positive?: OtelExponentialBuckets;
  negative?: OtelExponentialBuckets;
  min?: number;
  max?: number;
  [other: string]: unknown;
}

/** The fields of an OTLP explicit-bounds `HistogramDataPoint` (JSON encoding). */
export interface OtelHistogramDataPoint {
  count?: WireCount;
  sum?: number;
  bucketCounts?: WireCount[];
  explicitBounds?: number[];
  min?: number;
  max?: number;
  [other: string]: unknown;
}

/** A Prometheus native-histogram bucket span. */
export interface PrometheusBucketSpan {
  offset: number;
  length: number;
}

/**
 * A Prometheus native histogram in its structured form (remote-write / protobuf field names in
 * camelCase): integer histograms carry `positiveDeltas`/`negativeDeltas`, float histograms
 * `positiveCounts`/`negativeCounts`.
 */
export interface PrometheusNativeHistogram {
  schema: number;
  zeroThreshold?: number;
  zeroCount?: WireCount;
  count?: WireCount;
  sum?: number | string;
  positiveSpans?: PrometheusBucketSpan[];
  positiveDeltas?: WireCount[];
  positiveCounts?: WireCount[];
  negativeSpans?: PrometheusBucketSpan[];
  negativeDeltas?: WireCount[];
  negativeCounts?: WireCount[];
  /** Upper bounds of custom buckets (schema −53). */
  customValues?: number[];
  [other: string]: unknown;
}

/**
 * A native histogram as the Prometheus HTTP query API returns it (`"histogram": [t, <this>]`):
 * `buckets` lists [boundaryRule, left, right, count] with rule 0 = (l, r], 1 = [l, r), 2 = (l, r),
 * 3 = [l, r].
 */
export interface PrometheusApiHistogram {
  count?: WireCount;
  sum?: WireCount;
  buckets?: Array<[number, string | number, string | number, WireCount]>;
}

/** One classic cumulative bucket: the count of observations ≤ `le` (`'+Inf'` for the total). */
export interface PrometheusClassicBucket {
  le: number | string;
  count: WireCount;
}

// ---------------------------------------------------------------- shared parsing helpers

function join(prefix: string, field: string): string {
  if (!prefix) return field;
  return field.startsWith('[') ? prefix + field : `${prefix}.${field}`;
}

/** Parses a count (number or decimal string); integer counts must be ≤ 2^53. */
function parseCount(v: unknown, path: string, integer: boolean): number {
  let x: number;
  if (typeof v === 'number') x = v;
  else if (typeof v === 'string') {
    const t = v.trim();
    if (integer ? !/^\d+$/.test(t) : !/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t)) {
      throw new CanaryJudgeError('INVALID_COUNT', `${path} must be a ${integer ? 'non-negative integer' : 'number'} (number or decimal string), got ${JSON.stringify(v)}`, path);
    }
    x = Number(t);
  } else {
    throw new CanaryJudgeError('INVALID_COUNT', `${path} must be a number or a decimal string, got ${v === null ? 'null' : typeof v}`, path);
  }
  if (!Number.isFinite(x) || x < 0) {
    throw new CanaryJudgeError('INVALID_COUNT', `${path} must be a finite count ≥ 0, got ${String(v)}`, path);
  }
  if (integer) {
    if (!Number.isInteger(x)) throw new CanaryJudgeError('INVALID_COUNT', `${path} must be an integer count, got ${String(v)}`, path);
    if (x > Number.MAX_SAFE_INTEGER) {
      throw new CanaryJudgeError('COUNT_TOO_LARGE', `${path} = ${String(v)} exceeds 2^53 and cannot be represented exactly`, path);
    }
  }
  return x;
}

/** Parses a signed integer delta (number or decimal string). */
function parseDelta(v: unknown, path: string): number {
  let x: number;
  if (typeof v === 'number') x = v;
  else if (typeof v === 'string' && /^[+-]?\d+$/.test(v.trim())) x = Number(v.trim());
  else throw new CanaryJudgeError('INVALID_COUNT', `${path} must be an integer delta (number or decimal string), got ${JSON.stringify(v)}`, path);
  if (!Number.isSafeInteger(x)) throw new CanaryJudgeError('INVALID_COUNT', `${path} must be a safe integer, got ${String(v)}`, path);
  return x;
}

function parseFloatField(v: unknown, path: string, what = 'a finite number'): number {
  const x = typeof v === 'string' ? Number(v) : v;
  if (typeof x !== 'number' || !Number.isFinite(x)) {
    throw new CanaryJudgeError('INVALID_FIELD', `${path} must be ${what}, got ${JSON.stringify(v)}`, path);
  }
  return x;
}

function parseInt32(v: unknown, path: string, dflt: number): number {
  if (v === undefined || v === null) return dflt;
  if (typeof v !== 'number' || !Number.isInteger(v)) {
    throw new CanaryJudgeError('INVALID_FIELD', `${path} must be an integer, got ${JSON.stringify(v)}`, path);
  }
  return v;
}

function parseScale(v: unknown, path: string, dflt: number | undefined): number {
  if (v === undefined || v === null) {
    if (dflt === undefined) throw new CanaryJudgeError('INVALID_SCALE', `${path} is required`, path);
    return dflt;
  }
  if (typeof v !== 'number' || !Number.isInteger(v) || v < MIN_SCALE || v > MAX_SCALE) {
    throw new CanaryJudgeError('INVALID_SCALE', `${path} must be an integer in [${MIN_SCALE}, ${MAX_SCALE}], got ${JSON.stringify(v)}`, path);
  }
  return v;
}

function parseZeroThreshold(v: unknown, path: string): number {
  if (v === undefined || v === null) return 0;
  const x = parseFloatField(v, path, 'a finite number ≥ 0');
  if (x < 0) throw new CanaryJudgeError('INVALID_FIELD', `${path} must be ≥ 0, got ${x}`, path);
  return x;
}

function requireObject(v: unknown, path: string, what: string): Record<string, unknown> {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) {
    throw new CanaryJudgeError('INVALID_FIELD', `${path || 'input'} must be ${what}`, path);
  }
  return v as Record<string, unknown>;
}

function requireArray(v: unknown, path: string): unknown[] {
  if (!Array.isArray(v)) throw new CanaryJudgeError('INVALID_FIELD', `${path} must be an array`, path);
  return v;
}

/** Sparse (index → count) assembly into a histogram store, sized so that nothing is lost. */
interface SparseBuckets {
  index: number[];
  count: number[];
}

function span(b: SparseBuckets): number {
  if (b.index.length === 0) return 0;
  let lo = Infinity;
  let hi = -Infinity;
  for (const i of b.index) {
    if (i < lo) lo = i;
    if (i > hi) hi = i;
  }
  return hi - lo + 1;
}

function build(
  opts: { scale?: number; bounds?: number[] },
  zeroThreshold: number,
  zeroCount: number,
  pos: SparseBuckets,
  neg: SparseBuckets,
  meta: { sum: number | null; min: number | null; max: number | null },
  options: HistogramImportOptions,
): LogHistogram {
  const need = Math.max(span(pos), span(neg));
  const maxBuckets = options.maxBuckets ?? Math.max(DEFAULT_MAX_BUCKETS, need);
  const h =
    opts.bounds !== undefined
      ? new LogHistogram({ bounds: opts.bounds, maxBuckets })
      : new LogHistogram({ scale: opts.scale as number, maxBuckets, zeroThreshold });
  let total = zeroCount;
  for (let k = 0; k < pos.index.length; k++) {
    if (pos.count[k] > 0) h._storeAdd(h._pos, pos.index[k], pos.count[k]);
    total += pos.count[k];
  }
  for (let k = 0; k < neg.index.length; k++) {
    if (neg.count[k] > 0) h._storeAdd(h._neg, neg.index[k], neg.count[k]);
    total += neg.count[k];
  }
  h._zero = zeroCount;
  h._count = total;
  if (meta.sum === null) {
    h._hasSum = false;
    h._sum = 0;
  } else h._sum = meta.sum;
  if (total > 0) {
    if (meta.min !== null && meta.max !== null) {
      h._min = meta.min;
      h._max = meta.max;
    } else h._hasExtremes = false;
  }
  return h;
}

// ---------------------------------------------------------------- OpenTelemetry

function otelBuckets(v: unknown, path: string): SparseBuckets {
  const out: SparseBuckets = { index: [], count: [] };
  if (v === undefined || v === null) return out;
  const o = requireObject(v, path, 'an object { offset, bucketCounts }');
  const offset = parseInt32(o.offset, join(path, 'offset'), 0);
  if (o.bucketCounts === undefined || o.bucketCounts === null) return out;
  const counts = requireArray(o.bucketCounts, join(path, 'bucketCounts'));
  for (let k = 0; k < counts.length; k++) {
    out.index.push(offset + k);
    out.count.push(parseCount(counts[k], join(path, `bucketCounts[${k}]`), true));
  }
  return out;
}

/**
 * Converts an OTLP `ExponentialHistogramDataPoint` (JSON encoding: `scale`, `zeroCount`,
 * `zeroThreshold`, `positive: { offset, bucketCounts }`, `negative`, `count`, `sum`, `min`, `max`) to a
 * {@link LogHistogram} with the exponential mapping of the same scale — lossless: OTel bucket index i
 * covering (base^i, base^(i+1)] is LogHistogram index i. `count`, when present, must equal zeroCount +
 * Σ bucketCounts (`COUNT_MISMATCH`).
 *
 * Follows the OpenTelemetry metrics data model, "ExponentialHistogram" (opentelemetry-specification,
 * `specification/metrics/data-model.md`) and `opentelemetry-proto` `metrics.proto`.
 * @example
 * ```ts
 * const h = fromOtelExponentialHistogram({
 *   scale: 0, zeroCount: '1',
 *   positive: { offset: 0, bucketCounts: ['2', '3'] }, // (1,2]: 2, (2,4]: 3
 *   count: '6', sum: 14.5,
 * });
 * h.count;     // 6
 * h.buckets(); // [{lower: -0, upper: 0, count: 1}, {lower: 1, upper: 2, count: 2}, {lower: 2, upper: 4, count: 3}]
 * ```
 */
export function fromOtelExponentialHistogram(
  point: OtelExponentialHistogramDataPoint,
  options: HistogramImportOptions = {},
): LogHistogram {
  const p = options.path ?? '';
  const o = requireObject(point, p, 'an ExponentialHistogramDataPoint object');
  const scale = parseScale(o.scale, join(p, 'scale'), 0);
  const zeroCount = o.zeroCount === undefined || o.zeroCount === null ? 0 : parseCount(o.zeroCount, join(p, 'zeroCount'), true);
  const zeroThreshold = parseZeroThreshold(o.zeroThreshold, join(p, 'zeroThreshold'));
  const pos = otelBuckets(o.positive, join(p, 'positive'));
  const neg = otelBuckets(o.negative, join(p, 'negative'));
  let total = zeroCount;
  for (const c of pos.count) total += c;
  for (const c of neg.count) total += c;
  if (o.count !== undefined && o.count !== null) {
    const count = parseCount(o.count, join(p, 'count'), true);
    if (count !== total) {
      throw new CanaryJudgeError(
        'COUNT_MISMATCH',
        `${join(p, 'count')} = ${count} but zeroCount + Σ bucketCounts = ${total}`,
        join(p, 'count'),
      );
    }
  }
  const sum = o.sum === undefined || o.sum === null ? null : parseFloatField(o.sum, join(p, 'sum'));
  const min = o.min === undefined || o.min === null ? null : parseFloatField(o.min, join(p, 'min'));
  const max = o.max === undefined || o.max === null ? null : parseFloatField(o.max, join(p, 'max'));
  return build({ scale }, zeroThreshold, zeroCount, pos, neg, { sum, min, max }, options);
}

/**
 * Converts an OTLP explicit-bounds `HistogramDataPoint` (`explicitBounds`, non-cumulative
 * `bucketCounts` of length bounds + 1, bucket i covering (b_{i−1}, b_i]) to a {@link LogHistogram} with
 * the explicit mapping. Lossless as a histogram; quantiles interpolate within buckets.
 * @example
 * ```ts
 * const h = fromOtelHistogram({ explicitBounds: [0.1, 0.5, 1], bucketCounts: ['0', '8', '2', '0'], count: '10' });
 * h.quantile(0.5); // 0.35 (linear interpolation inside (0.1, 0.5])
 * ```
 */
export function fromOtelHistogram(point: OtelHistogramDataPoint, options: HistogramImportOptions = {}): LogHistogram {
  const p = options.path ?? '';
  const o = requireObject(point, p, 'a HistogramDataPoint object');
  const bounds = requireArray(o.explicitBounds ?? [], join(p, 'explicitBounds')).map((b, i) =>
    parseFloatField(b, join(p, `explicitBounds[${i}]`)),
  );
  for (let i = 1; i < bounds.length; i++) {
    if (!(bounds[i] > bounds[i - 1])) {
      throw new CanaryJudgeError('DUPLICATE_BOUND', `${join(p, 'explicitBounds')} must be strictly increasing (index ${i})`, join(p, `explicitBounds[${i}]`));
    }
  }
  const counts = requireArray(o.bucketCounts ?? [], join(p, 'bucketCounts'));
  if (counts.length !== 0 && counts.length !== bounds.length + 1) {
    throw new CanaryJudgeError(
      'SPAN_MISMATCH',
      `${join(p, 'bucketCounts')} has ${counts.length} entries; explicitBounds has ${bounds.length}, so ${bounds.length + 1} are required`,
      join(p, 'bucketCounts'),
    );
  }
  const pos: SparseBuckets = { index: [], count: [] };
  let total = 0;
  for (let k = 0; k < counts.length; k++) {
    const c = parseCount(counts[k], join(p, `bucketCounts[${k}]`), true);
    pos.index.push(k);
    pos.count.push(c);
    total += c;
  }
  if (o.count !== undefined && o.count !== null) {
    const count = parseCount(o.count, join(p, 'count'), true);
    if (count !== total) {
      throw new CanaryJudgeError('COUNT_MISMATCH', `${join(p, 'count')} = ${count} but Σ bucketCounts = ${total}`, join(p, 'count'));
    }
  }
  const sum = o.sum === undefined || o.sum === null ? null : parseFloatField(o.sum, join(p, 'sum'));
  const min = o.min === undefined || o.min === null ? null : parseFloatField(o.min, join(p, 'min'));
  const max = o.max === undefined || o.max === null ? null : parseFloatField(o.max, join(p, 'max'));
  if (bounds.length === 0) {
    // a single (-Inf, +Inf) bucket: represent with one bound at 0 would be lossy; use the count only
    throw new CanaryJudgeError('INVALID_FIELD', `${join(p, 'explicitBounds')} is empty: a single unbounded bucket carries no distribution`, join(p, 'explicitBounds'));
  }
  return build({ bounds }, 0, 0, pos, { index: [], count: [] }, { sum, min, max }, options);
}

// ---------------------------------------------------------------- Prometheus native histograms

function promSide(
  spansRaw: unknown,
  deltasRaw: unknown,
  countsRaw: unknown,
  path: string,
  side: 'positive' | 'negative',
  indexShift: number,
): SparseBuckets {
  const out: SparseBuckets = { index: [], count: [] };
  const spansPath = join(path, `${side}Spans`);
  const deltasPath = join(path, `${side}Deltas`);
  const countsPath = join(path, `${side}Counts`);
  const spans = spansRaw === undefined || spansRaw === null ? [] : requireArray(spansRaw, spansPath);
  const hasDeltas = deltasRaw !== undefined && deltasRaw !== null && (deltasRaw as unknown[]).length !== 0;
  const hasCounts = countsRaw !== undefined && countsRaw !== null && (countsRaw as unknown[]).length !== 0;
  if (hasDeltas && hasCounts) {
    throw new CanaryJudgeError('INVALID_FIELD', `give either ${side}Deltas (integer histogram) or ${side}Counts (float histogram), not both`, countsPath);
  }
  const values = hasDeltas ? requireArray(deltasRaw, deltasPath) : hasCounts ? requireArray(countsRaw, countsPath) : [];
  const valuesPath = hasDeltas ? deltasPath : countsPath;
  let expected = 0;
  const indices: number[] = [];
  let next = 0;
  for (let s = 0; s < spans.length; s++) {
    const sp = requireObject(spans[s], `${spansPath}[${s}]`, 'a span { offset, length }');
    const offset = parseInt32(sp.offset, `${spansPath}[${s}].offset`, 0);
    if (s > 0 && offset < 0) {
      throw new CanaryJudgeError('SPAN_MISMATCH', `${spansPath}[${s}].offset must be ≥ 0 (only the first span may have a negative offset), got ${offset}`, `${spansPath}[${s}].offset`);
    }
    const length = parseInt32(sp.length, `${spansPath}[${s}].length`, 0);
    if (length < 0) throw new CanaryJudgeError('SPAN_MISMATCH', `${spansPath}[${s}].length must be ≥ 0, got ${length}`, `${spansPath}[${s}].length`);
    let idx = s === 0 ? offset : next + offset;
    for (let k = 0; k < length; k++) indices.push(idx++);
    next = idx;
    expected += length;
  }
  if (expected !== values.length) {
    throw new CanaryJudgeError(
      'SPAN_MISMATCH',
      `${spansPath} cover ${expected} bucket(s) but ${valuesPath} has ${values.length} value(s)`,
      values.length === 0 && expected > 0 ? valuesPath : spansPath,
    );
  }
  let running = 0;
  for (let k = 0; k < values.length; k++) {
    let c: number;
    if (hasDeltas) {
      running += parseDelta(values[k], `${deltasPath}[${k}]`);
      if (running < 0) {
        throw new CanaryJudgeError('INVALID_COUNT', `${deltasPath}[${k}] makes a bucket count negative (${running})`, `${deltasPath}[${k}]`);
      }
      if (running > Number.MAX_SAFE_INTEGER) {
        throw new CanaryJudgeError('COUNT_TOO_LARGE', `${deltasPath}[${k}] makes a bucket count exceed 2^53`, `${deltasPath}[${k}]`);
      }
      c = running;
    } else {
      c = parseCount(values[k], `${countsPath}[${k}]`, false);
    }
    out.index.push(indices[k] + indexShift);
    out.count.push(c);
  }
  return out;
}

function isApiHistogram(o: Record<string, unknown>): boolean {
  return Array.isArray(o.buckets) && o.schema === undefined;
}

/**
 * Converts a Prometheus native histogram to a {@link LogHistogram}, losslessly:
 * - structured form (`schema`, `zeroThreshold`, `zeroCount`, `positiveSpans` + `positiveDeltas`
 *   (integer) or `positiveCounts` (float), same for negative, `count`, `sum`; `customValues` for schema
 *   −53): standard schemas become the exponential mapping with scale = schema (Prometheus bucket index i,
 *   covering (base^(i−1), base^i], is LogHistogram/OTel index i − 1); schema −53 becomes explicit bounds.
 *   Spans: the first offset is the starting index, later offsets count skipped buckets; deltas are
 *   relative to the previous bucket across spans.
 * - HTTP API form (`{ count, sum, buckets: [[rule, left, right, count], …] }`, what `/api/v1/query`
 *   returns under `"histogram": [t, h]`): the schema is inferred from the bucket edges (ratio
 *   2^(2^−schema)); when the edges are not a standard schema (custom buckets) the explicit mapping is
 *   built from them. `options.schema` is used when no regular bucket shows the schema (default 8).
 *
 * `count`, when given, may exceed the bucket total (Prometheus counts NaN observations in `count` only);
 * those observations are dropped. A count below the bucket total is a `COUNT_MISMATCH`.
 *
 * Follows the Prometheus native histograms specification (prometheus/docs, `docs/specs/native_histograms.md`)
 * and the HTTP API documentation (`docs/querying/api.md`, "Native histograms").
 * @example
 * ```ts
 * // The example of the Prometheus spec: buckets -2→3, -1→5, 2→1, 4→3, 5→2 at schema 0
 * const h = fromPrometheusNativeHistogram({
 *   schema: 0,
 *   positiveSpans: [{ offset: -2, length: 2 }, { offset: 2, length: 1 }, { offset: 1, length: 2 }],
 *   positiveDeltas: [3, 2, -4, 2, -1],
 * });
 * h.count;                 // 14
 * h.toJSON().positive;     // { offset: -3, counts: [3, 5, 0, 0, 1, 0, 3, 2] }  (OTel indices)
 * ```
 */
export function fromPrometheusNativeHistogram(
  histogram: PrometheusNativeHistogram | PrometheusApiHistogram,
  options: HistogramImportOptions & { schema?: number } = {},
): LogHistogram {
  const p = options.path ?? '';
  const o = requireObject(histogram, p, 'a native histogram object');
  if (isApiHistogram(o)) return fromApiHistogram(o, options);
  const schemaPath = join(p, 'schema');
  if (o.schema === undefined || o.schema === null) throw new CanaryJudgeError('INVALID_SCALE', `${schemaPath} is required`, schemaPath);
  const schema = o.schema;
  const custom = schema === -53;
  if (!custom) parseScale(schema, schemaPath, undefined);
  const zeroThreshold = parseZeroThreshold(o.zeroThreshold, join(p, 'zeroThreshold'));
  const zcRaw = o.zeroCount ?? o.zeroCountInt ?? o.zeroCountFloat;
  const zeroCount = zcRaw === undefined || zcRaw === null ? 0 : parseCount(zcRaw, join(p, 'zeroCount'), false);
  const shift = custom ? 0 : -1;
  const pos = promSide(o.positiveSpans, o.positiveDeltas, o.positiveCounts, p, 'positive', shift);
  const neg = promSide(o.negativeSpans, o.negativeDeltas, o.negativeCounts, p, 'negative', shift);
  let total = zeroCount;
  for (const c of pos.count) total += c;
  for (const c of neg.count) total += c;
  const countRaw = o.count ?? o.countInt ?? o.countFloat;
  if (countRaw !== undefined && countRaw !== null) {
    const count = parseCount(countRaw, join(p, 'count'), false);
    if (count < total * (1 - 1e-12) - 1e-9) {
      throw new CanaryJudgeError('COUNT_MISMATCH', `${join(p, 'count')} = ${count} is below the bucket total ${total}`, join(p, 'count'));
    }
  }
  const sum = o.sum === undefined || o.sum === null ? null : parseFloatField(o.sum, join(p, 'sum'));
  if (custom) {
    const cvPath = join(p, 'customValues');
    const cv = requireArray(o.customValues, cvPath).map((b, i) => parseFloatField(b, `${cvPath}[${i}]`));
    for (let i = 1; i < cv.length; i++) {
      if (!(cv[i] > cv[i - 1])) throw new CanaryJudgeError('DUPLICATE_BOUND', `${cvPath} must be strictly increasing (index ${i})`, `${cvPath}[${i}]`);
    }
    if (cv.length === 0) throw new CanaryJudgeError('INVALID_FIELD', `${cvPath} must not be empty for schema -53`, cvPath);
    if (neg.index.length > 0 || zeroCount > 0) {
      throw new CanaryJudgeError('INVALID_FIELD', 'custom-bucket histograms (schema -53) use only the positive buckets', neg.index.length > 0 ? join(p, 'negativeSpans') : join(p, 'zeroCount'));
    }
    for (let k = 0; k < pos.index.length; k++) {
      if (pos.index[k] < 0 || pos.index[k] > cv.length) {
        throw new CanaryJudgeError('SPAN_MISMATCH', `custom bucket index ${pos.index[k]} is outside [0, ${cv.length}]`, join(p, 'positiveSpans'));
      }
    }
    return build({ bounds: cv }, 0, 0, pos, { index: [], count: [] }, { sum, min: null, max: null }, options);
  }
  return build({ scale: schema as number }, zeroThreshold, zeroCount, pos, neg, { sum, min: null, max: null }, options);
}

function edge(v: unknown, path: string): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'string') {
    const t = v.trim();
    if (t === '+Inf' || t === 'Inf' || t === 'inf' || t === '+inf') return Infinity;
    if (t === '-Inf' || t === '-inf') return -Infinity;
    const x = Number(t);
    if (t !== '' && !Number.isNaN(x)) return x;
  }
  throw new CanaryJudgeError('INVALID_FIELD', `${path} must be a number or a decimal string, got ${JSON.stringify(v)}`, path);
}

function fromApiHistogram(o: Record<string, unknown>, options: HistogramImportOptions & { schema?: number }): LogHistogram {
  const p = options.path ?? '';
  const bPath = join(p, 'buckets');
  const raw = requireArray(o.buckets, bPath);
  interface B { rule: number; l: number; r: number; c: number; k: number }
  const list: B[] = [];
  for (let k = 0; k < raw.length; k++) {
    const bp = `${bPath}[${k}]`;
    const b = raw[k];
    if (!Array.isArray(b) || b.length !== 4) throw new CanaryJudgeError('INVALID_FIELD', `${bp} must be [boundaryRule, left, right, count]`, bp);
    const rule = b[0];
    if (rule !== 0 && rule !== 1 && rule !== 2 && rule !== 3) throw new CanaryJudgeError('INVALID_FIELD', `${bp}[0] must be a boundary rule 0–3, got ${JSON.stringify(rule)}`, `${bp}[0]`);
    const l = edge(b[1], `${bp}[1]`);
    const r = edge(b[2], `${bp}[2]`);
    if (!(r >= l)) throw new CanaryJudgeError('INVALID_FIELD', `${bp}: right edge ${r} is below left edge ${l}`, `${bp}[2]`);
    const c = parseCount(b[3], `${bp}[3]`, false);
    list.push({ rule, l, r, c, k });
  }
  let total = 0;
  for (const b of list) total += b.c;
  if (o.count !== undefined && o.count !== null) {
    const count = parseCount(o.count, join(p, 'count'), false);
    if (count < total * (1 - 1e-12) - 1e-9) {
      throw new CanaryJudgeError('COUNT_MISMATCH', `${join(p, 'count')} = ${count} is below the bucket total ${total}`, join(p, 'count'));
    }
  }
  const sum = o.sum === undefined || o.sum === null ? null : parseFloatField(o.sum, join(p, 'sum'));

  // Try a standard exponential schema.
  let schema: number | null = null;
  let standard = true;
  let zeroCount = 0;
  let zeroThreshold = 0;
  const pos: SparseBuckets = { index: [], count: [] };
  const neg: SparseBuckets = { index: [], count: [] };
  for (const b of list) {
    if (b.rule === 3 && b.l <= 0 && b.r >= 0 && b.l === -b.r) {
      zeroCount += b.c;
      zeroThreshold = Math.max(zeroThreshold, b.r);
      continue;
    }
    const isPos = b.rule === 0 && b.l > 0;
    const isNeg = b.rule === 1 && b.r < 0;
    if (!(isPos || isNeg) || !Number.isFinite(b.l) || !Number.isFinite(b.r)) {
      standard = false;
      break;
    }
    const lo = isPos ? b.l : -b.r;
    const hi = isPos ? b.r : -b.l;
    const w = Math.log2(Math.log2(hi / lo));
    const s = Math.round(-w) || 0; // no -0
    if (Math.abs(-w - s) > 1e-6 || s < MIN_SCALE || s > MAX_SCALE) {
      standard = false;
      break;
    }
    if (schema === null) schema = s;
    else if (schema !== s) {
      standard = false;
      break;
    }
    const x = Math.log2(hi) * Math.pow(2, s);
    const up = Math.round(x);
    if (Math.abs(x - up) > 1e-6 * Math.max(1, Math.abs(x))) {
      standard = false;
      break;
    }
    (isPos ? pos : neg).index.push(up - 1);
    (isPos ? pos : neg).count.push(b.c);
  }
  if (standard) {
    const s = schema ?? parseScale(options.schema, 'options.schema', 8);
    return build({ scale: s }, zeroThreshold, zeroCount, pos, neg, { sum, min: null, max: null }, options);
  }
  // Custom (explicit) bounds from the edges.
  const edges = new Set<number>();
  for (const b of list) {
    if (Number.isFinite(b.l)) edges.add(b.l);
    if (Number.isFinite(b.r)) edges.add(b.r);
  }
  const bounds = [...edges].sort((a, b) => a - b);
  if (bounds.length === 0) {
    throw new CanaryJudgeError('INVALID_FIELD', `${bPath} has no finite bucket edge`, bPath);
  }
  const ex: SparseBuckets = { index: [], count: [] };
  for (const b of list) {
    // bucket (l, r]: index of r among the bounds (bounds.length for +Inf)
    const idx = Number.isFinite(b.r) ? bounds.indexOf(b.r) : bounds.length;
    ex.index.push(idx);
    ex.count.push(b.c);
  }
  return build({ bounds }, 0, 0, ex, { index: [], count: [] }, { sum, min: null, max: null }, options);
}

// ---------------------------------------------------------------- classic le buckets

/**
 * Converts classic cumulative Prometheus buckets (`{ le, count }`, count = observations ≤ le; the
 * `'+Inf'` bucket is required and holds the total) to a {@link LogHistogram} with the explicit mapping:
 * bucket (le_{i−1}, le_i] gets count_i − count_{i−1}. The input may be in any order (it is sorted by
 * `le`, not mutated). Counts may be fractional (results of `rate`/`increase`), but must not decrease
 * with `le` (`NON_MONOTONIC_BUCKETS`, path of the offending bucket's `count`).
 *
 * Loss: none as a histogram, but classic buckets are coarse and not relative-accuracy buckets —
 * quantiles interpolate linearly within a bucket (as Prometheus' `histogram_quantile` does), and
 * Mann–Whitney treats each bucket as one tie group. Merge only with histograms sharing bounds (they meet
 * on the shared bounds). To compare with a γ or exponential histogram use {@link rebucketHistogram}.
 * @example
 * ```ts
 * const h = fromPrometheusBuckets([
 *   { le: '0.1', count: '2' }, { le: '0.5', count: '7' }, { le: '1', count: '9' }, { le: '+Inf', count: '10' },
 * ]);
 * h.buckets().map((b) => b.count); // [2, 5, 2, 1]
 * h.quantile(0.5);                 // ≈ 0.34 (Prometheus histogram_quantile: 0.1 + 0.4·3/5)
 * ```
 */
export function fromPrometheusBuckets(
  buckets: ReadonlyArray<PrometheusClassicBucket>,
  options: HistogramImportOptions & { sum?: number } = {},
): LogHistogram {
  const p = options.path ?? '';
  const arr = requireArray(buckets, p || 'buckets');
  const base = p || 'buckets';
  const items = arr.map((b, k) => {
    const bp = `${base}[${k}]`;
    const o = requireObject(b, bp, 'a bucket { le, count }');
    const le = edge(o.le, `${bp}.le`);
    if (Number.isNaN(le) || le === -Infinity) throw new CanaryJudgeError('INVALID_FIELD', `${bp}.le must be a number or '+Inf'`, `${bp}.le`);
    return { le, count: parseCount(o.count, `${bp}.count`, false), k };
  });
  items.sort((a, b) => a.le - b.le);
  for (let i = 1; i < items.length; i++) {
    if (items[i].le === items[i - 1].le) {
      throw new CanaryJudgeError('DUPLICATE_BOUND', `${base}[${items[i].k}].le = ${items[i].le} appears twice`, `${base}[${items[i].k}].le`);
    }
    if (items[i].count < items[i - 1].count) {
      throw new CanaryJudgeError(
        'NON_MONOTONIC_BUCKETS',
        `${base}[${items[i].k}].count = ${items[i].count} (le = ${items[i].le}) is below the count ${items[i - 1].count} of the smaller bound le = ${items[i - 1].le}; cumulative counts must not decrease`,
        `${base}[${items[i].k}].count`,
      );
    }
  }
  if (items.length === 0 || items[items.length - 1].le !== Infinity) {
    throw new CanaryJudgeError('MISSING_INF_BUCKET', `${base} needs a bucket with le = '+Inf' (the total count)`, base);
  }
  const bounds = items.slice(0, -1).map((x) => x.le);
  if (bounds.length === 0) {
    throw new CanaryJudgeError('INVALID_FIELD', `${base} has only the +Inf bucket: no distribution to import`, base);
  }
  const pos: SparseBuckets = { index: [], count: [] };
  let prev = 0;
  for (let i = 0; i < items.length; i++) {
    pos.index.push(i);
    pos.count.push(items[i].count - prev);
    prev = items[i].count;
  }
  const sum = options.sum === undefined ? null : parseFloatField(options.sum, 'options.sum');
  return build({ bounds }, 0, 0, pos, { index: [], count: [] }, { sum, min: null, max: null }, options);
}
