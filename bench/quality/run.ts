/**
 * Decision-quality harness of the judge (docs/quality.md explains every table).
 *
 * Run: `npm run bench:quality` (= `tsx bench/quality/run.ts`), options:
 * - `--quick`: a quarter of the Monte Carlo runs (wider error bars, ~4× faster);
 * - `--only a,b`: only these sections (sliAa, series, rateAa, judgeAa, sliDetection, delay, sequential, judgeDetection, nab,
 *   aggregate);
 * - `--seed N` (default 20240611); `--out path` (default bench/results/quality.json).
 *
 * Prints Markdown tables and writes every number (with its Monte Carlo interval) to the JSON file. Seeded: the
 * same seed gives the same numbers on every machine (datasets/random.ts).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { JUDGE_DEFAULTS } from '../../src/judge/defaults.js';
import { FAMILIES, FAMILY_PARAMETERS } from './families.js';
import { formatProportion as fp, pct, type Proportion } from './montecarlo.js';
import { ALLOWED_GRID, rateAaCell, sampleAaCells, type SliAaCell } from './sliAa.js';
import { SLI_SCENARIOS, sliDetectionCell, type SliDetectionCell } from './sliDetection.js';
import { judgeStudy, type JudgeStudyVariant } from './judgeStudy.js';
import { DEFAULT_SETTINGS, REFERENCE_STAGES, type Regression, type SettingsVariant } from './service.js';
import { loadStudySeries, nabStudy, windowPairs, NAB_TREATMENTS, type NabCell } from './nabStudy.js';
import { NAB_SERVICE_TREATMENTS, nabServiceStudy, type NabServiceCell } from './nabService.js';
import { OLD_AGGREGATE_SETTINGS, OLD_DEFAULT_SETTINGS, SETTINGS_ALTERNATIVES } from './settings.js';
import { AGGREGATE_SERVICE_VARIANTS, UNGATED_ARM, aggregateAaCell, aggregateDetectionCell, type AggregateAaCell, type AggregateArm, type AggregateDetectionCell } from './aggregateStudy.js';
import { SERIES_TREATMENTS, seriesCells, type SeriesCell } from './seriesStudy.js';
import { SEQUENTIAL_SCENARIOS, sequentialCountAa, sequentialDetection, sequentialFamilyAa, type SequentialCell } from './sequentialStudy.js';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const QUICK = process.argv.includes('--quick');
const SEED = Number(arg('seed') ?? 20240611);
const OUT = arg('out') ?? 'bench/results/quality.json';
const ONLY = arg('only')?.split(',');
const runsOf = (n: number) => Math.max(QUICK ? 4 : 8, Math.round(QUICK ? n / 4 : n));
const wanted = (section: string) => !ONLY || ONLY.includes(section);

const started = performance.now();
const timings: Record<string, number> = {};
const results: Record<string, unknown> = {};
function section<T>(name: string, title: string, fn: () => T): T | undefined {
  if (!wanted(name)) return undefined;
  console.log(`\n## ${title}\n`);
  const t0 = performance.now();
  const out = fn();
  timings[name] = Math.round(performance.now() - t0) / 1000;
  results[name] = out;
  console.log(`\n(${name}: ${timings[name]} s)`);
  return out;
}
function table(header: string[], rows: string[][]): void {
  console.log(`| ${header.join(' | ')} |`);
  console.log(`|${header.map(() => '---').join('|')}|`);
  for (const r of rows) console.log(`| ${r.join(' | ')} |`);
}
const p = (x: Proportion) => fp(x);
/** The judge's default allowed change (±5 %) and the old one (±10 %), as keys of the recomputed grid. */
const DEF = String(JUDGE_DEFAULTS.sli.allowedIncrease);
const DEF_LABEL = `allowed ${pct(JUDGE_DEFAULTS.sli.allowedIncrease)}, default`;
const OLD = '0.1';
const OLD_LABEL = 'allowed 10%, old default';

// ---------------------------------------------------------------------------------------------------------------
section('sliAa', 'A/A false-fail rate of each sample test, one SLI, judge defaults', () => {
  const sizes: Array<[number, number]> = [[20, 1200], [50, 600], [100, 400], [1000, 200], [10_000, 60], [100_000, 10]];
  const cells: SliAaCell[] = [];
  for (const family of FAMILIES) {
    for (const [n, runs] of sizes) cells.push(...sampleAaCells({ seed: SEED, family, n, runs: runsOf(runs) }));
  }
  for (const test of ['mannWhitney', 'mannWhitney/meanRatio', 'quantile'] as const) {
    console.log(`\n### ${test}\n`);
    table(
      ['family', 'points/side', 'runs', 'p < 0.05 (test alone)', `fails (${DEF_LABEL})`, `fails (${OLD_LABEL})`, 'fails (allowed 0)', 'inconclusive passes', 'no relative effect'],
      cells.filter((c) => c.test === test).map((c) => [c.family, String(c.n), String(c.runs), p(c.significant), p(c.high), p(c.highAt[OLD]), p(c.highAt['0']), p(c.inconclusive), p(c.noRelativeEffect)]),
    );
  }
  const mismatches = cells.reduce((s, c) => s + c.recomputeMismatch, 0);
  console.log(`\nrecomputed classifications that differ from the judge's own at its default: ${mismatches} (must be 0)`);
  return { families: FAMILY_PARAMETERS, allowedGrid: ALLOWED_GRID, cells, recomputeMismatches: mismatches };
});

// ---------------------------------------------------------------------------------------------------------------
section('series', 'Autocorrelated series (AR(1), mean 50, sd 10): raw vs smoothed vs block-aggregated, one SLI', () => {
  const settings: Array<[number, number, number]> = [[0.5, 180, 0], [0.5, 180, 0.1], [0.7, 180, 0], [0.7, 180, 0.1], [0.9, 180, 0], [0.9, 180, 0.1], [0.9, 1000, 0], [0.9, 1000, 0.1]];
  const cells: SeriesCell[] = [];
  for (const [phi, n, shift] of settings) cells.push(...seriesCells({ seed: SEED, phi, n, shift, runs: runsOf(300) }));
  table(
    ['φ', 'points/side', 'canary level', 'treatment', 'runs', `fails (${DEF_LABEL})`, `fails (${OLD_LABEL})`, 'insufficient', 'median block size'],
    cells.map((c) => [String(c.phi), String(c.n), c.shift === 0 ? 'same (A/A)' : `+${pct(c.shift)}`, c.treatment, String(c.runs), p(c.flaggedDefault), p(c.flagged10), p(c.insufficient), String(c.medianBlockSize)]),
  );
  return { treatments: SERIES_TREATMENTS, cells };
});

// ---------------------------------------------------------------------------------------------------------------
section('rateAa', 'A/A false-fail rate of the rate test (errors / requests), one SLI, judge defaults', () => {
  const cells: SliAaCell[] = [];
  for (const errorRate of [0.002, 0.02]) {
    for (const overdispersion of [0, 0.5]) {
      for (const requests of [200, 1800, 18_000, 200_000, 1_000_000]) {
        cells.push(rateAaCell({ seed: SEED, requests, errorRate, overdispersion, runs: runsOf(300) }));
      }
    }
  }
  table(
    ['errors', 'requests/side', 'runs', 'p < 0.05 (test alone)', `fails (${DEF_LABEL})`, `fails (${OLD_LABEL})`, 'fails (allowed 0)', 'insufficient'],
    cells.map((c) => [c.family, String(c.n), String(c.runs), p(c.significant), p(c.high), p(c.highAt[OLD]), p(c.highAt['0']), p(c.insufficient)]),
  );
  return { cells };
});

// ---------------------------------------------------------------------------------------------------------------
function judgeRows(label: string, vs: JudgeStudyVariant[]): string[][] {
  return vs.map((v) => [label, v.variant, String(v.runs), p(v.fail), p(v.notPass), p(v.anyFail), p(v.anyNotPass), p(v.limitedByInsufficient)]);
}
const JUDGE_HEADER = ['stage', 'settings', 'runs', 'verdict fail', 'verdict not pass', 'fail at some look', 'not pass at some look', 'capped (insufficient)'];

section('judgeAa', 'A/A false-fail rate of the whole judge (15-SLI service, healthy canary)', () => {
  const variants = [DEFAULT_SETTINGS, OLD_DEFAULT_SETTINGS];
  const out: Record<string, JudgeStudyVariant[]> = {};
  const rows: string[][] = [];
  // the old aggregate default ('none' on the series SLIs) where `auto` can act and the aggregate section does not
  // measure it (at the minimum stage 20 points per SLI leave no room for blocks: identical to the defaults)
  const withOldAggregate = [...variants, OLD_AGGREGATE_SETTINGS];
  const plan: Array<[keyof typeof REFERENCE_STAGES, number, readonly number[], readonly SettingsVariant[]]> = [
    ['minimum', 300, [1], variants],
    ['onePercent', 100, [1 / 3, 2 / 3, 1], variants],
    ['tenPercent', 100, [1 / 3, 2 / 3, 1], variants],
    ['large', 20, [1], withOldAggregate],
    ['huge', 6, [1], withOldAggregate],
  ];
  for (const [key, runs, looks, stageVariants] of plan) {
    const size = REFERENCE_STAGES[key];
    const vs = judgeStudy({ seed: SEED, name: 'aa', size, regression: null, variants: stageVariants, looks, runs: runsOf(runs) });
    out[key] = vs;
    rows.push(...judgeRows(size.label, vs));
  }
  // other settings at the 10% stage, judged once at its end
  const alt = judgeStudy({ seed: SEED, name: 'aa', size: REFERENCE_STAGES.tenPercent, regression: null, variants: SETTINGS_ALTERNATIVES, runs: runsOf(60) });
  out.tenPercentAlternatives = alt;
  rows.push(...judgeRows(REFERENCE_STAGES.tenPercent.label, alt));
  table(JUDGE_HEADER, rows);
  const flagged: Record<string, Record<string, Proportion>> = {};
  for (const [k, vs] of Object.entries(out)) for (const v of vs) flagged[`${k}/${v.variant}`] = v.sliFlagged;
  console.log('\nSLIs flagged high/low in A/A runs (share of runs):');
  for (const [k, m] of Object.entries(flagged)) {
    const list = Object.entries(m).map(([s, x]) => `${s} ${pct(x.rate)}`).join(', ');
    if (list) console.log(`- ${k}: ${list}`);
  }
  return { stages: REFERENCE_STAGES, variants: [...withOldAggregate, ...SETTINGS_ALTERNATIVES], results: out };
});

// ---------------------------------------------------------------------------------------------------------------
const SCENARIO_SIZES: Record<string, number[]> = {
  'latency+5%': [180, 600, 1800, 6000, 18_000],
  'latency+10%': [180, 600, 1200, 1800, 6000, 18_000],
  'latency+25%': [180, 600, 1800, 6000],
  'p99-tail': [1800, 6000, 18_000, 60_000],
  'p99-tail/mannWhitney': [1800, 18_000],
  'errors×2': [1800, 6000, 18_000, 25_000, 60_000],
  'errors×10': [180, 600, 1800, 18_000],
  'errors×2/fleet': [1800, 6000, 18_000],
  'latency+10%/confidence 90%': [600, 1800],
  'errors×2/confidence 90%': [18_000, 25_000],
  'memory-leak': [60, 180, 720],
};

section('sliDetection', 'Detection rate of one SLI at the end of the stage, by allowed increase', () => {
  const cells: SliDetectionCell[] = [];
  for (const s of SLI_SCENARIOS) {
    for (const size of SCENARIO_SIZES[s.id]) cells.push(sliDetectionCell({ seed: SEED, scenario: s, size, runs: runsOf(120) }));
  }
  table(
    ['regression', 'size/side', 'runs', 'median estimate', ...ALLOWED_GRID.map((a) => `caught, allowed ${pct(a)}`)],
    cells.map((c) => [c.scenario, `${c.size} ${c.sizeUnit}`, String(c.runs), c.medianEstimate === null ? 'n/a' : pct(c.medianEstimate), ...ALLOWED_GRID.map((a) => p(c.detectedAt[String(a)]))]),
  );
  return { scenarios: SLI_SCENARIOS.map((s) => ({ id: s.id, label: s.label, sli: s.sli, sizeUnit: s.sizeUnit })), cells };
});

section('delay', 'Detection delay of one SLI over a 30-minute stage judged every 5 minutes (10% stage sizes)', () => {
  const looks = [1 / 6, 2 / 6, 3 / 6, 4 / 6, 5 / 6, 1];
  const reference: Record<string, number> = {
    'latency+5%': 1800, 'latency+10%': 1800, 'latency+25%': 1800, 'p99-tail': 1800,
    'errors×2': 18_000, 'errors×10': 1800, 'memory-leak': 180,
  };
  const cells: SliDetectionCell[] = [];
  for (const s of SLI_SCENARIOS) {
    if (!(s.id in reference)) continue;
    cells.push(sliDetectionCell({ seed: SEED, scenario: s, size: reference[s.id], runs: runsOf(100), looks }));
  }
  const minutes = (f: number | null) => (f === null ? 'never' : `${Math.round(f * 30)} min`);
  table(
    ['regression', 'size/side (whole stage)', `caught at the end (${DEF_LABEL})`, `caught at some look (${DEF_LABEL})`, `median first catch (${DEF_LABEL})`, `caught at the end (${OLD_LABEL})`, `caught at some look (${OLD_LABEL})`, `median first catch (${OLD_LABEL})`],
    cells.map((c) => [c.scenario, `${c.size} ${c.sizeUnit}`, p(c.detectedAt[DEF]), p(c.detectedAnyLookAt[DEF]), minutes(c.medianFirstLookAt[DEF]), p(c.detectedAt[OLD]), p(c.detectedAnyLookAt[OLD]), minutes(c.medianFirstLookAt[OLD])]),
  );
  return { looksMinutes: looks.map((f) => f * 30), cells };
});

// ---------------------------------------------------------------------------------------------------------------
section('sequential', 'Sequential SLIs (test: "sequential", anytime-valid monitors), one look per minute over a 30-minute stage', () => {
  const cells: SequentialCell[] = [];
  const sizes: Array<[number, number]> = [[20, 300], [100, 200], [1000, 150], [10_000, 60], [100_000, 10]];
  for (const family of FAMILIES) for (const [n, runs] of sizes) cells.push(sequentialFamilyAa({ seed: SEED, family, n, runs: runsOf(runs) }));
  for (const [n, runs] of [[1800, 100], [18_000, 30]] as const) cells.push(sequentialFamilyAa({ seed: SEED, family: 'lognormal', n, runs: runsOf(runs), quantile: true }));
  for (const errorRate of [0.002, 0.02]) {
    for (const overdispersion of [0, 0.5]) {
      for (const requests of [1800, 18_000, 200_000]) cells.push(sequentialCountAa({ seed: SEED, requests, errorRate, overdispersion, runs: runsOf(200) }));
    }
  }
  console.log('### A/A (right answer: pass)\n');
  table(['data', 'monitor', 'size/side', 'runs', `fails at some look (${DEF_LABEL})`, `fails at some look (${OLD_LABEL})`, 'proven pass by the end (default)', 'insufficient'],
    cells.map((c) => [c.name.replace(/^aa\//, ''), c.monitor, `${c.size} ${c.sizeUnit}`, String(c.runs), p(c.failed), p(c.failed10), p(c.provenPass), p(c.insufficient)]));
  const detection: SequentialCell[] = [];
  for (const scenario of SEQUENTIAL_SCENARIOS) for (const size of scenario.sizes) detection.push(sequentialDetection({ seed: SEED, scenario, size, runs: runsOf(100) }));
  console.log('\n### Regressions (right answer: fail)\n');
  const minutes = (f: number | null) => (f === null ? 'never' : `${Math.round(f * 30)} min`);
  table(['regression', 'monitor', 'size/side', 'runs', `caught (${DEF_LABEL})`, `caught (${OLD_LABEL})`, 'median first catch (default)'],
    detection.map((c) => [c.name.replace(/^detect\//, ''), c.monitor, `${c.size} ${c.sizeUnit}`, String(c.runs), p(c.failed), p(c.failed10), minutes(c.medianFirstFail)]));
  const mismatches = [...cells, ...detection].reduce((s, c) => s + c.mismatches, 0);
  console.log(`\nrecomputed decisions that differ from the judge's own at its default: ${mismatches} (must be 0)`);
  return { aa: cells, detection, mismatches };
});

// ---------------------------------------------------------------------------------------------------------------
section('judgeDetection', 'Detection by the whole judge (15-SLI service), judged at the end of the stage', () => {
  const variants = [DEFAULT_SETTINGS, OLD_DEFAULT_SETTINGS];
  const regressions: Array<[string, Regression, keyof typeof REFERENCE_STAGES]> = [
    ['latency +5%', { checkoutLatency: { scale: 1.05 } }, 'tenPercent'],
    ['latency +10%', { checkoutLatency: { scale: 1.1 } }, 'tenPercent'],
    ['latency +10%', { checkoutLatency: { scale: 1.1 } }, 'onePercent'],
    ['latency +25%', { checkoutLatency: { scale: 1.25 } }, 'onePercent'],
    ['p99 tail +30%', { checkoutLatency: { tailAbove: 300, tailFactor: 1.3 } }, 'tenPercent'],
    ['errors ×2', { errorFactor: 2 }, 'tenPercent'],
    ['errors ×2', { errorFactor: 2 }, 'onePercent'],
    ['errors ×10', { errorFactor: 10 }, 'onePercent'],
    ['memory leak +20%', { memoryDrift: 0.2 }, 'tenPercent'],
  ];
  const out: Array<{ regression: string; stage: string; variants: JudgeStudyVariant[] }> = [];
  const rows: string[][] = [];
  for (const [label, regression, stage] of regressions) {
    const size = REFERENCE_STAGES[stage];
    const vs = judgeStudy({ seed: SEED, name: `detect/${label}`, size, regression, variants, runs: runsOf(40) });
    out.push({ regression: label, stage, variants: vs });
    for (const v of vs) rows.push([label, stage, v.variant, String(v.runs), p(v.fail), p(v.notPass)]);
  }
  table(['regression', 'stage', 'settings', 'runs', 'verdict fail', 'verdict not pass'], rows);
  return { results: out };
});

// ---------------------------------------------------------------------------------------------------------------
section('nab', 'Real series (NAB): A/A window pairs and pre-anomaly vs anomaly pairs, one SLI (direction either)', () => {
  const series = loadStudySeries();
  const pairs = windowPairs(series, [2, 6, 24]);
  const cells: NabCell[] = nabStudy(pairs, NAB_TREATMENTS);
  for (const kind of ['adjacent', 'dayApart', 'interleaved', 'anomaly'] as const) {
    console.log(`\n### ${kind} (${kind === 'anomaly' ? 'right answer: fail' : 'right answer: pass'})\n`);
    const hours = [2, 6, 24];
    table(
      ['treatment', ...hours.map((h) => `${h} h windows: ${kind === 'anomaly' ? 'caught' : 'false fail'}`), ...hours.map((h) => `${h} h: insufficient`)],
      NAB_TREATMENTS.map((t) => {
        const row = hours.map((h) => cells.find((c) => c.kind === kind && c.hours === h && c.treatment === t.name));
        return [t.name, ...row.map((c) => (c ? `${p(c.flagged)} (${c.pairs})` : 'n/a')), ...row.map((c) => (c ? pct(c.insufficient.rate) : 'n/a'))];
      }),
    );
  }
  for (const t of ['defaults', "aggregate 'none' (old default)"]) {
    console.log(`\nPer series, ${t} (flagged / pairs):`);
    for (const c of cells.filter((x) => x.treatment === t)) {
      console.log(`- ${c.kind} ${c.hours} h: ${Object.entries(c.bySeries).map(([s, v]) => `${s} ${v.flagged}/${v.pairs}`).join('; ')}`);
    }
  }
  const service: NabServiceCell[] = nabServiceStudy({ seed: SEED, series, pairs, runs: runsOf(100) });
  console.log('\n### Whole judge on real series: 6 SLIs, one real A/A window pair per series drawn at random\n');
  table(['pairs', 'window', 'settings', 'runs', 'verdict fail', 'verdict not pass', 'capped (insufficient)'],
    service.map((c) => [c.kind, `${c.hours} h`, c.treatment, String(c.runs), p(c.fail), p(c.notPass), p(c.limitedByInsufficient)]));
  return {
    series: series.map((s) => ({ key: s.key, short: s.short, points: s.values.length, windows: s.windows.length })),
    treatments: NAB_TREATMENTS,
    pairs: pairs.length,
    cells,
    service,
  };
});

// ---------------------------------------------------------------------------------------------------------------
section('aggregate', "Block aggregation by the judge (aggregate: 'auto' vs 'none'), paired on the same data", () => {
  const arms = ['none', 'auto', UNGATED_ARM];
  const armCells = (a: Record<string, AggregateArm>) => arms.map((k) => p(a[k].flagged));
  // 1. independent data, A/A (the same draws as the sliAa cells)
  const aa: AggregateAaCell[] = [];
  for (const family of ['normal', 'lognormal', 'pareto', 'zeroInflated'] as const) {
    // at 20 points per side `auto` cannot aggregate (it keeps minSamples = 20 blocks): not measured
    for (const [n, runs] of [[100, 400], [1000, 200]] as const) aa.push(aggregateAaCell({ seed: SEED, family, n, runs: runsOf(runs) }));
  }
  console.log('### Independent data, healthy canary (one SLI)\n');
  table(['family', 'points/side', 'runs', ...arms.map((a) => `Mann–Whitney fails: ${a}`), 'aggregated (auto)', 'aggregated (auto without the gate)', 'p99 fails: none', 'p99 fails: auto'],
    aa.map((c) => [c.family, String(c.n), String(c.runs), ...armCells(c.mannWhitney), p(c.mannWhitney.auto.aggregated), p(c.mannWhitney[arms[2]].aggregated), p(c.quantile.none.flagged), p(c.quantile.auto.flagged)]));
  // 2. regressions (the same draws as the sliDetection cells)
  const plan: Array<[string, number, boolean]> = [
    ['latency+10%', 180, false], ['latency+10%', 600, false], ['latency+10%', 1800, false], ['latency+10%', 1800, true],
    ['latency+25%', 180, false], ['p99-tail', 6000, false], ['p99-tail', 18_000, false], ['memory-leak', 180, false],
  ];
  const detection: AggregateDetectionCell[] = plan.map(([id, size, sorted]) => {
    const scenario = SLI_SCENARIOS.find((x) => x.id === id);
    if (!scenario) throw new Error(`no scenario ${id}`);
    return aggregateDetectionCell({ seed: SEED, scenario, size, runs: runsOf(120), sorted });
  });
  console.log('\n### Regressions (one SLI, caught at the default ±5 %)\n');
  table(['regression', 'size/side', 'order', 'runs', ...arms.map((a) => `caught: ${a}`), 'aggregated (auto)', 'median block size (auto)', 'aggregated (auto without the gate)'],
    detection.map((c) => [c.scenario, String(c.size), c.sorted ? 'sorted by value' : 'time', String(c.runs), ...armCells(c.arms), p(c.arms.auto.aggregated), String(c.arms.auto.medianBlockSize), p(c.arms[UNGATED_ARM].aggregated)]));
  // 3. AR(1) series (the same draws as the series section)
  const seriesTreatments = SERIES_TREATMENTS.filter((t) => t.name === "defaults (aggregate 'auto')" || t.name === "raw: aggregate 'none' (old default)");
  // the series section measured every treatment on the same draws: reuse its cells when it ran
  const fromSeries = (results.series as { cells: SeriesCell[] } | undefined)?.cells;
  const series: SeriesCell[] = [];
  for (const [phi, n] of [[0.5, 180], [0.7, 180], [0.9, 180], [0.9, 1000]] as const) {
    for (const shift of [0, 0.1]) {
      const known = fromSeries?.filter((c) => c.phi === phi && c.n === n && c.shift === shift && seriesTreatments.some((t) => t.name === c.treatment));
      series.push(...(known && known.length === seriesTreatments.length ? known : seriesCells({ seed: SEED, phi, n, shift, runs: runsOf(300), treatments: seriesTreatments })));
    }
  }
  console.log('\n### AR(1) series (mean 50, sd 10), one SLI\n');
  table(['φ', 'points/side', 'canary level', 'treatment', 'runs', `fails (${DEF_LABEL})`, 'median block size'],
    series.map((c) => [String(c.phi), String(c.n), c.shift === 0 ? 'same (A/A)' : `+${pct(c.shift)}`, c.treatment, String(c.runs), p(c.flaggedDefault), String(c.medianBlockSize)]));
  // 4. real series (NAB)
  const nabSeries = loadStudySeries();
  const pairs = windowPairs(nabSeries, [2, 6, 24]);
  const nabTreatments = NAB_TREATMENTS.filter((t) => ['defaults', "aggregate 'none' (old default)", 'block mean auto without the gate (before; harness)'].includes(t.name));
  // the nab section judged every pair under these treatments: reuse its cells when it ran
  const fromNab = results.nab as { cells: NabCell[]; service: NabServiceCell[] } | undefined;
  const nab = fromNab ? fromNab.cells.filter((c) => nabTreatments.some((t) => t.name === c.treatment)) : nabStudy(pairs, nabTreatments);
  console.log('\n### Real series (NAB), one SLI, direction either\n');
  table(['pairs', 'treatment', ...[2, 6, 24].map((h) => `${h} h windows`)],
    (['adjacent', 'dayApart', 'interleaved', 'anomaly'] as const).flatMap((kind) => nabTreatments.map((t) => [
      kind === 'anomaly' ? 'anomaly (caught)' : `${kind} (false fail)`, t.name,
      ...[2, 6, 24].map((h) => {
        const c = nab.find((x) => x.kind === kind && x.hours === h && x.treatment === t.name);
        return c ? `${p(c.flagged)} (${c.pairs})${c.insufficient.k > 0 ? `, insufficient ${pct(c.insufficient.rate)}` : ''}` : 'n/a';
      }),
    ])));
  const serviceTreatments = NAB_SERVICE_TREATMENTS.filter((t) => t.name === 'defaults' || t.name === "aggregate 'none' (old default)");
  const nabService = fromNab
    ? fromNab.service.filter((c) => serviceTreatments.some((t) => t.name === c.treatment))
    : nabServiceStudy({ seed: SEED, series: nabSeries, pairs, runs: runsOf(100), treatments: serviceTreatments });
  console.log('\n### Real series (NAB), 6-SLI judge, 6-hour A/A pairs\n');
  table(['pairs', 'settings', 'runs', 'verdict fail', 'verdict not pass'], nabService.map((c) => [c.kind, c.treatment, String(c.runs), p(c.fail), p(c.notPass)]));
  // 5. the 15-SLI service (the same draws as judgeAa and judgeDetection)
  const service: Array<{ name: string; stage: string; variants: JudgeStudyVariant[] }> = [];
  // (the minimum stage has 20 points per SLI: `auto` cannot aggregate there)
  const aaPlan: Array<[keyof typeof REFERENCE_STAGES, number]> = [['onePercent', 100], ['tenPercent', 100]];
  for (const [key, runs] of aaPlan) {
    service.push({ name: 'healthy', stage: key, variants: judgeStudy({ seed: SEED, name: 'aa', size: REFERENCE_STAGES[key], regression: null, variants: AGGREGATE_SERVICE_VARIANTS, runs: runsOf(runs) }) });
  }
  const detectPlan: Array<[string, Regression, keyof typeof REFERENCE_STAGES]> = [
    ['latency +10%', { checkoutLatency: { scale: 1.1 } }, 'tenPercent'],
    ['latency +10%', { checkoutLatency: { scale: 1.1 } }, 'onePercent'],
    ['latency +25%', { checkoutLatency: { scale: 1.25 } }, 'onePercent'],
    ['p99 tail +30%', { checkoutLatency: { tailAbove: 300, tailFactor: 1.3 } }, 'tenPercent'],
    ['memory leak +20%', { memoryDrift: 0.2 }, 'tenPercent'],
  ];
  for (const [label, regression, key] of detectPlan) {
    service.push({ name: label, stage: key, variants: judgeStudy({ seed: SEED, name: `detect/${label}`, size: REFERENCE_STAGES[key], regression, variants: AGGREGATE_SERVICE_VARIANTS, runs: runsOf(40) }) });
  }
  console.log('\n### The 15-SLI service, judged once at the end of the stage\n');
  table(['canary', 'stage', 'settings', 'runs', 'verdict fail', 'verdict not pass', 'SLIs flagged (share of runs)'],
    service.flatMap((c) => c.variants.map((v) => [c.name, c.stage, v.variant, String(v.runs), p(v.fail), p(v.notPass),
      Object.entries(v.sliFlagged).map(([k, x]) => `${k} ${pct(x.rate)}`).join(', ')])));
  return { arms, aa, detection, series, nab: { treatments: nabTreatments, cells: nab, service: nabService }, service: { variants: AGGREGATE_SERVICE_VARIANTS, results: service } };
});

// ---------------------------------------------------------------------------------------------------------------
const seconds = Math.round(performance.now() - started) / 1000;
console.log(`\nTotal: ${seconds} s (${QUICK ? 'quick' : 'full'} run, seed ${SEED}).`);
if (!ONLY) {
  mkdirSync(dirname(OUT), { recursive: true });
  writeFileSync(OUT, JSON.stringify({ seed: SEED, quick: QUICK, seconds, timings, defaults: JUDGE_DEFAULTS, oldDefault: OLD_DEFAULT_SETTINGS, results }, null, 1) + '\n');
  console.log(`Wrote ${OUT}.`);
} else {
  console.log('(--only: results not written)');
}
