import { describe, expect, it } from 'vitest';
import { renderHtml, renderHtmlPage } from '../../src/report/html.js';
import { judge } from '../../src/judge/index.js';
import { failVerdict, passVerdict, shiftedData } from './fixtures.js';

function selfContained(html: string): void {
  expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
  expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|@font-face|url\((?!#)|src=/i); // url(#id): local clip paths only
  // the only URL is the SVG namespace, which is a name, never fetched
  const urls = html.match(/https?:\/\/[^\s"')]+/g) ?? [];
  expect(new Set(urls)).toEqual(new Set(['http://www.w3.org/2000/svg']));
  expect((html.match(/<svg/g) ?? []).length).toBe((html.match(/<\/svg>/g) ?? []).length);
  expect(html).not.toMatch(/NaN|undefined|Infinity/);
}

describe('renderHtml', () => {
  it('without data shows the numbers and the effect intervals only', () => {
    const html = renderHtml(failVerdict, { title: 'checkout v2.3 <canary>' });
    selfContained(html);
    expect(html).toContain('<title>checkout v2.3 &lt;canary&gt;: FAIL</title>');
    expect(html).toContain('<span class="word">FAIL</span>');
    expect(html).toContain('<td class="num">+12.0%</td><td class="num">+8.0% … +16.0%</td><td class="num">≤ +5.0%</td><td class="num">3.2e-7</td>');
    expect(html).toContain('<dt>baseline points</dt><dd>1,200 used of 1,210 (10 missing values)</dd>');
    expect(html).toContain('<dt>points per side to decide</dt><dd>54,321</dd>');
    expect((html.match(/class="ci"/g) ?? []).length).toBe(2); // latency and error_rate have intervals; cpu has none
    expect(html).not.toContain('class="ecdf');
    expect(html).not.toContain('class="series');
    expect(html).toContain('id="r0-cpu-"'); // odd names get a safe anchor
  });

  it('with data draws ECDFs with the allowed band and both time series', () => {
    const data = shiftedData();
    const html = renderHtml(failVerdict, { data });
    selfContained(html);
    expect((html.match(/class="ecdf baseline"/g) ?? []).length).toBe(2); // latency and cpu (counts have no ECDF)
    expect((html.match(/class="ecdf canary"/g) ?? []).length).toBe(1); // cpu has no canary points
    expect(html).toContain('allowed increase');
    expect(html).toContain('time (UTC)');
    expect(html).toContain('>event rate</text>');
    // does not touch the data
    expect(shiftedData()).toEqual(data);
  });

  it('draws the confidence sequence of sequential SLIs', () => {
    const seq = Array.from({ length: 30 }, (_, i) => ({ t: (i + 1) * 10, lower: 0.12 - 1 / Math.sqrt(i + 1), upper: 0.12 + 1 / Math.sqrt(i + 1), estimate: 0.12 }));
    const html = renderHtml(failVerdict, { sequences: { latency_ms: seq } });
    selfContained(html);
    expect((html.match(/class="sequence"/g) ?? []).length).toBe(1);
    expect(html).toContain('Anytime-valid confidence sequence');
  });

  it('renders a real verdict of the judge with its numbers', () => {
    const data = shiftedData();
    const verdict = judge({ slis: [{ name: 'latency_ms', allowedIncrease: 0.05 }, { name: 'error_rate', test: 'rate', allowedIncrease: 1 }] }, data);
    const html = renderHtml(verdict, { data });
    selfContained(html);
    const lat = verdict.slis[0];
    expect(lat.classification).toBe('high');
    const pct = `+${((lat.effect?.estimate as number) * 100).toFixed(1)}%`;
    expect(html).toContain(`<td class="num">${pct}</td>`);
    expect(html).toContain(lat.reason.replace(/</g, '&lt;').replace(/>/g, '&gt;'));
  });

  it('puts several verdicts on one page with unique ids', () => {
    const html = renderHtmlPage([{ verdict: failVerdict, title: 'A' }, { verdict: passVerdict, title: 'B', description: 'second' }], { title: 'Demo' });
    selfContained(html);
    expect(html).toContain('<h1>Demo</h1>');
    expect(html).toContain('<h2>A</h2>');
    expect(html).toContain('<p class="description">second</p>');
    const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
