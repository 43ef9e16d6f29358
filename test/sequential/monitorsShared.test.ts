/**
 * The pieces the three streaming monitors share: the series replay (replay.ts), the state-file envelope and
 * checks (stateFile.ts), and the parts every result repeats (common.ts). The persisted-format tests pin the
 * exact JSON text written by the monitors before these pieces were extracted (commit bad6e0d), so states
 * saved by earlier versions keep loading and new ones keep the same layout.
 */
import { describe, expect, it } from 'vitest';
import { CanaryJudgeError } from '../../src/errors.js';
import { CountMonitor, MeanMonitor, QuantileMonitor, meanMonitorFromSeries } from '../../src/sequential/index.js';
import { readUpdate, resolveBaseOptions, resultConfidenceSequence, resultSettings, runningPValue } from '../../src/sequential/monitors/common.js';
import { replaySeries, seriesInput, tracePoint } from '../../src/sequential/monitors/replay.js';
import { lookRanges } from '../../src/sequential/monitors/series.js';
import {
  baseOptionsState,
  readEnvelope,
  restoreMonitor,
  stateCount,
  stateObject,
  stateProbability,
  writeEnvelope,
} from '../../src/sequential/monitors/stateFile.js';

function caught(fn: () => unknown): { code: string; path: string; message: string } {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(CanaryJudgeError);
    const err = e as CanaryJudgeError;
    return { code: err.code, path: err.path, message: err.message };
  }
  throw new Error('expected a CanaryJudgeError');
}

// JSON text written by the monitors at commit bad6e0d (before the shared pieces were extracted)
const COUNT_STATE_V1 =
  '{"kind":"CountMonitor","version":1,"options":{"alpha":0.05,"direction":"increase","allowedIncrease":0.1,"allowedDecrease":0.1,"label":"the event rate","canaryShare":0.25,"concentration":100},"state":{"looks":0,"baselineEvents":0,"canaryEvents":0,"baselineTotal":null,"canaryTotal":null,"pValue":1,"lowerRatio":0,"upperRatio":null}}';
const MEAN_STATE_V1 =
  '{"kind":"MeanMonitor","version":1,"options":{"alpha":0.05,"direction":"increase","allowedIncrease":0.1,"allowedDecrease":0.1,"label":"the mean","effect":"absolute","tuningSampleSize":5000,"minSamples":30},"state":{"looks":0,"baseline":{"n":0,"mean":0,"m2":0,"skipped":0},"canary":{"n":0,"mean":0,"m2":0,"skipped":0},"pValue":1,"lower":null,"upper":null}}';
const QUANTILE_STATE_V1 =
  '{"kind":"QuantileMonitor","version":1,"options":{"alpha":0.05,"direction":"increase","allowedIncrease":0.1,"allowedDecrease":0.1,"label":"the quantile","quantiles":[0.5,0.99],"bound":"uniform","tuningSampleSize":1000,"minSamples":100,"pValues":true},"state":{"looks":0,"baseline":[],"canary":[],"skipped":{"baseline":0,"canary":0},"quantiles":[{"baselineLower":null,"baselineUpper":null,"canaryLower":null,"canaryUpper":null,"pValue":1},{"baselineLower":null,"baselineUpper":null,"canaryLower":null,"canaryUpper":null,"pValue":1}],"distribution":{"lower":null,"lowerAt":null,"upper":null,"upperAt":null}}}';
// and the result of CountMonitor({ canaryShare: 0.5 }) after { baseline: { events: 10, total: 1000 }, canary: 0 }
const COUNT_RESULT_V1 =
  '{"monitor":"count","decision":"continue","reason":"In the canary, the event rate is 0× the baseline\'s (anytime-valid 95% bounds 0×…6.25×): not enough data yet to tell whether it is within the allowed 1.1×; keep collecting.","pValue":1,"confidenceSequence":{"estimate":-1,"lower":-1,"upper":5.245712928432407,"scale":"relativeChange"},"rateRatio":{"estimate":0,"lower":0,"upper":6.245712928432407},"looks":1,"n":{"baseline":10,"canary":0},"alpha":0.05,"direction":"increase","allowed":{"increase":0.1,"decrease":0.1},"canaryShare":0.5,"concentration":100,"totals":{"baseline":1000,"canary":null},"rates":{"baseline":0.01,"canary":null}}';

describe('persisted state format (unchanged by the shared envelope)', () => {
  it('each monitor writes the same JSON text, key order included, and reads it back', () => {
    expect(JSON.stringify(new CountMonitor({ canaryShare: 0.25 }))).toBe(COUNT_STATE_V1);
    expect(JSON.stringify(new MeanMonitor({ effect: 'absolute' }))).toBe(MEAN_STATE_V1);
    expect(JSON.stringify(new QuantileMonitor({ quantiles: [0.5, 0.99], bound: 'uniform' }))).toBe(QUANTILE_STATE_V1);
    expect(JSON.stringify(CountMonitor.fromJSON(COUNT_STATE_V1))).toBe(COUNT_STATE_V1);
    expect(JSON.stringify(MeanMonitor.fromJSON(MEAN_STATE_V1))).toBe(MEAN_STATE_V1);
    expect(JSON.stringify(QuantileMonitor.fromJSON(QUANTILE_STATE_V1))).toBe(QUANTILE_STATE_V1);
  });

  it('a result keeps its field order (shared fields composed by resultConfidenceSequence / resultSettings)', () => {
    const m = new CountMonitor({ canaryShare: 0.5 });
    expect(JSON.stringify(m.update({ baseline: { events: 10, total: 1000 }, canary: 0 }))).toBe(COUNT_RESULT_V1);
  });
});

describe('stateFile: envelope and checked fields', () => {
  it('writeEnvelope and readEnvelope are inverse, from the object or its text', () => {
    const env = writeEnvelope('MeanMonitor', { alpha: 0.01 }, { looks: 2 });
    expect(JSON.stringify(env)).toBe('{"kind":"MeanMonitor","version":1,"options":{"alpha":0.01},"state":{"looks":2}}');
    expect(readEnvelope(env, 'MeanMonitor')).toEqual({ options: { alpha: 0.01 }, state: { looks: 2 } });
    expect(readEnvelope(JSON.stringify(env), 'MeanMonitor')).toEqual({ options: { alpha: 0.01 }, state: { looks: 2 } });
  });

  it('readEnvelope names the bad part', () => {
    expect(caught(() => readEnvelope('{', 'CountMonitor'))).toEqual({ code: 'INVALID_STATE', path: '', message: ': CountMonitor.fromJSON: not valid JSON text' });
    expect(caught(() => readEnvelope({ kind: 'MeanMonitor', version: 1, options: {}, state: {} }, 'CountMonitor')).path).toBe('kind');
    expect(caught(() => readEnvelope({ kind: 'CountMonitor', version: 2, options: {}, state: {} }, 'CountMonitor'))).toEqual({
      code: 'UNSUPPORTED_STATE_VERSION',
      path: 'version',
      message: 'version: CountMonitor state version 2 is not supported (expected 1)',
    });
    expect(caught(() => readEnvelope({ kind: 'CountMonitor', version: 1, options: [], state: {} }, 'CountMonitor')).path).toBe('options');
    expect(caught(() => readEnvelope({ kind: 'CountMonitor', version: 1, options: {}, state: null }, 'CountMonitor')).path).toBe('state');
  });

  it('baseOptionsState stores the shared options in their fixed order', () => {
    const o = resolveBaseOptions({ direction: 'either', allowedDecrease: 0.3, label: 'p99' }, 'the mean');
    expect(JSON.stringify(baseOptionsState(o))).toBe('{"alpha":0.05,"direction":"either","allowedIncrease":0.1,"allowedDecrease":0.3,"label":"p99"}');
  });

  it('restoreMonitor builds the monitor from the stored options and reads the look count', () => {
    const json = new MeanMonitor({ minSamples: 2 }).toJSON();
    json.state.looks = 4;
    const r = restoreMonitor(json, 'MeanMonitor', (options) => new MeanMonitor(options));
    expect(r.monitor).toBeInstanceOf(MeanMonitor);
    expect(r.looks).toBe(4);
    expect(r.state).toEqual(json.state);
    // stored options go through the constructor's checks, reported under options.
    expect(caught(() => restoreMonitor({ ...json, options: { ...json.options, minSamples: 1 } }, 'MeanMonitor', (o) => new MeanMonitor(o)))).toEqual({
      code: 'INVALID_STATE',
      path: 'options.minSamples',
      message: 'options.minSamples: must be an integer ≥ 2 (got 1)',
    });
    expect(caught(() => restoreMonitor({ ...json, state: { looks: 1.5 } }, 'MeanMonitor', (o) => new MeanMonitor(o))).path).toBe('state.looks');
  });

  it('stateCount, stateProbability and stateObject', () => {
    expect(stateCount(0, 'a')).toBe(0);
    expect(stateCount(7, 'a')).toBe(7);
    expect(caught(() => stateCount(-1, 'state.n')).message).toBe('state.n: must be ≥ 0 (got -1)');
    expect(caught(() => stateCount(2.5, 'state.n')).message).toBe('state.n: must be an integer (got 2.5)');
    expect(caught(() => stateCount(Number.NaN, 'state.n')).message).toBe('state.n: must be a finite number (got NaN)');
    expect(stateProbability(0, 'p')).toBe(0);
    expect(stateProbability(1, 'p')).toBe(1);
    expect(caught(() => stateProbability(1.5, 'state.pValue')).message).toBe('state.pValue: must be ≤ 1 (got 1.5)');
    expect(stateObject({ a: 1 }, 'x')).toEqual({ a: 1 });
    expect(caught(() => stateObject([], 'state.d')).message).toBe('state.d: must be an object');
    expect(caught(() => stateObject(null, 'state.s', 'must be { baseline, canary }')).message).toBe('state.s: must be { baseline, canary }');
  });
});

describe('replay: one engine for the three …FromSeries functions', () => {
  it('replaySeries gives the results of updating by hand, look by look', () => {
    const looks = [
      { baseline: 5, canary: 6 },
      { baseline: 7, canary: 9 },
      { baseline: 0, canary: 4 },
    ];
    const byHand = new CountMonitor({ canaryShare: 0.5 });
    const results = looks.map((look) => byHand.update(look));
    const r = replaySeries(new CountMonitor({ canaryShare: 0.5 }), looks);
    expect(r.trace).toEqual(results.map((x) => tracePoint(x)));
    expect(r.trace.map((t) => t.look)).toEqual([1, 2, 3]);
    expect(r.trace.map((t) => t.n)).toEqual([
      { baseline: 5, canary: 6 },
      { baseline: 12, canary: 15 },
      { baseline: 12, canary: 19 },
    ]);
    expect(r.state).toEqual(byHand.toJSON());
    const { trace, state, ...final } = r;
    expect(trace.length).toBe(3);
    expect(state.state.looks).toBe(3);
    expect(final).toEqual(byHand.result());
  });

  it('replaySeries over lookRanges is meanMonitorFromSeries', () => {
    const baseline = { timestamps: [1, 1, 2, 3, 3], values: [10, 12, 11, 13, 9] };
    const canary = { timestamps: [1, 2, 2, 3], values: [11, 12, 14, 10] };
    const manual = replaySeries(new MeanMonitor({ minSamples: 2 }), lookRanges(baseline, canary));
    expect(meanMonitorFromSeries({ baseline, canary, minSamples: 2 })).toEqual(manual);
    expect(manual.trace.map((t) => t.n)).toEqual([
      { baseline: 2, canary: 1 },
      { baseline: 3, canary: 3 },
      { baseline: 5, canary: 4 },
    ]);
  });

  it('tracePoint copies n, so later looks cannot change an earlier point', () => {
    const r = new CountMonitor({ canaryShare: 0.5 }).update({ baseline: 1, canary: 2 });
    const t = tracePoint(r);
    expect(t.n).toEqual(r.n);
    expect(t.n).not.toBe(r.n);
    expect(t).toEqual({ look: 1, n: { baseline: 1, canary: 2 }, estimate: 1, lower: r.confidenceSequence.lower, upper: r.confidenceSequence.upper, pValue: r.pValue, decision: r.decision });
  });

  it('seriesInput splits the series from the options and rejects a non-object', () => {
    const input = { baseline: [1], canary: [2], alpha: 0.01 };
    const split = seriesInput(input, 'meanMonitorFromSeries');
    expect(split).toEqual({ baseline: [1], canary: [2], options: { alpha: 0.01 } });
    split.options.canaryShare = 0.5;
    expect(input).toEqual({ baseline: [1], canary: [2], alpha: 0.01 });
    expect(caught(() => seriesInput(3, 'countMonitorFromSeries'))).toEqual({
      code: 'INVALID_ARGUMENT',
      path: 'input',
      message: 'input: countMonitorFromSeries takes { baseline, canary, ...options }',
    });
  });
});

describe('common: the parts every update and result repeat', () => {
  it('readUpdate accepts baseline and canary only', () => {
    expect(readUpdate({ canary: [1] })).toEqual({ baseline: undefined, canary: [1] });
    expect(caught(() => readUpdate([1]))).toEqual({ code: 'INVALID_ARGUMENT', path: 'data', message: 'data: update takes { baseline?, canary? }' });
    expect(caught(() => readUpdate({ baseline: 1, other: 2 })).path).toBe('other');
  });

  it('runningPValue is the running minimum of 1/E, capped at 1', () => {
    expect(runningPValue(0.5, Math.log(4))).toBe(0.25);
    expect(runningPValue(0.1, Math.log(4))).toBe(0.1);
    expect(runningPValue(1, -2)).toBe(1);
    expect(runningPValue(1, 0)).toBe(1);
  });

  it('resultConfidenceSequence writes −0 as 0 and omits an empty note', () => {
    const cs = resultConfidenceSequence({ estimate: -0, lower: null, upper: 0.5 }, 'absoluteDifference', undefined);
    expect(JSON.stringify(cs)).toBe('{"estimate":0,"lower":null,"upper":0.5,"scale":"absoluteDifference"}');
    expect(Object.is(cs.estimate, 0)).toBe(true);
    expect(resultConfidenceSequence({ estimate: null, lower: -0.1, upper: null }, 'relativeChange', 'no upper bound yet')).toEqual({
      estimate: null,
      lower: -0.1,
      upper: null,
      scale: 'relativeChange',
      note: 'no upper bound yet',
    });
    expect('note' in resultConfidenceSequence({ estimate: 1, lower: 0, upper: 2 }, 'relativeChange', '')).toBe(false);
  });

  it('resultSettings echoes alpha, direction and the allowed changes', () => {
    const o = resolveBaseOptions({ alpha: 0.01, direction: 'decrease', allowedIncrease: 0.2 }, 'x');
    expect(JSON.stringify(resultSettings(o))).toBe('{"alpha":0.01,"direction":"decrease","allowed":{"increase":0.2,"decrease":0.1}}');
  });
});
