/**
 * Settings variants measured against the judge's defaults (src/judge/defaults.ts). The harness passes them as
 * ordinary config fields; it never changes the defaults themselves. Every variant states its allowed change
 * explicitly, so its numbers do not move when a default does.
 * @module
 */
import { SERVICE_SERIES_SLIS, type SettingsVariant } from './service.js';

/** Allowed increase and decrease ±5 %, set explicitly (the default since the quality study, docs/quality.md). */
export const ALLOWED_5_SETTINGS: SettingsVariant = Object.freeze({
  name: 'allowed 5%',
  sli: { allowedIncrease: 0.05, allowedDecrease: 0.05 },
});

/**
 * The previous allowed change, ±10 %, every other setting at the current defaults (so `aggregate: 'auto'` on the
 * time-series SLIs): kept to show what the change of that default bought (docs/quality.md, Summary).
 */
export const OLD_DEFAULT_SETTINGS: SettingsVariant = Object.freeze({
  name: 'old default (allowed 10%)',
  sli: { allowedIncrease: 0.1, allowedDecrease: 0.1 },
});

/**
 * The previous `aggregate` default, `'none'`, on the four time-series SLIs (the only ones the new default, `'auto'`
 * for Mann–Whitney SLIs on time series, touches), every other setting at the current defaults.
 */
export const OLD_AGGREGATE_SETTINGS: SettingsVariant = Object.freeze({
  name: "aggregate 'none' (old default)",
  sli: { aggregate: 'none' as const },
  only: SERVICE_SERIES_SLIS,
});

/** Other settings measured at the 10% stage, to show what each default buys (allowed ±5 % in each). */
export const SETTINGS_ALTERNATIVES: readonly SettingsVariant[] = Object.freeze([
  { name: 'Holm', sli: { allowedIncrease: 0.05, allowedDecrease: 0.05 }, run: { multipleComparisons: 'holm' } },
  { name: 'confidence 90%', sli: { allowedIncrease: 0.05, allowedDecrease: 0.05 }, run: { confidence: 0.9 } },
  { name: 'allowed 2%', sli: { allowedIncrease: 0.02, allowedDecrease: 0.02 } },
  { name: 'allowed 0 (significance only)', sli: { allowedIncrease: 0, allowedDecrease: 0 } },
]);
