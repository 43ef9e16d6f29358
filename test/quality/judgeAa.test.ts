// Reduced whole-judge A/A study (bench/quality, docs/quality.md): the realistic 15-SLI service with a healthy
// canary, fixed seeds. Bound: a count above binom.isf(0.001, R, p) has probability < 0.1 % when the true rate
// is p (scipy.stats.binom).
import { describe, it, expect } from 'vitest';
import { judgeStudy } from '../../bench/quality/judgeStudy.js';
import { REFERENCE_STAGES, SERVICE_SLIS, serviceJudgeConfig } from '../../bench/quality/service.js';
import { ALLOWED_5_SETTINGS, OLD_DEFAULT_SETTINGS } from '../../bench/quality/settings.js';

describe('whole judge, healthy canary (15 SLIs)', () => {
  it('the service config has 15 SLIs in four weighted groups, three of them critical', () => {
    const config = serviceJudgeConfig();
    expect(config.slis).toHaveLength(15);
    expect(SERVICE_SLIS.filter((s) => s.critical).map((s) => s.name)).toEqual(['checkout_latency_ms', 'checkout_latency_p99_ms', 'http_5xx']);
    expect(config.groupWeights).toEqual({ latency: 40, errors: 30, saturation: 20, other: 10 });
    expect(serviceJudgeConfig(ALLOWED_5_SETTINGS).slis.every((s) => s.allowedIncrease === 0.05 && s.allowedDecrease === 0.05)).toBe(true);
    expect(serviceJudgeConfig(OLD_DEFAULT_SETTINGS).slis.every((s) => s.allowedIncrease === 0.1 && s.allowedDecrease === 0.1)).toBe(true);
  });

  it('at a 1% stage (180 latency samples, 1,800 requests, 180 series points), judged at 10, 20 and 30 minutes: false fails ≤ 5% at ±10% and ±5%', () => {
    const [d, r] = judgeStudy({
      seed: 99,
      name: 'test/aa',
      size: REFERENCE_STAGES.onePercent,
      regression: null,
      variants: [OLD_DEFAULT_SETTINGS, ALLOWED_5_SETTINGS],
      looks: [1 / 3, 2 / 3, 1],
      runs: 30,
    });
    // binom.isf(0.001, 30, 0.05) = 6
    for (const v of [d, r]) {
      expect(v.runs).toBe(30);
      expect(v.fail.k).toBeLessThanOrEqual(6);
      expect(v.anyFail.k).toBeLessThanOrEqual(6);
      expect(v.limitedByInsufficient.k).toBe(0);
    }
    // repeated looks can only add failures
    expect(d.anyNotPass.k).toBeGreaterThanOrEqual(d.notPass.k);
    expect(d.failedBy[2].failed.k).toBe(d.anyFail.k);
  });
});
