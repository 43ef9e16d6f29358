import type { EffectEstimate, SequencePoint, SliTest } from '../types.js';

/** What a test found for one SLI, before the allowed-change rules classify it. */
export interface Evidence {
  test: SliTest;
  /** p-value in the bad direction (one-sided for increase/decrease, two-sided for either); null without a test. */
  pValue: number | null;
  /** Sign of the observed change: +1 canary higher, −1 lower, 0 none (used when no relative effect exists). */
  sign: -1 | 0 | 1;
  effect: EffectEstimate | null;
  /** Summary numbers per side used in explanations (medians, rates …). */
  summary: Record<string, number | null>;
  details: Record<string, number | string | boolean | null>;
  /** How the effect is shown to people: a relative change (+12 %) or a ratio (3.0×). */
  display: 'percent' | 'ratio';
  /** A label for the quantity, e.g. `p99 latency_ms` or `latency_ms`. */
  label: string;
  /** A classification the test made by itself (identical data; the Kayenta classifier). */
  decided?: { classification: 'pass' | 'high' | 'low'; critical: boolean; reason: string; inconclusive?: boolean };
  /** Sequential SLIs: the confidence sequence look by look (thinned). */
  sequence?: SequencePoint[];
  /** Points per side that would detect the allowed change with the configured power (lazy: costs a pass over the data). */
  requiredSamples(allowed: number): number | null;
}
