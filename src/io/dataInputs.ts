/**
 * Many input files → one judge data object: the `--data` arguments of `canary-judge judge`, each a file holding
 * many SLIs, or one SLI's file named on the command line (`latency_p99=p99.json`), or one half of a rate SLI's
 * counts (`errors.events=errors.json`, `errors.total=requests.json`).
 * @module
 */
import { CanaryJudgeError } from '../errors.js';
import type { JudgeData, SideData, SliData } from '../judge/types.js';
import { countsFromSeries } from './counts.js';
import { readInputFile, type InputFormat } from './files.js';
import type { ParseInputOptions, ParsedInput } from './types.js';

/** One `--data` argument: a file, and the SLI it belongs to when it was named (`NAME=FILE`). */
export interface DataSpec {
  /** The file (`-` is standard input). */
  file: string;
  /** The SLI the file holds (from `NAME=FILE`); absent for a file that names its SLIs itself. */
  sli?: string;
  /** `events` or `total` (from `NAME.events=FILE`, `NAME.total=FILE`): one half of a rate SLI's counts. */
  part?: 'events' | 'total';
}

/** Options of {@link parseDataSpec}. */
export interface ParseDataSpecOptions {
  /**
   * SLI names that end in `.events` or `.total` themselves (the names of the config): `errors.total=FILE` is then
   * the whole SLI `errors.total`, not the totals of `errors`.
   */
  knownSlis?: readonly string[];
}

/**
 * Reads a `--data` argument: `FILE`, `NAME=FILE`, or `NAME.events=FILE` / `NAME.total=FILE` (the two halves of a
 * rate SLI's counts, paired by {@link countsFromSeries}). The text before the first `=` is the SLI name when it is
 * not empty and holds no `/` or `\`; so a file whose name contains `=` is given with a folder: `./a=b.json`.
 *
 * @example
 * ```ts
 * import { parseDataSpec } from 'canary-judge/io';
 *
 * parseDataSpec('data.json');                        // { file: 'data.json' }
 * parseDataSpec('latency_p99=prom/p99.json');        // { file: 'prom/p99.json', sli: 'latency_p99' }
 * parseDataSpec('errors.events=prom/5xx.json');      // { file: 'prom/5xx.json', sli: 'errors', part: 'events' }
 * parseDataSpec('./odd=name.csv');                   // { file: './odd=name.csv' }
 * ```
 */
export function parseDataSpec(arg: string, options: ParseDataSpecOptions = {}): DataSpec {
  const eq = arg.indexOf('=');
  if (eq < 0) return { file: arg };
  const name = arg.slice(0, eq);
  if (/[\\/]/.test(name)) return { file: arg };
  const file = arg.slice(eq + 1);
  if (name.trim() === '') throw new CanaryJudgeError('INVALID_ARGUMENT', `${JSON.stringify(arg)}: empty SLI name before "=" (use NAME=FILE, or ./FILE for a file whose name starts with "=")`, arg);
  if (file === '') throw new CanaryJudgeError('INVALID_ARGUMENT', `${JSON.stringify(arg)}: no file after "=" (use NAME=FILE)`, arg);
  if (options.knownSlis?.includes(name)) return { file, sli: name };
  const m = /^(.+)\.(events|total)$/.exec(name);
  if (m) return { file, sli: m[1], part: m[2] as 'events' | 'total' };
  return { file, sli: name };
}

/**
 * A spec as the user writes it: `FILE`, `NAME=FILE` or `NAME.part=FILE` (the inverse of {@link parseDataSpec}).
 *
 * @example
 * ```ts
 * formatDataSpec({ file: 'e.json', sli: 'errors', part: 'events' }); // 'errors.events=e.json'
 * ```
 */
export function formatDataSpec(spec: DataSpec): string {
  if (spec.sli === undefined) return spec.file;
  return `${spec.sli}${spec.part ? `.${spec.part}` : ''}=${spec.file}`;
}

/**
 * Adds "the data of SLI x" to an error about a named input's file (the message keeps its `file:line:column:` start);
 * other errors are returned as they are.
 *
 * @example
 * ```ts
 * try { readInputFile(spec.file); } catch (e) { throw annotateDataError(e, spec); }
 * // p99.json: no such file (the data of SLI "latency_p99")
 * ```
 */
export function annotateDataError(e: unknown, spec: DataSpec): unknown {
  if (spec.sli === undefined || !(e instanceof CanaryJudgeError)) return e;
  const what = spec.part ? `the ${spec.part} of SLI ${JSON.stringify(spec.sli)}` : `the data of SLI ${JSON.stringify(spec.sli)}`;
  return new CanaryJudgeError(e.code, `${e.message} (${what})`, e.path, e.problems.length > 1 ? e.problems : undefined);
}

/** One parsed input with where it came from: what {@link mergeDataInputs} merges. */
export interface DataInput extends DataSpec {
  /** The parsed file ({@link ParsedInput}). */
  input: ParsedInput;
}

/** Options of {@link mergeDataInputs}. */
export interface MergeDataOptions {
  /** The SLI of an unnamed file holding one SLI (both sides); without it such a file is an error. */
  defaultSli?: string;
  /** Round the counts paired from `events`/`total` series per interval (default true; see {@link countsFromSeries}). */
  round?: boolean;
}

const usage = (message: string, file: string) => new CanaryJudgeError('INVALID_ARGUMENT', message, file);
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * Merges parsed inputs into one judge data object `{ [sli]: { baseline, canary } }`:
 * - an unnamed file holding many SLIs (a data object, a long-form CSV) adds every SLI it holds;
 * - a file holding one SLI's two sides (a Prometheus response split by a side label, a CSV with a side column,
 *   JSON `{ baseline, canary }`) goes to its name (`NAME=FILE`), or to `options.defaultSli` when unnamed;
 * - `NAME.events=FILE` and `NAME.total=FILE` are paired per side into counts ({@link countsFromSeries}).
 *
 * An SLI may come from one input only. Misuse — a named file holding many SLIs, a one-side file, an unnamed
 * one-SLI file without a default, half of a counts pair, the same SLI twice — throws `INVALID_ARGUMENT`
 * (the CLI's exit 64); counts that cannot be paired throw `INVALID_DATA` (exit 65). Messages name the file and
 * the SLI. Inputs are not modified.
 *
 * @example
 * ```ts
 * import { mergeDataInputs, parseJsonInput } from 'canary-judge/io';
 *
 * const data = mergeDataInputs([
 *   { sli: 'latency_ms', file: 'lat.json', input: parseJsonInput('{"baseline": [120, 118], "canary": [131, 125]}') },
 *   { sli: 'errors', part: 'events', file: 'e.json', input: parseJsonInput('{"baseline": [1, 0], "canary": [2, 1]}') },
 *   { sli: 'errors', part: 'total', file: 't.json', input: parseJsonInput('{"baseline": [3000, 2990], "canary": [310, 305]}') },
 * ]);
 * // { latency_ms: { baseline: Float64Array [120, 118], canary: Float64Array [131, 125] },
 * //   errors: { baseline: { events: [1, 0], total: [3000, 2990] }, canary: { events: [2, 1], total: [310, 305] } } }
 * ```
 */
export function mergeDataInputs(inputs: readonly DataInput[], options: MergeDataOptions = {}): JudgeData {
  type Pair = { events?: DataInput; total?: DataInput };
  // SLIs in the order their first input was given (a config made from the data lists them so)
  const slots = new Map<string, { where: string; sli?: SliData; pair?: Pair }>();
  const add = (name: string, sli: SliData, where: string) => {
    const before = slots.get(name);
    if (before !== undefined) throw usage(`SLI ${JSON.stringify(name)} has data in more than one input: ${before.where} and ${where}`, where);
    slots.set(name, { where, sli });
  };
  for (const d of inputs) {
    const where = formatDataSpec(d);
    const { input } = d;
    if (input.kind === 'side') {
      const owner = d.sli !== undefined ? ` (SLI ${JSON.stringify(d.sli)})` : '';
      throw usage(`${d.file}${owner} holds one side of one SLI: pass it with --baseline or --canary, or split a Prometheus response into baseline and canary with a side label (--side-label LABEL)`, d.file);
    }
    if (input.kind === 'data') {
      const names = Object.keys(input.data);
      if (d.sli !== undefined) {
        throw usage(`${where}: ${d.file} holds ${plural(names.length, 'SLI')} (${names.join(', ')}), not one SLI's data: give it without a name (--data ${d.file})`, d.file);
      }
      for (const name of names) add(name, input.data[name] as SliData, d.file);
      continue;
    }
    if (d.sli === undefined) {
      if (options.defaultSli === undefined) throw usage(`${d.file} holds one SLI's data: say which SLI it is (--data NAME=${d.file})`, d.file);
      add(options.defaultSli, input.sli, d.file);
      continue;
    }
    if (d.part === undefined) {
      add(d.sli, input.sli, where);
      continue;
    }
    const slot = slots.get(d.sli);
    if (slot !== undefined && slot.pair === undefined) throw usage(`SLI ${JSON.stringify(d.sli)} has data in more than one input: ${slot.where} and ${where}`, d.file);
    const pair = slot?.pair ?? {};
    const twice = pair[d.part];
    if (twice !== undefined) throw usage(`the ${d.part} of SLI ${JSON.stringify(d.sli)} are given twice: ${formatDataSpec(twice)} and ${where}`, d.file);
    pair[d.part] = d;
    if (slot === undefined) slots.set(d.sli, { where, pair });
  }
  const data: JudgeData = {};
  for (const [name, slot] of slots) {
    if (slot.pair === undefined) {
      data[name] = slot.sli as SliData;
      continue;
    }
    const { events, total } = slot.pair;
    if (!events || !total) {
      const have = (events ?? total) as DataInput;
      const missing = events ? 'total' : 'events';
      throw usage(`SLI ${JSON.stringify(name)}: ${formatDataSpec(have)} has no ${name}.${missing}=FILE: a rate SLI from two series needs the events and the total`, have.file);
    }
    const ev = (events.input as { sli: SliData }).sli;
    const tot = (total.input as { sli: SliData }).sli;
    const side = (which: 'baseline' | 'canary'): SideData | null =>
      countsFromSeries(ev[which], tot[which], { round: options.round, path: `${events.file} and ${total.file} (SLI ${JSON.stringify(name)}, ${which})` });
    data[name] = { baseline: side('baseline'), canary: side('canary') };
  }
  return data;
}

/** Options of {@link readDataFiles}. */
export interface ReadDataOptions extends Omit<ParseInputOptions, 'file' | 'onProgress'>, MergeDataOptions, ParseDataSpecOptions {
  /** The format of every file (default: from each file's extension, else its first character). */
  format?: InputFormat;
}

/**
 * Reads `--data`-style inputs (`FILE`, `NAME=FILE`, `NAME.events=FILE`, `NAME.total=FILE`, or {@link DataSpec}
 * objects) and merges them into one judge data object ({@link mergeDataInputs}): what `canary-judge judge --data …`
 * does, for a deploy tool in Node. Prometheus responses are split by `options.sideLabel`. Every error names the
 * file — with `file:line:column` for bad content — and the SLI of a named input.
 *
 * @example
 * ```ts
 * import { readDataFiles } from 'canary-judge/io';
 * import { judge } from 'canary-judge';
 *
 * // prom/*.json: query_range responses grouped `by (track)`
 * const data = readDataFiles(
 *   ['latency_p99=prom/latency_p99.json', 'errors.events=prom/errors.events.json', 'errors.total=prom/errors.total.json'],
 *   { sideLabel: 'track' },
 * );
 * judge({ slis: [{ name: 'latency_p99', allowedIncrease: 0.1 }, { name: 'errors', test: 'rate', allowedIncrease: 0.5 }] }, data);
 * ```
 */
export function readDataFiles(specs: ReadonlyArray<string | DataSpec>, options: ReadDataOptions = {}): JudgeData {
  const { knownSlis, defaultSli, round, ...parse } = options;
  const inputs = specs.map((s): DataInput => {
    const spec = typeof s === 'string' ? parseDataSpec(s, { knownSlis }) : s;
    try {
      return { ...spec, input: readInputFile(spec.file, parse) };
    } catch (e) {
      throw annotateDataError(e, spec);
    }
  });
  return mergeDataInputs(inputs, { defaultSli, round });
}
