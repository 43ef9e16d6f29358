// Re-exports of src/sketch. Each module adds its own line here.
export { LogHistogram, DEFAULT_RELATIVE_ACCURACY, DEFAULT_MAX_BUCKETS } from './logHistogram.js';
export type { LogHistogramOptions, LogHistogramJSON, HistogramBucket, HistogramInfo, HistogramOverflowRule } from './logHistogram.js';
export { scaleRelativeAccuracy, scaleForRelativeAccuracy } from './mapping.js';
export type { HistogramMappingSpec } from './mapping.js';
export {
  fromOtelExponentialHistogram,
  fromOtelHistogram,
  fromPrometheusNativeHistogram,
  fromPrometheusBuckets,
} from './importers.js';
export type {
  WireCount,
  HistogramImportOptions,
  OtelExponentialBuckets,
  OtelExponentialHistogramDataPoint,
  OtelHistogramDataPoint,
  PrometheusBucketSpan,
  PrometheusNativeHistogram,
  PrometheusApiHistogram,
  PrometheusClassicBucket,
} from './importers.js';
export { alignHistograms } from './align.js';
export type { AlignedHistogramCounts } from './align.js';
export { mannWhitneyHistogram } from './mannWhitneyHistogram.js';
export type { MannWhitneyHistogramOptions, MannWhitneyHistogramResult } from './mannWhitneyHistogram.js';
export { hodgesLehmannHistogram } from './hodgesLehmannHistogram.js';
export type { HodgesLehmannHistogramOptions, HodgesLehmannHistogramResult } from './hodgesLehmannHistogram.js';
export { quantileRatioHistogram } from './quantileRatioHistogram.js';
export type { QuantileRatioHistogramResult } from './quantileRatioHistogram.js';
export { rebucketHistogram } from './rebucket.js';
export { HistogramWindow } from './histogramWindow.js';
export type { HistogramWindowOptions, HistogramWindowJSON } from './histogramWindow.js';
