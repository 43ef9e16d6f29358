/**
 * Small, dependency-free SVG chart builders for the HTML report: scales with "nice" ticks (1–2–5 steps, as
 * d3-scale's `ticks` and Heckbert's "Nice numbers for graph labels", Graphics Gems 1990), downsampling of large
 * samples and series, and four charts — overlaid empirical CDFs with an allowed band, time series, an effect
 * interval on a number line, and a confidence sequence over time. Every builder is pure and returns a string.
 * @module
 */

/** Escapes text for HTML/SVG content and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

/** The colours of the charts (also used by the HTML page's CSS). */
export const CHART_COLORS = Object.freeze({
  baseline: '#2b6cb0',
  canary: '#c05621',
  band: '#718096',
  estimate: '#1a202c',
  axis: '#4a5568',
  grid: '#e2e8f0',
  pass: '#2f855a',
  fail: '#c53030',
  warn: '#b7791f',
});

const r1 = (v: number) => (Math.round(v * 10) / 10).toString();

/**
 * Ticks at 1, 2 or 5 × 10^k covering [lo, hi], about `count` of them (Heckbert's nice numbers). Degenerate
 * domains give the single value.
 */
export function niceTicks(lo: number, hi: number, count = 5): number[] {
  if (!(Number.isFinite(lo) && Number.isFinite(hi))) return [];
  if (lo === hi) return [lo];
  if (lo > hi) [lo, hi] = [hi, lo];
  const raw = (hi - lo) / Math.max(1, count);
  const mag = Math.pow(10, Math.floor(Math.log10(raw)));
  const f = raw / mag;
  const s = (f < 1.5 ? 1 : f < 3 ? 2 : f < 7 ? 5 : 10) * mag;
  const start = Math.ceil(lo / s - 1e-9);
  const end = Math.floor(hi / s + 1e-9);
  const out: number[] = [];
  for (let i = start; i <= end && out.length < 50; i++) {
    const v = i * s;
    // round away floating noise (0.30000000000000004)
    out.push(Number(v.toPrecision(12)));
  }
  return out;
}

/** Ticks for a logarithmic axis: 1, 2, 5 × 10^k inside [lo, hi] (lo > 0), thinned to at most ~8. */
export function logTicks(lo: number, hi: number): number[] {
  if (!(lo > 0 && hi > lo && Number.isFinite(hi))) return niceTicks(lo, hi);
  const out: number[] = [];
  for (let k = Math.floor(Math.log10(lo)); k <= Math.ceil(Math.log10(hi)); k++) {
    for (const m of [1, 2, 5]) {
      const v = Number((m * Math.pow(10, k)).toPrecision(12));
      if (v >= lo * (1 - 1e-12) && v <= hi * (1 + 1e-12)) out.push(v);
    }
  }
  if (out.length > 8) return out.filter((v) => Math.abs(Math.log10(v) - Math.round(Math.log10(v))) < 1e-9);
  if (out.length < 2) return niceTicks(lo, hi);
  return out;
}

/** A compact tick label: 1200 → "1.2k", 0.005 → "0.005", 2e9 → "2G". */
export function tickLabel(v: number): string {
  if (v === 0) return '0';
  const abs = Math.abs(v);
  const sign = v < 0 ? '−' : '';
  const units: Array<[number, string]> = [[1e12, 'T'], [1e9, 'G'], [1e6, 'M'], [1e3, 'k']];
  for (const [u, s] of units) {
    if (abs >= u) return sign + Number((abs / u).toPrecision(3)).toString() + s;
  }
  if (abs < 1e-4) return sign + abs.toExponential(0);
  return sign + Number(abs.toPrecision(3)).toString();
}

/** A linear or logarithmic scale from a domain to pixel range. */
export interface Scale {
  (v: number): number;
  domain: [number, number];
  ticks: number[];
  log: boolean;
}

/** A linear scale (degenerate domains are widened by ±1 or ±10 %). */
export function linearScale(domain: [number, number], range: [number, number], tickCount = 5): Scale {
  let [d0, d1] = domain;
  if (d0 === d1) {
    const w = d0 === 0 ? 1 : Math.abs(d0) * 0.1;
    d0 -= w;
    d1 += w;
  }
  const [r0, r1v] = range;
  const f = ((v: number) => r0 + ((v - d0) / (d1 - d0)) * (r1v - r0)) as Scale;
  f.domain = [d0, d1];
  f.ticks = niceTicks(d0, d1, tickCount);
  f.log = false;
  return f;
}

/** A base-10 logarithmic scale (domain must be positive). */
export function logScale(domain: [number, number], range: [number, number]): Scale {
  const [d0, d1] = domain;
  const l0 = Math.log10(d0);
  const l1 = Math.log10(d1);
  const [r0, r1v] = range;
  const f = ((v: number) => r0 + ((Math.log10(Math.max(v, d0 * 1e-3)) - l0) / (l1 - l0)) * (r1v - r0)) as Scale;
  f.domain = [d0, d1];
  f.ticks = logTicks(d0, d1);
  f.log = true;
  return f;
}

/** Copies the finite values of `x` and sorts them ascending (never mutates `x`). */
export function sortedFinite(x: ArrayLike<number>): Float64Array {
  const out = new Float64Array(x.length);
  let n = 0;
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    if (typeof v === 'number' && Number.isFinite(v)) out[n++] = v;
  }
  return out.subarray(0, n).sort();
}

/**
 * Points of the empirical CDF of a sorted sample, thinned to at most `maxPoints` steps: pairs (x, F(x)) at evenly
 * spaced order statistics, always including the minimum and the maximum. F jumps to (i + 1)/n at x₍ᵢ₎; ties keep
 * the last index so the step height is right.
 */
export function ecdfPoints(sorted: Float64Array, maxPoints = 400): Array<[number, number]> {
  const n = sorted.length;
  if (n === 0) return [];
  const out: Array<[number, number]> = [];
  const k = Math.min(n, maxPoints);
  let last = -1;
  for (let j = 0; j < k; j++) {
    let i = k === 1 ? n - 1 : Math.round((j * (n - 1)) / (k - 1));
    while (i + 1 < n && sorted[i + 1] === sorted[i]) i++; // jump to the end of a run of ties
    if (i <= last) continue;
    last = i;
    out.push([sorted[i], (i + 1) / n]);
  }
  return out;
}

/**
 * Thins a series to at most about `buckets` × 2 points, keeping each bucket's minimum and maximum in time order
 * (so spikes survive, as in the "min-max" decimation of plotting libraries).
 */
export function decimateSeries(t: ArrayLike<number>, v: ArrayLike<number>, buckets = 300): Array<[number, number]> {
  const pts: Array<[number, number]> = [];
  for (let i = 0; i < v.length; i++) {
    if (Number.isFinite(v[i]) && Number.isFinite(t[i])) pts.push([t[i], v[i]]);
  }
  let sorted = true;
  for (let i = 1; i < pts.length; i++) if (pts[i][0] < pts[i - 1][0]) { sorted = false; break; }
  if (!sorted) pts.sort((a, b) => a[0] - b[0]);
  if (pts.length <= buckets * 2) return pts;
  const out: Array<[number, number]> = [];
  const size = pts.length / buckets;
  for (let b = 0; b < buckets; b++) {
    const from = Math.floor(b * size);
    const to = Math.min(pts.length, Math.floor((b + 1) * size));
    if (to <= from) continue;
    let lo = from;
    let hi = from;
    for (let i = from + 1; i < to; i++) {
      if (pts[i][1] < pts[lo][1]) lo = i;
      if (pts[i][1] > pts[hi][1]) hi = i;
    }
    if (lo === hi) out.push(pts[lo]);
    else if (lo < hi) out.push(pts[lo], pts[hi]);
    else out.push(pts[hi], pts[lo]);
  }
  return out;
}

interface Frame {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

const FRAME: Frame = { width: 460, height: 240, left: 70, right: 14, top: 26, bottom: 40 };

function open(frame: Frame, label: string, id: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${frame.width} ${frame.height}" width="${frame.width}" height="${frame.height}" role="img" aria-labelledby="${id}-t" class="chart"><title id="${id}-t">${escapeXml(label)}</title>`;
}

function clip(frame: Frame, id: string): string {
  return `<defs><clipPath id="${id}-c"><rect x="${frame.left}" y="${frame.top}" width="${frame.width - frame.left - frame.right}" height="${frame.height - frame.top - frame.bottom}"/></clipPath></defs>`;
}

function axes(frame: Frame, x: Scale, y: Scale, xLabel: string, yLabel: string, xFormat: (v: number) => string = tickLabel, yFormat: (v: number) => string = tickLabel): string {
  const parts: string[] = [];
  const x0 = frame.left;
  const x1 = frame.width - frame.right;
  const y0 = frame.height - frame.bottom;
  const y1 = frame.top;
  for (const t of y.ticks) {
    const py = y(t);
    if (py < y1 - 0.5 || py > y0 + 0.5) continue;
    parts.push(`<line x1="${x0}" x2="${x1}" y1="${r1(py)}" y2="${r1(py)}" stroke="${CHART_COLORS.grid}"/>`);
    parts.push(`<text x="${x0 - 6}" y="${r1(py + 4)}" text-anchor="end" font-size="11" fill="${CHART_COLORS.axis}">${escapeXml(yFormat(t))}</text>`);
  }
  for (const t of x.ticks) {
    const px = x(t);
    if (px < x0 - 0.5 || px > x1 + 0.5) continue;
    parts.push(`<line x1="${r1(px)}" x2="${r1(px)}" y1="${y0}" y2="${y0 + 4}" stroke="${CHART_COLORS.axis}"/>`);
    parts.push(`<text x="${r1(px)}" y="${y0 + 16}" text-anchor="middle" font-size="11" fill="${CHART_COLORS.axis}">${escapeXml(xFormat(t))}</text>`);
  }
  parts.push(`<line x1="${x0}" x2="${x1}" y1="${y0}" y2="${y0}" stroke="${CHART_COLORS.axis}"/>`);
  parts.push(`<line x1="${x0}" x2="${x0}" y1="${y1}" y2="${y0}" stroke="${CHART_COLORS.axis}"/>`);
  parts.push(`<text x="${(x0 + x1) / 2}" y="${frame.height - 6}" text-anchor="middle" font-size="11" fill="${CHART_COLORS.axis}">${escapeXml(xLabel)}</text>`);
  parts.push(`<text transform="translate(11 ${(y0 + y1) / 2}) rotate(-90)" text-anchor="middle" font-size="11" fill="${CHART_COLORS.axis}">${escapeXml(yLabel)}</text>`);
  return parts.join('');
}

function legend(frame: Frame, items: Array<{ label: string; color: string; kind: 'line' | 'area' | 'dash' }>): string {
  let x = frame.left;
  const y = 14;
  const parts: string[] = [];
  for (const it of items) {
    if (it.kind === 'area') parts.push(`<rect x="${x}" y="${y - 8}" width="14" height="10" fill="${it.color}" fill-opacity="0.25" stroke="${it.color}" stroke-opacity="0.5"/>`);
    else parts.push(`<line x1="${x}" x2="${x + 14}" y1="${y - 3}" y2="${y - 3}" stroke="${it.color}" stroke-width="2"${it.kind === 'dash' ? ' stroke-dasharray="4 3"' : ''}/>`);
    parts.push(`<text x="${x + 18}" y="${y + 1}" font-size="11" fill="${CHART_COLORS.axis}">${escapeXml(it.label)}</text>`);
    x += 26 + it.label.length * 6.2;
  }
  return parts.join('');
}

/** How the allowed band maps a baseline value: to the smallest and largest allowed canary value (null: unbounded). */
export interface AllowedBand {
  lower: ((x: number) => number) | null;
  upper: ((x: number) => number) | null;
}

function stepPath(points: Array<[number, number]>, x: Scale, y: Scale, startX: number): string {
  let d = `M${r1(startX)},${r1(y(0))}`;
  for (const [vx, p] of points) {
    d += `H${r1(x(vx))}V${r1(y(p))}`;
  }
  return d + `H${r1(x(x.domain[1]))}`;
}

/** Options of {@link ecdfChart}. */
export interface EcdfChartInput {
  id: string;
  title: string;
  baseline: Float64Array;
  canary: Float64Array;
  band: AllowedBand | null;
  unitLabel?: string;
}

/**
 * Overlaid empirical CDFs of baseline and canary (sorted samples), with the band of distributions the allowed
 * change permits around the baseline shaded: at each probability level p, from the baseline's p-quantile moved by
 * the largest allowed decrease to it moved by the largest allowed increase. A canary curve inside the band is
 * within the allowed change at every quantile. The x axis spans the 0.1st–99.9th percentiles of both samples, on a
 * log scale when every value is positive and they span more than a factor of 10.
 */
export function ecdfChart(input: EcdfChartInput): string {
  const frame = FRAME;
  const b = ecdfPoints(input.baseline);
  const c = ecdfPoints(input.canary);
  if (b.length === 0 && c.length === 0) return '';
  // the x axis spans the 0.1st to 99.9th percentiles of both sides, so a few extreme points cannot squash the curves
  const q = (x: Float64Array, p: number) => x[Math.round(p * (x.length - 1))];
  const sides = [input.baseline, input.canary].filter((x) => x.length > 0);
  let lo = Math.min(...sides.map((x) => q(x, 0.001)));
  let hi = Math.max(...sides.map((x) => q(x, 0.999)));
  const useLog = lo > 0 && hi / lo > 10;
  if (!useLog && lo === hi) {
    lo -= Math.abs(lo) * 0.1 || 1;
    hi += Math.abs(hi) * 0.1 || 1;
  }
  const range: [number, number] = [frame.left, frame.width - frame.right];
  const x = useLog ? logScale([lo, hi], range) : linearScale([lo, hi], range);
  const y = linearScale([0, 1], [frame.height - frame.bottom, frame.top]);
  y.ticks = [0, 0.25, 0.5, 0.75, 1];
  const parts: string[] = [open(frame, input.title, input.id), clip(frame, input.id)];
  parts.push(axes(frame, x, y, input.unitLabel ?? 'value', 'share of points ≤ value', tickLabel, (v) => `${Math.round(v * 100)}%`));
  const items: Array<{ label: string; color: string; kind: 'line' | 'area' | 'dash' }> = [
    { label: 'baseline', color: CHART_COLORS.baseline, kind: 'line' },
    { label: 'canary', color: CHART_COLORS.canary, kind: 'line' },
  ];
  if (input.band && (input.band.lower || input.band.upper) && b.length > 0) {
    const left = frame.left - 1;
    const right = frame.width - frame.right + 1;
    // an unbounded side (decreases of an 'increase' SLI are always fine) is drawn at the baseline itself, so the
    // band shows the allowed shift rather than the whole half-plane
    const px = (f: ((v: number) => number) | null, v: number) => {
      const w = f ? f(v) : v;
      if (!Number.isFinite(w) || (x.log && w <= 0)) return left;
      return Math.max(left - 1, Math.min(right + 1, x(w)));
    };
    const up: string[] = [];
    const down: string[] = [];
    let prev = 0;
    for (const [v, p] of b) {
      const hx = px(input.band.upper, v);
      const lx = px(input.band.lower, v);
      up.push(`${r1(hx)},${r1(y(prev))}`, `${r1(hx)},${r1(y(p))}`);
      down.push(`${r1(lx)},${r1(y(prev))}`, `${r1(lx)},${r1(y(p))}`);
      prev = p;
    }
    down.reverse(); // walk back down the lower edge, from the top level to 0
    parts.push(`<polygon class="band" points="${[...up, ...down].join(' ')}" fill="${CHART_COLORS.band}" fill-opacity="0.22" stroke="none" clip-path="url(#${input.id}-c)"/>`);
    const bandLabel = input.band.lower && input.band.upper ? 'allowed band' : input.band.upper ? 'allowed increase' : 'allowed decrease';
    items.push({ label: bandLabel, color: CHART_COLORS.band, kind: 'area' });
  }
  if (b.length > 0) parts.push(`<path class="ecdf baseline" d="${stepPath(b, x, y, frame.left)}" fill="none" stroke="${CHART_COLORS.baseline}" stroke-width="2" clip-path="url(#${input.id}-c)"/>`);
  if (c.length > 0) parts.push(`<path class="ecdf canary" d="${stepPath(c, x, y, frame.left)}" fill="none" stroke="${CHART_COLORS.canary}" stroke-width="2" clip-path="url(#${input.id}-c)"/>`);
  parts.push(legend(frame, items.filter((it) => (it.label !== 'baseline' || b.length > 0) && (it.label !== 'canary' || c.length > 0))));
  parts.push('</svg>');
  return parts.join('');
}

/** Are these timestamps Unix times (seconds or milliseconds between 2001 and 2286)? */
function unixUnit(lo: number, hi: number): 1 | 1000 | null {
  if (lo >= 1e9 && hi < 1e10) return 1;
  if (lo >= 1e12 && hi < 1e13) return 1000;
  return null;
}

function timeFormatter(lo: number, hi: number): { format: (v: number) => string; label: string } {
  const unit = unixUnit(lo, hi);
  if (unit === null) return { format: tickLabel, label: 'time' };
  const spanSeconds = (hi - lo) / unit;
  return {
    format: (v: number) => {
      const iso = new Date((v / unit) * 1000).toISOString();
      return spanSeconds > 2 * 86400 ? iso.slice(5, 16).replace('T', ' ') : spanSeconds > 600 ? iso.slice(11, 16) : iso.slice(11, 19);
    },
    label: 'time (UTC)',
  };
}

/** A series for {@link seriesChart}: time (or index) and value pairs. */
export interface SeriesInput {
  t: ArrayLike<number>;
  v: ArrayLike<number>;
}

/**
 * Baseline and canary series over time (or over the point index when the data has no timestamps), min–max
 * decimated to about 600 points per side; short series also get dots.
 */
export function seriesChart(input: { id: string; title: string; baseline: SeriesInput | null; canary: SeriesInput | null; indexed: boolean; yLabel?: string }): string {
  const frame = FRAME;
  const sides = [
    { name: 'baseline', color: CHART_COLORS.baseline, pts: input.baseline ? decimateSeries(input.baseline.t, input.baseline.v) : [] },
    { name: 'canary', color: CHART_COLORS.canary, pts: input.canary ? decimateSeries(input.canary.t, input.canary.v) : [] },
  ];
  const pts = [...sides[0].pts, ...sides[1].pts];
  if (pts.length === 0) return '';
  let tLo = Infinity, tHi = -Infinity, vLo = Infinity, vHi = -Infinity;
  for (const [t, v] of pts) {
    if (t < tLo) tLo = t;
    if (t > tHi) tHi = t;
    if (v < vLo) vLo = v;
    if (v > vHi) vHi = v;
  }
  const pad = (vHi - vLo) * 0.05;
  const x = linearScale([tLo, tHi], [frame.left, frame.width - frame.right]);
  const y = linearScale([vLo - pad, vHi + pad], [frame.height - frame.bottom, frame.top]);
  const time = input.indexed ? { format: tickLabel, label: 'point index' } : timeFormatter(tLo, tHi);
  const parts: string[] = [open(frame, input.title, input.id), clip(frame, input.id)];
  parts.push(axes(frame, x, y, time.label, input.yLabel ?? 'value', time.format));
  for (const s of sides) {
    if (s.pts.length === 0) continue;
    const d = s.pts.map(([t, v], i) => `${i === 0 ? 'M' : 'L'}${r1(x(t))},${r1(y(v))}`).join('');
    parts.push(`<path class="series ${s.name}" d="${d}" fill="none" stroke="${s.color}" stroke-width="1.2" stroke-opacity="0.7" clip-path="url(#${input.id}-c)"/>`);
    if (s.pts.length <= 60) {
      for (const [t, v] of s.pts) parts.push(`<circle cx="${r1(x(t))}" cy="${r1(y(v))}" r="2.2" fill="${s.color}"/>`);
    }
  }
  parts.push(legend(frame, sides.filter((s) => s.pts.length > 0).map((s) => ({ label: s.name, color: s.color, kind: 'line' as const }))));
  parts.push('</svg>');
  return parts.join('');
}

/** Options of {@link intervalChart}: an effect, its interval and the allowed band, all relative changes. */
export interface IntervalChartInput {
  id: string;
  title: string;
  estimate: number | null;
  lower: number | null;
  upper: number | null;
  allowedLower: number | null;
  allowedUpper: number | null;
  verdictColor: string;
  format: (v: number) => string;
}

/**
 * The effect on a number line: the allowed band shaded (open ends reach the edge), zero marked, the confidence
 * interval as a bar (open ends as arrows) and the estimate as a dot. Pass when the bar lies inside the band.
 */
export function intervalChart(input: IntervalChartInput): string {
  const frame: Frame = { width: 460, height: 92, left: 16, right: 16, top: 24, bottom: 28 };
  const vals = [0, input.estimate, input.lower, input.upper, input.allowedLower, input.allowedUpper].filter((v): v is number => v !== null && Number.isFinite(v));
  let lo = Math.min(...vals);
  let hi = Math.max(...vals);
  const span = hi - lo || Math.max(Math.abs(hi), 0.1);
  lo -= span * 0.12;
  hi += span * 0.12;
  const x = linearScale([lo, hi], [frame.left, frame.width - frame.right], 6);
  const yMid = frame.top + (frame.height - frame.top - frame.bottom) / 2;
  const xl = frame.left;
  const xr = frame.width - frame.right;
  const parts: string[] = [open(frame, input.title, input.id)];
  const bandL = input.allowedLower === null ? xl : x(input.allowedLower);
  const bandR = input.allowedUpper === null ? xr : x(input.allowedUpper);
  parts.push(`<rect class="band" x="${r1(bandL)}" y="${frame.top}" width="${r1(Math.max(0, bandR - bandL))}" height="${frame.height - frame.top - frame.bottom}" fill="${CHART_COLORS.band}" fill-opacity="0.22"/>`);
  for (const t of x.ticks) {
    const px = x(t);
    parts.push(`<line x1="${r1(px)}" x2="${r1(px)}" y1="${frame.height - frame.bottom}" y2="${frame.height - frame.bottom + 4}" stroke="${CHART_COLORS.axis}"/>`);
    parts.push(`<text x="${r1(px)}" y="${frame.height - frame.bottom + 16}" text-anchor="middle" font-size="11" fill="${CHART_COLORS.axis}">${escapeXml(input.format(t))}</text>`);
  }
  parts.push(`<line x1="${xl}" x2="${xr}" y1="${frame.height - frame.bottom}" y2="${frame.height - frame.bottom}" stroke="${CHART_COLORS.axis}"/>`);
  parts.push(`<line class="zero" x1="${r1(x(0))}" x2="${r1(x(0))}" y1="${frame.top}" y2="${frame.height - frame.bottom}" stroke="${CHART_COLORS.axis}" stroke-dasharray="3 3"/>`);
  if (input.lower !== null || input.upper !== null) {
    const a = input.lower === null ? xl : x(input.lower);
    const b = input.upper === null ? xr : x(input.upper);
    parts.push(`<line class="ci" x1="${r1(a)}" x2="${r1(b)}" y1="${yMid}" y2="${yMid}" stroke="${input.verdictColor}" stroke-width="4" stroke-linecap="butt"/>`);
    if (input.lower === null) parts.push(`<path d="M${xl},${yMid}l8,-6v12z" fill="${input.verdictColor}"/>`);
    else parts.push(`<line x1="${r1(a)}" x2="${r1(a)}" y1="${yMid - 7}" y2="${yMid + 7}" stroke="${input.verdictColor}" stroke-width="2"/>`);
    if (input.upper === null) parts.push(`<path d="M${xr},${yMid}l-8,-6v12z" fill="${input.verdictColor}"/>`);
    else parts.push(`<line x1="${r1(b)}" x2="${r1(b)}" y1="${yMid - 7}" y2="${yMid + 7}" stroke="${input.verdictColor}" stroke-width="2"/>`);
  }
  if (input.estimate !== null && Number.isFinite(input.estimate)) {
    parts.push(`<circle class="estimate" cx="${r1(x(input.estimate))}" cy="${yMid}" r="5" fill="${CHART_COLORS.estimate}"/>`);
  }
  parts.push(legend(frame, [
    { label: 'allowed change', color: CHART_COLORS.band, kind: 'area' },
    { label: 'confidence interval', color: input.verdictColor, kind: 'line' },
  ]));
  parts.push('</svg>');
  return parts.join('');
}

/** One point of a confidence sequence: after `t` (time or count), the effect lies in [lower, upper]. */
export interface ConfidenceSequencePoint {
  t: number;
  lower: number | null;
  upper: number | null;
  estimate?: number | null;
}

/**
 * A confidence sequence over time: the anytime-valid interval shaded, the running estimate as a line, and the
 * allowed limits as dashed lines. The SLI fails once the interval leaves the allowed band for good (Howard et al.,
 * "Time-uniform, nonparametric, nonasymptotic confidence sequences", 2021, figures of the same shape).
 */
export function sequenceChart(input: { id: string; title: string; points: ConfidenceSequencePoint[]; allowedLower: number | null; allowedUpper: number | null; format: (v: number) => string; indexed: boolean }): string {
  const frame = FRAME;
  const pts = input.points.filter((p) => Number.isFinite(p.t)).slice().sort((a, b) => a.t - b.t);
  if (pts.length === 0) return '';
  const vals: number[] = [0];
  for (const p of pts) for (const v of [p.lower, p.upper, p.estimate ?? null]) if (v !== null && Number.isFinite(v)) vals.push(v);
  for (const v of [input.allowedLower, input.allowedUpper]) if (v !== null) vals.push(v);
  // the first intervals are very wide: clip the y range to 3× the span of the allowed band and the estimates
  const core = [0, ...pts.map((p) => p.estimate ?? null), input.allowedLower, input.allowedUpper].filter((v): v is number => v !== null && Number.isFinite(v));
  const coreLo = Math.min(...core);
  const coreHi = Math.max(...core);
  const coreSpan = coreHi - coreLo || 0.1;
  const lo = Math.max(Math.min(...vals), coreLo - coreSpan * 1.5);
  const hi = Math.min(Math.max(...vals), coreHi + coreSpan * 1.5);
  const tLo = pts[0].t;
  const tHi = pts[pts.length - 1].t;
  const x = linearScale([tLo, tHi], [frame.left, frame.width - frame.right]);
  const y = linearScale([lo, hi], [frame.height - frame.bottom, frame.top]);
  const time = input.indexed ? { format: tickLabel, label: 'points seen' } : timeFormatter(tLo, tHi);
  const parts: string[] = [open(frame, input.title, input.id), clip(frame, input.id)];
  parts.push(axes(frame, x, y, time.label, 'effect', time.format, input.format));
  const top = frame.top - 2;
  const bottom = frame.height - frame.bottom + 2;
  const upper = pts.map((p) => `${r1(x(p.t))},${r1(p.upper === null || !Number.isFinite(p.upper) ? top : Math.max(top, y(p.upper)))}`);
  const lower = pts.map((p) => `${r1(x(p.t))},${r1(p.lower === null || !Number.isFinite(p.lower) ? bottom : Math.min(bottom, y(p.lower)))}`).reverse();
  parts.push(`<polygon class="sequence" points="${[...upper, ...lower].join(' ')}" fill="${CHART_COLORS.canary}" fill-opacity="0.22" stroke="${CHART_COLORS.canary}" stroke-opacity="0.6" clip-path="url(#${input.id}-c)"/>`);
  const est = pts.filter((p) => p.estimate !== undefined && p.estimate !== null && Number.isFinite(p.estimate));
  if (est.length > 0) {
    parts.push(`<path class="estimate" d="${est.map((p, i) => `${i === 0 ? 'M' : 'L'}${r1(x(p.t))},${r1(y(p.estimate as number))}`).join('')}" fill="none" stroke="${CHART_COLORS.estimate}" stroke-width="1.5" clip-path="url(#${input.id}-c)"/>`);
  }
  for (const v of [input.allowedLower, input.allowedUpper]) {
    if (v === null) continue;
    parts.push(`<line class="allowed" x1="${frame.left}" x2="${frame.width - frame.right}" y1="${r1(y(v))}" y2="${r1(y(v))}" stroke="${CHART_COLORS.fail}" stroke-dasharray="5 4" clip-path="url(#${input.id}-c)"/>`);
  }
  parts.push(`<line x1="${frame.left}" x2="${frame.width - frame.right}" y1="${r1(y(0))}" y2="${r1(y(0))}" stroke="${CHART_COLORS.axis}" stroke-width="0.8" clip-path="url(#${input.id}-c)"/>`);
  parts.push(legend(frame, [
    { label: 'confidence sequence', color: CHART_COLORS.canary, kind: 'area' },
    ...(est.length > 0 ? [{ label: 'estimate', color: CHART_COLORS.estimate, kind: 'line' as const }] : []),
    { label: 'allowed limit', color: CHART_COLORS.fail, kind: 'dash' },
  ]));
  parts.push('</svg>');
  return parts.join('');
}
