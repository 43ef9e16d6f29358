// Re-exports of src/sketch. Each module adds its own line here.
export { LogHistogram, DEFAULT_RELATIVE_ACCURACY, DEFAULT_MAX_BUCKETS } from './logHistogram.js';
export type { LogHistogramOptions, LogHistogramJSON, HistogramBucket, HistogramInfo, HistogramOverflowRule } from './logHistogram.js';
export { scaleRelativeAccuracy, scaleForRelativeAccuracy } from './mapping.js';
export type { HistogramMappingSpec } from './mapping.js';
