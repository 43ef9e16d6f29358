/**
 * Whole-judge Monte Carlo: the realistic 15-SLI service (service.ts) over one stage, healthy (A/A) or with a
 * regression, judged by the real `judge()` under one or more settings variants, at one or more looks into the
 * stage (a look at 1/3 uses the first 10 of 30 minutes). It records, per variant:
 *
 * - `fail` / `notPass` at the last look (the stage judged once, at its end);
 * - `anyFail` / `anyNotPass` over all looks (the stage judged repeatedly, stopping at the first failure —
 *   what a deploy loop that polls the judge does);
 * - the look of the first failure (detection delay);
 * - which SLIs were `high`/`low` at the last look.
 * @module
 */
import { judge } from '../../src/judge/judge.js';
import type { JudgeConfig } from '../../src/judge/types.js';
import { cellRandom, medianOf, Tally, type Proportion } from './montecarlo.js';
import { drawStage, serviceJudgeConfig, stageData, type Regression, type SettingsVariant, type StageSize } from './service.js';

/** Options of {@link judgeStudy}. */
export interface JudgeStudyOptions {
  seed: number;
  /** Name of the study cell (part of the seed). */
  name: string;
  size: StageSize;
  /** null: a healthy canary (A/A). */
  regression: Regression | null;
  variants: readonly SettingsVariant[];
  /** Looks as fractions of the stage, increasing, the last one 1 (default [1]). */
  looks?: readonly number[];
  runs: number;
}

/** Result of one settings variant in a {@link judgeStudy}. */
export interface JudgeStudyVariant {
  variant: string;
  runs: number;
  /** Verdict `fail` at the end of the stage. */
  fail: Proportion;
  /** Verdict `marginal` or `fail` at the end of the stage. */
  notPass: Proportion;
  /** Verdict capped because some SLI was insufficient, at the end of the stage. */
  limitedByInsufficient: Proportion;
  /** `fail` at some look (repeated judging). */
  anyFail: Proportion;
  /** `marginal` or `fail` at some look. */
  anyNotPass: Proportion;
  /** Per look: share of runs failed at or before that look (cumulative detection). */
  failedBy: Array<{ look: number; failed: Proportion }>;
  /** Median look (fraction of the stage) of the first `fail`, among runs that failed (null when none did). */
  medianFirstFail: number | null;
  /** Per SLI: share of runs in which it was `high` or `low` at the end of the stage (only SLIs that ever were). */
  sliFlagged: Record<string, Proportion>;
}

/**
 * Runs the study. Every variant judges the same data (paired comparison of settings).
 *
 * @example
 * ```ts
 * const [d] = judgeStudy({ seed: 1, name: 'aa', size: REFERENCE_STAGES.tenPercent, regression: null,
 *   variants: [DEFAULT_SETTINGS], runs: 50 });
 * d.fail.rate; // ≈ 0
 * ```
 */
export function judgeStudy(options: JudgeStudyOptions): JudgeStudyVariant[] {
  const { seed, name, size, regression, variants, runs } = options;
  const looks = options.looks ?? [1];
  const configs: JudgeConfig[] = variants.map((v) => serviceJudgeConfig(v));
  const tallies = variants.map(() => new Tally());
  const firstFails: number[][] = variants.map(() => []);
  for (let run = 0; run < runs; run++) {
    const stage = drawStage(cellRandom(seed, `judge/${name}/${size.label}`, run), size, regression);
    const datas = looks.map((f) => stageData(stage, f));
    configs.forEach((config, vi) => {
      const events: string[] = [];
      let firstFail: number | null = null;
      let anyNotPass = false;
      looks.forEach((f, li) => {
        const v = judge(config, datas[li]);
        if (v.verdict === 'fail' && firstFail === null) firstFail = f;
        if (v.verdict !== 'pass') anyNotPass = true;
        if (li === looks.length - 1) {
          if (v.verdict === 'fail') events.push('fail');
          if (v.verdict !== 'pass') events.push('notPass');
          if (v.limitedBy === 'insufficient') events.push('limitedByInsufficient');
          for (const s of v.slis) if (s.classification === 'high' || s.classification === 'low') events.push(`sli:${s.name}`);
        }
      });
      if (firstFail !== null) {
        events.push('anyFail');
        firstFails[vi].push(firstFail);
        for (const f of looks) if (f >= firstFail) events.push(`failedBy:${f}`);
      }
      if (anyNotPass) events.push('anyNotPass');
      tallies[vi].add(events);
    });
  }
  return variants.map((v, vi) => {
    const t = tallies[vi];
    const sliFlagged: Record<string, Proportion> = {};
    for (const [k, p] of Object.entries(t.toJSON())) if (k.startsWith('sli:')) sliFlagged[k.slice(4)] = p;
    return {
      variant: v.name,
      runs: t.runs,
      fail: t.get('fail'),
      notPass: t.get('notPass'),
      limitedByInsufficient: t.get('limitedByInsufficient'),
      anyFail: t.get('anyFail'),
      anyNotPass: t.get('anyNotPass'),
      failedBy: looks.map((f) => ({ look: f, failed: t.get(`failedBy:${f}`) })),
      medianFirstFail: medianOf(firstFails[vi]),
      sliFlagged,
    };
  });
}
