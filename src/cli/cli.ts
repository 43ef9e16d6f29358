/**
 * The `canary-judge` command line: `judge`, `demo`, `validate`, `kayenta`. Everything is reachable through
 * {@link main}, which takes the arguments and an injectable {@link CliIo} and resolves to the exit code, so tests
 * run it in-process; `src/cli/main.ts` wires it to the real process.
 * @module
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CanaryJudgeError } from '../errors.js';
import { detectInputFormat, parseInput, readJsonFile, readTextFile, writeFileAtomic } from '../io/files.js';
import { annotateDataError, mergeDataInputs, parseDataSpec, type DataInput } from '../io/dataInputs.js';
import { locateJsonPath } from '../io/jsonLocate.js';
import { parseJsonPath } from '../io/json.js';
import type { ParsedInput } from '../io/types.js';
import { fromKayentaConfig, judge, parseConfig, validateConfig } from '../judge/index.js';
import type { JudgeConfig, JudgeData, SliData, Verdict } from '../judge/types.js';
import { formatScore, verdictWord } from '../report/format.js';
import { renderHtmlPage, type HtmlPageEntry } from '../report/html.js';
import { renderMarkdown } from '../report/markdown.js';
import { renderReport, REPORT_FORMATS, type ReportFormat } from '../report/render.js';
import { renderText } from '../report/text.js';
import { EXIT_CODES, exitCodeOf, exitCodeOfError, UsageError } from './exitCodes.js';
import type { CliIo, CliScenario } from './io.js';
import { DEMO_USAGE, JUDGE_USAGE, KAYENTA_USAGE, MAIN_USAGE, VALIDATE_USAGE } from './usage.js';
import pkg from '../../package.json' with { type: 'json' };

/** The version printed by `--version`. */
export const CLI_VERSION: string = (pkg as { version: string }).version;

type Options = NonNullable<ParseArgsConfig['options']>;

const OUTPUT_OPTIONS = {
  format: { type: 'string', short: 'f' },
  output: { type: 'string', short: 'o' },
  quiet: { type: 'boolean', short: 'q' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies Options;

function parse<O extends Options>(argv: string[], options: O, positionals: number) {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError((e as Error).message.replace(/\. To specify a positional argument.*$/s, ''));
  }
  if (parsed.positionals.length > positionals && !(parsed.values as Record<string, unknown>).help) {
    throw new UsageError(`unexpected argument ${JSON.stringify(parsed.positionals[positionals])}`);
  }
  return parsed;
}

function formatOf(value: string | undefined, allowed: readonly string[] = REPORT_FORMATS): ReportFormat {
  const f = (value ?? 'text').toLowerCase();
  const alias = f === 'md' ? 'markdown' : f;
  if (!allowed.includes(alias)) throw new UsageError(`--format must be one of ${allowed.join(', ')}, got ${JSON.stringify(value)}`);
  return alias as ReportFormat;
}

/** Colour for text on stdout: --color / --no-color, else NO_COLOR (any non-empty value) turns it off, FORCE_COLOR on, else a terminal. */
function useColor(io: CliIo, values: { color?: boolean; 'no-color'?: boolean }): boolean {
  if (values['no-color']) return false;
  if (values.color) return true;
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  if (io.env.FORCE_COLOR !== undefined && io.env.FORCE_COLOR !== '' && io.env.FORCE_COLOR !== '0') return true;
  if (io.env.TERM === 'dumb') return false;
  return io.stdout.isTTY === true;
}

/** Progress on a terminal's stderr for large inputs ("reading data.csv… 42%"), cleared when done. */
class Progress {
  private shown = false;
  private last = -1;
  constructor(private readonly io: CliIo, private readonly enabled: boolean) {}

  reader(file: string, size: number): ((fraction: number) => void) | undefined {
    if (!this.enabled || size < (this.io.progressMinBytes ?? 1 << 20)) return undefined;
    this.last = -1;
    this.show(`reading ${file} (${(size / 1048576).toFixed(1)} MB)…`);
    return (fraction: number) => {
      const pct = Math.floor(fraction * 100);
      if (pct === this.last) return;
      this.last = pct;
      this.show(`reading ${file}… ${pct}%`);
    };
  }

  note(text: string): void {
    if (this.enabled && this.shown) this.show(text);
  }

  private show(text: string): void {
    this.shown = true;
    this.io.stderr.write(`\r\x1b[K${text}`);
  }

  done(): void {
    if (this.shown) this.io.stderr.write('\r\x1b[K');
    this.shown = false;
  }
}

/** Writes a command's output: to --output atomically, or to stdout unless --quiet. */
function emit(io: CliIo, text: string, output: string | undefined, quiet: boolean): void {
  if (output !== undefined) writeFileAtomic(output, text);
  else if (!quiet) io.stdout.write(text);
}

/** Reads a config file and validates it; problems are reported with file:line:column and JSON path. */
function loadConfig(path: string): JudgeConfig {
  const { value, text } = readJsonFile(path);
  try {
    return parseConfig(value);
  } catch (e) {
    if (e instanceof CanaryJudgeError && e.code === 'INVALID_CONFIG') throw locatedProblems(e, path, text, 'INVALID_CONFIG', 'invalid judge config');
    throw e;
  }
}

/** Rewrites a multi-problem error so each problem starts with `file:line:column:` (found from its JSON path). */
function locatedProblems(e: CanaryJudgeError, file: string, text: string, code: string, title: string): CanaryJudgeError {
  const lines = e.problems.map((p) => {
    const pos = locateJsonPath(text, parseJsonPath(p.path));
    return `${file}:${pos.line}:${pos.column}: ${p.message}`;
  });
  return new CanaryJudgeError(code, `${title} (${lines.length} problem${lines.length === 1 ? '' : 's'}):\n${lines.map((l) => `  ${l}`).join('\n')}`, e.path, e.problems);
}

function readInput(path: string, progress: Progress, options: { sideLabel?: string; baselineValue?: string; canaryValue?: string }): ParsedInput {
  const text = readTextFile(path);
  const file = path === '-' ? '<stdin>' : path;
  const onProgress = progress.reader(file, text.length);
  try {
    return parseInput(text, detectInputFormat(path, text), { ...options, file, onProgress });
  } finally {
    progress.done();
  }
}

async function judgeCommand(argv: string[], io: CliIo): Promise<number> {
  const { values } = parse(argv, {
    ...OUTPUT_OPTIONS,
    config: { type: 'string', short: 'c' },
    data: { type: 'string', short: 'd', multiple: true },
    baseline: { type: 'string', short: 'b' },
    canary: { type: 'string', short: 'k' },
    sli: { type: 'string', short: 's' },
    'side-label': { type: 'string' },
    'baseline-value': { type: 'string' },
    'canary-value': { type: 'string' },
  }, 0);
  if (values.help) {
    io.stdout.write(JUDGE_USAGE);
    return EXIT_CODES.pass;
  }
  const format = formatOf(values.format);
  const quiet = values.quiet === true;
  const dataArgs = values.data ?? [];
  const single = values.baseline !== undefined || values.canary !== undefined;
  if (single && (values.baseline === undefined || values.canary === undefined)) {
    throw new UsageError(`--baseline and --canary go together: ${values.baseline === undefined ? '--baseline' : '--canary'} is missing`);
  }
  if (!single && dataArgs.length === 0) throw new UsageError('no data: give --data FILE (or NAME=FILE), or --baseline FILE and --canary FILE');
  if (values['side-label'] === undefined && (values['baseline-value'] !== undefined || values['canary-value'] !== undefined)) {
    throw new UsageError('--baseline-value and --canary-value need --side-label');
  }

  const given: JudgeConfig | null = values.config !== undefined ? loadConfig(values.config) : null;
  const specs = dataArgs.map((arg) => parseDataSpec(arg, { knownSlis: given?.slis.map((s) => s.name) }));
  // the SLI of an unnamed file holding one SLI, and of --baseline/--canary
  const defaultSli = values.sli ?? (given === null ? 'value' : given.slis.length === 1 ? given.slis[0].name : undefined);
  const sliName = (): string => {
    if (defaultSli !== undefined) return defaultSli;
    throw new UsageError(`the config has ${given?.slis.length} SLIs: say which one the data is for with --sli NAME`);
  };

  const progress = new Progress(io, io.stderr.isTTY === true && !quiet);
  const promOptions = { sideLabel: values['side-label'], baselineValue: values['baseline-value'], canaryValue: values['canary-value'] };
  const inputs: DataInput[] = specs.map((spec) => {
    try {
      return { ...spec, input: readInput(spec.file, progress, promOptions) };
    } catch (e) {
      throw annotateDataError(e, spec);
    }
  });
  if (defaultSli === undefined && given !== null) {
    const unnamed = inputs.find((d) => d.sli === undefined && d.input.kind === 'sli');
    if (unnamed) throw new UsageError(`${unnamed.file} holds one SLI's data and the config has ${given.slis.length} SLIs: say which one with --data NAME=${unnamed.file} (or --sli NAME)`);
  }
  const data: JudgeData = mergeDataInputs(inputs, { defaultSli });
  if (single) {
    const side = (file: string, which: 'baseline' | 'canary') => {
      const input = readInput(file, progress, {});
      if (input.kind !== 'side') throw new UsageError(`${file} holds ${input.kind === 'sli' ? 'both sides of an SLI' : 'many SLIs'}: pass it with --data, not --${which}`);
      return input.side;
    };
    const name = sliName();
    const sli: SliData = { baseline: side(values.baseline as string, 'baseline'), canary: side(values.canary as string, 'canary') };
    if (Object.prototype.hasOwnProperty.call(data, name)) throw new UsageError(`SLI ${JSON.stringify(name)} has data in more than one input (again in --baseline/--canary)`);
    data[name] = sli;
  }
  // no config: every SLI of the data, each with every default (the judge picks the test from the data's shape)
  const config: JudgeConfig = given ?? { slis: Object.keys(data).map((name) => ({ name })) };
  if (given !== null && !quiet) {
    const known = new Set(given.slis.map((s) => s.name));
    const extra = Object.keys(data).filter((k) => !known.has(k));
    if (extra.length > 0) io.stderr.write(`canary-judge: note: the data has SLI${extra.length === 1 ? '' : 's'} the config does not list (ignored): ${extra.join(', ')}\n`);
  }

  const verdict = judge(config, data);
  if (given === null && specs.length > 0 && !quiet) {
    const tests = verdict.slis.map((r) => `${r.name}: ${r.test}`).join(', ');
    io.stderr.write(`canary-judge: note: no --config: judged ${verdict.slis.length === 1 ? 'the SLI' : `the ${verdict.slis.length} SLIs`} of the data with the default config (${tests})\n`);
  }
  const text = renderReport(verdict, format, { color: format === 'text' && values.output === undefined && useColor(io, values), data });
  emit(io, text, values.output, quiet);
  if (values.output !== undefined && !quiet) io.stderr.write(`canary-judge: ${verdictWord(verdict)} (score ${formatScore(verdict.score)} / 100); report written to ${values.output}\n`);
  return exitCodeOf(verdict);
}

async function defaultScenarios(): Promise<CliScenario[]> {
  const mod = await import('../../datasets/index.js');
  try {
    return mod.demoScenarios();
  } catch (e) {
    // the NAB scenarios read datasets/nab/*.csv next to the module (dist/nab/ in the build)
    const err = e as NodeJS.ErrnoException & { path?: string };
    if (err.code === 'ENOENT') {
      throw new CanaryJudgeError('FILE_NOT_FOUND', `the demo data is missing: ${err.path ?? err.message} (the build copies datasets/nab/*.csv to dist/nab/)`, err.path ?? '');
    }
    throw e;
  }
}

/** Wraps text at spaces to lines of at most `width` characters (longer words stay whole). */
function wrap(text: string, width: number): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.join('\n');
}

function matches(expected: string, verdict: Verdict): boolean {
  if (expected === 'not-pass') return verdict.verdict !== 'pass';
  return expected === verdict.verdict;
}

async function demoCommand(argv: string[], io: CliIo): Promise<number> {
  const { values } = parse(argv, { ...OUTPUT_OPTIONS, scenario: { type: 'string', multiple: true }, list: { type: 'boolean' } }, 0);
  if (values.help) {
    io.stdout.write(DEMO_USAGE);
    return EXIT_CODES.pass;
  }
  const format = formatOf(values.format);
  const quiet = values.quiet === true;
  const all = await (io.loadScenarios ?? defaultScenarios)();
  if (values.list) {
    const w = Math.max(...all.map((s) => s.id.length));
    emit(io, all.map((s) => `${s.id.padEnd(w)}  ${s.expected.padEnd(8)}  ${s.title}\n`).join(''), values.output, quiet);
    return EXIT_CODES.pass;
  }
  const wanted = values.scenario ?? [];
  for (const id of wanted) {
    if (!all.some((s) => s.id === id)) throw new UsageError(`no demo scenario ${JSON.stringify(id)}; run \`canary-judge demo --list\``);
  }
  const scenarios = wanted.length > 0 ? all.filter((s) => wanted.includes(s.id)) : all;
  const color = format === 'text' && values.output === undefined && useColor(io, values);
  const results = scenarios.map((s) => ({ scenario: s, verdict: judge(s.config, s.data) }));
  const expectation = (s: CliScenario) => (s.expected === 'not-pass' ? 'marginal or fail' : s.expected);
  let out: string;
  if (format === 'json') {
    out = JSON.stringify(results.map(({ scenario: s, verdict }) => ({ id: s.id, title: s.title, expected: s.expected, matches: matches(s.expected, verdict), verdict })), null, 2) + '\n';
  } else if (format === 'html') {
    const entries: HtmlPageEntry[] = results.map(({ scenario: s, verdict }) => ({
      verdict,
      data: s.data,
      title: `${s.title} (${s.id})`,
      description: `${s.description} Expected: ${expectation(s)}; got: ${verdict.verdict}${matches(s.expected, verdict) ? '' : ' — MISMATCH'}.`,
    }));
    out = renderHtmlPage(entries, { title: 'canary-judge demo', description: `${results.length} scenarios with a known right answer, judged by canary-judge ${CLI_VERSION}.` });
  } else {
    const parts = results.map(({ scenario: s, verdict }) => {
      const ok = matches(s.expected, verdict);
      if (format === 'markdown') {
        return `## ${s.title} (\`${s.id}\`)\n\n${s.description}\n\nExpected **${expectation(s)}**, got **${verdict.verdict}** ${ok ? '✅' : '❌'}\n\n${renderMarkdown(verdict, { headingLevel: 3 })}`;
      }
      const rule = '='.repeat(Math.min(100, s.title.length + s.id.length + 7));
      return `${rule}\n${s.title} [${s.id}]\n${rule}\n${wrap(s.description, 100)}\nexpected: ${expectation(s)}   got: ${verdict.verdict}   ${ok ? 'as expected' : 'MISMATCH'}\n\n${renderText(verdict, { color, details: false })}`;
    });
    const good = results.filter((r) => matches(r.scenario.expected, r.verdict)).length;
    const summary = `${good} of ${results.length} scenarios gave their expected verdict.\n`;
    out = format === 'markdown' ? `# canary-judge demo\n\n${parts.join('\n')}\n${summary}` : `${parts.join('\n')}\n${summary}`;
  }
  emit(io, out, values.output, quiet);
  const bad = results.filter((r) => !matches(r.scenario.expected, r.verdict));
  if (!quiet) {
    for (const r of bad) io.stderr.write(`canary-judge: demo scenario ${r.scenario.id} expected ${expectation(r.scenario)} but got ${r.verdict.verdict}\n`);
  }
  return bad.length === 0 ? EXIT_CODES.pass : EXIT_CODES.fail;
}

async function validateCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(argv, {
    format: { type: 'string', short: 'f' },
    quiet: { type: 'boolean', short: 'q' },
    help: { type: 'boolean', short: 'h' },
  }, 1);
  if (values.help) {
    io.stdout.write(VALIDATE_USAGE);
    return EXIT_CODES.pass;
  }
  const format = formatOf(values.format, ['text', 'json']);
  const path = positionals[0];
  if (path === undefined) throw new UsageError('validate needs a config file: canary-judge validate CONFIG');
  const quiet = values.quiet === true;
  const file = path === '-' ? '<stdin>' : path;
  let text: string;
  let value: unknown;
  try {
    ({ value, text } = readJsonFile(path));
  } catch (e) {
    if (format === 'json' && e instanceof CanaryJudgeError && e.code === 'INVALID_JSON' && !quiet) {
      const m = /:(\d+):(\d+): (.*)$/s.exec(e.message);
      io.stdout.write(JSON.stringify({ file, valid: false, problems: [{ code: 'INVALID_JSON', path: '', message: m ? m[3] : e.message, line: m ? Number(m[1]) : null, column: m ? Number(m[2]) : null }] }, null, 2) + '\n');
      return EXIT_CODES.dataError;
    }
    throw e;
  }
  const problems = validateConfig(value).map((p) => ({ ...p, ...locateJsonPath(text, parseJsonPath(p.path)) }));
  if (!quiet) {
    if (format === 'json') {
      io.stdout.write(JSON.stringify({ file, valid: problems.length === 0, problems }, null, 2) + '\n');
    } else if (problems.length === 0) {
      const slis = (value as JudgeConfig).slis;
      io.stdout.write(`${file}: valid (${slis.length} SLI${slis.length === 1 ? '' : 's'}: ${slis.map((s) => s.name).join(', ')})\n`);
    } else {
      for (const p of problems) io.stdout.write(`${file}:${p.line}:${p.column}: ${p.message} [${p.code}]\n`);
      io.stderr.write(`canary-judge: ${file} has ${problems.length} problem${problems.length === 1 ? '' : 's'}\n`);
    }
  }
  return problems.length === 0 ? EXIT_CODES.pass : EXIT_CODES.dataError;
}

function numberOption(v: string | undefined, name: string, required: boolean): number | undefined {
  if (v === undefined) {
    if (required) throw new UsageError(`--${name} is required`);
    return undefined;
  }
  const n = Number(v);
  if (v.trim() === '' || !Number.isFinite(n)) throw new UsageError(`--${name} must be a number, got ${JSON.stringify(v)}`);
  return n;
}

async function kayentaCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(argv, {
    pass: { type: 'string' },
    marginal: { type: 'string' },
    tolerance: { type: 'string' },
    confidence: { type: 'string' },
    output: { type: 'string', short: 'o' },
    quiet: { type: 'boolean', short: 'q' },
    help: { type: 'boolean', short: 'h' },
  }, 1);
  if (values.help) {
    io.stdout.write(KAYENTA_USAGE);
    return EXIT_CODES.pass;
  }
  const path = positionals[0];
  if (path === undefined) throw new UsageError('kayenta needs a Kayenta canary config file: canary-judge kayenta CONFIG --pass 95 --marginal 75');
  const pass = numberOption(values.pass, 'pass', true) as number;
  const marginal = numberOption(values.marginal, 'marginal', true) as number;
  if (pass < 0 || pass > 100 || marginal < 0 || marginal > 100) throw new UsageError('--pass and --marginal are scores from 0 to 100');
  if (marginal > pass) throw new UsageError(`--marginal (${marginal}) must not exceed --pass (${pass})`);
  const tolerance = numberOption(values.tolerance, 'tolerance', false);
  const confidence = numberOption(values.confidence, 'confidence', false);
  if (confidence !== undefined && !(confidence > 0 && confidence < 1)) throw new UsageError('--confidence must be between 0 and 1 (e.g. 0.98)');
  if (tolerance !== undefined && !(tolerance >= 0)) throw new UsageError('--tolerance must be a non-negative number (e.g. 0.25)');
  const { value, text } = readJsonFile(path);
  let config: JudgeConfig;
  try {
    config = fromKayentaConfig(value, { pass, marginal, ...(tolerance !== undefined ? { tolerance } : {}), ...(confidence !== undefined ? { confidence } : {}) });
  } catch (e) {
    if (e instanceof CanaryJudgeError && (e.code === 'INVALID_KAYENTA_CONFIG' || e.code === 'INVALID_CONFIG')) {
      throw locatedProblems(e, path === '-' ? '<stdin>' : path, text, e.code, 'invalid Kayenta config');
    }
    throw e;
  }
  emit(io, JSON.stringify(config, null, 2) + '\n', values.output, values.quiet === true);
  return EXIT_CODES.pass;
}

const COMMANDS: Record<string, (argv: string[], io: CliIo) => Promise<number>> = {
  judge: judgeCommand,
  demo: demoCommand,
  validate: validateCommand,
  kayenta: kayentaCommand,
};

/**
 * Runs `canary-judge` with the given arguments (without `node` and the script) and resolves to the exit code
 * (see {@link EXIT_CODES}); never throws and never calls `process.exit`. Reports go to `io.stdout` or `--output`,
 * diagnostics to `io.stderr`.
 *
 * @example
 * ```ts
 * const code = await main(['judge', '--config', 'canary.json', '--data', 'data.json', '--format', 'markdown'], nodeIo());
 * process.exitCode = code;
 * ```
 */
export async function main(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === undefined) {
      io.stderr.write(MAIN_USAGE);
      return EXIT_CODES.usage;
    }
    if (command === '--help' || command === '-h' || command === 'help') {
      const sub = rest[0] !== undefined ? COMMANDS[rest[0]] : undefined;
      if (sub) return await sub(['--help'], io);
      io.stdout.write(MAIN_USAGE);
      return EXIT_CODES.pass;
    }
    if (command === '--version' || command === '-v' || command === 'version') {
      io.stdout.write(`${CLI_VERSION}\n`);
      return EXIT_CODES.pass;
    }
    const run = COMMANDS[command];
    if (!run) throw new UsageError(`unknown command ${JSON.stringify(command)}: use judge, demo, validate or kayenta`);
    return await run(rest, io);
  } catch (e) {
    const code = exitCodeOfError(e);
    if (code === EXIT_CODES.usage) {
      io.stderr.write(`canary-judge: ${(e as Error).message}\nRun \`canary-judge ${command !== undefined && COMMANDS[command] ? `${command} ` : ''}--help\` for usage.\n`);
    } else if (code === EXIT_CODES.software) {
      io.stderr.write(`canary-judge: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    } else {
      io.stderr.write(`canary-judge: ${(e as Error).message}\n`);
    }
    return code;
  }
}
