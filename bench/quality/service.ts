/**
 * A realistic service for whole-judge measurements: 15 SLIs in four groups, judged on a concurrent baseline and
 * canary over one rollout stage, with optional regressions injected into the canary.
 *
 * | SLI | data per side | model | test | critical |
 * |---|---|---|---|---|
 * | checkout_latency_ms | `latency` samples | datasets' default latency model (lognormal bulk, 1.5 % slow path) | Mann–Whitney | yes |
 * | checkout_latency_p99_ms | the same samples | | quantile q = 0.99 | yes |
 * | search_latency_ms | `latency` samples | lognormal, median 60 ms, σ 0.6 | Mann–Whitney | |
 * | search_latency_p99_ms | the same samples | | quantile q = 0.99 | |
 * | login_latency_ms | `latency` samples | median 200 ms, σ 0.25, 1 % slow path at 600 ms | Mann–Whitney | |
 * | db_query_ms | `latency` samples | Pareto(scale 2 ms, shape 1.6): heavy tail | Mann–Whitney | |
 * | http_5xx | `requests` in 30 per-minute counts | 0.2 % errors | rate | yes (+ mustHaveData) |
 * | http_4xx | same requests | 1.5 % errors, bursty (per-minute lognormal factor, sd 0.3) | rate | |
 * | upstream_timeouts | same requests | 0.05 % | rate | |
 * | cpu_percent | `series` points (10 s) | AR(1) φ 0.7 around 42 %, sd 4 | Mann–Whitney | |
 * | memory_mb | `series` points | AR(1) φ 0.95 around 2048 MB, sd 25 | Mann–Whitney | |
 * | gc_pause_ms | `series` samples (one GC per 10 s) | Pareto(scale 5 ms, shape 2.2) | Mann–Whitney | |
 * | threadpool_queue | `series` points | 0 with prob. 0.6, else Poisson(2.5): median 0 | Mann–Whitney | |
 * | cache_hit_ratio | `series` points | AR(1) φ 0.5 around 0.90, sd 0.02; direction decrease | Mann–Whitney | |
 * | response_bytes | `latency` samples | N(5000, 1500²) clipped at 0; direction either | Mann–Whitney | |
 *
 * Groups and weights: latency 40 (6 SLIs), errors 30 (3), saturation 20 (4), other 10 (2). Everything else is
 * the judge's default — the point is to measure the defaults. Pure (the random stream is passed in).
 * @module
 */
import type { JudgeConfig, JudgeData, SliConfig, TimeSeries } from '../../src/judge/types.js';
import { DEFAULT_LATENCY_MODEL, errorCounts, latencySamples, type LatencyChange, type Random } from '../../datasets/index.js';

/** How much data one side of a stage provides. */
export interface StageSize {
  /** Label for tables. */
  label: string;
  /** Latency (and response-size) samples per side for each request-level sample SLI. */
  latency: number;
  /** Requests per side (over 30 one-minute intervals). */
  requests: number;
  /** Points per side of each per-instance time series (one every 10 s). */
  series: number;
}

/**
 * The reference stages: a service at 100 requests/s in total, the canary and an equally sized concurrent
 * baseline each taking `fraction` of the traffic for 30 minutes, latency traced for 1 request in 10, instance
 * metrics scraped every 10 s (180 points in 30 minutes, whatever the traffic share).
 */
export const REFERENCE_STAGES = Object.freeze({
  minimum: { label: 'minimum (20 points, 200 requests)', latency: 20, requests: 200, series: 20 },
  onePercent: { label: '1% stage, 30 min (180 latency samples, 1,800 requests, 180 series points)', latency: 180, requests: 1800, series: 180 },
  tenPercent: { label: '10% stage, 30 min (1,800 latency samples, 18,000 requests, 180 series points)', latency: 1800, requests: 18000, series: 180 },
  large: { label: 'large (20,000 latency samples, 200,000 requests, 1,000 series points)', latency: 20000, requests: 200000, series: 1000 },
  huge: { label: 'huge (100,000 latency samples, 1,000,000 requests, 10,000 series points)', latency: 100000, requests: 1000000, series: 10000 },
} satisfies Record<string, StageSize>);

/** A regression injected into the canary (all optional: the default canary is healthy). */
export interface Regression {
  /** Change of checkout latencies (uniform scale, or tail-only). */
  checkoutLatency?: LatencyChange;
  /** Factor on the canary's 5xx error probability. */
  errorFactor?: number;
  /** The canary's memory drifts linearly from +0 to +`memoryDrift` (relative) at the end of the stage. */
  memoryDrift?: number;
}

const latencyGroup = ['latency'];
const errorGroup = ['errors'];
const saturationGroup = ['saturation'];
const otherGroup = ['other'];

/** The 15 SLIs, every field not listed left at the judge's default. */
export const SERVICE_SLIS: readonly SliConfig[] = Object.freeze([
  { name: 'checkout_latency_ms', groups: latencyGroup, critical: true },
  { name: 'checkout_latency_p99_ms', groups: latencyGroup, test: 'quantile', critical: true },
  { name: 'search_latency_ms', groups: latencyGroup },
  { name: 'search_latency_p99_ms', groups: latencyGroup, test: 'quantile' },
  { name: 'login_latency_ms', groups: latencyGroup },
  { name: 'db_query_ms', groups: latencyGroup },
  { name: 'http_5xx', groups: errorGroup, test: 'rate', critical: true, mustHaveData: true },
  { name: 'http_4xx', groups: errorGroup, test: 'rate' },
  { name: 'upstream_timeouts', groups: errorGroup, test: 'rate' },
  { name: 'cpu_percent', groups: saturationGroup },
  { name: 'memory_mb', groups: saturationGroup },
  { name: 'gc_pause_ms', groups: saturationGroup },
  { name: 'threadpool_queue', groups: saturationGroup },
  { name: 'cache_hit_ratio', groups: otherGroup, direction: 'decrease' },
  { name: 'response_bytes', groups: otherGroup, direction: 'either' },
] satisfies SliConfig[]);

/** The SLIs judged on samples (every SLI but the three rate SLIs): where a default for sample SLIs applies. */
export const SERVICE_SAMPLE_SLIS: readonly string[] = Object.freeze(SERVICE_SLIS.filter((s) => s.test !== 'rate').map((s) => s.name));

/** The SLIs given as time series (timestamps, one point per 10 s per instance): cpu, memory, queue, cache. */
export const SERVICE_SERIES_SLIS: readonly string[] = Object.freeze(['cpu_percent', 'memory_mb', 'threadpool_queue', 'cache_hit_ratio']);

/** A variant of the judge settings applied to every SLI (to measure alternatives to the defaults). */
export interface SettingsVariant {
  /** Label for tables and JSON keys. */
  name: string;
  /** Fields set on every SLI (e.g. `{ allowedIncrease: 0.05, allowedDecrease: 0.05 }`), or on the SLIs of `only`. */
  sli?: Partial<SliConfig>;
  /** Names of the SLIs that `sli` applies to (default: every SLI). */
  only?: readonly string[];
  /** Run-level fields (e.g. `{ multipleComparisons: 'holm' }`). */
  run?: Partial<Omit<JudgeConfig, 'slis'>>;
}

/** The judge's defaults (nothing overridden). */
export const DEFAULT_SETTINGS: SettingsVariant = { name: 'defaults' };

/**
 * The service's judge config under a settings variant.
 *
 * @example
 * ```ts
 * serviceJudgeConfig(DEFAULT_SETTINGS).slis.length; // 15
 * ```
 */
export function serviceJudgeConfig(variant: SettingsVariant = DEFAULT_SETTINGS): JudgeConfig {
  return {
    slis: SERVICE_SLIS.map((s) => (!variant.only || variant.only.includes(s.name) ? { ...s, ...(variant.sli ?? {}) } : { ...s })),
    groupWeights: { latency: 40, errors: 30, saturation: 20, other: 10 },
    ...(variant.run ?? {}),
  };
}

/** One stage's raw data per side, in time order, so that any prefix (an earlier look) can be cut from it. */
export interface StageData {
  size: StageSize;
  baseline: SideStreams;
  canary: SideStreams;
}

interface SideStreams {
  checkout: Float64Array;
  search: Float64Array;
  login: Float64Array;
  db: Float64Array;
  bytes: Float64Array;
  http5xx: { events: number[]; total: number[] };
  http4xx: { events: number[]; total: number[] };
  timeouts: { events: number[]; total: number[] };
  cpu: Float64Array;
  memory: Float64Array;
  gc: Float64Array;
  queue: Float64Array;
  cache: Float64Array;
}

const SEARCH_MODEL = { median: 60, sigma: 0.6, slowShare: 0, slowMedian: 60, slowSigma: 0.6 };
const LOGIN_MODEL = { median: 200, sigma: 0.25, slowShare: 0.01, slowMedian: 600, slowSigma: 0.3 };

function ar1Clipped(rng: Random, n: number, phi: number, mean: number, sd: number, lo: number, hi: number): Float64Array {
  const x = rng.ar1({ length: n, phi, mean, sd });
  for (let i = 0; i < n; i++) x[i] = Math.min(hi, Math.max(lo, x[i]));
  return x;
}

function side(rng: Random, size: StageSize, regression: Regression | null): SideStreams {
  const n = size.latency;
  const minutes = 30;
  const perMinute = size.requests / minutes;
  const checkout = latencySamples(rng, n, DEFAULT_LATENCY_MODEL, regression?.checkoutLatency ?? {});
  const search = latencySamples(rng, n, SEARCH_MODEL);
  const login = latencySamples(rng, n, LOGIN_MODEL);
  const db = rng.sample(n, (r) => r.pareto(2, 1.6));
  const bytes = rng.sample(n, (r) => Math.max(0, Math.round(r.normal(5000, 1500))));
  const http5xx = errorCounts(rng, { intervals: minutes, requestsPerInterval: perMinute, errorRate: 0.002 * (regression?.errorFactor ?? 1) });
  // 4xx and timeouts come from the same requests: same totals, their own error draws
  const http4xx = { events: http5xx.total.map((t) => rng.binomial(t, Math.min(1, 0.015 * Math.exp(rng.normal(-0.045, 0.3))))), total: http5xx.total };
  const timeouts = { events: http5xx.total.map((t) => rng.binomial(t, 0.0005)), total: http5xx.total };
  const m = size.series;
  const cpu = ar1Clipped(rng, m, 0.7, 42, 4, 0, 100);
  const memory = rng.ar1({ length: m, phi: 0.95, mean: 2048, sd: 25 });
  if (regression?.memoryDrift) for (let i = 0; i < m; i++) memory[i] *= 1 + (regression.memoryDrift * (i + 1)) / m;
  const gc = rng.sample(m, (r) => r.pareto(5, 2.2));
  const queue = rng.sample(m, (r) => (r.uniform() < 0.6 ? 0 : r.poisson(2.5)));
  const cache = ar1Clipped(rng, m, 0.5, 0.9, 0.02, 0, 1);
  return { checkout, search, login, db, bytes, http5xx, http4xx, timeouts, cpu, memory, gc, queue, cache };
}

/**
 * Draws one stage: the baseline (healthy) then the canary (with the regression, if any), from one stream.
 *
 * @example
 * ```ts
 * const stage = drawStage(createRandom(1), REFERENCE_STAGES.tenPercent, { errorFactor: 2 });
 * judge(serviceJudgeConfig(), stageData(stage, 1)).verdict;
 * ```
 */
export function drawStage(rng: Random, size: StageSize, regression: Regression | null = null): StageData {
  const baseline = side(rng, size, null);
  const canary = side(rng, size, regression);
  return { size, baseline, canary };
}

function head(x: Float64Array, fraction: number): Float64Array {
  return fraction >= 1 ? x : x.subarray(0, Math.max(1, Math.round(x.length * fraction)));
}

function headCounts(c: { events: number[]; total: number[] }, fraction: number): { events: number[]; total: number[] } {
  if (fraction >= 1) return c;
  const k = Math.max(1, Math.round(c.total.length * fraction));
  return { events: c.events.slice(0, k), total: c.total.slice(0, k) };
}

function series(values: Float64Array): TimeSeries {
  const timestamps = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) timestamps[i] = i * 10_000;
  return { timestamps, values };
}

function sideData(s: SideStreams, f: number) {
  return {
    checkout: head(s.checkout, f),
    search: head(s.search, f),
    login: head(s.login, f),
    db: head(s.db, f),
    bytes: head(s.bytes, f),
    http5xx: headCounts(s.http5xx, f),
    http4xx: headCounts(s.http4xx, f),
    timeouts: headCounts(s.timeouts, f),
    cpu: series(head(s.cpu, f)),
    memory: series(head(s.memory, f)),
    gc: head(s.gc, f),
    queue: series(head(s.queue, f)),
    cache: series(head(s.cache, f)),
  };
}

/**
 * The judge's data for the first `fraction` of the stage (1: the whole stage; 1/3: the look after 10 of 30
 * minutes). Samples arrive evenly over the stage, so a look sees the same fraction of every stream.
 */
export function stageData(stage: StageData, fraction = 1): JudgeData {
  const b = sideData(stage.baseline, fraction);
  const c = sideData(stage.canary, fraction);
  return {
    checkout_latency_ms: { baseline: b.checkout, canary: c.checkout },
    checkout_latency_p99_ms: { baseline: b.checkout, canary: c.checkout },
    search_latency_ms: { baseline: b.search, canary: c.search },
    search_latency_p99_ms: { baseline: b.search, canary: c.search },
    login_latency_ms: { baseline: b.login, canary: c.login },
    db_query_ms: { baseline: b.db, canary: c.db },
    http_5xx: { baseline: b.http5xx, canary: c.http5xx },
    http_4xx: { baseline: b.http4xx, canary: c.http4xx },
    upstream_timeouts: { baseline: b.timeouts, canary: c.timeouts },
    cpu_percent: { baseline: b.cpu, canary: c.cpu },
    memory_mb: { baseline: b.memory, canary: c.memory },
    gc_pause_ms: { baseline: b.gc, canary: c.gc },
    threadpool_queue: { baseline: b.queue, canary: c.queue },
    cache_hit_ratio: { baseline: b.cache, canary: c.cache },
    response_bytes: { baseline: b.bytes, canary: c.bytes },
  };
}
