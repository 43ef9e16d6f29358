/**
 * CSV input: one side of an SLI (`value` per line, or `timestamp,value`, or `timestamp,events,total`), or a long
 * form with many SLIs (`sli,side,timestamp,value`). The first line is a header when none of its cells is a number,
 * a date or a missing-value word; columns are then found by name, otherwise by count.
 * @module
 */
import type { Counts, JudgeData, SideData, SliData, TimeSeries } from '../judge/types.js';
import { forEachCsvRecord, type CsvRecord } from './csvRecords.js';
import { inputError, positionAt, showCell } from './location.js';
import type { ParseInputOptions, ParsedInput } from './types.js';

type Role = 'sli' | 'side' | 'timestamp' | 'value' | 'events' | 'total';

/** Header names recognised for each column role (compared case-insensitively, after trimming). */
export const CSV_COLUMN_NAMES: Readonly<Record<Role, readonly string[]>> = Object.freeze({
  sli: ['sli', 'metric', 'name', 'series'],
  side: ['side', 'role', 'variant', 'arm'],
  timestamp: ['timestamp', 'time', 'ts', 't', 'date', 'datetime'],
  value: ['value', 'v', 'y', 'val', 'sample'],
  events: ['events', 'errors', 'bad'],
  total: ['total', 'requests', 'n'],
});

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const MISSING = new Set(['', 'nan', 'na', 'n/a', 'null', 'none', 'inf', '+inf', '-inf', 'infinity', '+infinity', '-infinity']);
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** A value cell: a decimal number, or NaN for a missing-value word (empty, NaN, NA, null, none, ±Inf). */
function valueOf(cell: string): number | undefined {
  const t = cell.trim();
  if (NUMBER.test(t)) {
    const v = Number(t);
    return Number.isFinite(v) ? v : NaN;
  }
  if (MISSING.has(t.toLowerCase())) return NaN;
  return undefined;
}

/** A timestamp cell: a number (any unit), or an ISO 8601 date-time (→ milliseconds since 1970, UTC unless an offset is given). */
function timestampOf(cell: string): number | undefined {
  const t = cell.trim();
  if (NUMBER.test(t)) {
    const v = Number(t);
    return Number.isFinite(v) ? v : undefined;
  }
  if (ISO_DATE.test(t)) {
    const iso = t.replace(' ', 'T');
    const ms = Date.parse(/[zZ]|[+-]\d{2}:?\d{2}$/.test(iso) || !iso.includes('T') ? iso : `${iso}Z`);
    return Number.isFinite(ms) ? ms : undefined;
  }
  return undefined;
}

function isHeader(r: CsvRecord): boolean {
  return r.cells.every((c) => {
    const t = c.trim();
    return t !== '' && valueOf(t) === undefined && timestampOf(t) === undefined;
  });
}

function rolesFromHeader(r: CsvRecord, text: string, file: string): Role[] {
  const roles: Role[] = [];
  const unknown: number[] = [];
  r.cells.forEach((c, i) => {
    const name = c.trim().toLowerCase();
    const role = (Object.keys(CSV_COLUMN_NAMES) as Role[]).find((k) => CSV_COLUMN_NAMES[k].includes(name));
    if (role && roles.includes(role)) throw inputError('INVALID_CSV', file, positionAt(text, r.offsets[i]), `column ${showCell(c.trim())} repeats the ${role} column`);
    roles.push(role as Role);
    if (!role) unknown.push(i);
  });
  // a header like "latency_ms" or "time,latency_ms": the one unnamed column holds the values
  if (unknown.length === 1 && !roles.includes('value') && !roles.includes('events')) {
    roles[unknown[0]] = 'value';
    unknown.pop();
  }
  if (unknown.length === 2 && r.cells.length === 2) {
    roles[0] = 'timestamp';
    roles[1] = 'value';
    unknown.length = 0;
  }
  if (unknown.length > 0) {
    const i = unknown[0];
    throw inputError('INVALID_CSV', file, positionAt(text, r.offsets[i]),
      `unknown column ${showCell(r.cells[i].trim())}: expected ${(Object.keys(CSV_COLUMN_NAMES) as Role[]).join(', ')}`);
  }
  return roles;
}

function rolesFromCount(r: CsvRecord, text: string, file: string): Role[] {
  switch (r.cells.length) {
    case 1:
      return ['value'];
    case 2:
      return ['timestamp', 'value'];
    case 3:
      return ['sli', 'side', 'value'];
    case 4:
      return ['sli', 'side', 'timestamp', 'value'];
    default:
      throw inputError('INVALID_CSV', file, positionAt(text, r.offsets[0]),
        `${r.cells.length} columns without a header: use 1 (value), 2 (timestamp,value), 3 (sli,side,value) or 4 (sli,side,timestamp,value) columns, or name them in a header line`);
  }
}

interface Builder {
  timestamps: number[];
  values: number[];
  events: number[];
  total: number[];
}

const newBuilder = (): Builder => ({ timestamps: [], values: [], events: [], total: [] });

function finish(b: Builder | undefined, roles: Role[]): SideData | null {
  if (!b) return null;
  if (roles.includes('events')) {
    const counts: Counts = { events: b.events, total: b.total };
    return counts;
  }
  if (roles.includes('timestamp')) {
    const ts: TimeSeries = { timestamps: Float64Array.from(b.timestamps), values: Float64Array.from(b.values) };
    return ts;
  }
  return Float64Array.from(b.values);
}

/**
 * Parses a CSV text into one side, one SLI's two sides, or many SLIs ({@link ParsedInput}):
 *
 * | columns (header names, or count without a header)      | result |
 * |---|---|
 * | `value` (1 column)                                       | one side: samples |
 * | `timestamp,value` (2 columns)                            | one side: a time series |
 * | `timestamp,events,total` / `events,total`                | one side: counts per interval |
 * | `side,…` (side is `baseline` or `canary`)                | both sides of one SLI |
 * | `sli,side,value` (3) / `sli,side,timestamp,value` (4)    | many SLIs (long form); `events,total` instead of `value` for rates |
 *
 * Values: decimal numbers; empty cells and NaN/NA/null/none/±Inf are missing values (NaN, handled by the SLI's
 * `nan` policy). Timestamps: numbers in any unit, or ISO 8601 dates (→ milliseconds, UTC unless an offset is
 * given). Anything else throws an `INVALID_CSV` error whose message starts with `file:line:column:`.
 *
 * @example
 * ```ts
 * parseCsvInput('timestamp,value\n1700000000,120\n1700000060,131\n', { file: 'b.csv' });
 * // { kind: 'side', side: { timestamps: Float64Array [1700000000, 1700000060], values: Float64Array [120, 131] } }
 * ```
 */
export function parseCsvInput(text: string, options: ParseInputOptions = {}): ParsedInput {
  const file = options.file ?? '<input>';
  let roles: Role[] | null = null;
  let width = 0;
  let headerSeen = false;
  const sides = new Map<string, { baseline?: Builder; canary?: Builder }>();
  const single = newBuilder();
  let rows = 0;
  const at = (r: CsvRecord, i: number) => positionAt(text, i < r.offsets.length ? r.offsets[i] : r.end);

  forEachCsvRecord(text, (r) => {
    if (roles === null) {
      headerSeen = isHeader(r);
      roles = headerSeen ? rolesFromHeader(r, text, file) : rolesFromCount(r, text, file);
      width = r.cells.length;
      if (roles.includes('sli') && !roles.includes('side')) {
        throw inputError('INVALID_CSV', file, at(r, roles.indexOf('sli')), 'a long-form file needs a "side" column (baseline or canary) next to "sli"');
      }
      if (roles.includes('events') !== roles.includes('total')) {
        throw inputError('INVALID_CSV', file, at(r, 0), 'counts need both an "events" and a "total" column');
      }
      if (roles.includes('events') && roles.includes('value')) {
        throw inputError('INVALID_CSV', file, at(r, roles.indexOf('value')), 'use either a "value" column or "events" and "total" columns, not both');
      }
      if (!roles.includes('value') && !roles.includes('events')) {
        throw inputError('INVALID_CSV', file, at(r, 0), 'no "value" column (or "events" and "total" columns)');
      }
      if (headerSeen) return;
    }
    const rs = roles as Role[];
    if (r.cells.length !== width) {
      const pos = r.cells.length > width ? at(r, width) : positionAt(text, r.end);
      throw inputError('INVALID_CSV', file, pos, `expected ${width} column${width === 1 ? '' : 's'} (as on the ${headerSeen ? 'header' : 'first'} line), got ${r.cells.length}`);
    }
    let target = single;
    const sideIdx = rs.indexOf('side');
    if (sideIdx >= 0) {
      const sideCell = r.cells[sideIdx].trim().toLowerCase();
      if (sideCell !== 'baseline' && sideCell !== 'canary') {
        throw inputError('INVALID_CSV', file, at(r, sideIdx), `side must be "baseline" or "canary", got ${showCell(r.cells[sideIdx])}`);
      }
      const sliIdx = rs.indexOf('sli');
      const name = sliIdx >= 0 ? r.cells[sliIdx].trim() : '';
      if (sliIdx >= 0 && name === '') throw inputError('INVALID_CSV', file, at(r, sliIdx), 'empty SLI name');
      let entry = sides.get(name);
      if (!entry) sides.set(name, (entry = {}));
      target = entry[sideCell] ?? (entry[sideCell] = newBuilder());
    }
    for (let i = 0; i < rs.length; i++) {
      const role = rs[i];
      const cell = r.cells[i];
      if (role === 'value') {
        const v = valueOf(cell);
        if (v === undefined) throw inputError('INVALID_CSV', file, at(r, i), `${showCell(cell)} is not a number (column "value")`);
        target.values.push(v);
      } else if (role === 'timestamp') {
        const t = timestampOf(cell);
        if (t === undefined) throw inputError('INVALID_CSV', file, at(r, i), `${showCell(cell)} is not a timestamp (a number or an ISO 8601 date)`);
        target.timestamps.push(t);
      } else if (role === 'events' || role === 'total') {
        const v = valueOf(cell);
        if (v === undefined || (Number.isFinite(v) && v < 0)) throw inputError('INVALID_CSV', file, at(r, i), `${showCell(cell)} is not a non-negative count (column "${role}")`);
        target[role].push(v);
      }
    }
    if (rs.includes('events')) {
      const k = target.events.length - 1;
      if (target.events[k] > target.total[k]) {
        throw inputError('INVALID_CSV', file, at(r, rs.indexOf('events')), `events (${target.events[k]}) exceed total (${target.total[k]})`);
      }
    }
    rows++;
  }, { file, onProgress: options.onProgress });

  if (roles === null || rows === 0) {
    throw inputError('INVALID_CSV', file, null, roles === null ? 'the file is empty' : 'the file has a header but no data lines');
  }
  const rs = roles as Role[];
  if (!rs.includes('side')) return { kind: 'side', side: finish(single, rs) as SideData };
  const toSli = (e: { baseline?: Builder; canary?: Builder }): SliData => ({ baseline: finish(e.baseline, rs), canary: finish(e.canary, rs) });
  if (!rs.includes('sli')) return { kind: 'sli', sli: toSli(sides.get('') ?? {}) };
  const data: JudgeData = {};
  for (const [name, e] of sides) data[name] = toSli(e);
  return { kind: 'data', data };
}
