/**
 * Generates docs/config-reference.md from schema/judge-config.schema.json, so the reference cannot drift from
 * the schema that `parseConfig` is tested against (test/docs/config-reference.test.ts checks that the committed
 * file equals this script's output).
 *
 *   npx tsx scripts/gen-config-reference.ts          # write docs/config-reference.md
 *   npx tsx scripts/gen-config-reference.ts --check  # exit 1 if the committed file is out of date
 *
 * Types, allowed values, bounds, defaults and required fields come from the schema; a field's meaning is the
 * schema's `description`, or, for the run-level fields the schema does not describe, the sentence in RUN_NOTES.
 * @module
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

type Schema = {
  type?: string;
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  description?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  minItems?: number;
  pattern?: string;
  items?: Schema;
  properties?: Record<string, Schema>;
  additionalProperties?: boolean | Schema;
  required?: string[];
  oneOf?: Schema[];
  $ref?: string;
  $defs?: Record<string, Schema>;
};

/** Meaning of the run-level fields that have no `description` in the schema. */
export const RUN_NOTES: Record<string, string> = {
  $schema: 'Path or URL of this JSON Schema, for editors (completion, checks). Ignored by the judge.',
  slis: 'The SLIs to judge, in the order of the report: at least one (fields below).',
  thresholds: 'Score thresholds of the verdict.',
  'thresholds.pass': 'Score (0–100) at or above which the run passes.',
  'thresholds.marginal': 'Score at or above which the run is marginal; below it, the run fails. At most `thresholds.pass`.',
  groupWeights:
    'Weight of each group in the score (normalised). Groups without a weight share what is left of 100, as Kayenta does; with no weights at all, every group weighs 1.',
  confidence: 'Confidence level of every SLI that does not set its own.',
  multipleComparisons:
    'Correction of the SLIs\' p-values: `holm` (family-wise error rate) or `bh` (Benjamini–Hochberg, false discovery rate). Off by default: the allowed-change margin already keeps false fails rare.',
  inconclusive:
    'How inconclusive passes (the interval still reaches past the allowed change) count: `pass` with a warning (Kayenta\'s behaviour), `marginal` (the run is at most marginal) or `fail` (they count as failures in the score).',
  nodataFailShare: 'Share of the counted SLIs without data at or above which the run fails (Kayenta\'s rule).',
  insufficientCap: 'Best verdict possible while an SLI is `insufficient` or `error`: never a pass by accident.',
  scoring: '`weighted`, or `kayenta` (Kayenta\'s WeightedSumScorer, as set by `fromKayentaConfig`).',
};

const code = (v: unknown) => `\`${JSON.stringify(v)}\``;
const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function bounds(s: Schema): string {
  const lo = s.exclusiveMinimum !== undefined ? `${s.exclusiveMinimum} <` : s.minimum !== undefined ? `${s.minimum} ≤` : '';
  const hi = s.exclusiveMaximum !== undefined ? `< ${s.exclusiveMaximum}` : s.maximum !== undefined ? `≤ ${s.maximum}` : '';
  if (lo && hi) return ` ${lo} x ${hi}`;
  if (lo) return ` ${lo.endsWith('<') ? '>' : '≥'} ${lo.split(' ')[0]}`;
  if (hi) return ` ${hi}`;
  return '';
}

/** A one-line rendering of a schema's type, allowed values and bounds. */
export function describeType(s: Schema): string {
  if (s.oneOf) return s.oneOf.map(describeType).join(' or ');
  if (s.enum) return s.enum.map(code).join(' | ');
  if (s.const !== undefined) return code(s.const);
  switch (s.type) {
    case 'number':
    case 'integer':
      return `${s.type}${bounds(s)}`;
    case 'string':
      return s.pattern !== undefined && s.pattern !== '\\S' ? `string matching \`${s.pattern}\`` : 'string';
    case 'boolean':
      return 'boolean';
    case 'array':
      return `array of ${s.items ? describeType(s.items) : 'values'}${s.minItems ? ` (at least ${s.minItems})` : ''}`;
    case 'object': {
      if (s.properties) {
        const req = new Set(s.required ?? []);
        const fields = Object.entries(s.properties).map(([k, v]) => `"${k}"${req.has(k) ? '' : '?'}: ${describeType(v)}`);
        return `{ ${fields.join(', ')} }`;
      }
      if (typeof s.additionalProperties === 'object') return `object: name → ${describeType(s.additionalProperties)}`;
      return 'object';
    }
    default:
      return s.$ref ? `see \`${s.$ref.replace('#/$defs/', '')}\`` : 'any';
  }
}

interface Row {
  path: string;
  schema: Schema;
  required: boolean;
}

export function rows(props: Record<string, Schema>, required: string[], prefix = ''): Row[] {
  const out: Row[] = [];
  for (const [name, s] of Object.entries(props)) {
    const path = prefix + name;
    out.push({ path, schema: s, required: required.includes(name) });
    if (s.type === 'object' && s.properties) out.push(...rows(s.properties, s.required ?? [], `${path}.`));
  }
  return out;
}

function table(list: Row[], notes: Record<string, string>, where: string): string {
  const lines = ['| field | type and allowed values | default | meaning |', '|---|---|---|---|'];
  for (const r of list) {
    const meaning = r.schema.description ?? notes[r.path];
    if (meaning === undefined) throw new Error(`${where}.${r.path} has no description in the schema and no note in scripts/gen-config-reference.ts`);
    const type = r.schema.$ref !== undefined ? 'SLI object' : r.schema.type === 'object' && r.schema.properties ? 'object (fields below)' : r.schema.type === 'array' && r.schema.items?.$ref ? `array of SLI objects${r.schema.minItems ? ` (at least ${r.schema.minItems})` : ''}` : describeType(r.schema);
    const def = r.required ? '**required**' : r.schema.default !== undefined ? code(r.schema.default) : '—';
    lines.push(`| \`${r.path}\` | ${cell(type)} | ${cell(def)} | ${cell(meaning)} |`);
  }
  return lines.join('\n');
}

const EXAMPLE = {
  $schema: './node_modules/canary-judge/schema/judge-config.schema.json',
  slis: [
    { name: 'latency_ms', groups: ['latency'], allowedIncrease: 0.05, critical: true },
    { name: 'latency_p99_ms', groups: ['latency'], test: 'quantile', q: 0.99, allowedIncrease: 0.1 },
    { name: 'errors', groups: ['errors'], test: 'rate', allowedIncrease: 0.5, mustHaveData: true, minEvents: 5 },
    { name: 'cpu_percent', groups: ['saturation'], outliers: 'iqr', smoothing: { method: 'ewma', halfLife: 5 } },
    { name: 'throughput_rps', groups: ['saturation'], direction: 'decrease', allowedDecrease: 0.1, muted: true },
    { name: 'availability', groups: ['errors'], test: 'burnRate', objective: 0.999, maxBurnRate: 2, period: '30d' },
  ],
  thresholds: { pass: 95, marginal: 75 },
  groupWeights: { latency: 50, errors: 30, saturation: 20 },
  confidence: 0.95,
};

/** JSON on one line with a space after `:` and `,` (as people write it). */
function inline(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(inline).join(', ')}]`;
  if (v !== null && typeof v === 'object') return `{ ${Object.entries(v).map(([k, x]) => `${JSON.stringify(k)}: ${inline(x)}`).join(', ')} }`;
  return JSON.stringify(v);
}

/** The example: one line per top-level field, one line per SLI. */
function exampleJson(config: Record<string, unknown>): string {
  const fields = Object.entries(config).map(([k, v]) =>
    Array.isArray(v) ? `  ${JSON.stringify(k)}: [\n${v.map((x) => `    ${inline(x)}`).join(',\n')}\n  ]` : `  ${JSON.stringify(k)}: ${inline(v)}`,
  );
  return `{\n${fields.join(',\n')}\n}`;
}

/** The Markdown of docs/config-reference.md for a schema. */
export function generateConfigReference(schema: Schema): string {
  const sli = schema.$defs?.sli;
  if (!schema.properties || !sli?.properties) throw new Error('the schema has no root properties or no $defs.sli');
  const root = rows(schema.properties, schema.required ?? []);
  const sliRows = rows(sli.properties, sli.required ?? []);
  return `<!-- Generated from schema/judge-config.schema.json by scripts/gen-config-reference.ts: do not edit by hand.
     Regenerate with \`npx tsx scripts/gen-config-reference.ts\`; test/docs/config-reference.test.ts fails when this file is stale. -->

# Config reference

A judge config is JSON (or the same object in code): \`judge(config, data)\` and \`canary-judge judge --config FILE\`
take it. \`parseConfig(json)\` checks it and throws one \`CanaryJudgeError\` (code \`INVALID_CONFIG\`) that lists
**every** problem with its JSON path; \`canary-judge validate FILE\` prints the same list with line and column. The JSON
Schema is [\`schema/judge-config.schema.json\`](../schema/judge-config.schema.json) (published in the package): point
your editor at it with \`"$schema"\`. Unknown fields are errors, so a typo cannot silently fall back to a default.

What the fields mean in practice, and how they combine into a verdict: [concepts.md](concepts.md) and
[judge.md](judge.md).

## Run

${table(root, RUN_NOTES, 'config')}

## SLI (each entry of \`slis\`)

Only \`name\` is required.

${table(sliRows, {}, 'slis[]')}

Rules the schema cannot express, checked by \`parseConfig\`: SLI names are unique; \`thresholds.marginal\` ≤
\`thresholds.pass\`; \`criticalIncrease\` ≥ \`allowedIncrease\` and \`criticalDecrease\` ≥ \`allowedDecrease\`; a
\`burnRate\` SLI needs \`objective\`.

## Example

Every field has a default, so a config can be as short as \`{ "slis": [{ "name": "latency_ms" }] }\`. A fuller one:

\`\`\`json
${exampleJson(EXAMPLE)}
\`\`\`
`;
}

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const SCHEMA_PATH = join(ROOT, 'schema/judge-config.schema.json');
export const REFERENCE_PATH = join(ROOT, 'docs/config-reference.md');

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const text = generateConfigReference(JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')));
  if (process.argv.includes('--check')) {
    let current = '';
    try {
      current = readFileSync(REFERENCE_PATH, 'utf8');
    } catch {
      // missing: out of date
    }
    if (current !== text) {
      process.stderr.write('docs/config-reference.md is out of date: run npx tsx scripts/gen-config-reference.ts\n');
      process.exit(1);
    }
  } else {
    writeFileSync(REFERENCE_PATH, text);
    process.stdout.write(`wrote ${REFERENCE_PATH}\n`);
  }
}
