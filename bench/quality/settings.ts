/**
 * Settings variants measured against the judge's defaults (src/judge/defaults.ts). The harness passes them as
 * ordinary config fields; it never changes the defaults themselves.
 * @module
 */
import type { SettingsVariant } from './service.js';

/** The recommended change of defaults: allowed increase and decrease 5 % instead of 10 % (docs/quality.md). */
export const RECOMMENDED_SETTINGS: SettingsVariant = Object.freeze({
  name: 'allowed 5%',
  sli: { allowedIncrease: 0.05, allowedDecrease: 0.05 },
});

/** Other settings measured at the 10% stage, to show what each default buys. */
export const SETTINGS_ALTERNATIVES: readonly SettingsVariant[] = Object.freeze([
  { name: 'allowed 5%, Holm', sli: { allowedIncrease: 0.05, allowedDecrease: 0.05 }, run: { multipleComparisons: 'holm' } },
  { name: 'allowed 5%, confidence 90%', sli: { allowedIncrease: 0.05, allowedDecrease: 0.05 }, run: { confidence: 0.9 } },
  { name: 'allowed 2%', sli: { allowedIncrease: 0.02, allowedDecrease: 0.02 } },
  { name: 'allowed 0 (significance only)', sli: { allowedIncrease: 0, allowedDecrease: 0 } },
]);
