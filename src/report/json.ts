import type { Verdict } from '../judge/types.js';

/** Options of {@link renderJson}. */
export interface JsonReportOptions {
  /** Spaces of indentation (default 2; 0 prints one line). */
  indent?: number;
}

/**
 * Renders a {@link Verdict} as JSON: the verdict object itself, unchanged, followed by a newline. The judge's
 * results never hold `NaN` or `Infinity`; should a hand-made verdict contain one, it prints as `null` (as
 * `JSON.stringify` does) so the output is always valid JSON.
 *
 * @example
 * ```ts
 * JSON.parse(renderJson(verdict)).verdict; // 'pass'
 * ```
 */
export function renderJson(verdict: Verdict, options: JsonReportOptions = {}): string {
  const indent = Math.max(0, Math.min(10, Math.round(options.indent ?? 2)));
  return JSON.stringify(verdict, null, indent === 0 ? undefined : indent) + '\n';
}
