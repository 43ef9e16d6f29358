// Re-exports of src/sequential. Each module adds its own line here.
export { normalLogMixture } from './normalLogMixture.js';
export type { NormalLogMixtureOptions } from './normalLogMixture.js';
export { normalMixtureBound } from './normalMixtureBound.js';
export type { NormalMixtureBoundOptions } from './normalMixtureBound.js';
export { gammaExponentialLogMixture } from './gammaExponentialLogMixture.js';
export type { GammaExponentialLogMixtureOptions } from './gammaExponentialLogMixture.js';
export { gammaExponentialMixtureBound } from './gammaExponentialMixtureBound.js';
export type { GammaExponentialMixtureBoundOptions } from './gammaExponentialMixtureBound.js';
export { gammaPoissonLogMixture } from './gammaPoissonLogMixture.js';
export type { GammaPoissonLogMixtureOptions } from './gammaPoissonLogMixture.js';
export { gammaPoissonMixtureBound } from './gammaPoissonMixtureBound.js';
export type { GammaPoissonMixtureBoundOptions } from './gammaPoissonMixtureBound.js';
export { betaBinomialLogMixture } from './betaBinomialLogMixture.js';
export type { BetaBinomialLogMixtureOptions } from './betaBinomialLogMixture.js';
export { betaBinomialMixtureBound } from './betaBinomialMixtureBound.js';
export type { BetaBinomialMixtureBoundOptions } from './betaBinomialMixtureBound.js';
export { polyStitchingBound } from './polyStitchingBound.js';
export type { PolyStitchingBoundOptions } from './polyStitchingBound.js';
export { empiricalProcessLilBound } from './empiricalProcessLilBound.js';
export type { EmpiricalProcessLilBoundOptions } from './empiricalProcessLilBound.js';
export { doubleStitchingBound } from './doubleStitchingBound.js';
export type { DoubleStitchingBoundOptions } from './doubleStitchingBound.js';
export { bernoulliConfidenceInterval } from './bernoulliConfidenceInterval.js';
export type { BernoulliConfidenceIntervalOptions, BernoulliConfidenceInterval } from './bernoulliConfidenceInterval.js';
export { quantileAbPValue } from './quantileAbPValue.js';
export type { QuantileAbPValueOptions } from './quantileAbPValue.js';
export { dirichletMultinomialTest } from './dirichletMultinomialTest.js';
export type { DirichletMultinomialTestOptions, DirichletMultinomialTestResult } from './dirichletMultinomialTest.js';
export { dirichletMultinomialTestSequence } from './dirichletMultinomialTestSequence.js';
export type {
  DirichletMultinomialTestSequenceOptions,
  DirichletMultinomialTestSequenceResult,
} from './dirichletMultinomialTestSequence.js';
export { msprtNormalMixture } from './msprtNormalMixture.js';
export type { MsprtNormalMixtureOptions, MsprtNormalMixtureResult } from './msprtNormalMixture.js';
export { msprtNormalMixtureSequence } from './msprtNormalMixtureSequence.js';
export type {
  MsprtStep,
  MsprtNormalMixtureSequenceOptions,
  MsprtNormalMixtureSequenceResult,
} from './msprtNormalMixtureSequence.js';
export { CountMonitor, countMonitorFromSeries, COUNT_MONITOR_DEFAULT_CONCENTRATION } from './monitors/CountMonitor.js';
export type {
  CountMonitorOptions,
  CountUpdate,
  CountSideUpdate,
  CountMonitorResult,
  CountMonitorJSON,
  CountSeriesSide,
  CountMonitorSeriesInput,
  CountMonitorSeriesResult,
} from './monitors/CountMonitor.js';
export { MeanMonitor, meanMonitorFromSeries, MEAN_MONITOR_DEFAULTS } from './monitors/MeanMonitor.js';
export type {
  MeanMonitorOptions,
  MeanBatchSummary,
  MeanSideUpdate,
  MeanUpdate,
  MeanSideState,
  MeanMonitorResult,
  MeanMonitorJSON,
  MeanMonitorSeriesInput,
  MeanMonitorSeriesResult,
} from './monitors/MeanMonitor.js';
export { QuantileMonitor, quantileMonitorFromSeries, QUANTILE_MONITOR_DEFAULTS } from './monitors/QuantileMonitor.js';
export type {
  QuantileMonitorOptions,
  QuantileMonitorQuantile,
  QuantileRunning,
  QuantileMonitorResult,
  QuantileMonitorJSON,
  QuantileMonitorSeriesInput,
  QuantileMonitorSeriesResult,
} from './monitors/QuantileMonitor.js';
export { MONITOR_DEFAULTS } from './monitors/common.js';
export type {
  MonitorDecision,
  MonitorDirection,
  MonitorConfidenceSequence,
  MonitorResultBase,
  MonitorTracePoint,
  MonitorBaseOptions,
} from './monitors/common.js';
export type { SeriesSide as MonitorSeriesSide } from './monitors/series.js';
export type { SeriesPair as MonitorSeriesPair } from './monitors/series.js';
export type { MonitorReplayFields } from './monitors/replay.js';
