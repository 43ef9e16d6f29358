/**
 * What does `aggregate: 'auto'` do, and where should it be the default? The judge's own block aggregation
 * (src/judge/judgeSli.ts: batch means of ⌈(1 + ρ̂)/(1 − ρ̂)⌉ points, ρ̂ the lag-1 autocorrelation, only when ρ̂ is
 * significant, keeping at least `minSamples` blocks) measured through `judge()`, paired with `aggregate: 'none'`
 * (the old default, still the default for plain arrays) on the same data. Since commit "judge default: aggregate
 * 'auto' for mannWhitney SLIs on time series", `auto` is the default for Mann–Whitney SLIs given as time series:
 *
 * - **independent data** (normal, lognormal, Pareto, zero-inflated): A/A false fails of Mann–Whitney and of the
 *   p99 quantile test, and how often `auto` aggregates at all (it must cost nothing here);
 * - **regressions on independent data**: latency +10 % / +25 % (Mann–Whitney), the p99-only tail regression
 *   (quantile test), the memory leak (an AR(1) series); the same samples handed over sorted (an export ordered by
 *   value, not by time) to show what `auto` does when the order of the samples is not time;
 * - the automatic size as it was before the significance gate (harness-side, blocks.ts `ungatedAutoBlockSize`),
 *   to show what the gate changed.
 *
 * Every cell draws the same data as the cell of the same name in sliAa.ts / sliDetection.ts (same cell seed), so
 * the `none` columns reproduce those tables. AR(1) series, real NAB pairs and the 15-SLI service reuse
 * seriesStudy.ts, nabStudy.ts / nabService.ts and judgeStudy.ts with `aggregate` variants (run.ts).
 * @module
 */
import { judge } from '../../src/judge/judge.js';
import type { SliConfig, SliResult, TimeSeries } from '../../src/judge/types.js';
import { aggregateSides } from './blocks.js';
import { drawFamily, type Family } from './families.js';
import { cellRandom, medianOf, Tally, type Proportion } from './montecarlo.js';
import { DEFAULT_SETTINGS, SERVICE_SAMPLE_SLIS, type SettingsVariant } from './service.js';
import { OLD_AGGREGATE_SETTINGS } from './settings.js';
import type { SliScenario } from './sliDetection.js';

/**
 * The 15-SLI service variants: the defaults (`auto` on the four time-series SLIs, by the judge's default), the old
 * default (`'none'` on them, so on every SLI), and `auto` on every sample SLI (plain arrays and quantile SLIs too).
 */
export const AGGREGATE_SERVICE_VARIANTS: readonly SettingsVariant[] = Object.freeze([
  DEFAULT_SETTINGS,
  OLD_AGGREGATE_SETTINGS,
  { name: "aggregate 'auto' on every sample SLI", sli: { aggregate: 'auto' }, only: SERVICE_SAMPLE_SLIS },
]);

/** Outcome shares of one way of judging in one cell. */
export interface AggregateArm {
  /** Classified high/low at the judge's defaults (±5 %). */
  flagged: Proportion;
  /** p-value below α (the test alone). */
  significant: Proportion;
  /** Runs in which the sides were aggregated (block size ≥ 2). */
  aggregated: Proportion;
  /** Median block size over the runs (1: none). */
  medianBlockSize: number | null;
  insufficient: Proportion;
}

type Arm = { name: string; sli: Partial<SliConfig>; ungated?: boolean };

/** Name of the harness arm: the automatic size before the significance gate. */
export const UNGATED_ARM = 'auto without the gate (before; harness)';

const ARMS: readonly Arm[] = [
  { name: 'none', sli: { aggregate: 'none' } },
  { name: 'auto', sli: { aggregate: 'auto' } },
  // pre-aggregated plain arrays: the judge's default for them is 'none', so they are not aggregated twice
  { name: UNGATED_ARM, sli: { aggregate: 'none' }, ungated: true },
];

class ArmTally {
  readonly tally = new Tally();
  readonly sizes: number[] = [];
  add(r: SliResult, size: number): void {
    const e: string[] = [];
    const alpha = 1 - (r.effect?.confidence ?? 0.95);
    if (r.classification === 'high' || r.classification === 'low') e.push('flagged');
    if (r.pValue !== null && r.pValue < alpha) e.push('significant');
    if (size > 1) e.push('aggregated');
    if (r.classification === 'insufficient') e.push('insufficient');
    this.tally.add(e);
    this.sizes.push(size);
  }
  result(): AggregateArm {
    const t = this.tally;
    return { flagged: t.get('flagged'), significant: t.get('significant'), aggregated: t.get('aggregated'), medianBlockSize: medianOf(this.sizes), insufficient: t.get('insufficient') };
  }
}

const valuesOf = (x: Float64Array | TimeSeries): Float64Array => (x instanceof Float64Array ? x : Float64Array.from(x.values as ArrayLike<number>));

/** Judges one pair of sides under every arm (one judge call for the judge's arms, pre-aggregated for the harness arm). */
function judgeArms(base: SliConfig, baseline: Float64Array | TimeSeries, canary: Float64Array | TimeSeries, arms: readonly Arm[], tallies: ArmTally[]): void {
  const judgeArmsList = arms.map((a, i) => ({ a, i })).filter(({ a }) => !a.ungated);
  const slis = judgeArmsList.map(({ a, i }) => ({ ...base, ...a.sli, name: `arm${i}` }));
  const data = Object.fromEntries(slis.map((s) => [s.name, { baseline, canary }]));
  const v = judge({ slis }, data);
  judgeArmsList.forEach(({ i }, k) => {
    const r = v.slis[k];
    tallies[i].add(r, typeof r.details.blockSize === 'number' ? r.details.blockSize : 1);
  });
  arms.forEach((a, i) => {
    if (!a.ungated) return;
    const agg = aggregateSides(valuesOf(baseline), valuesOf(canary), { size: 'auto', stat: 'mean', minBlocks: base.minSamples ?? 20, ungated: true });
    const r = judge({ slis: [{ ...base, ...a.sli, name: 'x' }] }, { x: { baseline: agg.baseline, canary: agg.canary } }).slis[0];
    tallies[i].add(r, agg.size);
  });
}

/** One A/A cell of independent data: Mann–Whitney (default effect) and p99 quantile, each without and with `auto`. */
export interface AggregateAaCell {
  family: Family;
  n: number;
  runs: number;
  /** Mann–Whitney: arm name → outcome. */
  mannWhitney: Record<string, AggregateArm>;
  /** p99 quantile test: arm name → outcome. */
  quantile: Record<string, AggregateArm>;
}

/**
 * A/A cell: healthy baseline and canary from one family (the same draws as sliAa.ts's cell of that family and
 * size), judged with `aggregate: 'none'`, `'auto'` and the automatic size without the significance gate.
 *
 * @example
 * ```ts
 * const c = aggregateAaCell({ seed: 1, family: 'lognormal', n: 100, runs: 200 });
 * c.mannWhitney.auto.aggregated.rate; // ≈ 0.03: ρ̂ is significant by chance in a few runs
 * c.mannWhitney[UNGATED_ARM].aggregated.rate; // ≈ 0.45: without the gate ρ̂ > 0 by chance gives blocks of 2
 * ```
 */
export function aggregateAaCell(options: { seed: number; family: Family; n: number; runs: number }): AggregateAaCell {
  const { seed, family, n, runs } = options;
  const mw = ARMS.map(() => new ArmTally());
  const q = ARMS.map(() => new ArmTally());
  for (let run = 0; run < runs; run++) {
    const rng = cellRandom(seed, `sliAa/${family}/n=${n}`, run);
    const baseline = drawFamily(rng, family, n);
    const canary = drawFamily(rng, family, n);
    judgeArms({ name: 'mw' }, baseline, canary, ARMS, mw);
    judgeArms({ name: 'q', test: 'quantile' }, baseline, canary, ARMS, q);
  }
  const rec = (ts: ArmTally[]) => Object.fromEntries(ARMS.map((a, i) => [a.name, ts[i].result()]));
  return { family, n, runs, mannWhitney: rec(mw), quantile: rec(q) };
}

/** One detection cell: a regression scenario at one size, without and with `auto`. */
export interface AggregateDetectionCell {
  scenario: string;
  /** The samples were handed to the judge sorted by value instead of in time order. */
  sorted: boolean;
  size: number;
  runs: number;
  arms: Record<string, AggregateArm>;
}

/**
 * Detection cell (the same draws as sliDetection.ts's cell of that scenario and size).
 *
 * @example
 * ```ts
 * const s = SLI_SCENARIOS.find((x) => x.id === 'latency+10%')!;
 * aggregateDetectionCell({ seed: 1, scenario: s, size: 1800, runs: 100 }).arms.auto.flagged.rate; // ≈ 0.96
 * ```
 */
export function aggregateDetectionCell(options: { seed: number; scenario: SliScenario; size: number; runs: number; sorted?: boolean }): AggregateDetectionCell {
  const { seed, scenario, size, runs, sorted = false } = options;
  const tallies = ARMS.map(() => new ArmTally());
  for (let run = 0; run < runs; run++) {
    const drawn = scenario.draw(cellRandom(seed, `sliDetection/${scenario.id}/${size}`, run), size);
    const side = (x: unknown): Float64Array | TimeSeries => {
      const s = x as Float64Array | TimeSeries;
      return sorted ? valuesOf(s).sort() : s;
    };
    judgeArms(scenario.sli, side(drawn.baseline), side(drawn.canary), ARMS, tallies);
  }
  return { scenario: scenario.id, sorted, size, runs, arms: Object.fromEntries(ARMS.map((a, i) => [a.name, tallies[i].result()])) };
}
