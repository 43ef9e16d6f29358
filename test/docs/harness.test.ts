import { describe, expect, it } from 'vitest';
import { parseJsonValues } from './checks.js';
import { docExpect } from './expect.js';
import { transformTs } from './harness.js';
import { blockKind, extractBlocks } from './markdown.js';

describe('extractBlocks', () => {
  it('reads fences, indented fences, flags and attributes', () => {
    const md = [
      '# t',
      '```ts session=nb',
      'const a = 1;',
      '```',
      '- item',
      '  ```sh no-run exit=2',
      '  kubectl apply -f x.yaml',
      '  ```',
      '````md',
      '```ts',
      'inner',
      '```',
      '````',
      '```',
      'plain',
      '```',
    ].join('\n');
    const b = extractBlocks(md, 'x.md');
    expect(b.map((x) => [x.line, x.lang, blockKind(x)])).toEqual([
      [2, 'ts', 'ts'],
      [6, 'sh', 'no-run'],
      [9, 'md', 'unknown'],
      [14, '', 'text'],
    ]);
    expect(b[0].attrs).toEqual({ session: 'nb' });
    expect(b[1].attrs).toEqual({ exit: '2' });
    expect(b[1].code).toBe('kubectl apply -f x.yaml');
    expect(b[2].code).toBe('```ts\ninner\n```');
  });

  it('refuses an unclosed fence', () => {
    expect(() => extractBlocks('```ts\nx', 'y.md')).toThrow('y.md:1: code fence never closed');
  });
});

describe('docExpect', () => {
  it('matches numbers to the precision written, objects on the keys written', () => {
    expect(() => docExpect(() => 0.0571428, '0.05714', 'd:1')).not.toThrow();
    expect(() => docExpect(() => 0.0572, '0.05714', 'd:1')).toThrow('d:1: // => 0.05714: value: expected 0.05714, got 0.0572');
    expect(() => docExpect(() => 1.234e-20, '1.23e-20', 'd:1')).not.toThrow();
    expect(() => docExpect(() => 11, '11', 'd:1')).not.toThrow();
    expect(() => docExpect(() => 11.001, '11', 'd:1')).toThrow();
    expect(() => docExpect(() => ({ a: 1, b: 'x', c: [1, 2] }), "{ a: 1, c: [1, 2] }", 'd:1')).not.toThrow();
    expect(() => docExpect(() => ({ a: 1, c: [1, 3] }), '{ c: [1, 2] }', 'd:1')).toThrow('value.c[1]: expected 2, got 3');
    expect(() => docExpect(() => 'pass', "'fail'", 'd:1')).toThrow('expected "fail", got "pass"');
    expect(() => docExpect(() => null, 'null', 'd:1')).not.toThrow();
    expect(() => docExpect(() => Float64Array.of(1, 2), '[1, 2]', 'd:1')).not.toThrow();
  });
});

describe('transformTs', () => {
  it('maps canary-judge to src/index.ts and turns // => into checks', () => {
    const out = transformTs(
      [
        "import { judge } from 'canary-judge';",
        'f(1); // => 2',
        'g(',
        '  3,',
        ');',
        '// a comment',
        '// => { x: 1 }',
        'const y = h(); // => 4',
      ].join('\n'),
      'docs/x.md',
      10,
    );
    const lines = out.split('\n');
    expect(lines[0]).toMatch(/^import \{ judge \} from 'file:\/\/.*\/src\/index\.ts';$/);
    expect(lines[1]).toBe('{ const __value = (f(1)); __docExpect(() => __value, "2", "docs/x.md:12"); }');
    expect(lines.slice(2, 5).join('\n')).toBe('{ const __value = (g(\n  3,\n)); __docExpect(() => __value, "{ x: 1 }", "docs/x.md:17"); }');
    expect(lines[7]).toBe('const y = h(); __docExpect(() => y, "4", "docs/x.md:18");');
    expect(lines).toHaveLength(8);
  });

  it('refuses // => after a statement that has no value', () => {
    expect(() => transformTs('if (x) y();\n// => 1', 'd.md', 1)).toThrow('d.md:3: // => must follow an expression');
  });
});

describe('parseJsonValues', () => {
  it('reads several JSON values one after another', () => {
    expect(parseJsonValues('{ "a": [1, "}"] }\n[2]\n{}')).toEqual([{ a: [1, '}'] }, [2], {}]);
    expect(() => parseJsonValues('{ "a": 1 } x')).toThrow('unexpected "x"');
  });
});
