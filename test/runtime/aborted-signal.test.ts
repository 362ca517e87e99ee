// Runtime proof that the fixes which end a started thing from the signal's 'abort' event also end
// it when the signal has aborted already. An 'abort' listener added then never runs (the event fired
// before and does not fire again), so the interval, the listener or the endless source it was to end
// would live on: the leak the fix claims to end.
//
// Each program below is fixed by the plugin's own `--fix` (through ESLint, rules from src/), compiled
// to JavaScript and run in a child process with a signal made by `AbortSignal.abort()`, and again with
// one aborted later. It must show the started thing ended: the process exits by itself (a live interval
// would keep it running until the timeout kills it), no listener is left, the endless loop returns.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import plugin from '../../src/index';

/** How long a fixed program may run before it counts as hung (it should exit at once). */
const HANG_MS = 5_000;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'leaks-aborted-signal-'));
  // An endless source as graphql-subscriptions hands out: `next()` waits for ever, `return()` ends it.
  const stub = path.join(dir, 'node_modules', 'graphql-subscriptions');
  mkdirSync(stub, { recursive: true });
  writeFileSync(
    path.join(stub, 'index.js'),
    `exports.PubSub = class PubSub {
  asyncIterator() {
    let finished = false;
    let pending;
    return {
      next: () => (finished ? Promise.resolve({ value: undefined, done: true }) : new Promise((resolve) => { pending = resolve; })),
      return: () => { finished = true; pending?.({ value: undefined, done: true }); return Promise.resolve({ value: undefined, done: true }); },
      [Symbol.asyncIterator]() { return this; },
    };
  }
};
`,
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The program as `--fix` leaves it, with the rule's fixes applied (untyped, as in an editor without a project). */
function fixed(rule: string, source: string): string {
  const linter = new Linter({ configType: 'flat' });
  const result = linter.verifyAndFix(
    source,
    [
      {
        files: ['**/*.ts'],
        languageOptions: { parser: tsParser as Linter.Parser },
        plugins: { leaks: plugin as unknown as NonNullable<Linter.Config['plugins']>[string] },
        rules: { [`leaks/${rule}`]: 'error' },
      },
    ],
    { filename: 'program.ts' },
  );
  expect(result.fixed, `the ${rule} fix applied`).toBe(true);
  return result.output;
}

/** Runs `main` (JavaScript) against the compiled program in a child process; its output, or a hang. */
function run(program: string, main: string): { stdout: string; hung: boolean; status: number | null } {
  const name = `program-${Math.random().toString(36).slice(2)}`;
  writeFileSync(path.join(dir, `${name}.js`), ts.transpileModule(program, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } }).outputText);
  writeFileSync(path.join(dir, `${name}-main.js`), `const program = require('./${name}.js');\n${main}`);
  const child = spawnSync(process.execPath, [path.join(dir, `${name}-main.js`)], { cwd: dir, encoding: 'utf8', timeout: HANG_MS });
  return { stdout: child.stdout, hung: child.error !== undefined || child.signal !== null, status: child.status };
}

const aborted = ['AbortSignal.abort()', '(() => { const c = new AbortController(); setTimeout(() => c.abort(), 20); return c.signal; })()'] as const;

describe('a fix that ends on abort, with a signal that has aborted already', () => {
  it('clears the interval: the process exits', () => {
    const program = fixed(
      'no-leaked-subscription',
      `
export function poll(signal: AbortSignal, work: () => void) {
  setInterval(work, 10);
}
`,
    );
    for (const signal of aborted) {
      const { hung, status, stdout } = run(program, `program.poll(${signal}, () => {});\nconsole.log('started');`);
      expect({ hung, status, stdout }).toEqual({ hung: false, status: 0, stdout: 'started\n' });
    }
    expect(program).toContain('if (signal.aborted) clearInterval(interval);');
  });

  it('removes the listener: none is left on the emitter', () => {
    const program = fixed(
      'no-leaked-subscription',
      `
import type { EventEmitter } from 'node:events';

export function follow(bus: EventEmitter, signal: AbortSignal, onJob: (job: unknown) => void) {
  bus.on('job', onJob);
}
`,
    );
    const main = (signal: string) => `const { EventEmitter } = require('node:events');
const bus = new EventEmitter();
program.follow(bus, ${signal}, () => {});
setTimeout(() => console.log(bus.listenerCount('job')), 50);`;
    for (const signal of aborted) expect(run(program, main(signal))).toEqual({ hung: false, status: 0, stdout: '0\n' });
  });

  it('kills the child given the signal, and its listener hears the error the abort emits', () => {
    // The fix is written only where the child has an 'error' listener: unheard, the abort's
    // 'error' would crash the process (require-signal-propagation's `passSignalUnheard`).
    const program = fixed(
      'require-signal-propagation',
      `
import { spawn } from 'node:child_process';

export function runIdle(signal: AbortSignal) {
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)']);
  child.on('error', (error) => console.log(error.name));
  return child;
}
`,
    );
    expect(program).toContain('{ signal }');
    for (const signal of aborted) {
      expect(run(program, `program.runIdle(${signal}).on('exit', () => console.log('exited'));`)).toEqual({ hung: false, status: 0, stdout: 'AbortError\nexited\n' });
    }
  });

  it('ends the endless source: the loop returns', () => {
    const program = fixed(
      'no-unbounded-loop',
      `
import { PubSub } from 'graphql-subscriptions';
const pubsub = new PubSub();
export async function audit(signal: AbortSignal) {
  for await (const event of pubsub.asyncIterator('POST_ADDED')) {
    console.log(event);
  }
}
`,
    );
    // A pending `next()` holds nothing open: without `ended`, the loop was left waiting when the process ran dry.
    for (const signal of aborted) {
      expect(run(program, `program.audit(${signal}).then(() => console.log('ended'));`)).toEqual({ hung: false, status: 0, stdout: 'ended\n' });
    }
  });
});

// ws (installed with the corpus packages): a client closed before it has connected emits 'error'
// on itself, and Node throws an unheard 'error' (test/fixcheck/runtime-apis.md).
const ws = path.resolve('test/corpus/node_modules/ws');

describe.skipIf(!existsSync(ws))('a fix that ends a ws client on abort', () => {
  const program = `
import WebSocket from 'ws';

export function streamPrices(url: string, signal: AbortSignal) {
  const ws = new WebSocket(url);
  ws.on('message', (data) => console.log(String(data)));
  ws.on('error', (error) => console.log('heard', error.message));
  ws.on('close', () => console.log('closed'));
}
`;
  const main = (signal: string) => `const { WebSocketServer } = require('ws');
const server = new WebSocketServer({ port: 0 }, () => {
  program.streamPrices('ws://127.0.0.1:' + server.address().port, ${signal});
  setTimeout(() => server.close(), 300);
});`;

  it('is written where its error is heard, and closes it without a crash', () => {
    if (!existsSync(path.join(dir, 'node_modules', 'ws'))) symlinkSync(ws, path.join(dir, 'node_modules', 'ws'), 'dir');
    const fixedProgram = fixed('no-leaked-subscription', program);
    expect(fixedProgram).toContain('if (signal.aborted) ws.close();');
    // Aborted already: closed while it connects, the 'error' it emits is heard.
    expect(run(fixedProgram, main('AbortSignal.abort()'))).toEqual({ hung: false, status: 0, stdout: 'heard WebSocket was closed before the connection was established\nclosed\n' });
    // Aborted later: open by then, or (on a loaded machine) still connecting and heard as above.
    const later = run(fixedProgram, main(aborted[1]));
    expect({ hung: later.hung, status: later.status, closed: later.stdout.endsWith('closed\n') }).toEqual({ hung: false, status: 0, closed: true });
  });

  it('would crash the process where nothing hears it: the end is only offered', () => {
    if (!existsSync(path.join(dir, 'node_modules', 'ws'))) symlinkSync(ws, path.join(dir, 'node_modules', 'ws'), 'dir');
    const unheard = program.replace(/ {2}ws\.on\('error'.*\n/, '');
    const linter = new Linter({ configType: 'flat' });
    const config = [{ files: ['**/*.ts'], languageOptions: { parser: tsParser as Linter.Parser }, plugins: { leaks: plugin as unknown as NonNullable<Linter.Config['plugins']>[string] }, rules: { 'leaks/no-leaked-subscription': 'error' as const } }];
    expect(linter.verifyAndFix(unheard, config, { filename: 'program.ts' }).fixed).toBe(false);
    // What the offered end does, applied by hand: aborted already, the unheard 'error' crashes it.
    const [message] = linter.verify(unheard, config, { filename: 'program.ts' });
    const suggestion = message?.suggestions?.[0];
    expect(suggestion?.messageId).toBe('endOnSignalUnheard');
    const fix = suggestion?.fix;
    const applied = fix ? unheard.slice(0, fix.range[0]) + fix.text + unheard.slice(fix.range[1]) : unheard;
    expect(run(applied, main('AbortSignal.abort()')).status).toBe(1);
  });
});
