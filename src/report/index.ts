// Re-exports of src/report: verdicts rendered as text, JSON, Markdown and self-contained HTML (pure strings).
export { renderText, type TextReportOptions } from './text.js';
export { renderJson, type JsonReportOptions } from './json.js';
export { renderMarkdown, escapeMarkdown, type MarkdownReportOptions } from './markdown.js';
export { renderHtml, renderHtmlPage, type HtmlReportOptions, type HtmlPageEntry, type ConfidenceSequencePoint } from './html.js';
export { renderReport, REPORT_FORMATS, type ReportFormat, type ReportOptions } from './render.js';
export { isNoVerdict, verdictWord } from './format.js';
