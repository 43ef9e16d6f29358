/**
 * Autocorrelated series under control: a stationary Gaussian AR(1) metric (mean 50, sd 10, one point per 10 s),
 * healthy (A/A) or with its level raised by 10 % in the canary, judged raw, block-aggregated with an automatic
 * block size (blocks.ts), or smoothed — to measure what block aggregation would buy as a judge option.
 * @module
 */
import { judge } from '../../src/judge/judge.js';
import type { SliConfig } from '../../src/judge/types.js';
import { aggregateSides, type BlockSpec } from './blocks.js';
import { cellRandom, Tally, type Proportion } from './montecarlo.js';
import { sliEvents } from './sliAa.js';

/** A way of judging a series SLI. */
export interface SeriesTreatment {
  name: string;
  sli?: Partial<SliConfig>;
  blocks?: BlockSpec;
}

/** The treatments compared. */
export const SERIES_TREATMENTS: readonly SeriesTreatment[] = [
  { name: 'raw (defaults)' },
  { name: 'EWMA α 0.3', sli: { smoothing: { method: 'ewma', alpha: 0.3 } } },
  { name: 'block mean auto (≥ 20 blocks)', blocks: { size: 'auto', stat: 'mean', minBlocks: 20 } },
  { name: 'block mean auto, uncapped, minSamples 10', blocks: { size: 'auto', stat: 'mean' }, sli: { minSamples: 10 } },
];

/** One cell: a treatment on one (φ, n, shift) setting. */
export interface SeriesCell {
  phi: number;
  n: number;
  /** Relative level shift of the canary (0: A/A). */
  shift: number;
  treatment: string;
  runs: number;
  /** Classified high/low at the default allowed change (10 %). */
  flaggedDefault: Proportion;
  /** Classified high at allowed 5 % (recomputed from the same evidence). */
  flagged5: Proportion;
  insufficient: Proportion;
}

/**
 * Runs the study for one (φ, n, shift) setting, every treatment on the same data.
 *
 * @example
 * ```ts
 * seriesCells({ seed: 1, phi: 0.9, n: 180, shift: 0, runs: 200 }); // A/A false-fail per treatment
 * ```
 */
export function seriesCells(options: { seed: number; phi: number; n: number; shift: number; runs: number; treatments?: readonly SeriesTreatment[] }): SeriesCell[] {
  const { seed, phi, n, shift, runs } = options;
  const treatments = options.treatments ?? SERIES_TREATMENTS;
  const tallies = treatments.map(() => new Tally());
  for (let run = 0; run < runs; run++) {
    const rng = cellRandom(seed, `series/${phi}/${n}/${shift}`, run);
    const baseline = rng.ar1({ length: n, phi, mean: 50, sd: 10 });
    const canary = rng.ar1({ length: n, phi, mean: 50 * (1 + shift), sd: 10 });
    const timestamps = Float64Array.from({ length: n }, (_, i) => i * 10_000);
    treatments.forEach((t, ti) => {
      const sli: SliConfig = { name: 'metric', ...(t.sli ?? {}) };
      const data = t.blocks
        ? aggregateSides(baseline, canary, t.blocks)
        : { baseline: { timestamps, values: baseline }, canary: { timestamps, values: canary } };
      const r = judge({ slis: [sli] }, { metric: { baseline: data.baseline, canary: data.canary } }).slis[0];
      tallies[ti].add(sliEvents(r));
    });
  }
  return treatments.map((t, ti) => ({
    phi,
    n,
    shift,
    treatment: t.name,
    runs: tallies[ti].runs,
    flaggedDefault: tallies[ti].get('high'),
    flagged5: tallies[ti].get('high@0.05'),
    insufficient: tallies[ti].get('insufficient'),
  }));
}
