import { describe, expect, it } from 'vitest';

import type { AnalysisContext } from '../src/analysis/fileCache';
import { mayAwaitInLoopInFile, mayReachStartInFile } from '../src/analysis/startHints';

/** A linted file's context as far as the pre-filters read it: its text, settings and parser services. */
const fileWith = (text: string, extra: { settings?: AnalysisContext['settings']; typed?: boolean } = {}): AnalysisContext =>
  ({
    sourceCode: { text, parserServices: extra.typed ? { program: {}, esTreeNodeToTSNodeMap: new WeakMap() } : {} },
    filename: 'file.ts',
    ...(extra.settings && { settings: extra.settings }),
  }) as unknown as AnalysisContext;

describe('the pre-filter of no-repeated-subscription (mayReachStartInFile)', () => {
  it.each([
    ['a start of its own', "setInterval(() => emitter.on('x', f), 1000);"],
    ['an ES import of a file of its own', "import { poll } from './poll';"],
    ['a re-export of a file of its own', "export { poll } from '../poll';"],
    ['a require of a file of its own', "const { poll } = require('./poll');"],
    ['a template literal require', 'const { poll } = require(`./poll`);'],
    ['a dynamic import', "const { poll } = await import('./poll.js');"],
  ])('lets through %s', (_, text) => {
    expect(mayReachStartInFile(fileWith(text))).toBe(true);
  });

  it('rejects a file that starts nothing and imports only packages', () => {
    const text = "import { sum } from 'lodash';\nfor (const xs of lists) total += sum(xs);\n";
    expect(mayReachStartInFile(fileWith(text))).toBe(false);
  });

  it('lets every file through with types (the checker resolves calls anywhere) or with settings.leaks', () => {
    expect(mayReachStartInFile(fileWith('for (const x of xs) helper(x);', { typed: true }))).toBe(true);
    expect(mayReachStartInFile(fileWith('for (const x of xs) helper(x);', { settings: { leaks: { subscriptions: [] } } }))).toBe(true);
  });
});

describe('the pre-filter of no-unbounded-loop (mayAwaitInLoopInFile)', () => {
  it.each([
    ['while (true) with await', 'async function f() { while (true) { await poll(); } }'],
    ['for (;;) with await', 'async function f() { for (;;) { await poll(); } }'],
    ['do … while with await', 'async function f() { do { await poll(); } while (true); }'],
    ['for await', 'async function f() { for await (const m of on(bus, "job")) handle(m); }'],
  ])('lets through %s', (_, text) => {
    expect(mayAwaitInLoopInFile(fileWith(text))).toBe(true);
  });

  it.each([
    ['loops without await', 'for (const x of xs) total += x; while (queue.length) queue.shift()();'],
    ['await without loops', 'async function f() { await poll(); }'],
  ])('rejects %s', (_, text) => {
    expect(mayAwaitInLoopInFile(fileWith(text))).toBe(false);
  });
});
