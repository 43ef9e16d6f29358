/**
 * Benchmark of the whole judge: 50 SLIs × (10⁴ baseline + 10⁴ canary) points (lognormal latencies, a few with a
 * regression), the target being < 100 ms on this machine. Run: npx tsx bench/judge.bench.ts
 */
import Benchmark from 'benchmark';
import { writeFileSync, mkdirSync } from 'node:fs';
import { judge } from '../src/judge/judge.js';
import type { JudgeConfig, JudgeData } from '../src/judge/types.js';
import { mulberry32 } from './support.js';

const u = mulberry32(1);
const normal = () => Math.sqrt(-2 * Math.log(u() || 1e-300)) * Math.cos(2 * Math.PI * u());
const lognormal = (n: number, median: number) => Float64Array.from({ length: n }, () => median * Math.exp(0.4 * normal()));

const N = 10_000;
const SLIS = 50;
const config: JudgeConfig = { slis: Array.from({ length: SLIS }, (_, i) => ({ name: `sli_${i}`, allowedIncrease: 0.05 })) };
const data: JudgeData = {};
for (let i = 0; i < SLIS; i++) data[`sli_${i}`] = { baseline: lognormal(N, 100), canary: lognormal(N, i % 10 === 0 ? 110 : 100) };

const verdict = judge(config, data);
console.log(`verdict: ${verdict.verdict}, score ${verdict.score}`);

const suite = new Benchmark.Suite();
suite
  .add(`judge ${SLIS} SLIs x (${N}+${N})`, () => judge(config, data), { minSamples: 20 })
  .on('cycle', (e: Benchmark.Event) => console.log(String(e.target)))
  .on('complete', function (this: Benchmark.Suite) {
    const b = (this as unknown as Benchmark[])[0];
    const sorted = [...b.stats.sample].sort((x, y) => x - y);
    const median = sorted[Math.floor(sorted.length / 2)] * 1000;
    console.log(`median ${median.toFixed(1)} ms per judge() call (target < 100 ms)`);
    mkdirSync('bench/results', { recursive: true });
    writeFileSync(
      'bench/results/judge.json',
      JSON.stringify({ name: b.name, medianMs: median, meanMs: b.stats.mean * 1000, rme: b.stats.rme, samples: sorted.length, node: process.version, date: new Date().toISOString() }, null, 2) + '\n',
    );
  })
  .run();
