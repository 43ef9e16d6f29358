import type { Classification, GroupResult, SliResult } from './types.js';

/** Score of a run before the verdict rules (critical SLIs, nodata share, caps) are applied. */
export interface ScoreResult {
  /** 0–100; null when no SLI was counted in any group. */
  score: number | null;
  groups: GroupResult[];
}

const emptyCounts = (): Record<Classification, number> => ({ pass: 0, high: 0, low: 0, nodata: 0, insufficient: 0, error: 0 });

/** Groups in the order they first appear, with their SLIs. */
function groupsOf(results: SliResult[]): Map<string, SliResult[]> {
  const groups = new Map<string, SliResult[]>();
  for (const r of results) for (const g of r.groups) {
    if (!groups.has(g)) groups.set(g, []);
    (groups.get(g) as SliResult[]).push(r);
  }
  return groups;
}

/**
 * Group weights: the configured ones; groups without one share what the configured weights leave of 100, as
 * Kayenta does — or weigh 1 each when no weight is configured at all.
 */
export function resolveGroupWeights(names: string[], configured: Record<string, number>): Map<string, number> {
  const weights = new Map<string, number>();
  const given = names.filter((n) => configured[n] !== undefined);
  if (given.length === 0) {
    for (const n of names) weights.set(n, 1);
    return weights;
  }
  const sum = given.reduce((s, n) => s + configured[n], 0);
  const rest = names.length - given.length;
  const share = rest > 0 ? Math.max(0, 100 - sum) / rest : 0;
  for (const n of names) weights.set(n, configured[n] ?? share);
  return weights;
}

/**
 * canary-judge's scorer: inside each group, the weighted share of counted SLIs that pass (0–100); the run's
 * score is the weighted mean of the group scores over groups that counted anything. Counted: non-muted SLIs
 * classified pass, high or low, nodata when `mustHaveData`, and inconclusive passes counted as failures when
 * the policy says `fail`. `insufficient` and `error` are not scored (the verdict caps them instead).
 */
export function weightedScore(results: SliResult[], groupWeights: Record<string, number>, inconclusiveFails: boolean): ScoreResult {
  const groups = groupsOf(results);
  const weights = resolveGroupWeights([...groups.keys()], groupWeights);
  const out: GroupResult[] = [];
  let total = 0;
  let totalWeight = 0;
  for (const [name, slis] of groups) {
    const counts = emptyCounts();
    let passW = 0;
    let countedW = 0;
    for (const r of slis) {
      counts[r.classification]++;
      if (r.muted) continue;
      const failsAsInconclusive = inconclusiveFails && r.inconclusive && r.classification === 'pass';
      if (r.classification === 'pass' && !failsAsInconclusive) {
        passW += r.weight;
        countedW += r.weight;
      } else if (r.classification === 'high' || r.classification === 'low' || failsAsInconclusive) countedW += r.weight;
      else if (r.classification === 'nodata' && r.mustHaveData) countedW += r.weight;
    }
    const score = countedW > 0 ? (100 * passW) / countedW : null;
    const weight = weights.get(name) as number;
    out.push({ name, score, weight, counts, slis: slis.map((s) => s.name) });
    if (score !== null && weight > 0) {
      total += weight * score;
      totalWeight += weight;
    }
  }
  return { score: totalWeight > 0 ? total / totalWeight : null, groups: out };
}

/**
 * Kayenta's WeightedSumScorer (spinnaker/kayenta `kayenta-judge`): group score = 100·pass/(pass + high + low +
 * nodata-that-must-have-data); a group with nothing counted scores 100; the run's score is Σ weight·score/100
 * with weights in percent (unweighted groups share what is left of 100).
 */
export function kayentaScore(results: SliResult[], groupWeights: Record<string, number>): ScoreResult {
  const groups = groupsOf(results);
  const names = [...groups.keys()];
  const given = names.filter((n) => groupWeights[n] !== undefined);
  const weights = given.length === 0
    ? new Map(names.map((n) => [n, 100 / names.length]))
    : resolveGroupWeights(names, groupWeights);
  const out: GroupResult[] = [];
  let total = 0;
  for (const [name, slis] of groups) {
    const counts = emptyCounts();
    let pass = 0;
    let counted = 0;
    for (const r of slis) {
      counts[r.classification]++;
      if (r.muted) continue;
      if (r.classification === 'pass') pass++;
      if (r.classification === 'pass' || r.classification === 'high' || r.classification === 'low') counted++;
      else if (r.classification === 'nodata' && r.mustHaveData) counted++;
    }
    const score = counted > 0 ? (100 * pass) / counted : 100;
    const weight = weights.get(name) as number;
    out.push({ name, score, weight, counts, slis: slis.map((s) => s.name) });
    total += (score * weight) / 100;
  }
  return { score: total, groups: out };
}
