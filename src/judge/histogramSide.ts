import { CanaryJudgeError } from '../errors.js';
import { LogHistogram } from '../sketch/logHistogram.js';
import {
  fromOtelExponentialHistogram,
  fromOtelHistogram,
  fromPrometheusBuckets,
  fromPrometheusNativeHistogram,
  type OtelExponentialHistogramDataPoint,
  type OtelHistogramDataPoint,
  type PrometheusApiHistogram,
  type PrometheusClassicBucket,
  type PrometheusNativeHistogram,
} from '../sketch/importers.js';
import type { LogHistogramJSON } from '../sketch/logHistogram.js';

/**
 * A pre-aggregated side: a {@link LogHistogram}, its JSON, an OpenTelemetry exponential or explicit-bounds
 * histogram data point (OTLP JSON field names), a Prometheus native histogram (structured or HTTP-API form), or
 * classic cumulative `le` buckets. The form is recognised from its fields; `format` names it explicitly.
 */
export interface HistogramSide {
  histogram:
    | LogHistogram
    | LogHistogramJSON
    | OtelExponentialHistogramDataPoint
    | OtelHistogramDataPoint
    | PrometheusNativeHistogram
    | PrometheusApiHistogram
    | PrometheusClassicBucket[];
  format?: 'logHistogram' | 'otelExponential' | 'otelExplicit' | 'prometheusNative' | 'prometheusBuckets';
}

/** Converts any supported histogram form to a {@link LogHistogram}; import errors are CanaryJudgeErrors naming the field. */
export function toLogHistogram(side: HistogramSide, path: string): LogHistogram {
  const h = side.histogram as unknown;
  const format = side.format ?? detect(h);
  switch (format) {
    case 'logHistogram':
      return h instanceof LogHistogram ? h : LogHistogram.fromJSON(h as LogHistogramJSON);
    case 'prometheusBuckets':
      return fromPrometheusBuckets(h as PrometheusClassicBucket[], { path });
    case 'prometheusNative':
      return fromPrometheusNativeHistogram(h as PrometheusNativeHistogram, { path });
    case 'otelExplicit':
      return fromOtelHistogram(h as OtelHistogramDataPoint, { path });
    case 'otelExponential':
      return fromOtelExponentialHistogram(h as OtelExponentialHistogramDataPoint, { path });
    default:
      throw new CanaryJudgeError('INVALID_HISTOGRAM', `unknown histogram format ${String(format)}`, `${path}.format`);
  }
}

function detect(h: unknown): HistogramSide['format'] {
  if (h instanceof LogHistogram) return 'logHistogram';
  if (Array.isArray(h)) return 'prometheusBuckets';
  if (typeof h !== 'object' || h === null) throw new CanaryJudgeError('INVALID_HISTOGRAM', 'a histogram must be an object or an array of { le, count } buckets', 'histogram');
  const o = h as Record<string, unknown>;
  if (o.type === 'LogHistogram') return 'logHistogram';
  if ('schema' in o || 'buckets' in o) return 'prometheusNative';
  if ('explicitBounds' in o) return 'otelExplicit';
  return 'otelExponential';
}

/** Is this side data a histogram (a LogHistogram instance, or `{ histogram }`)? */
export function isHistogramSide(data: unknown): data is HistogramSide | LogHistogram {
  return data instanceof LogHistogram || (typeof data === 'object' && data !== null && 'histogram' in data);
}
