/**
 * `value; // => expected` in a documentation block becomes `docExpect(() => value, 'expected', line)`.
 *
 * The expected text is a JavaScript expression. Numbers match to the precision written (`0.05714` accepts
 * anything within ±0.000005), objects match on the keys written (a subset), arrays element by element,
 * everything else with `Object.is`.
 */

function tolerance(expected: number): number {
  const s = String(expected);
  const m = /^-?\d*(?:\.(\d+))?(?:e([+-]\d+))?$/i.exec(s);
  if (!m) return 0;
  const decimals = m[1]?.length ?? 0;
  const exponent = m[2] ? Number(m[2]) : 0;
  if (decimals === 0 && exponent === 0) return 0; // an integer: exact
  return 0.5 * 10 ** (exponent - decimals) * (1 + 1e-9);
}

function mismatch(actual: unknown, expected: unknown, path: string): string | null {
  if (typeof expected === 'number' && typeof actual === 'number') {
    if (Number.isNaN(expected)) return Number.isNaN(actual) ? null : `${path}: expected NaN, got ${actual}`;
    return Math.abs(actual - expected) <= tolerance(expected) ? null : `${path}: expected ${expected}, got ${actual}`;
  }
  if (Array.isArray(expected)) {
    const a = actual as ArrayLike<unknown> | null;
    if (a === null || typeof a !== 'object' || typeof a.length !== 'number') return `${path}: expected an array, got ${JSON.stringify(actual)}`;
    if (a.length !== expected.length) return `${path}: expected ${expected.length} elements, got ${a.length}`;
    for (let i = 0; i < expected.length; i++) {
      const m = mismatch(a[i], expected[i], `${path}[${i}]`);
      if (m) return m;
    }
    return null;
  }
  if (expected !== null && typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object') return `${path}: expected an object, got ${JSON.stringify(actual)}`;
    for (const [k, v] of Object.entries(expected)) {
      const m = mismatch((actual as Record<string, unknown>)[k], v, `${path}.${k}`);
      if (m) return m;
    }
    return null;
  }
  return Object.is(actual, expected) ? null : `${path}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`;
}

/** Checks a documented value against the text after `// =>`; throws with the doc's line on a mismatch. */
export function docExpect(value: () => unknown, expectedText: string, where: string): void {
  let expected: unknown;
  try {
    expected = new Function(`return (${expectedText});`)();
  } catch (e) {
    throw new Error(`${where}: cannot read the expected value after // => (${expectedText}): ${(e as Error).message}`);
  }
  const actual = value();
  const m = mismatch(actual, expected, 'value');
  if (m) throw new Error(`${where}: // => ${expectedText}: ${m}`);
}

export { mismatch as docMismatch };
