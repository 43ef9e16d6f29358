/**
 * Demo scenarios with a known right answer: seeded synthetic canaries (healthy, latency regression, tail-only
 * regression, error spike, noisy, CPU-only regression, missing data) and real NAB series (two A/A comparisons,
 * two real regressions). Each one is a complete `judge(config, data)` input plus the verdict a correct judge
 * must give. Used by the demo, the benchmarks and the tests (test/datasets/scenarios.test.ts).
 *
 * Node only (the NAB scenarios read `datasets/nab/*.csv`).
 * @module
 */
import { CanaryJudgeError } from '../src/errors.js';
import type { JudgeConfig, JudgeData, SliConfig } from '../src/judge/types.js';
import { cpuSeries, errorCounts, latencySamples, type LatencyChange } from './generators.js';
import { loadNabSeries, nabWindow, type NabExtractName } from './nab.js';
import { createRandom, type Random } from './random.js';

/**
 * The verdict a correct judge gives. `not-pass` means marginal or fail: for missing data the point is that the
 * run can never pass by accident, and either of the two is right.
 */
export type ExpectedVerdict = 'pass' | 'marginal' | 'fail' | 'not-pass';

/** A demo scenario: a judge input and the verdict it must produce. */
export interface DemoScenario {
  /** Stable kebab-case identifier. */
  id: string;
  title: string;
  /** What the data is, what changed, and why the expected verdict is right. */
  description: string;
  expected: ExpectedVerdict;
  /** `synthetic` (seeded generators) or `nab` (a real series from the Numenta Anomaly Benchmark). */
  source: 'synthetic' | 'nab';
  /** Seed of the synthetic data (null for real data). */
  seed: number | null;
  config: JudgeConfig;
  data: JudgeData;
}

/**
 * Start of the synthetic 30-minute stage (both sides run at the same time): 2024-06-03 14:00 UTC. The stage's
 * shape is fixed by the constants below.
 *
 * @example
 * ```ts
 * new Date(DEMO_STAGE_START).toISOString(); // '2024-06-03T14:00:00.000Z'
 * DEMO_STAGE_MINUTES * DEMO_REQUESTS_PER_MINUTE; // 90000 requests per side
 * ```
 */
export const DEMO_STAGE_START = Date.UTC(2024, 5, 3, 14, 0, 0);
/** Length of the synthetic stage in minutes. */
export const DEMO_STAGE_MINUTES = 30;
/** Latency samples per side in the synthetic scenarios (sampled request traces over the stage). */
export const DEMO_LATENCY_SAMPLES = 5000;
/** Mean requests per minute served by each side. */
export const DEMO_REQUESTS_PER_MINUTE = 3000;
/** CPU points per side: one every 10 s over the stage. */
export const DEMO_CPU_POINTS = 180;

/**
 * The multi-SLI config of the synthetic service: median latency by Mann–Whitney / Hodges–Lehmann (+5 % allowed),
 * p99 latency by the tail-quantile test (+10 % allowed), error rate by the exact rate test (+50 % allowed, data
 * required), all three critical; CPU by Mann–Whitney (+10 % allowed), not critical. Groups weigh latency 50,
 * errors 30, saturation 20, so a CPU-only regression scores 80: marginal.
 *
 * @example
 * ```ts
 * serviceConfig().slis.map((s) => s.name); // ['latency_ms', 'latency_p99_ms', 'error_rate', 'cpu_percent']
 * ```
 */
export function serviceConfig(): JudgeConfig {
  return {
    slis: [
      { name: 'latency_ms', groups: ['latency'], test: 'mannWhitney', direction: 'increase', allowedIncrease: 0.05, critical: true },
      { name: 'latency_p99_ms', groups: ['latency'], test: 'quantile', q: 0.99, direction: 'increase', allowedIncrease: 0.1, critical: true },
      { name: 'error_rate', groups: ['errors'], test: 'rate', direction: 'increase', allowedIncrease: 0.5, critical: true, mustHaveData: true },
      { name: 'cpu_percent', groups: ['saturation'], test: 'mannWhitney', direction: 'increase', allowedIncrease: 0.1 },
    ],
    groupWeights: { latency: 50, errors: 30, saturation: 20 },
    thresholds: { pass: 95, marginal: 75 },
  };
}

/** How the canary of a synthetic service differs from its baseline (all optional: the default is healthy). */
interface CanaryChanges {
  latency?: LatencyChange;
  /** Error probability per request, constant or per minute. */
  errorRate?: number | ((minute: number) => number);
  cpuMean?: number;
}

/** Knobs of the healthy service shared by both sides. */
interface ServiceShape {
  latencySamples?: number;
  latencyModel?: Parameters<typeof latencySamples>[2];
  errorRate?: number;
  errorOverdispersion?: number;
  cpuMean?: number;
  cpuSd?: number;
  cpuPhi?: number;
  cpuSpikeProbability?: number;
}

/**
 * Data of the synthetic service for both sides, drawn in a fixed order from one seeded stream: baseline
 * latencies, canary latencies, baseline errors, canary errors, baseline CPU, canary CPU.
 */
function serviceData(rng: Random, shape: ServiceShape = {}, canary: CanaryChanges = {}): JudgeData {
  const n = shape.latencySamples ?? DEMO_LATENCY_SAMPLES;
  const errorRate = shape.errorRate ?? 0.002;
  const cpuMean = shape.cpuMean ?? 42;
  const cpu = { points: DEMO_CPU_POINTS, start: DEMO_STAGE_START, sd: shape.cpuSd ?? 4, phi: shape.cpuPhi ?? 0.7, spikeProbability: shape.cpuSpikeProbability ?? 0 };
  const errors = { intervals: DEMO_STAGE_MINUTES, requestsPerInterval: DEMO_REQUESTS_PER_MINUTE, overdispersion: shape.errorOverdispersion ?? 0 };

  const latencyB = latencySamples(rng, n, shape.latencyModel);
  const latencyC = latencySamples(rng, n, shape.latencyModel, canary.latency);
  const errorsB = errorCounts(rng, { ...errors, errorRate });
  const errorsC = errorCounts(rng, { ...errors, errorRate: canary.errorRate ?? errorRate });
  const cpuB = cpuSeries(rng, { ...cpu, mean: cpuMean });
  const cpuC = cpuSeries(rng, { ...cpu, mean: canary.cpuMean ?? cpuMean });
  return {
    // the median and the p99 SLIs judge the same latency samples with two different tests
    latency_ms: { baseline: latencyB, canary: latencyC },
    latency_p99_ms: { baseline: latencyB, canary: latencyC },
    error_rate: { baseline: errorsB, canary: errorsC },
    cpu_percent: { baseline: cpuB, canary: cpuC },
  };
}

function synthetic(
  seed: number,
  fields: Pick<DemoScenario, 'id' | 'title' | 'description' | 'expected'>,
  build: (rng: Random) => JudgeData,
  config: JudgeConfig = serviceConfig(),
): DemoScenario {
  return { ...fields, source: 'synthetic', seed, config, data: build(createRandom(seed)) };
}

/** A judge config with the given SLIs and the default thresholds. */
function nabConfig(slis: SliConfig[]): JudgeConfig {
  return { slis, thresholds: { pass: 95, marginal: 75 } };
}

function nabSides(name: NabExtractName, baseline: [string, string], canary: [string, string]) {
  const series = loadNabSeries(name);
  return { baseline: nabWindow(series, ...baseline), canary: nabWindow(series, ...canary) };
}

/**
 * Every demo scenario, freshly built (same seeds, so the same data on every call and every platform). The
 * synthetic stage lasts {@link DEMO_STAGE_MINUTES} minutes: {@link DEMO_LATENCY_SAMPLES} latency samples,
 * per-minute request and error counts, and a CPU point every 10 s per side. NAB scenarios compare one day of a
 * real 5-minute series with another (see datasets/nab/README.md for the windows).
 *
 * | id | expected |
 * | --- | --- |
 * | healthy-canary | pass |
 * | median-latency-regression | fail |
 * | p99-tail-regression | fail |
 * | sparse-error-spike | fail |
 * | noisy-healthy | pass |
 * | cpu-regression-only | marginal |
 * | canary-missing-error-metrics | not-pass |
 * | canary-latency-mostly-nan | not-pass |
 * | nab-request-latency-aa | pass |
 * | nab-idle-cpu-aa | pass |
 * | nab-asg-misconfiguration | fail |
 * | nab-rds-cpu-level-shift | fail |
 *
 * @example
 * ```ts
 * import { judge } from '../src/judge/index.js';
 * for (const s of demoScenarios()) console.log(s.id, s.expected, judge(s.config, s.data).verdict);
 * ```
 */
export function demoScenarios(): DemoScenario[] {
  return [
    synthetic(101, {
      id: 'healthy-canary',
      title: 'Healthy canary',
      description:
        'Baseline and canary are drawn from the same service model: latency median 120 ms with a 1.5 % slow path ' +
        'around 400 ms, 0.2 % errors on 3000 requests a minute, CPU around 42 %. Nothing changed, so the canary passes.',
      expected: 'pass',
    }, (rng) => serviceData(rng)),

    synthetic(102, {
      id: 'median-latency-regression',
      title: 'Median latency +8 %',
      description:
        'Every canary request takes 8 % longer (e.g. an extra serialisation step). The allowed increase of the ' +
        'median latency is 5 %, and with 5000 samples per side the Hodges–Lehmann interval excludes 5 %: the critical ' +
        'latency SLI fails the run.',
      expected: 'fail',
    }, (rng) => serviceData(rng, {}, { latency: { scale: 1.08 } })),

    synthetic(103, {
      id: 'p99-tail-regression',
      title: 'Tail-only latency regression (p99)',
      description:
        'Only the slow path regresses: canary requests that would take over 300 ms (about 1.7 % of traffic: cache ' +
        'misses) take 1.8 times as long, so p99 latency rises by about 80 % while the median does not move. ' +
        'Mann–Whitney on the whole distribution (latency_ms) passes; the tail-quantile test on the same samples ' +
        '(latency_p99_ms, critical) fails the run.',
      expected: 'fail',
    }, (rng) => serviceData(rng, {}, { latency: { tailAbove: 300, tailFactor: 1.8 } })),

    synthetic(104, {
      id: 'sparse-error-spike',
      title: 'Sparse errors, then a spike',
      description:
        'A service that rarely fails: 0.03 % errors, so 0 to 3 errors a minute (0.9 on average) on each side. In minutes 12 to 16 ' +
        'the canary fails 1.5 % of requests (about 45 errors a minute: a broken code path hit by a batch job). ' +
        'The exact rate test on the per-minute counts finds the canary error rate several times the baseline: fail.',
      expected: 'fail',
    }, (rng) => serviceData(rng, { errorRate: 0.0003 }, { errorRate: (m) => (m >= 12 && m <= 16 ? 0.015 : 0.0003) })),

    synthetic(105, {
      id: 'noisy-healthy',
      title: 'Noisy but healthy',
      description:
        'Both sides come from the same noisy service: wide latency (log-sd 0.8) with a 5 % slow path, only 1500 ' +
        'latency samples per side, bursty errors (per-minute rate varying by a lognormal factor), and spiky, strongly ' +
        'autocorrelated CPU (AR(1) with phi 0.9, sd 6, 2 % spikes). Noise is not a regression: pass (some SLIs may ' +
        'be inconclusive, with a warning).',
      expected: 'pass',
    }, (rng) => serviceData(rng, {
      latencySamples: 1500,
      latencyModel: { median: 120, sigma: 0.8, slowShare: 0.05, slowMedian: 600, slowSigma: 0.6 },
      errorOverdispersion: 0.5,
      cpuSd: 6,
      cpuPhi: 0.9,
      cpuSpikeProbability: 0.02,
    })),

    synthetic(106, {
      id: 'cpu-regression-only',
      title: 'CPU +25 % only',
      description:
        'The canary uses 25 % more CPU (mean 52.5 % instead of 42 %) while latency and errors are unchanged. CPU is ' +
        'not critical and its group (saturation) weighs 20 of 100: the score is 80, between the marginal (75) and ' +
        'pass (95) thresholds, so the verdict is marginal — look before promoting.',
      expected: 'marginal',
    }, (rng) => serviceData(rng, {}, { cpuMean: 52.5 })),

    synthetic(107, {
      id: 'canary-missing-error-metrics',
      title: 'Canary without error metrics',
      description:
        'The canary\'s request counters were never scraped (a relabelling mistake), so error_rate has baseline data ' +
        'but none for the canary. error_rate is critical and must have data: a run that cannot see the canary\'s ' +
        'errors must not pass, however good its latency and CPU look.',
      expected: 'not-pass',
    }, (rng) => {
      const data = serviceData(rng);
      return { ...data, error_rate: { baseline: data.error_rate?.baseline, canary: null } };
    }),

    synthetic(108, {
      id: 'canary-latency-mostly-nan',
      title: 'Canary latency mostly NaN',
      description:
        'A tracing bug drops the duration of almost every canary span: of 5000 canary latency records only 15 are ' +
        'numbers, the rest NaN. After removing NaN the latency SLIs have fewer points than the 20 required, so they ' +
        'cannot be judged and the run must not pass (it is capped at marginal).',
      expected: 'not-pass',
    }, (rng) => {
      const data = serviceData(rng);
      const canary = Float64Array.from(data.latency_ms?.canary as Float64Array);
      const keep = new Set<number>();
      while (keep.size < 15) keep.add(rng.int(0, canary.length - 1));
      for (let i = 0; i < canary.length; i++) if (!keep.has(i)) canary[i] = NaN;
      return {
        ...data,
        latency_ms: { baseline: data.latency_ms?.baseline, canary },
        latency_p99_ms: { baseline: data.latency_p99_ms?.baseline, canary },
      };
    }),

    {
      id: 'nab-request-latency-aa',
      title: 'Real request latency, two ordinary days (A/A)',
      description:
        'NAB realKnownCause/ec2_request_latency_system_failure: one day (288 five-minute points) from 2014-03-07 as ' +
        'baseline and one day from 2014-03-12 as canary, both ending more than a day before the first labelled ' +
        'anomaly window. Medians 44.8 and 44.3 ms, p95 alike: the same service on two days, so a pass.',
      expected: 'pass',
      source: 'nab',
      seed: null,
      config: nabConfig([
        { name: 'request_latency_ms', test: 'mannWhitney', direction: 'increase', allowedIncrease: 0.05, critical: true },
        { name: 'request_latency_p95_ms', test: 'quantile', q: 0.95, direction: 'increase', allowedIncrease: 0.1 },
      ]),
      data: (() => {
        const sides = nabSides('ec2_request_latency_system_failure', ['2014-03-07 03:41:00', '2014-03-08 03:36:00'], ['2014-03-12 03:41:00', '2014-03-13 03:36:00']);
        return { request_latency_ms: sides, request_latency_p95_ms: sides };
      })(),
    },

    {
      id: 'nab-idle-cpu-aa',
      title: 'Real idle-host CPU, two days a week apart (A/A, many ties)',
      description:
        'NAB realAWSCloudwatch/ec2_cpu_utilization_c6585a (no labelled anomaly): 2014-04-03 vs 2014-04-10, whole ' +
        'days. The values sit on a few quantised levels near 0.07 % with one short daily spike, so most points are ' +
        'ties. Nothing changed: pass.',
      expected: 'pass',
      source: 'nab',
      seed: null,
      config: nabConfig([{ name: 'cpu_percent', test: 'mannWhitney', direction: 'increase', allowedIncrease: 0.1 }]),
      data: { cpu_percent: nabSides('ec2_cpu_utilization_c6585a', ['2014-04-03 00:04:00', '2014-04-03 23:59:00'], ['2014-04-10 00:04:00', '2014-04-10 23:59:00']) },
    },

    {
      id: 'nab-asg-misconfiguration',
      title: 'Real CPU regression: autoscaling-group misconfiguration',
      description:
        'NAB realKnownCause/cpu_utilization_asg_misconfiguration: baseline = the 24 hours before the labelled anomaly ' +
        'window (median CPU 31.5 %), canary = the 24 hours from the labelled anomaly on 2014-07-12 02:04 (median ' +
        '57.8 %, +75 %). Both sides reach 100 % in short spikes, so their p99s are alike; the whole distribution ' +
        'moved, and the critical CPU SLI fails.',
      expected: 'fail',
      source: 'nab',
      seed: null,
      config: nabConfig([{ name: 'cpu_percent', test: 'mannWhitney', direction: 'increase', allowedIncrease: 0.1, critical: true }]),
      data: { cpu_percent: nabSides('cpu_utilization_asg_misconfiguration', ['2014-07-09 12:29:00', '2014-07-10 12:24:00'], ['2014-07-12 02:04:00', '2014-07-13 01:59:00']) },
    },

    {
      id: 'nab-rds-cpu-level-shift',
      title: 'Real CPU regression: RDS level shift',
      description:
        'NAB realAWSCloudwatch/rds_cpu_utilization_e47b3b: baseline = the 24 hours before the second labelled ' +
        'anomaly window (median CPU 17.1 %), canary = the 24 hours after it (median 27.9 %, +63 %): a lasting level ' +
        'shift, so fail.',
      expected: 'fail',
      source: 'nab',
      seed: null,
      config: nabConfig([{ name: 'cpu_percent', test: 'mannWhitney', direction: 'increase', allowedIncrease: 0.1, critical: true }]),
      data: { cpu_percent: nabSides('rds_cpu_utilization_e47b3b', ['2014-04-17 15:07:00', '2014-04-18 15:02:00'], ['2014-04-19 07:52:00', '2014-04-20 07:47:00']) },
    },
  ];
}

/**
 * One demo scenario by id (freshly built).
 *
 * @example
 * ```ts
 * demoScenario('p99-tail-regression').expected; // 'fail'
 * ```
 */
export function demoScenario(id: string): DemoScenario {
  const found = demoScenarios().find((s) => s.id === id);
  if (!found) throw new CanaryJudgeError('UNKNOWN_SCENARIO', `no demo scenario "${id}"; known: ${demoScenarios().map((s) => s.id).join(', ')}`, 'id');
  return found;
}
