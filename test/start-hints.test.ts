import { describe, expect, it } from 'vitest';

import type { Family } from '../src/analysis/families/family';
import { families } from '../src/analysis/families';
import type { AnalysisContext } from '../src/analysis/fileCache';
import { mayRearmAndClear, mayStartInFile } from '../src/analysis/startHints';

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
    ['a loop on a flag of the instance (classResource.ts)', 'class T {\n  async follow() {\n    while (!this.stopped) await read();\n  }\n}'],
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

describe('the re-arming timer pre-filter for a class file (mayRearmAndClear)', () => {
  it.each([
    ['a function passing itself', 'function poll() { work(); timer = setTimeout(poll, 1000); }\nfunction stop() { clearTimeout(timer); }'],
    ['a method calling itself from an arrow', 'class R {\n  renew() {\n    this.t = setTimeout(() => this.renew(), 10);\n  }\n  close() {\n    clearTimeout(this.t);\n  }\n}'],
    ['a typed private method', 'class R {\n  private renew(): void {\n    this.t = setTimeout(async () => { await go(); this.renew(); }, 10);\n  }\n  close(): void {\n    clearTimeout(this.t);\n  }\n}'],
    ['a prototype method', 'Foo.prototype.poll = function () {\n  this.t = setTimeout(() => this.poll(), 10);\n};\nFoo.prototype.stop = function () {\n  clearTimeout(this.t);\n};'],
  ])('lets through %s', (_, text) => {
    expect(mayRearmAndClear(text)).toBe(true);
  });

  it.each([
    ['a one-shot timer', 'function once() {\n  t = setTimeout(work, 1000);\n}\nfunction stop() {\n  clearTimeout(t);\n}'],
    ['a re-arm without a clear', 'function poll() {\n  setTimeout(poll, 1000);\n}'],
    ['a timer of another object', 'class C {\n  wait() {\n    this.h = this.clock.setTimeout(() => this.wait(), 10);\n  }\n  close() {\n    this.clock.clearTimeout(this.h);\n  }\n}'],
    ['the name called only in the next method', 'class C {\n  emit() {\n    const t = setTimeout(() => done(), 10);\n    clearTimeout(t);\n  }\n  emitTwice() {\n    this.emit();\n  }\n}'],
  ])('rejects %s', (_, text) => {
    expect(mayRearmAndClear(text)).toBe(false);
  });
});
