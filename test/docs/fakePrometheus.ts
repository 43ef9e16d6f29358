/**
 * A stand-in for the Prometheus HTTP API, on 127.0.0.1, for the documentation's code blocks: the recipes query
 * `$PROMETHEUS_URL` (shell) or `process.env.PROMETHEUS_URL` (TypeScript) and this server answers with
 * deterministic, healthy data — baseline and canary drawn from the same distributions.
 *
 * - `GET|POST /api/v1/query_range` (`query`, `start`, `end`, `step`): a `matrix`. The side is read from the
 *   query: a `by (LABEL)` grouping gives two series, `{LABEL="baseline"}` and `{LABEL="canary"}` (or, with a
 *   matcher `LABEL=~"x|y"`, `{LABEL="x"}` as the baseline and `{LABEL="y"}` as the canary); otherwise a
 *   matcher equal to or matching "canary" selects the canary, "baseline", "primary" or "stable" the baseline.
 *   The kind of value too: `histogram_quantile(0.99, …)` a p99 latency in seconds (about 0.42), another
 *   `histogram_quantile` a median (about 0.12), a division naming errors or 5xx codes an error ratio (about 0.002),
 *   CPU a number of cores, an `increase(…)` or a `…_total` counter a count per step (about 6 errors, or 3000
 *   requests), anything else a request rate. Negative matchers (`pod!~"…-primary-.*"`) do not name a side.
 * - `GET|POST /api/v1/query`: an instant `vector`; a query of a native histogram (a metric name ending in
 *   `_seconds` with no `_bucket`, no `histogram_quantile`, no `rate`) returns one native histogram per side
 *   in the API's JSON form (schema 3).
 *
 * Shapes follow Prometheus' "HTTP API" documentation (range vectors, native histograms).
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';

export interface FakePrometheus {
  url: string;
  /** The queries received, in order. */
  queries: string[];
  close(): Promise<void>;
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

function normal(rand: () => number): number {
  const u = rand() || 1e-12;
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
}

type Side = 'baseline' | 'canary';

function sideOf(query: string): Side {
  const positive = query.replace(/!~?\s*"[^"]*"/g, ''); // a negative matcher (pod!~"…-primary-.*") does not name the side
  if (/=~?\s*"[^"]*canary/.test(positive)) return 'canary';
  if (/baseline|primary|stable/.test(positive)) return 'baseline';
  return 'canary';
}

/** Value generator for a query: level and relative noise. */
function kindOf(query: string): { level: number; noise: number } {
  const hq = /histogram_quantile\s*\(\s*([0-9.]+)/.exec(query);
  if (hq) return Number(hq[1]) >= 0.9 ? { level: 0.42, noise: 0.08 } : { level: 0.12, noise: 0.05 };
  if (/cpu/i.test(query)) return { level: 0.3, noise: 0.1 };
  const errors = /error|5xx|5\.\.|code=~?"5|status=~?"5/i.test(query);
  if (errors && /\)\s*\/\s*/.test(query)) return { level: 0.002, noise: 0.25 }; // a ratio
  if (/increase\s*\(|_total\b/.test(query)) return errors ? { level: 6, noise: 0.35 } : { level: 3000, noise: 0.05 }; // counts per step
  if (errors) return { level: 0.002, noise: 0.25 };
  return { level: 120, noise: 0.05 };
}

function parseTime(v: string | null, fallback: number): number {
  if (v === null || v === '') return fallback;
  if (/^-?\d+(\.\d+)?$/.test(v)) return Number(v);
  const t = Date.parse(v);
  return Number.isFinite(t) ? t / 1000 : fallback;
}

function parseStep(v: string | null): number {
  if (v === null || v === '') return 15;
  if (/^\d+(\.\d+)?$/.test(v)) return Number(v);
  const m = /^(\d+)(ms|s|m|h)$/.exec(v);
  if (!m) return 15;
  return Number(m[1]) * { ms: 0.001, s: 1, m: 60, h: 3600 }[m[2] as 'ms' | 's' | 'm' | 'h'];
}

function series(query: string, side: Side, start: number, end: number, step: number): Array<[number, string]> {
  const { level, noise } = kindOf(query);
  const rand = mulberry32(hash(`${side}|${query.replace(/canary|baseline|primary|stable/g, '')}`));
  const out: Array<[number, string]> = [];
  for (let t = start, i = 0; t <= end + 1e-9 && i < 2000; t += step, i++) {
    out.push([Math.round(t * 1000) / 1000, String(Number((level * Math.exp(noise * normal(rand))).toPrecision(6)))]);
  }
  return out;
}

function normalCdf(x: number): number {
  // Abramowitz–Stegun 7.1.26 is plenty for fake bucket counts
  const t = 1 / (1 + 0.3275911 * Math.abs(x) / Math.SQRT2);
  const y = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-(x * x) / 2);
  return x >= 0 ? (1 + y) / 2 : (1 - y) / 2;
}

/** A native histogram (schema 3) of lognormal latencies, in the API's JSON form. */
function nativeHistogram(side: Side): { count: string; sum: string; buckets: Array<[number, string, string, string]> } {
  const mu = Math.log(0.12);
  const sigma = 0.45;
  const n = 60_000 + (side === 'canary' ? 600 : 0);
  const buckets: Array<[number, string, string, string]> = [];
  let count = 0;
  let sum = 0;
  for (let i = -60; i <= 24; i++) {
    const lo = 2 ** ((i - 1) / 8);
    const hi = 2 ** (i / 8);
    const c = Math.round(n * (normalCdf((Math.log(hi) - mu) / sigma) - normalCdf((Math.log(lo) - mu) / sigma)));
    if (c <= 0) continue;
    buckets.push([0, String(lo), String(hi), String(c)]);
    count += c;
    sum += c * Math.sqrt(lo * hi);
  }
  return { count: String(count), sum: String(sum), buckets };
}

async function params(req: IncomingMessage): Promise<URLSearchParams> {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const p = new URLSearchParams(url.searchParams);
  if (req.method === 'POST') {
    let body = '';
    for await (const chunk of req) body += chunk;
    for (const [k, v] of new URLSearchParams(body)) p.append(k, v);
  }
  return p;
}

/** Starts the fake on 127.0.0.1 and a free port. */
export async function startFakePrometheus(): Promise<FakePrometheus> {
  const queries: string[] = [];
  const server: Server = createServer((req, res) => {
    params(req).then((p) => {
      const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
      const query = p.get('query') ?? '';
      queries.push(query);
      const send = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      if (!query) return send(400, { status: 'error', errorType: 'bad_data', error: 'query is required' });
      const by = /\bby\s*\(([^)]*)\)/.exec(query)?.[1].split(',').map((l) => l.trim()).find((l) => l !== '' && l !== 'le');
      // `by (L)` with a matcher L=~"x|y" (Argo's pod-template hashes): x is the baseline, y the canary
      const listed = by !== undefined ? new RegExp(`\\b${by}\\s*=~\\s*"([^"|]+)\\|([^"|]+)"`).exec(query) : null;
      const [bValue, cValue] = listed ? [listed[1], listed[2]] : ['baseline', 'canary'];
      const sides: Array<{ metric: Record<string, string>; side: Side }> =
        by !== undefined
          ? [{ metric: { [by]: bValue }, side: 'baseline' }, { metric: { [by]: cValue }, side: 'canary' }]
          : [{ metric: {}, side: sideOf(query) }];
      if (path === '/api/v1/query_range') {
        const end = parseTime(p.get('end'), 1_717_430_400);
        const start = parseTime(p.get('start'), end - 1800);
        const step = parseStep(p.get('step'));
        if (!(end >= start)) return send(400, { status: 'error', errorType: 'bad_data', error: 'end timestamp must not be before start time' });
        return send(200, {
          status: 'success',
          data: { resultType: 'matrix', result: sides.map((s) => ({ metric: s.metric, values: series(query, s.side, start, end, step) })) },
        });
      }
      if (path === '/api/v1/query') {
        const t = parseTime(p.get('time'), 1_717_430_400);
        const native = /_seconds\b/.test(query) && !/_bucket|histogram_quantile|rate\s*\(/.test(query);
        return send(200, {
          status: 'success',
          data: {
            resultType: 'vector',
            result: sides.map((s) =>
              native
                ? { metric: s.metric, histogram: [t, nativeHistogram(s.side)] }
                : { metric: s.metric, value: series(query, s.side, t, t, 1)[0] },
            ),
          },
        });
      }
      return send(404, { status: 'error', errorType: 'not_found', error: `no such endpoint ${path}` });
    }, (e: unknown) => {
      res.writeHead(500);
      res.end(String(e));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    queries,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
