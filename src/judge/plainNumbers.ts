/**
 * The judge's guarantee that results are plain JSON: every number finite (NaN and ±Infinity become null) and
 * −0 written as 0, in the free-form parts of a result (summary, details, effect). Returns a new object.
 */
export function plainNumbers<T extends object>(record: T): T {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record as Record<string, unknown>)) {
    if (typeof value === 'number') out[key] = Number.isFinite(value) ? (value === 0 ? 0 : value) : null;
    else out[key] = value;
  }
  return out as T;
}
