/**
 * Adjusts p-values for multiple comparisons across SLIs. `holm`: Holm's step-down method (controls the
 * family-wise error rate); `bh`: Benjamini–Hochberg step-up (controls the false discovery rate); `none`: as is.
 * Nulls (SLIs without a test) are kept and not counted. Results never exceed 1. Same as R's `p.adjust`.
 *
 * @example
 * ```ts
 * adjustPValues([0.01, 0.04, 0.03], 'holm'); // [0.03, 0.06, 0.06]
 * adjustPValues([0.01, 0.04, 0.03], 'bh');   // [0.03, 0.04, 0.04]
 * ```
 */
export function adjustPValues(pValues: ReadonlyArray<number | null>, method: 'none' | 'holm' | 'bh'): Array<number | null> {
  const out = pValues.slice();
  if (method === 'none') return out;
  const idx: number[] = [];
  pValues.forEach((p, i) => {
    if (p !== null) idx.push(i);
  });
  const m = idx.length;
  if (m === 0) return out;
  idx.sort((a, b) => (pValues[a] as number) - (pValues[b] as number));
  if (method === 'holm') {
    let running = 0;
    idx.forEach((i, rank) => {
      running = Math.max(running, Math.min(1, (m - rank) * (pValues[i] as number)));
      out[i] = running;
    });
  } else {
    let running = 1;
    for (let rank = m - 1; rank >= 0; rank--) {
      const i = idx[rank];
      running = Math.min(running, Math.min(1, ((pValues[i] as number) * m) / (rank + 1)));
      out[i] = running;
    }
  }
  return out;
}
