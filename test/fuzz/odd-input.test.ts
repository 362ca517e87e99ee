import { ESLint } from 'eslint';
import type { Linter } from 'eslint';
import * as path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { describe, expect, it } from 'vitest';

import plugin from '../../src/index';

// Odd but valid code in every shape the rules might trip on: each must lint without a crash,
// in both modes, with every rule on and --fix applied.
const snippets: Record<string, string> = {
  empty: '',
  comments: '// nothing\n/* at all */',
  decorators: `
function log(_t: unknown, _k: string) {}
class Service {
  @log handle() { setInterval(() => undefined, 1); }
}`,
  overloadsAndDeclare: `
declare const bus: import('node:events').EventEmitter;
declare function on(event: string): void;
export function f(x: string): void;
export function f(x: number): void;
export function f(x: unknown) { bus.on(String(x), () => undefined); }
declare module 'x' { export function y(): void; }
namespace N { export const z = 1; }
enum E { A, B }
abstract class A { abstract run(): Promise<void>; }`,
  usingAndLabels: `
export async function g(signal: AbortSignal) {
  using timer = { [Symbol.dispose]() {} };
  await using other = { async [Symbol.asyncDispose]() {} };
  outer: for (;;) { inner: while (true) { await 0; break outer; } }
  a: { break a; }
}`,
  computedAndOptional: `
import type { EventEmitter } from 'node:events';
export function h(bus?: EventEmitter, key = 'on', signal?: AbortSignal) {
  bus?.[key as 'on']?.('x', () => undefined);
  bus?.on?.('x', () => undefined);
  (bus as any)?.['subscribe']?.();
  window?.addEventListener?.('resize', () => undefined);
  globalThis.setInterval?.(() => undefined, 1);
}`,
  missingArguments: `
import cron from 'node-cron';
import Redis from 'ioredis';
import { on } from 'node:events';
export async function k(signal: AbortSignal) {
  setInterval();
  process.on();
  window.addEventListener();
  cron.schedule();
  new Redis;
  new Redis().subscribe;
  AbortSignal.any();
  fetch();
  for await (const x of on()) {}
  while (true);
  for (;;) {}
  do {} while (true);
}`,
  spreadAndDynamic: `
import type { EventEmitter } from 'node:events';
export function m(bus: EventEmitter, args: [string, () => void], name: string, signal: AbortSignal) {
  bus.on(...args);
  bus[name as 'on']('x', () => undefined);
  fetch(...([] as unknown as [string]));
  setInterval(...([] as unknown as [() => void, number]));
  import('node:events').then((events) => events.on(bus, 'x'));
}`,
  classesAndThis: `
import { EventEmitter } from 'node:events';
export class Bus extends EventEmitter {
  static #instance?: Bus;
  #timer?: NodeJS.Timeout;
  get timer() { return this.#timer; }
  set timer(value) { this.#timer = value; }
  constructor() { super(); this.on('x', () => this.emit('y')); new.target; }
  start() { this.#timer = setInterval(() => this.emit('tick'), 1); }
  *ids() { while (true) yield 1; }
  async *events() { while (true) yield await Promise.resolve(1); }
}
const self = this;
export default class {}`,
  recursion: `
export function a(n: number): number { return n ? b(n - 1) : 0; }
export function b(n: number): number { return n ? a(n - 1) : 0; }
export const c = (): number => c();
setInterval(() => { a(3); c; }, 1);`,
  strange: `
const tag = (s: TemplateStringsArray) => s;
tag\`x\${1}\`;
const { x = 1, ...rest } = { x: 2 } as any;
label: for (const [k, v] of Object.entries(rest)) { if (k) continue label; void v; }
export { x as 'string name' };
export * from 'node:events';
void import.meta;
if (Math.random()) setInterval(() => {}, 1); else process.on('x', () => {});
`,
};

const tsx = `
import { useEffect } from 'react';
export function Widget({ signal }: { signal: AbortSignal }) {
  useEffect(() => {
    const id = setInterval(() => undefined, 1000);
    window.addEventListener('resize', () => undefined);
    return () => clearInterval(id);
  }, []);
  return <div onClick={() => window.addEventListener('x', () => undefined)}>{[1, 2].map((n) => <span key={n}>{n}</span>)}</div>;
}`;

const longFile = Array.from(
  { length: 400 },
  (_, index) => `
export async function handler${index}(bus: import('node:events').EventEmitter, signal: AbortSignal) {
  bus.on('event${index}', () => undefined);
  setInterval(() => handler${(index + 1) % 400}(bus, signal), ${index + 1});
  while (true) { try { await fetch('/x${index}'); } catch { continue; } }
}`,
).join('\n');

const fixturesDir = path.join(__dirname, '..', 'fixtures');
const allRules = Object.fromEntries(Object.keys(plugin.rules).map((name) => [`leaks/${name}`, 'error'])) as Linter.RulesRecord;

function eslint(typed: boolean): ESLint {
  return new ESLint({
    cwd: fixturesDir,
    fix: true,
    overrideConfigFile: true,
    overrideConfig: [
      {
        files: ['**/*.ts', '**/*.tsx'],
        languageOptions: {
          parser: tsParser as Linter.Parser,
          parserOptions: typed
            ? { project: './tsconfig.json', tsconfigRootDir: fixturesDir, disallowAutomaticSingleRunInference: true }
            : { ecmaFeatures: { jsx: true } },
        },
      },
      { plugins: { leaks: plugin as unknown as ESLint.Plugin }, rules: allRules },
    ],
  });
}

describe.each([false, true])('odd input, typed: %s', (typed) => {
  const linter = eslint(typed);

  it.each(Object.entries(snippets))('%s: no crash, no parse error after fixes', async (_name, code) => {
    const [result] = await linter.lintText(code, { filePath: path.join(fixturesDir, 'file.ts') });
    expect(result?.messages.filter((message) => message.fatal)).toEqual([]);
  });

  it('TSX: no crash', async () => {
    const [result] = await linter.lintText(tsx, { filePath: path.join(fixturesDir, 'react.tsx') });
    expect(result?.messages.filter((message) => message.fatal)).toEqual([]);
  });

  it('a long file: no crash, and --fix ends everything it started', async () => {
    const [result] = await linter.lintText(longFile, { filePath: path.join(fixturesDir, 'file.ts') });
    // Every handler has a signal: the fixes end each listener, interval and loop on it. Each
    // interval still calls the next handler with the caller's signal, which outlives its ticks:
    // no-repeated-subscription says so (it has no autofix), and nothing else is left.
    expect(result?.messages.filter((message) => message.messageId !== 'repeatedCallUntilSignal')).toEqual([]);
    expect(result?.messages).toHaveLength(400);
    expect(result?.output).toContain("if (signal.aborted) bus.off('event399', onEvent399);");
    expect(result?.output).toContain("else signal.addEventListener('abort', () => bus.off('event399', onEvent399), { once: true });");
    expect(result?.output).toContain('if (signal.aborted) clearInterval(interval);');
    expect(result?.output).toContain("else signal.addEventListener('abort', () => clearInterval(interval), { once: true });");
    expect(result?.output?.match(/while \(!signal\.aborted\)/g)).toHaveLength(400);
  });
});

describe('odd input, plain JavaScript with espree', () => {
  it('sloppy scripts: with, arguments, duplicate names', async () => {
    const linter = new ESLint({
      overrideConfigFile: true,
      fix: true,
      overrideConfig: [
        { languageOptions: { sourceType: 'script' }, plugins: { leaks: plugin as unknown as ESLint.Plugin }, rules: allRules },
      ],
    });
    const [result] = await linter.lintText(
      `
function f(a, a2) { with (Math) { setInterval(function () { return arguments; }, 1); } }
var f;
process.on('x', function () { f(); });
`,
      { filePath: 'script.js' },
    );
    expect(result?.messages.filter((message) => message.fatal)).toEqual([]);
  });
});
