import { CanaryJudgeError } from '../errors.js';

/**
 * A duration as accepted everywhere in `slo/`: a Prometheus duration string (`'5m'`, `'1h30m'`, `'30d'`)
 * or a plain number of seconds. Functions always *return* durations as seconds.
 */
export type DurationInput = string | number;

const MS_PER_UNIT: Readonly<Record<string, number>> = {
  y: 365 * 24 * 60 * 60 * 1000,
  w: 7 * 24 * 60 * 60 * 1000,
  d: 24 * 60 * 60 * 1000,
  h: 60 * 60 * 1000,
  m: 60 * 1000,
  s: 1000,
  ms: 1,
};

/** Units from biggest to smallest: Prometheus requires them in this order, each at most once. */
const UNIT_ORDER: ReadonlyArray<string> = ['y', 'w', 'd', 'h', 'm', 's', 'ms'];

/**
 * The largest duration Prometheus accepts: `time.Duration` is an int64 count of nanoseconds, so
 * 2^63 − 1 ns ≈ 292 years. Longer strings are "out of range" there and here.
 */
const MAX_SECONDS = (2 ** 63 - 1) / 1e9;

function invalid(message: string, path: string): CanaryJudgeError {
  return new CanaryJudgeError('INVALID_DURATION', message, path);
}

/**
 * Parse a duration into seconds.
 *
 * Strings follow Prometheus' duration syntax exactly (`model.ParseDuration` in prometheus/common,
 * `model/time.go`): one or more `<integer><unit>` groups with units `y` (365 days), `w` (7 days), `d`
 * (24 hours), `h`, `m`, `s` and `ms`, written from the biggest unit to the smallest, each unit at most
 * once (`'1h30m'` is valid, `'30m1h'` and `'1.5h'` are not); the bare string `'0'` means zero. No sign,
 * no spaces, no fractions. Numbers are taken as seconds and must be finite and ≥ 0. As in Prometheus,
 * durations above 2^63 − 1 nanoseconds (about 292 years) are out of range.
 *
 * @param d - a Prometheus duration string or a number of seconds.
 * @param path - the JSON path reported in the error when `d` is invalid (default `'duration'`).
 * @returns the duration in seconds.
 * @throws CanaryJudgeError with code `'INVALID_DURATION'` for anything else.
 *
 * @example
 * ```ts
 * parseDuration('5m');      // 300
 * parseDuration('1h30m');   // 5400
 * parseDuration('30d');     // 2592000
 * parseDuration('1y');      // 31536000 (Prometheus: a year is always 365 days)
 * parseDuration('250ms');   // 0.25
 * parseDuration(90);        // 90 (numbers are seconds)
 * parseDuration('30m1h');   // throws CanaryJudgeError INVALID_DURATION (units out of order)
 * ```
 */
export function parseDuration(d: DurationInput, path = 'duration'): number {
  if (typeof d === 'number') {
    if (!Number.isFinite(d)) throw invalid(`duration must be a finite number of seconds, got ${String(d)}`, path);
    if (d < 0) throw invalid(`duration must not be negative, got ${d}`, path);
    if (d > MAX_SECONDS) throw invalid(`duration ${d} s is out of range (max about 292 years)`, path);
    return d;
  }
  if (typeof d !== 'string') {
    throw invalid(`duration must be a string such as '5m' or a number of seconds, got ${typeof d}`, path);
  }
  if (d === '0') return 0;
  if (d === '') throw invalid('duration string is empty', path);

  let totalMs = 0;
  let lastPos = -1;
  let i = 0;
  while (i < d.length) {
    const digitsStart = i;
    while (i < d.length && d.charCodeAt(i) >= 48 && d.charCodeAt(i) <= 57) i++;
    if (i === digitsStart) throw invalid(`not a valid duration string: '${d}' (expected e.g. '5m', '1h30m', '30d')`, path);
    const value = Number(d.slice(digitsStart, i));
    const unitStart = i;
    while (i < d.length && !(d.charCodeAt(i) >= 48 && d.charCodeAt(i) <= 57)) i++;
    if (i === unitStart) throw invalid(`not a valid duration string: '${d}' (a number needs a unit: ms, s, m, h, d, w, y)`, path);
    const unit = d.slice(unitStart, i);
    const mult = MS_PER_UNIT[unit];
    if (mult === undefined) throw invalid(`unknown unit '${unit}' in duration '${d}' (valid: ms, s, m, h, d, w, y)`, path);
    const pos = UNIT_ORDER.indexOf(unit);
    if (pos <= lastPos) throw invalid(`not a valid duration string: '${d}' (units must go from biggest to smallest, each once)`, path);
    lastPos = pos;
    totalMs += value * mult;
  }
  const seconds = totalMs / 1000;
  if (!(seconds <= MAX_SECONDS)) throw invalid(`duration '${d}' is out of range (max about 292 years)`, path);
  return seconds;
}

/**
 * Format a number of seconds as a Prometheus duration string, the inverse of {@link parseDuration}.
 *
 * Follows `model.Duration.String()` of prometheus/common: the value is taken in whole milliseconds
 * (rounded to the nearest millisecond here), years and weeks are used only when they divide the value
 * exactly (so 30 days is `'30d'` but 28 days is `'4w'`), then days, hours, minutes, seconds and
 * milliseconds; zero is `'0s'` and negative values get a leading `'-'`.
 *
 * @param seconds - a finite number of seconds, at most about 292 years either way (Prometheus' range).
 * @throws CanaryJudgeError `'INVALID_DURATION'` when `seconds` is not finite or out of range.
 *
 * @example
 * ```ts
 * formatDuration(300);      // '5m'
 * formatDuration(5400);     // '1h30m'
 * formatDuration(2592000);  // '30d'
 * formatDuration(2419200);  // '4w' (28 days, as Prometheus prints it)
 * formatDuration(2592);     // '43m12s'
 * formatDuration(0);        // '0s'
 * ```
 */
export function formatDuration(seconds: number): string {
  if (typeof seconds !== 'number' || !Number.isFinite(seconds)) {
    throw invalid(`seconds must be a finite number, got ${String(seconds)}`, 'seconds');
  }
  if (Math.abs(seconds) > MAX_SECONDS) throw invalid(`duration ${seconds} s is out of range (max about 292 years)`, 'seconds');
  let ms = Math.round(Math.abs(seconds) * 1000);
  if (ms === 0) return '0s';
  let out = '';
  for (const unit of UNIT_ORDER) {
    const mult = MS_PER_UNIT[unit];
    if ((unit === 'y' || unit === 'w') && ms % mult !== 0) continue;
    const v = Math.floor(ms / mult);
    if (v > 0) {
      out += `${v}${unit}`;
      ms -= v * mult;
    }
  }
  return seconds < 0 ? `-${out}` : out;
}
