/** Internal number formatting for the plain-language sentences of `slo/` (not re-exported). */
import { formatDuration } from './durations.js';

/** Three significant digits, plain notation: 14.4, 1000, 0.933. */
export function sig3(x: number): string {
  const v = Number(x.toPrecision(3));
  return Math.abs(v) >= 1e21 ? v.toExponential(2) : String(v);
}

/** A ratio as a percentage with three significant digits: 0.0144 → '1.44%'. */
export function percent(x: number): string {
  return `${sig3(x * 100)}%`;
}

/** An objective as a percentage with all its digits: 0.9995 → '99.95%' (never rounded up to 100%). */
export function objectivePercent(o: number): string {
  return `${Number((o * 100).toPrecision(12))}%`;
}

/** A burn rate: 14.4 → '14.4×'. */
export function times(x: number): string {
  return `${sig3(x)}×`;
}

/** A window in Prometheus notation: 3600 → '1h'. */
export function win(seconds: number): string {
  return formatDuration(seconds);
}
