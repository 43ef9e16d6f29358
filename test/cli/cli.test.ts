import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT_CODES, exitCodeOf } from '../../src/cli/exitCodes.js';
import { CLI_VERSION } from '../../src/cli/cli.js';
import { fromKayentaConfig, judge } from '../../src/judge/index.js';
import { failVerdict, marginalVerdict, noVerdict, passVerdict } from '../report/fixtures.js';
import { folder, latencies, longCsv, run } from './helpers.js';

const fixtures = new URL('./fixtures/', import.meta.url).pathname;
const config = JSON.stringify({ slis: [{ name: 'latency_ms', allowedIncrease: 0.05, weight: 9 }, { name: 'cpu', allowedIncrease: 0.05, weight: 1 }] });
const stripAnsi = (s: string) => s.replace(/\x1b\[[0-9;]*m/g, '');

/** Files for each verdict: latency and cpu unchanged (pass), latency +20 % (fail), cpu +20 % only (score 90: marginal), 5 points each (no verdict). */
function scenarioFiles() {
  return folder({
    'canary.json': config,
    'pass.csv': longCsv({ latency_ms: { baseline: latencies(), canary: latencies() }, cpu: { baseline: latencies(), canary: latencies(0.2) } }),
    'fail.csv': longCsv({ latency_ms: { baseline: latencies(), canary: latencies(25) }, cpu: { baseline: latencies(), canary: latencies() } }),
    'marginal.csv': longCsv({ latency_ms: { baseline: latencies(), canary: latencies() }, cpu: { baseline: latencies(), canary: latencies(25) } }),
    'few.csv': longCsv({ latency_ms: { baseline: latencies(0, 5), canary: latencies(0, 5) }, cpu: { baseline: latencies(0, 5), canary: latencies(0, 5) } }),
    'bad.csv': 'sli,side,timestamp,value\nlatency_ms,baseline,1717423200,120\nlatency_ms,canary,1717423200,12O\n',
    'baseline.csv': 'timestamp,value\n' + latencies().map((v, i) => `${1717423200 + 15 * i},${v}`).join('\n'),
    'canary.csv': latencies(25).join('\n'),
  });
}

describe('exit codes of verdicts', () => {
  it('maps pass, fail, marginal and "no verdict possible" to 0, 1, 2, 3', () => {
    expect(exitCodeOf(passVerdict)).toBe(0);
    expect(exitCodeOf(failVerdict)).toBe(1);
    expect(exitCodeOf(marginalVerdict)).toBe(2); // limited by insufficient data, but latency was judged
    expect(exitCodeOf(noVerdict)).toBe(3);
    expect(EXIT_CODES).toEqual({ pass: 0, fail: 1, marginal: 2, noVerdict: 3, usage: 64, dataError: 65, noInput: 66, software: 70, cannotCreate: 73 });
  });
});

describe('canary-judge judge', () => {
  const dir = scenarioFiles();
  const cfg = join(dir, 'canary.json');

  it('exits 0, 1, 2 and 3 with the verdict', async () => {
    const pass = await run(['judge', '--config', cfg, '--data', join(dir, 'pass.csv')]);
    expect(pass.code).toBe(0);
    expect(pass.stdout.split('\n')[0]).toBe('PASS  score 100 / 100  (pass ≥ 95, marginal ≥ 75)');
    expect(pass.stderr).toBe('');
    const fail = await run(['judge', '-c', cfg, '-d', join(dir, 'fail.csv')]);
    expect(fail.code).toBe(1);
    expect(fail.stdout.split('\n')[0]).toBe('FAIL  score 10 / 100  (pass ≥ 95, marginal ≥ 75)');
    expect(fail.stdout).toMatch(/^latency_ms {2}higher {2}\+21\.8% {2}\+18\.7% … \+24\.8% {2}≤ \+5\.0% {2}2\.1e-20/m);
    const marginal = await run(['judge', '--config', cfg, '--data', join(dir, 'marginal.csv')]);
    expect(marginal.code).toBe(2);
    expect(marginal.stdout.split('\n')[0]).toBe('MARGINAL  score 90 / 100  (pass ≥ 95, marginal ≥ 75)');
    const few = await run(['judge', '--config', cfg, '--data', join(dir, 'few.csv')]);
    expect(few.code).toBe(3);
    expect(few.stdout.split('\n')[0]).toBe('NO VERDICT  score 0 / 100  (pass ≥ 95, marginal ≥ 75)');
  });

  it('prints the report in every format; JSON is the judge\'s Verdict itself', async () => {
    const data = join(dir, 'fail.csv');
    const json = await run(['judge', '--config', cfg, '--data', data, '--format', 'json']);
    expect(json.code).toBe(1);
    const verdict = JSON.parse(json.stdout);
    expect(verdict.verdict).toBe('fail');
    expect(verdict.slis.map((s: { name: string; classification: string }) => `${s.name}:${s.classification}`)).toEqual(['latency_ms:high', 'cpu:pass']);
    const md = await run(['judge', '--config', cfg, '--data', data, '--format', 'markdown']);
    expect(md.stdout.split('\n')[0]).toBe('### ❌ Canary verdict: **FAIL** — score 10 / 100');
    expect(md.stdout).toContain('| 🔴 | latency\\_ms | higher | +21.8% | +18.7% … +24.8% | ≤ +5.0% | 2.1e-20 |');
    const html = await run(['judge', '--config', cfg, '--data', data, '-f', 'html']);
    expect(html.stdout.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html.stdout).toContain('class="ecdf canary"'); // the data is passed to the HTML renderer
    for (const out of [json.stdout, md.stdout, html.stdout]) expect(out).not.toMatch(/NaN|undefined/);
  });

  it('judges a single SLI from --baseline and --canary, without a config', async () => {
    const r = await run(['judge', '--baseline', join(dir, 'baseline.csv'), '--canary', join(dir, 'canary.csv'), '--sli', 'p50_ms']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^p50_ms {2}higher/m);
    const withConfig = await run(['judge', '--config', cfg, '--baseline', join(dir, 'baseline.csv'), '--canary', join(dir, 'canary.csv')]);
    expect(withConfig.code).toBe(64); // two SLIs in the config: which one?
    expect(withConfig.stderr).toContain('the config has 2 SLIs: say which one the data is for with --sli NAME');
  });

  it('writes --output atomically and says so on stderr', async () => {
    const out = join(dir, 'report.html');
    const r = await run(['judge', '--config', cfg, '--data', join(dir, 'fail.csv'), '--format', 'html', '--output', out]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`canary-judge: FAIL (score 10 / 100); report written to ${out}\n`);
    expect(readFileSync(out, 'utf8').startsWith('<!DOCTYPE html>')).toBe(true);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    const blocked = await run(['judge', '--config', cfg, '--data', join(dir, 'fail.csv'), '--output', join(dir, 'missing-dir', 'r.txt')]);
    expect(blocked.code).toBe(73);
    expect(existsSync(join(dir, 'missing-dir'))).toBe(false);
  });

  it('colours text on a terminal unless NO_COLOR is set or --no-color is given', async () => {
    const args = ['judge', '--config', cfg, '--data', join(dir, 'fail.csv')];
    const tty = await run(args, { tty: true });
    expect(tty.stdout.startsWith('\x1b[1m\x1b[31mFAIL\x1b[0m')).toBe(true);
    const plain = await run(args);
    expect(stripAnsi(tty.stdout)).toBe(plain.stdout);
    expect((await run(args, { tty: true, env: { NO_COLOR: '1' } })).stdout).toBe(plain.stdout);
    expect((await run([...args, '--no-color'], { tty: true })).stdout).toBe(plain.stdout);
    expect((await run([...args, '--color'])).stdout).toBe(tty.stdout);
    expect((await run(args, { env: { FORCE_COLOR: '1' } })).stdout).toBe(tty.stdout);
  });

  it('shows progress for long inputs on a terminal stderr only', async () => {
    const args = ['judge', '--config', cfg, '--data', join(dir, 'pass.csv')];
    const shown = await run(args, { stderrTty: true, progressMinBytes: 100 });
    expect(shown.stderr).toMatch(/^\r\x1b\[Kreading .*pass\.csv \(0\.0 MB\)…\r\x1b\[Kreading .*pass\.csv… 100%\r\x1b\[K$/);
    expect((await run(args, { stderrTty: false, progressMinBytes: 100 })).stderr).toBe('');
    expect((await run([...args, '--quiet'], { stderrTty: true, progressMinBytes: 100 })).stderr).toBe('');
    expect((await run(args, { stderrTty: true })).stderr).toBe(''); // below 1 MiB
  });

  it('--quiet prints nothing and keeps the exit code', async () => {
    const r = await run(['judge', '--config', cfg, '--data', join(dir, 'fail.csv'), '-q']);
    expect(r).toEqual({ code: 1, stdout: '', stderr: '' });
  });

  it('exits 65 for a bad CSV and names the file, line and column', async () => {
    const bad = join(dir, 'bad.csv');
    const r = await run(['judge', '--config', cfg, '--data', bad]);
    expect(r.code).toBe(65);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`canary-judge: ${bad}:3:30: "12O" is not a number (column "value")\n`);
  });

  it('exits 65 for an invalid config, listing every problem with file:line:column', async () => {
    const r = await run(['judge', '--config', join(fixtures, 'invalid-config.json'), '--data', join(dir, 'pass.csv')]);
    expect(r.code).toBe(65);
    expect(r.stderr.split('\n').slice(0, 3)).toEqual([
      'canary-judge: invalid judge config (5 problems):',
      `  ${fixtures}invalid-config.json:3:42: slis[0].direction: must be one of "increase", "decrease", "either", got "up"`,
      `  ${fixtures}invalid-config.json:4:51: slis[1].weight: must be > 0, got -1`,
    ]);
  });

  it('exits 66 for a missing file', async () => {
    const r = await run(['judge', '--config', cfg, '--data', join(dir, 'nope.json')]);
    expect(r.code).toBe(66);
    expect(r.stderr).toBe(`canary-judge: ${join(dir, 'nope.json')}: no such file\n`);
    expect((await run(['judge', '--config', join(dir, 'nope.json'), '--data', join(dir, 'pass.csv')])).code).toBe(66);
  });

  it('exits 64 for usage errors', async () => {
    const cases: Array<[string[], string]> = [
      [['judge', '--data', join(dir, 'pass.csv'), '--canary-value', 'v2'], '--baseline-value and --canary-value need --side-label'],
      [['judge', '--config', cfg], 'no data: give --data FILE (or NAME=FILE), or --baseline FILE and --canary FILE'],
      [['judge', '--baseline', join(dir, 'baseline.csv')], '--baseline and --canary go together: --canary is missing'],
      [['judge', '--config', cfg, '--data', join(dir, 'pass.csv'), '--format', 'pdf'], '--format must be one of text, json, markdown, html, got "pdf"'],
      [['judge', '--config', cfg, '--bogus'], "Unknown option '--bogus'"],
      [['judge', '--config', cfg, '--data', join(dir, 'baseline.csv')], 'holds one side of one SLI: pass it with --baseline or --canary'],
      [['judge', '--baseline', join(dir, 'pass.csv'), '--canary', join(dir, 'canary.csv')], 'holds many SLIs: pass it with --data, not --baseline'],
      [['frobnicate'], 'unknown command "frobnicate": use judge, demo, validate or kayenta'],
    ];
    for (const [argv, message] of cases) {
      const r = await run(argv);
      expect(r.code, argv.join(' ')).toBe(64);
      expect(r.stderr).toContain(message);
      expect(r.stderr).toMatch(/Run `canary-judge (\w+ )?--help` for usage\.\n$/);
    }
    const none = await run([]);
    expect(none.code).toBe(64);
    expect(none.stderr).toContain('Usage: canary-judge <command> [options]');
  });
});

describe('canary-judge validate', () => {
  it('exits 0 for a valid config', async () => {
    const dir = folder({ 'c.json': config });
    const r = await run(['validate', join(dir, 'c.json')]);
    expect(r).toEqual({ code: 0, stdout: `${join(dir, 'c.json')}: valid (2 SLIs: latency_ms, cpu)\n`, stderr: '' });
  });

  it('prints every problem with its place and JSON path, and exits 65', async () => {
    const file = join(fixtures, 'invalid-config.json');
    const r = await run(['validate', file]);
    expect(r.code).toBe(65);
    expect(r.stdout.split('\n')).toEqual([
      `${file}:3:42: slis[0].direction: must be one of "increase", "decrease", "either", got "up" [INVALID_VALUE]`,
      `${file}:4:51: slis[1].weight: must be > 0, got -1 [INVALID_VALUE]`,
      `${file}:5:41: slis[2].Critical: unknown field (did you mean "critical"?) [UNKNOWN_FIELD]`,
      `${file}:5:15: slis[2].name: "latency_ms" is already used by slis[0] [DUPLICATE_NAME]`,
      `${file}:7:43: thresholds.marginal: must be ≤ thresholds.pass (70), got 80 [INVALID_VALUE]`,
      '',
    ]);
    expect(r.stderr).toBe(`canary-judge: ${file} has 5 problems\n`);
    const json = await run(['validate', file, '--format', 'json']);
    const out = JSON.parse(json.stdout);
    expect(out.valid).toBe(false);
    expect(out.problems[0]).toEqual({ code: 'INVALID_VALUE', path: 'slis[0].direction', message: 'slis[0].direction: must be one of "increase", "decrease", "either", got "up"', line: 3, column: 42 });
  });

  it('reports JSON syntax errors with line and column', async () => {
    const dir = folder({ 'broken.json': '{\n  "slis": [\n    { "name": "a" }\n    { "name": "b" }\n  ]\n}\n' });
    const r = await run(['validate', join(dir, 'broken.json')]);
    expect(r.code).toBe(65);
    expect(r.stderr).toBe(`canary-judge: ${join(dir, 'broken.json')}:4:5: expected "," or "]" in an array, got "{"\n`);
    const json = await run(['validate', join(dir, 'broken.json'), '-f', 'json']);
    expect(JSON.parse(json.stdout).problems[0]).toMatchObject({ code: 'INVALID_JSON', line: 4, column: 5 });
    expect((await run(['validate'])).code).toBe(64);
    expect((await run(['validate', join(dir, 'none.json')])).code).toBe(66);
  });
});

describe('canary-judge kayenta', () => {
  const file = join(fixtures, 'kayenta-canary-config.json');

  it('prints the converted config, the same as fromKayentaConfig', async () => {
    const r = await run(['kayenta', file, '--pass', '95', '--marginal', '75']);
    expect(r.code).toBe(0);
    const converted = JSON.parse(r.stdout);
    expect(converted).toEqual(fromKayentaConfig(JSON.parse(readFileSync(file, 'utf8')), { pass: 95, marginal: 75 }));
    expect(converted.thresholds).toEqual({ pass: 95, marginal: 75 });
    expect(converted.groupWeights).toEqual({ system: 60, requests: 40 });
    expect(converted.scoring).toBe('kayenta');
    expect(converted.slis.map((s: { name: string }) => s.name)).toEqual(['cpu_utilization', 'http_5xx', 'latency_p50']);
    expect(converted.slis[0]).toMatchObject({ test: 'kayenta', direction: 'increase', critical: true, nan: { replace: 0 }, confidence: 0.98, tolerance: 0.25 });
    expect(converted.slis[0].allowedIncrease).toBeCloseTo(0.2, 12); // Kayenta's ratio 1.2
    expect(converted.slis[1]).toMatchObject({ mustHaveData: true, outliers: { method: 'kayentaIqr', factor: 3 } });
    // the converted config validates and judges
    const out = join(folder({}), 'converted.json');
    const w = await run(['kayenta', file, '--pass', '90', '--marginal', '50', '--tolerance', '0.3', '--confidence', '0.95', '-o', out]);
    expect(w.code).toBe(0);
    expect(w.stdout).toBe('');
    const written = JSON.parse(readFileSync(out, 'utf8'));
    expect(written.thresholds).toEqual({ pass: 90, marginal: 50 });
    expect(written.slis[2]).toMatchObject({ tolerance: 0.3, confidence: 0.95, direction: 'either' });
    expect((await run(['validate', out])).code).toBe(0);
  });

  it('exits 64 without thresholds and 65 for an invalid Kayenta config, with places', async () => {
    const missing = await run(['kayenta', file, '--pass', '95']);
    expect(missing.code).toBe(64);
    expect(missing.stderr).toContain('--marginal is required');
    expect((await run(['kayenta', file, '--pass', 'high', '--marginal', '75'])).stderr).toContain('--pass must be a number, got "high"');
    expect((await run(['kayenta', file, '--pass', '70', '--marginal', '75'])).stderr).toContain('--marginal (75) must not exceed --pass (70)');
    const bad = join(fixtures, 'kayenta-bad.json');
    const r = await run(['kayenta', bad, '--pass', '95', '--marginal', '75']);
    expect(r.code).toBe(65);
    expect(r.stderr.split('\n')).toEqual([
      'canary-judge: invalid Kayenta config (2 problems):',
      `  ${bad}:6:81: metrics[0].analysisConfigurations.canary.effectSize.allowedIncrease: must be a number, got "1.1"`,
      `  ${bad}:6:34: metrics[0].analysisConfigurations.canary.direction: must be increase, decrease or either`,
      '',
    ]);
  });
});

describe('canary-judge demo', () => {
  const scenarios = [
    { id: 'same', title: 'Same data', description: 'Nothing changed.', expected: 'pass', config: { slis: [{ name: 'lat' }] }, data: { lat: { baseline: latencies(), canary: latencies() } } },
    { id: 'slower', title: 'Slower', description: 'Every request +25.', expected: 'fail', config: { slis: [{ name: 'lat', critical: true }] }, data: { lat: { baseline: latencies(), canary: latencies(25) } } },
    { id: 'few', title: 'Too few', description: 'Five points.', expected: 'not-pass', config: { slis: [{ name: 'lat' }] }, data: { lat: { baseline: latencies(0, 5), canary: latencies(0, 5) } } },
  ];

  it('judges every scenario, compares with the expected verdict and exits 0 when all match', async () => {
    const r = await run(['demo'], { scenarios });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Same data [same]\n');
    expect(r.stdout).toContain('expected: pass   got: pass   as expected');
    expect(r.stdout).toContain('expected: marginal or fail   got: marginal   as expected');
    expect(r.stdout.endsWith('3 of 3 scenarios gave their expected verdict.\n')).toBe(true);
    const json = JSON.parse((await run(['demo', '--format', 'json'], { scenarios })).stdout);
    expect(json.map((s: { id: string; matches: boolean; verdict: { verdict: string } }) => [s.id, s.matches, s.verdict.verdict])).toEqual([['same', true, 'pass'], ['slower', true, 'fail'], ['few', true, 'marginal']]);
    const md = await run(['demo', '--format', 'markdown', '--scenario', 'slower'], { scenarios });
    expect(md.stdout.split('\n')[0]).toBe('# canary-judge demo');
    expect(md.stdout).toContain('Expected **fail**, got **fail** ✅');
    const html = await run(['demo', '--format', 'html'], { scenarios });
    expect(html.stdout).toContain('<h2>Slower (slower)</h2>');
    expect((await run(['demo', '--list'], { scenarios })).stdout).toBe('same    pass      Same data\nslower  fail      Slower\nfew     not-pass  Too few\n');
  });

  it('exits 1 when a scenario gives another verdict, and 64 for an unknown scenario', async () => {
    const wrong = [{ ...scenarios[0], expected: 'fail' }];
    const r = await run(['demo'], { scenarios: wrong });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('canary-judge: demo scenario same expected fail but got pass\n');
    const unknown = await run(['demo', '--scenario', 'nope'], { scenarios });
    expect(unknown.code).toBe(64);
    expect(unknown.stderr).toContain('no demo scenario "nope"; run `canary-judge demo --list`');
  });

  it('runs the bundled datasets/ scenarios, each with its expected verdict', async () => {
    const r = await run(['demo', '--format', 'json']);
    const out = JSON.parse(r.stdout) as Array<{ id: string; matches: boolean }>;
    expect(out.length).toBeGreaterThanOrEqual(10);
    expect(out.filter((s) => !s.matches).map((s) => s.id)).toEqual([]);
    expect(r.code).toBe(0);
  });
});

describe('help and version', () => {
  it('prints usage for every command and the package version', async () => {
    for (const cmd of ['judge', 'demo', 'validate', 'kayenta']) {
      const r = await run([cmd, '--help']);
      expect(r.code).toBe(0);
      expect(r.stdout.startsWith(`Usage: canary-judge ${cmd}`)).toBe(true);
      expect((await run(['help', cmd])).stdout).toBe(r.stdout);
    }
    expect((await run(['--help'])).stdout).toContain('Exit codes:');
    expect((await run(['--version'])).stdout).toBe(`${CLI_VERSION}\n`);
    expect(CLI_VERSION).toBe(JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version);
  });
});

describe('judge() and the CLI agree', () => {
  it('gives the same verdict in-process', async () => {
    const dir = scenarioFiles();
    const r = await run(['judge', '--config', join(dir, 'canary.json'), '--data', join(dir, 'marginal.csv'), '-f', 'json']);
    const direct = judge(JSON.parse(config), {
      latency_ms: { baseline: { timestamps: latencies().map((_, i) => 1717423200 + 15 * i), values: latencies() }, canary: { timestamps: latencies().map((_, i) => 1717423200 + 15 * i), values: latencies() } },
      cpu: { baseline: { timestamps: latencies().map((_, i) => 1717423200 + 15 * i), values: latencies() }, canary: { timestamps: latencies().map((_, i) => 1717423200 + 15 * i), values: latencies(25) } },
    });
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse(JSON.stringify(direct)));
  });
});
