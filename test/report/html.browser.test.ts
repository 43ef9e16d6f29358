/**
 * End-to-end check of the HTML report in a real browser: headless Chromium (Debian's `chromium` package) driven by
 * playwright-core. Where Chromium or playwright-core is not installed the test prints a notice and returns (a
 * runtime check, so no skipped-test marker exists).
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renderHtml } from '../../src/report/html.js';
import { failVerdict, shiftedData } from './fixtures.js';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

// playwright-core is an optional devDependency: imported by a computed name so the type checker does not need it
type Browser = { newPage(o: object): Promise<Page>; close(): Promise<void> };
type Page = {
  route(url: string, handler: (route: { request(): { url(): string }; continue(): Promise<void>; abort(): Promise<void> }) => Promise<void>): Promise<void>;
  on(event: string, handler: (arg: { type?(): string; text?(): string; message?: string }) => void): void;
  goto(url: string): Promise<unknown>;
  evaluate<T>(fn: () => T): Promise<T>;
  screenshot(o: object): Promise<Uint8Array>;
};

async function launch(): Promise<Browser | string> {
  if (!existsSync(CHROMIUM)) return `${CHROMIUM} is not installed (apt-get install chromium)`;
  const name = 'playwright-core';
  let pw: { chromium: { launch(o: object): Promise<Browser> } };
  try {
    pw = (await import(/* @vite-ignore */ name)) as typeof pw;
  } catch {
    return 'playwright-core is not installed (npm install --no-save playwright-core)';
  }
  return pw.chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}

describe('HTML report in headless Chromium', () => {
  it('renders every chart with real geometry, loads nothing from outside and logs no errors', async () => {
    const browser = await launch();
    if (typeof browser === 'string') {
      console.log(`notice: the browser check of the HTML report did not run: ${browser}`);
      return;
    }
    const dir = mkdtempSync(join(tmpdir(), 'cj-html-'));
    try {
      const seq = Array.from({ length: 40 }, (_, i) => ({ t: (i + 1) * 25, lower: 0.12 - 0.8 / Math.sqrt(i + 1), upper: 0.12 + 0.8 / Math.sqrt(i + 1), estimate: 0.12 }));
      const file = join(dir, 'report.html');
      writeFileSync(file, renderHtml(failVerdict, { data: shiftedData(), title: 'browser check', sequences: { latency_ms: seq } }));
      const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
      const outside: string[] = [];
      const problems: string[] = [];
      await page.route('**/*', async (route) => {
        const url = route.request().url();
        if (url.startsWith('file:') || url.startsWith('data:')) await route.continue();
        else {
          outside.push(url);
          await route.abort();
        }
      });
      page.on('console', (m) => {
        if (m.type?.() === 'error' || m.type?.() === 'warning') problems.push(m.text?.() ?? '');
      });
      page.on('pageerror', (e) => problems.push(e.message ?? String(e)));
      await page.goto(pathToFileURL(file).href);
      const facts = await page.evaluate(() => {
        const box = (el: Element) => el.getBoundingClientRect();
        const charts = Array.from(document.querySelectorAll('svg.chart'));
        const paths = Array.from(document.querySelectorAll('path.ecdf, path.series')) as SVGPathElement[];
        return {
          title: document.title,
          word: document.querySelector('.verdict .word')?.textContent,
          wordColor: getComputedStyle(document.querySelector('.verdict .word') as Element).color,
          charts: charts.length,
          chartSizes: charts.map((c) => [Math.round(box(c).width), Math.round(box(c).height)]),
          pathLengths: paths.map((p) => p.getTotalLength()),
          bands: document.querySelectorAll('polygon.band').length,
          sequences: Array.from(document.querySelectorAll('polygon.sequence')).map((p) => Math.round(box(p).height)),
          intervals: Array.from(document.querySelectorAll('line.ci')).map((l) => Math.round(box(l).width)),
          overflow: document.documentElement.scrollWidth - window.innerWidth,
          rows: document.querySelectorAll('table.summary tbody tr').length,
          firstRow: (document.querySelector('table.summary tbody tr') as HTMLElement).innerText.replace(/\s+/g, ' ').trim(),
        };
      });
      expect(outside).toEqual([]);
      expect(problems).toEqual([]);
      expect(facts.title).toBe('browser check: FAIL');
      expect(facts.word).toBe('FAIL');
      expect(facts.wordColor).toBe('rgb(197, 48, 48)'); // --fail
      expect(facts.rows).toBe(3);
      expect(facts.firstRow).toBe('latency_ms higher (critical) +12.0% +8.0% … +16.0% ≤ +5.0% 3.2e-7 HL shift, 95% CI 1,200 / 1,180');
      // interval charts (2), ECDFs (latency, cpu), series (latency, error_rate, cpu), one confidence sequence
      expect(facts.charts).toBe(8);
      for (const [w, h] of facts.chartSizes) {
        expect(w).toBeGreaterThan(300);
        expect(h).toBeGreaterThan(60);
      }
      expect(facts.pathLengths.length).toBe(8); // 3 ECDF curves + 5 series lines (cpu has no canary)
      for (const len of facts.pathLengths) expect(len).toBeGreaterThan(100);
      expect(facts.bands).toBe(2);
      expect(facts.sequences).toHaveLength(1);
      expect(facts.sequences[0]).toBeGreaterThan(50);
      for (const w of facts.intervals) expect(w).toBeGreaterThan(20);
      expect(facts.overflow).toBeLessThanOrEqual(0);
      const png = await page.screenshot({ fullPage: true });
      expect(png.length).toBeGreaterThan(50_000);
    } finally {
      await browser.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
