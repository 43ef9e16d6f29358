/**
 * The whole judge on real data: a 6-SLI "service" whose SLIs are the six NAB study series (request latency is
 * critical, every SLI `direction: 'either'`, one group). Each Monte Carlo run draws, for every series, one A/A
 * window pair of the given kind and length at random (seeded) and judges the six pairs together. The right
 * verdict is always "pass".
 * @module
 */
import { judge } from '../../src/judge/judge.js';
import type { JudgeConfig, JudgeData, SliConfig } from '../../src/judge/types.js';
import { aggregateSides } from './blocks.js';
import { cellRandom, Tally, type Proportion } from './montecarlo.js';
import type { StudySeries, Treatment, WindowPair } from './nabStudy.js';

/**
 * The treatments of the whole-judge real-data study (the judge's own options; defaults: ±5 %, and `aggregate:
 * 'auto'` since every SLI is a Mann–Whitney time series), against each old default and both.
 */
export const NAB_SERVICE_TREATMENTS: readonly Treatment[] = [
  { name: 'defaults' },
  { name: 'allowed 10% (old default)', sli: { allowedIncrease: 0.1, allowedDecrease: 0.1 } },
  { name: "aggregate 'none' (old default)", sli: { aggregate: 'none' } },
  { name: "allowed 10%, aggregate 'none' (both old defaults)", sli: { allowedIncrease: 0.1, allowedDecrease: 0.1, aggregate: 'none' } },
];

/** One cell of the whole-judge real-data study. */
export interface NabServiceCell {
  kind: WindowPair['kind'];
  hours: number;
  treatment: string;
  runs: number;
  fail: Proportion;
  notPass: Proportion;
  limitedByInsufficient: Proportion;
}

/**
 * Runs the study for A/A pair kinds `adjacent`, `dayApart` and `interleaved` with 6-hour windows.
 *
 * @example
 * ```ts
 * const series = loadStudySeries();
 * nabServiceStudy({ seed: 1, series, pairs: windowPairs(series, [6]), runs: 100 });
 * ```
 */
export function nabServiceStudy(options: {
  seed: number;
  series: StudySeries[];
  pairs: readonly WindowPair[];
  runs: number;
  hours?: number;
  treatments?: readonly Treatment[];
}): NabServiceCell[] {
  const { seed, series, pairs, runs } = options;
  const hours = options.hours ?? 6;
  const treatments = options.treatments ?? NAB_SERVICE_TREATMENTS;
  const out: NabServiceCell[] = [];
  for (const kind of ['adjacent', 'dayApart', 'interleaved'] as const) {
    const bySeries = series.map((s) => pairs.filter((p) => p.series === s.short && p.kind === kind && p.hours === hours));
    if (bySeries.some((list) => list.length === 0)) continue;
    const tallies = treatments.map(() => new Tally());
    const configs: JudgeConfig[] = treatments.map((t) => ({
      slis: series.map((s, i): SliConfig => ({ name: `s${i}`, direction: 'either', critical: i === 0, ...(t.sli ?? {}) })),
    }));
    for (let run = 0; run < runs; run++) {
      const rng = cellRandom(seed, `nabService/${kind}/${hours}`, run);
      const chosen = bySeries.map((list) => list[rng.int(0, list.length - 1)]);
      treatments.forEach((t, ti) => {
        const data: JudgeData = {};
        chosen.forEach((pair, i) => {
          if (t.blocks) {
            const { baseline, canary } = aggregateSides(pair.baseline.values, pair.canary.values, t.blocks);
            data[`s${i}`] = { baseline, canary };
          } else data[`s${i}`] = { baseline: pair.baseline, canary: pair.canary };
        });
        const v = judge(configs[ti], data);
        const events: string[] = [];
        if (v.verdict === 'fail') events.push('fail');
        if (v.verdict !== 'pass') events.push('notPass');
        if (v.limitedBy === 'insufficient') events.push('limitedByInsufficient');
        tallies[ti].add(events);
      });
    }
    treatments.forEach((t, ti) => {
      const tally = tallies[ti];
      out.push({
        kind,
        hours,
        treatment: t.name,
        runs: tally.runs,
        fail: tally.get('fail'),
        notPass: tally.get('notPass'),
        limitedByInsufficient: tally.get('limitedByInsufficient'),
      });
    });
  }
  return out;
}
