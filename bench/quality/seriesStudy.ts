/**
 * Autocorrelated series under control: a stationary Gaussian AR(1) metric (mean 50, sd 10, one point per 10 s),
 * healthy (A/A) or with its level raised by 10 % in the canary, given to the judge as a time series (timestamps),
 * judged at the defaults (which aggregate it: `aggregate: 'auto'` is the default for Mann–Whitney SLIs on time
 * series), raw (`aggregate: 'none'`, the old default), smoothed, or with a harness-side block variant (blocks.ts).
 * @module
 */
import { judge } from '../../src/judge/judge.js';
import type { SliConfig } from '../../src/judge/types.js';
import { aggregateSides, type BlockSpec } from './blocks.js';
import { cellRandom, medianOf, Tally, type Proportion } from './montecarlo.js';
import { sliEvents } from './sliAa.js';

/** A way of judging a series SLI. */
export interface SeriesTreatment {
  name: string;
  sli?: Partial<SliConfig>;
  blocks?: BlockSpec;
}

/** The treatments compared. */
export const SERIES_TREATMENTS: readonly SeriesTreatment[] = [
  { name: "defaults (aggregate 'auto')" },
  { name: "raw: aggregate 'none' (old default)", sli: { aggregate: 'none' } },
  { name: "EWMA α 0.3, aggregate 'none'", sli: { smoothing: { method: 'ewma', alpha: 0.3 }, aggregate: 'none' } },
  { name: "EWMA α 0.3, then aggregate 'auto' (defaults)", sli: { smoothing: { method: 'ewma', alpha: 0.3 } } },
  // pre-aggregated plain arrays: the judge's default for them is 'none', so they are not aggregated twice
  { name: 'block mean auto, uncapped, minSamples 10 (harness)', blocks: { size: 'auto', stat: 'mean' }, sli: { minSamples: 10 } },
];

/** One cell: a treatment on one (φ, n, shift) setting. */
export interface SeriesCell {
  phi: number;
  n: number;
  /** Relative level shift of the canary (0: A/A). */
  shift: number;
  treatment: string;
  runs: number;
  /** Classified high/low at the judge's default allowed change (±5 %). */
  flaggedDefault: Proportion;
  /** Classified high at allowed 10 %, the old default (recomputed from the same evidence). */
  flagged10: Proportion;
  /** Median block size used (1: no aggregation). */
  medianBlockSize: number | null;
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
  const sizes: number[][] = treatments.map(() => []);
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
      sizes[ti].push('size' in data ? data.size : typeof r.details.blockSize === 'number' ? r.details.blockSize : 1);
    });
  }
  return treatments.map((t, ti) => ({
    phi,
    n,
    shift,
    treatment: t.name,
    runs: tallies[ti].runs,
    flaggedDefault: tallies[ti].get('high'),
    flagged10: tallies[ti].get('high@0.1'),
    medianBlockSize: medianOf(sizes[ti]),
    insufficient: tallies[ti].get('insufficient'),
  }));
}
