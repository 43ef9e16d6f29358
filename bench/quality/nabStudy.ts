/**
 * The judge on real series: six whole NAB series (datasets/nab/series, MIT, Numenta Anomaly Benchmark) cut into
 * window pairs whose right answer is known.
 *
 * - **A/A pairs** (right answer: pass), from windows far from any labelled anomaly window (at least 12 h away):
 *   - `adjacent`: baseline = [t, t + W), canary = [t + W, t + 2W) — a before/after comparison;
 *   - `dayApart`: canary = [t + 24 h, t + 24 h + W) — the same time of day, the next day;
 *   - `interleaved`: the points of [t, t + 2W) split alternately into baseline and canary — an emulation of a
 *     *concurrent* baseline and canary that see the same traffic at the same time (optimistic: neighbouring
 *     points of one host are more alike than two hosts are).
 * - **anomaly pairs** (right answer: fail): canary = [label, label + W) from the first NAB anomaly label of a
 *   labelled window, baseline = the W before the labelled window starts (NAB windows start well before the label).
 *
 * Each pair is judged as one SLI with `direction: 'either'` (a real anomaly may go either way) under several
 * treatments: the defaults, other allowed changes and confidence levels, smoothing (the judge's `smoothing`
 * option), and block aggregation (the judge's `aggregate` option; harness-side variants via blocks.ts).
 *
 * Node only (reads the CSV and label files).
 * @module
 */
import { readFileSync } from 'node:fs';
import { judge } from '../../src/judge/judge.js';
import type { SliConfig, SliResult, TimeSeries } from '../../src/judge/types.js';
import { parseNabCsv, parseNabTimestamp } from '../../datasets/index.js';
import { aggregateSides, type BlockSpec } from './blocks.js';
import { proportion, type Proportion } from './montecarlo.js';

/** The NAB series used (file names in datasets/nab/series, keys of NAB's label files). */
export const NAB_STUDY_SERIES = Object.freeze([
  { key: 'realKnownCause/ec2_request_latency_system_failure.csv', short: 'request latency (EC2)' },
  { key: 'realAWSCloudwatch/ec2_cpu_utilization_5f5533.csv', short: 'CPU 5f5533 (~43%)' },
  { key: 'realAWSCloudwatch/ec2_cpu_utilization_825cc2.csv', short: 'CPU 825cc2 (~92%)' },
  { key: 'realAWSCloudwatch/ec2_cpu_utilization_fe7f93.csv', short: 'CPU fe7f93 (~3%)' },
  { key: 'realAWSCloudwatch/rds_cpu_utilization_cc0c53.csv', short: 'RDS CPU cc0c53' },
  { key: 'realAWSCloudwatch/elb_request_count_8c0756.csv', short: 'ELB request count' },
]);

const HOUR = 3_600_000;

/** A loaded study series with its labelled windows and labels (ms since the epoch). */
export interface StudySeries {
  key: string;
  short: string;
  timestamps: Float64Array;
  values: Float64Array;
  windows: Array<[number, number]>;
  labels: number[];
}

/** Loads the study series from datasets/nab/series. */
export function loadStudySeries(): StudySeries[] {
  const dir = new URL('../../datasets/nab/series/', import.meta.url);
  const windows = JSON.parse(readFileSync(new URL('combined_windows.json', dir), 'utf8')) as Record<string, [string, string][]>;
  const labels = JSON.parse(readFileSync(new URL('combined_labels.json', dir), 'utf8')) as Record<string, string[]>;
  return NAB_STUDY_SERIES.map(({ key, short }) => {
    const file = key.split('/')[1];
    const { timestamps, values } = parseNabCsv(readFileSync(new URL(file, dir), 'utf8'));
    return {
      key,
      short,
      timestamps,
      values,
      windows: (windows[key] ?? []).map(([a, b]) => [parseNabTimestamp(a), parseNabTimestamp(b)] as [number, number]),
      labels: (labels[key] ?? []).map(parseNabTimestamp),
    };
  });
}

/** A pair of windows of one series with a known right answer. */
export interface WindowPair {
  series: string;
  kind: 'adjacent' | 'dayApart' | 'interleaved' | 'anomaly';
  /** Window length in hours. */
  hours: number;
  baseline: TimeSeries;
  canary: TimeSeries;
  /** Start of the baseline window (ms), for the record. */
  start: number;
}

function slice(s: StudySeries, from: number, to: number): TimeSeries & { values: Float64Array } {
  let i = 0;
  while (i < s.timestamps.length && s.timestamps[i] < from) i++;
  let j = i;
  while (j < s.timestamps.length && s.timestamps[j] < to) j++;
  return { timestamps: s.timestamps.subarray(i, j), values: s.values.subarray(i, j) };
}

function farFromAnomalies(s: StudySeries, from: number, to: number, margin: number): boolean {
  return s.windows.every(([a, b]) => to <= a - margin || from >= b + margin);
}

/** Expected points in a window of `hours` at NAB's 5-minute spacing; windows with fewer than 90 % are skipped (gaps). */
const expected = (hours: number) => Math.round((hours * 60) / 5);

/**
 * Every A/A and anomaly window pair of the study for window lengths `hours` (baseline starts stepped by the
 * window length, at least 4 h, so baselines of one series and kind do not overlap).
 *
 * @example
 * ```ts
 * const pairs = windowPairs(loadStudySeries(), [24]);
 * pairs.filter((p) => p.kind === 'anomaly').length; // one per labelled window that fits
 * ```
 */
export function windowPairs(all: StudySeries[], hoursList: readonly number[], marginHours = 12): WindowPair[] {
  const out: WindowPair[] = [];
  for (const s of all) {
    const first = s.timestamps[0];
    const last = s.timestamps[s.timestamps.length - 1];
    for (const hours of hoursList) {
      const w = hours * HOUR;
      const need = Math.floor(0.9 * expected(hours));
      const ok = (x: TimeSeries) => x.values.length >= need;
      // baselines start every max(W, 4 h): they never overlap, and 2-hour windows stay a few hundred pairs
      const step = Math.max(w, 4 * HOUR);
      for (let t = first; t + 2 * w <= last + 1; t += step) {
        // adjacent (before/after)
        if (farFromAnomalies(s, t, t + 2 * w, marginHours * HOUR)) {
          const b = slice(s, t, t + w);
          const c = slice(s, t + w, t + 2 * w);
          if (ok(b) && ok(c)) out.push({ series: s.short, kind: 'adjacent', hours, baseline: b, canary: c, start: t });
          // interleaved halves of [t, t + 2w): a concurrent comparison with the same traffic
          const both = slice(s, t, t + 2 * w);
          const n = both.values.length >> 1;
          if (n >= need) {
            const bt = new Float64Array(n), bv = new Float64Array(n), ct = new Float64Array(n), cv = new Float64Array(n);
            for (let i = 0; i < n; i++) {
              bt[i] = both.timestamps[2 * i];
              bv[i] = both.values[2 * i];
              ct[i] = both.timestamps[2 * i + 1];
              cv[i] = both.values[2 * i + 1];
            }
            out.push({ series: s.short, kind: 'interleaved', hours, baseline: { timestamps: bt, values: bv }, canary: { timestamps: ct, values: cv }, start: t });
          }
        }
        // same time of day, one day later
        const d = 24 * HOUR;
        if (t + d + w <= last + 1 && farFromAnomalies(s, t, t + w, marginHours * HOUR) && farFromAnomalies(s, t + d, t + d + w, marginHours * HOUR)) {
          const b = slice(s, t, t + w);
          const c = slice(s, t + d, t + d + w);
          if (ok(b) && ok(c)) out.push({ series: s.short, kind: 'dayApart', hours, baseline: b, canary: c, start: t });
        }
      }
      // anomaly pairs: the W before the labelled window vs the W from its first label
      for (const [a, b] of s.windows) {
        const label = s.labels.find((l) => l >= a && l <= b);
        if (label === undefined) continue;
        const base = slice(s, a - w, a);
        const can = slice(s, label, label + w);
        if (ok(base) && ok(can)) out.push({ series: s.short, kind: 'anomaly', hours, baseline: base, canary: can, start: a - w });
      }
    }
  }
  return out;
}

/** A way of judging a real pair. */
export interface Treatment {
  name: string;
  /** Fields of the SLI config (on top of `direction: 'either'`). */
  sli?: Partial<SliConfig>;
  /** Block aggregation applied to each side before judging (harness-side, see blocks.ts). */
  blocks?: BlockSpec;
}

/**
 * The treatments compared on the real pairs (every SLI field not listed at the judge's default: ±5 %, and
 * `aggregate: 'auto'`, the default for Mann–Whitney SLIs on time series; the pairs carry timestamps).
 */
export const NAB_TREATMENTS: readonly Treatment[] = [
  { name: 'defaults' },
  { name: "aggregate 'none' (old default)", sli: { aggregate: 'none' } },
  { name: 'allowed 10% (old default)', sli: { allowedIncrease: 0.1, allowedDecrease: 0.1 } },
  { name: "allowed 10%, aggregate 'none' (both old defaults)", sli: { allowedIncrease: 0.1, allowedDecrease: 0.1, aggregate: 'none' } },
  { name: 'allowed 20%', sli: { allowedIncrease: 0.2, allowedDecrease: 0.2 } },
  { name: 'confidence 99%', sli: { confidence: 0.99 } },
  { name: 'confidence 90%', sli: { confidence: 0.9 } },
  { name: "EWMA α 0.3, aggregate 'none'", sli: { smoothing: { method: 'ewma', alpha: 0.3 }, aggregate: 'none' } },
  { name: "rolling median 5, aggregate 'none'", sli: { smoothing: { method: 'rollingMedian', window: 5 }, aggregate: 'none' } },
  { name: 'EWMA α 0.3 (then aggregated)', sli: { smoothing: { method: 'ewma', alpha: 0.3 } } },
  // pre-aggregated plain arrays: the judge's default for them is 'none', so they are not aggregated twice
  { name: 'block mean auto without the gate (before; harness)', blocks: { size: 'auto', stat: 'mean', minBlocks: 20, ungated: true } },
  { name: 'aggregate { size: 3 } (15 min)', sli: { aggregate: { size: 3 } } },
  { name: 'aggregate { size: 6 } (30 min), minSamples 10', sli: { aggregate: { size: 6 }, minSamples: 10 } },
];

/** Judges one pair under one treatment; returns the SLI result. */
export function judgePair(pair: WindowPair, treatment: Treatment): SliResult {
  const sli: SliConfig = { name: 'series', direction: 'either', ...(treatment.sli ?? {}) };
  const data = treatment.blocks ? aggregateSides(pair.baseline.values, pair.canary.values, treatment.blocks) : pair;
  return judge({ slis: [sli] }, { series: { baseline: data.baseline, canary: data.canary } }).slis[0];
}

/** Outcome shares of one (kind, window length, treatment) cell. */
export interface NabCell {
  kind: WindowPair['kind'];
  hours: number;
  treatment: string;
  pairs: number;
  /** Classified high or low (the SLI fails). */
  flagged: Proportion;
  /** Too few points after the treatment (never a pass, never a fail: the verdict is capped at marginal). */
  insufficient: Proportion;
  /** Per series: flagged / pairs. */
  bySeries: Record<string, { flagged: number; pairs: number }>;
}

/**
 * Judges every pair under every treatment and summarises by (kind, hours, treatment). The error bars treat pairs
 * as independent, which they are not quite (pairs of one series share its history): read them as a lower bound
 * on the uncertainty.
 */
export function nabStudy(pairs: readonly WindowPair[], treatments: readonly Treatment[] = NAB_TREATMENTS): NabCell[] {
  const cells = new Map<string, { kind: WindowPair['kind']; hours: number; treatment: string; n: number; flagged: number; insufficient: number; bySeries: Record<string, { flagged: number; pairs: number }> }>();
  for (const pair of pairs) {
    for (const t of treatments) {
      const key = `${pair.kind}|${pair.hours}|${t.name}`;
      let c = cells.get(key);
      if (!c) {
        c = { kind: pair.kind, hours: pair.hours, treatment: t.name, n: 0, flagged: 0, insufficient: 0, bySeries: {} };
        cells.set(key, c);
      }
      const r = judgePair(pair, t);
      const flagged = r.classification === 'high' || r.classification === 'low';
      c.n++;
      if (flagged) c.flagged++;
      if (r.classification === 'insufficient') c.insufficient++;
      const bs = (c.bySeries[pair.series] ??= { flagged: 0, pairs: 0 });
      bs.pairs++;
      if (flagged) bs.flagged++;
    }
  }
  return [...cells.values()].map((c) => ({
    kind: c.kind,
    hours: c.hours,
    treatment: c.treatment,
    pairs: c.n,
    flagged: proportion(c.flagged, c.n),
    insufficient: proportion(c.insufficient, c.n),
    bySeries: c.bySeries,
  }));
}
