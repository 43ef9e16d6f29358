/**
 * Bracketed root finding and minimisation used by the confidence-sequence code (internal).
 *
 * Both are written from the descriptions in R. P. Brent, "Algorithms for Minimization without
 * Derivatives" (1973), chapters 4 (zero) and 5 (localmin): inverse quadratic / secant steps with a
 * guaranteed bisection fallback, and golden-section search with parabolic steps. confseq uses Boost's
 * bisection (2^-39 relative bracket) and `brent_find_minima` for the same jobs; these versions reach the
 * same answers with fewer function evaluations and a tighter tolerance.
 * @module
 */

const EPS = 2.220446049250313e-16;

/** Tolerances for {@link findRoot}. */
export interface RootOptions {
  /** Value of f at `lo`, if already known. */
  readonly fLo?: number;
  /** Value of f at `hi`, if already known. */
  readonly fHi?: number;
  /** Relative x-tolerance (default 4·2⁻⁵² ≈ 8.9e-16). */
  readonly relTol?: number;
  /** Absolute x-tolerance (default 0). */
  readonly absTol?: number;
  /** Iteration cap (default 200; bisection alone halves the bracket each time). */
  readonly maxIter?: number;
}

/**
 * A root of f in [lo, hi], where f(lo) and f(hi) have opposite signs (or one is 0), by Brent's method.
 * Stops when the bracket around the returned point is below relTol·|x| + absTol. Returns NaN when the
 * end values do not bracket a sign change.
 */
export function findRoot(f: (x: number) => number, lo: number, hi: number, options: RootOptions = {}): number {
  const relTol = options.relTol ?? 4 * EPS;
  const absTol = options.absTol ?? 0;
  const maxIter = options.maxIter ?? 200;
  let a = lo;
  let b = hi;
  let fa = options.fLo ?? f(a);
  let fb = options.fHi ?? f(b);
  if (fa === 0) return a;
  if (fb === 0) return b;
  if (!(fa < 0 !== fb < 0) || Number.isNaN(fa) || Number.isNaN(fb)) return NaN;
  let c = a;
  let fc = fa;
  let d = b - a;
  let e = d;
  for (let iter = 0; iter < maxIter; iter++) {
    if (fb < 0 === fc < 0) {
      c = a;
      fc = fa;
      d = b - a;
      e = d;
    }
    if (Math.abs(fc) < Math.abs(fb)) {
      a = b;
      b = c;
      c = a;
      fa = fb;
      fb = fc;
      fc = fa;
    }
    const tol = 0.5 * (relTol * Math.abs(b) + absTol) + EPS * Math.abs(b);
    const m = 0.5 * (c - b);
    if (Math.abs(m) <= tol || fb === 0) return b;
    if (Math.abs(e) < tol || Math.abs(fa) <= Math.abs(fb)) {
      d = m;
      e = m;
    } else {
      const s = fb / fa;
      let p: number;
      let q: number;
      if (a === c) {
        p = 2 * m * s;
        q = 1 - s;
      } else {
        const qa = fa / fc;
        const r = fb / fc;
        p = s * (2 * m * qa * (qa - r) - (b - a) * (r - 1));
        q = (qa - 1) * (r - 1) * (s - 1);
      }
      if (p > 0) q = -q;
      else p = -p;
      if (2 * p < Math.min(3 * m * q - Math.abs(tol * q), Math.abs(e * q))) {
        e = d;
        d = p / q;
      } else {
        d = m;
        e = m;
      }
    }
    a = b;
    fa = fb;
    b += Math.abs(d) > tol ? d : m > 0 ? tol : -tol;
    fb = f(b);
    if (Number.isNaN(fb)) return NaN;
  }
  return b;
}

/** Tolerances for {@link findMinimum}. */
export interface MinimumOptions {
  /** Relative x-tolerance (default 1e-10; below √ε ≈ 1.5e-8 only helps for well-scaled functions). */
  readonly relTol?: number;
  /** Absolute x-tolerance (default 1e-12). */
  readonly absTol?: number;
  /** Iteration cap (default 500). */
  readonly maxIter?: number;
}

const GOLDEN = 0.3819660112501051; // (3 − √5)/2

/**
 * A local minimum of f on [lo, hi] by Brent's golden-section / parabolic method. Non-finite values of f
 * (e.g. +Infinity near the ends) are allowed: parabolic steps are only taken through finite values.
 */
export function findMinimum(
  f: (x: number) => number,
  lo: number,
  hi: number,
  options: MinimumOptions = {},
): { x: number; fx: number } {
  const relTol = options.relTol ?? 1e-10;
  const absTol = options.absTol ?? 1e-12;
  const maxIter = options.maxIter ?? 500;
  let a = lo;
  let b = hi;
  let x = a + GOLDEN * (b - a);
  let w = x;
  let v = x;
  let fx = f(x);
  let fw = fx;
  let fv = fx;
  let d = 0;
  let e = 0;
  for (let iter = 0; iter < maxIter; iter++) {
    const mid = 0.5 * (a + b);
    const tol = relTol * Math.abs(x) + absTol / 3;
    const tol2 = 2 * tol;
    if (Math.abs(x - mid) <= tol2 - 0.5 * (b - a)) break;
    let golden = true;
    if (Math.abs(e) > tol && Number.isFinite(fx) && Number.isFinite(fw) && Number.isFinite(fv)) {
      let r = (x - w) * (fx - fv);
      let q = (x - v) * (fx - fw);
      let p = (x - v) * q - (x - w) * r;
      q = 2 * (q - r);
      if (q > 0) p = -p;
      else q = -q;
      r = e;
      if (Math.abs(p) < Math.abs(0.5 * q * r) && p > q * (a - x) && p < q * (b - x)) {
        e = d;
        d = p / q;
        const u = x + d;
        if (u - a < tol2 || b - u < tol2) d = x < mid ? tol : -tol;
        golden = false;
      }
    }
    if (golden) {
      e = (x < mid ? b : a) - x;
      d = GOLDEN * e;
    }
    const u = x + (Math.abs(d) >= tol ? d : d > 0 ? tol : -tol);
    const fu = f(u);
    if (fu <= fx) {
      if (u < x) b = x;
      else a = x;
      v = w;
      fv = fw;
      w = x;
      fw = fx;
      x = u;
      fx = fu;
    } else {
      if (u < x) a = u;
      else b = u;
      if (fu <= fw || w === x) {
        v = w;
        fv = fw;
        w = u;
        fw = fu;
      } else if (fu <= fv || v === x || v === w) {
        v = u;
        fv = fu;
      }
    }
  }
  return { x, fx };
}
