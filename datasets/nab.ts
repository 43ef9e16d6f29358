/**
 * Loader of the real metric extracts in `datasets/nab/` (Numenta Anomaly Benchmark, MIT licence: see
 * `datasets/nab/LICENSE.txt` and `datasets/nab/README.md` for where each slice comes from).
 *
 * Node only (reads the CSV files with `node:fs`): datasets/ serves demos, benchmarks and tests, not the
 * published library.
 * @module
 */
import { readFileSync } from 'node:fs';
import { CanaryJudgeError } from '../src/errors.js';
import type { TimeSeries } from '../src/judge/types.js';

/**
 * The NAB extracts shipped in `datasets/nab/`: file, original NAB path, and NAB's labelled anomaly windows and
 * anomaly timestamps for the series (from `labels/combined_windows.json` and `labels/combined_labels.json`).
 *
 * @example
 * ```ts
 * NAB_EXTRACTS.cpu_utilization_asg_misconfiguration.anomalyWindows[0]; // ['2014-07-10 12:29:00', '2014-07-15 17:19:00']
 * ```
 */
export const NAB_EXTRACTS = {
  ec2_request_latency_system_failure: {
    file: 'ec2_request_latency_system_failure.csv',
    nabPath: 'realKnownCause/ec2_request_latency_system_failure.csv',
    description: 'Request latency of an EC2 service (ms) before a system failure.',
    anomalyWindows: [
      ['2014-03-14 03:31:00', '2014-03-14 14:41:00'],
      ['2014-03-18 17:06:00', '2014-03-19 04:16:00'],
      ['2014-03-20 21:26:00', '2014-03-21 03:41:00'],
    ],
    anomalyLabels: ['2014-03-14 09:06:00', '2014-03-18 22:41:00', '2014-03-21 03:01:00'],
  },
  cpu_utilization_asg_misconfiguration: {
    file: 'cpu_utilization_asg_misconfiguration.csv',
    nabPath: 'realKnownCause/cpu_utilization_asg_misconfiguration.csv',
    description: 'CPU utilisation (%) of an autoscaling group around a misconfiguration.',
    anomalyWindows: [['2014-07-10 12:29:00', '2014-07-15 17:19:00']],
    anomalyLabels: ['2014-07-12 02:04:00', '2014-07-14 21:44:00'],
  },
  rds_cpu_utilization_e47b3b: {
    file: 'rds_cpu_utilization_e47b3b.csv',
    nabPath: 'realAWSCloudwatch/rds_cpu_utilization_e47b3b.csv',
    description: 'CPU utilisation (%) of an AWS RDS database with level shifts.',
    anomalyWindows: [
      ['2014-04-12 22:32:00', '2014-04-13 15:12:00'],
      ['2014-04-18 15:07:00', '2014-04-19 07:47:00'],
    ],
    anomalyLabels: ['2014-04-13 06:52:00', '2014-04-18 23:27:00'],
  },
  ec2_cpu_utilization_c6585a: {
    file: 'ec2_cpu_utilization_c6585a.csv',
    nabPath: 'realAWSCloudwatch/ec2_cpu_utilization_c6585a.csv',
    description: 'CPU utilisation (%) of a nearly idle EC2 instance (no labelled anomaly).',
    anomalyWindows: [],
    anomalyLabels: [],
  },
} as const satisfies Record<string, {
  file: string;
  nabPath: string;
  description: string;
  anomalyWindows: ReadonlyArray<readonly [string, string]>;
  anomalyLabels: readonly string[];
}>;

/** Name of a shipped NAB extract. */
export type NabExtractName = keyof typeof NAB_EXTRACTS;

/** A loaded NAB series: timestamps in ms since the epoch (NAB's naive timestamps read as UTC) and values. */
export interface NabSeries {
  name: NabExtractName;
  timestamps: Float64Array;
  values: Float64Array;
}

/**
 * Parses a NAB timestamp `YYYY-MM-DD HH:MM:SS` (optionally with fractional seconds, as in NAB's label files)
 * as UTC and returns ms since the epoch.
 *
 * @example
 * ```ts
 * parseNabTimestamp('2014-03-07 03:41:00'); // 1394163660000
 * ```
 */
export function parseNabTimestamp(text: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})(\.\d+)?$/.exec(text.trim());
  if (!m) throw new CanaryJudgeError('INVALID_TIMESTAMP', `not a NAB timestamp (YYYY-MM-DD HH:MM:SS): "${text}"`, 'timestamp');
  const ms = m[7] ? Math.round(Number(m[7]) * 1000) : 0;
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]), ms);
}

/**
 * Parses NAB CSV text (header `timestamp,value`) into timestamps (ms, UTC) and values.
 *
 * @example
 * ```ts
 * parseNabCsv('timestamp,value\n2014-03-07 03:41:00,45.868\n').values; // Float64Array [45.868]
 * ```
 */
export function parseNabCsv(text: string): { timestamps: Float64Array; values: Float64Array } {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  if (lines[0]?.trim() !== 'timestamp,value') {
    throw new CanaryJudgeError('INVALID_CSV', `a NAB CSV starts with the header "timestamp,value", got "${lines[0] ?? ''}"`, 'header');
  }
  const n = lines.length - 1;
  const timestamps = new Float64Array(n);
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const line = lines[i + 1];
    const comma = line.indexOf(',');
    const value = Number(line.slice(comma + 1));
    if (comma < 0 || line.slice(comma + 1).trim() === '' || Number.isNaN(value)) {
      throw new CanaryJudgeError('INVALID_CSV', `line ${i + 2}: expected "timestamp,value", got "${line}"`, `lines[${i + 1}]`);
    }
    timestamps[i] = parseNabTimestamp(line.slice(0, comma));
    values[i] = value;
  }
  return { timestamps, values };
}

/**
 * Reads one shipped NAB extract from `datasets/nab/`.
 *
 * @example
 * ```ts
 * const s = loadNabSeries('ec2_request_latency_system_failure');
 * s.values.length; // 1728 (5-minute points, 2014-03-07 03:41 … 2014-03-13 03:36)
 * ```
 */
export function loadNabSeries(name: NabExtractName): NabSeries {
  const meta = NAB_EXTRACTS[name];
  if (!meta) throw new CanaryJudgeError('UNKNOWN_DATASET', `no NAB extract named "${String(name)}"`, 'name');
  const text = readFileSync(new URL(`./nab/${meta.file}`, import.meta.url), 'utf8');
  return { name, ...parseNabCsv(text) };
}

/**
 * The points of a series with `start ≤ timestamp ≤ end` (NAB timestamps, both ends inclusive), as a judge time
 * series `{ timestamps, values }` (copies).
 *
 * @example
 * ```ts
 * const s = loadNabSeries('cpu_utilization_asg_misconfiguration');
 * nabWindow(s, '2014-07-09 12:29:00', '2014-07-10 12:24:00').values.length; // 288 (one day)
 * ```
 */
export function nabWindow(series: { timestamps: ArrayLike<number>; values: ArrayLike<number> }, start: string, end: string): TimeSeries & { timestamps: Float64Array; values: Float64Array } {
  const a = parseNabTimestamp(start);
  const b = parseNabTimestamp(end);
  if (b < a) throw new CanaryJudgeError('INVALID_ARGUMENT', `window end ${end} is before its start ${start}`, 'end');
  const timestamps: number[] = [];
  const values: number[] = [];
  for (let i = 0; i < series.timestamps.length; i++) {
    const t = series.timestamps[i];
    if (t >= a && t <= b) {
      timestamps.push(t);
      values.push(series.values[i]);
    }
  }
  return { timestamps: Float64Array.from(timestamps), values: Float64Array.from(values) };
}
