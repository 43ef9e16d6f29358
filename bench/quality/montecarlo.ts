/**
 * Monte Carlo bookkeeping of the quality harness: proportions with exact (Clopper–Pearson) error bars, seeds
 * derived from names (so a cell's numbers do not depend on which other cells ran), and readable formatting.
 * Pure: no I/O, no clock.
 * @module
 */
import { clopperPearson } from '../../src/stats/binomial.js';
import { createRandom, type Random } from '../../datasets/index.js';

/** A Monte Carlo proportion: `k` events in `n` independent runs, with its 95 % Clopper–Pearson interval. */
export interface Proportion {
  k: number;
  n: number;
  /** k / n (0 when n = 0). */
  rate: number;
  /** 95 % Clopper–Pearson interval of the true rate. */
  lower: number;
  upper: number;
  /** Monte Carlo standard error √(p(1 − p)/n), with p = k/n (the "±" of the tables). */
  se: number;
}

/**
 * k events in n runs as a {@link Proportion} (Clopper & Pearson 1934, via src/stats `clopperPearson`).
 *
 * @example
 * ```ts
 * proportion(12, 1000); // { k: 12, n: 1000, rate: 0.012, lower: 0.0062…, upper: 0.0208…, se: 0.0034… }
 * ```
 */
export function proportion(k: number, n: number): Proportion {
  if (n === 0) return { k: 0, n: 0, rate: 0, lower: 0, upper: 1, se: 0 };
  const ci = clopperPearson(k, n);
  const rate = k / n;
  return { k, n, rate, lower: ci.lower, upper: ci.upper, se: Math.sqrt((rate * (1 - rate)) / n) };
}

/** A percentage with at most `digits` decimals, trailing zeros dropped (0.0123 → "1.2%"). */
export function pct(x: number, digits = 1): string {
  const v = Number((100 * x).toFixed(digits));
  return `${v}%`;
}

/**
 * A proportion for a table: "1.2% ± 0.3%" (± one Monte Carlo standard error); with no event or every run an
 * event, the one-sided bound instead ("0% (≤ 0.7%)"), since a standard error of 0 would claim false precision.
 *
 * @example
 * ```ts
 * formatProportion(proportion(12, 1000)); // '1.2% ± 0.3%'
 * formatProportion(proportion(0, 500));   // '0% (≤ 0.7%)'
 * ```
 */
export function formatProportion(p: Proportion): string {
  if (p.n === 0) return 'n/a';
  if (p.k === 0) return `0% (≤ ${pct(p.upper)})`;
  if (p.k === p.n) return `100% (≥ ${pct(p.lower)})`;
  const digits = p.se < 0.001 ? 2 : 1;
  return `${pct(p.rate, digits)} ± ${pct(p.se, digits)}`;
}

/** FNV-1a 32-bit hash of a string: a stable seed component for a named Monte Carlo cell. */
export function hashName(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/**
 * The random stream of one run of one named cell: seeded by (base seed, cell name, run index), so every cell
 * and every run is reproducible on its own, whatever else the harness runs.
 *
 * @example
 * ```ts
 * cellRandom(2024, 'aa/lognormal/n=100', 7).uniform(); // the same number on every machine
 * ```
 */
export function cellRandom(seed: number, cell: string, run: number): Random {
  // run < 2^24 keeps the three parts apart; SplitMix64 inside createRandom scrambles the 64-bit seed
  const mixed = (BigInt(seed >>> 0) * 0x9e3779b97f4a7c15n) ^ (BigInt(hashName(cell)) << 24n) ^ BigInt(run);
  return createRandom(mixed & 0xffffffffffffffffn);
}

/** A counter of named events over Monte Carlo runs, turned into proportions at the end. */
export class Tally {
  private readonly counts = new Map<string, number>();
  runs = 0;

  /** Counts one more run; `events` lists the names that happened in it. */
  add(events: Iterable<string>): void {
    this.runs++;
    for (const e of events) this.counts.set(e, (this.counts.get(e) ?? 0) + 1);
  }

  /** The proportion of runs in which `event` happened. */
  get(event: string): Proportion {
    return proportion(this.counts.get(event) ?? 0, this.runs);
  }

  /** Every event seen, as proportions. */
  toJSON(): Record<string, Proportion> {
    const out: Record<string, Proportion> = {};
    for (const k of [...this.counts.keys()].sort()) out[k] = this.get(k);
    return out;
  }
}

/** Median of a list of numbers (null when empty). */
export function medianOf(values: number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
