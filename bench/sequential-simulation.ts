/**
 * Evidence for the streaming monitors (src/sequential/monitors): seeded Monte Carlo with error bars.
 *
 * 1. A/A, latency: baseline and canary both lognormal (median 100 ms, log-sd 0.5), 10 new values per side
 *    per look, 100 looks (1000 per side). Checked after every look: MeanMonitor (one- and two-sided),
 *    QuantileMonitor (p50/p90/p99: its always-valid p-value, and "proven increase" = its confidence
 *    sequence excluding 0 at some quantile) — next to the peeking mistake: a fixed-horizon Mann–Whitney
 *    test (src/stats/mannWhitney.ts) re-run at every look.
 * 2. A/A, counts at a 1% stage: ~100 events per look overall (Poisson), each in the canary with
 *    probability 0.01, 100 looks. CountMonitor (one- and two-sided) next to the exact conditional binomial
 *    test re-run at every look.
 * 3. At the allowed change (a fail is a false fail): rate ratio exactly 1.2 with allowedIncrease 0.2
 *    (CountMonitor, 5% stage), mean exactly +10% with allowedIncrease 0.1 (MeanMonitor).
 * 4. A/B, latency +5% (canary values × 1.05), 120 looks of 50 per side: time to detection of MeanMonitor
 *    (p < α) and QuantileMonitor (p50: its `fail` with allowedIncrease 0, and its p-value; p50/p90/p99),
 *    against fixed-horizon one-sided Mann–Whitney and Welch z tests.
 * 5. A/B, error rate 2× at a 1% stage, 100 looks of ~100 events: time to detection of CountMonitor (and to
 *    its `fail` decision with allowedIncrease 0.2), against the fixed-horizon exact binomial test.
 *
 * "Same power": a sequential test stopped at the q-quantile H_q of its detection time has power q; the
 * fixed-horizon test needs the smallest sample size (on a grid of looks, same runs) whose one-shot test
 * reaches power q. Reported for q = 50, 80, 90%: the fixed sample size next to the sequential test's
 * median and mean stopping time (and its maximum H_q).
 * Error bars: 95% Clopper–Pearson intervals for rates, 95% order-statistic intervals for medians.
 *
 * Run: npx tsx bench/sequential-simulation.ts [--runs 2000] [--abRuns 1000] [--seed 20240501]
 * Writes bench/results/sequential-simulation.json and prints the Markdown tables used in docs/sequential.md.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRandom } from '../datasets/random.js';
import type { Random } from '../datasets/random.js';
import { CountMonitor, MeanMonitor, QuantileMonitor } from '../src/sequential/index.js';
import { binomialAtLeast, binomialTest, clopperPearson, mannWhitneySorted } from '../src/stats/index.js';

function arg(name: string, dflt: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : dflt;
}

const RUNS = arg('runs', 2000);
const AB_RUNS = arg('abRuns', 1000);
const SEED = arg('seed', 20240501);
const ALPHA = 0.05;
const MU = Math.log(100);
const SIGMA = 0.5;
const NEVER = Number.POSITIVE_INFINITY;

/** A growable sorted Float64Array (for repeated Mann–Whitney tests without re-sorting). */
class Sorted {
  v = new Float64Array(1024);
  n = 0;
  add(batch: Float64Array): void {
    const add = Float64Array.from(batch).sort();
    const need = this.n + add.length;
    if (need > this.v.length) {
      const g = new Float64Array(Math.max(need, 2 * this.v.length));
      g.set(this.v.subarray(0, this.n));
      this.v = g;
    }
    let i = this.n - 1;
    let j = add.length - 1;
    for (let k = need - 1; j >= 0; k--) this.v[k] = i >= 0 && this.v[i] > add[j] ? this.v[i--] : add[j--];
    this.n = need;
  }
  view(): Float64Array {
    return this.v.subarray(0, this.n);
  }
}

interface Rate {
  count: number;
  runs: number;
  rate: number;
  lower95: number;
  upper95: number;
}

function rate(count: number, runs: number): Rate {
  const ci = clopperPearson(count, runs, { confidence: 0.95 });
  return { count, runs, rate: count / runs, lower95: ci.lower, upper95: ci.upper };
}

/** Cumulative share of runs whose first event happened at or before each look in `at`. */
function cumulative(first: Float64Array, at: number[]): Rate[] {
  return at.map((look) => {
    let c = 0;
    for (let i = 0; i < first.length; i++) if (first[i] <= look) c++;
    return rate(c, first.length);
  });
}

/** Median of first-event looks (NEVER for undetected) with a 95% order-statistic interval. */
function median(first: Float64Array): { median: number | null; lower95: number | null; upper95: number | null } {
  const s = Float64Array.from(first).sort();
  const n = s.length;
  const pick = (k: number): number | null => {
    const i = Math.min(n - 1, Math.max(0, k));
    return Number.isFinite(s[i]) ? s[i] : null;
  };
  const half = 0.5 * n;
  const w = 1.96 * Math.sqrt(n) * 0.5;
  return { median: pick(Math.ceil(half) - 1), lower95: pick(Math.floor(half - w) - 1), upper95: pick(Math.ceil(half + w) - 1) };
}

function meanCapped(first: Float64Array, cap: number): number {
  let s = 0;
  for (let i = 0; i < first.length; i++) s += Math.min(first[i], cap);
  return s / first.length;
}

function fillLognormal(rng: Random, out: Float64Array, scale = 1): void {
  for (let i = 0; i < out.length; i++) out[i] = scale * rng.lognormal(MU, SIGMA);
}

function timed<T>(label: string, fn: () => T): T & { seconds: number } {
  const t0 = performance.now();
  const out = fn();
  const seconds = (performance.now() - t0) / 1000;
  process.stderr.write(`${label}: ${seconds.toFixed(1)} s\n`);
  return { ...out, seconds };
}

// ---------------------------------------------------------------- 1. A/A latency
function aaLatency(rng: Random) {
  const looks = 100;
  const batch = 10;
  const methods = ['meanIncrease', 'meanEither', 'quantilePValue', 'quantileProvenIncrease', 'mannWhitneyTwoSided', 'mannWhitneyGreater'] as const;
  const first: Record<string, Float64Array> = {};
  for (const m of methods) first[m] = new Float64Array(RUNS).fill(NEVER);
  const nb = new Float64Array(batch);
  const nc = new Float64Array(batch);
  for (let r = 0; r < RUNS; r++) {
    const mi = new MeanMonitor({ direction: 'increase' });
    const me = new MeanMonitor({ direction: 'either' });
    const qm = new QuantileMonitor({ minSamples: 20, allowedIncrease: 0 });
    const sb = new Sorted();
    const sc = new Sorted();
    for (let look = 1; look <= looks; look++) {
      fillLognormal(rng, nb);
      fillLognormal(rng, nc);
      const hit = (m: string, yes: boolean): void => {
        if (yes && first[m][r] === NEVER) first[m][r] = look;
      };
      hit('meanIncrease', (mi.update({ baseline: nb, canary: nc }).pValue as number) < ALPHA);
      hit('meanEither', (me.update({ baseline: nb, canary: nc }).pValue as number) < ALPHA);
      const q = qm.update({ baseline: nb, canary: nc });
      hit('quantilePValue', (q.pValue as number) < ALPHA);
      hit('quantileProvenIncrease', q.decision === 'fail');
      sb.add(nb);
      sc.add(nc);
      hit('mannWhitneyTwoSided', mannWhitneySorted(sc.view(), sb.view()).pValue < ALPHA);
      hit('mannWhitneyGreater', mannWhitneySorted(sc.view(), sb.view(), { alternative: 'greater' }).pValue < ALPHA);
    }
  }
  const at = [1, 2, 5, 10, 20, 50, 100];
  const out: Record<string, { anyLook: Rate; byLook: Rate[] }> = {};
  for (const m of methods) out[m] = { anyLook: cumulative(first[m], [looks])[0], byLook: cumulative(first[m], at) };
  return { looks, batchPerSide: batch, lookGrid: at, methods: out };
}

// ---------------------------------------------------------------- 2. A/A counts
function aaCounts(rng: Random) {
  const looks = 100;
  const lambda = 100;
  const share = 0.01;
  const methods = ['countIncrease', 'countEither', 'binomialGreater', 'binomialTwoSided'] as const;
  const first: Record<string, Float64Array> = {};
  for (const m of methods) first[m] = new Float64Array(RUNS).fill(NEVER);
  for (let r = 0; r < RUNS; r++) {
    const ci = new CountMonitor({ canaryShare: share });
    const ce = new CountMonitor({ canaryShare: share, direction: 'either' });
    let B = 0;
    let C = 0;
    for (let look = 1; look <= looks; look++) {
      const n = rng.poisson(lambda);
      const c = rng.binomial(n, share);
      const b = n - c;
      B += b;
      C += c;
      const hit = (m: string, yes: boolean): void => {
        if (yes && first[m][r] === NEVER) first[m][r] = look;
      };
      hit('countIncrease', (ci.update({ baseline: b, canary: c }).pValue as number) < ALPHA);
      hit('countEither', (ce.update({ baseline: b, canary: c }).pValue as number) < ALPHA);
      if (B + C > 0) {
        hit('binomialGreater', binomialAtLeast(C, B + C, share) < ALPHA);
        if (first.binomialTwoSided[r] === NEVER) hit('binomialTwoSided', binomialTest(C, B + C, share).pValue < ALPHA);
      }
    }
  }
  const at = [1, 5, 10, 20, 50, 100];
  const out: Record<string, { anyLook: Rate; byLook: Rate[] }> = {};
  for (const m of methods) out[m] = { anyLook: cumulative(first[m], [looks])[0], byLook: cumulative(first[m], at) };
  return { looks, eventsPerLook: lambda, canaryShare: share, lookGrid: at, methods: out };
}

// ---------------------------------------------------------------- 3. at the allowed change
function boundary(rng: Random) {
  const share = 0.05;
  const ratio = 1.2;
  const p = (ratio * share) / (ratio * share + 1 - share);
  let countFails = 0;
  for (let r = 0; r < RUNS; r++) {
    const m = new CountMonitor({ canaryShare: share, allowedIncrease: 0.2 });
    let hit = false;
    for (let look = 0; look < 100 && !hit; look++) {
      const n = rng.poisson(80);
      const c = rng.binomial(n, p);
      if (m.update({ baseline: n - c, canary: c }).decision === 'fail') hit = true;
    }
    countFails += +hit;
  }
  let meanFails = 0;
  const nb = new Float64Array(25);
  const nc = new Float64Array(25);
  for (let r = 0; r < RUNS; r++) {
    const m = new MeanMonitor({ allowedIncrease: 0.1 });
    let hit = false;
    for (let look = 0; look < 50 && !hit; look++) {
      fillLognormal(rng, nb);
      fillLognormal(rng, nc, 1.1);
      if (m.update({ baseline: nb, canary: nc }).decision === 'fail') hit = true;
    }
    meanFails += +hit;
  }
  return {
    count: { canaryShare: share, trueRatio: ratio, allowedIncrease: 0.2, looks: 100, eventsPerLook: 80, falseFail: rate(countFails, RUNS) },
    mean: { trueChange: 0.1, allowedIncrease: 0.1, looks: 50, batchPerSide: 25, falseFail: rate(meanFails, RUNS) },
  };
}

// ---------------------------------------------------------------- 4. A/B latency +5%
function abLatency(rng: Random) {
  const looks = 120;
  const batch = 50;
  const shift = 1.05;
  const grid = Array.from({ length: looks / 5 }, (_, i) => 5 * (i + 1));
  const first = {
    meanMonitor: new Float64Array(AB_RUNS).fill(NEVER),
    quantileMonitorP50: new Float64Array(AB_RUNS).fill(NEVER),
    quantileMonitorP50PValue: new Float64Array(AB_RUNS).fill(NEVER),
    quantileMonitorP50P90P99: new Float64Array(AB_RUNS).fill(NEVER),
  };
  const fixed = { mannWhitney: new Int32Array(grid.length), welchZ: new Int32Array(grid.length) };
  const nb = new Float64Array(batch);
  const nc = new Float64Array(batch);
  const zCrit = 1.6448536269514722; // one-sided 5%
  for (let r = 0; r < AB_RUNS; r++) {
    const mm = new MeanMonitor({ allowedIncrease: 0 });
    const q1 = new QuantileMonitor({ quantiles: [0.5], minSamples: 20, allowedIncrease: 0, tuningSampleSize: 3000 });
    const q3 = new QuantileMonitor({ minSamples: 20, allowedIncrease: 0, tuningSampleSize: 3000, pValues: false });
    const sb = new Sorted();
    const sc = new Sorted();
    let g = 0;
    let sumB = 0;
    let sumB2 = 0;
    let sumC = 0;
    let sumC2 = 0;
    for (let look = 1; look <= looks; look++) {
      fillLognormal(rng, nb);
      fillLognormal(rng, nc, shift);
      if (first.meanMonitor[r] === NEVER && (mm.update({ baseline: nb, canary: nc }).pValue as number) < ALPHA) first.meanMonitor[r] = look;
      const r1 = q1.update({ baseline: nb, canary: nc });
      if (first.quantileMonitorP50[r] === NEVER && r1.decision === 'fail') first.quantileMonitorP50[r] = look;
      if (first.quantileMonitorP50PValue[r] === NEVER && (r1.pValue as number) < ALPHA) first.quantileMonitorP50PValue[r] = look;
      if (first.quantileMonitorP50P90P99[r] === NEVER && q3.update({ baseline: nb, canary: nc }).decision === 'fail') first.quantileMonitorP50P90P99[r] = look;
      sb.add(nb);
      sc.add(nc);
      for (let i = 0; i < batch; i++) {
        sumB += nb[i];
        sumB2 += nb[i] * nb[i];
        sumC += nc[i];
        sumC2 += nc[i] * nc[i];
      }
      if (look === grid[g]) {
        if (mannWhitneySorted(sc.view(), sb.view(), { alternative: 'greater' }).pValue < ALPHA) fixed.mannWhitney[g]++;
        // Welch z-test of the relative mean difference (delta method), one-sided — the fixed-horizon twin of MeanMonitor
        const n = look * batch;
        const mb = sumB / n;
        const mc = sumC / n;
        const vb = (sumB2 - n * mb * mb) / (n - 1);
        const vc = (sumC2 - n * mc * mc) / (n - 1);
        const se = Math.sqrt(vc / (n * mb * mb) + (mc * mc * vb) / (n * mb ** 4));
        if ((mc / mb - 1) / se > zCrit) fixed.welchZ[g]++;
        g++;
      }
    }
  }
  return summariseAB({
    looks,
    grid,
    perLook: batch,
    unit: 'values per side',
    sequential: first,
    fixed: { 'Mann–Whitney (one-sided)': fixed.mannWhitney, 'Welch z on the mean (one-sided)': fixed.welchZ },
  });
}

// ---------------------------------------------------------------- 5. A/B counts 2×
function abCounts(rng: Random) {
  const looks = 100;
  const lambda = 100;
  const share = 0.01;
  const ratio = 2;
  const p = (ratio * share) / (ratio * share + 1 - share);
  const grid = Array.from({ length: looks }, (_, i) => i + 1);
  const first = { countMonitor: new Float64Array(AB_RUNS).fill(NEVER), countMonitorFailAllowed20: new Float64Array(AB_RUNS).fill(NEVER) };
  const fixed = new Int32Array(grid.length);
  for (let r = 0; r < AB_RUNS; r++) {
    const m = new CountMonitor({ canaryShare: share, allowedIncrease: 0.2 });
    let B = 0;
    let C = 0;
    for (let look = 1; look <= looks; look++) {
      // ~100 baseline-rate events per look; the canary's 1% of the traffic produces events at twice the rate
      const n = rng.poisson(lambda * (1 - share + ratio * share));
      const c = rng.binomial(n, p);
      B += n - c;
      C += c;
      const res = m.update({ baseline: n - c, canary: c });
      if (first.countMonitor[r] === NEVER && (res.pValue as number) < ALPHA) first.countMonitor[r] = look;
      if (first.countMonitorFailAllowed20[r] === NEVER && res.decision === 'fail') first.countMonitorFailAllowed20[r] = look;
      if (B + C > 0 && binomialAtLeast(C, B + C, share) < ALPHA) fixed[look - 1]++;
    }
  }
  return summariseAB({ looks, grid, perLook: lambda, unit: 'events (all traffic)', sequential: first, fixed: { 'exact binomial (one-sided)': fixed } });
}

const TARGETS = [0.5, 0.8, 0.9];

/** Smallest k with sorted[k−1] as the q-quantile of detection looks (NEVER beyond the horizon). */
function quantileLook(first: Float64Array, q: number): number | null {
  const s = Float64Array.from(first).sort();
  const v = s[Math.max(0, Math.ceil(q * s.length) - 1)];
  return Number.isFinite(v) ? v : null;
}

function summariseAB(input: { looks: number; grid: number[]; perLook: number; unit: string; sequential: Record<string, Float64Array>; fixed: Record<string, Int32Array> }) {
  const fixedPower: Record<string, Array<{ look: number; power: Rate }>> = {};
  for (const [name, hits] of Object.entries(input.fixed)) fixedPower[name] = input.grid.map((look, i) => ({ look, power: rate(hits[i], AB_RUNS) }));
  const samePower = TARGETS.map((target) => {
    const fixedLooks: Record<string, number | null> = {};
    for (const [name, curve] of Object.entries(fixedPower)) fixedLooks[name] = curve.find((f) => f.power.rate >= target)?.look ?? null;
    const seq: Record<string, { horizon: number | null; medianStop: number | null; meanStop: number | null }> = {};
    for (const [name, first] of Object.entries(input.sequential)) {
      const horizon = quantileLook(first, target);
      seq[name] = { horizon, medianStop: horizon === null ? null : quantileLook(first, Math.min(0.5, target)), meanStop: horizon === null ? null : meanCapped(first, horizon) };
    }
    return { power: target, fixedHorizonLooks: fixedLooks, sequential: seq };
  });
  const sequential: Record<string, unknown> = {};
  for (const [name, first] of Object.entries(input.sequential)) {
    sequential[name] = {
      powerAtHorizon: cumulative(first, [input.looks])[0],
      medianDetectionLook: median(first),
      meanLooksUntilStop: meanCapped(first, input.looks),
      detectionByLook: input.grid.map((look) => ({ look, detected: cumulative(first, [look])[0] })),
    };
  }
  return { looks: input.looks, perLook: input.perLook, unit: input.unit, fixedPower, sequential, samePower };
}

// ---------------------------------------------------------------- run
const started = performance.now();
const rng = createRandom(SEED);
const results = {
  description: 'A/A false-positive rates and A/B detection times of the streaming monitors vs fixed-horizon tests re-run at every look',
  seed: SEED,
  prng: 'datasets/random.ts createRandom (xoshiro128**, SplitMix64 seeding)',
  alpha: ALPHA,
  runs: RUNS,
  abRuns: AB_RUNS,
  latencyModel: { distribution: 'lognormal', medianMs: 100, logSd: SIGMA },
  aaLatency: timed('A/A latency', () => aaLatency(rng)),
  aaCounts: timed('A/A counts', () => aaCounts(rng)),
  boundary: timed('allowed-change boundary', () => boundary(rng)),
  abLatency: timed('A/B latency +5%', () => abLatency(rng)),
  abCounts: timed('A/B counts 2x', () => abCounts(rng)),
  seconds: 0,
  node: process.version,
  date: new Date().toISOString(),
};
results.seconds = (performance.now() - started) / 1000;
mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
writeFileSync(new URL('./results/sequential-simulation.json', import.meta.url), JSON.stringify(results, null, 2) + '\n');

// ---------------------------------------------------------------- Markdown for docs/sequential.md
const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;
const rateCell = (r: Rate): string => `${pct(r.rate)} (${pct(r.lower95)}–${pct(r.upper95)})`;
const lines: string[] = [];
const aaTable = (title: string, block: { lookGrid: number[]; methods: Record<string, { byLook: Rate[] }> }, names: Record<string, string>): void => {
  lines.push(`### ${title}`, '', `| test | ${block.lookGrid.map((l) => `≤ ${l} look${l === 1 ? '' : 's'}`).join(' | ')} |`, `|---|${block.lookGrid.map(() => '---:').join('|')}|`);
  for (const [key, label] of Object.entries(names)) lines.push(`| ${label} | ${block.methods[key].byLook.map((r) => pct(r.rate)).join(' | ')} |`);
  lines.push('');
};
aaTable('A/A latency: share of runs with a false positive by look', results.aaLatency, {
  meanIncrease: 'MeanMonitor, one-sided',
  meanEither: 'MeanMonitor, two-sided',
  quantilePValue: 'QuantileMonitor p-value (p50/p90/p99)',
  quantileProvenIncrease: 'QuantileMonitor "proven increase"',
  mannWhitneyTwoSided: 'Mann–Whitney re-run, two-sided',
  mannWhitneyGreater: 'Mann–Whitney re-run, one-sided',
});
aaTable('A/A counts at a 1% stage: share of runs with a false positive by look', results.aaCounts, {
  countIncrease: 'CountMonitor, one-sided',
  countEither: 'CountMonitor, two-sided',
  binomialGreater: 'exact binomial re-run, one-sided',
  binomialTwoSided: 'exact binomial re-run, two-sided',
});
lines.push('### Any look (95% Clopper–Pearson interval)', '', '| test | false-positive rate |', '|---|---:|');
for (const [k, v] of Object.entries(results.aaLatency.methods)) lines.push(`| latency: ${k} | ${rateCell(v.anyLook)} |`);
for (const [k, v] of Object.entries(results.aaCounts.methods)) lines.push(`| counts: ${k} | ${rateCell(v.anyLook)} |`);
lines.push(`| counts at ratio 1.2, allowed +20%: false fail | ${rateCell(results.boundary.count.falseFail)} |`);
lines.push(`| mean at +10%, allowed +10%: false fail | ${rateCell(results.boundary.mean.falseFail)} |`, '');
const abTables = (title: string, block: ReturnType<typeof abLatency>, shown: number[], unitLabel: (look: number) => string): void => {
  const fixedNames = Object.keys(block.fixedPower);
  const seqNames = Object.keys(block.sequential);
  lines.push(`### ${title}: share of runs that detected the regression`, '');
  lines.push(`| data | ${fixedNames.map((n) => `${n}, fixed horizon here`).join(' | ')} | ${seqNames.map((n) => `${n}, by here`).join(' | ')} |`);
  lines.push(`|---:|${[...fixedNames, ...seqNames].map(() => '---:').join('|')}|`);
  for (const look of shown) {
    const gi = block.fixedPower[fixedNames[0]].findIndex((f) => f.look === look);
    if (gi < 0) continue;
    const fixedCells = fixedNames.map((n) => pct(block.fixedPower[n][gi].power.rate));
    const seqCells = seqNames.map((n) => pct((block.sequential[n] as { detectionByLook: Array<{ detected: Rate }> }).detectionByLook[gi].detected.rate));
    lines.push(`| ${unitLabel(look)} | ${fixedCells.join(' | ')} | ${seqCells.join(' | ')} |`);
  }
  lines.push('', `### ${title}: data needed for the same power`, '');
  lines.push(`| power | ${fixedNames.map((n) => `${n}: fixed horizon`).join(' | ')} | ${seqNames.map((n) => `${n}: median / mean stop (max)`).join(' | ')} |`);
  lines.push(`|---:|${[...fixedNames, ...seqNames].map(() => '---:').join('|')}|`);
  for (const row of block.samePower) {
    const fixedCells = fixedNames.map((n) => (row.fixedHorizonLooks[n] === null ? '> horizon' : unitLabel(row.fixedHorizonLooks[n] as number)));
    const seqCells = seqNames.map((n) => {
      const q = row.sequential[n];
      if (q.horizon === null) return '> horizon';
      return `${unitLabel(q.medianStop as number)} / ${unitLabel(Math.round(q.meanStop as number))} (${unitLabel(q.horizon)})`;
    });
    lines.push(`| ${pct(row.power)} | ${fixedCells.join(' | ')} | ${seqCells.join(' | ')} |`);
  }
  lines.push('');
  for (const n of seqNames) {
    const q = block.sequential[n] as { powerAtHorizon: Rate; medianDetectionLook: { median: number | null; lower95: number | null; upper95: number | null } };
    const m = q.medianDetectionLook;
    lines.push(`- ${n}: detected by the last look in ${rateCell(q.powerAtHorizon)} of runs; median detection ${m.median === null ? 'beyond the horizon' : `${unitLabel(m.median)} (95%: ${m.lower95 === null ? '?' : unitLabel(m.lower95)}–${m.upper95 === null ? 'beyond' : unitLabel(m.upper95)})`}.`);
  }
  lines.push('');
};
abTables('A/B latency +5%', results.abLatency, [10, 20, 30, 40, 60, 80, 100, 120], (look) => `${look * results.abLatency.perLook}`);
abTables('A/B error rate 2× at a 1% stage', results.abCounts as unknown as ReturnType<typeof abLatency>, [2, 5, 10, 15, 20, 30, 50, 100], (look) => `${look * results.abCounts.perLook}`);
lines.push(`Total simulation time: ${results.seconds.toFixed(1)} s (Node ${process.version}).`);
process.stdout.write(lines.join('\n') + '\n');
