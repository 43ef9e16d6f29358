/**
 * Per-SLI detection study: one SLI with a known regression, judged alone by the real `judge()`, for several
 * sample sizes and at several looks into the stage. From each judged result the classification is recomputed
 * for every allowed increase of {@link ALLOWED_GRID} (the judge's rule; the evidence does not depend on the
 * allowed increase), so one run measures the detection rate at every allowed increase.
 *
 * Regressions (canary vs a concurrent healthy baseline):
 * - `latency+5%`, `latency+10%`, `latency+25%`: every checkout request slower by that factor (median and
 *   every quantile move together), judged by Mann–Whitney / Hodges–Lehmann;
 * - `p99-tail`: requests slower than 300 ms (≈ 2 % of them: the slow path) take 1.3× longer — p99 +30 %, median
 *   unchanged — judged by the p99 quantile test, and by Mann–Whitney for comparison;
 * - `errors×2`, `errors×10`: the 5xx probability (0.2 % in the baseline) doubled or ×10, judged by the rate test;
 * - `errors×2/fleet`: the same ×2, the canary judged against the rest of the fleet (99× its requests) at a 1 % stage;
 * - `…/confidence 90%`: the same regressions judged at confidence 0.9 instead of the default 0.95;
 * - `memory-leak`: memory (AR(1) around 2048 MB) drifting linearly to +20 % at the end of the stage.
 * @module
 */
import { judge } from '../../src/judge/judge.js';
import type { JudgeData, SliConfig, TimeSeries } from '../../src/judge/types.js';
import { DEFAULT_LATENCY_MODEL, errorCounts, latencySamples, type Random } from '../../datasets/index.js';
import { cellRandom, medianOf, Tally, type Proportion } from './montecarlo.js';
import { ALLOWED_GRID, highAt } from './sliAa.js';

type Counts = { events: number[]; total: number[] };
type Side = Float64Array | Counts | TimeSeries;

/** A regression scenario of one SLI. */
export interface SliScenario {
  id: string;
  /** What the scenario is, in words. */
  label: string;
  /** The SLI config (the judge's defaults otherwise). */
  sli: SliConfig;
  /** What `size` counts: points per side, or requests per side. */
  sizeUnit: 'points' | 'requests';
  draw(rng: Random, size: number): { baseline: Side; canary: Side };
}

function cut(side: Side, fraction: number): Side {
  if (fraction >= 1) return side;
  if (side instanceof Float64Array) return side.subarray(0, Math.max(1, Math.round(side.length * fraction)));
  if ('events' in side) {
    const k = Math.max(1, Math.round(side.total.length * fraction));
    return { events: side.events.slice(0, k), total: side.total.slice(0, k) };
  }
  const k = Math.max(1, Math.round(side.values.length * fraction));
  return { timestamps: (side.timestamps as Float64Array).subarray(0, k), values: (side.values as Float64Array).subarray(0, k) };
}

const latency = (scale: number): SliScenario => ({
  id: `latency+${Math.round((scale - 1) * 100)}%`,
  label: `every checkout request ${Math.round((scale - 1) * 100)}% slower (median +${Math.round((scale - 1) * 100)}%)`,
  sli: { name: 'checkout_latency_ms' },
  sizeUnit: 'points',
  draw: (rng, n) => ({ baseline: latencySamples(rng, n), canary: latencySamples(rng, n, DEFAULT_LATENCY_MODEL, { scale }) }),
});

const TAIL = { tailAbove: 300, tailFactor: 1.3 };

const errors = (factor: number): SliScenario => ({
  id: `errors×${factor}`,
  label: `5xx rate ×${factor} (0.2% → ${0.2 * factor}%)`,
  sli: { name: 'http_5xx', test: 'rate' },
  sizeUnit: 'requests',
  draw: (rng, requests) => ({
    baseline: errorCounts(rng, { intervals: 30, requestsPerInterval: requests / 30, errorRate: 0.002 }),
    canary: errorCounts(rng, { intervals: 30, requestsPerInterval: requests / 30, errorRate: 0.002 * factor }),
  }),
});

function memory(rng: Random, n: number, drift: number): TimeSeries {
  const values = rng.ar1({ length: n, phi: 0.95, mean: 2048, sd: 25 });
  const timestamps = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    timestamps[i] = i * 10_000;
    values[i] *= 1 + (drift * (i + 1)) / n;
  }
  return { timestamps, values };
}

/** The scenarios of the study, by id. */
export const SLI_SCENARIOS: readonly SliScenario[] = [
  latency(1.05),
  latency(1.1),
  latency(1.25),
  {
    id: 'p99-tail',
    label: 'requests slower than 300 ms take 1.3× longer (p99 +30%, median unchanged), p99 quantile test',
    sli: { name: 'checkout_latency_p99_ms', test: 'quantile' },
    sizeUnit: 'points',
    draw: (rng, n) => ({ baseline: latencySamples(rng, n), canary: latencySamples(rng, n, DEFAULT_LATENCY_MODEL, TAIL) }),
  },
  {
    id: 'p99-tail/mannWhitney',
    label: 'the same tail regression judged by Mann–Whitney (whole distribution)',
    sli: { name: 'checkout_latency_ms' },
    sizeUnit: 'points',
    draw: (rng, n) => ({ baseline: latencySamples(rng, n), canary: latencySamples(rng, n, DEFAULT_LATENCY_MODEL, TAIL) }),
  },
  errors(2),
  errors(10),
  {
    id: 'latency+10%/confidence 90%',
    label: 'the +10% latency regression judged at confidence 90% (p < 0.10 and the 90% interval beyond the allowed change)',
    sli: { name: 'checkout_latency_ms', confidence: 0.9 },
    sizeUnit: 'points',
    draw: (rng, n) => ({ baseline: latencySamples(rng, n), canary: latencySamples(rng, n, DEFAULT_LATENCY_MODEL, { scale: 1.1 }) }),
  },
  {
    id: 'errors×2/confidence 90%',
    label: 'the ×2 error rate judged at confidence 90%',
    sli: { name: 'http_5xx', test: 'rate', confidence: 0.9 },
    sizeUnit: 'requests',
    draw: (rng, requests) => ({
      baseline: errorCounts(rng, { intervals: 30, requestsPerInterval: requests / 30, errorRate: 0.002 }),
      canary: errorCounts(rng, { intervals: 30, requestsPerInterval: requests / 30, errorRate: 0.004 }),
    }),
  },
  {
    id: 'errors×2/fleet',
    label: '5xx rate ×2 at a 1% stage, judged against the rest of the fleet (99× the canary\'s requests) as baseline',
    sli: { name: 'http_5xx', test: 'rate' },
    sizeUnit: 'requests',
    draw: (rng, requests) => ({
      baseline: errorCounts(rng, { intervals: 30, requestsPerInterval: (99 * requests) / 30, errorRate: 0.002 }),
      canary: errorCounts(rng, { intervals: 30, requestsPerInterval: requests / 30, errorRate: 0.004 }),
    }),
  },
  {
    id: 'memory-leak',
    label: 'memory (AR(1) around 2048 MB, one point per 10 s) drifting linearly to +20% at the end of the stage',
    sli: { name: 'memory_mb' },
    sizeUnit: 'points',
    draw: (rng, n) => ({ baseline: memory(rng, n, 0), canary: memory(rng, n, 0.2) }),
  },
];

/** One cell of the per-SLI detection table. */
export interface SliDetectionCell {
  scenario: string;
  size: number;
  sizeUnit: 'points' | 'requests';
  runs: number;
  /** Detection (classified `high`) at the end of the stage, by allowed increase. */
  detectedAt: Record<string, Proportion>;
  /** Detection at the judge's defaults (the judge's own classification). */
  detected: Proportion;
  /** Detected at some look, by allowed increase (repeated judging). */
  detectedAnyLookAt: Record<string, Proportion>;
  /** Median look (fraction of the stage) of the first detection, by allowed increase (null: never detected). */
  medianFirstLookAt: Record<string, number | null>;
  /** Median relative effect estimate at the end of the stage. */
  medianEstimate: number | null;
}

/**
 * Runs one scenario at one size.
 *
 * @example
 * ```ts
 * const s = SLI_SCENARIOS.find((x) => x.id === 'latency+10%')!;
 * sliDetectionCell({ seed: 1, scenario: s, size: 1800, runs: 100 }).detectedAt['0.05'].rate; // ≈ 0.97
 * ```
 */
export function sliDetectionCell(options: { seed: number; scenario: SliScenario; size: number; runs: number; looks?: readonly number[] }): SliDetectionCell {
  const { seed, scenario, size, runs } = options;
  const looks = options.looks ?? [1];
  const tally = new Tally();
  const first: Record<string, number[]> = {};
  for (const a of ALLOWED_GRID) first[String(a)] = [];
  const estimates: number[] = [];
  for (let run = 0; run < runs; run++) {
    const { baseline, canary } = scenario.draw(cellRandom(seed, `sliDetection/${scenario.id}/${size}`, run), size);
    const events: string[] = [];
    const seen = new Set<string>();
    looks.forEach((f, li) => {
      const data: JudgeData = { [scenario.sli.name]: { baseline: cut(baseline, f), canary: cut(canary, f) } };
      const r = judge({ slis: [scenario.sli] }, data).slis[0];
      for (const a of ALLOWED_GRID) {
        const key = String(a);
        if (highAt(r, a) && !seen.has(key)) {
          seen.add(key);
          first[key].push(f);
          events.push(`any@${key}`);
        }
      }
      if (li === looks.length - 1) {
        for (const a of ALLOWED_GRID) if (highAt(r, a)) events.push(`end@${a}`);
        if (r.classification === 'high') events.push('detected');
        if (r.effect?.estimate !== null && r.effect?.estimate !== undefined) estimates.push(r.effect.estimate);
      }
    });
    tally.add(events);
  }
  const detectedAt: Record<string, Proportion> = {};
  const detectedAnyLookAt: Record<string, Proportion> = {};
  const medianFirstLookAt: Record<string, number | null> = {};
  for (const a of ALLOWED_GRID) {
    const key = String(a);
    detectedAt[key] = tally.get(`end@${key}`);
    detectedAnyLookAt[key] = tally.get(`any@${key}`);
    medianFirstLookAt[key] = medianOf(first[key]);
  }
  return {
    scenario: scenario.id,
    size,
    sizeUnit: scenario.sizeUnit,
    runs: tally.runs,
    detectedAt,
    detected: tally.get('detected'),
    detectedAnyLookAt,
    medianFirstLookAt,
    medianEstimate: medianOf(estimates),
  };
}
