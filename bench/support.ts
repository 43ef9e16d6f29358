/**
 * Pieces every benchmark shares: a seeded PRNG, the median of a Benchmark.js sample, and a promise around a
 * suite run. (Benchmarks only; the library itself has no randomness.)
 * @module
 */
import type Benchmark from 'benchmark';

/** mulberry32: a small, fast, seeded PRNG returning uniforms in [0, 1); the same stream on every platform. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Median of a benchmark's timing sample, in seconds (the machine is noisy: we quote medians). */
export function median(b: Benchmark): number {
  const s = [...b.stats.sample].sort((p, q) => p - q);
  return s[Math.floor(s.length / 2)];
}

/** Runs a suite, printing each cycle, and resolves with its benchmarks. */
export function runSuite(suite: Benchmark.Suite): Promise<Benchmark[]> {
  return new Promise((resolve) => {
    suite
      .on('cycle', (e: Benchmark.Event) => console.log('  ' + String(e.target)))
      .on('complete', function (this: Benchmark.Suite) {
        resolve(Array.from(this as unknown as ArrayLike<Benchmark>));
      })
      .run();
  });
}
