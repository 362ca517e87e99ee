import { describe, expect, it } from 'vitest';

import type { Family } from '../src/analysis/families/family';
import { families } from '../src/analysis/families';
import type { AnalysisContext } from '../src/analysis/fileCache';
import { mayStartInFile } from '../src/analysis/startHints';

const all: readonly Family[] = families;

/** A linted file's context as far as the pre-filter reads it: its text and settings. */
const fileWith = (text: string, settings?: AnalysisContext['settings']): AnalysisContext =>
  ({ sourceCode: { text }, filename: 'file.ts', ...(settings && { settings }) }) as unknown as AnalysisContext;

describe('the linted file pre-filter (mayStartInFile)', () => {
  describe('lets through each start a family knows', () => {
    const methods = all.flatMap((family) =>
      Object.entries(family.objects ?? {}).flatMap(([kind, api]) =>
        Object.keys(api.starts).map((method) => [`${family.name}: ${kind}.${method}`, `target.${method}('x', f);`] as const),
      ),
    );
    const modules = all.flatMap((family) =>
      Object.entries(family.modules ?? {}).flatMap(([module, facts]) =>
        Object.keys(facts.starts ?? {}).map((name) => [`${family.name}: ${module} ${name}`, `const m = require('${module}');`] as const),
      ),
    );
    const globals = all.flatMap((family) =>
      Object.keys(family.globals?.starts ?? {}).map((name) => [`${family.name}: ${name}`, `new ${name}(f);`] as const),
    );
    it.each([...methods, ...modules, ...globals])('%s', (_, text) => {
      expect(mayStartInFile(fileWith(`export function probe(target: any, f: () => void) { ${text} }`))).toBe(true);
    });
  });

  it.each([
    ['computed', "target['on']('x', f);"],
    ['spaced and on the next line', 'target\n  . subscribe (f);'],
    ['optional call', 'target.on?.("x", f);'],
    ['a comment before the parenthesis', 'target.on /* data */ ("x", f);'],
    ['an ES import from node:', "import { watch } from 'node:fs';"],
    ['a template literal require', 'const events = require(`events`);'],
    ['a global start held in a variable', 'const every = setInterval;'],
  ])('lets through a start written oddly: %s', (_, text) => {
    expect(mayStartInFile(fileWith(text))).toBe(true);
  });

  it('rejects a file that names no start', () => {
    const text = "import { helper } from './helper';\nexport const two = 1 + 1;\nexport function watcher() { return helper('watch', online); }\n";
    expect(mayStartInFile(fileWith(text))).toBe(false);
  });

  it('lets every file through when settings.leaks names APIs of your own', () => {
    expect(mayStartInFile(fileWith('export const two = 1 + 1;', { leaks: { subscriptions: [] } }))).toBe(true);
  });
});
