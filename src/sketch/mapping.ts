/**
 * Bucket mappings of a {@link LogHistogram}: how a value becomes a bucket index and back.
 *
 * Three kinds, one index convention:
 * - `gamma` (DDSketch-style relative accuracy, Masson, Rim & Lee, "DDSketch: a fast and fully-mergeable
 *   quantile sketch with relative-error guarantees", VLDB 2019): γ = (1 + a)/(1 − a); bucket `i` of the
 *   positive (or negative, by magnitude) store covers (γ^i, γ^(i+1)]. Every value in a bucket is within
 *   relative distance `a` of the bucket's representative 2γ^(i+1)/(1 + γ). (DDSketch itself numbers the same
 *   bucket i + 1; the grid is the same.)
 * - `exponential` (OpenTelemetry exponential histograms, Prometheus native histograms): base =
 *   2^(2^−scale); bucket `i` covers (base^i, base^(i+1)], exactly the OTLP `ExponentialHistogramDataPoint`
 *   convention (Prometheus numbers the same bucket i + 1). The relative accuracy is (base − 1)/(base + 1)
 *   (scale 0: 1/3; scale 3: 4.3%; scale 5: 1.08%; scale 6: 0.54%). Grids of different scales nest, so
 *   histograms of different scales merge exactly by *downscaling* the finer one: index i → ⌊i / 2^k⌋.
 * - `explicit` (classic Prometheus `le` buckets, OTLP explicit-bounds histograms, Prometheus native
 *   histograms with custom buckets, schema −53): sorted finite upper bounds b₀ < b₁ < … < b_{n−1};
 *   bucket `i` covers (b_{i−1}, b_i] with b_{−1} = −∞ and b_n = +∞ (the Prometheus NHCB convention).
 *   Only the positive store is used (its index is the bucket number, whatever the sign of the values).
 *
 * γ-grids and exponential grids are different grids (γ is not a power-of-two root), so they do not merge
 * without loss; use {@link rebucketHistogram} when you must, and accept the documented extra error.
 * @module
 */
import { CanaryJudgeError } from '../errors.js';

/** The serialisable description of a mapping (what `toJSON` writes). */
export type HistogramMappingSpec =
  | { kind: 'gamma'; relativeAccuracy: number }
  | { kind: 'exponential'; scale: number }
  | { kind: 'explicit'; bounds: number[] };

/** Smallest and largest scale accepted for exponential mappings (the OTLP range). */
export const MIN_SCALE = -10;
/** @see MIN_SCALE */
export const MAX_SCALE = 20;

/**
 * A compiled mapping. Internal: the public surface is {@link HistogramMappingSpec} and the
 * {@link LogHistogram} methods.
 * @internal
 */
export interface Mapping {
  readonly spec: HistogramMappingSpec;
  /** Upper bound of the relative error of the representative value (null for explicit bounds). */
  readonly relativeAccuracy: number | null;
  /** Index of a magnitude m > 0 (for explicit: of a value of any sign). */
  index(m: number): number;
  /** Lower (exclusive) edge of bucket i, as a magnitude (explicit: as a value; −Infinity for i = 0). */
  lower(i: number): number;
  /** Upper (inclusive) edge of bucket i (explicit: +Infinity for i = n). */
  upper(i: number): number;
  /** Representative value of bucket i (magnitude) with relative error ≤ relativeAccuracy. */
  value(i: number): number;
}

// Scratch view for exponent extraction (not observable state: written and read within one call).
const F64 = new Float64Array(1);
const U32 = new Uint32Array(F64.buffer);
const LITTLE = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const HI = LITTLE ? 1 : 0;
const LO = LITTLE ? 0 : 1;
const TWO52 = 4503599627370496;

/**
 * Index at scale 0 of a finite m > 0, exact: bucket (2^i, 2^(i+1)], so an exact power of two 2^e gets
 * e − 1. Uses the IEEE-754 exponent bits (subnormals rescaled first).
 * @internal
 */
export function indexScale0(m: number): number {
  let bias = 0;
  if (m < 2.2250738585072014e-308) {
    m *= TWO52;
    bias = 52;
  }
  F64[0] = m;
  const hi = U32[HI];
  const lo = U32[LO];
  const e = ((hi >>> 20) & 0x7ff) - 1023 - bias;
  const mantissaZero = (hi & 0xfffff) === 0 && lo === 0;
  return mantissaZero ? e - 1 : e;
}

/** True when m is an exact power of two (m > 0 finite). @internal */
export function isPowerOfTwo(m: number): boolean {
  if (m < 2.2250738585072014e-308) m *= TWO52;
  F64[0] = m;
  return (U32[HI] & 0xfffff) === 0 && U32[LO] === 0;
}

function gammaMapping(a: number): Mapping {
  const gamma = (1 + a) / (1 - a);
  const lnGamma = Math.log1p((2 * a) / (1 - a));
  const inv = 1 / lnGamma;
  const repFactor = (2 * gamma) / (1 + gamma);
  return {
    spec: { kind: 'gamma', relativeAccuracy: a },
    relativeAccuracy: a,
    index: (m) => Math.ceil(Math.log(m) * inv) - 1,
    lower: (i) => Math.exp(i * lnGamma),
    upper: (i) => Math.exp((i + 1) * lnGamma),
    value: (i) => Math.exp(i * lnGamma) * repFactor,
  };
}

function exponentialMapping(scale: number): Mapping {
  const base = Math.pow(2, Math.pow(2, -scale));
  const step = Math.pow(2, -scale); // log2 width of one bucket
  const factor = Math.pow(2, scale) / Math.LN2;
  const repFactor = (2 * base) / (1 + base);
  const index =
    scale <= 0
      ? (m: number) => indexScale0(m) >> -scale
      : (m: number) => {
          const x = Math.log(m) * factor;
          const c = Math.ceil(x);
          // Exact powers of two are bucket upper edges; the log may land a hair above the integer.
          if (c - x < 1e-6 || c - x > 1 - 1e-6) {
            if (isPowerOfTwo(m)) return ((indexScale0(m) + 1) * (1 << scale)) - 1;
          }
          return c - 1;
        };
  const rel = (base - 1) / (base + 1);
  // Edge base^i = 2^(i/2^scale): split into an exact power of two and 2^(r/2^scale) with r in
  // [0, 2^scale), which Math.pow returns correctly rounded (a negative fractional exponent may not be).
  const n = scale > 0 ? Math.pow(2, scale) : 1;
  const edge =
    scale > 0
      ? (i: number) => {
          const q = Math.floor(i / n);
          const r = i - q * n;
          const p = Math.pow(2, r / n);
          return q < -1000 ? p * Math.pow(2, q + 100) * Math.pow(2, -100) : p * Math.pow(2, q);
        }
      : (i: number) => Math.pow(2, i * step);
  return {
    spec: { kind: 'exponential', scale },
    relativeAccuracy: rel,
    index,
    lower: edge,
    upper: (i) => edge(i + 1),
    value: (i) => edge(i) * repFactor,
  };
}

function explicitMapping(bounds: number[]): Mapping {
  const b = bounds.slice();
  const n = b.length;
  return {
    spec: { kind: 'explicit', bounds: b.slice() },
    relativeAccuracy: null,
    index: (v) => {
      // first i with v <= b[i]; n when v > b[n-1]
      let lo = 0;
      let hi = n;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (v <= b[mid]) hi = mid;
        else lo = mid + 1;
      }
      return lo;
    },
    lower: (i) => (i <= 0 ? -Infinity : b[i - 1]),
    upper: (i) => (i >= n ? Infinity : b[i]),
    value: (i) => {
      const lo = i <= 0 ? -Infinity : b[i - 1];
      const hi = i >= n ? Infinity : b[i];
      if (lo === -Infinity) return hi;
      if (hi === Infinity) return lo;
      return lo + (hi - lo) / 2;
    },
  };
}

/**
 * Validates a mapping spec and compiles it. Throws `CanaryJudgeError('INVALID_ARGUMENT', …, path)`.
 * @internal
 */
export function compileMapping(spec: HistogramMappingSpec, path = 'mapping'): Mapping {
  if (spec === null || typeof spec !== 'object') {
    throw new CanaryJudgeError('INVALID_ARGUMENT', `${path} must be an object`, path);
  }
  switch (spec.kind) {
    case 'gamma': {
      const a = spec.relativeAccuracy;
      if (typeof a !== 'number' || !(a > 0 && a < 1)) {
        throw new CanaryJudgeError(
          'INVALID_ARGUMENT',
          `${path}.relativeAccuracy must be a number in (0, 1), got ${String(a)}`,
          `${path}.relativeAccuracy`,
        );
      }
      return gammaMapping(a);
    }
    case 'exponential': {
      const s = spec.scale;
      if (typeof s !== 'number' || !Number.isInteger(s) || s < MIN_SCALE || s > MAX_SCALE) {
        throw new CanaryJudgeError(
          'INVALID_ARGUMENT',
          `${path}.scale must be an integer in [${MIN_SCALE}, ${MAX_SCALE}], got ${String(s)}`,
          `${path}.scale`,
        );
      }
      return exponentialMapping(s);
    }
    case 'explicit': {
      const b = spec.bounds;
      if (!Array.isArray(b) || b.length === 0) {
        throw new CanaryJudgeError('INVALID_ARGUMENT', `${path}.bounds must be a non-empty array of finite numbers`, `${path}.bounds`);
      }
      for (let i = 0; i < b.length; i++) {
        if (typeof b[i] !== 'number' || !Number.isFinite(b[i])) {
          throw new CanaryJudgeError('INVALID_ARGUMENT', `${path}.bounds[${i}] must be a finite number, got ${String(b[i])}`, `${path}.bounds[${i}]`);
        }
        if (i > 0 && !(b[i] > b[i - 1])) {
          throw new CanaryJudgeError('INVALID_ARGUMENT', `${path}.bounds must be strictly increasing (bounds[${i}] = ${b[i]} ≤ bounds[${i - 1}] = ${b[i - 1]})`, `${path}.bounds[${i}]`);
        }
      }
      return explicitMapping(b);
    }
    default:
      throw new CanaryJudgeError(
        'INVALID_ARGUMENT',
        `${path}.kind must be 'gamma', 'exponential' or 'explicit', got ${String((spec as { kind?: unknown }).kind)}`,
        `${path}.kind`,
      );
  }
}

/**
 * The relative accuracy (base − 1)/(base + 1), base = 2^(2^−scale), of an exponential (OTel / Prometheus)
 * mapping: every value in a bucket is within this relative distance of the bucket's representative.
 * @example
 * ```ts
 * scaleRelativeAccuracy(0); // 0.3333333333333333 (buckets (1,2], (2,4], …)
 * scaleRelativeAccuracy(5); // 0.010830... (close to the 1% default of the γ-mapping)
 * ```
 */
export function scaleRelativeAccuracy(scale: number): number {
  const base = Math.pow(2, Math.pow(2, -scale));
  return (base - 1) / (base + 1);
}

/**
 * The smallest (coarsest, so most compact) exponential scale whose relative accuracy is at most
 * `relativeAccuracy`, capped to [-10, 20].
 * @example
 * ```ts
 * scaleForRelativeAccuracy(0.01); // 6  (accuracy 0.54%; scale 5 gives 1.08% > 1%)
 * ```
 */
export function scaleForRelativeAccuracy(relativeAccuracy: number): number {
  for (let s = MIN_SCALE; s < MAX_SCALE; s++) if (scaleRelativeAccuracy(s) <= relativeAccuracy) return s;
  return MAX_SCALE;
}

/** Deep equality of two mapping specs. @internal */
export function sameMapping(a: HistogramMappingSpec, b: HistogramMappingSpec): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'gamma') return a.relativeAccuracy === (b as typeof a).relativeAccuracy;
  if (a.kind === 'exponential') return a.scale === (b as typeof a).scale;
  const bb = (b as { bounds: number[] }).bounds;
  if (a.bounds.length !== bb.length) return false;
  for (let i = 0; i < bb.length; i++) if (a.bounds[i] !== bb[i]) return false;
  return true;
}
