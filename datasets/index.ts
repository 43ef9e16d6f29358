// Re-exports of datasets/: the seeded PRNG, the synthetic metric generators, the NAB extracts and the demo scenarios.
export { createRandom, splitMix64, type Random, type Ar1Options } from './random.js';
export {
  DEFAULT_LATENCY_MODEL,
  latencySamples,
  errorCounts,
  cpuSeries,
  type LatencyModel,
  type LatencyChange,
  type ErrorCountOptions,
  type CpuSeriesOptions,
} from './generators.js';
export { NAB_EXTRACTS, loadNabSeries, nabWindow, parseNabCsv, parseNabTimestamp, type NabExtractName, type NabSeries } from './nab.js';
export {
  demoScenarios,
  demoScenario,
  serviceConfig,
  DEMO_STAGE_START,
  DEMO_STAGE_MINUTES,
  DEMO_LATENCY_SAMPLES,
  DEMO_REQUESTS_PER_MINUTE,
  DEMO_CPU_POINTS,
  type DemoScenario,
  type ExpectedVerdict,
} from './scenarios.js';
