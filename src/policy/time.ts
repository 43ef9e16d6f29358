import { CanaryJudgeError } from '../errors.js';
import type { RolloutTime } from './types.js';

/** ISO 8601 date-time with a mandatory zone: `YYYY-MM-DDTHH:MM[:SS[.fraction]](Z|±HH:MM)`. */
const ISO = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?(?:([Zz])|([+-])(\d{2}):?(\d{2}))$/;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Show a value in an error message without ever throwing. */
export function showValue(x: unknown): string {
  if (typeof x === 'string') return JSON.stringify(x);
  if (typeof x === 'number' || typeof x === 'boolean' || x === null || x === undefined) return String(x);
  try {
    return JSON.stringify(x) ?? typeof x;
  } catch {
    return typeof x;
  }
}

/**
 * Reads a {@link RolloutTime} as seconds: numbers are taken as they are (finite), ISO 8601 strings with a
 * zone are converted to Unix seconds by arithmetic (`Date.UTC`), never by `Date.parse`, whose reading of
 * other formats depends on the engine and the machine's time zone.
 * @internal
 */
export function parseTime(t: unknown, path: string): number {
  if (typeof t === 'number') {
    if (!Number.isFinite(t)) throw new CanaryJudgeError('INVALID_TIME', `${path} must be a finite number of seconds, got ${String(t)}`, path);
    return t;
  }
  if (typeof t !== 'string') {
    throw new CanaryJudgeError('INVALID_TIME', `${path} must be seconds or an ISO 8601 string such as '2024-05-01T12:00:00Z', got ${showValue(t)}`, path);
  }
  const m = ISO.exec(t);
  if (m === null) {
    throw new CanaryJudgeError(
      'INVALID_TIME',
      `${path} must be an ISO 8601 date-time with a zone such as '2024-05-01T12:00:00Z' or '2024-05-01T14:00:00+02:00', got ${JSON.stringify(t)}`,
      path,
    );
  }
  const [year, month, day, hour, minute] = [m[1], m[2], m[3], m[4], m[5]].map(Number);
  const second = m[6] === undefined ? 0 : Number(m[6]);
  const fraction = m[7] === undefined ? 0 : Number(`0.${m[7]}`);
  const bad = (what: string) => new CanaryJudgeError('INVALID_TIME', `${path}: ${what} out of range in ${JSON.stringify(t)}`, path);
  if (month < 1 || month > 12) throw bad('month');
  if (day < 1 || day > daysInMonth(year, month)) throw bad('day');
  if (hour > 23) throw bad('hour');
  if (minute > 59) throw bad('minute');
  if (second > 59) throw bad('second');
  let offset = 0;
  if (m[8] === undefined) {
    const oh = Number(m[10]);
    const om = Number(m[11]);
    if (oh > 23 || om > 59) throw bad('zone offset');
    offset = (m[9] === '-' ? -1 : 1) * (oh * 3600 + om * 60);
  }
  // Date.UTC maps years 0–99 to 1900–1999; setUTCFullYear does not.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, 0);
  return date.getTime() / 1000 + fraction - offset;
}

/** Seconds as a readable span: `'90 s'`, `'5 min 1 s'`, `'20 min'`, `'1 h 30 min'`, `'2.5 days'`. @internal */
export function span(seconds: number): string {
  const r = (x: number) => String(Number(x.toFixed(2)));
  const sign = seconds < 0 ? '-' : '';
  const s = Math.abs(seconds);
  if (s < 120) return `${r(seconds)} s`;
  if (s < 3600) {
    const m = Math.floor(s / 60);
    const rest = Number((s - 60 * m).toFixed(2));
    return `${sign}${m} min${rest > 0 ? ` ${rest} s` : ''}`;
  }
  if (s < 172800) {
    const h = Math.floor(s / 3600);
    const rest = s - 3600 * h;
    if (rest === 0) return `${sign}${h} h`;
    if (rest % 60 === 0) return `${sign}${h} h ${rest / 60} min`;
    return `${sign}${r(s / 3600)} h`;
  }
  return `${sign}${r(s / 86400)} days`;
}

/** A fraction as a percentage for sentences: `0.953 → '95.3%'`. @internal */
export function pct(x: number): string {
  return `${Number((x * 100).toFixed(2))}%`;
}

