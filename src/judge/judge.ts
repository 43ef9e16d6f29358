import { CanaryJudgeError } from '../errors.js';
import { finishSli, judgeSli, type SliOutcome } from './judgeSli.js';
import { adjustPValues } from './multipleComparisons.js';
import { parseConfig } from './parseConfig.js';
import { resolveConfig, type ResolvedConfig } from './resolveConfig.js';
import { kayentaScore, weightedScore } from './score.js';
import type { JudgeConfig, JudgeData, SliResult, Verdict } from './types.js';

const RANK = { fail: 0, marginal: 1, pass: 2 } as const;
type Level = keyof typeof RANK;
const lower = (a: Level, b: Level): Level => (RANK[a] <= RANK[b] ? a : b);

/** Orders SLIs for the reasons: critical failures, then failures by weight and size, then missing data, then warnings. */
function severity(r: SliResult): number {
  if (r.muted) return 0;
  const size = Math.abs(r.effect?.estimate ?? 0);
  if (r.critical) return 1e6 + size;
  if (r.classification === 'high' || r.classification === 'low') return 1e4 * r.weight + Math.min(size, 1e3);
  if (r.classification === 'nodata') return r.mustHaveData ? 5e3 : 50;
  if (r.classification === 'error') return 90;
  if (r.classification === 'insufficient') return 80;
  if (r.inconclusive) return 10;
  return 0;
}

function assemble(config: ResolvedConfig, results: SliResult[]): Verdict {
  const { thresholds } = config;
  const counted = results.filter((r) => !r.muted);
  const scored = config.scoring === 'kayenta'
    ? kayentaScore(results, config.groupWeights)
    : weightedScore(results, config.groupWeights, config.inconclusive === 'fail');
  const ruleReasons: string[] = [];
  let score = scored.score ?? 0;
  let forcedFail = false;

  const criticals = counted.filter((r) => r.critical);
  if (criticals.length > 0) {
    forcedFail = true;
    score = 0;
  }
  const nodata = counted.filter((r) => r.classification === 'nodata');
  if (counted.length > 0 && nodata.length / counted.length >= config.nodataFailShare) {
    forcedFail = true;
    score = 0;
    ruleReasons.push(`${nodata.length} of ${counted.length} SLIs have no data (at least ${Math.round(config.nodataFailShare * 100)}% fails the run).`);
  }
  score = Math.round(score * 100) / 100;
  let verdict: Level = score >= thresholds.pass ? 'pass' : score >= thresholds.marginal ? 'marginal' : 'fail';
  let limitedBy: Verdict['limitedBy'] = null;

  const insufficient = counted.filter((r) => r.classification === 'insufficient');
  const errors = counted.filter((r) => r.classification === 'error');
  if (!forcedFail && scored.score === null) {
    // nothing could be scored: no verdict is possible from the evidence
    verdict = lower(verdict === 'fail' ? 'marginal' : verdict, 'marginal');
    limitedBy = errors.length > 0 ? 'error' : insufficient.length > 0 ? 'insufficient' : 'nodata';
    ruleReasons.push('No SLI could be judged, so there is no evidence either way.');
  } else if (!forcedFail && (insufficient.length > 0 || errors.length > 0)) {
    const capped = lower(verdict, config.insufficientCap);
    if (capped !== verdict) {
      limitedBy = errors.length > 0 ? 'error' : 'insufficient';
      const names = [...errors, ...insufficient].map((r) => r.name).join(', ');
      ruleReasons.push(`The verdict is at most ${capped} because ${names} could not be judged.`);
      verdict = capped;
    }
  }
  if (!forcedFail && config.inconclusive === 'marginal' && verdict === 'pass' && counted.some((r) => r.inconclusive)) {
    verdict = 'marginal';
    ruleReasons.push('The verdict is at most marginal because some SLIs are inconclusive.');
  }

  const decisive = [...results].filter((r) => severity(r) > 0).sort((a, b) => severity(b) - severity(a));
  const reasons = [...decisive.filter((r) => r.critical).map((r) => r.reason), ...ruleReasons, ...decisive.filter((r) => !r.critical).map((r) => r.reason)];
  if (reasons.length === 0) reasons.push(counted.length === 1 ? `The SLI is within its allowed change.` : `All ${counted.length} SLIs are within their allowed changes.`);
  const complete = counted.every((r) => r.classification !== 'nodata' && r.classification !== 'insufficient' && r.classification !== 'error');
  return { verdict, score, reasons, complete, limitedBy, thresholds, groups: scored.groups, slis: results };
}

/**
 * Judges a canary against its baseline: for each SLI of the config, reads its `{ baseline, canary }` data
 * (samples, a time series `{ timestamps, values }`, or counts `{ events, total }`), preprocesses it, runs its
 * test (Mann–Whitney with the Hodges–Lehmann shift, the exact rate-ratio test, the tail exceedance test, or
 * Kayenta's classifier), classifies it (`pass`, `high`, `low`, `nodata`, `insufficient`, `error`), scores the
 * groups and returns a verdict — `pass`, `marginal` or `fail` — with the reasons that decided it.
 *
 * The config is validated first ({@link parseConfig}): a malformed config throws a {@link CanaryJudgeError}
 * listing every problem; bad *data* never throws, it becomes a classification with a sentence.
 *
 * @example
 * ```ts
 * const verdict = judge(
 *   { slis: [
 *       { name: 'latency_ms', direction: 'increase', allowedIncrease: 0.05, critical: true },
 *       { name: 'errors', test: 'rate', direction: 'increase', allowedIncrease: 0.5 } ],
 *     thresholds: { pass: 95, marginal: 75 } },
 *   { latency_ms: { baseline: [120, 131, 118], canary: [125, 140, 122] },
 *     errors: { baseline: { events: 3, total: 10000 }, canary: { events: 9, total: 10000 } } },
 * );
 * verdict.verdict; // 'marginal': latency has too few points to judge, errors pass (inconclusively)
 * ```
 */
export function judge(config: JudgeConfig | unknown, data: JudgeData): Verdict {
  const parsed = parseConfig(config);
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new CanaryJudgeError('INVALID_DATA', 'data must be an object mapping each SLI name to { baseline, canary }', 'data');
  }
  const resolved = resolveConfig(parsed);
  const outcomes: SliOutcome[] = resolved.slis.map((sli) => judgeSli(sli, Object.prototype.hasOwnProperty.call(data, sli.name) ? data[sli.name] : undefined));
  const pending = outcomes.map((o) => (o.kind === 'evidence' && !o.evidence.decided && !o.sli.muted ? o.evidence.pValue : null));
  const adjusted = adjustPValues(pending, resolved.multipleComparisons);
  const results = outcomes.map((o, i) => (o.kind === 'final' ? o.result : finishSli(o, o.evidence.decided ? o.evidence.pValue : (adjusted[i] ?? o.evidence.pValue))));
  return assemble(resolved, results);
}
