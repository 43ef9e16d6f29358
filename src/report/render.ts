import { CanaryJudgeError } from '../errors.js';
import type { Verdict } from '../judge/types.js';
import { renderHtml, type HtmlReportOptions } from './html.js';
import { renderJson } from './json.js';
import { renderMarkdown, type MarkdownReportOptions } from './markdown.js';
import { renderText, type TextReportOptions } from './text.js';

/** The formats a verdict can be rendered in. */
export type ReportFormat = 'text' | 'json' | 'markdown' | 'html';

/** Every report format, in the order the CLI lists them. */
export const REPORT_FORMATS: readonly ReportFormat[] = Object.freeze(['text', 'json', 'markdown', 'html'] as const);

/** Options of {@link renderReport}: the union of each format's options (each renderer reads its own). */
export type ReportOptions = TextReportOptions & MarkdownReportOptions & HtmlReportOptions & { indent?: number };

/**
 * Renders a verdict in the given format: `text` ({@link renderText}), `json` ({@link renderJson}), `markdown`
 * ({@link renderMarkdown}) or `html` ({@link renderHtml}). An unknown format throws a `CanaryJudgeError` with code
 * `INVALID_ARGUMENT` and path `format`.
 *
 * @example
 * ```ts
 * process.stdout.write(renderReport(judge(config, data), 'markdown'));
 * ```
 */
export function renderReport(verdict: Verdict, format: ReportFormat, options: ReportOptions = {}): string {
  switch (format) {
    case 'text':
      return renderText(verdict, options);
    case 'json':
      return renderJson(verdict, options);
    case 'markdown':
      return renderMarkdown(verdict, options);
    case 'html':
      return renderHtml(verdict, options);
    default:
      throw new CanaryJudgeError('INVALID_ARGUMENT', `unknown report format ${JSON.stringify(format)}: use one of ${REPORT_FORMATS.join(', ')}`, 'format');
  }
}
