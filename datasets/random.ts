/**
 * A small, fast, seeded pseudo-random number generator for demo data, benchmarks and tests.
 *
 * Generator: **xoshiro128\*\*** (Blackman & Vigna, "Scrambled linear pseudorandom number generators",
 * ACM TOMS 47(4), 2021; reference C code at prng.di.unimi.it), a 128-bit-state generator with 32-bit outputs
 * that passes BigCrush and PractRand. Its state is seeded from the seed by **SplitMix64** (Steele, Lea &
 * Flood, OOPSLA 2014), as Vigna recommends: two SplitMix64 outputs give the four 32-bit state words
 * (low half first).
 *
 * Determinism: the integer stream ({@link Random.nextUint32}) and the uniforms ({@link Random.uniform}, 53
 * random bits as in Matsumoto & Nishimura's `genrand_res53`) are bit-exact in every JavaScript engine on every
 * platform: they use only 32-bit integer arithmetic (`Math.imul`, shifts) and exact floating-point operations.
 * The other distributions also use `Math.sqrt` (correctly rounded, so exact everywhere), `Math.log` and
 * `Math.exp`. ECMAScript does not require those two to be correctly rounded; V8 (Node, Chrome, Deno) and
 * SpiderMonkey both use fdlibm ports for them, so the streams agree across platforms for a given engine; an
 * engine with a different `Math.log` could differ in the last bit, and rarely in an accept/reject step.
 * The normal generator is Marsaglia's polar method precisely to avoid `Math.sin`/`Math.cos`.
 *
 * This file is for demo data and tests only; it is not part of the published library and is not
 * cryptographically secure.
 * @module
 */
import { CanaryJudgeError } from '../src/errors.js';
import { logGamma } from '../src/stats/logGamma.js';

/** A seeded random stream. Every method draws from the same underlying xoshiro128** stream. */
export interface Random {
  /** The next 32-bit unsigned integer of the xoshiro128** stream (0 … 2³² − 1). */
  nextUint32(): number;
  /** A uniform number in [min, max) (default [0, 1)) with 53 random bits. */
  uniform(min?: number, max?: number): number;
  /** A uniform integer in [min, max] (both inclusive), unbiased (rejection sampling); max − min < 2³². */
  int(min: number, max: number): number;
  /** true with probability p. */
  bernoulli(p: number): boolean;
  /** A normal variate N(mean, sd²) (Marsaglia's polar method; the second value of each pair is kept for the next call). */
  normal(mean?: number, sd?: number): number;
  /** A lognormal variate exp(N(mu, sigma²)): its median is e^mu. */
  lognormal(mu?: number, sigma?: number): number;
  /** An exponential variate with the given rate (mean 1/rate), by inversion. */
  exponential(rate?: number): number;
  /** A Pareto (type I) variate: P(X > x) = (scale/x)^shape for x ≥ scale, by inversion. */
  pareto(scale: number, shape: number): number;
  /** A Poisson variate with mean lambda: inversion for lambda < 10, Hörmann's PTRS otherwise. */
  poisson(lambda: number): number;
  /** A binomial variate (n trials, success probability p): inversion for n·min(p, 1−p) < 10, Hörmann's BTRS otherwise. */
  binomial(n: number, p: number): number;
  /** `length` draws of `draw` in a Float64Array. */
  sample(length: number, draw: (rng: Random) => number): Float64Array;
  /**
   * A stationary Gaussian AR(1) series x[t] = mean + phi·(x[t−1] − mean) + ε[t], with ε ~ N(0, sd²·(1 − phi²)) so
   * that every x[t] has marginal sd `sd`; x[0] is drawn from the stationary distribution N(mean, sd²).
   */
  ar1(options: Ar1Options): Float64Array;
}

/** Options of {@link Random.ar1}. */
export interface Ar1Options {
  /** Number of points. */
  length: number;
  /** Autocorrelation at lag 1, −1 < phi < 1. */
  phi: number;
  /** Stationary mean (default 0). */
  mean?: number;
  /** Stationary (marginal) standard deviation (default 1). */
  sd?: number;
}

const MASK64 = (1n << 64n) - 1n;
const GOLDEN_GAMMA = 0x9e3779b97f4a7c15n;

/**
 * SplitMix64 (Steele, Lea & Flood 2014): the generator Vigna recommends for seeding xoshiro. Returns the
 * next output and the new state (64-bit values as bigint).
 *
 * @example
 * ```ts
 * splitMix64(0n).value.toString(16); // 'e220a8397b1dcdaf' (the reference C code's first output for seed 0)
 * ```
 */
export function splitMix64(state: bigint): { value: bigint; state: bigint } {
  const next = (state + GOLDEN_GAMMA) & MASK64;
  let z = next;
  z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK64;
  z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK64;
  return { value: z ^ (z >> 31n), state: next };
}

function checkFinite(value: number, name: string): void {
  if (!Number.isFinite(value)) throw new CanaryJudgeError('INVALID_ARGUMENT', `${name} must be a finite number, got ${value}`, name);
}

/**
 * Creates a seeded random stream (xoshiro128** seeded by SplitMix64). The same seed gives the same numbers
 * on every platform (see the module notes on `Math.log`/`Math.exp`).
 *
 * @param seed a non-negative safe integer or a bigint (taken modulo 2⁶⁴).
 * @example
 * ```ts
 * const rng = createRandom(42);
 * rng.nextUint32();          // 1776835114, as the reference C code (test/datasets/xoshiro-reference.c)
 * const latencies = rng.sample(1000, (r) => r.lognormal(Math.log(120), 0.4)); // median ≈ 120 ms
 * ```
 */
export function createRandom(seed: number | bigint): Random {
  let seed64: bigint;
  if (typeof seed === 'bigint') seed64 = seed & MASK64;
  else {
    if (!Number.isSafeInteger(seed) || seed < 0) {
      throw new CanaryJudgeError('INVALID_ARGUMENT', `seed must be a non-negative safe integer or a bigint, got ${seed}`, 'seed');
    }
    seed64 = BigInt(seed);
  }
  const first = splitMix64(seed64);
  const second = splitMix64(first.state);
  let s0 = Number(first.value & 0xffffffffn) >>> 0;
  let s1 = Number(first.value >> 32n) >>> 0;
  let s2 = Number(second.value & 0xffffffffn) >>> 0;
  let s3 = Number(second.value >> 32n) >>> 0;
  // SplitMix64 is a bijection, so the two outputs are never both zero; xoshiro's only forbidden state is all zeros.
  let spare: number | null = null;

  const nextUint32 = (): number => {
    const x = Math.imul(s1, 5);
    const result = Math.imul((x << 7) | (x >>> 25), 9) >>> 0;
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = (s3 << 11) | (s3 >>> 21);
    return result;
  };

  /** 53 random bits in [0, 1): 27 bits of one output and 26 of the next (genrand_res53). */
  const unit = (): number => {
    const a = nextUint32() >>> 5;
    const b = nextUint32() >>> 6;
    return (a * 67108864 + b) / 9007199254740992;
  };

  const rng: Random = {
    nextUint32,
    uniform(min = 0, max = 1) {
      return min + (max - min) * unit();
    },
    int(min, max) {
      if (!Number.isSafeInteger(min) || !Number.isSafeInteger(max) || max < min || max - min >= 4294967296) {
        throw new CanaryJudgeError('INVALID_ARGUMENT', `int needs integers min ≤ max with max − min < 2^32, got ${min}, ${max}`, 'max');
      }
      const range = max - min + 1;
      // reject the top partial block so every residue is equally likely
      const limit = range === 4294967296 ? range : Math.floor(4294967296 / range) * range;
      let x = nextUint32();
      while (x >= limit) x = nextUint32();
      return min + (x % range);
    },
    bernoulli(p) {
      if (!(p >= 0 && p <= 1)) throw new CanaryJudgeError('INVALID_ARGUMENT', `p must be in [0, 1], got ${p}`, 'p');
      return unit() < p;
    },
    normal(mean = 0, sd = 1) {
      if (spare !== null) {
        const z = spare;
        spare = null;
        return mean + sd * z;
      }
      let u: number;
      let v: number;
      let s: number;
      do {
        u = 2 * unit() - 1;
        v = 2 * unit() - 1;
        s = u * u + v * v;
      } while (s >= 1 || s === 0);
      const f = Math.sqrt((-2 * Math.log(s)) / s);
      spare = v * f;
      return mean + sd * u * f;
    },
    lognormal(mu = 0, sigma = 1) {
      return Math.exp(rng.normal(mu, sigma));
    },
    exponential(rate = 1) {
      if (!(rate > 0)) throw new CanaryJudgeError('INVALID_ARGUMENT', `rate must be > 0, got ${rate}`, 'rate');
      return -Math.log(1 - unit()) / rate;
    },
    pareto(scale, shape) {
      if (!(scale > 0) || !(shape > 0)) {
        throw new CanaryJudgeError('INVALID_ARGUMENT', `pareto needs scale > 0 and shape > 0, got ${scale}, ${shape}`, 'shape');
      }
      return scale * Math.exp(-Math.log(1 - unit()) / shape);
    },
    poisson(lambda) {
      checkFinite(lambda, 'lambda');
      if (lambda < 0) throw new CanaryJudgeError('INVALID_ARGUMENT', `lambda must be ≥ 0, got ${lambda}`, 'lambda');
      if (lambda === 0) return 0;
      return lambda < 10 ? poissonInversion(unit, lambda) : poissonPtrs(unit, lambda);
    },
    binomial(n, p) {
      if (!Number.isSafeInteger(n) || n < 0) throw new CanaryJudgeError('INVALID_ARGUMENT', `n must be a non-negative integer, got ${n}`, 'n');
      if (!(p >= 0 && p <= 1)) throw new CanaryJudgeError('INVALID_ARGUMENT', `p must be in [0, 1], got ${p}`, 'p');
      if (n === 0 || p === 0) return 0;
      if (p === 1) return n;
      if (p > 0.5) return n - binomialSmallP(unit, n, 1 - p);
      return binomialSmallP(unit, n, p);
    },
    sample(length, draw) {
      if (!Number.isSafeInteger(length) || length < 0) {
        throw new CanaryJudgeError('INVALID_ARGUMENT', `length must be a non-negative integer, got ${length}`, 'length');
      }
      const out = new Float64Array(length);
      for (let i = 0; i < length; i++) out[i] = draw(rng);
      return out;
    },
    ar1({ length, phi, mean = 0, sd = 1 }) {
      if (!Number.isSafeInteger(length) || length < 0) {
        throw new CanaryJudgeError('INVALID_ARGUMENT', `length must be a non-negative integer, got ${length}`, 'length');
      }
      if (!(phi > -1 && phi < 1)) throw new CanaryJudgeError('INVALID_ARGUMENT', `phi must be in (−1, 1), got ${phi}`, 'phi');
      checkFinite(mean, 'mean');
      if (!(sd >= 0) || !Number.isFinite(sd)) throw new CanaryJudgeError('INVALID_ARGUMENT', `sd must be ≥ 0, got ${sd}`, 'sd');
      const out = new Float64Array(length);
      const innovation = sd * Math.sqrt(1 - phi * phi);
      let x = rng.normal(0, sd);
      for (let i = 0; i < length; i++) {
        if (i > 0) x = phi * x + rng.normal(0, innovation);
        out[i] = mean + x;
      }
      return out;
    },
  };
  return rng;
}

/** Poisson by sequential search of the CDF from 0 (one uniform per draw; λ < 10 keeps e^−λ and the walk short). */
function poissonInversion(unit: () => number, lambda: number): number {
  let u = unit();
  let p = Math.exp(-lambda);
  let k = 0;
  // u − P(0) − P(1) − … ; the bound guards against round-off leaving u above the total mass
  while (u > p && k < 1000) {
    u -= p;
    k++;
    p *= lambda / k;
  }
  return k;
}

/**
 * Hörmann's PTRS, "The transformed rejection method for generating Poisson random variables" (Insurance:
 * Mathematics and Economics 12, 1993): transformed rejection with a squeeze; for λ ≥ 10.
 */
function poissonPtrs(unit: () => number, lambda: number): number {
  const sqrtLambda = Math.sqrt(lambda);
  const logLambda = Math.log(lambda);
  const b = 0.931 + 2.53 * sqrtLambda;
  const a = -0.059 + 0.02483 * b;
  const invAlpha = 1.1239 + 1.1328 / (b - 3.4);
  const vr = 0.9277 - 3.6224 / (b - 2);
  for (;;) {
    const u = unit() - 0.5;
    const v = unit();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + lambda + 0.43);
    if (us >= 0.07 && v <= vr) return k;
    if (k < 0 || (us < 0.013 && v > us)) continue;
    if (Math.log(v) + Math.log(invAlpha) - Math.log(a / (us * us) + b) <= -lambda + k * logLambda - logGamma(k + 1)) return k;
  }
}

/** Binomial for 0 < p ≤ ½: inversion when n·p < 10, else BTRS. */
function binomialSmallP(unit: () => number, n: number, p: number): number {
  const q = 1 - p;
  if (n * p < 10) {
    // sequential search from 0: P(0) = qⁿ, P(k) = P(k−1)·(n−k+1)/k·p/q
    let u = unit();
    let prob = Math.exp(n * Math.log1p(-p));
    let k = 0;
    const odds = p / q;
    while (u > prob && k < n) {
      u -= prob;
      k++;
      prob *= ((n - k + 1) / k) * odds;
    }
    return k;
  }
  // Hörmann's BTRS, "The generation of binomial random variates" (J. Statist. Comput. Simul. 46, 1993)
  const spq = Math.sqrt(n * p * q);
  const b = 1.15 + 2.53 * spq;
  const a = -0.0873 + 0.0248 * b + 0.01 * p;
  const c = n * p + 0.5;
  const alpha = (2.83 + 5.1 / b) * spq;
  const vr = 0.92 - 4.2 / b;
  const m = Math.floor((n + 1) * p);
  const logOdds = Math.log(p / q);
  const h = logGamma(m + 1) + logGamma(n - m + 1);
  for (;;) {
    const u = unit() - 0.5;
    let v = unit();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + c);
    if (k < 0 || k > n) continue;
    if (us >= 0.07 && v <= vr) return k;
    v = Math.log((v * alpha) / (a / (us * us) + b));
    if (v <= h - logGamma(k + 1) - logGamma(n - k + 1) + (k - m) * logOdds) return k;
  }
}
