/**
 * The rules of the rollout policy, each a small pure function from the evaluation context to a
 * {@link RolloutRuleResult}. Internal: {@link decideRollout} runs them and combines their effects.
 */
import type { EvaluationView, SliView } from './checkEvaluation.js';
import { pct, span } from './time.js';
import type { ResolvedRolloutStage } from './validateRolloutPlan.js';
import type { ResolvedRolloutPolicy, RolloutHistoryEntry, RolloutRuleResult, RolloutState } from './types.js';

/** Everything a rule may look at. @internal */
export interface RuleContext {
  policy: ResolvedRolloutPolicy;
  stage: ResolvedRolloutStage;
  isLastStage: boolean;
  state: RolloutState;
  evaluation: EvaluationView;
  now: number;
  /** Seconds since the stage began. */
  elapsed: number;
  /** Unmuted SLIs proven worse (`high`/`low`). */
  failing: SliView[];
  /** Does this evaluation count as a passing one (pass, or marginal with `promoteOnMarginal`)? */
  passing: boolean;
}

const names = (slis: SliView[]) => slis.map((s) => s.name).join(', ');
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const scoreText = (score: number | null) => (score === null ? '' : ` (score ${score})`);
const stageName = (ctx: RuleContext) => `the ${ctx.stage.trafficPercent}% stage`;

function rule(rule: RolloutRuleResult['rule'], effect: RolloutRuleResult['effect'], triggered: boolean, detail: string): RolloutRuleResult {
  return { rule, effect, triggered, detail };
}

/** Rollback: a critical SLI proven worse. */
export function criticalSliRule(ctx: RuleContext): RolloutRuleResult {
  const v = ctx.evaluation.verdict;
  if (!ctx.policy.rollbackOnCriticalSli) return rule('criticalSli', 'rollback', false, 'Disabled (policy.rollbackOnCriticalSli is false).');
  if (v === null) return rule('criticalSli', 'rollback', false, 'No verdict, so no critical SLI to check.');
  const critical = ctx.failing.filter((s) => s.critical);
  if (critical.length === 0) {
    const missing = v.slis.filter((s) => s.critical && (s.classification === 'nodata' || s.classification === 'insufficient' || s.classification === 'error'));
    const note = missing.length > 0
      ? ` Critical ${missing.length === 1 ? 'SLI' : 'SLIs'} ${names(missing)} could not be judged (missing or too little data): that holds, and rolls back only if the fail verdicts persist.`
      : '';
    return rule('criticalSli', 'rollback', false, `No critical SLI is proven worse.${note}`);
  }
  const why = critical.map((s) => (s.reason ? `${s.name}: ${s.reason}` : s.name)).join(' ');
  return rule(
    'criticalSli',
    'rollback',
    true,
    `Critical ${critical.length === 1 ? 'SLI' : 'SLIs'} ${names(critical)} ${critical.length === 1 ? 'is' : 'are'} proven worse in the canary, which rolls back at once. ${why}`.trim(),
  );
}

/** Rollback: a fail verdict confirmed by at least `minFailingSlis` SLIs. */
export function failingSlisRule(ctx: RuleContext): RolloutRuleResult {
  const min = ctx.policy.minFailingSlis;
  const v = ctx.evaluation.verdict;
  if (min === null) return rule('failingSlis', 'rollback', false, 'Disabled (policy.minFailingSlis is null).');
  if (v === null) return rule('failingSlis', 'rollback', false, 'No verdict.');
  const n = ctx.failing.length;
  const list = n > 0 ? ` (${names(ctx.failing)})` : '';
  if (v.label !== 'fail') {
    return rule('failingSlis', 'rollback', false, `The verdict is ${v.label}; ${plural(n, 'SLI')} proven worse${list}.`);
  }
  if (n >= min) {
    return rule('failingSlis', 'rollback', true, `The verdict is fail and ${plural(n, 'SLI')} ${n === 1 ? 'is' : 'are'} proven worse${list}, at least the ${min} required to roll back at once.`);
  }
  return rule(
    'failingSlis',
    'rollback',
    false,
    `The verdict is fail but only ${plural(n, 'SLI')} ${n === 1 ? 'is' : 'are'} proven worse${list}; ${min} are needed to roll back at once, so a single flapping metric cannot (the persistence rule decides if the failure lasts).`,
  );
}

/** The last `window − 1` remembered verdicts plus the current one. @internal */
export function persistenceWindow(history: ReadonlyArray<RolloutHistoryEntry>, current: RolloutHistoryEntry['verdict'], window: number): Array<RolloutHistoryEntry['verdict']> {
  const past = window > 1 ? history.slice(-(window - 1)).map((h) => h.verdict) : [];
  return [...past, current];
}

/** Rollback: at least `failures` fail verdicts among the last `window` evaluations. */
export function persistenceRule(ctx: RuleContext): RolloutRuleResult {
  const p = ctx.policy.persistence;
  if (p === null) return rule('persistence', 'rollback', false, 'Disabled (policy.persistence is null).');
  const verdicts = persistenceWindow(ctx.state.history, ctx.evaluation.verdict?.label ?? null, p.window);
  const fails = verdicts.filter((v) => v === 'fail').length;
  const of = verdicts.length === p.window
    ? `the last ${plural(p.window, 'evaluation')}`
    : `the ${plural(verdicts.length, 'evaluation')} so far (window of ${p.window})`;
  const triggered = fails >= p.failures;
  return rule(
    'persistence',
    'rollback',
    triggered,
    triggered
      ? `${fails} of ${of} failed, at least the ${p.failures} that roll back: the failure persists.`
      : `${fails} of ${of} failed; ${p.failures} roll back.`,
  );
}

/** Rollback: the sequential test decided fail. */
export function sequentialFailRule(ctx: RuleContext): RolloutRuleResult {
  const s = ctx.evaluation.sequential;
  if (!ctx.policy.rollbackOnSequentialFail) return rule('sequentialFail', 'rollback', false, 'Disabled (policy.rollbackOnSequentialFail is false).');
  if (s === null) return rule('sequentialFail', 'rollback', false, 'No sequential test result was given.');
  if (s.decision !== 'fail') return rule('sequentialFail', 'rollback', false, `The sequential test decided ${s.decision}.`);
  return rule('sequentialFail', 'rollback', true, `The sequential (anytime-valid) test proved the canary worse${s.reason ? `: ${s.reason}` : '.'}`);
}

/** Rollback (only of a stage that would otherwise hold): the stage has lasted longer than `maxStageDuration`. */
export function stageDeadlineRule(ctx: RuleContext, holding: boolean): RolloutRuleResult {
  const max = ctx.policy.maxStageDuration;
  if (max === null) return rule('stageDeadline', 'rollback', false, 'No stage deadline (policy.maxStageDuration is null).');
  const over = ctx.elapsed > max;
  if (over && holding) {
    return rule('stageDeadline', 'rollback', true, `${cap(stageName(ctx))} has lasted ${span(ctx.elapsed)} without being promoted, beyond its ${span(max)} deadline.`);
  }
  return rule('stageDeadline', 'rollback', false, over
    ? `${cap(stageName(ctx))} has lasted ${span(ctx.elapsed)}, beyond its ${span(max)} deadline, but nothing holds it now.`
    : `${cap(stageName(ctx))} has lasted ${span(ctx.elapsed)} of its ${span(max)} deadline.`);
}

/** Hold (or rollback): burn-rate rules fire with at least the configured severity. */
export function burnRatePolicyRule(ctx: RuleContext): RolloutRuleResult {
  const sev = ctx.policy.burnRateSeverity;
  const effect = ctx.policy.burnRateAction;
  const b = ctx.evaluation.burnRate;
  if (sev === null) return rule('burnRate', effect, false, 'Burn-rate rules are ignored (policy.burnRateSeverity is null).');
  if (b === null) return rule('burnRate', effect, false, 'No burn-rate evaluation was given.');
  if (!b.firing || b.severity === null) return rule('burnRate', effect, false, 'No burn-rate rule fires.');
  const list = b.firingRules.join(', ') || 'a rule';
  if (sev === 'page' && b.severity !== 'page') {
    return rule('burnRate', effect, false, `Only ticket-severity burn-rate rules fire (${list}), below the page severity this policy reacts to.`);
  }
  const what = effect === 'rollback' ? 'rolls back' : 'no promotion while the error budget burns this fast';
  return rule('burnRate', effect, true, `Burn-rate ${b.firingRules.length === 1 ? 'rule' : 'rules'} ${list} ${b.firingRules.length === 1 ? 'fires' : 'fire'} (${b.severity}): ${what}.${b.summary ? ` ${b.summary}` : ''}`);
}

/** Hold: no verdict, a marginal verdict, or a fail not (yet) confirmed for a rollback. */
export function verdictRule(ctx: RuleContext): RolloutRuleResult {
  const v = ctx.evaluation.verdict;
  if (v === null) return rule('verdict', 'hold', true, 'No verdict: the canary could not be judged, so the rollout waits.');
  const s = scoreText(v.score);
  if (v.label === 'pass') return rule('verdict', 'hold', false, `The verdict is pass${s}.`);
  if (v.label === 'marginal') {
    return ctx.policy.promoteOnMarginal
      ? rule('verdict', 'hold', false, `The verdict is marginal${s}, which this policy lets through (promoteOnMarginal).`)
      : rule('verdict', 'hold', true, `The verdict is marginal${s}: not proven safe, so the rollout waits.`);
  }
  return rule('verdict', 'hold', true, `The verdict is fail${s}: the rollout waits (no promotion on a fail).`);
}

/** Hold: the verdict rests on part of the evidence. */
export function completenessRule(ctx: RuleContext): RolloutRuleResult {
  const v = ctx.evaluation.verdict;
  if (v === null) return rule('completeness', 'hold', false, 'No verdict (see the verdict rule).');
  const gaps = v.slis.filter((s) => s.classification === 'nodata' || s.classification === 'insufficient' || s.classification === 'error');
  const incomplete = v.complete === false || v.limitedBy !== null || gaps.length > 0;
  if (!incomplete) return rule('completeness', 'hold', false, 'The verdict rests on every SLI.');
  const parts: string[] = [];
  if (v.limitedBy !== null) parts.push(`it is limited by ${v.limitedBy === 'nodata' ? 'missing data' : v.limitedBy === 'error' ? 'errors' : 'insufficient data'}`);
  if (gaps.length > 0) parts.push(`${gaps.map((s) => `${s.name} (${s.classification})`).join(', ')} could not be judged`);
  if (parts.length === 0) parts.push('the verdict is marked incomplete');
  const text = `The verdict rests on partial evidence: ${parts.join('; ')}.`;
  if (!ctx.policy.requireCompleteVerdict) return rule('completeness', 'hold', false, `${text} Accepted (policy.requireCompleteVerdict is false).`);
  return rule('completeness', 'hold', true, `${text} The rollout waits for complete data.`);
}

/** Hold: the newest data point is older than `maxDataAge`. */
export function freshnessRule(ctx: RuleContext): RolloutRuleResult {
  const max = ctx.policy.maxDataAge;
  const t = ctx.evaluation.telemetry;
  if (max === null) return rule('freshness', 'hold', false, 'Not checked (policy.maxDataAge is null).');
  if (t === null) {
    return ctx.policy.requireTelemetry
      ? rule('freshness', 'hold', true, 'No telemetry was given, and this policy requires it (requireTelemetry): data freshness is unknown.')
      : rule('freshness', 'hold', false, 'No telemetry was given; data freshness not checked.');
  }
  if (t.lastPointAt === null) return rule('freshness', 'hold', true, 'The data holds no points at all: nothing fresh to judge.');
  const age = ctx.now - t.lastPointAt;
  if (age < 0) return rule('freshness', 'hold', false, `The newest data point is ${span(-age)} after now (clock skew?); counted as fresh.`);
  if (age > max) return rule('freshness', 'hold', true, `The newest data point is ${span(age)} old, older than the ${span(max)} allowed: the data is stale.`);
  return rule('freshness', 'hold', false, `The newest data point is ${span(age)} old (at most ${span(max)} allowed).`);
}

/** Hold: fewer than `minCoverage` of the expected points are present. */
export function coverageRule(ctx: RuleContext): RolloutRuleResult {
  const min = ctx.policy.minCoverage;
  const t = ctx.evaluation.telemetry;
  if (min === null) return rule('coverage', 'hold', false, 'Not checked (policy.minCoverage is null).');
  if (t === null) {
    return ctx.policy.requireTelemetry
      ? rule('coverage', 'hold', true, 'No telemetry was given, and this policy requires it (requireTelemetry): data coverage is unknown.')
      : rule('coverage', 'hold', false, 'No telemetry was given; data coverage not checked.');
  }
  if (t.expectedPoints === 0) return rule('coverage', 'hold', true, 'No points were expected yet (expectedPoints is 0), so coverage cannot be checked.');
  const coverage = Math.min(1, t.presentPoints / t.expectedPoints);
  const counts = `${t.presentPoints} of ${t.expectedPoints}`;
  const extra = t.presentPoints > t.expectedPoints ? ' (more points than expected: duplicates?)' : '';
  if (coverage < min) {
    return rule('coverage', 'hold', true, `Only ${pct(coverage)} of the expected points are present (${counts}); at least ${pct(min)} is required.`);
  }
  return rule('coverage', 'hold', false, `${pct(coverage)} of the expected points are present (${counts}${extra}; at least ${pct(min)} required).`);
}

/** Hold: the remaining error budget is below `minBudgetRemaining`. */
export function errorBudgetRule(ctx: RuleContext): RolloutRuleResult {
  const min = ctx.policy.minBudgetRemaining;
  const r = ctx.evaluation.budgetRemaining;
  if (min === null) return rule('errorBudget', 'hold', false, 'Not checked (policy.minBudgetRemaining is null).');
  if (r === null) return rule('errorBudget', 'hold', false, 'No remaining error budget was given.');
  if (r < min) {
    const left = r < 0 ? `The error budget is overspent (${pct(r)} remains)` : `Only ${pct(r)} of the error budget remains`;
    return rule('errorBudget', 'hold', true, `${left}, below the ${pct(min)} this policy keeps in reserve: no promotion until it recovers.`);
  }
  return rule('errorBudget', 'hold', false, `${pct(r)} of the error budget remains (the rollout holds below ${pct(min)}).`);
}

/** Throttle: the remaining error budget is below `throttleBudgetRemaining`. */
export function budgetThrottleRule(ctx: RuleContext): RolloutRuleResult {
  const below = ctx.policy.throttleBudgetRemaining;
  const r = ctx.evaluation.budgetRemaining;
  if (below === null) return rule('budgetThrottle', 'throttle', false, 'Not used (policy.throttleBudgetRemaining is null).');
  if (r === null) return rule('budgetThrottle', 'throttle', false, 'No remaining error budget was given.');
  if (r < below) {
    return rule(
      'budgetThrottle',
      'throttle',
      true,
      `${pct(r)} of the error budget remains, below ${pct(below)}: stages last ${ctx.policy.throttleFactor}× their minimum time and early promotion is off.`,
    );
  }
  return rule('budgetThrottle', 'throttle', false, `${pct(r)} of the error budget remains, at least ${pct(below)}: no throttling.`);
}

/** Gate: minimum time at the stage. `unmet` is reported separately so that early promotion can waive it. @internal */
export function minStageDurationGate(ctx: RuleContext, throttled: boolean): { unmet: boolean; text: string; required: number } {
  const base = ctx.stage.minStageDuration ?? ctx.policy.minStageDuration;
  const required = throttled ? base * ctx.policy.throttleFactor : base;
  const why = throttled ? ` (${span(base)} × ${ctx.policy.throttleFactor}, throttled)` : '';
  if (ctx.elapsed < required) {
    return { unmet: true, required, text: `${cap(stageName(ctx))} has run ${span(ctx.elapsed)} of its ${span(required)} minimum${why}.` };
  }
  return { unmet: false, required, text: `${cap(stageName(ctx))} has run ${span(ctx.elapsed)} (at least ${span(required)}${why} required).` };
}

/** Gate: minimum passing evaluations at the stage. @internal */
export function minPassingEvaluationsGate(ctx: RuleContext): { unmet: boolean; text: string } {
  const required = ctx.stage.minPassingEvaluations ?? ctx.policy.minPassingEvaluations;
  const passes = ctx.state.stagePasses + (ctx.passing ? 1 : 0);
  const where = `at ${stageName(ctx)}`;
  if (passes < required) return { unmet: true, text: `${plural(passes, 'passing evaluation')} ${where}, of the ${required} required.` };
  return { unmet: false, text: `${plural(passes, 'passing evaluation')} ${where} (at least ${required} required).` };
}

/** Gate: minimum canary points of every counted SLI. `null` when disabled. @internal */
export function minCanarySamplesGate(ctx: RuleContext): { unmet: boolean; text: string } | null {
  const min = ctx.policy.minCanarySamples;
  if (min === null) return null;
  const slis = ctx.evaluation.verdict?.slis ?? [];
  if (slis.length === 0) return { unmet: true, text: `No SLI results to count canary points in (at least ${min} required).` };
  const unknown = slis.filter((s) => s.canarySamples === null);
  if (unknown.length > 0) return { unmet: true, text: `Canary point counts are unknown for ${names(unknown)} (at least ${min} required).` };
  const few = slis.filter((s) => (s.canarySamples as number) < min);
  if (few.length > 0) {
    return { unmet: true, text: `${few.map((s) => `${s.name} has ${s.canarySamples} canary points`).join(', ')}: fewer than the ${min} required.` };
  }
  const fewest = slis.reduce((a, b) => ((b.canarySamples as number) < (a.canarySamples as number) ? b : a));
  return { unmet: false, text: `Every SLI has at least ${min} canary points (fewest: ${fewest.canarySamples}, ${fewest.name}).` };
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
