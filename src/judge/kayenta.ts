import { CanaryJudgeError } from '../errors.js';
import { parseConfig } from './parseConfig.js';
import type { JudgeConfig, SliConfig } from './types.js';

/** Options of {@link fromKayentaConfig}. */
export interface FromKayentaOptions {
  /** Score needed to pass (Kayenta's `scoreThresholds.pass`). Required. */
  pass: number;
  /** Score needed to be marginal (Kayenta's `scoreThresholds.marginal`). Required. */
  marginal: number;
  /** Fraction of |Hodges–Lehmann estimate| the interval must clear (Kayenta's default 0.25). */
  tolerance?: number;
  /** Confidence level of the Mann–Whitney interval (Kayenta's default 0.98). */
  confidence?: number;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function num(v: unknown, path: string, problems: Array<{ code: string; path: string; message: string }>): number | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'number' || !Number.isFinite(v)) {
    problems.push({ code: 'INVALID_TYPE', path, message: `${path}: must be a number, got ${JSON.stringify(v)}` });
    return undefined;
  }
  return v;
}

/**
 * Converts a Kayenta canary config (the JSON of Spinnaker's canary configs: `metrics[]` with
 * `analysisConfigurations.canary` — `direction`, `nanStrategy`, `outliers.strategy/outlierFactor`, `critical`,
 * `mustHaveData`, `muted`, `effectSize` with `allowedIncrease/allowedDecrease/criticalIncrease/criticalDecrease`
 * and `measure: meanRatio | cles` — `groups`, and `classifier.groupWeights`) into a {@link JudgeConfig} that
 * reproduces NetflixACAJudge: every SLI uses the `kayenta` classifier, NaN are removed or replaced by 0, outliers
 * are removed with Kayenta's IQR fences when asked, and runs are scored by Kayenta's weighted-sum scorer.
 *
 * Kayenta's effect sizes are ratios (mean ratio 1.1, CLES 0.6); canary-judge stores them relative (0.1), so
 * `allowedIncrease: 1.1` becomes 0.1 and `allowedDecrease: 0.9` becomes 0.1.
 *
 * @example
 * ```ts
 * const config = fromKayentaConfig(
 *   { metrics: [{ name: 'cpu', groups: ['system'], analysisConfigurations: { canary: { direction: 'increase' } } }],
 *     classifier: { groupWeights: { system: 100 } } },
 *   { pass: 95, marginal: 75 },
 * );
 * config.slis[0]; // { name: 'cpu', test: 'kayenta', direction: 'increase', groups: ['system'], … }
 * ```
 */
export function fromKayentaConfig(canaryConfig: unknown, options: FromKayentaOptions): JudgeConfig {
  const problems: Array<{ code: string; path: string; message: string }> = [];
  if (!isObject(canaryConfig)) throw new CanaryJudgeError('INVALID_KAYENTA_CONFIG', 'a Kayenta canary config must be a JSON object', '');
  if (!isObject(options) || typeof options.pass !== 'number' || typeof options.marginal !== 'number') {
    throw new CanaryJudgeError('INVALID_ARGUMENT', 'fromKayentaConfig needs { pass, marginal } score thresholds', 'options');
  }
  const tolerance = options.tolerance ?? 0.25;
  const confidence = options.confidence ?? 0.98;
  const metrics = canaryConfig.metrics;
  if (!Array.isArray(metrics) || metrics.length === 0) {
    throw new CanaryJudgeError('INVALID_KAYENTA_CONFIG', 'metrics: a Kayenta canary config needs a non-empty "metrics" array', 'metrics');
  }
  const slis: SliConfig[] = metrics.map((m, i): SliConfig => {
    const path = `metrics[${i}]`;
    if (!isObject(m)) {
      problems.push({ code: 'INVALID_TYPE', path, message: `${path}: must be an object` });
      return { name: `metric-${i}` };
    }
    const canary = isObject(m.analysisConfigurations) && isObject(m.analysisConfigurations.canary) ? m.analysisConfigurations.canary : {};
    const cpath = `${path}.analysisConfigurations.canary`;
    const effect = isObject(canary.effectSize) ? canary.effectSize : {};
    const measure = effect.measure === 'cles' ? 'cles' : 'meanRatio';
    if (effect.measure !== undefined && effect.measure !== 'cles' && effect.measure !== 'meanRatio') {
      problems.push({ code: 'INVALID_VALUE', path: `${cpath}.effectSize.measure`, message: `${cpath}.effectSize.measure: must be "meanRatio" or "cles"` });
    }
    const neutral = measure === 'cles' ? 0.5 : 1;
    // rounded to 12 significant digits so that 1.2 − 1 reads 0.2, not 0.19999999999999996
    const tidy = (v: number) => Number(v.toPrecision(12));
    const up = (v: number | undefined) => (v === undefined ? undefined : tidy(Math.max(0, v - neutral)));
    const down = (v: number | undefined) => (v === undefined ? undefined : tidy(Math.max(0, neutral - v)));
    const allowedIncrease = up(num(effect.allowedIncrease, `${cpath}.effectSize.allowedIncrease`, problems)) ?? 0;
    const allowedDecrease = down(num(effect.allowedDecrease, `${cpath}.effectSize.allowedDecrease`, problems)) ?? 0;
    const criticalIncrease = up(num(effect.criticalIncrease, `${cpath}.effectSize.criticalIncrease`, problems));
    const criticalDecrease = down(num(effect.criticalDecrease, `${cpath}.effectSize.criticalDecrease`, problems));
    const direction = canary.direction ?? 'either';
    if (direction !== 'increase' && direction !== 'decrease' && direction !== 'either') {
      problems.push({ code: 'INVALID_VALUE', path: `${cpath}.direction`, message: `${cpath}.direction: must be increase, decrease or either` });
    }
    const outliers = isObject(canary.outliers) ? canary.outliers : {};
    const factor = num(outliers.outlierFactor, `${cpath}.outliers.outlierFactor`, problems);
    const critical = canary.critical === true;
    const sli: SliConfig = {
      name: typeof m.name === 'string' && m.name !== '' ? m.name : `metric-${i}`,
      test: 'kayenta',
      effect: measure,
      direction: direction as SliConfig['direction'],
      groups: Array.isArray(m.groups) && m.groups.length > 0 ? (m.groups as string[]) : ['default'],
      confidence,
      tolerance,
      allowedIncrease,
      allowedDecrease,
      critical,
      mustHaveData: canary.mustHaveData === true,
      muted: canary.muted === true,
      nan: canary.nanStrategy === 'replace' ? { replace: 0 } : 'remove',
      outliers: outliers.strategy === 'remove' ? { method: 'kayentaIqr', ...(factor !== undefined ? { factor } : {}) } : 'none',
      minSamples: 1,
    };
    // Kayenta applies critical effect sizes to critical metrics (defaulting to the allowed ones)
    if (critical) {
      sli.criticalIncrease = Math.max(criticalIncrease ?? allowedIncrease, allowedIncrease);
      sli.criticalDecrease = Math.max(criticalDecrease ?? allowedDecrease, allowedDecrease);
    }
    return sli;
  });
  if (problems.length > 0) {
    throw new CanaryJudgeError('INVALID_KAYENTA_CONFIG', `invalid Kayenta config:\n${problems.map((p) => `  - ${p.message}`).join('\n')}`, problems[0].path, problems);
  }
  const classifier = isObject(canaryConfig.classifier) ? canaryConfig.classifier : {};
  const groupWeights = isObject(classifier.groupWeights) ? (classifier.groupWeights as Record<string, number>) : undefined;
  return parseConfig({
    slis,
    thresholds: { pass: options.pass, marginal: options.marginal },
    ...(groupWeights && Object.keys(groupWeights).length > 0 ? { groupWeights } : {}),
    scoring: 'kayenta',
    insufficientCap: 'pass',
    nodataFailShare: 0.5,
    multipleComparisons: 'none',
  });
}
