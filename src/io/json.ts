/**
 * JSON input: a judge data object (`{ [sli]: { baseline, canary } }`), one SLI's two sides, one side, or a
 * Prometheus `query_range` response — recognised by shape. Syntax and shape errors name the file, line and column.
 * @module
 */
import type { Counts, JudgeData, SideData, SliData } from '../judge/types.js';
import { formatJsonPath, jsonSyntaxError, locateJsonPath, type JsonPathStep } from './jsonLocate.js';
import { inputError, positionAt, type InputErrorCode } from './location.js';
import { isPrometheusResponse, prometheusInput } from './prometheus.js';
import type { ParseInputOptions, ParsedInput } from './types.js';

type Json = unknown;
const isObject = (v: Json): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);
const show = (v: Json) => {
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 40 ? `${s.slice(0, 37)}...` : s;
};

/**
 * Parses JSON text; a syntax error throws `INVALID_JSON` with `file:line:column` (found by re-reading the text,
 * since `JSON.parse` messages vary between engines).
 *
 * @example
 * ```ts
 * parseJsonText('{"slis": [}', 'canary.json'); // throws "canary.json:1:11: unexpected "}": expected a JSON value"
 * ```
 */
export function parseJsonText(text: string, file = '<input>'): unknown {
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    const err = jsonSyntaxError(text);
    if (err) throw inputError('INVALID_JSON', file, positionAt(text, err.offset), err.message);
    throw inputError('INVALID_JSON', file, null, (e as Error).message);
  }
}

/**
 * Parses a path such as `slis[3].direction` or `groupWeights["a b"]` into steps (the inverse of `formatJsonPath`).
 *
 * @example
 * ```ts
 * parseJsonPath('slis[3].direction'); // ['slis', 3, 'direction']
 * parseJsonPath('groupWeights["a b"]'); // ['groupWeights', 'a b']
 * ```
 */
export function parseJsonPath(path: string): JsonPathStep[] {
  const steps: JsonPathStep[] = [];
  const re = /\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]|\.?([^.[\]]+)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(path)) !== null) {
    if (m[1] !== undefined) steps.push(Number(m[1]));
    else if (m[2] !== undefined) steps.push(JSON.parse(m[2]) as string);
    else if (m[3] !== undefined) steps.push(m[3]);
  }
  return steps;
}

/** A shape error at a JSON path: located in the text, with the path in the message. */
function shapeError(code: InputErrorCode, text: string, file: string, path: JsonPathStep[], message: string) {
  const where = formatJsonPath(path);
  return inputError(code, file, locateJsonPath(text, path), `${where ? `${where}: ` : ''}${message}`);
}

interface Ctx {
  text: string;
  file: string;
}

function numbers(ctx: Ctx, v: Json, path: JsonPathStep[], what: string): Float64Array {
  if (!Array.isArray(v)) throw shapeError('INVALID_DATA', ctx.text, ctx.file, path, `${what} must be an array of numbers, got ${show(v)}`);
  const out = new Float64Array(v.length);
  for (let i = 0; i < v.length; i++) {
    const x = v[i];
    if (typeof x === 'number') out[i] = x;
    else if (x === null) out[i] = NaN;
    else throw shapeError('INVALID_DATA', ctx.text, ctx.file, [...path, i], `expected a number or null (a missing value), got ${show(x)}`);
  }
  return out;
}

function timestamps(ctx: Ctx, v: Json, path: JsonPathStep[]): Float64Array {
  if (!Array.isArray(v)) throw shapeError('INVALID_DATA', ctx.text, ctx.file, path, `timestamps must be an array, got ${show(v)}`);
  const out = new Float64Array(v.length);
  for (let i = 0; i < v.length; i++) {
    const x = v[i];
    const t = typeof x === 'number' ? x : typeof x === 'string' && /^\d{4}-\d{2}-\d{2}/.test(x) ? Date.parse(x) : NaN;
    if (!Number.isFinite(t)) throw shapeError('INVALID_DATA', ctx.text, ctx.file, [...path, i], `expected a timestamp (a number or an ISO 8601 date), got ${show(x)}`);
    out[i] = t;
  }
  return out;
}

function countsPart(ctx: Ctx, v: Json, path: JsonPathStep[], what: string): number | Float64Array {
  if (typeof v === 'number') {
    if (!(v >= 0) || !Number.isFinite(v)) throw shapeError('INVALID_DATA', ctx.text, ctx.file, path, `${what} must be a non-negative number, got ${v}`);
    return v;
  }
  const arr = numbers(ctx, v, path, what);
  for (let i = 0; i < arr.length; i++) {
    if (arr[i] < 0) throw shapeError('INVALID_DATA', ctx.text, ctx.file, [...path, i], `${what} must be non-negative, got ${arr[i]}`);
  }
  return arr;
}

const SIDE_HELP = 'expected an array of numbers, { "timestamps": [...], "values": [...] }, { "events": ..., "total": ... } or null';

/** Reads one side (samples, time series, counts, or null). */
function side(ctx: Ctx, v: Json, path: JsonPathStep[]): SideData | null {
  if (v === null || v === undefined) return null;
  if (Array.isArray(v)) return numbers(ctx, v, path, 'samples');
  if (!isObject(v)) throw shapeError('INVALID_DATA', ctx.text, ctx.file, path, `${SIDE_HELP}, got ${show(v)}`);
  if ('values' in v) {
    for (const k of Object.keys(v)) if (k !== 'values' && k !== 'timestamps') throw shapeError('INVALID_DATA', ctx.text, ctx.file, [...path, k], 'unknown field: a time series has "timestamps" and "values"');
    const values = numbers(ctx, v.values, [...path, 'values'], 'values');
    if (v.timestamps === undefined) return values; // samples in the given order
    const ts = timestamps(ctx, v.timestamps, [...path, 'timestamps']);
    if (ts.length !== values.length) throw shapeError('INVALID_DATA', ctx.text, ctx.file, [...path, 'timestamps'], `${ts.length} timestamps for ${values.length} values`);
    return { timestamps: ts, values };
  }
  if ('events' in v || 'total' in v) {
    for (const k of Object.keys(v)) if (k !== 'events' && k !== 'total') throw shapeError('INVALID_DATA', ctx.text, ctx.file, [...path, k], 'unknown field: counts have "events" and "total"');
    if (v.events === undefined) throw shapeError('INVALID_DATA', ctx.text, ctx.file, path, 'counts need "events"');
    if (v.total === undefined) throw shapeError('INVALID_DATA', ctx.text, ctx.file, path, 'counts need "total"');
    const events = countsPart(ctx, v.events, [...path, 'events'], 'events');
    const total = countsPart(ctx, v.total, [...path, 'total'], 'total');
    if (typeof events !== typeof total || (typeof events !== 'number' && events.length !== (total as Float64Array).length)) {
      throw shapeError('INVALID_DATA', ctx.text, ctx.file, [...path, 'total'], 'events and total must both be numbers or arrays of the same length');
    }
    const counts: Counts = { events, total };
    return counts;
  }
  throw shapeError('INVALID_DATA', ctx.text, ctx.file, path, `${SIDE_HELP}, got an object with ${Object.keys(v).map((k) => JSON.stringify(k)).join(', ') || 'no fields'}`);
}

function sli(ctx: Ctx, v: Json, path: JsonPathStep[]): SliData {
  if (!isObject(v)) throw shapeError('INVALID_DATA', ctx.text, ctx.file, path, `an SLI's data must be { "baseline": ..., "canary": ... }, got ${show(v)}`);
  for (const k of Object.keys(v)) {
    if (k !== 'baseline' && k !== 'canary') throw shapeError('INVALID_DATA', ctx.text, ctx.file, [...path, k], 'unknown field: an SLI has "baseline" and "canary"');
  }
  return { baseline: side(ctx, v.baseline, [...path, 'baseline']), canary: side(ctx, v.canary, [...path, 'canary']) };
}

/**
 * Parses a JSON text into one side, one SLI's two sides, or many SLIs ({@link ParsedInput}), by shape:
 * - an array of numbers (null = missing), `{ timestamps?, values }` or `{ events, total }` → one side;
 * - `{ baseline, canary }` → one SLI;
 * - `{ [sli]: { baseline, canary } }` → many SLIs (the `judge` data object);
 * - a Prometheus HTTP API `query_range` response (`resultType: "matrix"`) → one side, or one SLI when
 *   `options.sideLabel` names the label that tells baseline from canary.
 *
 * Errors throw `INVALID_JSON` (syntax), `INVALID_DATA` (shape) or `INVALID_PROMETHEUS`, each with a message that
 * starts `file:line:column:` followed by the JSON path of the bad value.
 *
 * @example
 * ```ts
 * parseJsonInput('{"latency_ms": {"baseline": [120, 131], "canary": [125, null]}}', { file: 'data.json' });
 * // { kind: 'data', data: { latency_ms: { baseline: Float64Array [120, 131], canary: Float64Array [125, NaN] } } }
 * ```
 */
export function parseJsonInput(text: string, options: ParseInputOptions = {}): ParsedInput {
  const file = options.file ?? '<input>';
  const json = parseJsonText(text, file);
  const ctx: Ctx = { text, file };
  if (isPrometheusResponse(json)) return prometheusInput(json, text, options);
  if (Array.isArray(json)) return { kind: 'side', side: side(ctx, json, []) as SideData };
  if (!isObject(json)) throw shapeError('INVALID_DATA', text, file, [], `expected data (an object or an array), got ${show(json)}`);
  if ('values' in json || 'events' in json || 'total' in json) return { kind: 'side', side: side(ctx, json, []) as SideData };
  const keys = Object.keys(json);
  if (keys.length > 0 && keys.every((k) => k === 'baseline' || k === 'canary')) return { kind: 'sli', sli: sli(ctx, json, []) };
  if (keys.length === 0) throw shapeError('INVALID_DATA', text, file, [], 'the data object has no SLIs');
  const data: JudgeData = {};
  for (const k of keys) data[k] = sli(ctx, json[k], [k]);
  return { kind: 'data', data };
}
