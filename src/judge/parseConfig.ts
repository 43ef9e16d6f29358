import { CanaryJudgeError } from '../errors.js';
import { parseDuration } from '../slo/durations.js';
import type { JudgeConfig } from './types.js';

/** One problem found in a config: a code, the JSON path of the field and a message. */
export interface ConfigProblem {
  code: 'REQUIRED' | 'INVALID_TYPE' | 'INVALID_VALUE' | 'UNKNOWN_FIELD' | 'DUPLICATE_NAME';
  path: string;
  message: string;
}

const ROOT_KEYS = [
  'slis', 'thresholds', 'groupWeights', 'confidence', 'multipleComparisons', 'inconclusive',
  'nodataFailShare', 'insufficientCap', 'scoring', '$schema',
] as const;
const SLI_KEYS = [
  'name', 'groups', 'direction', 'test', 'q', 'confidence', 'effect', 'allowedIncrease', 'allowedDecrease',
  'criticalIncrease', 'criticalDecrease', 'critical', 'mustHaveData', 'weight', 'minSamples', 'minEvents',
  'nan', 'outliers', 'smoothing', 'muted', 'tolerance', 'objective', 'maxBurnRate', 'period',
  'canaryShare', 'tuningSampleSize', 'aggregate',
] as const;
const DIRECTIONS = ['increase', 'decrease', 'either'];
const TESTS = ['mannWhitney', 'rate', 'quantile', 'kayenta', 'burnRate', 'sequential'];
const EFFECTS = ['hlShift', 'meanRatio', 'medianRatio', 'quantileRatio', 'cles', 'rateRatio', 'burnRate'];

/** Keys accepted at the root and on each SLI (kept in step with the JSON Schema by a test). */
export const CONFIG_KEYS = { root: ROOT_KEYS, sli: SLI_KEYS } as const;

type Json = unknown;
const isObject = (v: Json): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);
const show = (v: Json) => (typeof v === 'string' ? JSON.stringify(v) : String(JSON.stringify(v) ?? v));

/** Collects every problem of a config instead of stopping at the first. */
class Checker {
  readonly problems: ConfigProblem[] = [];

  add(code: ConfigProblem['code'], path: string, message: string): void {
    this.problems.push({ code, path, message: `${path || 'config'}: ${message}` });
  }

  unknownKeys(obj: Record<string, Json>, allowed: readonly string[], path: string): void {
    for (const key of Object.keys(obj)) {
      if (!allowed.includes(key)) {
        const near = allowed.find((a) => a.toLowerCase() === key.toLowerCase());
        this.add('UNKNOWN_FIELD', join(path, key), `unknown field${near ? ` (did you mean "${near}"?)` : ''}`);
      }
    }
  }

  number(v: Json, path: string, opts: { min?: number; max?: number; exclusiveMin?: boolean; exclusiveMax?: boolean; integer?: boolean }): void {
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      this.add('INVALID_TYPE', path, `must be a finite number, got ${show(v)}`);
      return;
    }
    if (opts.integer && !Number.isInteger(v)) this.add('INVALID_VALUE', path, `must be an integer, got ${v}`);
    const { min, max } = opts;
    if (min !== undefined && (opts.exclusiveMin ? v <= min : v < min)) {
      this.add('INVALID_VALUE', path, `must be ${opts.exclusiveMin ? '>' : '≥'} ${min}, got ${v}`);
    }
    if (max !== undefined && (opts.exclusiveMax ? v >= max : v > max)) {
      this.add('INVALID_VALUE', path, `must be ${opts.exclusiveMax ? '<' : '≤'} ${max}, got ${v}`);
    }
  }

  oneOf(v: Json, allowed: readonly string[], path: string): void {
    if (typeof v !== 'string' || !allowed.includes(v)) {
      this.add('INVALID_VALUE', path, `must be one of ${allowed.map((a) => `"${a}"`).join(', ')}, got ${show(v)}`);
    }
  }

  boolean(v: Json, path: string): void {
    if (typeof v !== 'boolean') this.add('INVALID_TYPE', path, `must be true or false, got ${show(v)}`);
  }
}

function join(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return path ? `${path}.${key}` : key;
}

const probability = { min: 0, max: 1, exclusiveMin: true, exclusiveMax: true };

function checkNan(c: Checker, v: Json, path: string): void {
  if (v === 'remove' || v === 'fail') return;
  if (isObject(v) && Object.keys(v).length === 1 && 'replace' in v) {
    c.number(v.replace, join(path, 'replace'), {});
    return;
  }
  c.add('INVALID_VALUE', path, `must be "remove", "fail" or { "replace": <number> }, got ${show(v)}`);
}

function checkOutliers(c: Checker, v: Json, path: string): void {
  if (v === 'none' || v === 'iqr' || v === 'mad') return;
  if (!isObject(v)) {
    c.add('INVALID_VALUE', path, `must be "none", "iqr", "mad" or an object with "method", got ${show(v)}`);
    return;
  }
  c.oneOf(v.method, ['iqr', 'kayentaIqr', 'mad'], join(path, 'method'));
  const param = v.method === 'mad' ? 'k' : 'factor';
  c.unknownKeys(v, ['method', param], path);
  if (v[param] !== undefined) c.number(v[param], join(path, param), { min: 0, exclusiveMin: true });
}

function checkSmoothing(c: Checker, v: Json, path: string): void {
  if (v === 'none') return;
  if (!isObject(v)) {
    c.add('INVALID_VALUE', path, `must be "none" or an object with "method", got ${show(v)}`);
    return;
  }
  c.oneOf(v.method, ['ewma', 'rollingMedian'], join(path, 'method'));
  if (v.method === 'ewma') {
    c.unknownKeys(v, ['method', 'alpha', 'halfLife'], path);
    if (v.alpha !== undefined && v.halfLife !== undefined) c.add('INVALID_VALUE', path, 'give "alpha" or "halfLife", not both');
    if (v.alpha === undefined && v.halfLife === undefined) c.add('REQUIRED', join(path, 'alpha'), 'ewma needs "alpha" (0 < alpha ≤ 1) or "halfLife" (points)');
    if (v.alpha !== undefined) c.number(v.alpha, join(path, 'alpha'), { min: 0, max: 1, exclusiveMin: true });
    if (v.halfLife !== undefined) c.number(v.halfLife, join(path, 'halfLife'), { min: 0, exclusiveMin: true });
  } else if (v.method === 'rollingMedian') {
    c.unknownKeys(v, ['method', 'window'], path);
    if (v.window === undefined) c.add('REQUIRED', join(path, 'window'), 'rollingMedian needs "window" (points)');
    else c.number(v.window, join(path, 'window'), { min: 1, integer: true });
  }
}

function checkSli(c: Checker, sli: Json, path: string, names: Map<string, string>, groups: Set<string>): void {
  if (!isObject(sli)) {
    c.add('INVALID_TYPE', path, `must be an object, got ${show(sli)}`);
    return;
  }
  c.unknownKeys(sli, SLI_KEYS, path);
  if (sli.name === undefined) c.add('REQUIRED', join(path, 'name'), 'every SLI needs a "name"');
  else if (typeof sli.name !== 'string' || sli.name.trim() === '') c.add('INVALID_TYPE', join(path, 'name'), `must be a non-empty string, got ${show(sli.name)}`);
  else if (names.has(sli.name)) c.add('DUPLICATE_NAME', join(path, 'name'), `"${sli.name}" is already used by ${names.get(sli.name)}`);
  else names.set(sli.name, path);

  if (sli.groups !== undefined) {
    if (!Array.isArray(sli.groups) || sli.groups.length === 0) c.add('INVALID_TYPE', join(path, 'groups'), 'must be a non-empty array of group names');
    else sli.groups.forEach((g, i) => {
      if (typeof g !== 'string' || g === '') c.add('INVALID_TYPE', join(join(path, 'groups'), i), `must be a non-empty string, got ${show(g)}`);
      else groups.add(g);
    });
  } else groups.add('default');
  if (sli.direction !== undefined) c.oneOf(sli.direction, DIRECTIONS, join(path, 'direction'));
  if (sli.test !== undefined) c.oneOf(sli.test, TESTS, join(path, 'test'));
  if (sli.q !== undefined) c.number(sli.q, join(path, 'q'), probability);
  if (sli.confidence !== undefined) c.number(sli.confidence, join(path, 'confidence'), probability);
  if (sli.effect !== undefined) {
    c.oneOf(sli.effect, EFFECTS, join(path, 'effect'));
    if (sli.test === 'rate' && sli.effect !== 'rateRatio') c.add('INVALID_VALUE', join(path, 'effect'), 'a rate SLI is judged on "rateRatio"');
    if (sli.test !== 'rate' && sli.test !== 'sequential' && sli.effect === 'rateRatio') c.add('INVALID_VALUE', join(path, 'effect'), '"rateRatio" needs test "rate" or "sequential"');
    if (sli.test === 'kayenta' && sli.effect !== 'meanRatio' && sli.effect !== 'cles') c.add('INVALID_VALUE', join(path, 'effect'), 'the kayenta classifier measures "meanRatio" or "cles"');
    if ((sli.test === 'burnRate') !== (sli.effect === 'burnRate')) c.add('INVALID_VALUE', join(path, 'effect'), '"burnRate" is the effect of, and only of, test "burnRate" (which needs no effect)');
  }
  if (sli.test === 'burnRate' && sli.objective === undefined) c.add('REQUIRED', join(path, 'objective'), 'a burnRate SLI needs the SLO "objective" as a fraction, e.g. 0.999');
  if (sli.objective !== undefined) c.number(sli.objective, join(path, 'objective'), probability);
  if (sli.aggregate !== undefined && sli.aggregate !== 'none' && sli.aggregate !== 'auto') {
    const a = sli.aggregate;
    if (!isObject(a)) c.add('INVALID_VALUE', join(path, 'aggregate'), `must be "none", "auto" or { "size": <points>, "stat": "mean" | "median" | "max" }, got ${show(a)}`);
    else {
      c.unknownKeys(a, ['size', 'stat'], join(path, 'aggregate'));
      if (a.size === undefined) c.add('REQUIRED', join(path, 'aggregate.size'), 'a block aggregation needs "size" (points per block)');
      else c.number(a.size, join(path, 'aggregate.size'), { min: 1, integer: true });
      if (a.stat !== undefined) c.oneOf(a.stat, ['mean', 'median', 'max'], join(path, 'aggregate.stat'));
    }
  }
  if (sli.canaryShare !== undefined) c.number(sli.canaryShare, join(path, 'canaryShare'), probability);
  if (sli.tuningSampleSize !== undefined) c.number(sli.tuningSampleSize, join(path, 'tuningSampleSize'), { min: 1 });
  if (sli.test === 'sequential' && sli.effect !== undefined && !['meanRatio', 'quantileRatio', 'rateRatio'].includes(sli.effect as string)) {
    c.add('INVALID_VALUE', join(path, 'effect'), 'a sequential SLI measures "meanRatio" (default for samples), "quantileRatio" (with q) or "rateRatio" (counts)');
  }
  if (sli.maxBurnRate !== undefined) c.number(sli.maxBurnRate, join(path, 'maxBurnRate'), { min: 0, exclusiveMin: true });
  if (sli.period !== undefined) {
    try {
      if (typeof sli.period !== 'string' && typeof sli.period !== 'number') throw new Error('not a duration');
      if (!(parseDuration(sli.period, 'period') > 0)) throw new Error('not positive');
    } catch {
      c.add('INVALID_VALUE', join(path, 'period'), `must be a positive duration such as "30d" or a number of seconds, got ${show(sli.period)}`);
    }
  }
  for (const key of ['allowedIncrease', 'allowedDecrease', 'criticalIncrease', 'criticalDecrease', 'tolerance'] as const) {
    if (sli[key] !== undefined) c.number(sli[key], join(path, key), { min: 0 });
  }
  for (const [crit, allowed] of [['criticalIncrease', 'allowedIncrease'], ['criticalDecrease', 'allowedDecrease']] as const) {
    const cv = sli[crit];
    const av = sli[allowed];
    if (typeof cv === 'number' && typeof av === 'number' && cv < av) c.add('INVALID_VALUE', join(path, crit), `must be ≥ ${allowed} (${av}), got ${cv}`);
  }
  for (const key of ['critical', 'mustHaveData', 'muted'] as const) if (sli[key] !== undefined) c.boolean(sli[key], join(path, key));
  if (sli.weight !== undefined) c.number(sli.weight, join(path, 'weight'), { min: 0, exclusiveMin: true });
  if (sli.minSamples !== undefined) c.number(sli.minSamples, join(path, 'minSamples'), { min: 1, integer: true });
  if (sli.minEvents !== undefined) c.number(sli.minEvents, join(path, 'minEvents'), { min: 0, integer: true });
  if (sli.nan !== undefined) checkNan(c, sli.nan, join(path, 'nan'));
  if (sli.outliers !== undefined) checkOutliers(c, sli.outliers, join(path, 'outliers'));
  if (sli.smoothing !== undefined) checkSmoothing(c, sli.smoothing, join(path, 'smoothing'));
}

/**
 * Lists every problem of a judge config (empty when it is valid). Use {@link parseConfig} to get a typed config
 * or one error that carries all the problems.
 *
 * @example
 * ```ts
 * validateConfig({ slis: [{ name: 'p99', direction: 'up' }] });
 * // [{ code: 'INVALID_VALUE', path: 'slis[0].direction', message: 'slis[0].direction: must be one of "increase", "decrease", "either", got "up"' }]
 * ```
 */
export function validateConfig(json: unknown): ConfigProblem[] {
  const c = new Checker();
  if (!isObject(json)) {
    c.add('INVALID_TYPE', '', `a judge config must be a JSON object, got ${show(json)}`);
    return c.problems;
  }
  c.unknownKeys(json, ROOT_KEYS, '');
  const groups = new Set<string>();
  if (json.slis === undefined) c.add('REQUIRED', 'slis', 'a config needs "slis", a non-empty array');
  else if (!Array.isArray(json.slis) || json.slis.length === 0) c.add('INVALID_TYPE', 'slis', 'must be a non-empty array of SLI configs');
  else {
    const names = new Map<string, string>();
    json.slis.forEach((sli, i) => checkSli(c, sli, join('slis', i), names, groups));
  }
  const t = json.thresholds;
  if (t !== undefined) {
    if (!isObject(t)) c.add('INVALID_TYPE', 'thresholds', 'must be an object { pass, marginal }');
    else {
      c.unknownKeys(t, ['pass', 'marginal'], 'thresholds');
      if (t.pass !== undefined) c.number(t.pass, 'thresholds.pass', { min: 0, max: 100 });
      if (t.marginal !== undefined) c.number(t.marginal, 'thresholds.marginal', { min: 0, max: 100 });
      const pass = typeof t.pass === 'number' ? t.pass : 95;
      const marginal = typeof t.marginal === 'number' ? t.marginal : 75;
      if (marginal > pass) c.add('INVALID_VALUE', 'thresholds.marginal', `must be ≤ thresholds.pass (${pass}), got ${marginal}`);
    }
  }
  if (json.groupWeights !== undefined) {
    if (!isObject(json.groupWeights)) c.add('INVALID_TYPE', 'groupWeights', 'must be an object mapping group names to weights');
    else for (const [g, w] of Object.entries(json.groupWeights)) {
      c.number(w, join('groupWeights', g), { min: 0 });
      if (groups.size > 0 && !groups.has(g)) c.add('INVALID_VALUE', join('groupWeights', g), `no SLI is in group "${g}"`);
    }
  }
  if (json.confidence !== undefined) c.number(json.confidence, 'confidence', probability);
  if (json.multipleComparisons !== undefined) c.oneOf(json.multipleComparisons, ['none', 'holm', 'bh'], 'multipleComparisons');
  if (json.inconclusive !== undefined) c.oneOf(json.inconclusive, ['pass', 'marginal', 'fail'], 'inconclusive');
  if (json.nodataFailShare !== undefined) c.number(json.nodataFailShare, 'nodataFailShare', { min: 0, max: 1, exclusiveMin: true });
  if (json.insufficientCap !== undefined) c.oneOf(json.insufficientCap, ['pass', 'marginal', 'fail'], 'insufficientCap');
  if (json.scoring !== undefined) c.oneOf(json.scoring, ['weighted', 'kayenta'], 'scoring');
  return c.problems;
}

/**
 * Validates a judge config (parsed JSON or a JSON string) and returns it typed. Every problem is reported at once:
 * the thrown {@link CanaryJudgeError} has code `INVALID_CONFIG`, the path of the first problem, and all of them in
 * `problems` (each with its own code and JSON path such as `slis[3].direction`).
 *
 * @example
 * ```ts
 * const config = parseConfig('{"slis":[{"name":"latency_ms","allowedIncrease":0.05}]}');
 * config.slis[0].name; // 'latency_ms'
 * ```
 */
export function parseConfig(json: unknown): JudgeConfig {
  let value = json;
  if (typeof json === 'string') {
    try {
      value = JSON.parse(json);
    } catch (e) {
      throw new CanaryJudgeError('INVALID_JSON', `config is not valid JSON: ${(e as Error).message}`, '');
    }
  }
  const problems = validateConfig(value);
  if (problems.length > 0) {
    const list = problems.map((p) => `  - ${p.message}`).join('\n');
    throw new CanaryJudgeError(
      'INVALID_CONFIG',
      `invalid judge config (${problems.length} problem${problems.length > 1 ? 's' : ''}):\n${list}`,
      problems[0].path,
      problems,
    );
  }
  return value as JudgeConfig;
}
