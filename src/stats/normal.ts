/**
 * The standard normal distribution: density, CDF, survival function (upper tail) accurate deep into the
 * tail, their logarithms, and the quantile function (inverse CDF) accurate from p = 1e-300 to 1 − 1e-16.
 *
 * Algorithms (written for canary-judge, checked against scipy.special / scipy.stats.norm in tests):
 * - Upper tail Q(z) = P(Z > z): for 0 ≤ z < 2.5 the everywhere-positive series
 *   Φ(z) − ½ = φ(z) · Σ z^(2k+1) / (1·3·5···(2k+1)) (Abramowitz & Stegun 26.2.11), so Q = ½ − φ·S loses at
 *   most two digits; for z ≥ 2.5 Laplace's continued fraction for Mills' ratio
 *   Q(z) = φ(z) / (z + 1/(z + 2/(z + 3/(z + …)))) (A&S 26.2.14), evaluated by the modified Lentz method.
 *   exp(−z²/2) is evaluated with z split into a short high part and a remainder (as in Cody's `anorm`),
 *   so the relative error stays near machine precision for z up to 38; past z ≈ 38.5 the result underflows
 *   to subnormals and then to 0, as it should.
 * - Quantile: Acklam's rational starting point (relative error 1.15e-9) refined by Halley steps on the
 *   accurate tail function above (W. J. Cody's and P. J. Acklam's approach; accuracy class of Wichura's AS 241).
 *
 * Invalid arguments (NaN) give NaN: these are numeric building blocks; callers validate their inputs.
 * @module
 */

const SQRT_2PI = 2.5066282746310002;
const LOG_SQRT_2PI = 0.9189385332046728;

/** exp(−z²/2) with the square split so that its rounding error does not grow with z (Cody's trick). */
function expHalfSquare(z: number): number {
  const a = Math.abs(z);
  const hi = Math.round(a * 256) / 256; // few significant bits: hi*hi is exact
  const lo = a - hi; // exact
  return Math.exp((-hi * hi) / 2) * Math.exp((-lo * (a + hi)) / 2);
}

/**
 * Standard normal density φ(z) = exp(−z²/2)/√(2π).
 * @example
 * ```ts
 * normalPdf(0); // 0.3989422804014327
 * ```
 */
export function normalPdf(z: number): number {
  if (Number.isNaN(z)) return NaN;
  if (!Number.isFinite(z)) return 0;
  return expHalfSquare(z) / SQRT_2PI;
}

/** Σ z^(2k+1)/(2k+1)!!, so that Φ(z) − ½ = φ(z)·S(z). Used for |z| < 2.5. */
function centralSeries(z: number): number {
  const z2 = z * z;
  let term = z;
  let sum = z;
  for (let k = 1; k < 200; k++) {
    term *= z2 / (2 * k + 1);
    sum += term;
    if (Math.abs(term) < Math.abs(sum) * 1e-17) break;
  }
  return sum;
}

/** Laplace's continued fraction z + 1/(z + 2/(z + 3/(z + …))) by the modified Lentz method; z ≥ 2.5. */
function millsDenominator(z: number): number {
  const tiny = 1e-300;
  let f = z;
  let c = z;
  let d = 0;
  for (let k = 1; k < 5000; k++) {
    // f = b0 + a1/(b1 + a2/(b2 + …)) with a_k = k, b_k = z
    d = z + k * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = z + k / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return f;
}

const SERIES_LIMIT = 2.5;

/**
 * Upper tail Q(z) = P(Z > z) for z ≥ 0 (internal).
 */
function upperTail(z: number): number {
  if (z < SERIES_LIMIT) return 0.5 - normalPdf(z) * centralSeries(z);
  if (z > 40) return 0; // φ(40)/40 ≈ 3.7e-350 underflows anyway
  return normalPdf(z) / millsDenominator(z);
}

/**
 * Survival function Q(z) = P(Z > z) = 1 − Φ(z), computed directly (never as `1 − cdf`), with relative
 * error below 1e-14 for z up to 37 and correct underflow beyond (normalSf(38) ≈ 2.9e-316, normalSf(40) = 0).
 * @example
 * ```ts
 * normalSf(1.959963984540054); // 0.025
 * normalSf(30);                // 4.906713927148187e-198
 * ```
 */
export function normalSf(z: number): number {
  if (Number.isNaN(z)) return NaN;
  if (z === Infinity) return 0;
  if (z === -Infinity) return 1;
  return z >= 0 ? upperTail(z) : 1 - upperTail(-z);
}

/**
 * Cumulative distribution function Φ(z) = P(Z ≤ z); accurate relative to its value in the lower tail
 * (normalCdf(−37) ≈ 5.7e-300).
 * @example
 * ```ts
 * normalCdf(0);  // 0.5
 * normalCdf(-3); // 0.0013498980316300933
 * ```
 */
export function normalCdf(z: number): number {
  return normalSf(-z);
}

/**
 * log Q(z) = log P(Z > z), finite far beyond the underflow of Q itself (normalLogSf(100) ≈ −5005.5).
 * @example
 * ```ts
 * normalLogSf(100); // -5005.524208693469
 * ```
 */
export function normalLogSf(z: number): number {
  if (Number.isNaN(z)) return NaN;
  if (z === Infinity) return -Infinity;
  if (z === -Infinity) return 0;
  if (z < 0) return Math.log1p(-upperTail(-z));
  if (z < SERIES_LIMIT) return Math.log(upperTail(z));
  return (-z * z) / 2 - LOG_SQRT_2PI - Math.log(millsDenominator(z));
}

/**
 * log Φ(z) = log P(Z ≤ z), finite deep in the lower tail (normalLogCdf(−100) ≈ −5005.5).
 * @example
 * ```ts
 * normalLogCdf(-100); // -5005.524208693469
 * ```
 */
export function normalLogCdf(z: number): number {
  return normalLogSf(-z);
}

// Acklam's rational approximation of the normal quantile (starting values only).
const A = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
const B = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
const C = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
const D = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];

/** Acklam's lower-tail starting value, negated: a starting value of z with Q(z) = q, for q ≤ 0.02425. */
function tailStart(q: number): number {
  const t = Math.sqrt(-2 * Math.log(q));
  return -(((((C[0] * t + C[1]) * t + C[2]) * t + C[3]) * t + C[4]) * t + C[5]) / ((((D[0] * t + D[1]) * t + D[2]) * t + D[3]) * t + 1);
}

/** Starting value of z with Φ(z) − ½ = r, for |r| ≤ 0.47575. */
function centralStart(r: number): number {
  const s = r * r;
  return ((((((A[0] * s + A[1]) * s + A[2]) * s + A[3]) * s + A[4]) * s + A[5]) * r) / (((((B[0] * s + B[1]) * s + B[2]) * s + B[3]) * s + B[4]) * s + 1);
}

/** Solve Φ(z) − ½ = r for |r| ≤ 0.25 (|z| ≤ 0.675) with Newton steps on φ(z)·S(z), which is exact in relative terms near 0. */
function centralQuantile(r: number): number {
  if (r === 0) return 0;
  let z = centralStart(r);
  for (let i = 0; i < 6; i++) {
    const step = (normalPdf(z) * centralSeries(z) - r) / normalPdf(z);
    z -= step;
    if (Math.abs(step) <= 1e-16 * Math.abs(z)) break;
  }
  return z;
}

/** Solve Q(z) = q for 0 < q < 0.25 (z > 0.674) with Halley steps on the accurate upper tail. */
function upperQuantile(q: number): number {
  let z = q < 0.02425 ? tailStart(q) : -centralStart(q - 0.5);
  for (let i = 0; i < 8; i++) {
    const u = (upperTail(z) - q) / normalPdf(z);
    const step = u / (1 - (z * u) / 2);
    z += step;
    if (Math.abs(step) <= 4e-16 * z) break;
  }
  return z;
}

/**
 * Quantile function (inverse CDF) Φ⁻¹(p): the z with P(Z ≤ z) = p. Relative error below 1e-13 for
 * p in [1e-300, 1 − 1e-16]; p = 0 → −Infinity, p = 1 → +Infinity, p outside [0, 1] or NaN → NaN.
 * For small *upper* tail probabilities pass them to {@link normalIsf} instead of computing 1 − q.
 * @example
 * ```ts
 * normalQuantile(0.975);  // 1.959963984540054
 * normalQuantile(1e-300); // -37.047096499542325
 * ```
 */
export function normalQuantile(p: number): number {
  if (Number.isNaN(p) || p < 0 || p > 1) return NaN;
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  if (p >= 0.25 && p <= 0.75) return centralQuantile(p - 0.5); // p − 0.5 is exact here (Sterbenz)
  if (p < 0.25) return -upperQuantile(p);
  return upperQuantile(1 - p); // exact for p ≥ 0.5
}

/**
 * Inverse survival function: the z with P(Z > z) = q, accurate for tiny q (normalIsf(1e-300) ≈ 37.05).
 * @example
 * ```ts
 * normalIsf(0.025); // 1.959963984540054
 * ```
 */
export function normalIsf(q: number): number {
  if (Number.isNaN(q) || q < 0 || q > 1) return NaN;
  if (q === 0) return Infinity;
  if (q === 1) return -Infinity;
  if (q >= 0.25 && q <= 0.75) return centralQuantile(0.5 - q);
  if (q < 0.25) return upperQuantile(q);
  return -upperQuantile(1 - q);
}
