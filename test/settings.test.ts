import { ESLint, Linter } from 'eslint';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { describe, expect, it } from 'vitest';

import noLeakedSubscription from '../rules/no-leaked-subscription';
import noRepeatedSubscription from '../rules/no-repeated-subscription';
import plugin from '../src/index';
import { runInBothModes } from './ruleTester';

// settings.leaks teaches the engine your own APIs; every rule sees them.
const settings = {
  leaks: {
    subscriptions: [{ from: 'package', package: 'my-bus', name: 'Bus', subscribe: ['listen'], unsubscribe: ['unlisten'] }],
    schedulers: [{ from: 'package', package: 'my-jobs', name: 'every', callback: 1, unit: 'run' }],
  },
};

runInBothModes('settings.leaks: your own subscription API', noLeakedSubscription, {
  valid: [
    // The API's own disposer is kept, or the matching unsubscribe is called.
    {
      settings,
      code: `
import { Bus } from 'my-bus';
const bus = new Bus();
export function follow(handler: () => void) {
  const stop = bus.listen('job', handler);
  return stop;
}
export function once(handler: () => void) {
  bus.listen('job', handler);
  bus.unlisten('job', handler);
}
`,
    },
    // Without the settings, an unknown bus is not judged.
    `
import { Bus } from 'my-bus';
const bus = new Bus();
export function follow(handler: () => void) {
  bus.listen('job', handler);
}
`,
  ],
  invalid: [
    {
      settings,
      code: `
import { Bus } from 'my-bus';
const bus = new Bus();
export function follow(handler: () => void, signal: AbortSignal) {
  bus.listen('job', handler);
}
`,
      output: `
import { Bus } from 'my-bus';
const bus = new Bus();
export function follow(handler: () => void, signal: AbortSignal) {
  bus.listen('job', handler);
  if (signal.aborted) bus.unlisten('job', handler);
  else signal.addEventListener('abort', () => bus.unlisten('job', handler), { once: true });
}
`,
      errors: [
        {
          messageId: 'notUnsubscribed',
          data: { label: 'a Bus subscription', target: 'bus', outlives: 'module-level', code: "bus.listen('job', handler)" },
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 13,
        },
      ],
    },
  ],
});

runInBothModes('settings.leaks: your own scheduler', noRepeatedSubscription, {
  valid: [],
  invalid: [
    {
      settings,
      code: `
import { every } from 'my-jobs';
every('5m', () => {
  setInterval(() => console.log('tick'), 1000);
});
`,
      errors: [
        {
          messageId: 'repeatedStart',
          data: { code: 'setInterval(…)', every: 'on every run of `every`', started: 'interval' },
          line: 4,
          column: 3,
          endLine: 4,
          endColumn: 14,
          suggestions: [
            {
              messageId: 'hoist',
              data: { scheduler: '`every(…)`' },
              output: `
import { every } from 'my-jobs';
setInterval(() => console.log('tick'), 1000);
every('5m', () => {
});
`,
            },
          ],
        },
      ],
    },
  ],
});

describe('invalid settings.leaks', () => {
  const linter = new Linter();
  const lint = (leaks: unknown) =>
    linter.verify(
      'export function f() {}',
      [
        {
          files: ['**/*.ts'],
          languageOptions: { parser: tsParser },
          plugins: { leaks: plugin },
          settings: { leaks },
          rules: { 'leaks/no-leaked-subscription': 'error', 'leaks/no-repeated-subscription': 'warn' },
        },
      ] as unknown as Linter.Config[],
      'file.ts',
    );

  it.each([
    ['a string', 'nope', 'settings.leaks must be an object'],
    [
      'an unknown key',
      { subscription: [] },
      'settings.leaks.subscription is not a known setting (subscriptions, schedulers, teardownMethods)',
    ],
    [
      'a missing package',
      { subscriptions: [{ from: 'package', name: 'Bus', subscribe: ['on'], unsubscribe: ['off'] }] },
      'settings.leaks.subscriptions[0].package must be a non-empty string',
    ],
    [
      'an empty method list',
      { subscriptions: [{ from: 'package', package: 'b', name: 'Bus', subscribe: [], unsubscribe: ['off'] }] },
      'settings.leaks.subscriptions[0].subscribe must be a non-empty array of method names',
    ],
    [
      'no way to end it',
      { subscriptions: [{ from: 'package', package: 'b', name: 'Bus', subscribe: ['on'] }] },
      'settings.leaks.subscriptions[0].unsubscribe must be a non-empty array of method names',
    ],
    [
      'a bad returns',
      { subscriptions: [{ from: 'package', package: 'b', name: 'Bus', subscribe: ['on'], returns: 'handle' }] },
      "settings.leaks.subscriptions[0].returns must be 'disposer' or { end: [method, …] }",
    ],
    [
      'a handle without end methods',
      { subscriptions: [{ from: 'package', package: 'b', name: 'Bus', subscribe: ['on'], returns: { end: [] } }] },
      'settings.leaks.subscriptions[0].returns.end must be a non-empty array of method names',
    ],
    [
      'a bad callback position',
      { schedulers: [{ from: 'package', package: 'j', name: 'every', callback: 'first' }] },
      "settings.leaks.schedulers[0].callback must be an argument index (0, 1, …) or 'last'",
    ],
    ['a bad specifier kind', { schedulers: [{ from: 'lib', name: 'x', callback: 0 }] }, "settings.leaks.schedulers[0].from must be 'package' or 'file'"],
    ['a bad teardown list', { teardownMethods: 'release' }, 'settings.leaks.teardownMethods must be a non-empty array of method names'],
  ])('%s: one finding that names the key, from one rule', (_name, leaks, message) => {
    expect(lint(leaks)).toEqual([
      expect.objectContaining({
        ruleId: 'leaks/no-leaked-subscription',
        messageId: 'invalidSettings',
        message: `eslint-plugin-leaks: ${message}. See docs/settings.md.`,
        line: 1,
        column: 1,
        severity: 2,
      }),
    ]);
  });
});

describe('settings.leaks in a real ESLint run', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'leaks-settings-'));
  fs.writeFileSync(path.join(dir, 'bus.ts'), 'export class Bus { listen(_: string, __: () => void) {} unlisten(_: string, __: () => void) {} }\nexport const bus = new Bus();\n');
  fs.writeFileSync(path.join(dir, 'follow.ts'), "import { bus } from './bus';\nexport function follow(handler: () => void) {\n  bus.listen('job', handler);\n}\n");
  const eslint = (leaks: unknown) =>
    new ESLint({
      cwd: dir,
      overrideConfigFile: true,
      overrideConfig: [
        {
          files: ['**/*.ts'],
          languageOptions: { parser: tsParser },
          plugins: { leaks: plugin },
          settings: { leaks },
          rules: { 'leaks/no-leaked-subscription': 'error', 'leaks/no-unbounded-loop': 'error' },
        },
      ] as unknown as Linter.Config[],
    });

  it('a bad setting is one error per file naming the key, not a crash', async () => {
    const results = await eslint({ subscriptions: [{ from: 'file', path: 'bus.ts', name: 'Bus', subscribe: ['listen'], unsubscribe: 'unlisten' }] }).lintFiles(['*.ts']);
    expect(results.map((result) => [path.basename(result.filePath), result.messages.map((message) => message.message)])).toEqual([
      ['bus.ts', ['eslint-plugin-leaks: settings.leaks.subscriptions[0].unsubscribe must be a non-empty array of method names. See docs/settings.md.']],
      ['follow.ts', ['eslint-plugin-leaks: settings.leaks.subscriptions[0].unsubscribe must be a non-empty array of method names. See docs/settings.md.']],
    ]);
  });

  it("a file path resolves from ESLint's cwd, not the process's", async () => {
    expect(process.cwd()).not.toBe(dir);
    const results = await eslint({
      subscriptions: [{ from: 'file', path: 'bus.ts', name: 'Bus', instances: ['bus'], subscribe: ['listen'], unsubscribe: ['unlisten'] }],
    }).lintFiles(['follow.ts']);
    expect(results[0]?.messages.map((message) => [message.ruleId, message.line, message.column])).toEqual([['leaks/no-leaked-subscription', 3, 3]]);
  });
});
