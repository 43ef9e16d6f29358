/**
 * Relative links of the documentation point at files that exist, and `#anchors` at headings of the target page
 * (GitHub's heading ids: lower case, punctuation dropped, spaces to dashes).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './harness.js';
import { docFiles } from './markdown.js';

/** GitHub's id of a heading. */
export function headingId(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/`/g, '')
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

/** The text outside fenced code blocks (links in code are not links). */
function prose(text: string): string {
  return text.replace(/^\s*(```|~~~)[\s\S]*?^\s*\1\s*$/gm, '');
}

function anchors(file: string): Set<string> {
  const ids = new Set<string>();
  const seen = new Map<string, number>();
  for (const m of prose(readFileSync(file, 'utf8')).matchAll(/^#{1,6}\s+(.+)$/gm)) {
    const id = headingId(m[1]);
    const n = seen.get(id) ?? 0;
    seen.set(id, n + 1);
    ids.add(n === 0 ? id : `${id}-${n}`);
  }
  return ids;
}

describe('documentation links', () => {
  it('computes GitHub heading ids', () => {
    expect(headingId('4. Many SLIs: merge the responses into one data file')).toBe('4-many-slis-merge-the-responses-into-one-data-file');
    expect(headingId('What "anytime-valid" buys')).toBe('what-anytime-valid-buys');
    expect(headingId('`canary-judge judge`')).toBe('canary-judge-judge');
  });

  it.each(docFiles(ROOT))('%s: every relative link and anchor resolves', (doc) => {
    const text = prose(readFileSync(join(ROOT, doc), 'utf8'));
    const broken: string[] = [];
    for (const m of text.matchAll(/\]\(([^)\s]+)\)/g)) {
      const target = m[1];
      if (/^[a-z]+:/i.test(target)) continue; // https:, mailto:
      const [path, anchor] = target.split('#');
      const file = path === '' ? join(ROOT, doc) : normalize(join(ROOT, dirname(doc), path));
      if (!existsSync(file)) {
        broken.push(`${target}: no such file`);
        continue;
      }
      if (anchor !== undefined && file.endsWith('.md') && !anchors(file).has(anchor)) broken.push(`${target}: no heading #${anchor}`);
    }
    expect(broken).toEqual([]);
  });
});
