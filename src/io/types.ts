import type { JudgeData, SideData, SliData } from '../judge/types.js';

/**
 * What an input file holds, as the adapters recognise it:
 * - `side`: one side of one SLI (samples, a time series or counts) — for `--baseline FILE` / `--canary FILE`;
 * - `sli`: both sides of one SLI (a long-form file without an SLI column, a Prometheus response split by a label);
 * - `data`: many SLIs, `{ [sli]: { baseline, canary } }` — what `judge(config, data)` takes.
 */
export type ParsedInput =
  | { kind: 'side'; side: SideData }
  | { kind: 'sli'; sli: SliData }
  | { kind: 'data'; data: JudgeData };

/** Options shared by the input parsers. */
export interface ParseInputOptions {
  /** File name used in error messages (default "<input>"). */
  file?: string;
  /** Called with the share of the input read (0–1) while parsing large files. */
  onProgress?: (fraction: number) => void;
  /**
   * Prometheus responses holding both sides: the series label whose value tells baseline from canary (e.g.
   * `deployment`). Without it, every series of a response is one side.
   */
  sideLabel?: string;
  /** Value of `sideLabel` on baseline series (default "baseline"). */
  baselineValue?: string;
  /** Value of `sideLabel` on canary series (default "canary"). */
  canaryValue?: string;
}
