import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EXIT_CODES } from '../../src/cli/exitCodes.js';
import { DEMO_USAGE, JUDGE_USAGE, KAYENTA_USAGE, MAIN_USAGE, VALIDATE_USAGE } from '../../src/cli/usage.js';

const doc = readFileSync(new URL('../../docs/cli.md', import.meta.url), 'utf8');

describe('docs/cli.md', () => {
  it('documents every command, every flag of the help texts and every exit code', () => {
    for (const cmd of ['judge', 'demo', 'validate', 'kayenta']) expect(doc).toContain(`## \`canary-judge ${cmd}\``);
    for (const usage of [MAIN_USAGE, JUDGE_USAGE, DEMO_USAGE, VALIDATE_USAGE, KAYENTA_USAGE]) {
      for (const flag of new Set(usage.match(/--[a-z][a-z-]+/g) ?? [])) expect(doc, flag).toContain(flag);
    }
    for (const code of Object.values(EXIT_CODES)) expect(doc).toMatch(new RegExp(`^\\| ${code} \\|`, 'm'));
  });
});
