// Re-exports of src/judge: the judge, its config and its result types.
export { judge } from './judge.js';
export { parseConfig, validateConfig, CONFIG_KEYS, type ConfigProblem } from './parseConfig.js';
export { fromKayentaConfig, type FromKayentaOptions } from './kayenta.js';
export { JUDGE_DEFAULTS } from './defaults.js';
export { adjustPValues } from './multipleComparisons.js';
export { noetherSampleSize, twoProportionSampleSize } from './power.js';
export type { HistogramSide } from './histogramSide.js';
export type {
  AggregateConfig,
  Classification,
  Counts,
  Direction,
  EffectEstimate,
  EffectKind,
  GroupResult,
  InconclusivePolicy,
  JudgeConfig,
  JudgeData,
  NanConfig,
  OutlierConfig,
  SideCounts,
  SideData,
  SliConfig,
  SliData,
  SliResult,
  SliTest,
  SmoothingConfig,
  SequencePoint,
  TimeSeries,
  Verdict,
} from './types.js';
