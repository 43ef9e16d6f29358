/**
 * Benchmark of the Mann–Whitney / Hodges–Lehmann core (src/stats), written to bench/results/mannWhitney.json.
 *
 * For n = m = 10⁴, 10⁵, 10⁶ and two kinds of data (continuous normal values; lognormal latencies rounded
 * to 2 decimals, i.e. heavy ties) it times, as medians of Benchmark.js samples:
 *  - mannWhitney(x, y)                  (copy + radix sort of each sample + one merge pass + normal tail);
 *  - mannWhitneySorted(xs, ys)          (the merge pass alone, for callers that already sorted);
 *  - Float64Array.prototype.sort of the pooled 2n values (V8's native sort: the target is mannWhitney ≤ 1.0× this);
 *  - simple-statistics wilcoxonRankSum  (the rank sum only: arrays of objects and a comparator sort);
 *  - the npm package `mann-whitney-utest`, when it is installed (it is not a devDependency: skipped otherwise);
 *  - hodgesLehmann(x, y) with its 95% interval (target < 2 s at 10⁶ × 10⁶).
 * scipy's numbers come from bench/scipy_mannwhitneyu.py (bench/results/scipy.json) and are shown next to ours.
 *
 * Run: npx tsx bench/mannWhitney.bench.ts [--quick]   (--quick: 10⁴ and 10⁵ only)
 */
import Benchmark from 'benchmark';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { wilcoxonRankSum } from 'simple-statistics';
import { mannWhitney, mannWhitneySorted } from '../src/stats/mannWhitney.js';
import { hodgesLehmann } from '../src/stats/hodgesLehmann.js';
import { sortFloat64 } from '../src/stats/sortFloat64.js';
import { mulberry32, median, runSuite } from './support.js';

const QUICK = process.argv.includes('--quick');
const SIZES = QUICK ? [1e4, 1e5] : [1e4, 1e5, 1e6];

function normals(rand: () => number, n: number, shift: number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i += 2) {
    const r = Math.sqrt(-2 * Math.log(1 - rand()));
    const t = 2 * Math.PI * rand();
    out[i] = shift + r * Math.cos(t);
    if (i + 1 < n) out[i + 1] = shift + r * Math.sin(t);
  }
  return out;
}

/** Lognormal latencies (median 100 ms, σ = 0.4) rounded to 2 decimals. */
function roundedLatencies(rand: () => number, n: number, scale: number): Float64Array {
  const z = normals(rand, n, 0);
  for (let i = 0; i < n; i++) z[i] = Math.round(100 * scale * Math.exp(0.4 * z[i]) * 100) / 100;
  return z;
}

type MwFn = (x: number[], y: number[]) => unknown;
async function loadOptional(name: string): Promise<MwFn | null> {
  try {
    const mod = (await import(name)) as Record<string, unknown>;
    const f = (mod.mannWhitneyUTest ?? mod.test ?? mod.default) as MwFn | undefined;
    return typeof f === 'function' ? f : null;
  } catch {
    return null;
  }
}

interface Row {
  n: number;
  data: 'continuous' | 'rounded';
  ms: Record<string, number | null>;
  ratios: Record<string, number | null>;
}

async function main(): Promise<void> {
  const mwuTest = await loadOptional('mann-whitney-utest');
  const scipyPath = new URL('./results/scipy.json', import.meta.url);
  const scipy = existsSync(scipyPath)
    ? (JSON.parse(readFileSync(scipyPath, 'utf8')) as { results: Array<{ n: number; data: string; median_ms: number }> })
    : null;
  const rows: Row[] = [];
  for (const n of SIZES) {
    for (const data of ['continuous', 'rounded'] as const) {
      const rand = mulberry32(n + (data === 'rounded' ? 1 : 0));
      const x = data === 'continuous' ? normals(rand, n, 0.01) : roundedLatencies(rand, n, 1.01);
      const y = data === 'continuous' ? normals(rand, n, 0) : roundedLatencies(rand, n, 1);
      const xs = sortFloat64(x);
      const ys = sortFloat64(y);
      const pooled = new Float64Array(2 * n);
      pooled.set(x);
      pooled.set(y, n);
      const xArr = Array.from(x);
      const yArr = Array.from(y);
      const big = n >= 1e6;
      const opts = { minSamples: big ? 5 : 20, maxTime: big ? 4 : 2 };
      console.log(`n = m = ${n}, ${data}: ${JSON.stringify(mannWhitney(x, y))}`);
      const suite = new Benchmark.Suite();
      suite.add('mannWhitney', () => mannWhitney(x, y), opts);
      suite.add('mannWhitneySorted', () => mannWhitneySorted(xs, ys), opts);
      suite.add('Float64Array sort (pooled 2n)', () => pooled.slice().sort(), opts);
      suite.add('hodgesLehmann 95% CI', () => hodgesLehmann(x, y, { method: 'asymptotic' }), { minSamples: big ? 3 : 10, maxTime: big ? 6 : 2 });
      // simple-statistics builds 2n objects and sorts them with a comparator: minutes at 10⁶, so only
      // below that (recorded as null).
      if (n <= 1e5) suite.add('simple-statistics wilcoxonRankSum', () => wilcoxonRankSum(xArr, yArr), { minSamples: 5, maxTime: 2 });
      if (mwuTest && n <= 1e5) suite.add('mann-whitney-utest', () => mwuTest(xArr, yArr), { minSamples: 5, maxTime: 2 });
      const results = await runSuite(suite);
      const ms: Record<string, number | null> = {};
      for (const b of results) ms[b.name as string] = median(b) * 1000;
      if (!('simple-statistics wilcoxonRankSum' in ms)) ms['simple-statistics wilcoxonRankSum'] = null;
      if (!('mann-whitney-utest' in ms)) ms['mann-whitney-utest'] = null;
      const sc = scipy?.results.find((r) => r.n === n && r.data === data);
      ms['scipy mannwhitneyu'] = sc ? sc.median_ms : null;
      const mw = ms.mannWhitney as number;
      rows.push({
        n,
        data,
        ms,
        ratios: {
          'mannWhitney / native sort of pooled': mw / (ms['Float64Array sort (pooled 2n)'] as number),
          'scipy / mannWhitney': ms['scipy mannwhitneyu'] === null ? null : (ms['scipy mannwhitneyu'] as number) / mw,
          'simple-statistics / mannWhitney': ms['simple-statistics wilcoxonRankSum'] === null ? null : (ms['simple-statistics wilcoxonRankSum'] as number) / mw,
        },
      });
    }
  }

  const fmt = (v: number | null, d = 1): string => (v === null ? '—' : v.toFixed(d));
  console.log('\nmedian ms (ratios: mannWhitney / V8 sort of pooled data; scipy / mannWhitney)');
  console.log('n        data        mannWhitney  sorted-only  V8 sort  HL 95% CI  simple-stats  scipy   mw/sort  scipy/mw');
  for (const r of rows) {
    console.log(
      [
        String(r.n).padEnd(8),
        r.data.padEnd(11),
        fmt(r.ms.mannWhitney).padStart(11),
        fmt(r.ms.mannWhitneySorted, 2).padStart(12),
        fmt(r.ms['Float64Array sort (pooled 2n)']).padStart(8),
        fmt(r.ms['hodgesLehmann 95% CI']).padStart(10),
        fmt(r.ms['simple-statistics wilcoxonRankSum']).padStart(13),
        fmt(r.ms['scipy mannwhitneyu']).padStart(7),
        fmt(r.ratios['mannWhitney / native sort of pooled'], 2).padStart(8),
        fmt(r.ratios['scipy / mannWhitney'], 1).padStart(9),
      ].join(' '),
    );
  }
  if (!mwuTest) console.log('\n(mann-whitney-utest is not installed — not a devDependency — so it was skipped.)');

  const out = {
    machine: { cpus: cpus().length, model: cpus()[0]?.model ?? '', node: process.version },
    date: new Date().toISOString(),
    quick: QUICK,
    notes: [
      'medians of Benchmark.js samples, milliseconds',
      'mannWhitney: copy + radix sort of each sample + one merge pass + asymptotic p (method auto)',
      'Float64Array sort: copy + native sort of the pooled 2n values',
      'simple-statistics wilcoxonRankSum: rank sum only, not run at 10⁶ (arrays of 2·10⁶ objects and a comparator sort)',
      'scipy: bench/scipy_mannwhitneyu.py on the same machine (bench/results/scipy.json)',
    ],
    results: rows,
  };
  mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
  writeFileSync(new URL(`./results/mannWhitney${QUICK ? '.quick' : ''}.json`, import.meta.url), JSON.stringify(out, null, 2) + '\n');
}

await main();
