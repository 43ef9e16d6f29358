// Re-exports of src/preprocess: NaN policy, outlier removal, smoothing, and the preprocess pipeline.
export type { PreprocessProblem } from './internal.js';
export {
  applyNanPolicy,
  applyNanPolicySeries,
  checkNanPolicy,
  type NanPolicy,
  type NanPolicyResult,
  type NanPolicySeriesResult,
  type PreprocessTimeSeries,
} from './nanPolicy.js';
export {
  checkOutlierSpec,
  DEFAULT_IQR_FACTOR,
  DEFAULT_KAYENTA_IQR_FACTOR,
  DEFAULT_MAD_K,
  removeOutliers,
  resolveOutlierSpec,
  type OutlierSpec,
  type RemoveOutliersResult,
  type ResolvedOutlierSpec,
} from './outliers.js';
export { checkEwmaOptions, ewma, ewmaAlpha, type EwmaOptions } from './ewma.js';
export { checkRollingMedianOptions, rollingMedian, type RollingMedianOptions } from './rollingMedian.js';
export { checkHampelOptions, DEFAULT_HAMPEL_K, hampelFilter, type HampelOptions, type HampelResult } from './hampel.js';
export { blockAggregate, checkBlockAggregateOptions, type BlockAggregateOptions } from './blockAggregate.js';
export {
  applySmoothing,
  checkSmoothingSpec,
  resolveSmoothingSpec,
  type ResolvedSmoothingSpec,
  type SmoothingResult,
  type SmoothingSpec,
} from './smoothing.js';
export {
  checkPreprocessOptions,
  DEFAULT_NAN_POLICY,
  preprocess,
  type NanStepSummary,
  type OutlierStepSummary,
  type PreprocessOptions,
  type PreprocessResult,
  type PreprocessSteps,
  type SmoothingStepSummary,
} from './preprocess.js';
export { lag1Autocorrelation, autoBlockSize } from './autocorrelation.js';
