import { describe, expect, it } from 'vitest';
import { CanaryJudgeError } from '../../src/errors.js';
import { formatDuration, parseDuration } from '../../src/slo/index.js';

function codeOf(f: () => unknown): { code: string; path: string } | null {
  try {
    f();
    return null;
  } catch (e) {
    expect(e).toBeInstanceOf(CanaryJudgeError);
    const err = e as CanaryJudgeError;
    return { code: err.code, path: err.path };
  }
}

describe('parseDuration / formatDuration', () => {
  // Cases of prometheus/common model/time_test.go TestParseDuration: input, seconds, String() output.
  const prometheusCases: Array<[string, number, string]> = [
    ['0', 0, '0s'],
    ['0w', 0, '0s'],
    ['0s', 0, '0s'],
    ['324ms', 0.324, '324ms'],
    ['3s', 3, '3s'],
    ['5m', 300, '5m'],
    ['1h', 3600, '1h'],
    ['4d', 4 * 86400, '4d'],
    ['4d1h', 4 * 86400 + 3600, '4d1h'],
    ['14d', 14 * 86400, '2w'],
    ['3w', 21 * 86400, '3w'],
    ['3w2d1h', 23 * 86400 + 3600, '23d1h'],
    ['10y', 10 * 365 * 86400, '10y'],
    ['289y', 289 * 365 * 86400, '289y'],
  ];
  it.each(prometheusCases)('parses %s like Prometheus and prints it back', (input, seconds, printed) => {
    expect(parseDuration(input)).toBe(seconds);
    expect(formatDuration(seconds)).toBe(printed);
  });

  it('parses the SLO windows and periods used by the presets', () => {
    expect(parseDuration('5m')).toBe(300);
    expect(parseDuration('30m')).toBe(1800);
    expect(parseDuration('1h30m')).toBe(5400);
    expect(parseDuration('6h')).toBe(21600);
    expect(parseDuration('1d')).toBe(86400);
    expect(parseDuration('3d')).toBe(259200);
    expect(parseDuration('28d')).toBe(2419200);
    expect(parseDuration('30d')).toBe(2592000);
    expect(parseDuration('1y')).toBe(31536000);
    expect(parseDuration('1h0m30s250ms')).toBe(3630.25);
  });

  it('takes numbers as seconds', () => {
    expect(parseDuration(90)).toBe(90);
    expect(parseDuration(0.5)).toBe(0.5);
    expect(parseDuration(0)).toBe(0);
  });

  // prometheus/common TestParseBadDuration, plus other malformed strings.
  it.each(['1', '1y1m1d', '-1w', '1.5d', 'd', '294y', '200y10400w', '107675d', '2584200h', '', '30m1h', '1h1h', ' 5m', '5 m', '5M', '1mo', '5m ', '+5m', '1e3s'])(
    'rejects %j with INVALID_DURATION',
    (bad) => {
      expect(codeOf(() => parseDuration(bad, 'rules[0].longWindow'))).toEqual({ code: 'INVALID_DURATION', path: 'rules[0].longWindow' });
    },
  );

  it('rejects negative, non-finite and non-numeric inputs', () => {
    for (const bad of [-1, Number.NaN, Infinity, -Infinity, 1e10]) {
      expect(codeOf(() => parseDuration(bad))?.code).toBe('INVALID_DURATION');
    }
    for (const bad of [null, undefined, {}, [], true]) {
      expect(codeOf(() => parseDuration(bad as unknown as string))).toEqual({ code: 'INVALID_DURATION', path: 'duration' });
    }
  });

  it('formats like Prometheus model.Duration.String()', () => {
    expect(formatDuration(2592000)).toBe('30d');
    expect(formatDuration(2419200)).toBe('4w');
    expect(formatDuration(2592)).toBe('43m12s');
    expect(formatDuration(5400)).toBe('1h30m');
    expect(formatDuration(366 * 86400)).toBe('366d');
    expect(formatDuration(365 * 86400 + 7 * 86400)).toBe('372d'); // 1y1w is not printed (not an exact multiple)
    expect(formatDuration(0.0004)).toBe('0s');
    expect(formatDuration(-90)).toBe('-1m30s');
    expect(codeOf(() => formatDuration(Number.NaN))?.code).toBe('INVALID_DURATION');
    expect(codeOf(() => formatDuration(Infinity))?.code).toBe('INVALID_DURATION');
  });
});
