/**
 * Per-SLI A/A study: baseline and canary drawn from the same distribution (the right answer is "pass"), judged
 * by the real `judge()` at its defaults, one test at a time (Mann–Whitney with the Hodges–Lehmann effect, the
 * p99 quantile test, the rate test). For every cell it records
 *
 * - `significant`: the test's p-value is below α = 1 − confidence — the test's own false-positive rate (a
 *   calibrated one-sided test gives 5 %);
 * - `high`: the judge classified the SLI `high` at the default allowed increase — the SLI's false-fail rate;
 * - `high@a`: the same classification recomputed for other allowed increases `a` from the same p-value and
 *   interval (the judge's rule: p < α and interval lower end > a; the evidence itself does not depend on `a`).
 *   The harness checks that the recomputation reproduces the judge's own classification at the default.
 * @module
 */
import { judge } from '../../src/judge/judge.js';
import { JUDGE_DEFAULTS } from '../../src/judge/defaults.js';
import type { JudgeConfig, SliResult } from '../../src/judge/types.js';
import { errorCounts } from '../../datasets/index.js';
import { drawFamily, type Family } from './families.js';
import { cellRandom, Tally, type Proportion } from './montecarlo.js';

/** Allowed increases at which the classification is recomputed. */
export const ALLOWED_GRID: readonly number[] = [0, 0.02, 0.05, 0.1, 0.2];

/** Would the judge classify this result `high` if the allowed increase were `allowed`? (Its rule, see classify.ts.) */
export function highAt(r: SliResult, allowed: number): boolean {
  if (r.classification === 'insufficient' || r.classification === 'nodata' || r.classification === 'error') return false;
  const e = r.effect;
  // no relative effect (a zero baseline median falls back on the mean ratio, so only a zero baseline mean is left):
  // the p-value alone decided, whatever the allowed change
  if (!e || e.estimate === null) return r.classification === 'high';
  if (r.details.identical === true) return false;
  const alpha = 1 - (e.confidence ?? JUDGE_DEFAULTS.confidence);
  return r.pValue !== null && r.pValue < alpha && e.lower !== null && e.lower > allowed;
}

/** The events of one SLI result, for a {@link Tally}. */
export function sliEvents(r: SliResult, prefix = ''): string[] {
  const out: string[] = [];
  const alpha = 1 - (r.effect?.confidence ?? JUDGE_DEFAULTS.confidence);
  if (r.classification === 'insufficient') out.push(`${prefix}insufficient`);
  if (r.pValue !== null && r.pValue < alpha) out.push(`${prefix}significant`);
  if (r.classification === 'high' || r.classification === 'low') out.push(`${prefix}high`);
  if (r.inconclusive) out.push(`${prefix}inconclusive`);
  if (r.effect && r.effect.estimate === null && r.classification !== 'insufficient') out.push(`${prefix}noRelativeEffect`);
  for (const a of ALLOWED_GRID) if (highAt(r, a)) out.push(`${prefix}high@${a}`);
  // consistency check of the recomputation at the judge's own allowed increase
  const own = r.allowed.increase ?? JUDGE_DEFAULTS.sli.allowedIncrease;
  if (highAt(r, own) !== (r.classification === 'high')) out.push(`${prefix}recomputeMismatch`);
  return out;
}

/** One cell of the per-SLI A/A table. */
export interface SliAaCell {
  test: 'mannWhitney' | 'mannWhitney/meanRatio' | 'quantile' | 'rate';
  family: string;
  /** Points per side (rate: requests per side). */
  n: number;
  runs: number;
  significant: Proportion;
  high: Proportion;
  highAt: Record<string, Proportion>;
  insufficient: Proportion;
  inconclusive: Proportion;
  noRelativeEffect: Proportion;
  recomputeMismatch: number;
}

function cellOf(test: SliAaCell['test'], family: string, n: number, tally: Tally, prefix: string): SliAaCell {
  const at: Record<string, Proportion> = {};
  for (const a of ALLOWED_GRID) at[String(a)] = tally.get(`${prefix}high@${a}`);
  return {
    test,
    family,
    n,
    runs: tally.runs,
    significant: tally.get(`${prefix}significant`),
    high: tally.get(`${prefix}high`),
    highAt: at,
    insufficient: tally.get(`${prefix}insufficient`),
    inconclusive: tally.get(`${prefix}inconclusive`),
    noRelativeEffect: tally.get(`${prefix}noRelativeEffect`),
    recomputeMismatch: tally.get(`${prefix}recomputeMismatch`).k,
  };
}

/**
 * The sample tests of a family, judged together on the same data (each at the judge's defaults): Mann–Whitney
 * with the default Hodges–Lehmann effect, Mann–Whitney with the mean-ratio effect, and the p99 quantile test.
 */
const SAMPLE_CONFIG: JudgeConfig = { slis: [{ name: 'mw' }, { name: 'mwMean', effect: 'meanRatio' }, { name: 'p99', test: 'quantile' }] };

/**
 * A/A cells of the sample tests (Mann–Whitney and p99 quantile) for one family and one size.
 *
 * @example
 * ```ts
 * const [mw, mwMean, p99] = sampleAaCells({ seed: 1, family: 'lognormal', n: 100, runs: 200 });
 * mw.high.rate; // ≈ 0: a healthy lognormal canary is almost never failed
 * ```
 */
export function sampleAaCells(options: { seed: number; family: Family; n: number; runs: number }): [SliAaCell, SliAaCell, SliAaCell] {
  const { seed, family, n, runs } = options;
  const name = `sliAa/${family}/n=${n}`;
  const tally = new Tally();
  for (let run = 0; run < runs; run++) {
    const rng = cellRandom(seed, name, run);
    const baseline = drawFamily(rng, family, n);
    const canary = drawFamily(rng, family, n);
    const sides = { baseline, canary };
    const v = judge(SAMPLE_CONFIG, { mw: sides, mwMean: sides, p99: sides });
    tally.add([...sliEvents(v.slis[0], 'mw.'), ...sliEvents(v.slis[1], 'mean.'), ...sliEvents(v.slis[2], 'p99.')]);
  }
  return [
    cellOf('mannWhitney', family, n, tally, 'mw.'),
    cellOf('mannWhitney/meanRatio', family, n, tally, 'mean.'),
    cellOf('quantile', family, n, tally, 'p99.'),
  ];
}

/** Options of {@link rateAaCell}. */
export interface RateAaOptions {
  seed: number;
  /** Requests per side over the window (split into 30 one-minute intervals). */
  requests: number;
  /** Error probability of a request on both sides. */
  errorRate: number;
  /** Log-sd of a per-minute lognormal burst factor of the error rate (0: binomial errors). */
  overdispersion: number;
  runs: number;
}

/**
 * A/A cell of the rate test: per-minute request and error counts on both sides from the same process.
 *
 * @example
 * ```ts
 * rateAaCell({ seed: 1, requests: 18000, errorRate: 0.002, overdispersion: 0, runs: 200 }).high.rate; // ≈ 0
 * ```
 */
export function rateAaCell(options: RateAaOptions): SliAaCell {
  const { seed, requests, errorRate, overdispersion, runs } = options;
  const family = `rate ${errorRate}${overdispersion > 0 ? ` bursty ${overdispersion}` : ''}`;
  const name = `sliAa/${family}/n=${requests}`;
  const tally = new Tally();
  const config: JudgeConfig = { slis: [{ name: 'errors', test: 'rate' }] };
  for (let run = 0; run < runs; run++) {
    const rng = cellRandom(seed, name, run);
    const opts = { intervals: 30, requestsPerInterval: requests / 30, errorRate, overdispersion };
    const baseline = errorCounts(rng, opts);
    const canary = errorCounts(rng, opts);
    const v = judge(config, { errors: { baseline, canary } });
    tally.add(sliEvents(v.slis[0], 'r.'));
  }
  return cellOf('rate', family, requests, tally, 'r.');
}
