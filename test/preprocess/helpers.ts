import { expect } from 'vitest';

/** Asserts that `actual` matches `expected` element-wise; `null` in `expected` (JSON for NaN) means NaN. */
export function expectSeries(actual: ArrayLike<number>, expected: ReadonlyArray<number | null>, relTol = 1e-12): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    const e = expected[i];
    const a = actual[i];
    if (e === null) {
      if (!Number.isNaN(a)) throw new Error(`index ${i}: expected NaN, got ${a}`);
      continue;
    }
    const tol = relTol * Math.max(1, Math.abs(e));
    if (!(Math.abs(a - e) <= tol)) throw new Error(`index ${i}: expected ${e}, got ${a} (tolerance ${tol})`);
  }
}

/** Converts a JSON array (null = NaN) into numbers. */
export function fromJson(values: ReadonlyArray<number | null>): number[] {
  return values.map((v) => (v === null ? NaN : v));
}
